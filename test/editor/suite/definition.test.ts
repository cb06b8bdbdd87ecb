import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED_FILE, openPlan, poll, positionOf, serverReady } from '../helpers';

describe('Go to definition', () => {
  before(() => serverReady());

  it('takes 表4第9项 to T4.9 in the seed text', async () => {
    const doc = await openPlan();
    type Target = vscode.Location | vscode.LocationLink;
    const targets = await poll('a definition of 表4第9项',
      async () => (await vscode.commands.executeCommand<Target[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, '表4第9项', 2))) ?? [],
      (ts) => ts.length > 0, { timeoutMs: 10000 });
    const [uri, range] = 'targetUri' in targets[0] ? [targets[0].targetUri, targets[0].targetRange] : [targets[0].uri, targets[0].range];
    assert.ok(uri.path.endsWith(SEED_FILE), `definition points at ${uri.toString()}, not at ${SEED_FILE}`);
    const seed = await vscode.workspace.openTextDocument(uri);
    const line = seed.lineAt(range.start.line).text;
    assert.ok(line.includes('放宽外商设立投资性公司申请条件'), `definition points at a line that is not T4.9: ${line}`);
  });
});
