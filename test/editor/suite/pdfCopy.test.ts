// A plan copied out of a PDF into a text file, in VS Code: its findings squiggle the lines the file has, and a quick fix
// writes only the character it changes, the line breaks left where the PDF put them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, poll, REPO_ROOT, serverReady } from '../helpers';

function pdfCopy(id: string): string {
  const line = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'heldout', 'pdf-copies-r12.jsonl'), 'utf8').split('\n').find((l) => l.includes(`"id":"${id}"`));
  assert.ok(line, id);
  return JSON.parse(line).text;
}

describe('A plan copied out of a PDF', () => {
  before(() => serverReady());

  it('squiggles 6⏎0% across its two lines, and its quick fix writes 5 over the 6 and nothing else', async () => {
    const text = pdfCopy('pc12_04');
    const folder = vscode.workspace.workspaceFolders![0];
    const uri = vscode.Uri.joinPath(folder.uri, 'pdf-copy.txt');
    fs.writeFileSync(uri.fsPath, text);
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      assert.strictEqual(doc.languageId, 'plaintext');
      const diagnostics = await poll('the threshold-mismatch and other-district-unit diagnostics', () => vscode.languages.getDiagnostics(uri),
        (ds) => ds.some((d) => diagnosticCode(d) === 'threshold-mismatch') && ds.some((d) => diagnosticCode(d) === 'other-district-unit'), { timeoutMs: 10000 });
      const threshold = diagnostics.find((d) => diagnosticCode(d) === 'threshold-mismatch')!;
      const six = doc.positionAt(text.indexOf('不超过6\n0%') + 3);
      assert.strictEqual(threshold.range.start.line, six.line, describeDiagnostics(diagnostics));
      assert.strictEqual(threshold.range.end.line, six.line + 1, 'the range ends on the next line, after 0%');
      const actions = await poll('the quick fix of 60%',
        async () => (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, threshold.range)) ?? [],
        (as) => as.some((a) => a.isPreferred && !!a.edit));
      const fix = actions.find((a) => a.isPreferred && !!a.edit)!;
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'VS Code refused the quick fix edit');
      assert.strictEqual(doc.getText(), text.replace('不超过6\n0%', '不超过5\n0%'));
      await poll('the threshold-mismatch gone', () => vscode.languages.getDiagnostics(uri), (ds) => !ds.some((d) => diagnosticCode(d) === 'threshold-mismatch'), { timeoutMs: 10000 });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      fs.rmSync(uri.fsPath, { force: true });
    }
  });
});
