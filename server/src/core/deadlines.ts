// Dates in a plan: which of them are deadlines, whether they exist, and the pilot window they must fall in.
import { parseInteger, toHalfWidth } from './text';

/** How much of the calendar a date phrase names: 2025年 (year), 2025年上半年 (half), 第三季度 (quarter), 6月, 6月30日. */
export type DatePeriod = 'year' | 'half' | 'quarter' | 'month' | 'day';

/** A date phrase of the plan. Offsets are UTF-16 offsets into the text it was read from. */
export interface Deadline {
  /** The phrase as written, with its 前/底前/以前 but without a following verb (2025年底前, not 2025年底前完成). */
  text: string;
  start: number;
  end: number;
  year: number;
  /** The month named, or the last month of a named quarter or half year; undefined for a year alone. */
  month?: number;
  day?: number;
  /** The quarter named (第三季度 → 3), also when it does not exist. */
  quarter?: number;
  /** The phrase names the end or the whole of its period (年底, 月末, 年内, 上半年, 第三季度): due by its last day. */
  endOfPeriod: boolean;
  period: DatePeriod;
  /** False for a date that does not exist: 2023年14月, 2024年4月31日, 2023年2月29日, 第五季度. */
  valid: boolean;
  /**
   * A day or month followed by 前 (2026年1月1日前, 2026年1月前): due before it begins, by the day before. Not set for a
   * year (2026年前 is read both ways) nor after 底/末 (2025年底前 is due by its last day).
   */
  strictlyBefore?: boolean;
}

/** A date phrase and whether the text uses it as a deadline (see isDeadlineContext). */
export interface DatePhrase extends Deadline {
  deadline: boolean;
}

export interface YearMonth {
  year: number;
  month: number;
}

