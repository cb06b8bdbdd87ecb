// A plan copied out of a PDF into a text file keeps the PDF's lines: every 20-45 characters a line break, inside a
// sentence, a task number (表1第1⏎9项), a threshold (不超过6⏎0%), a unit's name or a date, and a page number's line
// (— 1 —, and a running head) between two halves of one; and a table comes as lines of cells parted by blanks. The
// checks read a line as a unit; this joins such lines back into the paragraphs they were, and parts such a table's
// cells by tabs, as a view of the text with a map between its offsets and the original's.
import { isHeaderCell } from './planModel';
import { TITLE_END } from './planStructure';
import { INDENT, LIST_MARKER_SOURCE } from './scopes';
import { commonPrefix, commonSuffix, parseInteger } from './text';

/** The text the checks read and how its offsets stand to the original's (the text the user has). */
export interface TextView {
  readonly text: string;
  readonly original: string;
  /**
   * The original offset of a view offset. At a joint, a range's start is the character after what was taken out and its
   * end the one before (`end`): a range that ends or starts at a line's break does not take the break in.
   */
  toOriginal(offset: number, end?: boolean): number;
  /** The view offset of an original offset (inside what was taken out: the joint). */
  toView(offset: number): number;
}

/** A range of a view in the original's offsets: an end at a joint stays before what was taken out (TextView.toOriginal). */
export function originalSpan(view: TextView, start: number, end: number): { start: number; end: number } {
  return { start: view.toOriginal(start), end: view.toOriginal(Math.max(start, end), end > start) };
}

/** How many of a text's first non-blank lines tell whether it is hard-wrapped: a keystroke reads no more. */
const SAMPLE_LINES = 200;
/** A hard-wrapped text has at least this many lines broken inside a sentence… */
const MIN_BROKEN = 4;
/** …and they are at least this share of its long lines (a plan written one paragraph to a line has nearly none). */
const MIN_BROKEN_SHARE = 0.4;
/**
 * …and at least this many of them break inside a word (insideWord): a list of items written a line each, without
 * markers or full stops, or a table copied a cell a line, has lines that end where a phrase ends.
 */
const MIN_JOINTS = 1;
/**
 * …or, with none, at least this many broken lines, of which this share are as wide as their median to within
 * `JUSTIFIED`: a page's lines are justified to one width, a list's items are as long as their words.
 */
const MIN_JUSTIFIED_LINES = 8;
const MIN_JUSTIFIED_SHARE = 0.75;
const JUSTIFIED = 0.04;
/** A line at least this share of the text's line width (its 90th percentile) is a full one, broken by the layout. */
const FULL = 0.7;
/** The line widths (a CJK character counts two) between which a text can be a page's lines. */
const MIN_WIDTH = 30;
const MAX_WIDTH = 160;

/**
 * A line that starts a block of its own: indented (a paragraph's first line), a list item, a heading, a row, a quote,
 * markup (an HTML comment: a directive, a fixture's case).
 */
const BLOCK_START = new RegExp(String.raw`^(?:[ \t\u3000]|#{1,6}[ \t]|\||>|<|${INDENT}(?:${LIST_MARKER_SOURCE})|第[一二三四五六七八九十百零〇0-9０-９]+[章节條条部分])`);
/** A page's number on a line of its own: — 1 —, - 2 -, 第3页, 第 3 页 共 9 页, 3/9. */
export const PAGE_NUMBER = /^[ \t\u3000]*(?:[—－\-–~～]+[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*[—－\-–~～]+|第[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*页(?:[ \t\u3000]*[,，]?[ \t\u3000]*共[ \t\u3000]*[0-9０-９]{1,4}[ \t\u3000]*页)?|[0-9０-９]{1,4}[ \t\u3000]*\/[ \t\u3000]*[0-9０-９]{1,4})[ \t\u3000]*$/;
/** How a sentence ends: after this (and a closing quote or bracket), a line break is no break inside a sentence. */
const SENTENCE_END = /[。！？!?][”’」』）)》]*$/;

interface Line {
  start: number;
  /** The end of its text (before \r\n or \n). */
  end: number;
  /** The start of the next line. */
  next: number;
  text: string;
  width: number;
}

/** The width of text[from, to) up to its last character that is not blank, from the character codes (no slice made). */
function widthIn(text: string, from: number, to: number): number {
  let w = 0;
  let toLast = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 13) continue;
    // a wide character counts two; a surrogate pair (a character beyond the BMP, wide as a rule) two in all
    w += c >= 0xd800 && c <= 0xdbff ? 0 : c >= 0x1100 ? 2 : 1;
    if (c !== 32 && c !== 9 && c !== 0x3000) toLast = w;
  }
  return toLast;
}

