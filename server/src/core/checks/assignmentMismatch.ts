// assignment-mismatch: an item of the plan's body names a lead unit for a task that a row of the plan's 分工表 (a table
// of the plan, often its 附件) gives to another unit, or a deadline that no row of the task gives: the plan says two
// things about who leads the task, or by when (an item citing several tasks is compared by the first). And a task of
// the body (any of an item's list or range) that a 分工表 listing most of the others leaves out.
import { readDeadlines, dueBy } from '../deadlines';
import { Finding, Fix } from '../findings';
import { itemAssignmentOf, itemExtentEnd, itemTasks, ResponsibilityRun, taskOfItem } from '../itemAssignment';
import { Block } from '../planModel';
import { mayNameSameUnit, namesNoUnit } from '../responsibility';
import { responsibilityMessages } from '../responsibilityMessages';
import { formatReference } from '../taskIndex';
import { relatedTask } from './related';
import { itemRange } from './itemRange';
import type { CheckRun } from './registry';

export function checkAssignmentMismatch(block: Block, run: CheckRun & { structure?: ResponsibilityRun }): Finding[] {
  const tables = run.structure?.tables;
  // the table's own rows are what the body is compared with (two rows of a task are two parts of it)
  if (!tables || block.kind === 'row') return [];
  const task = taskOfItem(block, run.structure)?.task;
  if (!task) return [];
  const msg = responsibilityMessages(run.locale);
  const ref = formatReference(task);
  // a 分工表 that lists most of the body's tasks and leaves out one the item cites (any of a list or range's)
  const leftOut: Finding[] = [];
  if (run.structure?.expectListed) {
    for (const t of itemTasks(run.model.text, block, task)) {
      if (tables.listed.has(t)) continue;
      const related = [relatedTask(run.context.index, t, run.msg)];
      leftOut.push({ ...itemRange(run.model.text, block), code: 'assignment-mismatch', severity: 'warning', message: msg.notInTable(formatReference(t)), related, fixes: [] });
    }
  }
  if (!tables.listed.has(task)) return leftOut;
  const leadsInTable = tables.led.get(task);
  const datesInTable = tables.dated.get(task);
  if (!leadsInTable && !datesInTable?.length) return leftOut;
  const text = run.model.text;
  const assignment = itemAssignmentOf(block, run);
  // a finding stands on the unit or date it is about where the item writes it, else on the item
  const found: { message: string; fixes: Fix[]; at?: { start: number; end: number } }[] = [];
  // the table's value written over the item's own, in its text or its labelled lines (not over a heading's or the next
  // paragraph's, which other items can share)
  const fixTo = (from: string | undefined, at: { start: number; end: number } | undefined, written: string | undefined, value: string): Fix[] =>
    (from === 'own' || from === 'lines') && at && written !== undefined && text.slice(at.start, at.end) === written
      ? [{ title: run.msg.replaceWith(value), start: at.start, end: at.end, newText: value }]
      : [];
  // what the item itself says (its text, its labelled lines, those opening the next paragraph): a heading's lead or date is its section's, which the
  // table's rows may give task by task (一、商务服务（区商务局牵头）over a row giving 表1第13项 to 区文广旅体局)
  const says = (from: string | undefined) => from === 'own' || from === 'lines' || from === 'following';
  const here = assignment.lead && says(assignment.leadFrom) ? [assignment.lead, ...(assignment.coLeads ?? [])].map((u) => u.name).filter((name) => !namesNoUnit(name)) : [];
  // a unit of either side that the other names too (written in full or shortened: 区金融工作局, 区金融局) agrees
  if (leadsInTable && here.length && !here.some((a) => leadsInTable.some((b) => mayNameSameUnit(a, b)))) {
    const fixes = fixTo(assignment.leadFrom, assignment.lead, assignment.lead?.name, leadsInTable[0]);
    found.push({ message: msg.leadDiffersFromTable(ref, here.join('、'), leadsInTable.join('、')), fixes, at: fixes[0] });
  }
  const deadline = says(assignment.deadlineFrom) ? assignment.deadline : undefined;
  if (datesInTable?.length && deadline?.valid) {
    // any date of the item that a row gives agrees (2024年底前完成试点，2025年底前全面推广: the row's 2025年底)
    const due = new Set(datesInTable.map(dueBy));
    // (its nested milestones among them: - 2023年底前：…； - 2025年底前：…)
    const end = assignment.deadlineFrom === 'lines' ? itemExtentEnd(text, run.model.blocks, block) : block.end;
    const agrees = due.has(dueBy(deadline)) || readDeadlines(text.slice(block.start, end)).some((d) => d.valid && due.has(dueBy(d)));
    if (!agrees) {
      const message = msg.deadlineDiffersFromTable(ref, deadline.text, datesInTable.map((d) => d.text).join('、'));
      const fixes = fixTo(assignment.deadlineFrom, deadline, deadline.text, datesInTable[0].text);
      found.push({ message, fixes, at: fixes[0] });
    }
  }
  if (!found.length) return leftOut;
  const range = itemRange(text, block);
  const related = [relatedTask(run.context.index, task, run.msg)];
  return [
    ...leftOut,
    ...found.map(({ message, fixes, at }) => ({ start: (at ?? range).start, end: (at ?? range).end, code: 'assignment-mismatch' as const, severity: 'warning' as const, message, related, fixes })),
  ];
}
