// Another city's 总体方案 in place of the bundled one, in a real VS Code: set as a workspace setting (policyLens.sources
// with an empty prefix), the language status counts its tasks and names it, a plan's bare references are checked and shown against
// it; taken out again, the bundled Guangzhou 总体方案 is back.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { describeDiagnostics, diagnosticCode, extension, hoverText, poll, positionOf, rangeOf, REPO_ROOT, serverReady } from '../helpers';

interface Api {
  status: { item: vscode.LanguageStatusItem };
}

/** Takes the workspace's source setting out, waits for the bundled source to be back, and removes the test's files. */
async function restoreBundled(config: vscode.WorkspaceConfiguration, status: vscode.LanguageStatusItem, ...files: string[]): Promise<void> {
  await config.update('sources', undefined, vscode.ConfigurationTarget.Workspace);
  await poll('the language status of the bundled source', () => status.text, (t) => t === 'Policy Lens: 130 tasks', { timeoutMs: 15000 });
  for (const f of files) fs.rmSync(f, { recursive: true, force: true });
}

describe("Another city's 总体方案 as the source bare references cite", () => {
  before(() => serverReady());

  it("says when a plan implements another city's 总体方案, and its quick fix (Use as the Source) loads that one", async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const source = vscode.Uri.joinPath(folder.uri, 'nanjing.txt');
    fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'heldout', 'sources-r17', 'nanjing.txt'), source.fsPath);
    const uri = vscode.Uri.joinPath(folder.uri, 'nanjing-plan.md');
    fs.writeFileSync(uri.fsPath, '# 建邺区落实服务业扩大开放综合试点实施方案\n\n为贯彻落实《南京市服务业扩大开放综合试点总体方案》，结合我区实际，制定本方案。\n\n1. 推进表1第25项。\n');
    const config = vscode.workspace.getConfiguration('policyLens');
    const status = (extension().exports as Api).status.item;
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const ds = await poll('source-not-loaded', () => vscode.languages.getDiagnostics(uri), (all) => all.some((d) => diagnosticCode(d) === 'source-not-loaded'), { timeoutMs: 10000 });
      const told = ds.find((d) => diagnosticCode(d) === 'source-not-loaded')!;
      assert.deepStrictEqual(told.range, rangeOf(doc, '南京市服务业扩大开放综合试点总体方案'), describeDiagnostics(ds));
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, told.range)) ?? [];
      const fix = actions.find((a) => a.command?.command === 'policyLens.useAsSource');
      assert.ok(fix, actions.map((a) => a.title).join(' | '));
      // the fix opens a file dialog; the command takes the file as the explorer's context menu gives it
      assert.strictEqual(await vscode.commands.executeCommand('policyLens.useAsSource', source), true);
      assert.deepStrictEqual(config.inspect('sources')?.workspaceValue, [{ path: 'nanjing.txt', prefix: '' }]);
      await poll('the language status of 南京\'s source', () => status.text, (t) => t === 'Policy Lens: 66 tasks of 《南京市服务业扩大开放综合试点总体方案》', { timeoutMs: 15000 });
      await poll('source-not-loaded gone', () => vscode.languages.getDiagnostics(uri), (all) => !all.some((d) => diagnosticCode(d) === 'source-not-loaded'), { timeoutMs: 10000 });
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await restoreBundled(config, status, uri.fsPath, source.fsPath);
    }
  });

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
      await poll('the language status of the city source', () => status.text, (t) => t === 'Policy Lens: 10 tasks of 《深圳市服务业扩大开放综合试点总体方案（测试用虚构文件）》', { timeoutMs: 15000 });
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
      await restoreBundled(config, status, uri.fsPath, policies);
    }
  });

  it('loads a work plan whose body numbers its tasks the same way: its items are the tasks hover and definition show', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const source = vscode.Uri.joinPath(folder.uri, 'workplan.txt');
    fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'sources', 'workplan-pdf.txt'), source.fsPath);
    const uri = vscode.Uri.joinPath(folder.uri, 'workplan-plan.md');
    fs.writeFileSync(uri.fsPath, '# 某区落实工作方案的实施方案\n\n1. 推进互联网接入服务业务开放（第1项）。\n\n2. 允许外商投资设立独资医院，注册资本不低于500万元（表1第3项）。\n');
    const config = vscode.workspace.getConfiguration('policyLens');
    const status = (extension().exports as Api).status.item;
    try {
      assert.strictEqual(await vscode.commands.executeCommand('policyLens.useAsSource', source), true);
      await poll('the language status of the work plan', () => status.text, (t) => t === 'Policy Lens: 5 tasks of 《服务业开放试点提质工作方案》', { timeoutMs: 15000 });
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const ds = await poll('the work plan\'s threshold', () => vscode.languages.getDiagnostics(uri), (all) => all.some((d) => diagnosticCode(d) === 'threshold-mismatch'), { timeoutMs: 10000 });
      assert.match(ds.find((d) => diagnosticCode(d) === 'threshold-mismatch')!.message, /表1第3项.*注册资本不低于1000万元/, describeDiagnostics(ds));
      assert.match(await hoverText(doc, positionOf(doc, '第1项', 1)), /取消互联网接入服务业务的外商投资股比限制/);
      const targets = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', uri, positionOf(doc, '第1项', 1))) ?? [];
      assert.deepStrictEqual(targets.map((t) => [path.basename(t.uri.fsPath), t.range.start.line]), [['workplan.txt', 15]]);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await restoreBundled(config, status, uri.fsPath, source.fsPath);
    }
  });
});
