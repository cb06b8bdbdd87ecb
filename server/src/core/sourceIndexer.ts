// Builds a PolicyIndex from a source's lines, whatever their format: finds the task list and its tables, maps the
// columns by their header names (or by position where there is no header), and reads the body around them.
import { bodyTaskList } from './bodyTasks';
import { findQuantities } from './quantity';
import { SourceLayout, SourceLine } from './sourceReaders';
import { taskId } from './taskIndex';
import { normalizeSpacing, parseInteger, similarity, squash } from './text';
import { BodyLine, BodyPassage, DocumentMeta, LineSpan, OutlineNode, PolicyIndex, Task, TaskTable } from './types';

export const INDEX_VERSION = 1;

/** A source that cannot be indexed; `line` is zero-based. */
export class SeedParseError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'SeedParseError';
  }
}

export interface ParseOptions {
  sourceFile: string;
  prefix?: string;
}

const NUMERAL = '[0-9０-９一二三四五六七八九十]+';
/** `表 1 推动…`, `表1推动…`, `附表1：…`, `表一`, `续表1`; not a reference such as `表1第12项`. */
const TABLE_TITLE = new RegExp(`^(续)?(?:附)?表\\s*(${NUMERAL})(?![0-9０-９一二三四五六七八九十])\\s*[：:、.．—-]?\\s*(?!第)(.*)$`);
const TASK_CELL = /^(\d+)\s*[.．、]\s*/;
const ITEM_CELL = /^(\d+)\s*[.．、]?$/;
const NOTE = /^(注|备注|说明)\s*\d*\s*[：:]/;
const OUTLINE_1 = /^([一二三四五六七八九十]+)、\s*(.+)$/;
const OUTLINE_2 = /^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(.+)$/;
const OUTLINE_3 = /^(\d+)\s*[.．]\s*(.+)$/;

/** What a column holds, by the names headers give it. */
type ColumnRole = 'item' | 'category' | 'domain' | 'task' | 'unnamed' | 'field';
const ROLE_NAMES: [ColumnRole, RegExp][] = [
  ['item', /^(序号|编号|序列号|任务编号|项目编号)$/],
  ['category', /^(类别|分类|类型|任务类别|任务分类|方面)$/],
  ['domain', /^(领域|行业领域|重点领域|所属领域|行业)$/],
  ['task', /^(试点任务|任务|主要内容|任务内容|具体任务|试点内容|主要任务|重点任务|工作任务|改革任务|任务措施|具体措施|措施|内容)$/],
];

interface Column {
  role: ColumnRole;
  name: string;
}

export function indexSource(layout: SourceLayout, options: ParseOptions): PolicyIndex {
  const lines = layout.lines.map((l) => l.text);
  const listStart = findTaskListStart(layout.lines);
  if (listStart < 0) return indexBodyTasks(lines, options);
  const meta = parseMeta(lines, listStart);
  const bodyStart = findBodyStart(lines, meta, listStart);
  const outline = parseOutline(lines, bodyStart, listStart);
  const { tables, tasks } = parseTables(layout, listStart, outline, options.prefix ?? '');
  attachBodyVariants(tasks, lines, outline);
  const bodyEnd = Math.min(...tables.map((t) => t.startLine));
  return sourceIndex(lines, options, { meta, tables, tasks, outline }, { quantities: bodyEnd, passages: Math.min(bodyEnd, listStart), names: bodyStart });
}

/**
 * A source's index, with the facts of its text the checks read: the lines before `ends.quantities` that hold a
 * quantity, the body's passages before `ends.passages`, the short names it gives itself before `ends.names`.
 */
function sourceIndex(
  lines: string[],
  options: ParseOptions,
  parsed: Pick<PolicyIndex, 'meta' | 'tables' | 'tasks' | 'outline'>,
  ends: { quantities: number; passages: number; names: number },
): PolicyIndex {
  const index: PolicyIndex = { version: INDEX_VERSION, prefix: options.prefix ?? '', sourceFile: options.sourceFile, meta: parsed.meta, tables: parsed.tables, tasks: parsed.tasks, outline: parsed.outline };
  index.facts = {
    bodyLines: quantityLines(lines, ends.quantities), lineLengths: lines.map((l) => l.length),
    passages: bodyPassages(lines, ends.passages), shortNames: shortNames(lines, ends.names),
  };
  return index;
}

