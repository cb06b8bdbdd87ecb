// The units a check looks within: a list item or table row is one unit (an item that enumerates, 一是…；二是…, one
// per clause), other prose splits into sentences.
import { linesOf, parseInteger } from './text';

export interface Scope {
  start: number;
  end: number;
}

/** The indentation before a marker: a plain-text plan indents with full-width spaces (　　1．). */
export const INDENT = String.raw`[ \t\u3000]*`;

/** What opens a section's title: blanks, a Markdown heading's hashes, bold, its number (一、, （一）, 1．). */
const SECTION_OPENING = String.raw`^[ \t\u3000]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．])?[ \t\u3000]*(?:\*\*)?`;

/**
 * The sections of a plan's frame around its tasks (一、总体要求 with （一）指导思想 and （二）工作目标; 三、保障措施 with
 * （一）加强组织领导): what stands in them is the plan's own purpose, goals and management, not a task item, whatever a
 * task's words it holds (立足……数字创意等产业基础). Matched whole, after the numbering, up to a full stop or colon.
 */
const FRAME_SECTION = new RegExp(
  SECTION_OPENING +
    '(?:总体要求|指导思想|基本原则|工作原则|总体目标|工作目标|主要目标|发展目标|目标任务|保障措施|组织保障|组织实施|实施保障|工作要求|工作机制|(?:加强|强化)?组织领导|督促检查|督查考核|考核评估|评估考核|宣传引导|(?:加强)?宣传推广|资金保障|要素保障|人才保障|政策保障|风险防控|防范(?:化解)?(?:重大)?风险|实施步骤|工作步骤|进度安排|时间安排|附则|存在(?:的)?问题|主要问题|问题和不足|困难和问题)' +
    String.raw`(?:\*\*)?[ \t\u3000]*(?:[。：:；;\r\n]|$)`,
);

/** Whether a heading's title, or the label a paragraph opens with (（一）指导思想。…), is a section of the plan's frame. */
export function isFrameSection(text: string): boolean {
  return FRAME_SECTION.test(text);
}

/** A section of the plan's tasks (二、主要任务, （二）重点任务): the frame-like headings inside it (（三）人才保障) hold tasks. */
const TASK_SECTION = new RegExp(SECTION_OPENING + '(?:主要任务|重点任务|工作任务|试点任务|具体任务|任务措施|主要措施|重点工作|重点举措|主要举措)');

/**
 * Whether headings, outermost first, put what is under them in the plan's frame: the outermost that is a frame
 * section's (三、保障措施) or a task section's (二、主要任务, whose （三）人才保障 holds tasks) decides.
 */
export function framedBy(titles: Iterable<string>): boolean {
  for (const title of titles) {
    if (isFrameSection(title)) return true;
    if (TASK_SECTION.test(title)) return false;
  }
  return false;
}

/** A paragraph that is one heading-like line (一、商务服务（区商务局牵头）, （一）金融服务): its level and title. */
export function headingLikeLine(paragraph: string): { level: 1 | 2; title: string } | undefined {
  const text = paragraph.trim();
  if (/[\r\n]/.test(text) || text.length > MAX_HEADING_LENGTH || /[。；;]$/.test(text)) return undefined;
  const m = /^(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[）)])/.exec(text);
  if (!m) return undefined;
  return { level: m[1] ? 1 : 2, title: text.slice(m[0].length).trim() };
}

/** Heading-like lines are short: a line longer than this is a paragraph of prose that starts with 一、. */
const MAX_HEADING_LENGTH = 60;

/** Circled numbers (①–⑳, ⑴–⒇, ⒈–⒛): the markers of a sub-item under a numbered one (1. …, then ① …, ② …). */
const CIRCLED_SOURCE = '[\u2460-\u2473\u2474-\u2487\u2488-\u249b]';
const CIRCLED_AT = new RegExp(CIRCLED_SOURCE, 'y');
/** A number in brackets as an item's marker, （1）: the level under 1. and over ① (GB/T 9704's order of numbering). */
const BRACKETED_NUMBER_SOURCE = '[（(][0-9０-９]{1,2}[）)]';
const BRACKETED_NUMBER_AT = new RegExp(BRACKETED_NUMBER_SOURCE, 'y');

