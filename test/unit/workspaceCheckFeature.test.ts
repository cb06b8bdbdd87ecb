// The workspace check (server/src/features/workspaceCheck.ts) over a folder of plans, without a server: what it pushes,
// what it answers, and how the plans it listed stay listed as they are opened, closed, changed and deleted.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CancellationTokenSource, Diagnostic } from 'vscode-languageserver';
import { WorkspaceCheck } from '../../server/src/features/workspaceCheck';
import { readPlanFile } from '../../server/src/readers/planFile';
import { memoryContext, MemoryContext } from '../support/memoryContext';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('the workspace check (policyLens/checkWorkspace)', () => {
  let dir: string;
  let ctx: MemoryContext;
  let pushed: Map<string, Diagnostic[]>;
  let pushes: string[];
  let republished: string[];
  let check: WorkspaceCheck;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();
  const codes = (name: string) => pushed.get(uri(name))?.map((d) => d.code);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-workspace-check-'));
    fs.writeFileSync(path.join(dir, 'a.md'), '# 番禺区工作方案\n\n1. 落实表1第58项。（区商务局牵头，2024年底前完成）\n');
    fs.writeFileSync(path.join(dir, 'b.md'), '# 番禺区工作方案\n\n1. 允许外商投资社会调查，中方股比不低于51%（表1第12项）。（区商务局牵头，2024年底前完成）\n');
    fs.writeFileSync(path.join(dir, 'broken.docx'), 'not a zip');
    ctx = memoryContext(ROOT);
    // the folder's files, as the server's walk gives them: the open documents first, then the rest, unreadable ones told
    ctx.workspaceFiles = async function* (unreadable) {
      for (const doc of ctx.documents.all()) yield { uri: doc.uri, text: doc.getText() };
      for (const name of fs.readdirSync(dir).sort()) {
        const file = path.join(dir, name);
        if (ctx.documents.get(pathToFileURL(file).toString())) continue;
        try {
          yield { uri: pathToFileURL(file).toString(), text: (await readPlanFile(file)).text };
        } catch (e) {
          unreadable?.(file, (e as Error).message);
        }
      }
    };
    pushed = new Map();
    pushes = [];
    republished = [];
    check = new WorkspaceCheck(ctx, (u, list) => {
      pushed.set(u, list);
      pushes.push(u);
    }, (u) => republished.push(u));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('pushes the findings of the plans that are not open, counts every plan, and names the files it could not read', async () => {
    ctx.open(uri('b.md'), '# 番禺区工作方案\n\n1. 落实表1第12项，中方股比不低于67%。（区商务局牵头，2024年底前完成）\n');
    const result = await check.run();
    assert.ok(result);
    assert.deepStrictEqual(codes('a.md'), ['unknown-task']);
    assert.ok(!pushed.has(uri('b.md')), "the open plan's diagnostics are the editor's live ones");
    assert.deepStrictEqual(result.plans.map((p) => [path.basename(p.file), p.open, p.errors, p.warnings]), [['b.md', true, 0, 0], ['a.md', false, 1, 0]]);
    assert.strictEqual(result.unreadable.length, 1);
    assert.strictEqual(path.basename(result.unreadable[0].file), 'broken.docx');
    assert.match(result.unreadable[0].error, /not a Word \.docx document/);
    // the diagnostics are the CLI's: a range in the plan's text, the code, the source's task as related information
    const [d] = pushed.get(uri('a.md'))!;
    assert.deepStrictEqual(d.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 11 } });
    assert.strictEqual(d.source, 'policy-lens');
  });

  it('lists a plan again as it is on disk when it is closed, and has an open one it lists published again', async () => {
    await check.run();
    assert.deepStrictEqual(codes('b.md'), ['threshold-mismatch']);
    assert.ok(check.isListed(uri('b.md')));
    ctx.open(uri('b.md'), '1. 落实表1第12项。\n');
    await check.run();
    assert.deepStrictEqual(republished, [uri('b.md')], 'the open plan: its live diagnostics published again, not its disk\'s pushed');
    assert.deepStrictEqual(codes('b.md'), ['threshold-mismatch'], 'nothing pushed over it');
    // closed: the server forgets the document, then the check lists it from disk (not the editor's last text)
    ctx.close(uri('b.md'));
    await check.closed(uri('b.md'));
    assert.deepStrictEqual(codes('b.md'), ['threshold-mismatch']);
    // a document the check never listed is left alone
    const before = pushes.length;
    await check.closed(uri('other.md'));
    assert.strictEqual(pushes.length, before);
    assert.ok(!check.isListed(uri('other.md')));
  });

  it('lists a plan that was open during the check once it is closed', async () => {
    ctx.open(uri('a.md'), '1. 落实表1第12项。\n');
    await check.run();
    assert.ok(!pushed.has(uri('a.md')));
    ctx.close(uri('a.md'));
    await check.closed(uri('a.md'));
    assert.deepStrictEqual(codes('a.md'), ['unknown-task']);
  });

  it('checks a listed plan again when it changes on disk, and takes it off the list when it is deleted', async () => {
    await check.run();
    fs.writeFileSync(path.join(dir, 'a.md'), '# 番禺区工作方案\n\n1. 落实表1第57项。（区商务局牵头，2024年底前完成）\n');
    await check.filesChanged([path.join(dir, 'a.md'), path.join(dir, 'unrelated.md')]);
    assert.deepStrictEqual(codes('a.md'), []);
    fs.rmSync(path.join(dir, 'b.md'));
    await check.filesChanged([path.join(dir, 'b.md')]);
    assert.deepStrictEqual(codes('b.md'), []);
    assert.ok(!check.listedUris.includes(uri('b.md')));
    assert.ok(check.listedUris.includes(uri('a.md')));
  });

  it('checks every listed plan that is not open again when the settings change', async () => {
    await check.run();
    // the options a plan on disk is checked with (memoryContext's: one object) as a settings change leaves them
    (await ctx.fileOptions(undefined)).severity = { 'unknown-task': 'off' };
    await check.recheckListed();
    assert.deepStrictEqual(codes('a.md'), [], 'unknown-task turned off');
    assert.deepStrictEqual(codes('b.md'), ['threshold-mismatch']);
  });

  it('clears the plans an earlier run listed that are gone at the next', async () => {
    await check.run();
    fs.rmSync(path.join(dir, 'a.md'));
    const result = await check.run();
    assert.deepStrictEqual(result!.plans.map((p) => path.basename(p.file)), ['b.md']);
    assert.deepStrictEqual(codes('a.md'), []);
    assert.deepStrictEqual(check.listedUris, [uri('b.md')]);
  });

  it('answers null when cancelled, keeping what it pushed', async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    assert.strictEqual(await check.run(source.token), null);
  });

  it('says a plan whose check failed, and still checks the others', async () => {
    const analyze = ctx.checker.analyze.bind(ctx.checker);
    ctx.checker.analyze = (text, ...rest) => {
      if (text.includes('第58项')) throw new Error('a defect');
      return analyze(text, ...rest);
    };
    const result = await check.run();
    assert.deepStrictEqual(codes('b.md'), ['threshold-mismatch']);
    const failed = result!.unreadable.find((u) => path.basename(u.file) === 'a.md');
    assert.ok(failed);
    assert.match(failed.error, /^cannot check .*a\.md: a defect$/);
  });
});
