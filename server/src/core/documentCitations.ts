// The documents a plan cites: titles in 书名号 (《…》, or 〈…〉 inside one) and 发文字号 (商资发〔2022〕212号), read as plans
// write them — a number's year in any brackets, with 第 or a padded serial — and compared with the loaded sources' own
// (their meta: title and 文号). Plain functions over strings; offsets are the text's.
import { BodyPassage, DocumentMeta } from './types';
import { differenceRuns } from './checks/misquote';

/** A title as written: the text between the innermost pair of 书名号, and where. */
export interface WrittenTitle {
  start: number;
  end: number;
  title: string;
}

/** A 发文字号 as written: 商资发〔2022〕212号, 穗府办[2023]第05号. */
export interface WrittenDocNumber {
  /**
   * Where the Chinese characters before the year start: the 机关代字's start where something other than a Chinese
   * character precedes it (（商资发…）), else that of words ending in it (根据商资发…).
   */
  start: number;
  end: number;
  /** The run of Chinese characters before the year: the 机关代字, or words ending in it (根据商资发). */
  agency: string;
  /** Where the part GB/T 9704 prescribes starts: the year's opening bracket, or the spaces before it. */
  yearStart: number;
  open: string;
  close: string;
  yearText: string;
  /** The year in full (22 → 2022). */
  year: number;
  /** 第 before the serial. */
  ordinal: boolean;
  serialText: string;
  serial: number;
}

const TITLE = /[《〈]([^《》〈〉\n]{2,80})[》〉]/g;

/** Every title of text[from, to): the innermost of nested ones (《商务部关于印发〈X〉的通知》 gives X). */
export function titlesIn(text: string, from = 0, to = text.length): WrittenTitle[] {
  const titles: WrittenTitle[] = [];
  TITLE.lastIndex = from;
  for (let m = TITLE.exec(text); m !== null && m.index < to; m = TITLE.exec(text)) {
    if (m.index + m[0].length > to) break;
    titles.push({ start: m.index + 1, end: m.index + 1 + m[1].length, title: m[1] });
  }
  return titles;
}

/**
 * A 发文字号: Chinese characters (the 机关代字), the year in brackets of any kind, the serial (with 第, padded) and 号 —
 * not a building's, a line's or a plot's number (3号楼, 5号线).
 */
const DOC_NUMBER = /([\u4e00-\u9fff]{2,12})([ \t　]*)([〔﹝［\[（(【〖｛{])[ \t　]*(\d{4}|\d{2})[ \t　]*([〕﹞］\]）)】〗｝}])[ \t　]*(第?)[ \t　]*(\d{1,5})[ \t　]*号(?![楼线院馆门库地段室])/g;

export function docNumbersIn(text: string, from = 0, to = text.length): WrittenDocNumber[] {
  const numbers: WrittenDocNumber[] = [];
  DOC_NUMBER.lastIndex = from;
  for (let m = DOC_NUMBER.exec(text); m !== null && m.index < to; m = DOC_NUMBER.exec(text)) {
    if (m.index + m[0].length > to) break;
    const [whole, agency, , open, yearText, close, ordinal, serialText] = m;
    // a year and the brackets that close it as they open it: （2022〕 is no number's; a year of two digits in a
    // 文号's own brackets only (附件（12）3号 is none)
    if (!PAIRS.includes(open + close) || (yearText.length === 2 && open !== '〔')) continue;
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    if (year < 1949 || year > 2099) continue;
    numbers.push({
      start: m.index, end: m.index + whole.length, agency, yearStart: m.index + agency.length, open, close, yearText, year,
      ordinal: !!ordinal, serialText, serial: Number(serialText),
    });
  }
  return numbers;
}

const PAIRS = ['〔〕', '﹝﹞', '［］', '[]', '（）', '()', '【】', '〖〗', '｛｝', '{}', '（)', '(）'];