/**
 * The markers that open a list item: - 1. 1) 1、 １． 4） （一） (1) 一、 ①, and a Word outline's 1.1 or 2.3.1 before a blank
 * (first: 1. of 1.1 would be a marker too, and leave 1 in the item's text). A table row opens with | instead.
 */
export const LIST_MARKER_SOURCE = String.raw`[0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2}){1,3}(?=[ 	　])|[-+]|\*(?!\*)|[0-9０-９]+[.)、．）]|[（(][一二三四五六七八九十0-9０-９]+[）)]|[一二三四五六七八九十]+、|${CIRCLED_SOURCE}`;
/** A line that opens a list item (its marker). */
export const LIST_MARKER = new RegExp(String.raw`^${INDENT}(?:${LIST_MARKER_SOURCE})`);
/**
 * The labels that assign a task item: who leads (牵头单位; 责任单位, 主责单位 and 负责单位 name the lead first), who
 * works with them (配合单位), and when it is due (完成时限, 时间安排, 进度安排).
 */
export const ASSIGNMENT_LABELS = '牵头单位|牵头部门|主责单位|主责部门|责任单位|责任部门|责任主体|负责单位|负责部门|配合单位|配合部门|协办单位|参与单位|完成时限|完成时间|完成期限|时间节点|时间安排|进度安排|牵头(?=[ \\t]*[：:])|配合(?=[ \\t]*[：:])';
/** A labelled line that assigns the item above it: 牵头单位：…, 完成时限：…, **配合单位**：…. */
export const LABEL_LINE = new RegExp(String.raw`^${INDENT}(?:\*\*)?[ \t]*(?:${ASSIGNMENT_LABELS})[ \t]*(?:\*\*)?[ \t]*[：:]`);
/**
 * A line that is one parenthesis assigning the item above it, as Word plans write it on a line or in a paragraph of
 * its own: （区商务局牵头，2025年底前完成）, （区卫生健康局负责）, （2025年6月底前完成）.
 */
const ASSIGNMENT_PARENTHESIS = new RegExp(String.raw`^${INDENT}[（(][^（）()\r\n]*(?:牵头|负责|配合|完成)[^（）()\r\n]*[）)][ 	　。．.；;]*$`);

/** Whether a line assigns the item above it: labelled (牵头单位：…) or one parenthesis (（区商务局牵头，2025年底前完成）). */
export function assignsAbove(line: string): boolean {
  return LABEL_LINE.test(line) || ASSIGNMENT_PARENTHESIS.test(line);
}
/** The marker of a nested bullet (   - 牵头单位：区商务局). */
export const SUB_ITEM_MARKER = /^[ \t]+[-*+][ \t]+/;
/** A line that opens with the marker of a heading-like item: 一、商务服务, （三）健康医疗服务. */
export const CN_HEADING_ITEM = new RegExp(String.raw`^${INDENT}(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])`);

/** The numbering level of a heading-like item's marker: 1 for 一、, 2 for （一）; undefined for another line. */
function headingLevel(line: string): 1 | 2 | undefined {
  const m = CN_HEADING_ITEM.exec(line);
  return m ? (m[0].trim().endsWith('、') ? 1 : 2) : undefined;
}

/**
 * Whether blocks[i] is a heading-like line that heads the items after it in its paragraph (一、商务服务领域（表1第12至15项）
 * then 1. …, （一）… then （1）…): a section's title, not a task item. Not when its labelled lines follow (（一）开展… then
 * 牵头单位：…, a Word plan's item), nor when the next item is one of its kind (（一）… （二）…: a list of short items).
 */
export function headsItems(text: string, blocks: readonly { kind: string; start: number; end: number }[], i: number): boolean {
  const block = blocks[i];
  const next = blocks[i + 1];
  if (block.kind !== 'item' || next?.kind !== 'item') return false;
  const own = headingLikeLine(text.slice(block.start, block.end));
  return !!own && opensItemUnder(text.slice(next.start, next.end), own.level);
}

