// A workspace scan (coverage, a source's code lenses) reads and checks each plan on disk once while it is unchanged
// (ServerContext.workspaceFiles and referencesIn, over server/src/planFileCache.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerContext } from '../../server/src/serverContext';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('a scan of the workspace plans', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-scan-'));
    fs.writeFileSync(path.join(dir, 'a.md'), '落实表1第12项。\n');
    fs.writeFileSync(path.join(dir, 'b.md'), '推进表2第3项。\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks a plan on disk again only when it changed, or when the sources or settings did', async () => {
    const ctx = new ServerContext({} as Connection, new TextDocuments(TextDocument), ROOT);
    ctx.workspaceFolders = [dir];
    const checked: string[] = [];
    const analyze = ctx.checker.analyze.bind(ctx.checker);
    ctx.checker.analyze = (text, ...rest) => {
      checked.push(text);
      return analyze(text, ...rest);
    };
    const scan = async () => {
      const cited: string[] = [];
      for await (const f of ctx.workspaceFiles()) for (const r of ctx.referencesIn(f.uri, f.text).references) cited.push(...r.tasks.map((t) => t.id));
      return cited.sort();
    };
    assert.deepStrictEqual(await scan(), ['T1.12', 'T2.3']);
    assert.strictEqual(checked.length, 2);
    assert.deepStrictEqual(await scan(), ['T1.12', 'T2.3']);
    assert.strictEqual(checked.length, 2, 'unchanged: neither read nor checked again');
    fs.writeFileSync(path.join(dir, 'a.md'), '落实表1第13项。\n');
    fs.utimesSync(path.join(dir, 'a.md'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    assert.deepStrictEqual(await scan(), ['T1.13', 'T2.3']);
    assert.deepStrictEqual(checked.slice(2), ['落实表1第13项。\n'], 'the changed file alone');
    ctx.invalidateAll();
    await scan();
    assert.strictEqual(checked.length, 5, 'both again after the sources or settings changed');
  });
});