/** The line that starts at `start` (at most the text's length). */
function lineAt(text: string, start: number): Line {
  let end = text.indexOf('\n', start);
  const next = end < 0 ? text.length + 1 : end + 1;
  if (end < 0) end = text.length;
  const textEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  return { start, end: textEnd, next, text: text.slice(start, textEnd), width: widthIn(text, start, textEnd) };
}

/** The text's lines. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start <= text.length; ) {
    const line = lineAt(text, start);
    lines.push(line);
    start = line.next;
  }
  return lines;
}

function blank(line: Line): boolean {
  return !line.text.trim();
}

/** Whether the line could go on into the next: it holds words, no table cells, and no sentence ends at its end. */
function open(line: Line): boolean {
  const t = line.text.trimEnd();
  return t.length > 0 && !line.text.includes('\t') && !/^#{1,6}[ \t]|^\|/.test(t) && !SENTENCE_END.test(t) && !t.endsWith('>') && !PAGE_NUMBER.test(t);
}

/** Whether the line can be the rest of the one before it: not blank, no block's start, no page number, no table row. */
function continues(line: Line | undefined): boolean {
  return !!line && !blank(line) && !BLOCK_START.test(line.text) && !PAGE_NUMBER.test(line.text) && !line.text.includes('\t');
}

/** A Markdown list item's first line, up to where its text starts (`1. `, `- `), or a line indented with spaces. */
const ITEM_TEXT = /^ *(?:[-*+]|[0-9]{1,3}[.)]) +(?=\S)|^ +(?=\S)/;

/**
 * How many spaces open `next` when it goes on with the text of the Markdown list item `line` is a line of (a line
 * indented to where the item's text starts: 1. 推动……⏎   ……), or 0 when it does not: a Markdown editor wraps a list
 * item so, and CommonMark reads its lines as one paragraph.
 */
function itemIndent(line: Line, next: Line | undefined): number {
  const indent = ITEM_TEXT.exec(line.text)?.[0].length ?? 0;
  if (!indent || !next || next.text.length <= indent || next.text.slice(0, indent).trim() || next.text.charCodeAt(indent) === 32) return 0;
  const rest = { ...next, text: next.text.slice(indent) };
  return continues(rest) ? indent : 0;
}

/**
 * The line width of a hard-wrapped text (its long lines' 90th percentile), or undefined when the text is no such: too
 * few of its long lines end inside a sentence with the next line going on, or its lines are longer than a page's. Read
 * from its first SAMPLE_LINES lines that are not blank, each line's width from its character codes (this runs on every
 * keystroke): only a long line, and the line after it, are read as text.
 */
function wrapWidth(text: string, end = sampleEnd(text)): number | undefined {
  // told by the first lines alone (to `end`): a keystroke after them leaves the answer as it was (one entry, the last
  // text's)
  if (lastSample && lastSample.end === end && text.startsWith(lastSample.text)) return lastSample.width;
  const width = measuredWidth(text);
  lastSample = { text: text.slice(0, end), end, width };
  return width;
}

/** The last text's sample (its first lines, to sampleEnd) and the width wrapWidth read from it. */
let lastSample: { text: string; end: number; width: number | undefined } | undefined;

/** Where the lines wrapWidth reads end: its SAMPLE_LINES lines that are not blank, and the line after the last. */
function sampleEnd(text: string): number {
  let at = 0;
  for (let n = 0; at <= text.length && n <= SAMPLE_LINES; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (widthIn(text, at, end) > 0) n++;
    at = end + 1;
  }
  return Math.min(at, text.length);
}