/** The 文号 as GB/T 9704-2012 (7.2.4) writes it from the year on: 〔2022〕212号 — the year in full in 六角括号, no 第, no padding. */
export function standardNumberPart(n: WrittenDocNumber): string {
  return `〔${n.year}〕${n.serial}号`;
}

/** What of a 文号 GB/T 9704 writes otherwise, in the order the message says it. */
export type NumberFormatProblem = 'brackets' | 'short-year' | 'ordinal' | 'padding';

export function numberFormatProblems(n: WrittenDocNumber): NumberFormatProblem[] {
  const problems: NumberFormatProblem[] = [];
  if (n.open !== '〔' || n.close !== '〕') problems.push('brackets');
  if (n.yearText.length !== 4) problems.push('short-year');
  if (n.ordinal) problems.push('ordinal');
  if (n.serialText.length > 1 && n.serialText.startsWith('0')) problems.push('padding');
  // spaces (商资发 [2022] 212号) alone are a matter of layout, not of form; with another problem the fix takes them out
  return problems;
}

/**
 * The titles and 文号 of a paragraph, read once (its blocks' checks each ask for theirs: a search from each block's
 * start would read a long table's rows again for every row).
 */
export function paragraphCitations(model: { text: string }): { titles: readonly WrittenTitle[]; numbers: readonly WrittenDocNumber[] } {
  let citations = CITATIONS.get(model);
  if (!citations) {
    const { text } = model;
    citations = {
      titles: /[《〈]/.test(text) ? titlesIn(text) : NONE,
      numbers: text.includes('号') ? docNumbersIn(text) : NONE,
    };
    CITATIONS.set(model, citations);
  }
  return citations;
}

const NONE: readonly never[] = [];
const CITATIONS = new WeakMap<object, { titles: readonly WrittenTitle[]; numbers: readonly WrittenDocNumber[] }>();

/** Those of a list that lie in [from, to). */
export function within<T extends { start: number; end: number }>(list: readonly T[], from: number, to: number): T[] {
  return list.filter((x) => x.start >= from && x.end <= to);
}

/** A source's 文号 read as a written one (its agency the whole of its characters before the year). */
export function sourceNumber(meta: DocumentMeta): WrittenDocNumber | undefined {
  if (!meta.docNumber) return undefined;
  const [n] = docNumbersIn(meta.docNumber);
  return n && n.start === 0 ? n : undefined;
}

/**
 * Whether a written 文号 is the source's, however its brackets, 第 and padding are written: its characters before the
 * year end in the source's 机关代字 (根据商资发 is 商资发), the year and the serial the same.
 */
export function sameNumber(written: WrittenDocNumber, source: WrittenDocNumber): boolean {
  return written.year === source.year && written.serial === source.serial && written.agency.endsWith(source.agency);
}

/** The source whose 文号 a written one is (sameNumber), if any. */
export function numberSource(n: WrittenDocNumber, sources: readonly SourceDocument[]): SourceDocument | undefined {
  return sources.find((d) => d.number && sameNumber(n, d.number));
}

/**
 * How a written title stands to a source's title: the same (whitespace aside), a slip of it (characters left out,
 * characters added that name no other document, words swapped: 《广州市服务业扩大开放试点总体方案》,
 * 《广州市扩大服务业开放综合试点总体方案》), or another document (another place's, another kind of document:
 * 《北京市服务业扩大开放综合试点总体方案》, 《…综合试点实施方案》, 《…2025年工作方案》, 《总体方案》).
 */
export type TitleRelation = 'same' | 'slip' | 'other';

/** At most this many characters left out of a source's title, or added to it, for a slip. */
const MAX_SLIP = 4;
/** Words that name a kind of document or a part of one: added to a title, they make another document's. */
const KIND_WORDS = /实施|工作|行动|计划|规划|意见|办法|细则|措施|通知|清单|分工|任务|要点|年度|若干|暂行|试行|指引|指南|决定|条例|规定|纲要|批复|报告|函|令/;
/** A place's ending: added to a title, it makes another place's document. */
const PLACE_END = /[省市区县州镇乡]/;

