// In a real VS Code: a plan whose body and 分工表 disagree on a task's lead (assignment-mismatch, fixed by its quick
// fix), and a body item that names no lead shown with the table's in its hover; a 分工表 in a file of its own beside
// the plan, followed when it changes on disk (the client's file watcher).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { diagnosticCode, hoverText, poll, rangeOf, serverReady } from '../helpers';

const PLAN = [
  '# 某区实施方案',
  '',
  '1. 允许外商投资社会调查（表1第12项）。（区发展改革局牵头）',
  '2. 支持外商投资旅行社从事出境旅游业务（表1第13项）。',
  '',
  '附件：重点任务分工表',
  '',
  '| 任务 | 牵头单位 | 完成时限 |',
  '| --- | --- | --- |',
  '| 表1第12项 | 区商务局 | 2025年底 |',
  '| 表1第13项 | 区文广旅体局 | 2025年底 |',
  '',
].join('\n');

describe("A plan's body against its 分工表", () => {
  before(() => serverReady());

  it('flags the body\'s other lead, writes the table\'s with the quick fix, and hovers an item with the table\'s lead', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: PLAN });
    await vscode.window.showTextDocument(doc);
    const ds = await poll('the assignment-mismatch diagnostic', () => vscode.languages.getDiagnostics(doc.uri),
      (x) => x.some((d) => diagnosticCode(d) === 'assignment-mismatch'), { timeoutMs: 20000 });
    const found = ds.find((d) => diagnosticCode(d) === 'assignment-mismatch')!;
    assert.deepStrictEqual(found.range, rangeOf(doc, '区发展改革局'), 'on the unit the body names');
    assert.strictEqual(found.severity, vscode.DiagnosticSeverity.Warning);
    const hover = await poll('a hover on the second item naming the table\'s lead', () => hoverText(doc, new vscode.Position(3, 0)), (t) => t.includes('区文广旅体局'));
    assert.match(hover, /区文广旅体局(（见分工表）| \(from the plan's 分工表\))/);
    const actions = await poll('a quick fix writing 区商务局',
      async () => (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, found.range)) ?? [],
      (as) => as.some((a) => a.title.includes('区商务局')));
    const fix = actions.find((a): a is vscode.CodeAction => a.title.includes('区商务局') && 'edit' in a && !!a.edit);
    assert.ok(fix, `no quick fix with an edit; actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'VS Code refused the quick fix edit');
    assert.strictEqual(doc.lineAt(2).text, '1. 允许外商投资社会调查（表1第12项）。（区商务局牵头）');
    await poll('the assignment-mismatch to go away', () => vscode.languages.getDiagnostics(doc.uri),
      (x) => !x.some((d) => diagnosticCode(d) === 'assignment-mismatch'), { timeoutMs: 10000 });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('compares a plan with the 分工表 file beside it, and follows that file when it changes on disk', async () => {
    const folder = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'annex-district');
    fs.mkdirSync(folder, { recursive: true });
    const body = PLAN.slice(0, PLAN.indexOf('附件'));
    const table = PLAN.slice(PLAN.indexOf('| 任务'));
    fs.writeFileSync(path.join(folder, '某区实施方案.md'), body);
    fs.writeFileSync(path.join(folder, '某区重点任务分工表.md'), table);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, '某区实施方案.md')));
    await vscode.window.showTextDocument(doc);
    const ds = await poll('the comparison with the 分工表 beside the plan', () => vscode.languages.getDiagnostics(doc.uri),
      (x) => x.some((d) => diagnosticCode(d) === 'assignment-mismatch'), { timeoutMs: 20000 });
    assert.deepStrictEqual(ds.find((d) => diagnosticCode(d) === 'assignment-mismatch')!.range, rangeOf(doc, '区发展改革局'));
    assert.ok(!ds.some((d) => diagnosticCode(d) === 'missing-lead-unit'), 'the second item is led by the 分工表');
    fs.writeFileSync(path.join(folder, '某区重点任务分工表.md'), table.replace('| 表1第12项 | 区商务局 |', '| 表1第12项 | 区发展改革局 |'));
    await poll('the plan checked with the changed 分工表', () => vscode.languages.getDiagnostics(doc.uri),
      (x) => !x.some((d) => diagnosticCode(d) === 'assignment-mismatch'), { timeoutMs: 20000 });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
