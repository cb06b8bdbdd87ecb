// The 任务分工表 export in a real VS Code: policyLens.exportAssignments writes the active plan's table as an Excel workbook and as CSV;
// policyLens.writeReport the reviewer's HTML report.
import * as assert from 'assert';
import * as ExcelJS from 'exceljs';
import * as vscode from 'vscode';
import { openPlan, serverReady } from '../helpers';

describe('The 任务分工表 export', () => {
  before(() => serverReady());

  it('writes the active plan\'s 任务分工表 as a workbook with its header and rows', async () => {
    await openPlan();
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '任务分工表.xlsx');
    const written = await vscode.commands.executeCommand<vscode.Uri>('policyLens.exportAssignments', 'xlsx', target);
    assert.strictEqual(written?.toString(), target.toString(), 'the command returns the file it wrote');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await vscode.workspace.fs.readFile(target) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    assert.deepStrictEqual((sheet.getRow(1).values as unknown[]).slice(1), ['序号', '方案条目', '对应试点任务', '牵头单位', '配合单位', '完成时限', '检查结果']);
    const tasks = sheet.getColumn(3).values.filter((v): v is string => typeof v === 'string');
    assert.ok(tasks.includes('表4第9项') && tasks.includes('表1第12项'), `the plan's cited tasks are rows: ${tasks.join(' ')}`);
  });

  it('writes the reviewer\'s report (Write Review Report) of the active plan as one HTML page', async () => {
    await openPlan();
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '审查报告.html');
    const written = await vscode.commands.executeCommand<vscode.Uri>('policyLens.writeReport', 'activePlan', target);
    assert.strictEqual(written?.toString(), target.toString(), 'the command returns the file it wrote');
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(html, /<title>实施方案审查报告<\/title>/);
    assert.match(html, /plan\.md/, 'the active plan is the one reported on');
    assert.ok(html.includes('表4第9项'), 'its tasks in the matrix');
  });

  it('writes it as CSV with a BOM', async () => {
    await openPlan();
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '任务分工表.csv');
    await vscode.commands.executeCommand('policyLens.exportAssignments', 'csv', target);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(target));
    assert.ok(text.startsWith('\uFEFF序号,方案条目,对应试点任务'), `BOM and header: ${text.slice(0, 30)}`);
  });
});
