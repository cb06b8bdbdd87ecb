// Another city's 总体方案 in place of the bundled one (policyLens.sources with an empty prefix): the references without
// a prefix cite it in the editor, in hover, definition and coverage, and the CLI with the same settings says the same;
// when it cannot be read, those references are reported as citing nothing, never checked against Guangzhou's.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, positionOf, ROOT } from '../support/lspClient';
import { byPosition, SOURCE_FIXTURES, withSourceWorkspace } from '../support/sourceWorkspace';

const CLI = path.join(ROOT, 'dist', 'cli.js');
/** Shenzhen's plan written as Shenzhen's drafters would: bare references to their own 总体方案. */
const PLAN = fs.readFileSync(path.join(SOURCE_FIXTURES, 'shenzhen-plan.md'), 'utf8').replace(/SZ表/g, '表');
const SECTION = { sources: [{ path: 'policies/shenzhen.md', prefix: '' }] };

describe("another city's 总体方案 as the source bare references cite", function () {
  this.timeout(30000);
  const ws = withSourceWorkspace(JSON.stringify({ 'policyLens.sources': SECTION.sources }), SECTION, PLAN);

  it("checks 表1第3项's 外资比例 against that source, and 表1第12项 as past its 表1's end", () => {
    const mismatch = ws.diagnostics.filter((d) => d.code === 'threshold-mismatch');
    assert.deepStrictEqual(mismatch.map((d) => d.range.start), [positionOf(PLAN, '不超过60%'), positionOf(PLAN, '不少于3年')], JSON.stringify(ws.diagnostics));
    assert.match(mismatch[0].message, /与表1第3项不符：原文为“外资比例不超过49%”/);
    assert.strictEqual(mismatch[0].relatedInformation[0].location.uri, pathToFileURL(path.join(ws.dir, 'policies', 'shenzhen.md')).toString());
    const unknown = ws.diagnostics.filter((d) => d.code === 'unknown-task').map((d) => d.message);
    assert.deepStrictEqual(unknown, ['表2第5项不存在：表2共有第1–4项。是否要引用表2第4项？', '表1第12项不存在：表1共有第1–6项。是否要引用表1第6项？']);
  });

  it('shows its task on hover and goes to its line on definition', async () => {
    const at = positionOf(PLAN, '表1第3项', 2);
    const hover = await ws.client.request('textDocument/hover', { textDocument: { uri: ws.planUri }, position: at });
    assert.match(hover.contents.value, /支持外商投资设立律师事务所联营机构/);
    const [target] = await ws.client.request('textDocument/definition', { textDocument: { uri: ws.planUri }, position: at });
    assert.strictEqual(target.uri, pathToFileURL(path.join(ws.dir, 'policies', 'shenzhen.md')).toString());
    const line = fs.readFileSync(path.join(ws.dir, 'policies', 'shenzhen.md'), 'utf8').split('\n')[target.range.start.line];
    assert.match(line, /^\| 3 \| 商务服务领域 \| 支持外商投资设立律师事务所联营机构/);
  });

  it('is named by the status as loaded in the bundled source\'s place', async () => {
    const status = await ws.client.request('policyLens/status', { uri: ws.planUri });
    assert.deepStrictEqual(status.sources.map((s: any) => [s.prefix, s.title, s.inPlace]), [['', '深圳市服务业扩大开放综合试点总体方案（测试用虚构文件）', true]]);
  });

  it('counts only its tasks in the coverage, as the default source', async () => {
    const coverage = await ws.client.request('policyLens/coverage', { uris: [ws.planUri] });
    assert.deepStrictEqual(coverage.sources.map((x: any) => x.prefix), ['']);
    assert.strictEqual(coverage.total, 10);
    assert.strictEqual(coverage.tasks.find((t: any) => t.id === 'T1.3').state, 'cited');
  });

  it('gives the same diagnostics from policy-lens check in the folder', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', 'plan.md', '--format', 'json'], { cwd: ws.dir, encoding: 'utf8' });
    assert.strictEqual(r.status, 1, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout)[0].diagnostics.slice().sort(byPosition), ws.diagnostics);
  });

  it('when it cannot be read: says so, and reports each bare reference as citing nothing', async () => {
    const other = new LspClient();
    try {
      other.configuration = { sources: [{ path: 'policies/gone.md', prefix: '' }] };
      await other.initialize({ rootPath: ws.dir, configuration: true });
      const isError = (m: any) => /^window\/showMessage/.test(m.method) && m.params.type === 1;
      const shown = [...other.notifications, ...other.serverRequests].find(isError) ?? (await other.waitFor(isError, 8000, 'an error message'));
      assert.match(shown.params.message, /gone\.md: cannot read: no such file/);
      other.open(ws.planUri, PLAN);
      const ds = (await other.waitForDiagnostics(ws.planUri)).diagnostics;
      const refs = PLAN.match(/表\d第\d+项/g)!;
      assert.strictEqual(ds.length, refs.length, JSON.stringify(ds));
      assert.ok(ds.every((d: any) => d.code === 'unknown-task' && d.message.includes('前缀为空的一项')), JSON.stringify(ds));
    } finally {
      await other.shutdown();
    }
    fs.writeFileSync(path.join(ws.dir, 'lens.json'), JSON.stringify({ 'policyLens.sources': [{ path: 'policies/gone.md', prefix: '' }] }));
    const r = spawnSync(process.execPath, [CLI, 'check', 'plan.md', '--config', 'lens.json'], { cwd: ws.dir, encoding: 'utf8' });
    assert.deepStrictEqual([r.status, r.stdout], [2, ''], r.stderr);
    assert.match(r.stderr, /gone\.md: cannot read: no such file/);
  });
});
