// The plan model: a paragraph parsed once into blocks (heading, list item, table row with its header cells,
// sentence), each with the references it holds, and the context a reader carries from one paragraph to the next
// (the headings above, the table last named). Every check reads this model; none re-parses the text.
import { BareReference, resolveBareNumbers } from './bareNumbers';
import type { ThresholdMatch } from './checks/thresholdMismatch';
import { readFrameAndRestatement, Restatement } from './topics';
import { TaskMatcher } from './matcher';
import { numberColumnReferences } from './numberColumns';
import { BareTaskNumber, scanReferences, TaskReference } from './references';
import { BLANK_LINE, ENUMERATION, headsItems, LIST_MARKER, rowLines, RowStarts, scopesOf, SEPARATOR_ROW, tableRowStarts } from './scopes';
import { ResolvedReference, TaskIndex } from './taskIndex';
import { exact, lineEndFrom, linesOf, NONE, parseInteger } from './text';

export interface Heading {
  level: number;
  title: string;
  /** The table the heading names (## 表2 …), if any. */
  table: number | null;
  /**
   * It names two tables or more (二、表1、表2任务落实): it settles none, and, as a Markdown heading does, it forgets the
   * table cited before it (a Word or text plan's outline line that names one keeps it as the tie-breaker).
   */
  several?: true;
}

/** What a reader has in mind at a point of the plan: the headings above it, and the table last named. */
export interface PlanContext {
  /** By level (index 0 = level 1); null where the plan skipped a level. */
  headings: (Heading | null)[];
  /** The table of the nearest earlier reference or mention in the same section. */
  mention: number | null;
}

export const EMPTY_CONTEXT: PlanContext = { headings: [], mention: null };

/**
 * The part of contextKey for a list of headings, by list: the contexts of a section (and of the paragraphs in it)
 * share their list, which is never changed once made (applyEvent makes a new one).
 */
const headingsKeys = new WeakMap<PlanContext['headings'], string>();

/** A string that identifies a context's headings (made once per list). */
export function headingsKey(headings: PlanContext['headings']): string {
  let key = headingsKeys.get(headings);
  if (key === undefined) {
    key = headings.map((h) => (h ? `${h.level}:${h.table ?? ''}:${h.title}` : '-')).join('\u0001');
    headingsKeys.set(headings, key);
  }
  return key;
}

/** The titles of a list of headings, made once per list: the paragraphs of a section share them (read-only). */
const headingTitles = new WeakMap<PlanContext['headings'], string[]>();

function titlesOfHeadings(headings: PlanContext['headings']): string[] {
  let titles = headingTitles.get(headings);
  if (!titles) headingTitles.set(headings, (titles = exact(headings.filter((h): h is Heading => !!h && h.level < OUTLINE_LEVEL).map((h) => h.title))));
  return titles;
}

/** A string that identifies a context: paragraphs are cached per context. */
export function contextKey(c: PlanContext): string {
  return `${headingsKey(c.headings)}/${c.mention ?? ''}`;
}

/** The innermost heading that names a table. */
export function headingTable(c: PlanContext): number | null {
  for (let i = c.headings.length - 1; i >= 0; i--) {
    const t = c.headings[i]?.table;
    if (t !== null && t !== undefined) return t;
  }
  return null;
}

/** Something in a paragraph that changes the context. */
export type CarriedEvent = { kind: 'heading'; heading: Heading } | { kind: 'mention'; table: number };

/** Something in a paragraph that changes the context, at an offset. */
export type ContextEvent = CarriedEvent & { at: number };