/**
 * Whether an item's line (the next block, or the first of the next paragraph) stands under a heading-like line of
 * `level`: not its labelled lines (牵头单位：…, which make the heading line an item), nor an item of the heading's own kind.
 */
export function opensItemUnder(line: string, level: 1 | 2): boolean {
  return !assignsAbove(line.replace(SUB_ITEM_MARKER, '')) && headingLevel(line) !== level;
}

/** How far back a block looks for a heading-like item in its paragraph. */
const MAX_LOOK_BACK = 400;

/**
 * The heading-like items above blocks[i] in its paragraph (一、商务服务（区商务局牵头）, （一）…), innermost first: the
 * nearest item of each numbering level outside the block's own and those found, back over the rows of the block's table
 * and its sentences, up to the first block that is neither (a （二） above a 二、 is the section before's, not this
 * one's). Each as its block's index and its title (the line after its marker).
 */
export function headingItemsAbove(text: string, blocks: readonly { kind: string; start: number; end: number }[], i: number): { index: number; title: string }[] {
  // the outermost level found so far: 3 for a block that is no heading-like item, its own level for one
  let outer: number = headingLevel(text.slice(blocks[i].start, blocks[i].end)) ?? 3;
  const above: { index: number; title: string }[] = [];
  for (let j = i - 1; j >= 0 && i - j <= MAX_LOOK_BACK && outer > 1; j--) {
    const b = blocks[j];
    if (b.kind === 'row' || b.kind === 'sentence') continue;
    if (b.kind !== 'item') break;
    const line = text.slice(b.start, b.end);
    const m = CN_HEADING_ITEM.exec(line);
    if (!m) continue;
    const level = headingLevel(line)!;
    if (level < outer) {
      outer = level;
      above.push({ index: j, title: line.slice(m[0].length) });
    }
  }
  return above;
}

/**
 * The list item a nested one belongs to (   - 拓展数字人民币应用场景 under 4. 推广数字人民币应用): the nearest item before
 * blocks[i] in its paragraph whose marker is indented less; undefined for an item at the outer level, or another block.
 * A tab counts as four spaces, an ideographic space as two.
 */
export function parentItem<B extends { kind: string; start: number; end: number }>(text: string, blocks: readonly B[], i: number): B | undefined {
  const block = blocks[i];
  if (block.kind !== 'item') return undefined;
  const own = levelOf(text, block.start);
  if (!own) return undefined;
  for (let j = i - 1; j >= 0; j--) {
    const b = blocks[j];
    // a heading-like item (一、商务服务, （一）…) above indented items heads them, it does not hold them
    if (b.kind === 'item' && levelOf(text, b.start) < own) return CN_HEADING_ITEM.test(text.slice(b.start, b.end)) ? undefined : b;
    if (b.kind !== 'item' && b.kind !== 'sentence') return undefined;
  }
  return undefined;
}

/** The items blocks[i] is nested in, innermost first (parentItem, then its parent, …). */
export function* enclosingItems<B extends { kind: string; start: number; end: number }>(text: string, blocks: readonly B[], i: number): Generator<B> {
  for (let parent = parentItem(text, blocks, i); parent; parent = parentItem(text, blocks, blocks.indexOf(parent))) yield parent;
}

/** A line's numbering under the outline's （一）: 3 for 1．, 4 for （1）, 5 for ①; 0 for another line (一、 and （一） are the outline's). */
export function numberingLevel(line: string): number {
  const m = NUMBERING_AT_START.exec(line);
  return !m ? 0 : m[1] ? 3 : m[2] ? 4 : 5;
}

/** Whether a line's numbering (numberingLevel) is the first of its level: 1．, （1）, ①. */
export function numberingIsFirst(line: string): boolean {
  const m = NUMBERING_AT_START.exec(line);
  return !!m && /^[^0-9０-９]*[1１](?![0-9０-９])|①/.test(m[0].trim());
}
const NUMBERING_AT_START = new RegExp(String.raw`^[ \t\u3000]*(?:([0-9０-９]{1,2}[．.、](?![0-9０-９]))|(${BRACKETED_NUMBER_SOURCE})|([①-⑳]))`);