/** A source whose body numbers its tasks (no table of them): see bodyTasks. */
function indexBodyTasks(raw: string[], options: ParseOptions): PolicyIndex {
  const lines = raw.map(plain);
  const meta = parseMeta(lines, lines.length);
  const bodyStart = findBodyStart(lines, meta, lines.length);
  const list = bodyTaskList(lines, bodyStart, options.prefix ?? '');
  if (!list) {
    throw new SeedParseError(
      'no task list found (expected a table titled such as "表1 <title>", "附表1" or a "…任务清单" heading, or tasks numbered 1. 2. … under the body\'s 一、 and （一） headings)',
      0,
    );
  }
  const { tables, tasks } = list;
  const firstTask = tasks[0].startLine;
  for (const t of tables) if (!t.title) t.title = meta.title;
  const outline = parseOutline(lines, bodyStart, firstTask);
  return sourceIndex(lines, options, { meta, tables, tasks, outline }, { quantities: firstTask, passages: firstTask, names: firstTask });
}

/** A line shorter than this that ends with no punctuation is a paragraph of its own (a title, a date, 一、总体要求). */
const MID_SENTENCE = 30;

/** A line that ends a sentence: the paragraph goes on in the next line only when it does not (a page break). */
const SENTENCE_END = /[。；！？：:;!?）)”]\s*$/;

/** The paragraphs of lines[0, end), each line one, but a line that stops mid-sentence joined with the next non-empty one. */
function bodyPassages(lines: string[], end: number): BodyPassage[] {
  const passages: BodyPassage[] = [];
  let open: BodyPassage | undefined;
  for (let i = 0; i < Math.min(end, lines.length); i++) {
    const text = lines[i].trim().replace(/\*\*/g, '');
    if (!text) continue;
    if (open) {
      open.text += text;
      open.endLine = i;
    } else passages.push((open = { startLine: i, endLine: i, text }));
    // a short line without a sentence's end is a title, a heading or a date; a line that stops after a comma, or a long
    // one without its end, runs on past a page break
    if (SENTENCE_END.test(open.text) || (!/[，、,]\s*$/.test(text) && text.length < MID_SENTENCE)) open = undefined;
  }
  return passages;
}

/** The short names the source's head gives it: （以下简称《总体方案》）. */
function shortNames(lines: string[], bodyStart: number): string[] {
  const names = new Set<string>();
  for (const line of lines.slice(0, bodyStart)) for (const m of line.matchAll(/以下简称[《“]([^》”]{2,20})[》”]/g)) names.add(m[1]);
  return [...names];
}

function plain(s: string): string {
  return s.replace(/<\/?p>/g, '').replace(/\*\*|__/g, '').trim();
}

interface Title {
  number: number;
  title: string;
  continued: boolean;
}

function tableTitle(line: SourceLine): Title | undefined {
  // a title written as the first row of its table, across all its cells
  const filled = line.cells?.filter((c) => plain(c));
  const text = plain(filled?.length === 1 ? filled[0] : line.text);
  if (text.length > 80 || /[。；]$/.test(text)) return undefined;
  const m = TABLE_TITLE.exec(text);
  if (!m) return undefined;
  const number = parseInteger(m[2]);
  if (number === undefined || number < 1) return undefined;
  return { number, title: normalizeSpacing(m[3]), continued: !!m[1] };
}

/** The line the task list of tables starts at, or -1 where the source has none. */
function findTaskListStart(lines: SourceLine[]): number {
  const heading = lines.findIndex((l) => /任务清单\s*$/.test(plain(l.text)) && plain(l.text).length < 60 && !l.cells);
  const firstTable = lines.findIndex((l) => tableTitle(l));
  if (firstTable < 0) return heading >= 0 && lines.slice(heading + 1).some((l) => l.cells) ? heading : -1;
  return heading >= 0 && heading < firstTable ? heading : firstTable;
}

