import * as assert from 'assert';
import * as vscode from 'vscode';
import { extension, openPlan, poll, serverReady } from '../helpers';

interface Api {
  coverage: { result?: { total: number; cited: number; tasks: { id: string; locations: unknown[] }[] }; uncoveredOnly: boolean };
}

describe('Coverage', () => {
  before(() => serverReady());

  it('counts the tasks the active plan cites', async () => {
    await openPlan();
    const api = extension().exports as Api;
    const result = await poll('coverage of the active plan', () => vscode.commands.executeCommand('policyLens.refreshCoverage').then(() => api.coverage.result),
      (r) => !!r && r.total === 130 && r.cited > 0);
    const cited = result!.tasks.filter((t) => t.locations.length).map((t) => t.id);
    assert.ok(cited.includes('T4.9') && cited.includes('T1.12'), `cited: ${cited.join(' ')}`);
    assert.ok(!cited.includes('T1.58'), 'a task that does not exist is not counted');
  });

  it('filters the view to uncovered tasks and back', async () => {
    const api = extension().exports as Api;
    await vscode.commands.executeCommand('policyLens.showUncoveredOnly');
    assert.strictEqual(api.coverage.uncoveredOnly, true);
    await vscode.commands.executeCommand('policyLens.showAllTasks');
    assert.strictEqual(api.coverage.uncoveredOnly, false);
  });

  it('exports the coverage as CSV and as Markdown', async () => {
    await openPlan();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    for (const [format, name, header] of [['csv', 'coverage.csv', 'task,id,state,text,cited_at,restated_at'], ['markdown', 'coverage.md', '| 表4第9项 |']] as const) {
      const target = vscode.Uri.joinPath(folder, name);
      const written = await vscode.commands.executeCommand<vscode.Uri>('policyLens.exportCoverage', format, target);
      assert.strictEqual(written?.toString(), target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.ok(text.includes(header), `${name} has ${header}`);
      assert.strictEqual(text.split('\n').filter((l) => /^(表|\| 表)\d第/.test(l)).length, 130, `${name} lists all 130 tasks`);
    }
  });
});
