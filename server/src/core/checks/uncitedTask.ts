// uncited-task: a list item or table row without any reference whose content clearly restates one task that no
// heading above it cites; the quick fix appends the reference in the configured style.
import { Finding } from '../findings';
import { ITEM_OPENING } from '../scopes';
import { Block, cellSpans } from '../planModel';
import { formatReference } from '../taskIndex';
import { relatedTask } from './related';
import { restatementIn } from '../itemAssignment';
import { taskLabel } from './labels';
import { topicWords } from '../topics';
import type { CheckRun } from './registry';
import { lookAlikeReference, lookAlikesIn } from './nonstandardReference';

export function checkUncitedTask(block: Block, run: CheckRun): Finding[] {
  // a heading-like line over the items of the next paragraph titles their section: no task item (taskItemsOf)
  if (run.structure?.heads) return [];
  const restated = restatementIn(block, run.structure);
  // a task its section's heading cites (### （一）表3第23项：…) is cited for the items under it
  if (!restated || restated.citedAbove !== undefined) return [];
  const text = run.model.text;
  // cited in a form that is not read (表1第12条): nonstandard-reference says so, and its fix cites the task
  if (lookAlikesIn(text, block.start, block.end).some((l) => lookAlikeReference(l, run.context.index)?.tasks.includes(restated.task))) return [];
  const ref = formatReference(restated.task, run.referenceStyle);
  const at = insertionPoint(text, block);
  const terms = run.context.matcher.explain(topicWords(text.slice(block.start, block.end)), restated.task.id, 3).terms;
  // the finding covers the item's words, not its list marker or the row's pipes
  const lead = ITEM_OPENING.exec(text.slice(block.start, block.end))![0].length;
  let end = block.end;
  while (end > block.start + lead && /[\s|]/.test(text[end - 1])) end--;
  return [{
    start: block.start + lead,
    end,
    code: 'uncited-task',
    severity: 'hint',
    message: run.msg.uncitedTask(formatReference(restated.task), taskLabel(run.context.index, restated.task), terms),
    related: [relatedTask(run.context.index, restated.task, run.msg)],
    fixes: [{ title: run.msg.addReference(ref), start: at, end: at, newText: `（${ref}）`, preferred: true }],
  }];
}

/** Where the reference goes: before the item's closing full stop, or at the end of a row's longest cell. */
function insertionPoint(text: string, block: Block): number {
  if (block.kind === 'row') {
    let best: [number, number] | undefined;
    for (const cell of cellSpans(text.slice(block.start, block.end))) if (!best || cell[1] - cell[0] > best[1] - best[0]) best = cell;
    return best ? block.start + best[1] : block.end;
  }
  let end = block.end;
  while (end > block.start && /\s/.test(text[end - 1])) end--;
  while (end > block.start && /[。；;.]/.test(text[end - 1])) end--;
  // the task's words end before a closing parenthesis that assigns it (（区交通运输局牵头）): cite them there
  if (text[end - 1] === '）' || text[end - 1] === ')') {
    const open = Math.max(text.lastIndexOf('（', end), text.lastIndexOf('(', end));
    if (open > block.start && /牵头|负责|配合|责任|完成|前/.test(text.slice(open, end))) return open;
  }
  return end;
}