function parseMeta(lines: string[], end: number): DocumentMeta {
  const head = lines.slice(0, end);
  const firstLine = head.find((l) => l.trim()) ?? '';
  // a notice whose first line is its issuer's (商务部文件): the title is the one it issues
  const quoted = /《(.+?)》/.exec(firstLine) ?? head.slice(0, 20).map((l) => /关于印发《(.+?)》/.exec(l)).find(Boolean) ?? null;
  const title = (quoted ? quoted[1] : firstLine).trim();
  const docNumber = head.map((l) => /[（(]?\s*([^\s（()）]*〔\d{4}〕\d+号)\s*[）)]?/.exec(l)).find(Boolean)?.[1] ?? '';
  const dateLine = head.findIndex((l) => /^\s*\d{4}年\d{1,2}月\d{1,2}日\s*$/.test(l));
  let date = '';
  let issuer = '';
  if (dateLine >= 0) {
    const [, y, m, d] = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(lines[dateLine])!;
    date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    for (let i = dateLine - 1; i >= 0; i--) {
      const l = lines[i].trim();
      if (!l) continue;
      if (l.length <= 20) issuer = l;
      break;
    }
  }
  return { title, docNumber, issuer, date };
}

function findBodyStart(lines: string[], meta: DocumentMeta, end: number): number {
  for (let i = 1; i < end; i++) if (lines[i].trim() === meta.title) return i + 1;
  return 0;
}

function parseOutline(lines: string[], start: number, end: number): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const open: OutlineNode[] = [];
  const close = (node: OutlineNode, nextLine: number) => {
    let last = nextLine - 1;
    while (last > node.startLine && !lines[last].trim()) last--;
    node.endLine = last;
  };
  for (let i = start; i < end; i++) {
    const line = lines[i].trim();
    let level: 1 | 2 | 3 | undefined;
    let m: RegExpExecArray | null;
    if ((m = OUTLINE_1.exec(line))) level = 1;
    else if ((m = OUTLINE_2.exec(line))) level = 2;
    else if ((m = OUTLINE_3.exec(line))) level = 3;
    if (!level || !m) continue;
    const label = level === 1 ? m[1] : level === 2 ? `（${m[1]}）` : m[1];
    const title = m[2].replace(/\*\*/g, '').split(/[。：]/)[0].trim();
    const node: OutlineNode = { level, label, title, startLine: i, endLine: i, children: [] };
    while (open.length && open[open.length - 1].level >= level) close(open.pop()!, i);
    if (open.length) open[open.length - 1].children.push(node);
    else roots.push(node);
    open.push(node);
  }
  while (open.length) close(open.pop()!, end);
  return roots;
}

/** A header row: short cells, at least one of them a known column name, none a numbered task. */
function headerColumns(cells: string[]): Column[] | undefined {
  const names = cells.map((c) => squash(plain(c)));
  if (names.some((n) => n.length > 12 || TASK_CELL.test(n))) return undefined;
  const roles = names.map((n) => ROLE_NAMES.find(([, re]) => re.test(n))?.[0]);
  if (!roles.some((r) => r === 'task' || r === 'item' || r === 'category')) return undefined;
  const columns: Column[] = names.map((name, i) => ({ role: roles[i] ?? (name ? 'field' : 'unnamed'), name }));
  // no task column named: the last one holds the tasks, as in a table without a header
  if (!columns.some((c) => c.role === 'task')) columns[columns.length - 1].role = 'task';
  const task = columns.findIndex((c) => c.role === 'task');
  const category = columns.findIndex((c) => c.role === 'category');
  // an unnamed column between the category and the task is the domain (类别 | | 试点任务, the domain cell unnamed)
  if (!columns.some((c) => c.role === 'domain')) {
    const unnamed = columns.findIndex((c, i) => c.role === 'unnamed' && i > category && i < task);
    if (unnamed >= 0) columns[unnamed].role = 'domain';
  }
  return columns;
}