const HEADING = /^(#{1,6})[ \t]+(.*)$/gm;
/** The closing sequence of an ATX heading (## 标题 ##). */
const CLOSING_HASHES = /[ \t]*#*[ \t]*$/;
/** A table of the task list a heading names: 表1, 表 一; not the plan's own annex table (附表1), a 列表 or a 图表. */
const TABLE_NAME = /(?<![附列图报])表[ \t\u3000]*([0-9０-９]+|[一二三四五六七八九十]+)/g;

/** The one table a heading names (## 二、表1任务落实); null for none, 'several' for two or more (二、表1、表2任务落实). */
function headingTableOf(title: string): number | null | 'several' {
  if (!title.includes('表')) return null;
  let table: number | null = null;
  TABLE_NAME.lastIndex = 0;
  for (let m = TABLE_NAME.exec(title); m; m = TABLE_NAME.exec(title)) {
    const named = parseInteger(m[1]);
    if (named === undefined) continue;
    if (table !== null && named !== table) return 'several';
    table = named;
  }
  return table;
}

/** A heading of `level` and `title` whose line names what `written` names. */
function heading(level: number, title: string, written: string): Heading {
  const table = headingTableOf(written);
  return table === 'several' ? { level, title, table: null, several: true } : { level, title, table };
}

/** The table of the task list `text` names last (按照表3要求，落实第 → 3); null for none (按照附表1要求: the plan's own). */
export function lastTableNamed(text: string): number | null {
  let table: number | null = null;
  if (!text.includes('表')) return table;
  TABLE_NAME.lastIndex = 0;
  for (let m = TABLE_NAME.exec(text); m; m = TABLE_NAME.exec(text)) table = parseInteger(m[1]) ?? table;
  return table;
}
const TABLE_MENTION = /(?<![A-Za-z0-9附列图报])表[ \t\u3000]*([0-9０-９]+|[一二三四五六七八九十]+)(?![0-9０-９.．\-－]?[0-9０-９])/g;

/** An ATX heading's text without its closing #s (## 一、科技服务领域 ## → 一、科技服务领域). */
const headingTitle = (written: string) => written.replace(CLOSING_HASHES, '').trim();

/** The title of a Markdown heading line, as the plan's context reads it; undefined for any other line. */
export function markdownHeadingTitle(line: string): string | undefined {
  const m = HEADING_LINE_TITLE.exec(line);
  return m ? headingTitle(m[1]) : undefined;
}
const HEADING_LINE_TITLE = /^#{1,6}[ \t]+(.*)$/;

export function contextEvents(text: string, refs: ResolvedReference[]): ContextEvent[] {
  const events: ContextEvent[] = [];
  const headingLines: [number, number][] = [];
  // exec loops rather than matchAll (which copies the RegExp each call); a paragraph without # or 表 has neither
  if (text.includes('#')) {
    HEADING.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = HEADING.exec(text)); ) {
      const at = m.index;
      headingLines.push([at, at + m[0].length]);
      const title = headingTitle(m[2]);
      events.push({ at, kind: 'heading', heading: heading(m[1].length, title, m[2]) });
    }
  }
  if (text.includes('、') || text.includes('）') || text.includes(')')) outlineEvents(text, refs, events, headingLines);
  // an annex's line (附件, 附件2：重点任务分工表) ends the reach of every heading above it: the body's 二、金融服务 is no
  // heading of the 分工表 after it
  if (text.includes('附件')) {
    ANNEX_LINE.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = ANNEX_LINE.exec(text)); ) events.push({ at: m.index, kind: 'heading', heading: heading(1, m[0].trim(), '') });
  }
  const inHeading = (at: number) => headingLines.length > 0 && headingLines.some(([a, b]) => at >= a && at < b);
  if (text.includes('表')) {
    TABLE_MENTION.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = TABLE_MENTION.exec(text)); ) {
      if (inHeading(m.index)) continue;
      const table = parseInteger(m[1]);
      if (table !== undefined) events.push({ at: m.index, kind: 'mention', table });
    }
  }
  for (const r of refs) if (!r.ref.prefix && !inHeading(r.ref.start)) events.push({ at: r.ref.start, kind: 'mention', table: r.ref.table });
  // the sort is stable: when the events are in order already (most paragraphs), it would leave them as they are
  for (let i = 1; i < events.length; i++) if (events[i].at < events[i - 1].at) return exact(events.sort((a, b) => a.at - b.at));
  return exact(events);
}