/**
 * The title of the enumeration blocks[i] is a clause of (1. 落实表1第46项：, then 一是…；二是…, split from one item): the
 * block right before its run of clauses, when nothing but blanks parts them; undefined for a block that is no clause.
 */
export function enumerationTitle<B extends { start: number; end: number }>(text: string, blocks: readonly B[], i: number): B | undefined {
  if (!isClause(text, blocks[i])) return undefined;
  let first = i;
  while (first > 0 && followsDirectly(text, blocks, first) && isClause(text, blocks[first - 1])) first--;
  return first > 0 && followsDirectly(text, blocks, first) ? blocks[first - 1] : undefined;
}

/** Whether a block is a clause of an enumeration (一是…, 二是…). */
export const isClause = (text: string, block: { start: number; end: number }) => ENUMERATION.test(text.slice(block.start, block.end));

/** Whether blocks[j] follows blocks[j - 1] with nothing but blanks between them. */
export const followsDirectly = (text: string, blocks: readonly { start: number; end: number }[], j: number) => !/\S/.test(text.slice(blocks[j - 1].end, blocks[j].start));

/**
 * The block whose citation blocks[i], an item of none of its own, is a part of: the item it is nested in (1. …（表1第26项）,
 * then   - …) or the title of the enumeration it is a clause of (1. 落实表1第46、47项：一是…；二是…).
 */
export function enclosingItem<B extends { kind: string; start: number; end: number }>(text: string, blocks: readonly B[], i: number): B | undefined {
  return parentItem(text, blocks, i) ?? enumerationTitle(text, blocks, i);
}

/**
 * An item's depth: the indent of its line, and half a step more for a circled number (①…, a sub-item of the 1. above
 * it), a quarter for a number in brackets (（1）…, a sub-item of the 1. above it, over ①: a Word plan writes the levels
 * without indenting them). An item that starts within a line (二是…, a clause split from the item it follows) is as deep
 * as that line's.
 */
function levelOf(text: string, at: number): number {
  let line = at;
  while (line > 0 && text[line - 1] !== '\n' && text[line - 1] !== '\r') line--;
  const indent = indentOf(text, line);
  // the marker after the blanks (counted in characters: an ideographic space is one, its width two)
  let marker = at;
  while (marker < text.length && (text[marker] === ' ' || text[marker] === '\t' || text[marker] === '\u3000')) marker++;
  CIRCLED_AT.lastIndex = marker;
  if (CIRCLED_AT.test(text)) return indent + 0.5;
  BRACKETED_NUMBER_AT.lastIndex = marker;
  return BRACKETED_NUMBER_AT.test(text) ? indent + 0.25 : indent;
}

/** The width of the blanks a line starts with. */
function indentOf(text: string, at: number): number {
  let width = 0;
  for (let k = at; k < text.length; k++) {
    const c = text[k];
    if (c === ' ') width++;
    else if (c === '\t') width += 4;
    else if (c === '\u3000') width += 2;
    else break;
  }
  return width;
}

