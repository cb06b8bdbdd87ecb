// A source with no table of tasks whose body numbers them (a work plan of the programme): the items `1.`, `2．`, `3、`
// or `（1）` under its `一、` and `（一）` headings are its tasks, each running on to the next item or heading across the
// line breaks of a PDF's text. Items numbered on from section to section are one table; each time the numbering starts
// again from 1 a new table begins. What the sections that frame the whole hold (总体要求, 保障措施) is no task.
import { LineSpan, Task, TaskTable } from './types';
import { taskId } from './taskIndex';
import { normalizeSpacing, parseInteger } from './text';

const LEVEL_1 = /^([一二三四五六七八九十]+)\s*、\s*(.*)$/;
const LEVEL_2 = /^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(.*)$/;
/** `1.`, `2．`, `3、`, not a number that goes on (`1.5亿元`, `2025年`). */
const DOTTED = /^([0-9０-９]{1,3})\s*[.．、](?![0-9０-９])\s*(.*)$/;
const BRACKETED = /^[（(]\s*([0-9０-９]{1,3})\s*[）)]\s*(.*)$/;
/** A date alone (the 落款) or an annex's label ends the body's last item. */
const END_OF_BODY = /^(?:\d{4}年\d{1,2}月\d{1,2}日|[二〇零一三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|附件\s*\d*\s*[：:]?.*)$/;
/** Sections that set out the whole or close it: their numbered points are no tasks. */
const FRAME = /总体要求|指导思想|基本原则|工作原则|工作目标|主要目标|发展目标|保障措施|组织实施|组织保障|组织领导|保障机制|工作要求|实施保障/;
/** At least this many numbered items that are sentences make a task list. */
const MIN_TASKS = 3;

type Kind = 'level1' | 'level2' | 'dotted' | 'bracketed';

interface Entry extends LineSpan {
  kind: Kind;
  /** The item's number (1 for 1.), or the heading's numeral. */
  number: number;
  /** The text after the label, its lines joined. */
  text: string;
  /** Inside a section that frames the whole (总体要求, 保障措施). */
  framing: boolean;
}

export interface BodyTaskList {
  tables: TaskTable[];
  tasks: Task[];
}

function classify(line: string): { kind: Kind; number: number; rest: string } | undefined {
  let m: RegExpExecArray | null;
  if ((m = LEVEL_1.exec(line))) return { kind: 'level1', number: 0, rest: m[2] };
  if ((m = LEVEL_2.exec(line))) return { kind: 'level2', number: 0, rest: m[2] };
  if ((m = BRACKETED.exec(line))) return { kind: 'bracketed', number: parseInteger(m[1])!, rest: m[2] };
  if ((m = DOTTED.exec(line))) return { kind: 'dotted', number: parseInteger(m[1])!, rest: m[2] };
  return undefined;
}

/** Joins a line to the text before it: no blank between Chinese characters, nor where a PDF broke a number. */
function join(before: string, line: string): string {
  if (!before) return line;
  return /[A-Za-z]$/.test(before) && /^[A-Za-z]/.test(line) ? `${before} ${line}` : before + line;
}

/** A sentence, not a heading: it ends one (。；) or is too long for a heading. */
function isSentence(text: string): boolean {
  return /[。；;！？]/.test(text) || text.length > 40;
}

/** A heading's title: its text up to the first 。 or ：. */
function titleOf(text: string): string {
  return normalizeSpacing(text.split(/[。：:]/)[0]);
}

/**
 * The task list of a body that numbers its tasks, or undefined where the body has fewer than MIN_TASKS numbered
 * items that are sentences. `lines` are the source's lines, plain text; `start` is where its body starts.
 */
export function bodyTaskList(lines: string[], start: number, prefix: string): BodyTaskList | undefined {
  const entries: Entry[] = [];
  let framing = false;
  let open: Entry | undefined;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    if (END_OF_BODY.test(line)) {
      open = undefined;
      continue;
    }
    const c = classify(line);
    if (!c) {
      if (open) {
        open.text = join(open.text, line);
        open.endLine = i;
      }
      continue;
    }
    // a section of the frame's words that names tasks too (二、主要目标和重点任务) holds them
    if (c.kind === 'level1') framing = FRAME.test(titleOf(c.rest)) && !/任务/.test(titleOf(c.rest));
    open = { kind: c.kind, number: c.number, text: c.rest, startLine: i, endLine: i, framing };
    entries.push(open);
  }
  const kind = taskKind(entries);
  if (!kind) return undefined;
  return buildTables(mergeStrays(entries, kind), kind, prefix);
}

/** The kind of numbered item that holds the sentences (`（1）` items under `1.` headings, or `1.` items). */
function taskKind(entries: Entry[]): 'dotted' | 'bracketed' | undefined {
  const count = (kind: Kind) => entries.filter((e) => e.kind === kind && !e.framing && isSentence(e.text)).length;
  const dotted = count('dotted');
  const bracketed = count('bracketed');
  if (Math.max(dotted, bracketed) < MIN_TASKS) return undefined;
  return bracketed > dotted ? 'bracketed' : 'dotted';
}

/**
 * A line that looks like an item of the tasks' kind but whose number neither follows the last item's nor starts a run
 * again from 1 is the rest of the item before it (a PDF's line that happens to start `3、`).
 */
function mergeStrays(entries: Entry[], kind: Kind): Entry[] {
  const out: Entry[] = [];
  let last = 0;
  for (const e of entries) {
    const previous = out[out.length - 1];
    if (e.kind === kind && !e.framing) {
      if (e.number !== last + 1 && e.number !== 1 && previous) {
        previous.text = join(previous.text, `${labelOf(e)}${e.text}`);
        previous.endLine = e.endLine;
        continue;
      }
      last = e.number;
    }
    out.push(e);
  }
  return out;
}

function labelOf(e: Entry): string {
  return e.kind === 'bracketed' ? `（${e.number}）` : `${e.number}.`;
}

function buildTables(entries: Entry[], kind: Kind, prefix: string): BodyTaskList {
  const tables: TaskTable[] = [];
  const tasks: Task[] = [];
  let category = '';
  let domain = '';
  /** The heading right above the current run of items, for its table's title. */
  let heading = '';
  for (const e of entries) {
    if (e.kind === 'level1') {
      heading = category = titleOf(e.text);
      domain = '';
      continue;
    }
    if (e.kind !== kind) {
      // a heading below the category: （一）, or a 1. line over （1） items
      if (e.kind === 'level2' || (kind === 'bracketed' && e.kind === 'dotted')) heading = domain = titleOf(e.text);
      continue;
    }
    if (e.framing) continue;
    let table = tables[tables.length - 1];
    if (!table || e.number === 1) {
      table = { number: tables.length + 1, title: heading, startLine: e.startLine, endLine: e.endLine, taskCount: 0 };
      tables.push(table);
    }
    table.taskCount++;
    table.endLine = e.endLine;
    const task: Task = {
      id: taskId(prefix, table.number, table.taskCount),
      table: table.number,
      item: table.taskCount,
      category,
      text: normalizeSpacing(e.text),
      startLine: e.startLine,
      endLine: e.endLine,
    };
    if (domain) task.domain = domain;
    tasks.push(task);
  }
  // one run over several sections is titled by none of them
  for (const t of tables) {
    const categories = new Set(tasks.filter((k) => k.table === t.number).map((k) => k.category));
    if (categories.size > 1) t.title = '';
  }
  return { tables, tasks };
}
