// unknown-task: a reference to a table or task that the source does not have. For a task number past the end of
// its table (表1第64项), the suggestion is the task the sentence is about when its words clearly pick one (表1第46项,
// its digits swapped), else the table's nearest task.
import { settledCitations } from '../bareNumbers';
import { Finding } from '../findings';
import { formatReference } from '../taskIndex';
import { intendedFor, topicWords } from '../topics';
import { Block } from '../planModel';
import { relatedTask } from './related';
import { taskLabel } from './labels';
import type { CheckRun } from './registry';

/** A range's first and last numbers and what stands between them. */
const BOUNDS = /^([0-9０-９]+|[零〇一二两三四五六七八九十百]+)([\s\S]*?)([0-9０-９]+|[零〇一二两三四五六七八九十百]+)$/;

export function checkUnknownTasks(block: Block, run: CheckRun): Finding[] {
  const { index, matcher } = run.context;
  const msg = run.msg;
  const findings: Finding[] = [];
  // and a bare range its heading or sentence settles, written backwards (第15至12项 under 二、表1任务落实)
  const bare = settledCitations(block.bare, block).filter((r) => r.problems.length);
  for (const r of bare.length ? [...block.references, ...bare] : block.references) {
    for (const p of r.problems) {
      const whole = r.ref.spans.length === 1;
      const base = { start: whole ? r.ref.start : p.start, end: whole ? r.ref.end : p.end, code: 'unknown-task' as const, severity: 'error' as const, related: [], fixes: [] };
      switch (p.kind) {
        case 'no-source':
          findings.push({ ...base, message: msg.noSource(p.prefix) });
          break;
        case 'no-table': {
          const intended = intendedFor(run.model, block, r, p, matcher);
          if (!intended) {
            findings.push({ ...base, message: msg.noTable(p.table, p.tables) });
            break;
          }
          const newText = formatReference(intended.task, r.ref.form === 'id' ? 'id' : 'table');
          const terms = matcher.explain(topicWords(run.model.text.slice(intended.span.start, intended.span.end)), intended.task.id, 3).terms;
          findings.push({
            ...base,
            message: msg.noTableMeant(p.table, p.tables, newText, taskLabel(index, intended.task), terms),
            related: [relatedTask(index, intended.task, msg)],
            fixes: [{ title: msg.replaceWith(newText), start: base.start, end: base.end, newText, preferred: true }],
          });
          break;
        }
        case 'no-task': {
          const style = r.ref.form === 'id' ? 'id' : 'table';
          // as written, unless it does not write its table (a cell 58 of a column headed 表1任务编号)
          const written = whole && r.ref.tableEnd > r.ref.tableStart ? r.ref.text.trim() : `${r.ref.prefix}表${p.table}第${p.item}项`;
          const intended = intendedFor(run.model, block, r, p, matcher);
          // the task meant, else the nearest by number (not both: the text would fit the one and not the other)
          const suggested = intended?.task ?? p.nearest;
          const newText = whole ? formatReference(suggested, style) : String(suggested.item);
          const message = intended
            ? msg.noTaskMeant(written, p.table, p.count, formatReference(intended.task, style), taskLabel(index, intended.task),
              matcher.explain(topicWords(run.model.text.slice(intended.span.start, intended.span.end)), intended.task.id, 3).terms)
            : msg.noTask(written, p.table, p.count, formatReference(p.nearest, style));
          findings.push({
            ...base,
            message,
            related: [relatedTask(index, suggested, msg)],
            // the nearest number is a question (是否要引用…？), not the fix: offered, not preferred, so that neither Auto Fix,
            // fixing all of the code at once nor a review copy's tracked changes write it unasked
            fixes: [{ title: msg.replaceWith(newText), start: base.start, end: base.end, newText, preferred: !!intended }],
          });
          break;
        }
        case 'backwards': {
          // the two numbers swapped, as written (5至3 → 3至5, 5项至第3 → 3项至第5)
          const written = run.model.text.slice(p.start, p.end);
          const m = BOUNDS.exec(written);
          const fixes = m ? [{ start: p.start, end: p.end, newText: m[3] + m[2] + m[1] }] : [];
          const title = (newText: string) => msg.replaceWith(r.ref.text.slice(0, p.start - r.ref.start).trim() + newText + r.ref.text.slice(p.end - r.ref.start).trim());
          findings.push({ ...base, message: msg.backwards(p.table, p.from, p.to), fixes: fixes.map((f) => ({ ...f, title: title(f.newText), preferred: true })) });
          break;
        }
        case 'past-end':
          findings.push({ ...base, message: msg.pastEnd(p.table, p.from, p.to, p.count) });
          break;
      }
    }
  }
  return findings;
}
