// missing-lead-unit: a task item (a list item or table row that cites or restates a task) with no lead unit — not in
// its text, the labelled lines after it, its table's columns or its headings — in a plan that names lead units elsewhere.
import { Finding } from '../findings';
import { ITEM_OPENING } from '../scopes';
import { blockAssignment, ResponsibilityRun } from '../itemAssignment';
import { Block, cellSpans } from '../planModel';
import { responsibilityMessages } from '../responsibilityMessages';
import { formatReference } from '../taskIndex';
import { lineEndFrom } from '../text';
import { Task } from '../types';
import { relatedTask } from './related';
import type { CheckRun } from './registry';


/** The task an item or row is about: the first it cites, or the one it restates; undefined when it is no task item. */
function taskOf(block: Block): { task?: Task } | undefined {
  if ((block.kind !== 'item' && block.kind !== 'row') || block.tableHeader) return undefined;
  const cited = block.references.find((r) => r.tasks.length);
  if (cited) return { task: cited.tasks[0] };
  if (block.bare.length) return { task: block.bare.find((b) => b.resolved)?.resolved };
  return block.restates && { task: block.restates.task };
}

/** An item's first line without its list marker; a row's cell that cites the task (or its longest cell). */
function findingRange(text: string, block: Block): { start: number; end: number } {
  if (block.kind === 'row') {
    const spans = cellSpans(text.slice(block.start, block.end)).map(([a, b]) => [block.start + a, block.start + b] as const);
    const at = block.references[0]?.ref.start;
    const cell = spans.find(([a, b]) => at !== undefined && at >= a && at < b)
      ?? spans.reduce((best, s) => (s[1] - s[0] > best[1] - best[0] ? s : best), spans[0]);
    return { start: cell[0], end: cell[1] };
  }
  const start = block.start + ITEM_OPENING.exec(text.slice(block.start, block.end))![0].length;
  // the end of the first line, found without cutting out the rest of the item
  let end = lineEndFrom(text, start, block.end);
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

export function checkMissingLeadUnit(block: Block, run: CheckRun & { structure?: ResponsibilityRun }): Finding[] {
  const structure = run.structure;
  if (!structure || structure.requireLeadUnit === 'off') return [];
  if (structure.requireLeadUnit === 'auto' && !structure.planAssignsLeads) return [];
  const task = taskOf(block);
  if (!task) return [];
  const text = run.model.text;
  const assignment = blockAssignment(text, run.model.blocks, block, structure.firstLeads, structure);
  if (assignment.lead) return [];
  const msg = responsibilityMessages(run.locale);
  const { start, end } = findingRange(text, block);
  const ref = task.task ? formatReference(task.task) : '';
  const message = assignment.named?.length
    ? msg.namedWithoutLead(assignment.named.map((u) => u.name).join('、'))
    : structure.requireLeadUnit === 'always' ? msg.missingLeadUnitAlways(ref) : msg.missingLeadUnit(ref);
  const related = task.task ? [relatedTask(run.context.index, task.task, run.msg)] : [];
  return [{ start, end, code: 'missing-lead-unit', severity: 'warning', message, related, fixes: [] }];
}
