import * as assert from 'assert';
import * as vscode from 'vscode';
import { extension, openPlan, poll, serverReady } from '../helpers';

interface ViewNode {
  kind: string;
  task?: { id: string; state: string };
}

interface Api {
  coverage: {
    result?: { total: number; cited: number; tasks: { id: string; state: string; locations: unknown[] }[] };
    uncoveredOnly: boolean;
    getChildren(node?: ViewNode): ViewNode[];
  };
}

/** The task items the coverage view shows, under every source and table node. */
function shownTasks(api: Api): { id: string; state: string }[] {
  const out: { id: string; state: string }[] = [];
  const walk = (node?: ViewNode) => {
    for (const child of api.coverage.getChildren(node)) {
      if (child.kind === 'task') out.push(child.task!);
      else if (child.kind === 'source' || child.kind === 'table') walk(child);
    }
  };
  walk();
  return out;
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
    const all = shownTasks(api);
    const result = api.coverage.result!;
    assert.strictEqual(all.length, result.total, `the view shows every task before filtering: ${all.length} of ${result.total}`);
    const cited = all.filter((t) => t.state === 'cited').map((t) => t.id);
    assert.ok(cited.includes('T4.9') && cited.includes('T1.12'), `the unfiltered view shows the cited tasks, cited: ${cited.join(' ')}`);
    await vscode.commands.executeCommand('policyLens.showUncoveredOnly');
    const uncovered = shownTasks(api);
    assert.deepStrictEqual(uncovered.filter((t) => t.state === 'cited').map((t) => t.id), [], 'the filtered view shows no cited task');
    assert.strictEqual(uncovered.length, result.total - cited.length, `the filtered view shows every task that is not cited: ${uncovered.length}, expected ${result.total - cited.length}`);
    assert.ok(!uncovered.some((t) => t.id === 'T4.9'), 'T4.9, cited by the plan, is filtered out');
    await vscode.commands.executeCommand('policyLens.showAllTasks');
    assert.strictEqual(shownTasks(api).length, result.total, 'showing all tasks again brings back every task');
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