/** The opening of a list item or table row: its marker or pipe, if any, and the blanks after it. */
export const ITEM_OPENING = new RegExp(String.raw`^${INDENT}(?:${LIST_MARKER_SOURCE}|\|)?[ \t]*`);
/** The opening of a list item (its marker, if any, and the blanks after it). */
export const MARKER_OPENING = new RegExp(String.raw`^${INDENT}(?:${LIST_MARKER_SOURCE})?[ \t]*`);
const LIST_ITEM = new RegExp(String.raw`^${INDENT}(?:${LIST_MARKER_SOURCE}|\|)`);
/** 。！？!? */
const isSentenceEnd = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63;
/** An indented line, which continues the list item above it. */
const INDENTED = /^[ \t]+\S/;
/** A list item's line that leaves its sentence open (…（表1第20项），): the next line, not indented, goes on with it. */
const OPEN_CLAUSE = /[，,、（(：:][ \t\u3000]*$/;
/** A line that is a parenthesis assigning the item above it and nothing else: （区教育局牵头，2024年12月底前完成）. */
const ASSIGNMENT_LINE = /^[ \t\u3000]*[（(][^（()）\r\n]*(?:牵头|负责)[^（()）\r\n]*[）)][。；;]?[ \t\u3000]*$/;
/** A line that is no sentence's rest: a heading, a row, markup, a quote. */
const OWN_LINE = /^[ \t\u3000]*[#|<>]/;
/** What may follow a sentence's end and still belong to it (a closing quote or parenthesis). */
const CLOSING = /[”’」』）)]/;

/** A table's separator row: | --- | :---: | (the outer pipes optional). */
export const SEPARATOR_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** A Markdown table row that opens with |. */
const PIPE_ROW = new RegExp(String.raw`^${INDENT}\|`);
/** A | that is not escaped (\| is a | inside a cell). */
const UNESCAPED_PIPE = /(?:^|[^\\])\|/;
/** The shape of a row of a table copied as text from Word or Excel: three cells or more separated by tabs, after its indentation. */
const TAB_ROW_SHAPE = new RegExp(String.raw`^${INDENT}\S[^\t]*\t[^\t]*\t`);
/** One cell of text and the rest empty: a title, a total or a note over a merged row, as Excel copies it (标题\t\t\t). */
const LONE_CELL = /^[ \t\u3000]*[^\t]+(?:\t[ \u3000]*)+$/;
/** Whether a line is a row of a table copied as text from Word or Excel: three cells or more separated by tabs, not one cell of text alone. */
const isTabRow = (line: string) => TAB_ROW_SHAPE.test(line) && !LONE_CELL.test(line);
/** Whether a line has a tab row's shape but one cell of text alone (a title, a total, a section's title, a continued cell). */
const isLoneCellRow = (line: string) => TAB_ROW_SHAPE.test(line) && LONE_CELL.test(line);

/**
 * The offsets (relative to the text) of the lines that are table rows: Markdown rows that open with |; the rows of a
 * table written without outer pipes (序号 | 任务 then --- | ---, as GFM allows: a header with a separator row under
 * it, and the lines with a | after them); and the rows of a table pasted as text from Word or Excel, cells separated
 * by tabs (two such lines or more). Undefined when the text can hold no row (no | or tab). `lines`: linesOf(text), when
 * the caller has them.
 */
export function tableRowStarts(text: string, lines?: readonly { start: number; line: string }[]): RowStarts | undefined {
  if (!text.includes('|') && !text.includes('\t')) return undefined;
  lines ??= linesOf(text);
  // a row copied from Excel whose cell holds line breaks spans lines ("区商务局⏎区市场监管局", quoted): one line here
  const continued = text.includes('"') && text.includes('\t') ? new Map<number, number>() : undefined;
  if (continued) lines = joinQuotedCells(text, lines, continued);
  const rows: RowStarts = new Set<number>();
  let gfm = false; // inside a table without outer pipes: its rows are the lines that hold a |
  for (let i = 0; i < lines.length; i++) {
    const { start, line } = lines[i];
    if (PIPE_ROW.test(line)) rows.add(start);
    else if (gfm && UNESCAPED_PIPE.test(line)) rows.add(start);
    else if (UNESCAPED_PIPE.test(line) && i + 1 < lines.length && lines[i + 1].line.includes('|') && SEPARATOR_ROW.test(lines[i + 1].line)) {
      rows.add(start);
      gfm = true;
      continue;
    } else if (tabRowAt(lines, i) && (tabRowAt(lines, filledIndex(lines, i, -1)) || tabRowAt(lines, filledIndex(lines, i, 1)))) rows.add(start);
    gfm &&= rows.has(start);
  }
  if (continued) for (const start of continued.keys()) if (!rows.has(start)) continued.delete(start);
  if (continued?.size) rows.continued = continued;
  return rows.size ? rows : undefined;
}

/** A line of nothing but blanks: inside a paragraph, only between the rows of a table pasted with blank lines (forEachParagraph). */
export const BLANK_LINE = /^[ \t\u3000]*$/;

/**
 * The index of the first line that is not blank before (`step` -1) or after (1) line `i`: the rows of a table pasted
 * with a blank line between them are neighbours. -1 when there is none.
 */
function filledIndex(lines: readonly { line: string }[], i: number, step: -1 | 1): number {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) if (!BLANK_LINE.test(lines[j].line)) return j;
  return -1;
}