export interface PilotWindow {
  from: YearMonth & { day: number };
  to: YearMonth;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const SMALL = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
// Read on the half-width text (same length, so offsets carry over). Groups: year, quarter, half, month, day, modifier, before.
const DATE = new RegExp(
  '(?<![\\d.])(\\d{4}|[〇○零一二三四五六七八九]{4})(?:[ \\t]*年|(?=[ \\t]*[Qq][1-4](?!\\d)))' +
    // a quarter: 第三季度, 3季度, or Q3 (2025年Q4, 2025Q4, as spreadsheets write it)
    `(?:[ \\t]*(?:(?:第[ \\t]*|[Qq](?=[1-4](?!\\d)))?(\\d|[一二三四五六七八九十])(?:[ \\t]*季度|(?<=[Qq]\\d))|([上下])半年|(${SMALL})[ \\t]*月份?(?:[ \\t]*(${SMALL})[ \\t]*[日号])?))?` +
    '(年底|年末|年内|年中|底|末|内|上旬|中旬|下旬)?' +
    '(以前|之前|前)?',
  'g',
);

/** The first year of a range before the last one's date (2023—, 2023年至, 2023-): read on the half-width text. */
const YEAR_RANGE_START = /(?<![\d.])(\d{4}|[〇○零一二三四五六七八九]{4})[ \t]*年?[ \t]*(?:—{1,2}|–|-|~|至|到)[ \t]*$/;

/** What separates the two ends of a range of dates (read on the half-width text). */
const DATE_RANGE_SEP = String.raw`[ \t]*(?:—{1,2}|–|-|~|～|至|到)[ \t]*`;

/** The end of a range of months after a year's month (—12月 of 2024年6月—12月): its month, modifier and 前. */
const MONTH_RANGE_END = new RegExp(String.raw`^${DATE_RANGE_SEP}(\d{1,2}|[一二三四五六七八九十]{1,3})[ \t]*月份?(底|末)?(以前|之前|前)?`);

/** What stands between the two dates of a range (2025年6月至2026年6月). */
const RANGE_BETWEEN = new RegExp(`^${DATE_RANGE_SEP}$`);

/** Words that make the date before them a deadline when they follow it directly (2023年3月出台, 2025年底建成). */
const DEADLINE_VERBS = /^[ \t]*(?:完成|出台|建成|落地)(?!的)/;
/** What separates the segments of a closing parenthesis (（区商务局牵头，2025年6月）). */
const SEGMENT_BREAK = /[，,；;、]/;
/** Labels that introduce a deadline (完成时限：2025年6月). */
const DEADLINE_LABEL = /(?:完成时限|完成时间|完成期限|时间节点|时限要求|时限)[ \t]*[：:]?[ \t]*(?:\*\*)?[ \t]*$/;
/** A date after these words is a fact of the past (截至2023年底已建成3个, 已于2023年3月完成) or a start (自2023年起). */
const PAST_MARKER = /(?:截至|截止|截止到|已于|已在|自|从)[ \t]*$/;
/** A date followed by these is a fact of the past too (2021年底前已完成). */
const PAST_AFTER = /^[ \t]*(?:已|就已|便已|即已|起|以来)/;

function yearValue(raw: string): number {
  if (/^\d{4}$/.test(raw)) return Number(raw);
  return Number([...raw].map((c) => CN_DIGITS[c]).join(''));
}

function daysIn(year: number, month: number): number {
  // only February depends on the year (and Date.UTC's reading of years 0–99 stays the judge of that)
  if (month !== 2 && month >= 1 && month <= 12) return MONTH_DAYS[month];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Every date phrase of the text (a year with or without month, day, quarter or half year, in Arabic, full-width or
 * Chinese numerals), each marked as a deadline or not. `standalone`: the text is a deadline cell of a table, so a
 * date that makes up the whole of it is a deadline.
 */
export function readDates(text: string, options: { standalone?: boolean } = {}): readonly DatePhrase[] {
  if (!text.includes('年') && !NUMERIC_HINT.test(text)) return NONE;
  // one map per option, keyed by the text itself: a key made by prefixing the text would be copied to be hashed
  const recent = options.standalone ? recentStandalone : recentPlain;
  let found = recent.get(text);
  if (!found) {
    // the checks and the assignment reader ask about the same block in turn: read it once
    recentChars += text.length + 1;
    if (recentPlain.size + recentStandalone.size >= RECENT_LIMIT || recentChars > RECENT_CHARS) {
      recentPlain.clear();
      recentStandalone.clear();
      recentChars = text.length + 1;
    }
    recent.set(text, (found = Object.freeze(scanDates(text, options))));
  }
  return found;
}

const NONE: readonly DatePhrase[] = Object.freeze([]);
/** The texts remembered: a few paragraphs' blocks, and never more than this many characters of them. */
const RECENT_LIMIT = 4096;
const RECENT_CHARS = 1_000_000;
const recentPlain = new Map<string, readonly DatePhrase[]>();
const recentStandalone = new Map<string, readonly DatePhrase[]>();
let recentChars = 0;

function scanDates(text: string, options: { standalone?: boolean }): DatePhrase[] {
  const half = /[\uff01-\uff5e\u3000]/.test(text) ? toHalfWidth(text) : text;
  const out: DatePhrase[] = [];
  const closing = closingParenthesis(half) ?? null;
  /** A phrase at [start, end): its text, the fields read (undefined ones left out), and whether it is a deadline. */
  const add = (
    start: number,
    end: number,
    date: { year: number; month?: number; day?: number; quarter?: number; endOfPeriod: boolean; period: DatePeriod; valid: boolean },
    modifier: string | undefined,
    before: string | undefined,
  ) => {
    const phrase: DatePhrase = {
      text: text.slice(start, end),
      start,
      end,
      year: date.year,
      ...(date.month !== undefined ? { month: date.month } : {}),
      ...(date.day !== undefined ? { day: date.day } : {}),
      ...(date.quarter !== undefined ? { quarter: date.quarter } : {}),
      endOfPeriod: date.endOfPeriod,
      period: date.period,
      valid: date.valid,
      ...(before !== undefined && modifier === undefined && (date.period === 'day' || date.period === 'month') ? { strictlyBefore: true } : {}),
      deadline: isDeadlineContext(half, start, end, { standalone: options.standalone, closing, before: before !== undefined }),
    };
    out.push(phrase);
  };
  for (const m of half.matchAll(DATE)) {
    const [whole, y, quarter, halfYear, monthWritten, day, modifierWritten, beforeWritten] = m;
    let month = monthWritten;
    let modifier = modifierWritten;
    let before = beforeWritten;
    let start = m.index!;
    let end = start + whole.length;
    // a range of months of the year (2024年6月—12月, 2024年6月至12月底): due by its second month
    const toMonth = month !== undefined && day === undefined && modifier === undefined && before === undefined ? MONTH_RANGE_END.exec(half.slice(end, end + 12)) : null;
    if (toMonth && (parseInteger(toMonth[1]) ?? 0) >= (parseInteger(month) ?? 13)) {
      end += toMonth[0].length;
      month = toMonth[1];
      modifier = toMonth[2];
      before = toMonth[3];
    }
    const year = yearValue(y);
    // a range of years (2023—2025年, 2023年至2025年): one phrase, due by the end of its last year
    const range = start > 4 ? YEAR_RANGE_START.exec(half.slice(Math.max(0, start - 12), start)) : null;
    if (range && yearValue(range[1]) <= year) {
      start -= range[0].length;
      // the first year read on its own (2023年 of 2023年—2025年) is a part of the range
      if (out.length && out[out.length - 1].start >= start) out.pop();
    }
    // a range of dates (2025年6月至2026年6月, 2024年3月—2025年底): one phrase, due by its second date
    const previous = out[out.length - 1];
    const fromDate = !range && previous && previous.year <= year && RANGE_BETWEEN.test(half.slice(previous.end, start)) ? previous : undefined;
    if (fromDate) {
      start = fromDate.start;
      out.pop();
    }
    let period: DatePeriod = 'year';
    let monthValue: number | undefined;
    let dayValue: number | undefined;
    let quarterValue: number | undefined;
    let valid = true;
    if (quarter !== undefined) {
      const q = parseInteger(quarter) ?? 0;
      period = 'quarter';
      valid = q >= 1 && q <= 4;
      quarterValue = q;
      monthValue = valid ? q * 3 : undefined;
    } else if (halfYear !== undefined) {
      period = 'half';
      monthValue = halfYear === '上' ? 6 : 12;
    } else if (month !== undefined) {
      monthValue = parseInteger(month);
      period = 'month';
      valid = monthValue !== undefined && monthValue >= 1 && monthValue <= 12;
      if (day !== undefined) {
        period = 'day';
        dayValue = parseInteger(day);
        valid = valid && dayValue !== undefined && dayValue >= 1 && dayValue <= daysIn(year, monthValue!);
      }
    }
    const endOfPeriod = period === 'quarter' || period === 'half' || (modifier !== undefined && /底|末|内/.test(modifier)) || ((range !== null || fromDate !== undefined) && period === 'year');
    add(start, end, { year, month: monthValue, day: dayValue, quarter: quarterValue, endOfPeriod, period, valid }, modifier, before);
  }
  if (!NUMERIC_HINT.test(half)) return out;
  // 2025.12, 2025-12-31, 2025/6 (as tables write them): only dates that exist, since such a form may be something else;
  // but a year, a month and a day of a month's length (2024/11/31) is a date that does not exist
  const dated = out.length;
  for (const m of half.matchAll(NUMERIC_DATE)) {
    const [whole, y, month, day, modifier, before] = m;
    const monthValue = Number(month);
    const dayValue = day === undefined ? undefined : Number(day);
    const year = Number(y);
    if (monthValue < 1 || monthValue > 12 || (dayValue !== undefined && (dayValue < 1 || dayValue > 31))) continue;
    const start = m.index!;
    const end = start + whole.length;
    const period: DatePeriod = dayValue === undefined ? 'month' : 'day';
    const valid = dayValue === undefined || dayValue <= daysIn(year, monthValue);
    add(start, end, { year, month: monthValue, day: dayValue, endOfPeriod: modifier !== undefined, period, valid }, modifier, before);
  }
  return out.length > dated && dated > 0 ? out.sort((a, b) => a.start - b.start) : out;
}

/** A year, a dot, dash or slash, a digit (or a quarter: 2025Q4): a text without one has no date without 年. */
export const NUMERIC_HINT = /20\d\d(?:[.\-/]\d|[ \t]*[Qq][1-4])/;
/** A numeric date (read on the half-width text): not part of a longer number, a version or an amount (2025.5万元). */
const NUMERIC_DATE = /(?<![\dA-Za-z.\-/])(20\d{2})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?(?![\d.%万亿元\-/])(底|末)?(以前|之前|前)?/g;

/** The date phrases of the text that are deadlines. */
export function readDeadlines(text: string, options: { standalone?: boolean } = {}): Deadline[] {
  return readDates(text, options).filter((d) => d.deadline).map(asDeadline);
}

/** readDeadlines(text, options)[0], without building the others. */
export function firstDeadline(text: string, options: { standalone?: boolean } = {}): Deadline | undefined {
  const first = readDates(text, options).find((d) => d.deadline);
  return first && asDeadline(first);
}

function asDeadline({ deadline: _, ...d }: DatePhrase): Deadline {
  return d;
}

/**
 * Is the date at text[start, end) a deadline? It is when a label introduces it (完成时限：, 完成时间：, 时间节点：), when
 * it ends with 前/以前/之前 or is followed directly by 完成/出台/建成/落地 (not 建成的), when it is the whole text of a
 * deadline cell (`standalone`) or a whole segment of the parenthesis that closes the text (（区商务局牵头，2025年6月）).
 * After 截至/已于/自 or before 已/起/以来 it is a fact of the past or a start, never a deadline. `closing` is the span
 * of the closing parenthesis (null: there is none; omitted: looked for here); `before`: the phrase ends with 前.
 */
export function isDeadlineContext(
  text: string,
  start: number,
  end: number,
  opts: { standalone?: boolean; closing?: [number, number] | null; before?: boolean } = {},
): boolean {
  const lead = text.slice(Math.max(0, start - 12), start);
  if (PAST_MARKER.test(lead) || PAST_AFTER.test(text.slice(end))) return false;
  if (DEADLINE_LABEL.test(lead)) return true;
  if (opts.before ?? /(?:前)$/.test(text.slice(start, end))) return true;
  if (DEADLINE_VERBS.test(text.slice(end))) return true;
  const alone = (from: number, to: number) =>
    /^[\s*]*$/.test(text.slice(from, start)) && /^[\s*。；;.]*$/.test(text.slice(end, to));
  if (opts.standalone && alone(0, text.length)) return true;
  const closing = opts.closing === undefined ? closingParenthesis(text) : opts.closing;
  if (closing && start >= closing[0] && end <= closing[1]) {
    // the segment of the parenthesis that holds the date: between separators
    let segStart = start;
    while (segStart > closing[0] && !SEGMENT_BREAK.test(text[segStart - 1])) segStart--;
    let segEnd = end;
    while (segEnd < closing[1] && !SEGMENT_BREAK.test(text[segEnd])) segEnd++;
    if (alone(segStart, segEnd)) return true;
  }
  return false;
}

// the colon of an item that opens a list of its own (推进医疗服务开放（区卫生健康局牵头）：, then its - items)
const TRAILING_PUNCTUATION = /[\s。；;.，,*：:]/;

/**
 * The inside of the parenthesis that closes the text (only punctuation after it), as [start, end) of its content;
 * undefined when the text does not end with one.
 */
export function closingParenthesis(text: string): [number, number] | undefined {
  let close = text.length - 1;
  while (close >= 0 && TRAILING_PUNCTUATION.test(text[close])) close--;
  if (close < 0 || (text[close] !== '）' && text[close] !== ')')) return undefined;
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = text[i];
    if (c === '）' || c === ')') depth++;
    else if (c === '（' || c === '(') {
      depth--;
      if (depth === 0) return [i + 1, close];
    }
  }
  return undefined;
}

/** The first month a date phrase can mean (2025年 → 2025-01, 2025年第三季度 → 2025-07). */
export function periodStart(d: Deadline): YearMonth {
  switch (d.period) {
    case 'year':
      return { year: d.year, month: 1 };
    case 'half':
      return { year: d.year, month: d.month! - 5 };
    case 'quarter':
      return { year: d.year, month: d.month! - 2 };
    default:
      return { year: d.year, month: d.month! };
  }
}

function dayBefore(x: YearMonth & { day: number }): YearMonth & { day: number } {
  if (x.day > 1) return { ...x, day: x.day - 1 };
  const month = x.month > 1 ? x.month - 1 : 12;
  const year = x.month > 1 ? x.year : x.year - 1;
  return { year, month, day: daysIn(year, month) };
}

/** The last day a date phrase can mean (2025年 → 2025-12-31, 2024年2月 → 2024-02-29). */
export function periodEnd(d: Deadline): YearMonth & { day: number } {
  const month = d.period === 'year' ? 12 : d.month!;
  return { year: d.year, month, day: d.day ?? daysIn(d.year, month) };
}

const ymd = (x: { year: number; month: number; day?: number }) => x.year * 10000 + x.month * 100 + (x.day ?? 0);

/**
 * The last day a deadline allows, as YYYYMMDD: the end of its period (2025年底前, 2025年12月, 2025年 → 20251231), or the day
 * before it begins for a day or month with 前 (2026年1月1日前 → 20251231).
 */
export function dueBy(d: Deadline): number {
  if (!d.strictlyBefore) return ymd(periodEnd(d));
  return ymd(dayBefore({ ...periodStart(d), day: d.period === 'day' ? d.day! : 1 }));
}

/**
 * Where a valid deadline falls against the window: `before` when it ends before the source's date, `after` when it
 * starts after the window's last month, undefined when inside. Invalid dates are not placed.
 */
export function placeInWindow(d: Deadline, window: PilotWindow): 'before' | 'after' | undefined {
  if (!d.valid) return undefined;
  if (ymd(periodEnd(d)) < ymd(window.from)) return 'before';
  const start = periodStart(d);
  // due before the period begins: by the day before (2026年1月1日前 is due by 2025年12月31日); one that names its
  // period's end (2025年底前, 第三季度末) is due by that end, which a pilot ending before it (经过2年试点 from 2023年4月:
  // through 2025年4月) does not reach; a year alone (2025年) may mean any time in it
  const latest = d.strictlyBefore ? dayBefore({ ...start, day: d.period === 'day' ? d.day! : 1 }) : d.endOfPeriod ? periodEnd(d) : { ...start, day: 1 };
  if (ymd(latest) > window.to.year * 10000 + window.to.month * 100 + 99) return 'after';
  return undefined;
}

/** `"2026-12"` → 2026年12月; throws on anything else (a setting that cannot be read is an explicit error). */
export function parseYearMonth(value: string): YearMonth {
  const m = /^\s*(\d{4})-(\d{1,2})\s*$/.exec(value);
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw new Error(`cannot read "${value}" as a year and month: write it as YYYY-MM, e.g. 2026-12`);
  return { year: Number(m[1]), month };
}

/**
 * The pilot window of a source: from its date (meta.date, ISO) through the same month `pilotYears` later (issued
 * 2022-12-29, 经过3年试点 → 2022年12月29日—2025年12月). `override` (`YYYY-MM`, the policyLens.structure.pilotEnd
 * setting) replaces the end. Undefined when the source has no date, or neither a pilot length nor an override.
 * Throws when the source date or the override cannot be read.
 */
export function pilotWindow(meta: { date: string }, pilotYears: number | undefined, override?: string): PilotWindow | undefined {
  if (!meta.date) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.date);
  if (!m) throw new Error(`cannot read the source's date "${meta.date}": expected YYYY-MM-DD`);
  const from = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (override !== undefined && override.trim() !== '') return { from, to: parseYearMonth(override) };
  if (pilotYears === undefined) return undefined;
  return { from, to: { year: from.year + pilotYears, month: from.month } };
}

