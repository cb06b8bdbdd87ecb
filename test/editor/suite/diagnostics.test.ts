import * as assert from 'assert';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, openPlan, poll, rangeOf, serverReady } from '../helpers';

async function waitForDiagnostic(doc: vscode.TextDocument, code: string): Promise<vscode.Diagnostic> {
  const diags = await poll(`a diagnostic with code ${code}`, () => vscode.languages.getDiagnostics(doc.uri),
    (ds) => ds.some((d) => diagnosticCode(d) === code), { timeoutMs: 10000 })
    .catch((e: Error) => { throw new Error(`${e.message.split('; last saw')[0]}; diagnostics were:\n${describeDiagnostics(vscode.languages.getDiagnostics(doc.uri))}`); });
  return diags.find((d) => diagnosticCode(d) === code)!;
}

describe('Diagnostics', () => {
  before(() => serverReady());

  it('reports 表1第58项 as an unknown task', async () => {
    const doc = await openPlan();
    const d = await waitForDiagnostic(doc, 'unknown-task');
    assert.strictEqual(d.source, 'policy-lens');
    assert.ok(d.range.intersection(rangeOf(doc, '表1第58项')), `unknown-task is at ${doc.getText(d.range)}, not at 表1第58项`);
  });

  it('reports 中方股比不低于51% as contradicting 表1第12项 (67%)', async () => {
    const doc = await openPlan();
    const d = await waitForDiagnostic(doc, 'threshold-mismatch');
    assert.strictEqual(d.source, 'policy-lens');
    const line = rangeOf(doc, '中方股比不低于51%').start.line;
    assert.strictEqual(d.range.start.line, line, `threshold-mismatch is on line ${d.range.start.line + 1}, expected ${line + 1}`);
  });

  it('does not flag the valid references 表4第9项 and 表1第12项 as unknown', async () => {
    const doc = await openPlan();
    await waitForDiagnostic(doc, 'unknown-task');
    const unknown = vscode.languages.getDiagnostics(doc.uri).filter((d) => diagnosticCode(d) === 'unknown-task');
    for (const ref of ['表4第9项', '表1第12项']) {
      assert.ok(!unknown.some((d) => d.range.intersection(rangeOf(doc, ref))), `${ref} is flagged as unknown`);
    }
  });
});
