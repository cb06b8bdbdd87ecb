// misquote: quoted text next to a reference that is close to the cited task's text but not equal to it.
import { BareReference, settledTasks } from '../bareNumbers';
import { Finding, shiftFinding } from '../findings';
import { Messages } from '../messages';
import { findQuantities, QuantityPhrase, sameQuantity } from '../quantity';
import { Scope } from '../scopes';
import { formatReference, ResolvedReference, TaskIndex } from '../taskIndex';
import { squash, toHalfWidth } from '../text';
import { relatedTask } from './related';
import { Task } from '../types';

const QUOTE_MARK = /[“「『‘"]/;
/** A quotation this check judges: at least 6 characters between a pair of marks (the inner text is the group). */
export const QUOTE = /“([^“”\n]{6,600})”|「([^「」\n]{6,600})」|『([^『』\n]{6,600})』|‘([^‘’\n]{6,600})’|"([^"\n]{6,600})"/g;
/** At most this share of the quotation may differ for it to count as a quotation of the task. */
const MAX_DIFFERENCE = 0.3;
/** A task's text of at least this many characters, quoted whole with words added, is a quotation of it. */
const MIN_WHOLE = 8;
/** The mark that ends a task's text, which a quotation going on leaves out. */
const TASK_END = /[。；;.]$/;

interface Normalized {
  text: string;
  /** index in `text` → index in the original */
  map: number[];
}

/** Marks an omission in a quotation: any run of the source may stand in its place. */
const ELLIPSIS = '…';
/** An omission as written: …… (or one …), ⋯⋯, ..., 。。。 */
const OMISSION_SOURCE = String.raw`[…⋯]+|\.{3,}|。{3,}`;
const OMISSION = new RegExp(`^(?:${OMISSION_SOURCE})`);
/** Every omission of a text, for the message's differences. */
const OMISSIONS = new RegExp(OMISSION_SOURCE, 'g');

/**
 * Quotation marks inside a quotation or a task: a task's “白名单” is quoted as ‘白名单’ (GB/T 15834 nests quotation marks
 * so), 「白名单」 or 白名单 alike, the same words.
 */
