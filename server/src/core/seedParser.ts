// Turns a policy document extracted from a PDF (title, body, 表N task tables) into a PolicyIndex.
import { normalizeSpacing, parseInteger, similarity, squash } from './text';
import { DocumentMeta, LineSpan, OutlineNode, PolicyIndex, Task, TaskTable } from './types';

export const INDEX_VERSION = 1;

/** A seed that cannot be indexed; `line` is zero-based. */
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

const TABLE_TITLE = /^表\s*([0-9一二三四五六七八九十]+)\s+(.+)$/;
const TABLE_HEADER = /^类别\t/;
const TASK_CELL = /^(\d+)\s*[.．、]\s*/;
const OUTLINE_1 = /^([一二三四五六七八九十]+)、\s*(.+)$/;
const OUTLINE_2 = /^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(.+)$/;
const OUTLINE_3 = /^(\d+)\s*[.．]\s*(.+)$/;

export function parseSeed(text: string, options: ParseOptions): PolicyIndex {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const listStart = findTaskListStart(lines);
  const meta = parseMeta(lines, listStart);
  const bodyStart = findBodyStart(lines, meta, listStart);
  const outline = parseOutline(lines, bodyStart, listStart);
  const { tables, tasks } = parseTables(lines, listStart, outline, options.prefix ?? '');
  attachBodyVariants(tasks, lines, outline);
  return { version: INDEX_VERSION, prefix: options.prefix ?? '', sourceFile: options.sourceFile, meta, tables, tasks, outline };
}

function findTaskListStart(lines: string[]): number {
  const heading = lines.findIndex((l) => /任务清单\s*$/.test(l.trim()) && l.trim().length < 60);
  const firstTable = lines.findIndex((l) => TABLE_TITLE.test(l.trim()));
  if (firstTable < 0) throw new SeedParseError('no task table found (expected a line such as "表 1 <title>")', 0);
  return heading >= 0 && heading < firstTable ? heading : firstTable;
}

function parseMeta(lines: string[], end: number): DocumentMeta {
  const head = lines.slice(0, end);
  const firstLine = head.find((l) => l.trim()) ?? '';
  const quoted = /《(.+?)》/.exec(firstLine);
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

interface Row {
  line: number;
  cells: string[];
}

function stripTags(s: string): string {
  return s.replace(/<\/?p>/g, '');
}

function parseTables(lines: string[], start: number, outline: OutlineNode[], prefix: string) {
  const tables: TaskTable[] = [];
  const tasks: Task[] = [];
  const rows: { table: TaskTable; row: Row }[] = [];
  let table: TaskTable | undefined;
  let columns = 2;
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i];
    const trimmed = raw.trim();
    const title = TABLE_TITLE.exec(trimmed);
    if (title) {
      const number = parseInteger(title[1])!;
      if (tables.some((t) => t.number === number)) throw new SeedParseError(`表${number} appears twice`, i);
      table = { number, title: normalizeSpacing(title[2]), startLine: i, endLine: i, taskCount: 0 };
      tables.push(table);
      continue;
    }
    if (!trimmed) continue;
    if (TABLE_HEADER.test(raw)) {
      columns = raw.split('\t').length;
      continue;
    }
    if (!table) continue;
    table.endLine = i;
    const cells = raw.split('\t').map((c) => stripTags(c).trim());
    while (cells.length < columns) cells.unshift('');
    rows.push({ table, row: { line: i, cells } });
  }

  const canonical = canonicalCategories(rows.map((r) => r.row.cells[0]), outline);
  const current = new Map<number, { category: string; domain?: string }>();
  for (const { table, row } of rows) {
    const taskCell = row.cells[row.cells.length - 1];
    const state = current.get(table.number) ?? { category: '' };
    const category = row.cells[0];
    if (category) state.category = resolveCategory(category, canonical);
    if (row.cells.length >= 3 && row.cells[1]) {
      state.domain = squash(row.cells[1]);
    }
    current.set(table.number, state);
    const m = TASK_CELL.exec(taskCell);
    const previous = tasks[tasks.length - 1];
    if (!m) {
      // A task cell broken over a page: the rest of the previous task's sentence.
      if (!previous || previous.table !== table.number) {
        throw new SeedParseError(`表${table.number}: a row without a task number ("${taskCell.slice(0, 20)}")`, row.line);
      }
      previous.text = normalizeSpacing(previous.text + taskCell);
      previous.endLine = row.line;
      continue;
    }
    const item = Number(m[1]);
    const expected = table.taskCount + 1;
    if (item !== expected) {
      throw new SeedParseError(`表${table.number}: task ${item} where task ${expected} was expected`, row.line);
    }
    table.taskCount++;
    const task: Task = {
      id: `${prefix ? prefix + ':' : ''}T${table.number}.${item}`,
      table: table.number,
      item,
      category: state.category,
      text: normalizeSpacing(taskCell.slice(m[0].length)),
      startLine: row.line,
      endLine: row.line,
    };
    if (row.cells.length >= 3) task.domain = state.domain;
    tasks.push(task);
  }
  for (const t of tables) {
    if (t.taskCount === 0) throw new SeedParseError(`表${t.number} has no numbered tasks`, t.startLine);
  }
  return { tables, tasks };
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
