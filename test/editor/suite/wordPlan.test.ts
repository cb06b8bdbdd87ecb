// In VS Code: Policy Lens: Open Word Plan shows a .docx as read-only Markdown in which the checks and hovers work.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, extension, hoverText, poll, positionOf, serverReady } from '../helpers';
import { makeDocx, WORD_PLAN, WORD_PLAN_MARKDOWN } from '../../support/docxFixture';
import { makeWorkbook, WORKBOOK_MARKDOWN } from '../../support/xlsxFixture';

describe('Open Word Plan', () => {
  let folder: vscode.Uri;
  const created: vscode.Uri[] = [];

  before(async () => {
    await serverReady();
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'VS Code was started without the test workspace folder');
    folder = workspace.uri;
    // made here, in the run's copy of the workspace (a .doc below is the one binary fixture: no library writes one)
    const plan = vscode.Uri.joinPath(folder, 'plan.docx');
    await vscode.workspace.fs.writeFile(plan, await makeDocx(WORD_PLAN));
    const fake = vscode.Uri.joinPath(folder, 'fake.docx');
    await vscode.workspace.fs.writeFile(fake, new TextEncoder().encode('落实表1第1项。'));
    const workbook = vscode.Uri.joinPath(folder, '分工表.xlsx');
    await vscode.workspace.fs.writeFile(workbook, await makeWorkbook());
    created.push(plan, fake, workbook);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('is offered in the Explorer\'s context menu of .docx and .doc files', () => {
    const menu: { command: string; when?: string }[] = extension().packageJSON.contributes?.menus?.['explorer/context'] ?? [];
    assert.ok(menu.some((m) => m.command === 'policyLens.openWordPlan' && m.when === 'resourceExtname == .docx || resourceExtname == .doc || resourceExtname == .wps || resourceExtname == .pdf || resourceExtname == .ofd || resourceExtname == .html || resourceExtname == .htm'), JSON.stringify(menu));
  });

  /** A binary fixture (test/fixtures/…) copied into the workspace as `name` and opened with Open Word Plan, as a view. */
  async function openFixture(name: string, fixture: string): Promise<vscode.TextEditor> {
    const file = vscode.Uri.joinPath(folder, name);
    await vscode.workspace.fs.writeFile(file, fs.readFileSync(path.join(__dirname, '../../../../test/fixtures', fixture)));
    created.push(file);
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('policyLens.openWordPlan', file);
    assert.ok(editor, 'the command opened no editor');
    assert.strictEqual(editor.document.uri.scheme, 'policy-lens-word');
    return editor;
  }

  /** The view is checked: its threshold mismatch and its unknown task are found. */
  async function checked(editor: vscode.TextEditor, what: string): Promise<void> {
    const ds = await poll(`the threshold mismatch in the ${what} view`, () => vscode.languages.getDiagnostics(editor.document.uri),
      (x) => x.some((d) => diagnosticCode(d) === 'threshold-mismatch'), { timeoutMs: 20000 });
    assert.ok(ds.some((d) => diagnosticCode(d) === 'unknown-task'), describeDiagnostics(ds));
  }

  it('opens a Word 97–2003 plan (.doc) the same way, checked', async () => {
    // the one binary fixture of the repository that no library writes: LibreOffice made it (test/fixtures/word97/make.cjs)
    const editor = await openFixture('旧方案.doc', 'word97/word-plan.doc');
    assert.match(editor.document.getText(), /^# 黄埔区落实服务业扩大开放综合试点实施方案\n/);
    // its items' automatic numbers, which the .doc's text does not hold, written in as Word draws them
    assert.match(editor.document.getText(), /\n1\. 商务服务领域：落实表1第12项/);
    await checked(editor, '.doc');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('opens a PDF saved from a Word plan the same way, checked as that plan', async () => {
    // made by LibreOffice from test/fixtures/pdf/plan.docx (test/fixtures/pdf/makePdf.cjs)
    const editor = await openFixture('征求意见稿.pdf', 'pdf/plan.pdf');
    assert.match(editor.document.getText(), /^# 天河区贯彻落实广州市服务业扩大开放综合试点总体方案的实施方案（征求意见稿）\n/);
    assert.ok(!/— \d+ —/.test(editor.document.getText()), 'page numbers are not the plan\'s text');
    await checked(editor, 'PDF');
    assert.match(await hoverText(editor.document, positionOf(editor.document, '表1第12项')), /T1\.12/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('opens an OFD (GB/T 33190) the same way, checked as the plan it was written from', async () => {
    // the PDF above written as an OFD (test/fixtures/ofd/makeOfd.cjs)
    const editor = await openFixture('征求意见稿.ofd', 'ofd/plan.ofd');
    assert.match(editor.document.getText(), /^# 天河区贯彻落实广州市服务业扩大开放综合试点总体方案的实施方案（征求意见稿）\n/);
    await checked(editor, 'OFD');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('opens a web page the same way (a plan as a district site publishes it, GB2312), checked', async () => {
    const editor = await openFixture('某区实施方案.html', 'html/gov-page.html');
    assert.match(editor.document.getText(), /^# 某区落实服务业扩大开放综合试点实施方案\n/);
    assert.ok(!editor.document.getText().includes('首页'), 'the page\'s menu is not the plan\'s text');
    await checked(editor, 'web page');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('opens the extracted plan as Markdown, with policy-lens diagnostics and hovers in it', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('policyLens.openWordPlan', vscode.Uri.joinPath(folder, 'plan.docx'));
    assert.ok(editor, 'the command opened no editor');
    const doc = editor.document;
    assert.strictEqual(doc.uri.scheme, 'policy-lens-word');
    assert.strictEqual(doc.languageId, 'markdown');
    assert.strictEqual(doc.getText(), WORD_PLAN_MARKDOWN, 'the view does not show the extracted Markdown');
    const diags = await poll('policy-lens diagnostics in the Word plan view', () => vscode.languages.getDiagnostics(doc.uri),
      (ds) => ds.some((d) => d.source === 'policy-lens' && diagnosticCode(d) === 'unknown-task'));
    const unknown = diags.find((d) => diagnosticCode(d) === 'unknown-task')!;
    assert.strictEqual(doc.getText(unknown.range), '表1第58项', describeDiagnostics(diags));
    const hover = await poll('a hover on 表4第9项 in the Word plan view', () => hoverText(doc, positionOf(doc, '表4第9项', 2)), (h) => h.includes('外国投资者资产总额'));
    assert.match(hover, /T4\.9/);
  });

  it('offers a quick fix in the read-only view as a command that copies its text for the Word file', async () => {
    const doc = vscode.window.activeTextEditor?.document;
    assert.strictEqual(doc?.uri.scheme, 'policy-lens-word', 'the Word plan view is not the active editor');
    const at = positionOf(doc, '表1第58项', 3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at));
    const fix = actions.find((a) => a.command?.command === 'policyLens.copyFix');
    assert.ok(fix, `no copying fix: ${actions.map((a) => a.title).join(' | ')}`);
    assert.deepStrictEqual([fix.edit, fix.command!.arguments], [undefined, ['表1第57项']]);
    // the command copies the text (the clipboard itself is the browser's here) and says where to make the change
    assert.strictEqual(await vscode.commands.executeCommand(fix.command!.command, ...fix.command!.arguments!), '表1第57项');
  });

  it('completes references and counts coverage in the Word plan view', async () => {
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.scheme, 'policy-lens-word', 'the Word plan view is not the active editor');
    const doc = editor.document;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, positionOf(doc, '表1第58项', 3));
    assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '表1第57项'), 'no completion after 表1第 in the view');
    const api = extension().exports as { coverage: { result?: { tasks: { id: string; locations: { uri: string }[] }[] } } };
    const result = await poll('coverage of the Word plan view', () => vscode.commands.executeCommand('policyLens.refreshCoverage').then(() => api.coverage.result),
      (r) => !!r?.tasks.find((t) => t.id === 'T1.49')?.locations.length);
    const places = result!.tasks.find((t) => t.id === 'T1.49')!.locations.map((l) => vscode.Uri.parse(l.uri).scheme);
    assert.deepStrictEqual(places, ['policy-lens-word'], 'T1.49 is not counted in the view');
  });

  it('opens an Excel 分工表 (Open Excel Plan, in the context menu of .xlsx files) as Markdown, checked row by row', async () => {
    const menu: { command: string; when?: string }[] = extension().packageJSON.contributes?.menus?.['explorer/context'] ?? [];
    assert.ok(menu.some((m) => m.command === 'policyLens.openExcelPlan' && m.when === 'resourceExtname == .xlsx || resourceExtname == .xls || resourceExtname == .et'), JSON.stringify(menu));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('policyLens.openExcelPlan', vscode.Uri.joinPath(folder, '分工表.xlsx'));
    assert.ok(editor, 'the command opened no editor');
    const doc = editor.document;
    assert.strictEqual(doc.uri.scheme, 'policy-lens-word');
    assert.strictEqual(doc.getText(), WORKBOOK_MARKDOWN, 'the view does not show the extracted Markdown');
    const diags = await poll('policy-lens diagnostics in the Excel plan view', () => vscode.languages.getDiagnostics(doc.uri),
      (ds) => ds.some((d) => d.source === 'policy-lens' && diagnosticCode(d) === 'threshold-mismatch'));
    assert.strictEqual(doc.getText(diags.find((d) => diagnosticCode(d) === 'threshold-mismatch')!.range), '不低于51%', describeDiagnostics(diags));
  });

  it('tells the user when a file is not a Word document, and opens nothing', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('policyLens.openWordPlan', vscode.Uri.joinPath(folder, 'fake.docx'));
    assert.strictEqual(editor, undefined, 'an editor was opened on a file that is not a .docx');
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'policy-lens-word'), 'a Word plan view is open');
  });
});