const INNER_QUOTES = /[“”‘’「」『』"']/;
const INNER_QUOTES_ALL = /[“”‘’「」『』"']/g;

/** A task's text written inside “…”: its own quotation marks as the nested ‘…’. */
export function nestedQuotes(s: string): string {
  return s.replace(/“/g, '‘').replace(/”/g, '’');
}

/** The quotation or source without whitespace and quotation marks, in half-width forms, each omission one ELLIPSIS. */
function normalize(s: string): Normalized {
  const half = toHalfWidth(s);
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < half.length; i++) {
    if (/\s/.test(half[i]) || INNER_QUOTES.test(half[i])) continue;
    const omission = half[i] === '…' || half[i] === '⋯' || half[i] === '.' || half[i] === '。' ? OMISSION.exec(half.slice(i, i + 12)) : null;
    text += omission ? ELLIPSIS : half[i];
    map.push(i);
    if (omission) i += omission[0].length - 1;
  }
  map.push(s.length);
  return { text, map };
}

interface Alignment {
  distance: number;
  /** window of the source text (normalized offsets) that the quote matches best */
  start: number;
  end: number;
}

const ELLIPSIS_CODE = ELLIPSIS.charCodeAt(0);

/**
 * Semi-global edit distance: the quote against its best-matching window of the source, an omission (ELLIPSIS) in the
 * quote standing for any run of the source. Two rolling typed rows.
 */
export function alignQuote(quote: string, source: string): Alignment {
  const n = quote.length;
  const m = source.length;
  let prev = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prevStart[j] = j;
  for (let i = 1; i <= n; i++) {
    const q = quote.charCodeAt(i - 1);
    if (q === ELLIPSIS_CODE) {
      // an omission: it stands for any run of the source ending at j, at no cost (the latest start on a tie)
      let min = prev[0];
      let minStart = prevStart[0];
      for (let j = 0; j <= m; j++) {
        if (prev[j] <= min) {
          min = prev[j];
          minStart = prevStart[j];
        }
        cur[j] = min;
        curStart[j] = minStart;
      }
      [prev, cur] = [cur, prev];
      [prevStart, curStart] = [curStart, prevStart];
      continue;
    }
    cur[0] = i;
    curStart[0] = 0;
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (q === source.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        curStart[j] = prevStart[j - 1];
      } else if (del <= ins) {
        cur[j] = del;
        curStart[j] = prevStart[j];
      } else {
        cur[j] = ins;
        curStart[j] = curStart[j - 1];
      }
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  // of the windows with the fewest edits, the one as long as the quotation (a word changed, 社会调研 for 社会调查, rather
  // than one cut short and a character added); with an omission in it, the first
  const omits = quote.includes(ELLIPSIS);
  const off = (start: number, end: number) => Math.abs(end - start - n);
  let best = { distance: Infinity, start: 0, end: 0 };
  for (let j = 0; j <= m; j++) {
    if (prev[j] < best.distance || (prev[j] === best.distance && !omits && off(prevStart[j], j) < off(best.start, best.end))) best = { distance: prev[j], start: prevStart[j], end: j };
  }
  return best;
}

/** How far before or after its start an alignment's window may move to start where the quotation does. */
const START_SLACK = 6;

/**
 * The window of `source` a quotation stands for, its start moved (by at most START_SLACK) to where the quotation keeps
 * the most of the source's characters at the fewest edits: the alignment's window has the fewest edits, and on a tie can
 * start inside a word (“在白云机场试点前置安检” against 在广州白云国际机场…: 云国际机场…, three characters changed, rather
 * than 在广州白云国际机场…, two words missing). Only the end of a window is the alignment's own.
 */
export function quotedWindow(quote: string, source: string, a: Alignment): Alignment {
  if (!quote.length || a.end <= a.start || quote[0] === source[a.start] || quote.includes(ELLIPSIS)) return a;
  let best = { ...a, score: -Infinity };
  for (let start = Math.max(0, a.start - START_SLACK); start <= Math.min(a.end - 1, a.start + START_SLACK); start++) {
    const { distance, matches } = globalAlignment(quote, source.slice(start, a.end));
    const score = 2 * matches - distance;
    if (score > best.score || (score === best.score && distance < best.distance)) best = { distance, start, end: a.end, score };
  }
  return { distance: best.distance, start: best.start, end: best.end };
}

/** The edit distance of two texts, and the most characters an alignment of them keeps (their longest common subsequence). */
function globalAlignment(a: string, b: string): { distance: number; matches: number } {
  const m = b.length;
  let dPrev = new Int32Array(m + 1);
  let dCur = new Int32Array(m + 1);
  let lPrev = new Int32Array(m + 1);
  let lCur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) dPrev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    dCur[0] = i;
    lCur[0] = 0;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const same = c === b.charCodeAt(j - 1);
      dCur[j] = Math.min(dPrev[j - 1] + (same ? 0 : 1), dPrev[j] + 1, dCur[j - 1] + 1);
      lCur[j] = same ? lPrev[j - 1] + 1 : Math.max(lPrev[j], lCur[j - 1]);
    }
    [dPrev, dCur] = [dCur, dPrev];
    [lPrev, lCur] = [lCur, lPrev];
  }
  return { distance: dPrev[m], matches: lPrev[m] };
}

/** The differences between a quotation and the source window, in words for the message. */
export function describeDifferences(quote: string, source: string, msg: Messages, limit = 3): string {
  const runs = differenceRuns(quote, source);
  const words = runs
    .slice(0, limit)
    .map((r) => (!r.to ? msg.diffMissing(r.from) : !r.from ? msg.diffExtra(r.to) : msg.diffChanged(r.from, r.to)));
  if (runs.length > limit) words.push('…');
  return words.join(msg.diffSeparator);
}

/**
 * The runs of edits between a quotation and the source window, in order: what the source has there (from) and what
 * the quotation writes instead (to), either empty; a number whole. An omission in the quotation stands for its run.
 */