function measuredWidth(text: string): number | undefined {
  const starts: number[] = [];
  const widths: number[] = [];
  for (let at = 0; at <= text.length && starts.length < SAMPLE_LINES; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const toLast = widthIn(text, at, end);
    if (toLast > 0) {
      starts.push(at);
      widths.push(toLast);
    }
    at = end + 1;
  }
  if (starts.length < MIN_BROKEN * 2) return undefined;
  const width = [...widths].sort((a, b) => a - b)[Math.floor(widths.length * 0.9)];
  if (width < MIN_WIDTH || width > MAX_WIDTH) return undefined;
  let long = 0;
  let joints = 0;
  const broken: number[] = []; // their widths
  for (let i = 0; i < starts.length; i++) {
    if (widths[i] < width * FULL) continue;
    long++;
    const line = lineAt(text, starts[i]);
    if (!open(line) || line.next > text.length) continue;
    const next = lineAt(text, line.next);
    const indent = itemIndent(line, next);
    if (!indent && !continues(next)) continue;
    broken.push(widths[i]);
    if (insideWord(line.text.trimEnd(), next.text.slice(indent))) joints++;
  }
  if (broken.length < MIN_BROKEN || broken.length < long * MIN_BROKEN_SHARE) return undefined;
  return joints >= MIN_JOINTS || justified(broken) ? width : undefined;
}

/** Whether lines of these widths are a page's, justified to one width (MIN_JUSTIFIED_SHARE of them). */
function justified(widths: number[]): boolean {
  if (widths.length < MIN_JUSTIFIED_LINES) return false;
  const median = [...widths].sort((a, b) => a - b)[widths.length >> 1];
  return widths.filter((w) => Math.abs(w - median) <= median * JUSTIFIED).length >= widths.length * MIN_JUSTIFIED_SHARE;
}