/** The pilot length a source states (经过3年试点, 试点期为三年), in years; undefined when it states none. */
export function readPilotYears(text: string): number | undefined {
  const m = /经过[ \t]*([\d０-９]+|[一二三四五六七八九十两]+)[ \t]*年(?:的)?(?:时间)?(?:的)?试点|试点期(?:限)?(?:为)?[ \t]*([\d０-９]+|[一二三四五六七八九十两]+)[ \t]*年/.exec(text);
  if (!m) return undefined;
  return parseInteger(toHalfWidth(m[1] ?? m[2]).replace('两', '二'));
}

/** Why a date does not exist, for its message; undefined for a valid one. */
export function whyInvalid(d: Deadline): { kind: 'month'; month: number } | { kind: 'day'; year: number; month: number; day: number; days: number } | { kind: 'quarter'; quarter: number } | undefined {
  if (d.valid) return undefined;
  if (d.period === 'quarter') return { kind: 'quarter', quarter: d.quarter ?? 0 };
  const month = d.month ?? 0;
  if (month < 1 || month > 12) return { kind: 'month', month };
  return { kind: 'day', year: d.year, month, day: d.day ?? 0, days: daysIn(d.year, month) };
}

/** How a window reads in a message: 2022年12月—2025年12月. */
export function formatWindow(w: PilotWindow): string {
  return `${w.from.year}年${w.from.month}月—${w.to.year}年${w.to.month}月`;
}

