// missing-deadline: a task item (a list item or table row that cites or restates a task) with no deadline — no date
// and no words under 完成时限 (持续推进) in its text, the labelled lines after it, its table's 完成时限 column or the
// headings above it — in a plan that gives most of its task items one (policyLens.structure.requireDeadline: auto).
// Not an item whose task a row of the plan's 分工表 (a table of the plan, often its 附件) dates; of an item citing
// several, those the rows date none of are said.
import { Finding } from '../findings';
import { itemAssignmentOf, partlyAssigned, ResponsibilityRun, taskOfItem } from '../itemAssignment';
import { Block } from '../planModel';
import { responsibilityMessages } from '../responsibilityMessages';
import { formatReference } from '../taskIndex';
import { relatedTask } from './related';
import { itemRange } from './itemRange';
import type { CheckRun } from './registry';

export function checkMissingDeadline(block: Block, run: CheckRun & { structure?: ResponsibilityRun }): Finding[] {
  const structure = run.structure;
  if (!structure?.expectDeadlines) return [];
  const item = taskOfItem(block, run.structure);
  if (!item) return [];
  const text = run.model.text;
  const assignment = itemAssignmentOf(block, run);
  if (assignment.deadline || assignment.term) return [];
  const msg = responsibilityMessages(run.locale);
  // the plan's 分工表 dates the task (a body that cites its tasks, an 附件 that assigns them); of an item citing several,
  // each one's: those it dates none of are said, unless a row it cannot read may date them
  const part = item.task && block.kind !== 'row' && structure.tables ? partlyAssigned(text, block, item.task, structure.tables, 'dated') : undefined;
  if (part === 'all') return [];
  const ref = item.task ? formatReference(item.task) : '';
  const message = part
    ? msg.partlyDated(part.missing, part.given)
    : structure.requireDeadline === 'always' ? msg.missingDeadlineAlways(ref) : msg.missingDeadline(ref);
  const related = item.task ? [relatedTask(run.context.index, item.task, run.msg)] : [];
  return [{ ...itemRange(text, block), code: 'missing-deadline', severity: 'warning', message, related, fixes: [] }];
}