/** A line's last character that leaves a word or a phrase open: 在⏎我区, 的⏎二十大, 〔⏎2022〕. */
const OPEN_END = /[的和与及或在对把被将向从为以于、（《“(〔]$/;
/** A line's first character that opens no phrase: 的二十大, ，, ）. */
const CLOSED_START = /^[的、，。；：）》」』”%％]/;
/** …nor after a number: 9项, 2号）, 5年6月, 6月底前, 0%. */
const AFTER_NUMBER = /^[项号年月日%％]/;

/** Whether a line break falls inside a word or a phrase (202⏎5年, 区商务⏎局, 推动…在⏎我区): a page's, not the writer's. */
function insideWord(line: string, next: string): boolean {
  // a number goes on after a number, 表 or 第 (202⏎5年, 表1第⏎8项, 表⏎1第8项: not 分工表⏎1, a table's title over its first cell)
  const digit = /^[0-9０-９]/.test(next);
  const afterDigit = /[0-9０-９]$/.test(line);
  return OPEN_END.test(line) || CLOSED_START.test(next) || (afterDigit && AFTER_NUMBER.test(next)) || (digit && (afterDigit || /(?:[^工务单]表|第)$/.test(line))) || (/[A-Za-z]$/.test(line) && /^[A-Za-z]/.test(next));
}

/** Whether a joint falls between two letters of a word (English words are broken at a space, which the break stood for). */
function betweenLetters(text: string, before: number, after: number): boolean {
  return /[A-Za-z]/.test(text.charAt(before - 1)) && /[A-Za-z]/.test(text.charAt(after));
}

/** The document's title is among its first this many lines that are not blank (under a 发文机关 and a 文号 line). */
const TITLE_WITHIN = 4;
/** At most this many lines of a page break (its number, a running head and foot) stand between two halves of a sentence. */
const MAX_FURNITURE = 3;

/** A page's number alone on its line (3): a page's only when such lines count up a page apart (pageLines). */
const BARE_NUMBER = /^[ \t\u3000]*([0-9０-９]{1,3})[ \t\u3000]*$/;
/** At least this many lines stand between two pages' numbers. */
const MIN_PAGE_LINES = 12;

/**
 * The lines (their indices) that are a page's and not the plan's: page numbers (— 1 —, 第 2 页; a bare 3 when such lines
 * count up 1, 2, 3 at least a page's lines apart, not the 序号 cells of a table copied a cell a line), and the running
 * heads and feet, lines that stand right before or after a page number at two page breaks or more
 * (广州市南沙区人民政府办公室文件 over every page).
 */
function pageLines(lines: readonly Line[]): Set<number> {
  const pages = new Set<number>();
  const bare: { at: number; n: number }[] = [];
  for (let k = 0; k < lines.length; k++) {
    if (PAGE_NUMBER.test(lines[k].text)) pages.add(k);
    else {
      const m = BARE_NUMBER.exec(lines[k].text);
      if (m) bare.push({ at: k, n: parseInteger(m[1])! });
    }
  }
  // (the last page may be short: its number the text's last line)
  const last = (k: number) => lines.slice(k + 1).every(blank);
  if (bare.length >= 2 && bare.every((b, k) => k === 0 || (b.n === bare[k - 1].n + 1 && (b.at - bare[k - 1].at >= MIN_PAGE_LINES || last(b.at))))) {
    for (const b of bare) pages.add(b.at);
  }
  const seen = new Map<string, number>();
  for (const k of pages) {
    for (const n of [lines[k - 1], lines[k + 1]]) {
      const t = n?.text.trim();
      if (t && !PAGE_NUMBER.test(t) && !BARE_NUMBER.test(t)) seen.set(t, (seen.get(t) ?? 0) + 1);
    }
  }
  const heads = new Set<string>();
  for (const [t, n] of seen) if (n >= 2) heads.add(t);
  if (heads.size) for (let k = 0; k < lines.length; k++) if (heads.has(lines[k].text.trim())) pages.add(k);
  return pages;
}

/**
 * The text with the lines a PDF's layout broke joined again (the page numbers and running heads between two halves of
 * a sentence taken out) and its tables copied as cells parted by blanks made tab-separated, or undefined when it has
 * neither (a plan written a paragraph to a line, a Markdown file with blank lines between paragraphs): nothing to read
 * otherwise than as it is.
 */
export function hardWrapView(text: string): TextView | undefined {
  if (!text.includes('\n') && !text.includes('\r')) return undefined;
  return viewOf(text);
}

/**
 * hardWrapView of `text`, an edit of `old`, which had none (nothing of it read otherwise than as it is): the same, found
 * by looking at the lines around the edit only, where the edit is past the lines that tell whether a text is
 * hard-wrapped and that text is not. A break inside a token is one line's and the few after it (a page's number and
 * head between them); a table copied out of a PDF needs a 序号 header. This runs on every keystroke.
 */
export function hardWrapViewAfterEdit(text: string, old: string): TextView | undefined {
  if (!text.includes('\n') && !text.includes('\r')) return undefined;
  const min = Math.min(old.length, text.length);
  const from = commonPrefix(old, text, min);
  const same = commonSuffix(old, text, min - from);
  const sample = sampleEnd(text);
  if (from <= sample || wrapWidth(text, sample) !== undefined) return viewOf(text);
  // the lines of the edit, from MAX_FURNITURE + 1 lines before it (whose break may now join the edited line), to the
  // end of the line after it
  let start = from;
  for (let k = 0; k <= MAX_FURNITURE + 1 && start > 0; k++) start = lineAround(text, start - 1).start;
  let end = text.length - same;
  for (let k = 0; k < 2 && end < text.length; k++) end = lineAround(text, end).end + 1;
  end = Math.min(end, text.length);
  if (text.slice(start, end).includes('号') || tokenCuts(text, NO_ROWS, start, end).length) return viewOf(text);
  return undefined;
}

const NO_ROWS: ReadonlySet<number> = new Set();

function viewOf(text: string): TextView | undefined {
  const table = spacedTables(text);
  const cuts = lineCuts(text, table.lines);
  if (!cuts.length && !table.borders.length) return undefined;
  return new JoinedView(text, cuts, table.borders);
}

/** The first column's name of a table's header copied out of a PDF, which opens its line (序号 工作任务 牵头单位 完成时限). */
const FIRST_COLUMN = /^[ \u3000]*[序编]号$/;
/** The blanks between two cells of a table copied out of a PDF. */
const CELL_GAP = /[ \u3000]+/g;

/**
 * The tables a PDF viewer copied as lines of cells parted by blanks (序号 对应任务 工作内容 牵头单位 完成时限, then
 * `1 表1第39项 设立研究型病房 区卫生健康局 2025年6月底前`): a header of columns' names that opens with 序号, and the lines
 * under it with as many cells. Their lines (their starts) and the first blank of each gap between two cells, which the
 * view makes a tab: the table then reads as one pasted from Word.
 */
function spacedTables(text: string): { lines: Set<number>; borders: number[] } {
  const lines = new Set<number>();
  const borders: number[] = [];
  // 号 looked for as a character, each a blank after it (a regex over a large plan's every line start costs more, on
  // every keystroke)
  let after = 0; // the end of the last table read
  for (let k = text.indexOf('号'); k >= 0; k = text.indexOf('号', k + 1)) {
    const c = text.charCodeAt(k + 1);
    if (c !== 32 && c !== 0x3000) continue;
    const start = text.lastIndexOf('\n', k - 1) + 1;
    if (start < after || !FIRST_COLUMN.test(text.slice(start, k + 1))) continue;
    const m = lineAt(text, start);
    const header = m.text;
    const cells = header.trim().split(CELL_GAP);
    if (cells.length < 3 || /[0-9０-９\t|]/.test(header) || cells.filter(isHeaderCell).length * 2 < cells.length) continue;
    const rows: Line[] = [];
    for (let at = m.next; at < text.length; ) {
      const line = lineAt(text, at);
      at = line.next;
      if (PAGE_NUMBER.test(line.text)) continue; // a page break inside the table
      if (line.text.includes('\t') || line.text.trim().split(CELL_GAP).length !== cells.length) break;
      rows.push(line);
    }
    if (!rows.length) continue;
    for (const line of [m, ...rows]) {
      lines.add(line.start);
      const lead = line.text.length - line.text.trimStart().length;
      const body = line.text.trimEnd();
      CELL_GAP.lastIndex = lead;
      for (let g = CELL_GAP.exec(body); g !== null; g = CELL_GAP.exec(body)) borders.push(line.start + g.index);
    }
    after = rows[rows.length - 1].next;
  }
  return { lines, borders };
}

/** Where the lines of a hard-wrapped text are joined (none when it is not one); the lines of `rows` are a table's, never joined. */
function lineCuts(text: string, rows: ReadonlySet<number>): Cut[] {
  // told from the first lines; only a text that is hard-wrapped is split into all of them
  const width = wrapWidth(text);
  if (width === undefined) return tokenCuts(text, rows);
  const lines = linesOf(text);
  const pages = pageLines(lines);
  const goesOn = (k: number) => k < lines.length && !pages.has(k) && !rows.has(lines[k].start) && continues(lines[k]);
  /** The spaces that open line k when it goes on with a Markdown list item's text, 0 when it does not. */
  const goesOnItem = (i: number, k: number) => (k < lines.length && !pages.has(k) && !rows.has(lines[k].start) ? itemIndent(lines[i], lines[k]) : 0);
  // what is taken out: [start, end) of the original, in order; a space stands for a break between two letters
  const cuts: Cut[] = [];
  // one cut where two meet (a page's number and its running head): a view offset stands for one place of the text
  const cut = (start: number, end: number, space: boolean) => {
    const last = cuts[cuts.length - 1];
    if (last && last.end === start && !last.space && !space) last.end = end;
    else cuts.push({ start, end, space });
  };
  // the document's title, among its first lines, is a line of its own however wide (越秀区落实……实施方案, then 为贯彻……)
  let titleLines = TITLE_WITHIN;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (titleLines > 0 && !blank(line) && titleLines-- && TITLE_END.test(line.text.trimEnd())) continue;
    if (pages.has(i)) {
      // a page's number, head or foot between two paragraphs: the line and its break go
      cut(line.start, Math.min(line.next, text.length), false);
      continue;
    }
    // (a line of any width that leaves a clause open, …取代保证金，, before a page's number: the sentence goes on past it)
    const atClause = pages.has(i + 1) && CLAUSE_CODES.has(line.text.trimEnd().charCodeAt(line.text.trimEnd().length - 1));
    if ((line.width < width * FULL && !atClause) || !open(line) || rows.has(line.start)) continue;
    // past a page break's number and running head or foot, when the sentence goes on after them (a head seen once, the
    // document's short title, too)
    let j = i + 1;
    while (j < lines.length - 1 && j - i <= MAX_FURNITURE && (pages.has(j) || (pages.has(j - 1) && isRunningHead(lines[j].text) && goesOn(j + 1)))) j++;
    if (j > i + 1 && !goesOn(j) && !goesOnItem(i, j)) j = i + 1;
    const indent = goesOn(j) ? 0 : goesOnItem(i, j);
    if (!indent && !goesOn(j)) continue;
    // the line's trailing blanks (a PDF viewer's copy may end each line with one), the break, any page line and the
    // indent of a list item's next line go
    const end = line.start + line.text.trimEnd().length;
    const to = lines[j].start + indent;
    cut(end, to, betweenLetters(text, end, to));
    i = j - 1;
  }
  return cuts;
}

