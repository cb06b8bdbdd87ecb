// The cells of a 分工表's task-number column that a spreadsheet stored as something else than the number typed into
// them: the reader takes the task that was meant (numberColumns.ts); these checks say so, with the number written
// again as the quick fix, so that the file is mended before it goes out (its reader sees what the spreadsheet shows).
//   truncated-task-number: 1.1 between 1.9 and 1.11, a General-format cell having stored the 1.10 typed into it as
//     the number 1.1 (known by the column's order);
//   task-number-as-date: 2026年1月12日, a General-format cell having stored the 1-12 typed into it as 12 January.
import { Finding } from '../findings';
import { Messages } from '../messages';
import { Block } from '../planModel';
import { ResolvedReference, formatReference } from '../taskIndex';
import { Task } from '../types';
import { taskLabel } from './labels';
import { relatedTask } from './related';
import type { CheckRun } from './registry';

export function checkTruncatedTaskNumbers(block: Block, run: CheckRun): Finding[] {
  return storedCells(block, run, 'truncated-task-number', lostZero);
}

export function checkTaskNumbersAsDates(block: Block, run: CheckRun): Finding[] {
  return storedCells(block, run, 'task-number-as-date', asDate);
}

/** What a cell that lost its zero was typed as, and its message. */
function lostZero(r: ResolvedReference, task: Task, msg: Messages): StoredCell | undefined {
  const lost = r.ref.lostZero;
  if (!lost) return undefined;
  const meant = `${task.table}.${task.item}`;
  return { typed: meant, message: (reference, label) => msg.truncatedTaskNumber(r.ref.text, lost.after, reference, label, meant) };
}

/** What a cell stored as a date was typed as, and its message. */
function asDate(r: ResolvedReference, _task: Task, msg: Messages): StoredCell | undefined {
  const date = r.ref.asDate;
  return date && { typed: date.typed, message: (reference, label) => msg.taskNumberAsDate(r.ref.text, date.typed, reference, label) };
}

interface StoredCell {
  typed: string;
  message: (reference: string, label: string) => string;
}

/**
 * A finding of `code` on each of the block's cells `read` says was stored otherwise, the number it was typed as its fix
 * (the message made only for those: the checks run over every reference of every paragraph).
 */
function storedCells(
  block: Block,
  run: CheckRun,
  code: 'truncated-task-number' | 'task-number-as-date',
  read: (r: ResolvedReference, task: Task, msg: Messages) => StoredCell | undefined,
): Finding[] {
  const findings: Finding[] = [];
  for (const r of block.references) {
    const task = r.tasks[0];
    const said = task && read(r, task, run.msg);
    if (!said) continue;
    findings.push({
      start: r.ref.start,
      end: r.ref.end,
      code,
      severity: 'warning',
      message: said.message(formatReference(task, run.referenceStyle), taskLabel(run.context.index, task)),
      related: [relatedTask(run.context.index, task, run.msg)],
      fixes: [{ title: run.msg.replaceWith(said.typed), start: r.ref.start, end: r.ref.end, newText: said.typed, preferred: true }],
    });
  }
  return findings;
}