/**
 * A Word or text plan's outline line (二、表3任务落实, （一）琶洲核心区: a line of its own, short, not a sentence, citing no
 * task): a heading below the Markdown ones (一、 at OUTLINE_LEVEL, （一） one under it), so that the table it names
 * settles the bare numbers under it as a Markdown heading's does, until the next line of its level or above, or a
 * Markdown heading. Its title stays out of the blocks' headings (the checks read the plan's outline for those) and out
 * of the context's key: editing the line re-reads the paragraphs under it only when the table it names changes.
 */
function outlineEvents(text: string, refs: readonly ResolvedReference[], events: ContextEvent[], headingLines: [number, number][]): void {
  OUTLINE_LINE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = OUTLINE_LINE.exec(text)); ) {
    const line = m[0].trim();
    if (line.length > MAX_OUTLINE_LENGTH || /[。；;]$/.test(line)) continue;
    const at = m.index;
    const end = at + m[0].length;
    if (refs.some((r) => r.ref.start >= at && r.ref.start < end)) continue;
    const level = OUTLINE_LEVEL + (m[1] ? 0 : 1);
    const h = heading(level, '', line);
    events.push({ at, kind: 'heading', heading: h });
    // the tables a line of two or more names are no mentions either, as a Markdown heading's are not
    if (h.several) headingLines.push([at, end]);
  }
}

/** A line of its own that opens an annex: 附件, 附件2, 附件1：重点任务分工表 (a title of at most 30 characters, no sentence). */
const ANNEX_LINE = /^[ \t\u3000]*附件[ \t]*[0-9０-９一二三四五六七八九十]*[ \t]*(?:[：:、．.][ \t]*[^。；;，,\n]{0,30})?[ \t]*$/gm;

/** A line that opens with 一、 (group 1) or （一）. */
const OUTLINE_LINE = /^[ \t\u3000]*(?:([一二三四五六七八九十]+)、|[（(][一二三四五六七八九十]+[）)]).*$/gm;
/** An outline line's level in the context: under Markdown's six. */
const OUTLINE_LEVEL = 7;
/** Outline lines are short: a longer line that opens with 一、 is a paragraph of prose (as headingLikeLine). */
const MAX_OUTLINE_LENGTH = 60;

/** Per table, the list of a paragraph whose last word on the context is a mention of it (shared, frozen). */
const mentionOnly = new Map<number, readonly CarriedEvent[]>();
/** Tables up to this number get a shared list (a plan names a handful; a typo such as 表12345 gets its own). */
const SHARED_MENTIONS = 99;

/**
 * The events that decide the context after a paragraph, in order: its headings, then the table it mentions last after
 * its last Markdown heading (which forgets the mentions before it, as a mention does those before it; an outline line
 * does not). What a result keeps of its events.
 */
export function carriedEvents(events: readonly ContextEvent[]): readonly CarriedEvent[] {
  // the last mention, unless a Markdown heading follows it (an outline line keeps it: applyEvent)
  let mention: number | undefined;
  let headings = 0;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i];
    if (ev.kind === 'mention') mention = ev.table;
    else {
      headings++;
      if (ev.heading.level < OUTLINE_LEVEL || ev.heading.several) mention = undefined;
    }
  }
  if (!headings) {
    if (mention === undefined) return NONE;
    let list = mention <= SHARED_MENTIONS ? mentionOnly.get(mention) : undefined;
    if (!list) {
      list = Object.freeze([Object.freeze({ kind: 'mention' as const, table: mention })]);
      if (mention <= SHARED_MENTIONS) mentionOnly.set(mention, list);
    }
    return list;
  }
  const out: CarriedEvent[] = [];
  for (let i = 0; i < events.length; i++) if (events[i].kind === 'heading') out.push(events[i]);
  if (mention !== undefined) out.push({ kind: 'mention', table: mention });
  return out;
}

