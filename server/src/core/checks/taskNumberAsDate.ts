// task-number-as-date: a cell of a 分工表's task-number column that holds a date (2026年1月12日): a General-format
// spreadsheet cell stores the 1-12 typed into it as 12 January. The reader takes the task it was typed as
// (numberColumns.ts); this says so, with the number written again as the quick fix, so that the file is mended before
// it goes out: the reader of the spreadsheet sees a date.
import { Finding } from '../findings';
import { Block } from '../planModel';
import { formatReference } from '../taskIndex';
import { taskLabel } from './labels';
import { relatedTask } from './related';
import type { CheckRun } from './registry';

export function checkTaskNumbersAsDates(block: Block, run: CheckRun): Finding[] {
  const findings: Finding[] = [];
  for (const r of block.references) {
    const date = r.ref.asDate;
    const task = r.tasks[0];
    if (!date || !task) continue;
    findings.push({
      start: r.ref.start,
      end: r.ref.end,
      code: 'task-number-as-date',
      severity: 'warning',
      message: run.msg.taskNumberAsDate(r.ref.text, date.typed, formatReference(task, run.referenceStyle), taskLabel(run.context.index, task)),
      related: [relatedTask(run.context.index, task, run.msg)],
      fixes: [{ title: run.msg.replaceWith(date.typed), start: r.ref.start, end: r.ref.end, newText: date.typed, preferred: true }],
    });
  }
  return findings;
}
