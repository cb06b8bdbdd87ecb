// reference-mismatch: the span that cites a task is clearly about another task and not about the cited one
// (支持外商投资旅行社从事出境旅游业务（表1第31项）: 表1第31项 is 金融标准, the sentence is 表1第13项's).
import { blockCitations, listWithTable } from '../bareNumbers';
import { BETWEEN_LISTED } from '../references';
import { Finding } from '../findings';
import { insidePrior, priorWording } from '../priorWording';
import { Block } from '../planModel';
import { formatReference, sourcePrefixOf, TaskIndex } from '../taskIndex';
import { Task } from '../types';
import { judgeReference, statusLabelEnd, TOPIC_THRESHOLDS, topicWords } from '../topics';
import { relatedTask } from './related';
import { taskLabel } from './labels';
import type { CheckRun } from './registry';

export function checkReferenceMismatch(block: Block, run: CheckRun): Finding[] {
  const findings: Finding[] = [];
  const { index, matcher } = run.context;
  // its references and the bare numbers its heading, its sentence or their number settles (第12项 under 二、表1任务落实)
  // but those of words the document quotes as another text's (将“（表1第13项）”修改为“（表1第31项）”): the task replaced is
  // not cited, and the new one is judged against the others
  const prior = priorWording(run.model.text, run.model.blocks, run.model);
  const all = blockCitations(block);
  const refs = prior.length ? all.filter((r) => !insidePrior(prior, r.ref.start, r.ref.end)) : all;
  if (!refs.length) return findings;
  // a span is part of its block: a block without enough topic words cannot be clearly about another task
  // (of a status line, 表3第17项：已完成。, the sentences after it that it labels)
  const end = refs.length === 1 ? statusLabelEnd(run.model.text, run.model.blocks, block, refs[0]) : block.end;
  if (!matcher.hasContent(run.model.text.slice(block.start, end), TOPIC_THRESHOLDS.mismatchMinScore)) return findings;
  // the task each finding's citation names first (the label its message gives)
  const firstCited: Task[] = [];
  for (const r of refs) {
    const verdict = judgeReference(run.model, block, r, matcher, TOPIC_THRESHOLDS, refs);
    if (!verdict?.better) continue;
    const style = r.ref.form === 'id' ? 'id' : 'table';
    // a list or range as written, with its table where it was written without one (第3至5项 under 二、表3任务落实)
    let cited = r.tasks.length === 1 ? formatReference(r.tasks[0]) : r.ref.tableEnd > r.ref.tableStart ? r.ref.text.trim() : listWithTable(r.ref.text, sourcePrefixOf(r.tasks[0]), r.ref.table);
    // a bare number (第36项 under 二、表1任务落实; 36 in a 任务编号 column) stays bare where the better task is of the
    // table it was read in — and, for one that only its number settled (第36项, which only 表1 has), where the better
    // task's number is as much its table's alone (第35项; not 第8项, which every table has)
    const item = verdict.better.item;
    const better = sameTable(verdict.better, r.tasks[0]) && staysSettled(block, r.ref.start, item, index)
      ? (PLAIN.test(r.ref.text) ? String(item) : `第${item}项`)
      : formatReference(verdict.better, style);
    let start = r.ref.start;
    let about = verdict.cited;
    let related = [relatedTask(index, verdict.better, run.msg), ...r.tasks.slice(0, 3).map((t) => relatedTask(index, t, run.msg))];
    // references listed together (T1.13、T1.14), none of which fits and all for the same task, are one list: one finding,
    // its fix writing that task once, as a list written after one table gets
    const last = findings[findings.length - 1];
    const lastBetter = last?.fixes[0]?.newText;
    if (last && lastBetter === better && BETWEEN_LISTED.test(run.model.text.slice(last.end, r.ref.start))) {
      findings.pop();
      about = firstCited.pop()!;
      start = last.start;
      cited = run.model.text.slice(start, r.ref.end);
      related = [...last.related!, ...related.slice(1)];
    }
    const terms = matcher.explain(topicWords(run.model.text.slice(verdict.span.start, verdict.span.end)), verdict.better.id, 3).terms;
    firstCited.push(about);
    findings.push({
      start,
      end: r.ref.end,
      code: 'reference-mismatch',
      severity: 'warning',
      message: run.msg.referenceMismatch(verdict.part, cited, taskLabel(run.context.index, about), formatReference(verdict.better), taskLabel(run.context.index, verdict.better), terms),
      related,
      fixes: [{ title: run.msg.replaceWith(better), start, end: r.ref.end, newText: better, preferred: true }],
    });
  }
  return findings;
}

/** A number written alone, or a list of them (a task-number column's cell: 12, 3、5). */
const PLAIN = /^[0-9０-９]/;

/**
 * Whether the citation at `start` is a bare number that, rewritten as `item`, is settled as it was: by what names its
 * table, or by being its table's alone.
 */
function staysSettled(block: Block, start: number, item: number, index: TaskIndex): boolean {
  const bare = block.bare.find((b) => b.start === start);
  return !!bare && (bare.by !== 'unique' || tablesWith(index, item) === 1);
}

/** How many tables of the loaded sources have a task numbered `item`. */
function tablesWith(index: TaskIndex, item: number): number {
  let n = 0;
  for (const source of index.sources) for (const t of source.tables) if (t.taskCount >= item) n++;
  return n;
}

function sameTable(a: Task, b: Task): boolean {
  return a.table === b.table && sourcePrefixOf(a) === sourcePrefixOf(b);
}