export function applyEvent(c: PlanContext, e: CarriedEvent): PlanContext {
  // the same table again (a reference names its table as a mention does): the same context, no new object
  if (e.kind === 'mention') return c.mention === e.table ? c : { headings: c.headings, mention: e.table };
  const level = e.heading.level;
  // an outline line like the one before it (（二） after （一）, neither naming a table): the same context
  const last = c.headings[level - 1];
  if (level >= OUTLINE_LEVEL && c.headings.length === level && last && last.table === e.heading.table && last.title === e.heading.title && !e.heading.several) return c;
  const headings = c.headings.slice(0, level);
  while (headings.length < level) headings.push(null);
  headings[level - 1] = e.heading;
  // an outline line keeps the table named before it as the tie-breaker it was (a Markdown heading starts a section, and
  // so does a line that names two tables)
  return { headings, mention: level >= OUTLINE_LEVEL && !e.heading.several ? c.mention : null };
}

export type BlockKind = 'heading' | 'item' | 'row' | 'sentence';

/** A unit of a paragraph that a check judges: offsets relative to the paragraph. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
  /** The titles of the headings above the block, outermost first. */
  headings: string[];
  /** A table row: its cells, trimmed. */
  cells?: string[];
  /** A table row: the header cells of its table (absent for the header row itself and tables without one). */
  header?: string[];
  /** A table's header or separator row, which holds no content of its own. */
  tableHeader?: boolean;
  /** The references that start in the block. */
  references: ResolvedReference[];
  /** The task numbers written without a table that the block holds. */
  bare: BareReference[];
  /** The context at the block's start. */
  context: PlanContext;
  /** An uncited list item or table row: the task it clearly restates (or its heading's only task), if any. */
  restates?: Restatement;
  /** A heading-like line that heads the items after it in the paragraph (headsItems): a section's title, not a task item. */
  heads?: boolean;
  /**
   * An item or row of no task of its own (no reference, number or restatement, not a part of an item that has one,
   * right under a Markdown heading that cites none, or under none): the heading-like paragraph right above it, if it
   * cites one task only, gives it that task (restatementIn, with the plan's outline).
   */
  open?: boolean;
  /**
   * A block of the plan's frame (its own label or a heading above it 工作目标, 基本原则, 保障措施, 实施步骤…): the plan's
   * purpose, goals and management, no task item, whatever tasks it cites (到2024年底，表3第16项等10项任务率先落地).
   */
  frame?: boolean;
}

/**
 * Whether a block may be a task item: a list item or a table row, not a table's header or separator row, nor a
 * heading-like line over the items after it (heads).
 */
export function mayBeTaskItem(block: Pick<Block, 'kind' | 'tableHeader' | 'heads'>): boolean {
  return (block.kind === 'item' || block.kind === 'row') && !block.tableHeader && !block.heads;
}

/** One paragraph of a plan, parsed: what every check reads. */
export interface ParagraphModel {
  text: string;
  references: ResolvedReference[];
  blocks: Block[];
  bare: BareReference[];
  /** What the paragraph hands on to the context of the next (carriedEvents): its headings and last mention. */
  carried: readonly CarriedEvent[];
  /** The quantities tied to a source threshold (read with the sources' facts, after the blocks). */
  thresholds?: ThresholdMatch[];
}

const HEADING_LINE = /^#{1,6}[ \t]/;

const SPACE = /\s/;

/**
 * The cells of a table row as [start, end) spans of their trimmed text, relative to the row: between its |s (a Markdown
 * row, outer pipes or not), else between its tabs (a row pasted from Word or Excel).
 */
