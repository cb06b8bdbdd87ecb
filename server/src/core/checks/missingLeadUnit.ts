// missing-lead-unit: a task item (a list item or table row that cites or restates a task) with no lead unit — not in
// its text, the labelled lines after it, its table's columns or its headings — in a plan that names lead units elsewhere;
// or whose only leads name no unit in particular (责任单位：各有关部门). Not an item whose task a row of the plan's
// 分工表 (a table of the plan, often its 附件) gives a lead; of an item citing several, those the rows give none.
import { Finding } from '../findings';
import { itemAssignmentOf, partlyAssigned, ResponsibilityRun, taskOfItem } from '../itemAssignment';
import { Block } from '../planModel';
import { namesNoUnit } from '../responsibility';
import { responsibilityMessages } from '../responsibilityMessages';
import { formatReference } from '../taskIndex';
import { relatedTask } from './related';
import { itemRange } from './itemRange';
import type { CheckRun } from './registry';


export function checkMissingLeadUnit(block: Block, run: CheckRun & { structure?: ResponsibilityRun }): Finding[] {
  const structure = run.structure;
  if (!structure || structure.requireLeadUnit === 'off') return [];
  if (structure.requireLeadUnit === 'auto' && !structure.planAssignsLeads) return [];
  const task = taskOfItem(block, run.structure);
  if (!task) return [];
  const text = run.model.text;
  const assignment = itemAssignmentOf(block, run);
  const leads = assignment.lead ? [assignment.lead, ...(assignment.coLeads ?? [])] : [];
  if (leads.some((u) => !namesNoUnit(u.name))) return [];
  const msg = responsibilityMessages(run.locale);
  // the plan's 分工表 names the task's lead (a body that cites its tasks, an 附件 that assigns them); of an item citing
  // several, each one's: those it leads none of are said, unless a row it cannot read may lead them
  const part = task.task && block.kind !== 'row' && structure.tables ? partlyAssigned(text, block, task.task, structure.tables, 'led') : undefined;
  if (part === 'all') return [];
  const { start, end } = itemRange(text, block);
  const ref = task.task ? formatReference(task.task) : '';
  const message = part
    ? msg.partlyLed(part.missing, part.given)
    : leads.length
    ? msg.vagueLead(ref, leads.map((u) => u.name).join('、'))
    : assignment.named?.length
    ? msg.namedWithoutLead(assignment.named.map((u) => u.name).join('、'))
    : structure.requireLeadUnit === 'always' ? msg.missingLeadUnitAlways(ref) : msg.missingLeadUnit(ref);
  const related = task.task ? [relatedTask(run.context.index, task.task, run.msg)] : [];
  return [{ start, end, code: 'missing-lead-unit', severity: 'warning', message, related, fixes: [] }];
}
