// A work plan of the programme whose body numbers its tasks (no table), loaded as the source bare references cite: its
// numbered items are tasks to the editor as a table's rows are, in diagnostics, hover, definition and coverage, and the
// CLI with the same settings says the same.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { positionOf, ROOT } from '../support/lspClient';
import { withSourceWorkspace } from '../support/sourceWorkspace';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SOURCE = 'workplan-pdf.txt';
const SECTION = { sources: [{ path: `policies/${SOURCE}`, prefix: '' }] };
const PLAN = [
  '# 某区落实《服务业开放试点提质工作方案》实施方案',
  '',
  '为贯彻落实《服务业开放试点提质工作方案》（商资函〔2025〕12号），制定本方案。',
  '',
  '1. 允许外商投资设立独资医院，注册资本不低于500万元（表1第3项）。（区卫生健康局牵头，2026年底前完成）',
  '2. 推进互联网接入服务业务开放，外资股比不超过50%（第1项）。（区工信局牵头，2026年底前完成）',
  '3. 探索建立跨境服务贸易负面清单管理制度（表1第9项）。（区商务局牵头，2029年底前完成）',
  '',
].join('\n');

describe('a work plan whose body numbers its tasks, as the source bare references cite', function () {
  this.timeout(30000);
  const workspace = withSourceWorkspace(JSON.stringify({ 'policyLens.sources': SECTION.sources }), SECTION, PLAN, SOURCE);

  it('checks a threshold, a task past the list\'s end and the pilot\'s end against it', () => {
    assert.deepStrictEqual(workspace.diagnostics.map((d) => [d.code, d.range.start]), [
      ['threshold-mismatch', positionOf(PLAN, '不低于500万元')],
      ['unknown-task', positionOf(PLAN, '表1第9项')],
      ['deadline-outside-pilot', positionOf(PLAN, '2029年底前')],
    ], JSON.stringify(workspace.diagnostics));
    assert.match(workspace.diagnostics[0].message, /原文为“注册资本不低于1000万元”/);
  });

  it('shows a bare 第1项 on hover and goes to its numbered item in the source', async () => {
    const at = positionOf(PLAN, '第1项');
    const hover = await workspace.client.request('textDocument/hover', { textDocument: { uri: workspace.planUri }, position: at });
    assert.match(hover.contents.value, /取消互联网接入服务业务的外商投资股比限制，外资股比不超过50%的业务向外资开放/);
    const [target] = await workspace.client.request('textDocument/definition', { textDocument: { uri: workspace.planUri }, position: at });
    assert.strictEqual(target.uri, pathToFileURL(path.join(workspace.dir, 'policies', SOURCE)).toString());
    const line = fs.readFileSync(path.join(workspace.dir, 'policies', SOURCE), 'utf8').split('\n')[target.range.start.line];
    assert.match(line, /^1．取消互联网接入服务/);
  });

  it('completes a bare 第 with its tasks, its list being one table', async () => {
    const at = positionOf(PLAN, '第1项');
    const list = await workspace.client.request('textDocument/completion', { textDocument: { uri: workspace.planUri }, position: { line: at.line, character: at.character + 1 } });
    const items = Array.isArray(list) ? list : list.items;
    assert.deepStrictEqual(items.map((i: any) => i.label), ['第1项', '第2项', '第3项', '第4项', '第5项']);
    assert.strictEqual(items[0].textEdit.newText, '第1项');
  });

  it('counts its five tasks in the coverage', async () => {
    const coverage = await workspace.client.request('policyLens/coverage', { uris: [workspace.planUri] });
    assert.strictEqual(coverage.total, 5);
    assert.deepStrictEqual(coverage.tasks.filter((t: any) => t.state === 'cited').map((t: any) => t.id), ['T1.1', 'T1.3']);
  });

  it('gives the same diagnostics from policy-lens check in the folder', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', 'plan.md', '--format', 'json'], { cwd: workspace.dir, encoding: 'utf8' });
    assert.strictEqual(r.status, 1, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout)[0].diagnostics, workspace.diagnostics);
  });
});
