// The reference scanner: finds every written task reference (表1第12项, T1.12, ranges, lists) in a document.
import { escapeRegExp, exact, parseInteger } from './text';

/** One written element of a reference: a single number or a range, with its own offsets. */
export interface ItemSpan {
  from: number;
  to: number;
  start: number;
  end: number;
}

export interface TaskReference {
  /** UTF-16 offsets of the whole reference in the scanned text. */
  start: number;
  end: number;
  text: string;
  /** Source prefix ('' for the default source). */
  prefix: string;
  table: number;
  /** Offsets of the table number as written. */
  tableStart: number;
  tableEnd: number;
  /** The written elements; a range counts as one element. */
  spans: ItemSpan[];
  form: 'table' | 'dash' | 'id';
  /**
   * A cell of a task-number column read as the task its column's order says, not as written: 1.1 between 1.9 and
   * 1.11 is 表1第10项, a spreadsheet having stored the 1.10 typed into it as the number 1.1. `after`: the cell above.
   */
  lostZero?: { after: string };
  /**
   * A cell of a task-number column that holds a date (2026年1月12日, 1月12日): a General-format spreadsheet cell stores
   * the 1-12 typed into it as the date 12 January, so it is read as 表1第12项. `typed`: what was typed (1-12).
   */
  asDate?: { typed: string };
}

/** A task number written without its table: 第12项, 任务12, 试点任务第12项; or a list or range of them (第3、5项, 第3至5项). */
export interface BareTaskNumber {
  start: number;
  end: number;
  text: string;
  /** The (first) item. */
  item: number;
  /** A list or range's written elements, as a reference's (absent for one number). */
  spans?: ItemSpan[];
}

/** A task or table number as written: Arabic, full-width or Chinese (an alternation: group it where it is followed). */
export const NUM = '[0-9０-９]+|[零〇一二两三四五六七八九十百]+';
const ARABIC = '[0-9０-９]+';
/** Blanks between the parts of a reference. */
export const SP = '[ \\t\\u3000]*';
/** Between the two ends of a range of items (第12至15项). */
export const RANGE_SEP = '(?:至|到|-|－|—|–|~|～|‐)';
/** Between the items of a list (第12、13项, 第12项和第13项). */
export const LIST_SEP = '(?:、|和|及|与|，|,)';
/** All that stands between two references of one list (T1.13、T1.14; 表1第12项和表3第13项). */
export const BETWEEN_LISTED = new RegExp(`^${SP}${LIST_SEP}${SP}$`);
/**
 * Between a table and its item (表1中第12项, 表1的第12项, 表1所列第12项), with the blanks after it in one optional group:
 * `${SP}${OF}${SP}` would try every split of a run of blanks (quadratic).
 */
export const OF = `(?:(?:中的|中|的|所列的?)${SP})?`;
/** A number or a range; its end may repeat 第 (表1第12至第15项). */
const ELEMENT = `(?:${NUM})(?:${SP}${RANGE_SEP}${SP}(?:第${SP})?(?:${NUM}))?`;


/** Text spans of URLs, in which nothing is a reference. */
const URL = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>()（）"'“”‘’\]\[]+/gi;
const WWW = /www\./i;

export interface ScanOptions {
  /** Prefixes of extra sources, e.g. ['SZ']; written before 表 or T (SZ表1第3项, SZ:T1.3). */
  prefixes?: readonly string[];
}

const cache = new Map<string, RegExp>();