export function differenceRuns(quote: string, source: string): { from: string; to: string }[] {
  const n = quote.length;
  const m = source.length;
  // one flat table: d(i, j) = table[i * w + j]
  const w = m + 1;
  const table = new Int32Array((n + 1) * w);
  for (let j = 0; j <= m; j++) table[j] = j;
  const omits = (i: number) => quote.charCodeAt(i - 1) === ELLIPSIS_CODE;
  for (let i = 1; i <= n; i++) {
    table[i * w] = omits(i) ? table[(i - 1) * w] : i;
    let min = table[(i - 1) * w];
    for (let j = 1; j <= m; j++) {
      if (omits(i)) {
        min = Math.min(min, table[(i - 1) * w + j]);
        table[i * w + j] = min;
        continue;
      }
      const sub = table[(i - 1) * w + j - 1] + (quote.charCodeAt(i - 1) === source.charCodeAt(j - 1) ? 0 : 1);
      table[i * w + j] = Math.min(sub, table[(i - 1) * w + j] + 1, table[i * w + j - 1] + 1);
    }
  }
  const d = (i: number, j: number) => table[i * w + j];
  // walk back one character at a time (an omission over the source it stands for), then group the edits between
  // unchanged characters into runs, each with where it lies in the quote [qs, qe) and the source [ss, se)
  const steps: { same: boolean; i: number; j: number; di: number; dj: number }[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && omits(i)) {
      let k = j;
      while (k > 0 && d(i - 1, k) !== d(i, j)) k--;
      steps.push({ same: true, i, j, di: 1, dj: j - k });
      i--;
      j = k;
    } else if (i > 0 && j > 0 && d(i, j) === d(i - 1, j - 1) + (quote[i - 1] === source[j - 1] ? 0 : 1)) {
      steps.push({ same: quote[i - 1] === source[j - 1], i, j, di: 1, dj: 1 });
      i--;
      j--;
    } else if (j > 0 && d(i, j) === d(i, j - 1) + 1) {
      steps.push({ same: false, i, j, di: 0, dj: 1 });
      j--;
    } else {
      steps.push({ same: false, i, j, di: 1, dj: 0 });
      i--;
    }
  }
  steps.reverse();
  const runs: { qs: number; qe: number; ss: number; se: number }[] = [];
  let open: { qs: number; qe: number; ss: number; se: number } | undefined;
  for (const step of steps) {
    if (step.same) {
      open = undefined;
      continue;
    }
    if (!open) runs.push((open = { qs: step.i - step.di, qe: step.i, ss: step.j - step.dj, se: step.j }));
    open.qe = step.i;
    open.se = step.j;
  }
  // a number is told whole: “60%”应为“67%”, not “0”应为“7”
  for (const r of runs) {
    if (!NUMERIC.test(quote.slice(r.qs, r.qe) + source.slice(r.ss, r.se))) continue;
    while (r.qs > 0 && r.ss > 0 && quote[r.qs - 1] === source[r.ss - 1] && NUMERIC.test(quote[r.qs - 1])) (r.qs--, r.ss--);
    while (r.qe < n && r.se < m && quote[r.qe] === source[r.se] && NUMERIC.test(quote[r.qe])) (r.qe++, r.se++);
  }
  return runs.map((r) => ({ from: source.slice(r.ss, r.se), to: quote.slice(r.qs, r.qe) }));
}

/** A character of a number as written: digits, a decimal point, a percent sign, Chinese numerals and their units. */
const NUMERIC = /[0-9０-９.．%％零〇一二两三四五六七八九十百千万亿]/;

/** An exact piece of the source in a quotation that leaves runs of it out: where it starts in each (normalized). */
interface Piece {
  quote: number;
  source: number;
  length: number;
}

/** Both pieces of an abridged quotation are at least this long. */
const MIN_PIECE = 4;
/**
 * The run left out is at least this long: a clause (中方股比不低于67%，), not a word (（自动驾驶）), which the
 * differences name as missing.
 */
const MIN_OMITTED = 8;

/**
 * An unmarked omission: the quotation is two exact pieces of the source, in order, with at least MIN_OMITTED
 * characters of it left out between them (允许外商投资社会调查，法定代表人… for 允许外商投资社会调查，中方股比不低于67%，法定代表人…). The
 * longest first piece that works wins.
 */