export function titleRelation(written: string, source: string): TitleRelation {
  const w = written.replace(/\s+/g, '');
  const s = source.replace(/\s+/g, '');
  if (w === s) return 'same';
  if (w.length < 6 || Math.abs(w.length - s.length) > MAX_SLIP) return 'other';
  // the same characters in another order: words swapped (扩大服务业开放 for 服务业扩大开放)
  if (sameCharacters(w, s)) return 'slip';
  // the whole title and more is a document about it (its 解读, its 分工, the 通知 that issues it); a title that ends
  // otherwise (…综合试点, no 方案) names no document, or another kind of one
  if (w.includes(s) || w.slice(-2) !== s.slice(-2)) return 'other';
  let left = 0;
  let added = 0;
  let at = 0;
  for (const run of differenceRuns(w, s)) {
    if (run.from && run.to) return 'other'; // a word for another: 广州 → 北京, 总体 → 实施
    if (run.to) {
      if (/[\d０-９]/.test(run.to) || KIND_WORDS.test(run.to) || PLACE_END.test(run.to)) return 'other';
      added += run.to.length;
    } else {
      // the place the title starts with, left out whole: a title of the programme in general, or of any place's
      const start = s.indexOf(run.from, at);
      if (start === 0 && PLACE_END.test(run.from[run.from.length - 1])) return 'other';
      left += run.from.length;
      at = start + run.from.length;
    }
  }
  return left <= MAX_SLIP && added <= MAX_SLIP ? 'slip' : 'other';
}

const sortedChars = (s: string) => [...s].sort().join('');

/** Two titles of the same characters in another order (words swapped), whitespace aside. */
export function sameCharacters(a: string, b: string): boolean {
  const x = a.replace(/\s+/g, '');
  const y = b.replace(/\s+/g, '');
  return x !== y && x.length === y.length && sortedChars(x) === sortedChars(y);
}

/**
 * The title of the notice that issues a source, as its head writes it (商务部关于印发《X》的通知, its 文号 after it), with
 * the source's title inside in 〈〉, as a title inside a title is written: undefined when its head has none.
 */
export function noticeTitle(source: SourceDocument): string | undefined {
  const { title } = source.meta;
  const head = source.passages?.[0]?.text;
  const m = title && head ? /^([^《》]{2,30}关于印发)《([^《》]+)》(的通知)/.exec(head) : null;
  return m && m[2] === title ? `${m[1]}〈${title}〉${m[3]}` : undefined;
}

/** A source's title and 文号, for the checks and the hover; the short names it gives itself and its paragraphs. */
export interface SourceDocument {
  meta: DocumentMeta;
  number?: WrittenDocNumber;
  shortNames?: readonly string[];
  passages?: readonly BodyPassage[];
}

/**
 * Which source a written title is, or is a slip of (the same first), or the short name of (its own: 《总体方案》):
 * undefined when none.
 */
export function titleSource(title: string, sources: readonly SourceDocument[]): { source: SourceDocument; relation: 'same' | 'slip' } | undefined {
  let slip: SourceDocument | undefined;
  for (const source of sources) {
    if (!source.meta.title) continue;
    const relation = titleRelation(title, source.meta.title);
    if (relation === 'same') return { source, relation };
    if (relation === 'slip') {
      if (slip) return undefined; // a slip of two sources' titles is neither's
      slip = source;
    }
  }
  if (slip) return { source: slip, relation: 'slip' };
  // the short name a source gives itself (《总体方案》), when no other source gives itself the same
  const named = sources.filter((s) => s.shortNames?.includes(title));
  return named.length === 1 ? { source: named[0], relation: 'same' } : undefined;
}