function referencePattern(prefixes: readonly string[]): RegExp {
  const key = prefixes.join('\u0000');
  let re = cache.get(key);
  if (re) return re;
  const pre = prefixes.length
    ? `(?:(${prefixes.slice().sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})[:：]?)?`
    : '()';
  // not the plan's own annex table, list or chart (附表1第3项, 列表1第2项, 图表1)
  const tableForm =
    `(?:(?:试点)?任务清单${SP})?(?<![附列图报])表${SP}(${NUM})${SP}${OF}第${SP}(${ELEMENT}(?:${SP}${LIST_SEP}${SP}(?:第${SP})?${ELEMENT})*)${SP}项` +
    `(?:${SP}(?:(?:${LIST_SEP}|${RANGE_SEP})${SP}第|、|${RANGE_SEP})${SP}${ELEMENT}${SP}项)*`;
  const dashForm = `(?<![附列图报])表${SP}(${ARABIC})${SP}[-－.．](${ARABIC})(?![0-9０-９]|[.．][0-9０-９])`;
  // not inside a word or path (ST1.12, x-T1.12, x_T1.12, /T1.12), but after Markdown's underscores of emphasis
  // (__T1.12__); after a number's hyphen it may end a range (T1.12-T1.15)
  const idForm = `(?<![A-Za-z0-9./\\\\@#]|[A-Za-z0-9./\\\\@#]_+|[A-Za-z_./\\\\@#-]-)[TＴ](${ARABIC})[.．\\-－](${ARABIC})(?![0-9０-９A-Za-z]|[.．][0-9０-９])`;
  re = new RegExp(`${pre}(?:${tableForm}|${dashForm}|${idForm})`, 'g');
  cache.set(key, re);
  return re;
}

/**
 * What opens the next element of a reference after its 项: a separator and 第 (、第13项, 至第15项), or 、 or a range's
 * separator alone (、13项, 至15项; not 和13项, which may count something else: 第12项和3项措施).
 */
const NEXT_ELEMENT = new RegExp(`^${SP}(?:(?:${LIST_SEP}|${RANGE_SEP})${SP}第|、|${RANGE_SEP})`);

/** What stands between 第16项 and 第18项 of a range written 第16项至第18项 (or 表1第16项 and 表1第18项). */
const RANGE_BETWEEN = new RegExp(`^${SP}${RANGE_SEP}${SP}$`);

const ELEMENT_RE = new RegExp(`(${NUM})(?:${SP}${RANGE_SEP}${SP}(?:第${SP})?(${NUM}))?`, 'g');

/** Every task reference in `text`, in order. Never throws; offsets are UTF-16 code units. */
export function scanReferences(text: string, options: ScanOptions = {}): TaskReference[] {
  const refs: TaskReference[] = [];
  // every form of reference holds 表 or T: a paragraph with neither holds none
  if (!text.includes('表') && !text.includes('T') && !text.includes('Ｔ')) return refs;
  const re = referencePattern(options.prefixes ?? []);
  const urls: [number, number][] = [];
  // a URL holds :// or www. (an exec loop: matchAll would copy the RegExp)
  if (text.includes('://') || WWW.test(text)) {
    URL.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = URL.exec(text)); ) urls.push([m.index, m.index + m[0].length]);
  }
  const inUrl = (s: number, e: number) => urls.length > 0 && urls.some(([a, b]) => s < b && e > a);
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    if (inUrl(start, end)) continue;
    const prefix = m[1] ?? '';
    const whole = m[0];
    let ref: TaskReference | undefined;
    if (m[2] !== undefined) ref = tableFormReference(whole, start, prefix, m[2]);
    else if (m[4] !== undefined) ref = pairReference(whole, start, prefix, m[4], m[5], 'dash');
    else if (m[6] !== undefined) ref = pairReference(whole, start, prefix, m[6], m[7], 'id');
    if (!ref) continue;
    const last = refs[refs.length - 1];
    if (last && endsRange(text, last, ref)) refs[refs.length - 1] = rangeOfTwo(text, last, ref);
    else refs.push(ref);
  }
  return refs;
}

/**
 * Whether `next` ends a range that `ref` opens, the table written again (表1第12项至表1第15项, T1.12—T1.15): the same
 * source and form, the table written the same way (as the grammar reads it, by a backreference), one number each side
 * of a range separator (not after a list, nor before one).
 */
function endsRange(text: string, ref: TaskReference, next: TaskReference): boolean {
  const a = ref.spans[0];
  const b = next.spans[0];
  return (
    ref.spans.length === 1 && next.spans.length === 1 && a.from === a.to && b.from === b.to &&
    ref.prefix === next.prefix && ref.form === next.form &&
    text.slice(ref.tableStart, ref.tableEnd) === text.slice(next.tableStart, next.tableEnd) &&
    RANGE_BETWEEN.test(text.slice(ref.end, next.start))
  );
}

