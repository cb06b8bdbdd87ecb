// Protocol tests: the built server (node dist/server.js --stdio) spoken to over JSON-RPC, as any editor would.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, positionOf, ROOT } from '../support/lspClient';

const T4_9 = '放宽外商设立投资性公司申请条件，申请前一年外国投资者资产总额降为不低于两亿美元，取消对外国投资者在中国境内已设立外商投资企业的数量要求。';
const SEED_URI = pathToFileURL(path.join(ROOT, 'seeds', '000_a08c9159ea97f61a.txt')).toString();

describe('the language server over stdio', function () {
  this.timeout(20000);
  let client: LspClient;
  let workspace: string;
  const planText = [
    '# 实施方案',
    '',
    '一、落实表4第9项，申请前一年外国投资者资产总额不低于两亿美元。',
    '二、落实表1第58项和T3.25。',
    '三、推进表1第12至14项与表2第3、5项。',
    '四、见表 1 第 12 项。',
  ].join('\n');
  let planUri: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-ws-'));
    fs.writeFileSync(path.join(workspace, 'other.md'), '另见表4第9项。\n\n以及T4.9。\n');
    fs.mkdirSync(path.join(workspace, 'node_modules'));
    fs.writeFileSync(path.join(workspace, 'node_modules', 'skip.md'), '表4第9项\n');
    planUri = pathToFileURL(path.join(workspace, 'plan.md')).toString();
    client = new LspClient();
    const init = await client.initialize({ rootPath: workspace });
    assert.ok(init.capabilities.hoverProvider, 'advertises hover');
    assert.strictEqual(init.capabilities.textDocumentSync.change, 2, 'uses incremental sync');
    client.open(planUri, planText);
    await client.waitForDiagnostics(planUri);
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('publishes unknown-task errors that say what exists and suggest the nearest task', () => {
    const published = client.diagnostics.get(planUri)!;
    const unknown = published.diagnostics.filter((d) => d.code === 'unknown-task');
    assert.strictEqual(unknown.length, 2, JSON.stringify(published.diagnostics, null, 1));
    assert.ok(unknown.every((d) => d.severity === 1 && d.source === 'policy-lens'));
    const t158 = unknown.find((d) => d.range.start.line === 3 && d.range.start.character === 4)!;
    assert.ok(t158, 'the 表1第58项 diagnostic starts at the reference');
    assert.strictEqual(t158.range.end.character, 4 + '表1第58项'.length);
    assert.match(t158.message, /第1–57项/);
    assert.match(t158.message, /表1第57项/);
    assert.strictEqual(t158.relatedInformation[0].location.uri, SEED_URI);
  });

  it('shows the full task text, both IDs, the table and a source link on hover', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: planUri }, position: positionOf(planText, '表4第9项', 2) });
    const value: string = hover.contents.value;
    assert.ok(value.includes(T4_9), value);
    assert.ok(value.includes('表4第9项 · T4.9'), value);
    assert.ok(value.includes('优化服务业开放发展的体制机制'), 'table title');
    assert.ok(value.includes('促进贸易投资自由化便利化'), 'category');
    assert.ok(value.includes(`${SEED_URI}#L266`), 'link to the task line in the seed');
    assert.deepStrictEqual(hover.range.start, positionOf(planText, '表4第9项'));
  });

  it('shows each task of a range or list on hover', async () => {
    const range = await client.request('textDocument/hover', { textDocument: { uri: planUri }, position: positionOf(planText, '表1第12至14项', 1) });
    for (const id of ['T1.12', 'T1.13', 'T1.14']) assert.ok(range.contents.value.includes(id), `range hover shows ${id}`);
    const list = await client.request('textDocument/hover', { textDocument: { uri: planUri }, position: positionOf(planText, '表2第3、5项', 1) });
    assert.ok(list.contents.value.includes('T2.3') && list.contents.value.includes('T2.5') && !list.contents.value.includes('T2.4'));
  });

  it('answers hover with nothing away from references and on unknown tasks', async () => {
    const none = await client.request('textDocument/hover', { textDocument: { uri: planUri }, position: { line: 0, character: 2 } });
    assert.strictEqual(none, null);
    const unknown = await client.request('textDocument/hover', { textDocument: { uri: planUri }, position: positionOf(planText, 'T3.25', 1) });
    assert.strictEqual(unknown, null);
  });

  it('resolves references written with spaces', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: planUri }, position: positionOf(planText, '表 1 第 12 项', 4) });
    assert.ok(hover.contents.value.includes('中方股比不低于67%'));
  });

  async function completeAt(text: string, uri = 'untitled:complete.md') {
    client.open(uri, text);
    const lines = text.split('\n');
    const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position });
    client.notify('textDocument/didClose', { textDocument: { uri } });
    return list;
  }

  it('completes every task of a table after 表1第, sorted by number, with domain and full text', async () => {
    const list = await completeAt('落实表1第');
    assert.strictEqual(list.items.length, 57);
    const sorted = [...list.items].sort((a: any, b: any) => a.sortText.localeCompare(b.sortText));
    assert.deepStrictEqual(sorted.slice(0, 3).map((i: any) => i.label), ['表1第1项', '表1第2项', '表1第3项']);
    const t12 = list.items.find((i: any) => i.label === '表1第12项');
    assert.strictEqual(t12.detail, '商务服务领域');
    assert.ok(t12.documentation.value.includes('中方股比不低于67%'));
    assert.strictEqual(t12.textEdit.newText, '表1第12项');
    assert.deepStrictEqual(t12.textEdit.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } });
  });

  it('completes after 表 1 第 with spaces, after a typed digit, and after T2. and T3-', async () => {
    assert.strictEqual((await completeAt('见表 1 第')).items.length, 57);
    const typed = await completeAt('见表4第1');
    assert.strictEqual(typed.items.length, 14);
    assert.deepStrictEqual(typed.items[0].textEdit.range.start, { line: 0, character: 1 });
    const dot = await completeAt('见T2.');
    assert.strictEqual(dot.items.length, 17);
    assert.ok(dot.items.some((i: any) => i.label === 'T2.17'));
    const dash = await completeAt('见T3-');
    assert.ok(dash.items.some((i: any) => i.label === 'T3-24'));
  });

  it('offers the five tables after 表', async () => {
    const list = await completeAt('依据表');
    assert.deepStrictEqual(list.items.map((i: any) => i.label), ['表1', '表2', '表3', '表4', '表5']);
    assert.strictEqual(list.items[1].detail, '推进现代服务业同先进制造业“两业”融合发展');
  });

  it('offers nothing in plain prose', async () => {
    assert.strictEqual(await completeAt('今天天气'), null);
  });

  it('goes to the task lines in the seed on definition', async () => {
    const locations = await client.request('textDocument/definition', { textDocument: { uri: planUri }, position: positionOf(planText, '表4第9项', 1) });
    assert.strictEqual(locations.length, 1);
    assert.strictEqual(locations[0].uri, SEED_URI);
    assert.strictEqual(locations[0].range.start.line, 265);
    const seedLine = fs.readFileSync(path.join(ROOT, 'seeds', '000_a08c9159ea97f61a.txt'), 'utf8').split('\n')[265];
    assert.ok(seedLine.includes('两亿美元'));
    assert.deepStrictEqual(locations[0].range.end, { line: 266, character: 0 }, 'the whole task line is selected, up to the start of the next');
  });

  it('finds every citation of a task in open documents and workspace files, skipping node_modules', async () => {
    const refs = await client.request('textDocument/references', {
      textDocument: { uri: planUri }, position: positionOf(planText, '表4第9项', 1), context: { includeDeclaration: false },
    });
    const otherUri = pathToFileURL(path.join(workspace, 'other.md')).toString();
    assert.deepStrictEqual(refs.map((r: any) => r.uri).sort(), [otherUri, otherUri, planUri].sort());
    assert.ok(!refs.some((r: any) => r.uri.includes('node_modules')));
    const withDecl = await client.request('textDocument/references', {
      textDocument: { uri: planUri }, position: positionOf(planText, '表4第9项', 1), context: { includeDeclaration: true },
    });
    assert.ok(withDecl.some((r: any) => r.uri === SEED_URI));
  });

  it('offers the nearest task as a quick fix for an unknown one, not preferred: it is a question, not the fix', async () => {
    const published = client.diagnostics.get(planUri)!;
    const d = published.diagnostics.find((x) => x.code === 'unknown-task' && x.message.includes('表1第58项'))!;
    assert.match(d.message, /是否要引用表1第57项？$/);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri: planUri }, range: d.range, context: { diagnostics: [d] } });
    // no fix of every unknown task at once: each nearest number is a guess (表1第58项 → 表1第57项, T3.25 → T3.24)
    assert.deepStrictEqual(actions.map((a: any) => a.kind), ['quickfix', 'quickfix.disable'], 'the fix, then the directive that silences it');
    assert.deepStrictEqual(actions[0].edit.changes[planUri], [{ range: d.range, newText: '表1第57项' }]);
    assert.ok(!actions[0].isPreferred, 'not for Auto Fix');
    assert.strictEqual(actions[1].title, '在本行停用 unknown-task 检查');
    const silencesOnly = await client.request('textDocument/codeAction', { textDocument: { uri: planUri }, range: d.range, context: { diagnostics: [d], only: ['quickfix.disable'] } });
    assert.deepStrictEqual(silencesOnly.map((a: any) => a.kind), ['quickfix.disable'], 'only: quickfix.disable gives the directive alone');
  });

  it('re-publishes diagnostics after an incremental edit', async () => {
    const at = positionOf(planText, '58');
    const waiting = client.waitForDiagnostics(planUri, 2);
    client.change(planUri, 2, [{ range: { start: at, end: { line: at.line, character: at.character + 2 } }, text: '57' }]);
    const published = await waiting;
    assert.strictEqual(published.diagnostics.filter((d) => d.code === 'unknown-task').length, 1);
  });

  it('answers requests for a document that was never opened with nothing', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } });
    assert.strictEqual(hover, null);
  });
});

describe('the language server in English', function () {
  this.timeout(20000);
  it('follows the client locale in its messages', async () => {
    const client = new LspClient();
    try {
      await client.initialize({ locale: 'en-US' });
      client.open('untitled:en.md', '见表1第58项');
      const published = await client.waitForDiagnostics('untitled:en.md');
      assert.match(published.diagnostics[0].message, /表1 has tasks 1–57\. Did you mean 表1第57项\?/);
    } finally {
      await client.shutdown();
    }
  });
});

describe('the built bundles', () => {
  for (const name of ['server.js', 'serverBundle.js', 'cli.js', 'cliBundle.js']) {
    it(`dist/${name} is pure ASCII, so V8 keeps its source at one byte a character`, () => {
      // one CJK character left in a regular expression literal doubles the 1.3 MB the server holds for its whole life
      const text = fs.readFileSync(path.join(ROOT, 'dist', name), 'utf8');
      const at = text.search(/[^\x00-\x7f]/);
      assert.strictEqual(at, -1, `non-ASCII at ${at}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 10))}`);
    });
  }
});
