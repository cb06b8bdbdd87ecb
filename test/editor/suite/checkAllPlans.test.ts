// Policy Lens: Check All Plans in Workspace, in a real VS Code: a plan that is not open gets its problems in the
// Problems panel; opened, it has the live ones, once (VS Code pulls an open document's diagnostics: the server pushes
// a listed plan's instead, and answers its pulls empty); its tab closed, it stays listed (VS Code drops a document's
// pulled diagnostics when its tab closes, before the document closes).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CheckWorkspaceResult } from '../../../server/src/shared/protocol';
import { poll, serverReady } from '../helpers';

const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'policy-lens').map((d) => String(d.code));

describe('Check All Plans in Workspace', () => {
  before(() => serverReady());

  it('lists the problems of a plan that is not open, once, and keeps listing it after it is opened and closed', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const plan = vscode.Uri.joinPath(folder, 'workspace-check', '海珠区工作方案.md');
    await vscode.workspace.fs.writeFile(plan, Buffer.from('# 海珠区工作方案\n\n1. 落实表3第25项。（区商务局牵头，2024年底前完成）\n', 'utf8'));
    assert.deepStrictEqual(codes(plan), [], 'nothing before the check: the plan is not open');

    const result = await vscode.commands.executeCommand<CheckWorkspaceResult>('policyLens.checkWorkspace');
    assert.ok(result, 'the command answers what it checked');
    const listed = result.plans.find((p) => p.file === 'workspace-check/海珠区工作方案.md');
    assert.ok(listed, `the plan is among those checked: ${result.plans.map((p) => p.file).join(', ')}`);
    assert.deepStrictEqual([listed.open, listed.errors], [false, 1]);
    await poll('the plan\'s problems without opening it', () => codes(plan), (c) => c.includes('unknown-task'));

    const doc = await vscode.workspace.openTextDocument(plan);
    await vscode.window.showTextDocument(doc);
    // the live list is pushed in place of the disk's: the finding is shown once
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepStrictEqual(codes(plan).filter((x) => x === 'unknown-task'), ['unknown-task'], 'not twice');
    // and it is the live one: an edit that cites a task that exists takes the finding away, undone it is back once
    const editor = vscode.window.activeTextEditor!;
    const at = doc.getText().indexOf('25');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 2)), '24'));
    await poll('the finding gone with the edit', () => codes(plan), (c) => !c.includes('unknown-task'));
    await vscode.commands.executeCommand('undo');
    await poll('the finding back, once', () => codes(plan), (c) => c.filter((x) => x === 'unknown-task').length === 1);

    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepStrictEqual(codes(plan), ['unknown-task'], 'still listed once its tab is closed');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'workspace-check'), { recursive: true });
  });
});