/**
 * Whether line i is a row of a table pasted with tabs: isTabRow's, or one cell of text and the rest empty between such
 * rows — a section's title over its rows (一、科技服务领域\t\t\t, a merged row as Excel copies it) or a row that goes on
 * with the cell above (\t\t（续上）…\t\t), which the table goes on after; one over the table or under it (its title, a
 * total) is none.
 */
function tabRowAt(lines: readonly { line: string }[], i: number): boolean {
  if (i < 0) return false;
  const line = lines[i].line;
  if (isTabRow(line)) return true;
  if (!isLoneCellRow(line)) return false;
  // the rows of the table before and after it, past other such lines (a section's title after a row that continues the
  // cell above, （续上）… in one cell; the titles of sections with no row, 二、…\t\t then 三、…\t\t)
  return isTabRow(lines[rowPast(lines, i, -1)]?.line ?? '') && isTabRow(lines[rowPast(lines, i, 1)]?.line ?? '');
}

/** The first filled line before (`step` -1) or after (1) line i that is not one cell of text and the rest empty; -1: none. */
function rowPast(lines: readonly { line: string }[], i: number, step: -1 | 1): number {
  let j = filledIndex(lines, i, step);
  while (j >= 0 && isLoneCellRow(lines[j].line)) j = filledIndex(lines, j, step);
  return j;
}

/**
 * Whether every line of a text that is not blank is a row of a table pasted with tabs: a paragraph that continues the
 * table of the paragraph before it when that one is such rows too (a table pasted from Word with a blank line between its
 * rows, each row a paragraph of its own, is one table).
 */
export function tabRowsOnly(text: string): boolean {
  if (!text.includes('\t')) return false;
  let rows = 0;
  for (const { line } of linesOf(text)) {
    if (isTabRow(line)) rows++;
    else if (!BLANK_LINE.test(line)) return false;
  }
  return rows > 0;
}

/**
 * The starts of a paragraph's table rows (tableRowStarts), and for a row that spans lines (a tab-separated row whose
 * quoted cell holds line breaks, as Excel copies it) where it ends.
 */
export type RowStarts = Set<number> & { continued?: Map<number, number> };

/** The lines of a text with each row that spans lines (rows.continued) as one: its start, its text to its last line's end. */
export function rowLines(text: string, lines: readonly { start: number; line: string }[], rows: RowStarts | undefined): readonly { start: number; line: string }[] {
  const continued = rows?.continued;
  if (!continued) return lines;
  const out: { start: number; line: string }[] = [];
  let rowEnd = -1;
  for (const l of lines) {
    if (l.start < rowEnd) continue;
    const end = continued.get(l.start);
    if (end === undefined) out.push(l);
    else {
      rowEnd = end;
      out.push({ start: l.start, line: text.slice(l.start, end) });
    }
  }
  return out;
}

/** How many lines a quoted cell may span before its quote is taken for a stray one. */
const QUOTED_CELL_LINES = 10;

/**
 * The lines with a row's quoted multi-line cell joined into one (its start, the text to the end of its last line),
 * each such row's end recorded in `continued`; a quote not closed within QUOTED_CELL_LINES lines is not a cell's.
 */
function joinQuotedCells(text: string, lines: readonly { start: number; line: string }[], continued: Map<number, number>): { start: number; line: string }[] {
  const out: { start: number; line: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { start, line } = lines[i];
    let last = -1;
    // a row's first cell may be the one that spans lines: its first line holds no tab
    if (line.includes('"') && endsInQuotedCell(line, false)) {
      for (let j = i + 1, open = true; j < lines.length && j <= i + QUOTED_CELL_LINES && open; j++) {
        open = endsInQuotedCell(lines[j].line, true);
        if (!open) last = j;
      }
      // a row: its cells are separated by tabs
      if (last >= 0 && !text.slice(start, lines[last].start + lines[last].line.length).includes('\t')) last = -1;
    }
    if (last < 0) {
      out.push(lines[i]);
      continue;
    }
    const end = lines[last].start + lines[last].line.length;
    continued.set(start, end);
    out.push({ start, line: text.slice(start, end) });
    i = last;
  }
  return out;
}

