import * as assert from 'assert';
import * as vscode from 'vscode';
import { openPlan, poll, positionOf, serverReady } from '../helpers';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('Completion', () => {
  before(() => serverReady());

  it('offers 表1第1项 … 表1第57项 after 表1第', async () => {
    const doc = await openPlan();
    const position = positionOf(doc, '参照表1第', 'end');
    const labels = await poll('completion items for 表1第',
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
        return (list?.items ?? []).map(labelOf);
      },
      (l) => l.includes('表1第1项'), { timeoutMs: 10000 });
    const missing = Array.from({ length: 57 }, (_, i) => `表1第${i + 1}项`).filter((l) => !labels.includes(l));
    assert.deepStrictEqual(missing, [], `completion after 表1第 lacks ${missing.length} of the 57 tasks of 表1`);
    assert.ok(!labels.includes('表1第58项'), '表1 has only 57 tasks, yet 表1第58项 is offered');
  });
});