/**
 * The date a plan is issued under: its 落款, a line that is one whole date (2023年5月10日, 二〇二三年五月十日), under the
 * issuing unit's name (planStructure.ts tells a unit's name).
 */
export interface IssueDate {
  /** As dueBy counts days: year × 10000 + month × 100 + day. */
  ymd: number;
  text: string;
  /** The line before it in its text ('' for none): the issuing unit's name, in a 落款. */
  before: string;
}

/**
 * The last line of `text` that is a date alone, day and all (the plan's 落款 date, under the issuing unit's name); undefined
 * when none is. A date with words around it (2023年5月10日前, 2023年5月10日印发) is not one.
 */
export function issueDateIn(text: string): IssueDate | undefined {
  if (!text.includes('日') && !text.includes('号')) return undefined;
  let found: IssueDate | undefined;
  let before = '';
  for (const line of text.split(/\r\n|\r|\n/)) {
    const t = line.trim();
    if (!t) continue;
    const previous = before;
    before = t;
    if (t.length < 8 || t.length > 16 || !/[日号]$/.test(t)) continue;
    const dates = readDates(t);
    const d = dates.length === 1 ? dates[0] : undefined;
    if (d && d.start === 0 && d.end === t.length && d.period === 'day' && d.valid && !d.strictlyBefore && !d.endOfPeriod) found = { ymd: dueBy(d), text: t, before: previous };
  }
  return found;
}