/** A row's cells under the header's columns: cells missing from a row are the merged ones before the task. */
function alignCells(cells: string[], columns: Column[]): string[] {
  const n = columns.length;
  const t = columns.findIndex((c) => c.role === 'task');
  if (cells.length === n) return cells;
  if (cells.length > n) {
    // the separator occurred inside the task text
    const extra = cells.length - n;
    return [...cells.slice(0, t), cells.slice(t, t + extra + 1).join(' '), ...cells.slice(t + extra + 1)];
  }
  const out: string[] = new Array(n).fill('');
  const rest = cells.slice();
  const item = columns.findIndex((c) => c.role === 'item');
  if (item >= 0 && item < t && rest.length > 1 && ITEM_CELL.test(rest[0].trim())) out[item] = rest.shift()!;
  let at = rest.findIndex((c) => TASK_CELL.test(plain(c)));
  if (at < 0) at = rest.reduce((best, c, i) => (c.trim().length > rest[best].trim().length ? i : best), 0);
  out[t] = rest[at];
  const before = rest.slice(0, at);
  for (let i = 0; i < before.length; i++) out[t - before.length + i] = before[i];
  const after = rest.slice(at + 1);
  for (let i = 0; i < after.length && t + 1 + i < n; i++) out[t + 1 + i] = after[i];
  return out;
}

interface Row {
  line: number;
  table: TaskTable;
  category: string;
  /** undefined where the table has no domain column */
  domain?: string;
  item?: number;
  task: string;
  fields?: [string, string][];
}

function parseTables(layout: SourceLayout, start: number, outline: OutlineNode[], prefix: string) {
  const tables: TaskTable[] = [];
  const rows: Row[] = [];
  let table: TaskTable | undefined;
  let columns: Column[] | undefined;
  const lines = layout.lines;
  const tableAt = (number: number, title: string, i: number) => {
    const t: TaskTable = { number, title, startLine: i, endLine: i, taskCount: 0 };
    tables.push(t);
    return t;
  };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    const title = tableTitle(line);
    if (title) {
      const existing = tables.find((t) => t.number === title.number);
      if (existing && title.continued) {
        table = existing;
        continue;
      }
      if (existing) throw new SeedParseError(`表${title.number} appears twice`, i);
      const at = i;
      let name = title.title;
      if (!name) {
        // the title on a line of its own after 附表1
        let k = i + 1;
        while (k < lines.length && !lines[k].text.trim() && !lines[k].cells) k++;
        if (k < lines.length && !lines[k].cells && !tableTitle(lines[k])) {
          name = normalizeSpacing(plain(lines[k].text));
          i = k;
        }
      }
      table = tableAt(title.number, name, at);
      continue;
    }
    if (!line.text.trim() && !line.cells) continue;
    if (NOTE.test(plain(line.text))) {
      table = undefined; // 注：… under a table is about the table, not the rest of its last task
      continue;
    }
    const cells = line.cells ?? (layout.explicitRows ? undefined : [line.text]);
    if (!cells) {
      // text after a table's rows (the next heading) ends it; text between its title and its rows does not
      if (table && rows.some((r) => r.table === table)) table = undefined;
      continue;
    }
    const header = line.cells ? headerColumns(cells) : undefined;
    if (header) {
      columns = header;
      if (!table && tables.length === 0 && i > start) table = tableAt(1, normalizeSpacing(plain(lines[start].text)), start);
      continue;
    }
    if (!table) continue;
    const stripped = cells.map((c) => plain(c));
    if (stripped.every((c) => !c)) continue;
    table.endLine = i;
    rows.push(columns ? mappedRow(i, table, stripped, columns) : positionalRow(i, table, stripped));
  }

  const canonical = canonicalCategories(rows.map((r) => r.category), outline);
  const tasks: Task[] = [];
  const current = new Map<number, { category: string; domain?: string }>();
  for (const row of rows) {
    const table = row.table;
    const state = current.get(table.number) ?? { category: '' };
    if (row.category) state.category = resolveCategory(row.category, canonical);
    if (row.domain) state.domain = squash(row.domain);
    current.set(table.number, state);
    const m = TASK_CELL.exec(row.task);
    const item = row.item ?? (m ? Number(m[1]) : undefined);
    const text = m ? row.task.slice(m[0].length) : row.task;
    const previous = tasks[tasks.length - 1];
    if (item === undefined) {
      // A task cell broken over a page: the rest of the previous task's sentence.
      if (!previous || previous.table !== table.number) {
        throw new SeedParseError(`表${table.number}: a row without a task number ("${row.task.slice(0, 20)}")`, row.line);
      }
      previous.text = normalizeSpacing(previous.text + row.task);
      previous.endLine = row.line;
      for (const [name, value] of row.fields ?? []) {
        if (value) previous.fields = { ...previous.fields, [name]: normalizeSpacing((previous.fields?.[name] ?? '') + value) };
      }
      continue;
    }
    const expected = table.taskCount + 1;
    if (item !== expected) {
      throw new SeedParseError(`表${table.number}: task ${item} where task ${expected} was expected`, row.line);
    }
    table.taskCount++;
    const task: Task = {
      id: taskId(prefix, table.number, item),
      table: table.number,
      item,
      category: state.category,
      text: normalizeSpacing(text),
      startLine: row.line,
      endLine: row.line,
    };
    if (row.domain !== undefined) task.domain = state.domain;
    const fields = (row.fields ?? []).filter(([, v]) => v);
    if (fields.length) task.fields = Object.fromEntries(fields.map(([k, v]) => [k, normalizeSpacing(v)]));
    tasks.push(task);
  }
  if (!tables.length) throw new SeedParseError('no task table found (expected a line such as "表 1 <title>")', start);
  for (const t of tables) {
    if (t.taskCount === 0) throw new SeedParseError(`表${t.number} has no numbered tasks`, t.startLine);
  }
  return { tables, tasks };
}

