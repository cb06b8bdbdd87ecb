import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED_FILE, extension, openPlan, poll, positionOf, serverReady } from '../helpers';

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

  it('counts above T4.9 in the seed text the places the workspace cites it, and lists them in a peek on click', async () => {
    await openPlan();
    const seed = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(extension().extensionUri, SEED_FILE));
    await vscode.window.showTextDocument(seed);
    // the task's row of 表4 (the body says the same words earlier)
    const line = seed.getText().split('\n').findIndex((l) => /^\s*9\. 放宽外商设立投资性公司申请条件/.test(l));
    const lenses = await poll('the code lenses of the seed text',
      async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', seed.uri)) ?? [],
      (ls) => ls.some((l) => l.range.start.line === line && !!l.command), { timeoutMs: 10000 });
    const t49 = lenses.find((l) => l.range.start.line === line)!;
    assert.match(t49.command!.title, /^(引用 \d+ 处|\d+ citations?)/, t49.command!.title);
    assert.strictEqual(t49.command!.command, 'policyLens.showCitations');
    const places = t49.command!.arguments![2] as { uri: string }[];
    assert.ok(places.some((p) => p.uri.endsWith('/plan.md')), JSON.stringify(places));
    // the click: VS Code's references peek over the seed text, with no error
    await vscode.commands.executeCommand(t49.command!.command, ...t49.command!.arguments!);
  });
});
