// truncated-task-number: a cell of a 分工表's task-number column that lost its trailing zero (1.1 between 1.9 and 1.11):
// a General-format spreadsheet cell stores the 1.10 typed into it as the number 1.1. The reader takes the task the
// column's order says (numberColumns.ts); this says so, with the cell written again as the quick fix, so that the file
// is mended before it goes out: the reader of the spreadsheet sees 1.1.
import { Finding } from '../findings';
import { Block } from '../planModel';
import { formatReference } from '../taskIndex';
import { taskLabel } from './labels';
import { relatedTask } from './related';
import type { CheckRun } from './registry';

export function checkTruncatedTaskNumbers(block: Block, run: CheckRun): Finding[] {
  const findings: Finding[] = [];
  for (const r of block.references) {
    const lost = r.ref.lostZero;
    const task = r.tasks[0];
    if (!lost || !task) continue;
    const meant = `${task.table}.${task.item}`;
    findings.push({
      start: r.ref.start,
      end: r.ref.end,
      code: 'truncated-task-number',
      severity: 'warning',
      message: run.msg.truncatedTaskNumber(r.ref.text, lost.after, formatReference(task, run.referenceStyle), taskLabel(run.context.index, task), meant),
      related: [relatedTask(run.context.index, task, run.msg)],
      fixes: [{ title: run.msg.replaceWith(meant), start: r.ref.start, end: r.ref.end, newText: meant, preferred: true }],
    });
  }
  return findings;
}