/** What stands between a title and its 文号 right after it: 》（, 〉的通知》（ (the 通知 that issues it). */
const TITLE_TO_NUMBER = /^[》〉]\s*(?:[^，,。；;、《》〈〉（()）]{0,8}》\s*)?[（(]?\s*$/;

/**
 * The titles of a span with their 文号: the one right after each (《X》（文号）, 《…〈X〉的通知》（文号）) — or, when the span
 * has one title and one 文号, those.
 */
export function numberedTitles(text: string, titles: readonly WrittenTitle[], numbers: readonly WrittenDocNumber[]): Map<WrittenTitle, NumberOfTitle> {
  const pairs = new Map<WrittenTitle, NumberOfTitle>();
  for (const n of numbers) {
    let title: WrittenTitle | undefined;
    for (const t of titles) if (t.end <= n.start) title = t;
    if (title && TITLE_TO_NUMBER.test(text.slice(title.end, n.start))) pairs.set(title, { number: n, adjacent: true });
  }
  if (!pairs.size && titles.length === 1 && numbers.length === 1) pairs.set(titles[0], { number: numbers[0], adjacent: false });
  return pairs;
}

/**
 * A title's 文号: right after it (adjacent), or the only one of a sentence with one title, which may be another
 * document's the sentence names (国务院以国函〔2022〕142号批复同意……).
 */
export interface NumberOfTitle {
  number: WrittenDocNumber;
  adjacent: boolean;
}

/** The verb that says who issued a title right after it: 印发的《…》, 颁布《…》. */
const ISSUED = /(?:印发|颁布|发布|出台)(?:了|的)?\s*$/;
/** Words that open a clause before its subject: 为贯彻落实, 根据, 按照, 经. */
const LEAD_IN = /^(?:为(?:深入|全面|认真)?(?:贯彻)?落实|(?:深入|全面|认真)?贯彻落实|根据|按照|依据|依照|对照|落实|结合|经|由|近日|日前|此前)+/;
/** What may follow the issuer before the verb: 于2022年12月, 联合, 正式. */
const AFTER_ISSUER = /(?:于|在)?(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底)?)?(?:联合|共同|正式|研究)?$/;
/** The endings of an issuing body's name: 商务部, 国务院, 发展改革委, 市政府, 办公厅, 管委会. */
const BODY_END = /(?:部|委|院|厅|局|办|署|府|会|行|室|组|中心)$/;

/**
 * The body a clause says issued the title that follows it (国务院印发的《…》, 商务部于2022年12月印发《…》): the words
 * between the clause's start (after punctuation and words such as 为贯彻落实) and the verb, when they read as a body's
 * name; undefined when the title follows no such verb or the words are not a name (经国务院批准印发).
 */
export function writtenIssuer(text: string, from: number, titleStart: number): { start: number; end: number; name: string } | undefined {
  const open = titleStart - 1; // the 《 or 〈 before the title
  const before = text.slice(Math.max(from, open - 40), open);
  const verb = ISSUED.exec(before);
  if (!verb) return undefined;
  const clauseStart = Math.max(...['，', ',', '。', '；', ';', '：', ':', '（', '(', '\n'].map((c) => before.lastIndexOf(c, verb.index))) + 1;
  let clause = before.slice(clauseStart, verb.index);
  // the indent of a line (　　为贯彻落实…, a text plan saved from Word) and the words before the subject
  const lead = /^\s*/.exec(clause)![0].length + (LEAD_IN.exec(clause.trimStart())?.[0].length ?? 0);
  clause = clause.slice(lead);
  const name = clause.slice(0, clause.length - (AFTER_ISSUER.exec(clause)?.[0].length ?? 0));
  if (!/^[\u4e00-\u9fff、]{2,20}$/.test(name) || !BODY_END.test(name)) return undefined;
  const start = open - before.length + clauseStart + lead;
  return { start, end: start + name.length, name };
}