function unmarkedOmission(quote: string, source: string): Piece[] | undefined {
  if (quote.includes(ELLIPSIS)) return undefined;
  for (let split = quote.length - MIN_PIECE; split >= MIN_PIECE; split--) {
    const start = source.indexOf(quote.slice(0, split));
    if (start < 0) continue;
    const resume = source.indexOf(quote.slice(split), start + split + MIN_OMITTED);
    if (resume < 0) continue;
    return [{ quote: 0, source: start, length: split }, { quote: split, source: resume, length: quote.length - split }];
  }
  return undefined;
}

/** An abridged quotation of more than two pieces has at most this many. */
const MAX_PIECES = 4;
/** The first and the last piece of such a quotation may be as short as this (a word that opens or closes it: 支持, 业务). */
const MIN_LAST_PIECE = 2;

/**
 * An unmarked omission in several places: the quotation is three or four exact pieces of the source, in order, each at
 * least MIN_PIECE long, leaving out at least MIN_OMITTED characters in all (支持在广州市设立的外商投资旅行社从事出境旅游业务
 * for 支持在广州市设立并符合有关条件的外商投资旅行社从事除台湾地区以外的出境旅游业务). Each piece is the longest the
 * source holds from where the quotation stands, after the previous one.
 */
function unmarkedOmissions(quote: string, source: string): Piece[] | undefined {
  if (quote.includes(ELLIPSIS)) return undefined;
  const pieces: Piece[] = [];
  let from = 0;
  for (let at = 0; at < quote.length; ) {
    let found: { source: number; length: number } | undefined;
    // the first and the last piece may be shorter: a word that opens the quotation (支持…), or closes it (…提供业务)
    const least = !pieces.length || quote.length - at < MIN_PIECE ? MIN_LAST_PIECE : MIN_PIECE;
    for (let length = quote.length - at; length >= least && !found; length--) {
      const i = source.indexOf(quote.slice(at, at + length), from);
      if (i >= 0) found = { source: i, length };
    }
    if (!found || pieces.length === MAX_PIECES) return undefined;
    pieces.push({ quote: at, ...found });
    at += found.length;
    from = found.source + found.length;
  }
  if (pieces.length < 3) return undefined;
  let omitted = 0;
  for (let k = 1; k < pieces.length; k++) {
    const gap = pieces[k].source - (pieces[k - 1].source + pieces[k - 1].length);
    if (gap <= 0) return undefined; // pieces that meet were split where nothing is left out
    omitted += gap;
  }
  return omitted >= MIN_OMITTED ? pieces : undefined;
}

/** Could `quote` be within MAX_DIFFERENCE edits of a window of `source`? A cheap bound on shared bigrams. */
function mayBeClose(quote: string, source: string): boolean {
  if (quote.length < 2) return false;
  let shared = 0;
  // a bigram with an omission in it matches wherever the omission does
  for (let i = 0; i < quote.length - 1; i++) if (quote[i] === ELLIPSIS || quote[i + 1] === ELLIPSIS || source.includes(quote.slice(i, i + 2))) shared++;
  // each edit spoils at most two of the quotation's bigrams
  return shared >= quote.length - 1 - 2 * Math.ceil(MAX_DIFFERENCE * quote.length);
}

/**
 * A quotation close to a window of one of some texts but equal to none (within MAX_DIFFERENCE edits, an omission marked
 * with …… standing for its run): the window as the closest text writes it, to say what differs and to write instead.
 * Undefined for an exact quotation (of any of them), or one close to none. `texts` normalized once by the caller.
 */
