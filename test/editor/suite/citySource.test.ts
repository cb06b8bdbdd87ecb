// Another city's 总体方案 in place of the bundled one, in a real VS Code: set as a workspace setting (policyLens.sources
// with an empty prefix), the language status counts its tasks, a plan's bare references are checked and shown against
// it; taken out again, the bundled Guangzhou 总体方案 is back.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, extension, hoverText, poll, positionOf, REPO_ROOT, serverReady } from '../helpers';

interface Api {
  status: { item: vscode.LanguageStatusItem };
}

describe("Another city's 总体方案 as the source bare references cite", () => {
  before(() => serverReady());

  it('counts its tasks, checks and hovers bare references against it, and gives the bundled one back when removed', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const policies = path.join(folder.uri.fsPath, 'policies');
    fs.mkdirSync(policies, { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'sources', 'shenzhen.md'), path.join(policies, 'shenzhen.md'));
    const uri = vscode.Uri.joinPath(folder.uri, 'city-plan.md');
    fs.writeFileSync(uri.fsPath, '# 某区落实试点任务的实施方案\n\n一、落实表1第3项，支持外商投资设立律师事务所联营机构，外资比例不超过60%。\n\n二、推进表1第12项。\n');
    const config = vscode.workspace.getConfiguration('policyLens');
    const status = (extension().exports as Api).status.item;
    try {
      await config.update('sources', [{ path: 'policies/shenzhen.md', prefix: '' }], vscode.ConfigurationTarget.Workspace);
      await poll('the language status of the city source', () => status.text, (t) => t === 'Policy Lens: 10 tasks', { timeoutMs: 15000 });
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const ds = await poll('the city source\'s findings', () => vscode.languages.getDiagnostics(uri),
        (all) => all.some((d) => diagnosticCode(d) === 'threshold-mismatch') && all.some((d) => diagnosticCode(d) === 'unknown-task'), { timeoutMs: 10000 });
      assert.match(ds.find((d) => diagnosticCode(d) === 'threshold-mismatch')!.message, /表1第3项.*外资比例不超过49%/, describeDiagnostics(ds));
      assert.match(ds.find((d) => diagnosticCode(d) === 'unknown-task')!.message, /^表1第12项.*1–6/, describeDiagnostics(ds));
      assert.match(await hoverText(doc, positionOf(doc, '表1第3项', 2)), /律师事务所联营机构/);
      await config.update('sources', undefined, vscode.ConfigurationTarget.Workspace);
      await poll('the language status of the bundled source', () => status.text, (t) => t === 'Policy Lens: 130 tasks', { timeoutMs: 15000 });
      await poll('表1第12项 a task again', () => vscode.languages.getDiagnostics(uri), (all) => !all.some((d) => diagnosticCode(d) === 'unknown-task'), { timeoutMs: 10000 });
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await config.update('sources', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(uri.fsPath, { force: true });
      fs.rmSync(policies, { recursive: true, force: true });
    }
  });
});
