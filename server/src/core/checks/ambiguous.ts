// ambiguous-reference: a task number without its table (第12项, 任务12) that neither a heading, nor the sentence,
// nor the content, nor an earlier reference settles. Lists the candidates best first, one quick fix each.
import { Finding } from '../findings';
import { Block } from '../planModel';
import { bareWithTable } from '../bareNumbers';
import { relatedTask } from './related';
import type { CheckRun } from './registry';

export function checkAmbiguous(block: Block, run: CheckRun): Finding[] {
  const findings: Finding[] = [];
  for (const b of block.bare) {
    if (b.resolved) continue;
    // each candidate written with its table: 表1第12项, or a list or range's, 表3第3、5项
    const refs = b.candidates.map((c) => bareWithTable(b, c.task));
    const sep = b.spans ? '；' : '、';
    findings.push({
      start: b.start,
      end: b.end,
      code: 'ambiguous-reference',
      severity: 'information',
      // a table named by the heading or the sentence that lacks the number (表2只有第1–17项): said, then the candidates
      message: b.namedTable
        ? run.msg.namedTableLacks(b.text, b.namedTable.table, b.namedTable.count, b.namedTable.by, refs.join(sep))
        : refs.length ? run.msg.ambiguous(b.text, refs.join(sep)) : run.msg.noTableHas(b.text, b.item),
      related: b.candidates.map((c) => relatedTask(run.context.index, c.task, run.msg)),
      fixes: refs.map((r) => ({ title: run.msg.useCandidate(r), start: b.start, end: b.end, newText: r })),
    });
  }
  return findings;
}