export function closeQuotation(inner: string, texts: readonly NormalizedText[]): { exact: string; text: NormalizedText } | undefined {
  const quote = normalize(inner);
  if (quote.text.length < 6) return undefined;
  let best: { text: NormalizedText; a: Alignment } | undefined;
  let abridged: { text: NormalizedText; pieces: Piece[] } | undefined;
  for (const text of texts) {
    if (text.normalized.text.includes(quote.text)) return undefined;
    if (!mayBeClose(quote.text, text.normalized.text)) continue;
    const a = alignQuote(quote.text, text.normalized.text);
    if (a.distance === 0) return undefined;
    // exact pieces with a run of the text left out between them, unmarked: the window from the first to the last
    const pieces = abridged ? undefined : unmarkedOmission(quote.text, text.normalized.text);
    if (pieces) abridged = { text, pieces };
    if (!best || a.distance < best.a.distance) best = { text, a };
  }
  if (abridged) {
    const { text, pieces } = abridged;
    const last = pieces[pieces.length - 1];
    return { exact: text.original.slice(text.normalized.map[pieces[0].source], text.normalized.map[last.source + last.length - 1] + 1), text };
  }
  // the text's own words in another order (a list reordered inside the quotation marks) are too far apart by edits
  if (!best || best.a.distance > MAX_DIFFERENCE * quote.text.length) return reorderedIn(quote.text, texts);
  const { map } = best.text.normalized;
  const window = quotedWindow(quote.text, best.text.normalized.text, best.a);
  return { exact: best.text.original.slice(map[window.start], map[window.end - 1] + 1), text: best.text };
}

/**
 * Where `source` has a window as long as `quote` of the same characters in another order (鼓励政府网站、商业网站和教育科研网站
 * for 鼓励商业网站、教育科研网站和政府网站), or -1: a rolling count of the characters the window lacks or has too many of.
 */
function reorderedWindow(quote: string, source: string): number {
  const n = quote.length;
  if (n > source.length) return -1;
  // most quotations far from a task have a character it lacks: told before any counting
  for (let i = 0; i < n; i++) if (source.indexOf(quote[i]) < 0) return -1;
  const owed = new Map<number, number>();
  for (let i = 0; i < n; i++) owed.set(quote.charCodeAt(i), (owed.get(quote.charCodeAt(i)) ?? 0) + 1);
  let unequal = owed.size;
  const move = (c: number, by: number) => {
    const before = owed.get(c) ?? 0;
    const after = before + by;
    owed.set(c, after);
    if (before === 0) unequal++;
    else if (after === 0) unequal--;
  };
  for (let j = 0; j < source.length; j++) {
    move(source.charCodeAt(j), -1);
    if (j >= n) move(source.charCodeAt(j - n), 1);
    if (j >= n - 1 && unequal === 0) return j - n + 1;
  }
  return -1;
}

/** The window of one of `texts` that a quotation (normalized) writes in another order: the text, and the window as it writes it. */
function reorderedIn(quote: string, texts: readonly NormalizedText[]): { exact: string; text: NormalizedText } | undefined {
  if (quote.includes(ELLIPSIS)) return undefined;
  for (const text of texts) {
    const at = reorderedWindow(quote, text.normalized.text);
    if (at >= 0) return { exact: text.original.slice(text.normalized.map[at], text.normalized.map[at + quote.length - 1] + 1), text };
  }
  return undefined;
}

/** A text a quotation may be of, as written and normalized (for closeQuotation). */
export interface NormalizedText {
  original: string;
  normalized: Normalized;
}

export function normalizedText(original: string): NormalizedText {
  return { original, normalized: normalize(original) };
}

/** What describeDifferences is given of a quotation and the window it stands for: both squashed, each omission one mark. */
export function quotationDifferences(inner: string, exact: string, msg: Messages): string {
  return describeDifferences(squash(inner).replace(INNER_QUOTES_ALL, '').replace(OMISSIONS, ELLIPSIS), squash(exact).replace(INNER_QUOTES_ALL, ''), msg);
}

/** Per index, the verdict on a quotation of some tasks, at offset 0 (the same quotation recurs across a long plan). */
const judgedByIndex = new WeakMap<TaskIndex, Map<string, Finding | null>>();