/** `ref` and `next` as one reference: the range from ref's number to next's. */
function rangeOfTwo(text: string, ref: TaskReference, next: TaskReference): TaskReference {
  const a = ref.spans[0];
  const b = next.spans[0];
  return { ...ref, end: next.end, text: text.slice(ref.start, next.end), spans: [{ from: a.from, to: b.from, start: a.start, end: b.end }] };
}

function tableFormReference(whole: string, start: number, prefix: string, tableText: string): TaskReference | undefined {
  const table = parseInteger(tableText);
  if (table === undefined) return undefined;
  const tableIdx = whole.indexOf(tableText, whole.indexOf('表') + 1);
  const tableStart = start + tableIdx;
  const spans = itemSpans(whole, start, whole.indexOf('第', tableIdx + tableText.length));
  if (!spans?.length) return undefined;
  return { start, end: start + whole.length, text: whole, prefix, table, tableStart, tableEnd: tableStart + tableText.length, spans: exact(spans), form: 'table' };
}

/**
 * The elements of 第…项 as written from `cursor` (on its 第) in `whole` (at `start` in the text): the numbers after each
 * 第 (a list may repeat 第…项); 第16项至第18项 is one range. Undefined for a number that cannot be read.
 */
function itemSpans(whole: string, start: number, cursor: number): ItemSpan[] | undefined {
  const spans: ItemSpan[] = [];
  let rangeFrom: ItemSpan | undefined; // the span before 至第…项, which the next element ends
  while (cursor >= 0) {
    const close = whole.indexOf('项', cursor);
    const segment = whole.slice(cursor + 1, close);
    ELEMENT_RE.lastIndex = 0;
    let e: RegExpExecArray | null;
    while ((e = ELEMENT_RE.exec(segment))) {
      const from = parseInteger(e[1]);
      const to = e[2] !== undefined ? parseInteger(e[2]) : from;
      if (from === undefined || to === undefined) return undefined;
      const s = start + cursor + 1 + e.index;
      if (rangeFrom && e[2] === undefined) {
        spans[spans.length - 1] = { from: rangeFrom.from, to: from, start: rangeFrom.start, end: s + e[0].length };
      } else spans.push({ from, to, start: s, end: s + e[0].length });
      rangeFrom = undefined;
    }
    // the next element: after 、第, 至第… (NEXT_ELEMENT ends on its 第), or after a bare 、 or 至 (表1第12项、13项, 第14项至17项)
    const next = NEXT_ELEMENT.exec(whole.slice(close + 1));
    cursor = next ? close + next[0].length : -1;
    const last = spans[spans.length - 1];
    // what separates the two: 至 of 至第15项 (the cursor on its 第) or of 至15项 (the cursor on 至 itself)
    const between = cursor < 0 ? '' : whole.slice(close + 1, whole[cursor] === '第' || whole[cursor] === '、' ? cursor : cursor + 1);
    if (last && last.from === last.to && RANGE_BETWEEN.test(between)) rangeFrom = last;
  }
  return spans;
}

function pairReference(whole: string, start: number, prefix: string, a: string, b: string, form: 'dash' | 'id'): TaskReference | undefined {
  const table = parseInteger(a);
  const item = parseInteger(b);
  if (table === undefined || item === undefined) return undefined;
  const tableStart = start + whole.search(/[0-9０-９]/);
  const itemStart = start + whole.length - b.length;
  return {
    start, end: start + whole.length, text: whole, prefix, table, tableStart, tableEnd: tableStart + a.length,
    spans: [{ from: item, to: item, start: itemStart, end: itemStart + b.length }], form,
  };
}

/** At most this many items of one range are named (a written range can be huge). */
export const MAX_RANGE_ITEMS = 1000;

