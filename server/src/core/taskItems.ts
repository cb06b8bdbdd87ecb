// The plan's task items: the list items and table rows that cite or restate a source task (or cite one the source
// does not have), each with its lead unit, partners and deadline as the responsibility reader finds them (with the plan's facts: headings, following lines).
import { Block, cellSpans, mayBeTaskItem, ParagraphModel } from './planModel';
import { INDENT, MARKER_OPENING } from './scopes';
import { blockAssignment, ResponsibilityRun, restatementIn } from './itemAssignment';
import { HAS_WORDS } from './text';
import { Task } from './types';
import { bareTasks } from './bareNumbers';

export interface TaskItem {
  /** Offsets and zero-based line of the item in the document. */
  start: number;
  end: number;
  line: number;
  /** The item as written, on one line, without its list marker and its labelled assignment lines. */
  text: string;
  cited: Task[];
  restated: Task[];
  /** References as written that name no task of the sources (表2第18项 of a table of 17): the item is still listed. */
  unresolved: string[];
  lead?: string;
  /**
   * Where the lead came from when the item does not name it itself: a heading above it (its title), the item it is
   * part of (its text), or the statement that closes the enumeration it is a clause of.
   */
  leadSource?: { from: 'heading' | 'parent' | 'enumeration'; heading?: string };
  /** Further lead units the item names beside `lead` (牵头单位：区发展改革局、区市场监管局): leads, not partners. */
  coLeads: string[];
  partners: string[];
  deadline?: string;
  /**
   * What a row of the plan's 分工表 gives the item's task where the item (of the body) names none itself: its lead units,
   * its deadline. Kept apart from the item's own assignment (the 分工表 export shows the item as written).
   */
  fromTable?: { leads?: readonly string[]; deadline?: string };
}

const LABEL_LINE = new RegExp(String.raw`^${INDENT}(?:[-*+][ 	]+)?(?:\*\*)?[ 	]*(?:牵头|责任|主责|负责单位|负责部门|配合|协办|参与|完成时|完成期|时间节点|时间安排|进度安排)[^：:
]{0,4}[：:]`);

/** The task items of one paragraph (offsets in the document: `start` is the paragraph's). */
export function taskItemsOf(
  model: ParagraphModel,
  start: number,
  structure: ResponsibilityRun,
  lineOf: (offset: number) => number,
): TaskItem[] {
  const items: TaskItem[] = [];
  // a heading-like line over the items of the next paragraph (（一）落实表1第35项, then 1. …) titles its section
  if (structure.heads) return items;
  for (const block of model.blocks) {
    // a heading-like line over items (一、商务服务领域（表1第12至15项） then 1. …) titles its section: its items are the rows
    if (!mayBeTaskItem(block)) continue;
    const cited: Task[] = [];
    for (const r of block.references) for (const t of r.tasks) if (!cited.includes(t)) cited.push(t);
    for (const b of block.bare) for (const t of bareTasks(b)) if (!cited.includes(t)) cited.push(t);
    const unresolved: string[] = [];
    for (const r of block.references) {
      const written = r.ref.text.trim();
      if (!r.tasks.length && !unresolved.includes(written)) unresolved.push(written);
    }
    const restates = restatementIn(block, structure);
    // a task the item restates and a heading above it cites (### （一）表3第23项：…) is cited by the item's section
    if (restates?.citedAbove !== undefined && !cited.includes(restates.task)) cited.push(restates.task);
    const restated = restates && !cited.includes(restates.task) ? [restates.task] : [];
    if (!cited.length && !restated.length && !unresolved.length) continue;
    const assignment = blockAssignment(model.text, model.blocks, block, structure.firstLeads, structure, true);
    const fromTable = block.kind === 'row' ? undefined : tableAssignmentOf(structure, cited[0] ?? restated[0], !!assignment.lead, !!(assignment.deadline || assignment.term));
    items.push({
      start: start + block.start,
      end: start + block.end,
      line: lineOf(start + block.start),
      text: itemText(model.text, block),
      cited,
      restated,
      unresolved,
      lead: assignment.lead?.name,
      ...(assignment.lead && (assignment.leadFrom === 'heading' || assignment.leadFrom === 'parent' || assignment.leadFrom === 'enumeration')
        ? { leadSource: { from: assignment.leadFrom, ...(assignment.heading !== undefined ? { heading: assignment.heading } : {}) } }
        : {}),
      coLeads: (assignment.coLeads ?? []).map((u) => u.name),
      partners: assignment.partners.map((u) => u.name),
      // a date, or what the plan says instead (长期坚持), from the item or the heading above it
      deadline: (assignment.deadline ?? assignment.term)?.text,
      ...(fromTable ? { fromTable } : {}),
    });
  }
  return items;
}

/** What the plan's 分工表 gives a task that an item of the body leaves out (its lead, its deadline), if anything. */
function tableAssignmentOf(structure: ResponsibilityRun, task: Task | undefined, hasLead: boolean, hasDeadline: boolean): TaskItem['fromTable'] {
  const tables = structure.tables;
  if (!tables || !task) return undefined;
  const leads = hasLead ? undefined : tables.led.get(task);
  const deadline = hasDeadline ? undefined : tables.dated.get(task)?.[0]?.text;
  return leads || deadline ? { ...(leads ? { leads } : {}), ...(deadline ? { deadline } : {}) } : undefined;
}

/**
 * An item without its list marker, on one line; a row's cell that cites the task, else (no reference, or a cell that
 * holds nothing but its references: a 对应任务 column) its content (contentCell).
 */
function itemText(text: string, block: Block): string {
  const own = text.slice(block.start, block.end);
  if (block.kind === 'row') {
    const spans = cellSpans(own);
    const at = block.references[0]?.ref.start;
    const citing = spans.find(([a, b]) => at !== undefined && at >= block.start + a && at < block.start + b);
    const cell = citing && hasWords(own, citing, block) ? citing : contentCell(spans, block);
    return own.slice(cell[0], cell[1]).trim();
  }
  // the labelled lines after it (牵头单位：…) are its assignment, shown in their own columns
  const lines = own.replace(MARKER_OPENING, '').split(/\r\n|\r|\n/);
  const labels = lines.findIndex((l, i) => i > 0 && LABEL_LINE.test(l));
  return (labels < 0 ? lines : lines.slice(0, labels)).map((l) => l.trim()).join(' ').trim();
}

/** The headers of a table's content column (任务内容, 工作举措), not those of its numbers, units or dates. */
const CONTENT_HEADER = /任务|内容|举措|措施|事项|工作/;
const OTHER_HEADER = /序号|编号|对应|牵头|配合|责任|单位|时限|时间|进度|备注/;

/** A row's content: the cell under a content header (任务内容), else its longest cell. */
function contentCell(spans: [number, number][], block: Block): [number, number] {
  const column = block.header?.findIndex((h) => CONTENT_HEADER.test(h) && !OTHER_HEADER.test(h)) ?? -1;
  if (column >= 0 && spans[column]) return spans[column];
  return spans.reduce((best, s) => (s[1] - s[0] > best[1] - best[0] ? s : best), spans[0]);
}

/** Whether a row's cell holds words of its own besides the references in it (表1第12项、第13项 alone holds none). */
function hasWords(own: string, [a, b]: [number, number], block: Block): boolean {
  let rest = own.slice(a, b);
  for (const r of block.references) {
    const s = r.ref.start - block.start;
    const e = r.ref.end - block.start;
    if (s >= a && e <= b) rest = rest.slice(0, s - a) + ' '.repeat(e - s) + rest.slice(e - a);
  }
  return HAS_WORDS.test(rest);
}
