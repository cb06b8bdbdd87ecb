// The language status item in a real VS Code: the task count of the sources (their 文号 in the tooltip), the active
// plan's findings by severity and how long its check took, as the server's policyLens/status reports them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extension, openPlan, poll, serverReady } from '../helpers';

interface Api {
  status: {
    item: vscode.LanguageStatusItem;
    result?: { sources: { tasks: number; docNumber: string }[]; document?: { errors: number; warnings: number; others: number; checkMs?: number } };
  };
}

describe('Language status', () => {
  before(() => serverReady());

  it("shows the sources' task count, and the active plan's findings and check time", async () => {
    const doc = await openPlan();
    const api = extension().exports as Api;
    const errors = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    // the item follows the published diagnostics: wait for both, then read what it shows
    await poll('the plan\'s errors', errors, (n) => n > 0);
    await poll('the status of the active plan', () => api.status.result, (r) => r?.document?.checkMs !== undefined && r.document.errors === errors());
    const item = api.status.item;
    assert.strictEqual(item.text, 'Policy Lens: 130 tasks');
    assert.ok(item.command?.tooltip?.includes('商资发〔2022〕212号'), item.command?.tooltip);
    assert.match(item.detail ?? '', new RegExp(`^${errors()} errors · \\d+ warnings · \\d+ hints · [\\d.]+ ms$`));
    assert.strictEqual(item.busy, false);
  });
});