/** The item numbers a reference names, ranges expanded (a backwards range names none). */
export function referencedItems(ref: TaskReference): number[] {
  const items: number[] = [];
  // counted, not compared: past 2^53 `i + 1 === i`, and a written number can be that large
  for (const s of ref.spans) for (let i = s.from, n = 0; i <= s.to && n < MAX_RANGE_ITEMS; i++, n++) items.push(i);
  return items;
}

/**
 * Between the ends of a range written without its table (第3至5项, 第3项至第5项): not a hyphen, which 第3-5项 shares with
 * a table and its task written as one number (第1.13项, nonstandard-reference's).
 */
export const BARE_RANGE_SEP = '(?:至|到|—|–|~|～)';
/** What 第…项 holds when it is one number. */
const ONE_NUMBER = new RegExp(`^(?:${NUM})$`);
/** A number or a range of the elements of 第…项 written without its table. */
const BARE_ELEMENT = `(?:${NUM})(?:${SP}${BARE_RANGE_SEP}${SP}(?:第${SP})?(?:${NUM}))?`;
/**
 * 任务12, 第12项; not 任务1.12 or 任务1-12 (a table and a task, not task 1). 第 may open a list or range, as after a
 * table: 第3、5项, 第3至5项, 第3项、第5项, 第3项至第5项; but 第6项和第8项 is two numbers, each read on its own.
 */
const BARE = new RegExp(
  `(?<![表0-9０-９])(?:(?:试点)?任务${SP}(?:第${SP})?(${NUM})(?![.．\\-－]?[0-9０-９])(?:${SP}项)?` +
    `|第${SP}(${BARE_ELEMENT}(?:${SP}、${SP}(?:第${SP})?${BARE_ELEMENT})*)${SP}项` +
    `(?:${SP}(?:(?:、|${BARE_RANGE_SEP})${SP}第|、|${BARE_RANGE_SEP})${SP}${BARE_ELEMENT}${SP}项)*)`,
  'g',
);

/** A clause's start: the text's, or after a sentence's, a clause's or a line's end (blanks between). */
const CLAUSE_BEFORE = /(?:^|[。；;：:，,！？!?\n])[ \t\u3000]*$/;
/** What follows an ordinal that labels a clause (第一项，完善政策；第二项，强化服务). */
const LABEL_AFTER = /^[ \t\u3000]*[，,、]/;
/** What follows an ordinal of the plan's own work (第一项工作是建立台账, 第二项措施): a noun of its own, not a task's. */
const OWN_WORK_AFTER = /^[ \t\u3000]*(?:工作|措施|举措|内容|重点|活动|行动|建议|意见|议题|提案)/;

/**
 * 第一项 to 第十项 opening a clause and followed by a comma (以下三项工作：第一项，完善政策；第二项，…), or followed by a
 * noun of the plan's own work (第一项工作是…), label the plan's own enumeration: such an ordinal in Chinese numerals cites
 * no task. Not with a colon: 第十七项：为重点产业提供专利预审服务
 * under a heading that names 表2 is its task (the labelled set's b012).
 */
/**
 * What follows an ordinal in digits of the plan's own measures (第3项措施, 第18项指标, 第5项重点工作), or of the proposals it
 * answers (第3项建议, 第2项意见): the tasks are 任务, never 措施.
 */
const OWN_MEASURE_AFTER = /^[ \t\u3000]*(?:措施|举措|活动|行动|指标|重点工作|建议|意见|议题|提案)/;

function enumerationLabel(text: string, start: number, end: number, number: string): boolean {
  if (OWN_MEASURE_AFTER.test(text.slice(end, end + 4))) return true;
  if (!/^[一二三四五六七八九十]$/.test(number)) return false;
  // 第一项工作是…, 第二项措施: the plan's own items of work, wherever they stand
  if (OWN_WORK_AFTER.test(text.slice(end, end + 4))) return true;
  return LABEL_AFTER.test(text.slice(end, end + 4)) && CLAUSE_BEFORE.test(text.slice(Math.max(0, start - 4), start));
}

