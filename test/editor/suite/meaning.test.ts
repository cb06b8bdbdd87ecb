// In a real VS Code: a wrong valid citation (hover names the closer task and the shared words; the quick fix writes
// it), a bare number resolved by its content (hover says so), an uncited restatement (its quick fix cites it).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticCode, hoverText, openPlan, poll, positionOf, rangeOf, serverReady } from '../helpers';

async function quickFix(doc: vscode.TextDocument, range: vscode.Range, title: string): Promise<vscode.CodeAction> {
  const actions = await poll(`a quick fix titled with ${title}`,
    async () => (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, range)) ?? [],
    (as) => as.some((a) => a.title.includes(title)));
  const fix = actions.find((a): a is vscode.CodeAction => a.title.includes(title) && 'edit' in a && !!a.edit);
  assert.ok(fix, `no quick fix with an edit titled ${title}; actions: ${actions.map((a) => a.title).join(' | ')}`);
  return fix;
}

describe('What each sentence is about', () => {
  before(() => serverReady());
  let doc: vscode.TextDocument;
  let original: string;

  before(async () => {
    doc = await openPlan('meaning.md');
    original = doc.getText();
    await poll('the diagnostics of meaning.md', () => vscode.languages.getDiagnostics(doc.uri),
      (ds) => ds.some((d) => diagnosticCode(d) === 'reference-mismatch'), { timeoutMs: 20000 });
  });

  after(async () => {
    // the edits were never saved: put the text back for a second run
    if (doc.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
      await vscode.workspace.applyEdit(edit);
    }
  });

  it('shows on a mismatched reference the task the sentence is closer to, and fixes it', async () => {
    // the messages follow VS Code's language (English here, Chinese in a Chinese VS Code)
    const hover = await poll('a hover over 表1第31项 naming 表1第13项', () => hoverText(doc, positionOf(doc, '表1第31项', 2)), (t) => /(内容更接近|closer to) 表1第13项/.test(t));
    assert.match(hover, /(匹配词：|Matching words: ).*外商投资旅行社/);
    const fix = await quickFix(doc, rangeOf(doc, '表1第31项'), '表1第13项');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'VS Code refused the quick fix edit');
    assert.ok(doc.lineAt(2).text.includes('（表1第13项）'), `after the fix the line reads: ${doc.lineAt(2).text}`);
    await poll('the reference-mismatch to go away', () => vscode.languages.getDiagnostics(doc.uri),
      (ds) => !ds.some((d) => diagnosticCode(d) === 'reference-mismatch'), { timeoutMs: 10000 });
  });

  it('says on a bare number which task its content made it', async () => {
    const hover = await poll('a hover over 第5项', () => hoverText(doc, positionOf(doc, '第5项', 1)), (t) => t.includes('表3第5项'));
    assert.match(hover, /推断为 表3第5项（根据内容推断）|Read as 表3第5项 \(inferred from the content\)/);
    assert.ok(!vscode.languages.getDiagnostics(doc.uri).some((d) => diagnosticCode(d) === 'ambiguous-reference'), 'no ambiguous-reference for it');
  });

  it('cites the task an uncited item restates with the uncited-task quick fix', async () => {
    const ds = await poll('the uncited-task hint', () => vscode.languages.getDiagnostics(doc.uri),
      (x) => x.some((d) => diagnosticCode(d) === 'uncited-task'), { timeoutMs: 10000 });
    const hint = ds.find((d) => diagnosticCode(d) === 'uncited-task')!;
    assert.strictEqual(hint.severity, vscode.DiagnosticSeverity.Hint);
    const fix = await quickFix(doc, hint.range, '表1第17项');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'VS Code refused the quick fix edit');
    assert.ok(doc.lineAt(3).text.includes('增加货运航班时刻供给（表1第17项）（区交通运输局牵头）'), `after the fix the line reads: ${doc.lineAt(3).text}`);
  });
});
