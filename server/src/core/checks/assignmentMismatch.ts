// assignment-mismatch: an item of the plan's body names a lead unit for a task that a row of the plan's 分工表 (a table
// of the plan, often its 附件) gives to another unit: the plan says two things about who leads the task.
import { Finding } from '../findings';
import { blockAssignment, ResponsibilityRun, taskOfItem } from '../itemAssignment';
import { Block } from '../planModel';
import { mayNameSameUnit, namesNoUnit } from '../responsibility';
import { responsibilityMessages } from '../responsibilityMessages';
import { formatReference } from '../taskIndex';
import { relatedTask } from './related';
import { itemRange } from './itemRange';
import type { CheckRun } from './registry';

export function checkAssignmentMismatch(block: Block, run: CheckRun & { structure?: ResponsibilityRun }): Finding[] {
  const led = run.structure?.tables?.led;
  // the table's own rows are what the body is compared with (two rows of a task are two parts of it)
  if (!led?.size || block.kind === 'row') return [];
  const task = taskOfItem(block, run.structure)?.task;
  const inTable = task && led.get(task);
  if (!inTable) return [];
  const structure = run.structure!;
  const assignment = blockAssignment(run.model.text, run.model.blocks, block, structure.firstLeads, structure);
  if (!assignment.lead) return [];
  const here = [assignment.lead, ...(assignment.coLeads ?? [])].map((u) => u.name).filter((name) => !namesNoUnit(name));
  // a unit of either side that the other names too (written in full or shortened: 区金融工作局, 区金融局) agrees
  if (!here.length || here.some((a) => inTable.some((b) => mayNameSameUnit(a, b)))) return [];
  const msg = responsibilityMessages(run.locale);
  const message = msg.leadDiffersFromTable(formatReference(task), here.join('、'), inTable.join('、'));
  return [{ ...itemRange(run.model.text, block), code: 'assignment-mismatch', severity: 'warning', message, related: [relatedTask(run.context.index, task, run.msg)], fixes: [] }];
}