/** The plan's own table or list right before a number (附表1, 列表1（): its items are no tasks. */
const OWN_TABLE_BEFORE = /(?:附表|列表|图表|报表)[ \t\u3000]*(?:[0-9０-９]+|[一二三四五六七八九十]+)[ \t\u3000]*(?:[（(]|的|中|所列)?$/;
/**
 * What points into a document's own parts right before a number: the list above or below (按照上述第2项要求), the
 * document itself (本方案第12项工作), or a part, chapter or article (本方案第三部分第5项, 穗府办〔2023〕12号文件第三部分第3项,
 * 第5条第2项). Its items are no tasks.
 */
const OWN_PART_BEFORE = /(?:上述|前述|上文|前文|下述|下列|本(?:实施|工作)?方案|本文件|本通知|本意见|第[ \t\u3000]*(?:[0-9０-９]+|[一二三四五六七八九十百]+)[ \t\u3000]*(?:部分|章|节|条|款|篇)(?:中|的)?)[ \t\u3000]*$/;

/**
 * A year right before a number (2025年, 二〇二五年度, 今年, 全年): what it counts is counted within the year, not the task list,
 * unless it is a 任务 (到2025年第12项任务完成: the year says by when).
 */
const YEAR_BEFORE = /(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4}|[今明去本当全]|同)年度?[ \t\u3000]*$/;
const TASK_AFTER = /^[ \t\u3000]*(?:试点)?任务/;
/** What makes the number after 任务 a date or a span of time: a year, a month, a day, a week. */
const TIME_AFTER = /^[ \t\u3000]*(?:年|个月|月|日|天|周)/;

/** 任务 and a number of 项 with no 第 between (任务36项): a count of tasks, as 重点任务36项 and 已完成任务3项 write it. */
const COUNT_OF_TASKS = /^(?:试点)?任务[ \t\u3000]*[^第\s][^第]*项$/;
/** Task numbers written without a table (第12项, 任务12, 试点任务第12项) outside any full reference. */
export function scanBareTaskNumbers(text: string, refs: TaskReference[]): BareTaskNumber[] {
  const found: BareTaskNumber[] = [];
  let r = 0;
  BARE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BARE.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    while (r < refs.length && refs[r].end <= start) r++;
    if (r < refs.length && refs[r].start < end) continue;
    // a list or range (第3、5项, 第3至5项) is read as after a table
    let group: ItemSpan[] | undefined;
    if (m[2] !== undefined && (!ONE_NUMBER.test(m[2]) || m[0].indexOf('项') < m[0].length - 1)) {
      const spans = itemSpans(m[0], start, 0);
      // a 0 (第3、0项) is left unread; a backwards range (第5至3项) is read, for unknown-task to say so
      if (!spans?.length || spans.some((s) => s.from < 1 || s.to < 1)) continue;
      group = spans;
    }
    const item = group ? group[0].from : parseInteger(m[1] ?? m[2]);
    if (item === undefined || item === 0) continue;
    if (!group && m[2] !== undefined && enumerationLabel(text, start, end, m[2])) continue;
    // an item of the plan's own table or list (详见列表1（第2项）) is no task, nor one counted within a year (2025年第3项
    // 重点民生实事, 今年第2项)
    if (OWN_TABLE_BEFORE.test(text.slice(Math.max(0, start - 8), start)) || OWN_PART_BEFORE.test(text.slice(Math.max(0, start - 10), start))) continue;
    if (m[2] !== undefined && YEAR_BEFORE.test(text.slice(Math.max(0, start - 8), start)) && !TASK_AFTER.test(text.slice(end, end + 4))) continue;
    // 任务 before a date or a span of time (剩余任务2025年底前完成, 任务3个月内完成): the number is the year's or the span's
    if (m[1] !== undefined && TIME_AFTER.test(text.slice(end, end + 4))) continue;
    // 任务 and a number of 项 without 第 counts tasks (梳理重点任务36项, 已完成任务3项): a task's number is 任务12 or 任务第12项
    if (m[1] !== undefined && COUNT_OF_TASKS.test(m[0])) continue;
    found.push(group ? { start, end, text: m[0], item, spans: exact(group) } : { start, end, text: m[0], item });
  }
  return found;
}