/**
 * Whether a tab-separated line ends inside a quoted cell (Excel quotes a cell that holds a line break, a tab or a quote,
 * and doubles its quotes); `open`: the line starts inside one.
 */
function endsInQuotedCell(line: string, open: boolean): boolean {
  let cellStart = !open;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (open) {
      if (c === '"') {
        if (line[i + 1] === '"') i++;
        else open = false;
      }
    } else if (c === '\t') cellStart = true;
    else {
      if (c === '"' && cellStart) open = true;
      cellStart = false;
    }
  }
  return open;
}

/**
 * Splits a paragraph (offsets relative to it) into list items, table rows and sentences; `rows`: its table rows
 * (tableRowStarts), when the caller has them.
 */
export function scopesOf(text: string, rows: RowStarts | undefined = tableRowStarts(text)): Scope[] {
  const scopes: Scope[] = [];
  let lineStart = 0;
  let prose: Scope | undefined;
  let previousEnd = -1;
  const flushProse = () => {
    if (!prose) return;
    splitSentences(text, prose, scopes);
    prose = undefined;
  };
  const n = text.length;
  // the next \n and \r at or after the line's start (-1: none left), each searched for again only once passed: a
  // line ends at \r\n, \r or \n (a regex would allocate a match for each line)
  let lf = -2;
  let cr = -2;
  /** The end of a row that spans lines, while its lines are passed. */
  let rowEnd = -1;
  /** Whether the last scope is a list item (not a row). */
  let item = false;
  while (lineStart <= n) {
    if (lf !== -1 && lf < lineStart) lf = text.indexOf('\n', lineStart);
    if (cr !== -1 && cr < lineStart) cr = text.indexOf('\r', lineStart);
    const lineEnd = lf < 0 ? (cr < 0 ? n : cr) : cr < 0 ? lf : Math.min(lf, cr);
    const next = lineEnd === n ? n + 1 : lineEnd + (lineEnd === cr && lf === cr + 1 ? 2 : 1);
    if (lineStart < rowEnd) {
      // a line of a row that spans lines (a quoted cell's): the row's
      lineStart = next;
      continue;
    }
    const line = text.slice(lineStart, lineEnd);
    const last = scopes[scopes.length - 1];
    const row = rows !== undefined && rows.has(lineStart);
    if (!row && BLANK_LINE.test(line)) flushProse(); // between the rows of a table pasted with blank lines
    else if (row || LIST_ITEM.test(line)) {
      flushProse();
      const spans = row ? rows.continued?.get(lineStart) : undefined;
      if (spans !== undefined) rowEnd = spans;
      scopes.push({ start: lineStart, end: spans ?? lineEnd });
      item = !row;
    } else if (!prose && last && last.end === previousEnd && INDENTED.test(line) && !line.trimStart().startsWith('|')) {
      last.end = lineEnd; // an indented line continues the list item above it
    } else if (!prose && item && last.end === previousEnd && !OWN_LINE.test(line) && (OPEN_CLAUSE.test(text.slice(Math.max(last.start, previousEnd - 4), previousEnd)) || ASSIGNMENT_LINE.test(line))) {
      // a line typed under a list item's sentence that a comma left open, or its lead and deadline in a parenthesis of its own
      last.end = lineEnd;
    } else if (prose) prose.end = lineEnd;
    else prose = { start: lineStart, end: lineEnd };
    previousEnd = lineEnd;
    lineStart = next;
  }
  flushProse();
  return text.includes('二是') ? splitEnumerations(text, scopes) : scopes;
}