export function checkMisquotes(
  text: string,
  scopes: Scope[],
  refs: ResolvedReference[],
  index: TaskIndex,
  msg: Messages,
  bare: readonly BareReference[] = [],
  /** The citations a scope that cites nothing is a part of (an enumeration's title, for its clause). */
  enclosing: readonly ResolvedReference[] = [],
): Finding[] {
  const findings: Finding[] = [];
  if (!refs.length && !bare.length && !enclosing.length) return findings; // nothing cited: nothing quoted from a task (most blocks)
  for (const scope of scopes) {
    // the scope's text, not the paragraph's, is looked at: a long table is called once per row
    const unit = text.slice(scope.start, scope.end);
    if (!QUOTE_MARK.test(unit)) continue;
    // the tasks cited, and those of the bare numbers their heading or sentence settles (第12项 under 二、表1任务落实)
    let tasks = refs.filter((r) => r.ref.start >= scope.start && r.ref.end <= scope.end).flatMap((r) => r.tasks).concat(settledTasks(bare, scope));
    if (!tasks.length) tasks = enclosing.flatMap((r) => r.tasks);
    if (!tasks.length) continue;
    let judged = judgedByIndex.get(index);
    if (!judged) judgedByIndex.set(index, (judged = new Map()));
    const ids = tasks.map((t) => t.id).join(',');
    // exec on the shared pattern (matchAll would copy it); nothing in the loop uses it
    QUOTE.lastIndex = 0;
    for (let m = QUOTE.exec(unit); m !== null; m = QUOTE.exec(unit)) {
      const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
      const innerStart = scope.start + m.index + 1;
      const key = ids + '|' + msg.replaceQuote + '|' + inner;
      let verdict = judged.get(key);
      if (verdict === undefined) {
        verdict = judgeQuote(inner, 0, tasks, index, msg) ?? null;
        if (judged.size > 2000) judged.clear();
        judged.set(key, verdict);
      }
      if (verdict) findings.push(shiftFinding(verdict, innerStart));
    }
  }
  return findings;
}

/** The quantities of each source text (a task's table and body wording), found once. */
const sourceQuantities = new Map<string, QuantityPhrase[]>();

/** Whether a quotation is a text's own words but for the form of its numbers (经过三年试点 for 经过3年试点). */
export function exactButNumberForms(inner: string, original: string): boolean {
  const numbers = inSourceNumberForms(inner, findQuantities(inner), original);
  if (numbers === inner) return false;
  const same = normalize(numbers).text;
  const source = normalize(original).text;
  return source.includes(same) || alignQuote(same, source).distance === 0;
}

/**
 * A quotation with each number written as the source writes the same quantity (百分之六十七 → 67%), if any differ;
 * `quoted`: the quotation's quantities (found once for all the sources it is held against).
 */
function inSourceNumberForms(inner: string, quoted: readonly QuantityPhrase[], original: string): string {
  if (!quoted.length) return inner;
  let inSource = sourceQuantities.get(original);
  if (!inSource) sourceQuantities.set(original, (inSource = findQuantities(original)));
  let out = inner;
  for (let i = quoted.length - 1; i >= 0; i--) {
    const q = quoted[i];
    const written = inner.slice(q.valueStart, q.valueEnd);
    const s = inSource.find((x) => sameQuantity(x, q));
    const form = s && original.slice(s.valueStart, s.valueEnd);
    if (form && form !== written) out = out.slice(0, q.valueStart) + form + out.slice(q.valueEnd);
  }
  return out;
}

