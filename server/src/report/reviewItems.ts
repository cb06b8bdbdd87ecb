// The plan's task items and restated tasks as the report reads them: the one place to swap in the plan model's own.
// Until DocumentAnalysis exposes `taskItems`, they are read here from the plan model's blocks (list items and table
// rows that cite or restate a task) and the responsibility reader (blockAssignment), as missing-lead-unit reads them.
import { DocumentAnalysis } from '../core/analyze';
import { Block } from '../core/planModel';
import { blockAssignment, cellSpans, declaresFirstLeads } from '../core/responsibility';
import { Task } from '../core/types';
import { TaskItem } from './reportModel';

/** The task items of an analysed plan. Swap for `analysis.taskItems` once the plan model has it (same shape). */
export function taskItemsOf(analysis: DocumentAnalysis): TaskItem[] {
  return readTaskItems(analysis);
}

/** Tasks the plan restates without citing. */
export function restatedTasksOf(analysis: DocumentAnalysis): Task[] {
  return analysis.restatements.map((r) => r.task);
}

const LABEL_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*)?[ \t]*(?:牵头|责任|配合|协办|参与|完成时|完成期|时间节点)[^：:\n]{0,4}[：:]/;
const ITEM_MARKER = /^[ \t]*(?:[-*+]|\d+[.)、．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)?[ \t]*/;

function readTaskItems(analysis: DocumentAnalysis): TaskItem[] {
  const items: TaskItem[] = [];
  // a declaration that the first unit of a list leads holds from its paragraph on (blockAssignment sees its own)
  let firstLeads = false;
  for (const { start, model } of analysis.paragraphs) {
    for (const block of model.blocks) {
      if ((block.kind !== 'item' && block.kind !== 'row') || block.tableHeader) continue;
      const cited: Task[] = [];
      for (const r of block.references) for (const t of r.tasks) if (!cited.includes(t)) cited.push(t);
      const restated = block.restates && !cited.includes(block.restates.task) ? [block.restates.task] : [];
      if (!block.references.length && !restated.length) continue;
      const assignment = blockAssignment(model.text, model.blocks, block, firstLeads);
      items.push({
        start: start + block.start,
        end: start + block.end,
        line: analysis.lines.positionAt(start + block.start).line,
        text: itemText(model.text, block),
        cited,
        restated,
        lead: assignment.lead?.name,
        partners: [...(assignment.coLeads ?? []), ...assignment.partners].map((u) => u.name),
        deadline: assignment.deadline?.text,
      });
    }
    firstLeads ||= declaresFirstLeads(model.text);
  }
  return items;
}

/** An item without its list marker, on one line; a row's cell that cites the task, else its longest cell. */
function itemText(text: string, block: Block): string {
  const own = text.slice(block.start, block.end);
  if (block.kind === 'row') {
    const spans = cellSpans(own);
    const at = block.references[0]?.ref.start;
    const cell = spans.find(([a, b]) => at !== undefined && at >= block.start + a && at < block.start + b)
      ?? spans.reduce((best, s) => (s[1] - s[0] > best[1] - best[0] ? s : best), spans[0]);
    return own.slice(cell[0], cell[1]).trim();
  }
  // the labelled lines after it (牵头单位：…) are its assignment, shown in their own columns
  const lines = own.replace(ITEM_MARKER, '').split(/\r\n|\r|\n/);
  const labels = lines.findIndex((l, i) => i > 0 && LABEL_LINE.test(l));
  return (labels < 0 ? lines : lines.slice(0, labels)).map((l) => l.trim()).join(' ').trim();
}
