// policyLens/checkWorkspace over the protocol: the built server checks a folder of plans (Markdown, GB18030 text, a
// Word plan, a file it cannot read), pushes the findings of those that are not open, and keeps a plan listed after it
// has been opened and closed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CHECK_WORKSPACE_REQUEST, CheckWorkspaceResult, WORD_PLAN_SCHEME } from '../../server/src/shared/protocol';
import { wordPlanUri } from '../../server/src/documentUris';
import { LspClient, ROOT } from '../support/lspClient';

describe('policyLens/checkWorkspace, over the protocol', function () {
  this.timeout(30000);
  let client: LspClient;
  let workspace: string;
  const uri = (name: string) => pathToFileURL(path.join(workspace, name)).toString();
  const codesOf = (u: string) => client.diagnostics.get(u)?.diagnostics.map((d: any) => d.code);

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-workspace-check-'));
    fs.writeFileSync(path.join(workspace, 'a.md'), '# 番禺区工作方案\n\n1. 落实表1第58项。（区商务局牵头，2024年底前完成）\n');
    fs.mkdirSync(path.join(workspace, '白云区'));
    // a text plan as Notepad on Chinese Windows saves it
    fs.writeFileSync(path.join(workspace, '白云区', 'b.txt'), iconv.encode('白云区工作方案\r\n\r\n1. 允许外商投资社会调查，中方股比不低于51%（表1第12项）。（区商务局牵头，2024年底前完成）\r\n', 'gb18030'));
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/pdf/plan.docx'), path.join(workspace, 'plan.docx'));
    fs.writeFileSync(path.join(workspace, 'broken.docx'), 'not a zip');
    client = new LspClient();
    await client.initialize({ rootPath: workspace });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('pushes the findings of every plan on disk, a Word plan under its view, and names the file it cannot read', async () => {
    const result: CheckWorkspaceResult = await client.request(CHECK_WORKSPACE_REQUEST.method, null);
    const word = wordPlanUri(path.join(workspace, 'plan.docx'));
    assert.ok(word.startsWith(`${WORD_PLAN_SCHEME}:`));
    assert.deepStrictEqual(result.plans.map((p) => p.file).sort(), ['a.md', 'plan.docx', '白云区/b.txt']);
    assert.deepStrictEqual(result.unreadable.map((u) => path.basename(u.file)), ['broken.docx']);
    assert.deepStrictEqual(codesOf(uri('a.md')), ['unknown-task']);
    assert.deepStrictEqual(codesOf(uri('白云区/b.txt')), ['threshold-mismatch']);
    const wordPlan = result.plans.find((p) => p.file === 'plan.docx')!;
    assert.strictEqual(wordPlan.uri, word);
    assert.strictEqual(client.diagnostics.get(word)?.diagnostics.length, wordPlan.errors + wordPlan.warnings + wordPlan.others);
    assert.ok(wordPlan.warnings > 0);
    // what the answer counts is what was pushed
    const a = result.plans.find((p) => p.file === 'a.md')!;
    assert.deepStrictEqual([a.open, a.errors, a.warnings, a.others], [false, 1, 0, 0]);
  });

  it('gives an opened plan its live diagnostics, and lists it from disk again once it is closed', async () => {
    client.open(uri('a.md'), '# 番禺区工作方案\n\n1. 落实表1第57项。（区商务局牵头，2024年底前完成）\n');
    await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri('a.md') && m.params.version === 1);
    assert.deepStrictEqual(codesOf(uri('a.md')), []);
    const listedAgain = client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri('a.md') && m.params.diagnostics.length > 0);
    client.notify('textDocument/didClose', { textDocument: { uri: uri('a.md') } });
    await listedAgain;
    assert.deepStrictEqual(codesOf(uri('a.md')), ['unknown-task']);
  });

  it('counts an open plan without pushing over its live diagnostics', async () => {
    client.open(uri('白云区/b.txt'), '白云区工作方案\n\n1. 落实表1第12项。（区商务局牵头，2024年底前完成）\n', 'plaintext');
    await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri('白云区/b.txt') && m.params.version === 1);
    const result: CheckWorkspaceResult = await client.request(CHECK_WORKSPACE_REQUEST.method, null);
    const b = result.plans.find((p) => p.file === '白云区/b.txt')!;
    assert.deepStrictEqual([b.open, b.errors], [true, 0]);
    assert.deepStrictEqual(codesOf(uri('白云区/b.txt')), [], "the editor's text, not the disk's");
  });
});
