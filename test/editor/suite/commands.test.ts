import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED_FILE, extension, openPlan, poll, serverReady } from '../helpers';

describe('Commands', () => {
  before(() => serverReady());

  it('registers every command contributed in package.json', async () => {
    await openPlan();
    const contributed: string[] = (extension().packageJSON.contributes?.commands ?? []).map((c: { command: string }) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = await poll('all contributed commands registered', () => vscode.commands.getCommands(true),
      (cs) => contributed.every((c) => cs.includes(c)), { timeoutMs: 10000 }).catch(() => undefined);
    const all = registered ?? (await vscode.commands.getCommands(true));
    assert.deepStrictEqual(contributed.filter((c) => !all.includes(c)), [], 'contributed but never registered');
  });

  it('policyLens.openSource opens the seed text', async () => {
    await openPlan();
    // Not awaited: if the command asks something (a quick pick), the test still sees what it opened or times out clearly.
    let failure: unknown;
    vscode.commands.executeCommand('policyLens.openSource').then(undefined, (e) => { failure = e; });
    await poll(`an editor showing ${SEED_FILE}`, () => {
      if (failure) throw failure;
      return vscode.window.activeTextEditor?.document.uri.path ?? '';
    }, (p) => p.endsWith(SEED_FILE), { timeoutMs: 15000 });
  });
});
