// Policy Lens: Compare with Earlier Version in a real VS Code: the active plan against an earlier version on disk.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openPlan, serverReady } from '../helpers';
import { makeRevisedDocx } from '../../support/docxFixture';

describe('Comparing a plan with its earlier version', () => {
  before(() => serverReady());

  it('opens beside the plan, as Markdown, what the active plan changed against the earlier version', async () => {
    const plan = await openPlan();
    const earlier = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '征求意见稿-早期.md');
    // the earlier version cited 表1第57项 where the plan cites 表1第58项 (a task that does not exist)
    await vscode.workspace.fs.writeFile(earlier, new TextEncoder().encode(plan.getText().replace('落实表1第58项', '落实表1第57项')));
    try {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('policyLens.comparePlans', undefined, earlier);
      assert.ok(editor, 'no comparison was opened');
      const text = editor.document.getText();
      // a new document (saved where the user likes), Markdown in a language of its own: a report, not a plan to check
      assert.deepStrictEqual([editor.document.languageId, editor.document.isUntitled], ['policy-lens-comparison', true]);
      // read as prose: its lines wrap, and its full-width （） are not marked as look-alike characters
      const settings = vscode.workspace.getConfiguration('editor', editor.document);
      assert.deepStrictEqual([settings.get('wordWrap'), settings.get('unicodeHighlight.ambiguousCharacters')], ['on', false]);
      // in the editor's language (English here), as its diagnostics are
      assert.match(text, /^## Changes: 征求意见稿-早期\.md → plan\.md\n/);
      assert.match(text, /\n- No longer: 表1第57项（外籍律师）: was cited\n/);
      assert.match(text, /\n- New:\n {2}- plan\.md line \d+ error unknown-task: 表1第58项 does not exist/);
      // its 表1第58项 would be an unknown-task of its own, were it checked as a plan
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.deepStrictEqual(vscode.languages.getDiagnostics(editor.document.uri), [], 'the comparison was checked as a plan');
    } finally {
      await vscode.workspace.fs.delete(earlier);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('compares a Word plan with tracked changes (修订) as it was before them, when it is its own earlier version', async () => {
    const docx = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '修订稿.docx');
    await vscode.workspace.fs.writeFile(docx, await makeRevisedDocx());
    try {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('policyLens.comparePlans', docx, docx);
      assert.ok(editor, 'no comparison was opened');
      assert.match(editor.document.getText(), /^## Changes: 修订稿\.docx \(before its tracked changes\) → 修订稿\.docx \(with them\)\n/);
      assert.match(editor.document.getText(), /\n- Resolved:\n {2}- 修订稿\.docx \(before its tracked changes\) ¶2 error threshold-mismatch: /);
    } finally {
      await vscode.workspace.fs.delete(docx);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