export function cellSpans(row: string): [number, number][] {
  const pipes: number[] = [];
  for (let i = 0; i < row.length; i++) if (row[i] === '|' && row[i - 1] !== '\\') pipes.push(i);
  const bounds: [number, number][] = [];
  if (!pipes.length) {
    if (!row.includes('\t')) return [[0, row.length]];
    // every cell between tabs, empty ones too (they keep the columns under their headers: a leading tab is an empty
    // first cell, as Excel copies a merged cell's rows below the first); spaces before the first cell are none
    let from = 0;
    while (from < row.length && (row[from] === ' ' || row[from] === '\u3000')) from++;
    for (let i = from; i <= row.length; i++) if (i === row.length || row[i] === '\t') bounds.push([from, i]), (from = i + 1);
    // a cell Excel quoted (it holds a line break, a tab or a quote): its text is inside the quotes
    for (const cell of bounds) {
      const a = row.indexOf('"', cell[0]);
      if (a < 0 || a >= cell[1] || row.slice(cell[0], a).trim()) continue;
      let b = cell[1];
      while (b > a + 1 && SPACE.test(row[b - 1])) b--;
      if (b > a + 1 && row[b - 1] === '"') {
        cell[0] = a + 1;
        cell[1] = b - 1;
      }
    }
  } else {
    if (row.slice(0, pipes[0]).trim()) bounds.push([0, pipes[0]]);
    for (let k = 0; k + 1 < pipes.length; k++) bounds.push([pipes[k] + 1, pipes[k + 1]]);
    const last = pipes[pipes.length - 1];
    if (row.slice(last + 1).trim()) bounds.push([last + 1, row.length]);
  }
  for (const cell of bounds) {
    let a = cell[0];
    let b = cell[1];
    while (a < b && SPACE.test(row[a])) a++;
    while (b > a && SPACE.test(row[b - 1])) b--;
    cell[0] = a;
    cell[1] = b;
  }
  return bounds;
}

/** A header's cell: 序号, 工作任务, 对应试点任务, 牵头单位, 完成时限, 备注, 任务编号, 任务名称, 量化指标, 进展情况… */
const HEADER_CELL = /^(?:序号|编号|类别|领域|.{0,6}(?:任务|内容|举措|措施|事项|单位|部门|时限|时间|期限|节点|进度|安排|备注|依据|编号|名称|指标|目标|情况|状态|成效))$/;

/** Whether a table's cell (blanks and bold marks aside) is a column's name: 序号, 工作任务, 牵头单位, 完成时限. */
export function isHeaderCell(cell: string): boolean {
  return HEADER_CELL.test(cell.replace(/\s|\*/g, ''));
}

/**
 * Whether a row without a separator under it (pasted with tabs) is its table's header: no digit but a table's it names
 * (表5任务编号), most cells headers' words.
 */
function isHeaderRow(line: string): boolean {
  if (/[0-9０-９]/.test(line) && /[0-9０-９]/.test(line.replace(TABLE_NAME, ''))) return false;
  const cells = cellsOf(line).filter(Boolean);
  return cells.filter(isHeaderCell).length * 2 >= cells.length;
}

/**
 * Whether a table's first row is its header: a separator row under it (`next`), or, for a table pasted with tabs, a
 * row of headers' words that cites nothing.
 */
function headsTable(line: string, next: string | undefined, cites: boolean): boolean {
  return SEPARATOR_ROW.test(next ?? '') || (!cites && isHeaderRow(line));
}

function cellsOf(line: string): string[] {
  return cellSpans(line).map(([a, b]) => line.slice(a, b));
}

type Lines = readonly { start: number; line: string }[];

/** The table rows of a paragraph for numberColumnReferences: cells, and which row opens a table, heads it or separates. */
function tableRowsOf(lines: Lines, rows: Set<number>) {
  return lines.flatMap(({ start, line }, i) => {
    if (!rows.has(start)) return [];
    const next = lines[i + 1];
    const separator = SEPARATOR_ROW.test(line);
    // a blank line between rows (a table pasted with them) is no end of the table, unless a header follows it
    let previous = i - 1;
    while (previous >= 0 && BLANK_LINE.test(lines[previous].line)) previous--;
    const first = previous < 0 || !rows.has(lines[previous].start) || (previous < i - 1 && isHeaderRow(line));
    const header = first && !separator && headsTable(line, next !== undefined && rows.has(next.start) ? next.line : undefined, false);
    return [{ start, cells: cellSpans(line), header, separator, first }];
  });
}

/** Whether the line before the one at `start` is blank: in a paragraph, a table pasted with a blank line between rows. */
function blankLineBefore(text: string, start: number): boolean {
  let i = start - 1;
  if (i >= 0 && text.charCodeAt(i) === 10) i--;
  if (i >= 0 && text.charCodeAt(i) === 13) i--;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 0x3000)) i--;
  return i >= 0 && i < start - 1 && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13);
}