function judgeQuote(inner: string, innerStart: number, tasks: Task[], index: TaskIndex, msg: Messages): Finding | undefined {
  const quote = normalize(inner);
  if (quote.text.length < 6) return undefined;
  let best: { task: Task; source: Normalized; original: string; a: Alignment } | undefined;
  // exact pieces of the source with runs of it left out between them, and no …… to say so: in two pieces, else in more
  let abridged: { task: Task; source: Normalized; original: string; pieces: Piece[] } | undefined;
  let pieced: typeof abridged;
  let quoted: QuantityPhrase[] | undefined;
  for (const task of tasks) {
    for (const original of [task.text, task.bodyText].filter((x): x is string => !!x)) {
      const source = normalize(original);
      if (source.text.includes(quote.text)) return undefined; // an exact quotation of the table or the body wording
      // most quotations are far from a task or exact: only a close one is worth the alignment
      if (!mayBeClose(quote.text, source.text)) continue;
      // exact but for the form of a number (百分之六十七 for 67%, 五年 for 5年): the same words, not a misquotation
      const numbers = inSourceNumberForms(inner, (quoted ??= findQuantities(inner)), original);
      if (numbers !== inner) {
        const same = normalize(numbers).text;
        if (source.text.includes(same) || alignQuote(same, source.text).distance === 0) return undefined;
      }
      const a = alignQuote(quote.text, source.text);
      if (a.distance === 0) return undefined; // an exact quotation of the table or the body wording (omissions marked)
      const two = abridged ? undefined : unmarkedOmission(quote.text, source.text);
      if (two) abridged = { task, source, original, pieces: two };
      const more = abridged || pieced ? undefined : unmarkedOmissions(quote.text, source.text);
      if (more) pieced = { task, source, original, pieces: more };
      if (!best || a.distance < best.a.distance || (a.distance === best.a.distance && original === task.text && best.original !== task.text)) {
        best = { task, source, original, a };
      }
    }
  }
  const omission = abridged ?? pieced;
  if (omission) {
    const { task, source, original, pieces } = omission;
    const at = (k: number) => source.map[k];
    const last = pieces[pieces.length - 1];
    const exact = nestedQuotes(original.slice(at(pieces[0].source), at(last.source + last.length - 1) + 1));
    // the runs left out as the source writes them (the pieces were found in its normalized form)
    const omitted = pieces.slice(1).map((p, k) => nestedQuotes(original.slice(at(pieces[k].source + pieces[k].length), at(p.source))));
    // the second fix marks the omission: …… where the one run was, or the pieces written with …… between them
    const junction = innerStart + quote.map[pieces[1].quote];
    const mark = pieces.length === 2
      ? { start: junction, end: junction, newText: '……' }
      : { start: innerStart, end: innerStart + inner.length, newText: pieces.map((p) => inner.slice(quote.map[p.quote], quote.map[p.quote + p.length])).join('……') };
    return {
      start: innerStart,
      end: innerStart + inner.length,
      code: 'misquote',
      severity: 'warning',
      message: msg.misquoteOmitted(formatReference(task), omitted, exact),
      related: [relatedTask(index, task, msg)],
      fixes: [
        { title: msg.replaceQuote, start: innerStart, end: innerStart + inner.length, newText: exact, preferred: true },
        { title: msg.markOmission, ...mark },
      ],
    };
  }
  const finding = (task: Task, exact: string): Finding => ({
    start: innerStart,
    end: innerStart + inner.length,
    code: 'misquote',
    severity: 'warning',
    message: msg.misquote(formatReference(task), quotationDifferences(inner, exact, msg), exact),
    related: [relatedTask(index, task, msg)],
    fixes: [{ title: msg.replaceQuote, start: innerStart, end: innerStart + inner.length, newText: exact, preferred: true }],
  });
  if (!best || best.a.distance > MAX_DIFFERENCE * quote.text.length) {
    // a task's whole text with words added after it inside the quotation marks (“支持……租赁业务，推动建设……平台”): a
    // quotation of the task, however many words were added
    const whole = tasks.find((t) => {
      const own = normalize(t.text).text.replace(TASK_END, '');
      return own.length >= MIN_WHOLE && quote.text.length > own.length && quote.text.startsWith(own);
    });
    if (whole) return finding(whole, nestedQuotes(whole.text));
    // a task's words in another order (a list reordered inside the quotation marks): too far apart by edits
    const texts = tasks.map((t) => normalizedText(t.text));
    const reordered = reorderedIn(quote.text, texts);
    return reordered && finding(tasks[texts.indexOf(reordered.text)], nestedQuotes(reordered.exact));
  }
  // the source wording: the table's text over the matched window (use the table text even when the body matched better)
  const tableSource = normalize(best.task.text);
  // the window the quotation covers, its numbers read as the source writes them (…不低于百分之六十七 covers 67%)
  const numbers = normalize(inSourceNumberForms(inner, (quoted ??= findQuantities(inner)), best.task.text)).text;
  const window = numbers !== quote.text
    ? quotedWindow(numbers, tableSource.text, alignQuote(numbers, tableSource.text))
    : quotedWindow(quote.text, tableSource.text, best.original === best.task.text ? best.a : alignQuote(quote.text, tableSource.text));
  return finding(best.task, nestedQuotes(best.task.text.slice(tableSource.map[window.start], tableSource.map[window.end - 1] + 1)));
}