/**
 * A line break (and the page's number or running head after it) that splits a reference, a number or a 文号, or falls
 * inside a quotation or a bracket: 表1第6⏎4项, 表⏎6第2项, T1.⏎49, 第⏎8项, 3至⏎5年, 〔2022〕⏎21号, “…保税⏎展览…”, （区商务局牵⏎头）;
 * or a sentence a page's number parts. Where the text as a whole is not hard-wrapped (a paragraph copied out of a PDF
 * into a plan typed a paragraph to a line), only such breaks are the page's: the writer's own break never falls there.
 * Found by one pass over the line ends (this runs on every keystroke); a break is joined when its line holds words
 * (TOKEN_LINE characters at least, no table row) and the line after it goes on (not blank, no block's start).
 */
function tokenCuts(text: string, rows: ReadonlySet<number>, start = 0, end = text.length): Cut[] {
  const cuts: Cut[] = [];
  // each line's break, found natively (this runs on every keystroke); a line is looked at only when its last character
  // may go on in a token, it leaves a quotation or bracket open, or a page's number follows it. The lines that start in
  // [start, end) (start a line's start).
  let lf = text.indexOf('\n', start);
  let cr = text.indexOf('\r', start);
  for (let from = start; (lf >= 0 || cr >= 0) && from < end; ) {
    const at = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    const resume = at + (text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1);
    let last = at;
    while (last > from && isBlank(text.charCodeAt(last - 1))) last--;
    const cut = last - from >= TOKEN_LINE && mayGoOn(text, from, last, resume) ? tokenCut(text, rows, from) : undefined;
    if (cut) cuts.push(cut);
    from = cut ? cut.end : resume;
    while (lf >= 0 && lf < from) lf = text.indexOf('\n', from);
    while (cr >= 0 && cr < from) cr = text.indexOf('\r', from);
  }
  return cuts;
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 0x3000;

/**
 * Whether the line [from, last) may go on past its break (at `next`, the next line's start): its last character can
 * end half a token (a digit, 表, 第, ., 至, 〕), it leaves a quotation or bracket open, or a page's number stands next.
 */
function mayGoOn(text: string, from: number, last: number, next: number): boolean {
  const c = text.charCodeAt(last - 1);
  if (TOKEN_CODES.has(c) || (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return true;
  // a clause's mark (，、) before a page's number: the sentence goes on on the next page
  if (CLAUSE_CODES.has(c)) return pageNumberAt(text, next);
  if (CLOSING_CODES.has(c)) return false;
  // an open quotation or bracket: the line's last “ or （ after its last ” or ）
  for (let k = last - 1; k >= from; k--) {
    const d = text.charCodeAt(k);
    if (d === 0x201d || d === 0xff09) break;
    if (d === 0x201c || d === 0xff08) return true;
  }
  // a page's number on the next line (— 7 —, - 7 -)
  return pageNumberAt(text, next);
}

/** Whether the line at `at` may be a page's number (opens with a dash: — 7 —, - 7 -; told before reading it). */
function pageNumberAt(text: string, at: number): boolean {
  let k = at;
  while (k < text.length && isBlank(text.charCodeAt(k))) k++;
  return PAGE_DASHES.has(text.charCodeAt(k));
}
/** The marks that close a clause but not a sentence. */
const CLAUSE_CODES = new Set([...'，,、'].map((c) => c.charCodeAt(0)));
/** The last characters of a line that may end half a token: 表, 第, a T-form's point, a range's 至, a 文号's 〕. */
const TOKEN_CODES = new Set([...'表第.．至到~～〕'].map((c) => c.charCodeAt(0)));
/** What a page's number opens with: — 7 —, - 7 -. */
const PAGE_DASHES = new Set([...'—－-–~～'].map((c) => c.charCodeAt(0)));

/** The cut that joins the line at `start` to the next (past a page's number), when a page broke it inside a token. */
function tokenCut(text: string, rows: ReadonlySet<number>, start: number): Cut | undefined {
  const line = lineAround(text, start);
  const written = line.text.trimEnd();
  // a line as wide as a page's (MIN_WIDTH): a page breaks its lines where they are full; but a clause left open at a
  // page's end (…同步探索以保险方式取代保证金，⏎- 1 -) goes on past it, however short
  const atClause = CLAUSE_CODES.has(written.charCodeAt(written.length - 1));
  if ((line.width < MIN_WIDTH && !atClause) || rows.has(line.start) || !open(line) || line.next > text.length) return undefined;
  // past a page's number (— 6 —) and a running head between the halves
  let next = lineAround(text, line.next);
  let numbers = 0;
  for (; numbers < MAX_FURNITURE && PAGE_NUMBER.test(next.text) && next.next <= text.length; numbers++) next = lineAround(text, next.next);
  if (atClause && !numbers) return undefined;
  // a running head after the number, seen once (the document's short title, 南沙区……实施方案), when the sentence goes on after it
  if (numbers && isRunningHead(next.text) && next.next <= text.length) {
    const after = lineAround(text, next.next);
    if (continues(after)) next = after;
  }
  // a quotation or bracket left open, or a word a page's number parted (永⏎- 7 -⏎久访问): any words go on; a number, 表 or
  // 第: a number or what follows one; T1., a range's 至 or a 文号's year: a digit
  const token = TOKEN_END.test(written);
  const after = UNCLOSED.test(written) || (next.start > line.next && !token) ? ANY_WORDS : !token ? undefined : TABLE_END.test(written) ? TABLE_GOES_ON : NUMBER_END.test(written) ? NUMBER_GOES_ON : DIGIT_FIRST;
  if (!after || !continues(next) || !after.test(next.text)) return undefined;
  const end = line.start + written.length;
  return { start: end, end: next.start, space: betweenLetters(text, end, next.start) };
}

/** A line that ends with a mark ends a sentence, a clause or a bracket (or is a table's row): no token goes on past it. */
const CLOSING_CODES = new Set([...'。！？!?；;：:，,、）)》”」』|>'].map((c) => c.charCodeAt(0)));
/** A line that ends with a table's number (…落实表4): its item goes on, 第9项 or 9项. */
const TABLE_END = /(?:^|[^工务单附列图报])表[0-9０-９]{1,2}$/;
const TABLE_GOES_ON = /^[ \t\u3000]*(?:[0-9０-９]|[项第])/;
/** A line that may be a page's running head: a short title, no mark of a sentence or clause in it. */
const RUNNING_HEAD = /^[^。，,；;：:、！？!?“”（）()]{6,40}$/;
/** Whether a line may be a page's running head seen once: a short title of a document (……实施方案). */
function isRunningHead(line: string): boolean {
  const t = line.trim();
  return RUNNING_HEAD.test(t) && TITLE_END.test(t);
}
/** A line ending inside a number: a digit, or 表 or 第 before one (not 分工表, 附表). */
const NUMBER_END = /(?:[0-9０-９]|(?:^|[^工务单附列图报])表|第)$/;
/** …or in a token a digit goes on: T1. (a T-form's table), a range's 至 after a number, a 文号's year (〔2022〕). */
const TOKEN_END = /(?:[0-9０-９]|(?:^|[^工务单附列图报])表|第|[TＴ][0-9０-９]{1,2}[.．]|[0-9０-９][至到~～]|〔[0-9０-９]{4}〕)$/;
/** A quotation mark or bracket the line leaves open. */
const UNCLOSED = /[“（][^”）]*$/;

/** The line around `at`, its breaks any of \n, \r\n and a lone \r (as LSP has them). */
function lineAround(text: string, at: number): Line {
  let start = at;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  let end = at;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  const next = end >= text.length ? text.length + 1 : end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  return { start, end, next, text: text.slice(start, end), width: widthIn(text, start, end) };
}

/** A line must hold this many characters for a break at its end to be read as a page's (a table's cell a line holds fewer). */
const TOKEN_LINE = 8;
/** What starts the line that goes on with such a token: after a digit, 表 or 第, a digit or what follows a number (项, 号, 年, %)… */
const NUMBER_GOES_ON = /^[ \t\u3000]*(?:[0-9０-９]|[项号年月日%％])/;
/** …after T1., a range's 至 or a 文号's year, a digit… */
const DIGIT_FIRST = /^[ \t\u3000]*[0-9０-９]/;
/** …and after an open quotation or bracket, or a page's number, any words. */
const ANY_WORDS = /\S/;

/** What the view takes out of the text: [start, end), a space standing for it when it parted two letters of words. */
interface Cut {
  start: number;
  end: number;
  space: boolean;
}

class JoinedView implements TextView {
  readonly text: string;
  /** For each cut, its start in the view and in the original, and the characters taken out up to its end. */
  private readonly viewAt: Int32Array;
  private readonly originalAt: Int32Array;
  private readonly removed: Int32Array;

  /** `borders`: offsets of the text where a blank becomes a tab (a table's cell border), none inside a cut. */
  constructor(readonly original: string, cuts: readonly Cut[], borders: readonly number[]) {
    this.viewAt = new Int32Array(cuts.length);
    this.originalAt = new Int32Array(cuts.length);
    this.removed = new Int32Array(cuts.length);
    const pieces: string[] = [];
    let at = 0;
    let removed = 0;
    cuts.forEach((cut, k) => {
      pieces.push(original.slice(at, cut.start));
      if (cut.space) pieces.push(' ');
      const kept = cut.space ? 1 : 0;
      this.originalAt[k] = cut.start + kept;
      this.viewAt[k] = cut.start + kept - removed;
      removed += cut.end - cut.start - kept;
      this.removed[k] = removed;
      at = cut.end;
    });
    pieces.push(original.slice(at));
    const joined = pieces.join('');
    if (!borders.length) {
      this.text = joined;
      return;
    }
    // a blank for a tab: the same length, so the offsets stay as the cuts made them
    const tabbed: string[] = [];
    let from = 0;
    for (const b of [...borders].sort((x, y) => x - y)) {
      const v = this.toView(b);
      tabbed.push(joined.slice(from, v), '\t');
      from = v + 1;
    }
    tabbed.push(joined.slice(from));
    this.text = tabbed.join('');
  }

  /** The last cut at or before `offset` of `starts` (-1: none). */
  private cutAt(starts: Int32Array, offset: number): number {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  toOriginal(offset: number, end = false): number {
    const k = this.cutAt(this.viewAt, offset);
    if (k < 0) return offset;
    if (end && offset === this.viewAt[k]) return this.originalAt[k];
    return offset + this.removed[k];
  }

  toView(offset: number): number {
    const k = this.cutAt(this.originalAt, offset);
    if (k < 0) return offset;
    const before = k === 0 ? 0 : this.removed[k - 1];
    const cutEnd = this.originalAt[k] + this.removed[k] - before;
    return offset < cutEnd ? this.viewAt[k] : offset - this.removed[k];
  }
}