/** The references of a paragraph: those the scanner reads, and the cells of a task-number column (1-12 under 任务编号). */
function referencesOf(text: string, lines: Lines | undefined, rows: RowStarts | undefined, index: TaskIndex, bare: BareTaskNumber[]): TaskReference[] {
  const scanned = scanReferences(text, { prefixes: index.prefixes });
  // a column of task numbers is named …编号 or …序号, 对应任务, or 任务 or 项 after a document or a table (表1任务)
  if (!lines || !rows || !(text.includes('编号') || text.includes('序号') || text.includes('任务') || text.includes('项'))) return scanned;
  // (a row whose quoted cell holds line breaks, as Excel copies it, is one line: its next row is not a new table's first)
  const column = numberColumnReferences(text, tableRowsOf(rowLines(text, lines, rows), rows), scanned, (table, item) => index.taskAt('', table, item) !== undefined, bare);
  return column.length ? [...scanned, ...column].sort((a, b) => a.start - b.start) : scanned;
}

/** Parses a paragraph (checked in `incoming`) into its model. */
export function buildParagraphModel(text: string, incoming: PlanContext, index: TaskIndex, matcher: TaskMatcher): ParagraphModel {
  // a paragraph without | or a tab has no table row: its lines are not needed
  const lines = text.includes('|') || text.includes('\t') ? linesOf(text) : undefined;
  const rows = lines && tableRowStarts(text, lines);
  // the cells of a task-number column that give an item alone (12 under 任务编号): bare numbers
  const bareCells: BareTaskNumber[] = [];
  const scanned = referencesOf(text, lines, rows, index, bareCells);
  const references = scanned.length ? scanned.map((r) => index.resolve(r)) : NONE;
  const events = contextEvents(text, references);
  const blocks: Block[] = [];
  let context = incoming;
  let e = 0;
  let r = 0;
  let table: { header?: string[]; rows: number; rowUnderHeaderRead?: boolean } | undefined;
  let titlesOf: PlanContext['headings'] | undefined;
  let titles: string[] = [];
  for (const scope of scopesOf(text, rows)) {
    while (e < events.length && events[e].at < scope.start) context = applyEvent(context, events[e++]);
    const line = text.slice(scope.start, scope.end);
    const first = line.trimStart();
    let kind: BlockKind = 'sentence';
    // blocks under the same headings share their titles (read-only): a mention changes the context, not its headings
    if (context.headings !== titlesOf) titles = titlesOfHeadings((titlesOf = context.headings));
    while (r < references.length && references[r].ref.start < scope.start) r++;
    const r0 = r;
    while (r < references.length && references[r].ref.start < scope.end) r++;
    const block: Block = { kind, start: scope.start, end: scope.end, headings: titles, references: r0 === r ? NONE : r0 === 0 && r === references.length ? references : references.slice(r0, r), bare: NONE, context, restates: undefined, heads: undefined, open: undefined, frame: undefined };
    if (HEADING_LINE.test(first)) kind = 'heading';
    else if (first.startsWith('|') || (rows !== undefined && rows.has(scope.start))) {
      kind = 'row';
      // a Markdown table (consecutive rows): its first row is the header when a separator row follows it (the next
      // line is read for a first row only); a table pasted with tabs has no separator: a first row of headers' words
      // a blank line then a header (two tables, each pasted with blank lines between its rows): a new table
      if (table && table.rows > 0 && isHeaderRow(line) && blankLineBefore(text, scope.start)) table = undefined;
      table ??= { rows: 0 };
      if (SEPARATOR_ROW.test(line)) block.tableHeader = true;
      else if (table.rows === 0 && headsTable(line, nextLine(text, scope.end), block.references.length > 0)) {
        block.tableHeader = true;
        table.header = cellsOf(line);
      } else if (table.header && !table.rowUnderHeaderRead && !block.references.length && isHeaderRow(line)) {
        // a second header row under a merged one (责任单位 over 牵头单位 | 配合单位, as Word tables are drawn): its
        // cells name their columns, the merged one's name stays where it has none
        const sub = cellsOf(line);
        const over = table.header;
        table.header = Array.from({ length: Math.max(over.length, sub.length) }, (_, i) => sub[i] || over[i] || '');
        table.rowUnderHeaderRead = true;
        block.tableHeader = true;
      } else {
        block.cells = cellsOf(line);
        if (table.header) block.header = table.header;
        table.rowUnderHeaderRead = true; // only the row right under the header can be a second header row
        // a section's title over the rows after it (一、科技服务领域 and empty cells, a merged row): no row of data
        if (table.rows > 0 && sectionTitleRow(block.cells, block.references.length > 0)) block.tableHeader = true;
      }
      table.rows++;
    } else if (LIST_MARKER.test(line) || ENUMERATION.test(line)) kind = 'item';
    if (kind !== 'row') table = undefined;
    block.kind = kind;
    blocks.push(block);
  }
  const bare = resolveBareNumbers(text, references, blocks, events, incoming, index, matcher, bareCells);
  for (const b of bare) {
    const block = blockAt(blocks, b.start);
    if (block) block.bare = [...block.bare, b];
  }
  const model: ParagraphModel = { text, references, blocks: exact(blocks), bare: exact(bare), carried: carriedEvents(events), thresholds: undefined };
  for (let i = 0; i < blocks.length; i++) if (headsItems(text, blocks, i)) blocks[i].heads = true;
  for (const block of blocks) readFrameAndRestatement(model, block, matcher, index);
  return model;
}