/**
 * A row of a table without a header: the first cell is the category, a middle one the domain, the last the task;
 * a row of one cell is a task (or the rest of one) under the category of the rows before.
 */
function positionalRow(line: number, table: TaskTable, cells: string[]): Row {
  const c = cells.map((x) => x.trim());
  while (c.length < 2) c.unshift('');
  return { line, table, category: c[0], domain: c.length >= 3 ? c[1] : undefined, task: c[c.length - 1] };
}

function mappedRow(line: number, table: TaskTable, cells: string[], columns: Column[]): Row {
  const c = alignCells(cells, columns).map((x) => x.trim());
  const row: Row = { line, table, category: '', task: '' };
  const fields: [string, string][] = [];
  columns.forEach((col, i) => {
    const v = c[i] ?? '';
    if (col.role === 'category') row.category = v;
    else if (col.role === 'domain') row.domain = v;
    else if (col.role === 'task') row.task = v;
    else if (col.role === 'item') row.item = ITEM_CELL.test(v) ? Number(ITEM_CELL.exec(v)![1]) : undefined;
    else if (col.role === 'field') fields.push([col.name, v]);
  });
  if (fields.length) row.fields = fields;
  // a table whose one classifying column is named 领域 (| 序号 | 领域 | 试点任务 |): its cells are the categories too,
  // the areas among them (在东湖新技术开发区（…）加快…) included
  if (row.domain !== undefined && !columns.some((col) => col.role === 'category')) row.category = row.domain;
  return row;
}

/** Category cells written whole somewhere (in the table or as a body heading) are the canonical names. */
function canonicalCategories(cells: string[], outline: OutlineNode[]): string[] {
  const names = new Set<string>();
  for (const c of cells) if (c && !/\s/.test(c)) names.add(c);
  const walk = (nodes: OutlineNode[]) => nodes.forEach((n) => (n.level === 3 && names.add(squash(n.title)), walk(n.children)));
  walk(outline);
  return [...names];
}

