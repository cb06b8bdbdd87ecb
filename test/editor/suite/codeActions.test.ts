import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { diagnosticCode, openPlan, poll, rangeOf, serverReady } from '../helpers';

describe('Quick fixes', () => {
  before(() => serverReady());

  let original: string | undefined;
  let doc: vscode.TextDocument | undefined;

  after(async () => {
    // Put the plan back for the other tests (the edit was never saved to disk).
    if (doc && original !== undefined && doc.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      await vscode.workspace.applyEdit(edit);
      await doc.save();
    }
  });

  it('replaces 表1第58项 with the nearest task 表1第57项', async () => {
    doc = await openPlan();
    original = doc.getText();
    const plan = doc;
    await poll('the unknown-task diagnostic', () => vscode.languages.getDiagnostics(plan.uri),
      (ds) => ds.some((d) => diagnosticCode(d) === 'unknown-task'), { timeoutMs: 10000 });
    const range = rangeOf(plan, '表1第58项');
    const actions = await poll('a quick fix titled with 表1第57项',
      async () => (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', plan.uri, range)) ?? [],
      (as) => as.some((a) => a.title.includes('表1第57项')));
    const fix = actions.find((a): a is vscode.CodeAction => a.title.includes('表1第57项') && 'edit' in a && !!a.edit);
    assert.ok(fix, `the quick fix has no edit; actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(!fix.kind || vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind is ${fix.kind?.value}, not quickfix`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'VS Code refused the quick fix edit');
    const line = plan.lineAt(range.start.line).text;
    assert.ok(line.includes('表1第57项'), `after the fix the line reads: ${line}`);
    assert.ok(!plan.getText().includes('表1第58项'), '表1第58项 is still in the plan');
  });

  it('fixes every finding of a plan on save, with editor.codeActionsOnSave source.fixAll.policyLens', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const uri = vscode.Uri.joinPath(folder.uri, 'fix-on-save.md');
    fs.writeFileSync(uri.fsPath, '1. 落实表1第12项，中方股比不低于51%。\n');
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await config.update('codeActionsOnSave', { 'source.fixAll.policyLens': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const plan = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(plan);
      await poll('the threshold-mismatch diagnostic', () => vscode.languages.getDiagnostics(plan.uri),
        (ds) => ds.some((d) => diagnosticCode(d) === 'threshold-mismatch'), { timeoutMs: 10000 });
      // the source action is offered by its kind, not in the quick fix menu
      const source = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plan.uri, rangeOf(plan, '51%'), 'source.fixAll');
      assert.deepStrictEqual(source.map((a) => a.kind?.value), ['source.fixAll.policyLens']);
      // typed, then saved (with the Save command, as a user's Ctrl+S)
      const edit = new vscode.WorkspaceEdit();
      edit.insert(plan.uri, plan.positionAt(plan.getText().length), '2. 探索文化企业贷款“黑名单”制度（表3第17项）。\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await poll('the reversed-wording diagnostic', () => vscode.languages.getDiagnostics(plan.uri),
        (ds) => ds.some((d) => diagnosticCode(d) === 'reversed-wording'), { timeoutMs: 10000 });
      await vscode.commands.executeCommand('workbench.action.files.save');
      await poll('the plan saved with its fixes', () => fs.readFileSync(uri.fsPath, 'utf8'),
        (t) => t === '1. 落实表1第12项，中方股比不低于67%。\n2. 探索文化企业贷款“白名单”制度（表3第17项）。\n', { timeoutMs: 10000 });
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(uri.fsPath, { force: true });
    }
  });

  it('fixes every 表1第12条 of an untitled plan at once', async () => {
    const plan = await vscode.workspace.openTextDocument({ language: 'markdown', content: '1. 落实表1第12条。\n2. 推进表1第13条和表1第14条。\n' });
    await vscode.window.showTextDocument(plan);
    await poll('the nonstandard-reference diagnostics', () => vscode.languages.getDiagnostics(plan.uri),
      (ds) => ds.filter((d) => diagnosticCode(d) === 'nonstandard-reference').length === 3, { timeoutMs: 10000 });
    const actions = await poll('the action that fixes all three',
      async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plan.uri, rangeOf(plan, '表1第13条'))) ?? [],
      (as) => as.some((a) => a.kind?.value === 'quickfix.all'));
    const all = actions.find((a) => a.kind?.value === 'quickfix.all')!;
    assert.match(all.title, /(Fix all 3|全部 3 处) nonstandard-reference/, 'in the editor\'s language');
    assert.ok(await vscode.workspace.applyEdit(all.edit!), 'VS Code refused the edit');
    assert.strictEqual(plan.getText(), '1. 落实表1第12项。\n2. 推进表1第13项和表1第14项。\n');
    await poll('no nonstandard-reference left', () => vscode.languages.getDiagnostics(plan.uri),
      (ds) => !ds.some((d) => diagnosticCode(d) === 'nonstandard-reference'), { timeoutMs: 10000 });
  });
});