/**
 * Whether a table's row is a section's title over the rows after it, as Excel and Word copy a merged row (一、科技服务领域
 * then empty cells): its first cell alone holds text, words that cite no task and are no number.
 */
function sectionTitleRow(cells: readonly string[], cites: boolean): boolean {
  if (cites || cells.length < 3 || cells.slice(1).some((c) => c.trim())) return false;
  const first = cells[0].replace(/\*\*/g, '').trim();
  return /[\u4e00-\u9fff]{2}/.test(first) && !/^[0-9０-９.．、\s]*$/.test(first);
}

/** The index of the first reference (of references in text order) that starts at or after `offset`. */
export function firstReferenceFrom(refs: readonly ResolvedReference[], offset: number): number {
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (refs[mid].ref.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The block that holds an offset (blocks are in text order and do not overlap). */
export function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end <= offset) lo = mid + 1;
    else if (blocks[mid].start > offset) hi = mid - 1;
    else return blocks[mid];
  }
  return undefined;
}

const LINE_BREAK_AT = /\r\n|\r|\n/y;

function nextLine(text: string, from: number): string | undefined {
  LINE_BREAK_AT.lastIndex = from;
  if (!LINE_BREAK_AT.exec(text)) return undefined;
  const start = LINE_BREAK_AT.lastIndex;
  return text.slice(start, lineEndFrom(text, start));
}

/** Characters that end a sentence (。！？!?；;) or a line. */
function endsSentence(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63 || c === 0xff1b || c === 59 || c === 10 || c === 13;
}

/**
 * Where the sentence whose clause sentenceAround starts at `clause` starts, within [from, …): after a 。！？ or a line's
 * end, back over the ；s that end its earlier clauses.
 */
export function wholeSentenceStart(text: string, clause: number, from: number): number {
  let start = clause;
  while (start > from && endsClauseOnly(text.charCodeAt(start - 1))) {
    start--;
    while (start > from && !endsSentence(text.charCodeAt(start - 1))) start--;
  }
  return start;
}

/** ； or ;: where sentenceAround ends a sentence that goes on (a clause of it). */
const endsClauseOnly = (c: number) => c === 0xff1b || c === 59;

/** The sentence of `text` that holds `offset`, within [from, to): bounds of the text between sentence ends. */
export function sentenceAround(text: string, offset: number, from = 0, to = text.length): { start: number; end: number } {
  let start = offset;
  while (start > from && !endsSentence(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < to && !endsSentence(text.charCodeAt(end))) end++;
  return { start, end: Math.min(to, end + 1) };
}