/** The punctuation after which a clause opens (…；二是…), and the blanks and line break that may follow it. */
const CLAUSE_MARK = '[。；;：:，,！？!?]';
const AFTER_CLAUSE_MARK = String.raw`${CLAUSE_MARK}[ \t\u3000]*(?:\r?\n[ \t\u3000]*)?`;
/** A clause of an enumeration (一是…；二是…；三是…): a unit of its own, as a list item is. */
export const ENUMERATION = new RegExp(String.raw`^${INDENT}[一二三四五六七八九十]{1,3}是`);
/** Not the idiom 一是一，二是二 (exactly as it is): the numeral again after 是, then a mark or the end (二是二手车 is a clause). */
const NOT_IDIOM = String.raw`(?!\2(?:[，,。；;、！!？?\s]|$))`;
/** Where an enumerated clause may open: at the unit's start, after its list marker or a punctuation mark, on its line or the next (not 统一是). */
const ENUMERATION_AT = new RegExp(String.raw`(^${INDENT}(?:${LIST_MARKER_SOURCE})?[ \t]*|${AFTER_CLAUSE_MARK})([一二三四五六七八九十]{1,3})是${NOT_IDIOM}`, 'g');

const MARKER_ONLY = new RegExp(String.raw`^${INDENT}(?:${LIST_MARKER_SOURCE})?[ \t]*$`);

/**
 * ENUMERATION_AT at the start of any line (a paragraph's list items each open one: 1. 一是…) or of a table's cell
 * (| 一是…；二是… |).
 */
const ENUMERATION_AT_LINES = new RegExp(String.raw`(^${INDENT}(?:${LIST_MARKER_SOURCE})?[ \t]*|\|[ \t\u3000]*|${AFTER_CLAUSE_MARK})([一二三四五六七八九十]{1,3})是${NOT_IDIOM}`, 'gm');

/**
 * The numbers of the enumerated clauses of a text (一是…；二是…), each its numeral's offsets and value, in order: one that
 * opens a line (a Word paragraph's 二是…), and after punctuation one that opens an enumeration (一是) or goes on with
 * one (not a lone 二是什么 after 统一是前提；).
 */
export function enumerationNumbers(text: string): { start: number; end: number; value: number }[] {
  const out: { start: number; end: number; value: number }[] = [];
  if (!text.includes('是')) return out;
  for (const m of text.matchAll(ENUMERATION_AT_LINES)) {
    const start = m.index! + m[1].length;
    const value = parseInteger(m[2]);
    if (value === undefined) continue;
    const midSentence = AFTER_PUNCTUATION.test(m[1]);
    if (midSentence && value !== 1 && !out.length) continue;
    out.push({ start, end: start + m[2].length, value });
  }
  return out;
}

const AFTER_PUNCTUATION = new RegExp(`^${CLAUSE_MARK}`);

/**
 * Splits each list item that enumerates at least 一是 and 二是, in order, at its clauses (the words before 一是 stay the
 * item): （一）深化金融开放创新。一是…（区金融局牵头）；二是…; and a sentence that opens with 一是 (a Word paragraph of
 * them). Prose that leads into one (我区将重点推进：一是…) keeps its sentences.
 */
function splitEnumerations(text: string, scopes: Scope[]): Scope[] {
  const out: Scope[] = [];
  for (const s of scopes) {
    const unit = text.slice(s.start, s.end);
    const cuts: number[] = [];
    if (unit.includes('二是') && (LIST_MARKER.test(unit) || ENUMERATION.test(unit))) {
      let expected = 1;
      for (const m of unit.matchAll(ENUMERATION_AT)) {
        if (parseInteger(m[2]) !== expected) continue;
        cuts.push(s.start + m.index! + m[1].length);
        expected++;
      }
    }
    if (cuts.length < 2) {
      out.push(s);
      continue;
    }
    let from = s.start;
    for (const cut of cuts) {
      // the item opens with 一是: its marker stays with the first clause
      if (cut > from && !MARKER_ONLY.test(text.slice(from, cut))) out.push({ start: from, end: cut }), (from = cut);
    }
    out.push({ start: from, end: s.end });
  }
  return out;
}

function splitSentences(text: string, within: Scope, out: Scope[]): void {
  let start = within.start;
  for (let i = within.start; i < within.end; i++) {
    if (!isSentenceEnd(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < within.end && CLOSING.test(text[end])) end++;
    out.push({ start, end });
    start = end;
    i = end - 1;
  }
  if (start < within.end && text.slice(start, within.end).trim()) out.push({ start, end: within.end });
}