/** `充分 竞争 服务 业` (a cell broken over lines, a character lost) → `充分竞争性服务业`. */
function resolveCategory(cell: string, canonical: string[]): string {
  const joined = squash(cell);
  if (canonical.includes(joined)) return joined;
  const isSubsequence = (short: string, long: string) => {
    let i = 0;
    for (const c of long) if (c === short[i]) i++;
    return i === short.length;
  };
  const candidates = canonical.filter((c) => c.length - joined.length <= 2 && isSubsequence(joined, c));
  candidates.sort((a, b) => a.length - b.length);
  return candidates[0] ?? joined;
}

/** The lines before the task list that state a share, term or amount: where the body's thresholds are read. */
function quantityLines(lines: string[], end: number): BodyLine[] {
  const out: BodyLine[] = [];
  for (let i = 0; i < Math.min(end, lines.length); i++) {
    if (findQuantities(lines[i]).some((q) => q.unit !== 'none' && q.unit !== 'count')) out.push({ line: i, text: lines[i] });
  }
  return out;
}

interface Sentence {
  text: string;
  startLine: number;
  endLine: number;
}

/**
 * Splits the body's level-3 items into sentences, undoing page breaks (a paragraph that stops mid-sentence is
 * joined with the next) and Markdown bold, and dropping each item's own heading sentence and `XX领域：` labels.
 */
function bodySentences(lines: string[], outline: OutlineNode[]): Sentence[] {
  const items: OutlineNode[] = [];
  const walk = (nodes: OutlineNode[]) => nodes.forEach((n) => (n.level === 3 ? items.push(n) : walk(n.children)));
  walk(outline);
  const sentences: Sentence[] = [];
  for (const item of items) {
    let text = '';
    const lineOf: number[] = [];
    for (let i = item.startLine; i <= item.endLine; i++) {
      const l = lines[i].trim().replace(/\*\*/g, '');
      if (!l) continue;
      for (let k = 0; k < l.length; k++) lineOf.push(i);
      text += l;
    }
    let begin = 0;
    let first = true;
    for (let k = 0; k < text.length; k++) {
      if (text[k] !== '。' && k !== text.length - 1) continue;
      let s = text.slice(begin, k + 1);
      const lead = s.length - s.trimStart().length;
      s = s.trim();
      if (first) {
        first = false; // the item's heading: "1.充分竞争性服务业。"
        begin = k + 1;
        continue;
      }
      const label = /^[^，。：、]{2,12}领域：/.exec(s);
      const offset = begin + lead + (label ? label[0].length : 0);
      if (label) s = s.slice(label[0].length);
      if (s) sentences.push({ text: s, startLine: lineOf[offset], endLine: lineOf[k] });
      begin = k + 1;
    }
  }
  return sentences;
}

/** Finds each task's wording in the body; where it differs from the table's, keeps it as `bodyText`. */
function attachBodyVariants(tasks: Task[], lines: string[], outline: OutlineNode[]): void {
  const sentences = bodySentences(lines, outline);
  if (!sentences.length) return;
  for (const task of tasks) {
    const k = Math.max(1, (task.text.match(/。/g) ?? []).length);
    let best = { score: 0, from: -1 };
    for (let s = 0; s + k <= sentences.length; s++) {
      const candidate = sentences.slice(s, s + k).map((x) => x.text).join('');
      const score = similarity(candidate, task.text);
      if (score > best.score) best = { score, from: s };
    }
    if (best.score < 0.6) continue;
    const window = sentences.slice(best.from, best.from + k);
    const variant = normalizeSpacing(window.map((x) => x.text).join(''));
    const span: LineSpan = { startLine: window[0].startLine, endLine: window[window.length - 1].endLine };
    task.bodySpan = span;
    if (squash(variant) !== squash(task.text)) task.bodyText = variant;
  }
}
