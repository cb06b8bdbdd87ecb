// missing-lead-unit: a task item (a list item or table row that cites or restates a task) with no lead unit — not in
// its text, the labelled lines after it, its table's columns or its headings — in a plan that names lead units elsewhere;
// or whose only leads name no unit in particular (责任单位：各有关部门). Not an item whose task a row of the plan's
// 分工表 (a table of the plan, often its 附件) gives a lead.
import { Finding } from '../findings';
import { itemAssignmentOf, ResponsibilityRun, taskOfItem } from '../itemAssignment';
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
  // the plan's 分工表 names the task's lead (a body that cites its tasks, an 附件 that assigns them)
  if (task.task && block.kind !== 'row' && structure.tables?.led.has(task.task)) return [];
  const msg = responsibilityMessages(run.locale);
  const { start, end } = itemRange(text, block);
  const ref = task.task ? formatReference(task.task) : '';
  const message = leads.length
    ? msg.vagueLead(ref, leads.map((u) => u.name).join('、'))
    : assignment.named?.length
    ? msg.namedWithoutLead(assignment.named.map((u) => u.name).join('、'))
    : structure.requireLeadUnit === 'always' ? msg.missingLeadUnitAlways(ref) : msg.missingLeadUnit(ref);
  const related = task.task ? [relatedTask(run.context.index, task.task, run.msg)] : [];
  return [{ start, end, code: 'missing-lead-unit', severity: 'warning', message, related, fixes: [] }];
}
