// misquote: quoted text next to a reference that is close to the cited task's text but not equal to it.
import { Finding, shiftFinding } from '../findings';
import { Messages } from '../messages';
import { Scope } from '../scopes';
import { formatReference, ResolvedReference, TaskIndex } from '../taskIndex';
import { squash, toHalfWidth } from '../text';
import { relatedTask } from './related';
import { Task } from '../types';

const QUOTE_MARK = /[“「『‘"]/;
const QUOTE = /“([^“”\n]{6,600})”|「([^「」\n]{6,600})」|『([^『』\n]{6,600})』|‘([^‘’\n]{6,600})’|"([^"\n]{6,600})"/g;
/** At most this share of the quotation may differ for it to count as a quotation of the task. */
const MAX_DIFFERENCE = 0.3;

interface Normalized {
  text: string;
  /** index in `text` → index in the original */
  map: number[];
}

function normalize(s: string): Normalized {
  const half = toHalfWidth(s);
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < half.length; i++) {
    if (/\s/.test(half[i])) continue;
    text += half[i];
    map.push(i);
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

/** Semi-global edit distance: the quote against its best-matching window of the source. Two rolling typed rows. */
export function alignQuote(quote: string, source: string): Alignment {
  const n = quote.length;
  const m = source.length;
  let prev = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prevStart[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    curStart[0] = 0;
    const q = quote.charCodeAt(i - 1);
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
  let best = { distance: Infinity, start: 0, end: 0 };
  for (let j = 0; j <= m; j++) if (prev[j] < best.distance) best = { distance: prev[j], start: prevStart[j], end: j };
  return best;
}

/** The differences between a quotation and the source window, in words for the message. */
export function describeDifferences(quote: string, source: string, msg: Messages, limit = 3): string {
  const n = quote.length;
  const m = source.length;
  // one flat table: d(i, j) = table[i * w + j]
  const w = m + 1;
  const table = new Int32Array((n + 1) * w);
  for (let j = 0; j <= m; j++) table[j] = j;
  for (let i = 1; i <= n; i++) {
    table[i * w] = i;
    for (let j = 1; j <= m; j++) {
      const sub = table[(i - 1) * w + j - 1] + (quote.charCodeAt(i - 1) === source.charCodeAt(j - 1) ? 0 : 1);
      table[i * w + j] = Math.min(sub, table[(i - 1) * w + j] + 1, table[i * w + j - 1] + 1);
    }
  }
  const d = (i: number, j: number) => table[i * w + j];
  // walk back one character at a time, then group the edits between unchanged characters into runs
  const steps: { same: boolean; from: string; to: string }[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d(i, j) === d(i - 1, j - 1) + (quote[i - 1] === source[j - 1] ? 0 : 1)) {
      steps.push({ same: quote[i - 1] === source[j - 1], from: source[j - 1], to: quote[i - 1] });
      i--;
      j--;
    } else if (j > 0 && d(i, j) === d(i, j - 1) + 1) {
      steps.push({ same: false, from: source[j - 1], to: '' });
      j--;
    } else {
      steps.push({ same: false, from: '', to: quote[i - 1] });
      i--;
    }
  }
  steps.reverse();
  const runs: { from: string; to: string }[] = [];
  let open: { from: string; to: string } | undefined;
  for (const step of steps) {
    if (step.same) {
      open = undefined;
      continue;
    }
    if (!open) runs.push((open = { from: '', to: '' }));
    open.from += step.from;
    open.to += step.to;
  }
  const words = runs.slice(0, limit).map((r) => (!r.to ? msg.diffMissing(r.from) : !r.from ? msg.diffExtra(r.to) : msg.diffChanged(r.from, r.to)));
  if (runs.length > limit) words.push('…');
  return words.join('；');
}

/** Could `quote` be within MAX_DIFFERENCE edits of a window of `source`? A cheap bound on shared bigrams. */
function mayBeClose(quote: string, source: string): boolean {
  if (quote.length < 2) return false;
  let shared = 0;
  for (let i = 0; i < quote.length - 1; i++) if (source.includes(quote.slice(i, i + 2))) shared++;
  // each edit spoils at most two of the quotation's bigrams
  return shared >= quote.length - 1 - 2 * Math.ceil(MAX_DIFFERENCE * quote.length);
}

/** Per index, the verdict on a quotation of some tasks, at offset 0 (the same quotation recurs across a long plan). */
const judgedByIndex = new WeakMap<TaskIndex, Map<string, Finding | null>>();

export function checkMisquotes(text: string, scopes: Scope[], refs: ResolvedReference[], index: TaskIndex, msg: Messages): Finding[] {
  const findings: Finding[] = [];
  if (!refs.length) return findings; // nothing cited: nothing quoted from a task (most blocks)
  for (const scope of scopes) {
    // the scope's text, not the paragraph's, is looked at: a long table is called once per row
    const unit = text.slice(scope.start, scope.end);
    if (!QUOTE_MARK.test(unit)) continue;
    const tasks = refs.filter((r) => r.ref.start >= scope.start && r.ref.end <= scope.end).flatMap((r) => r.tasks);
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

function judgeQuote(inner: string, innerStart: number, tasks: Task[], index: TaskIndex, msg: Messages): Finding | undefined {
  const quote = normalize(inner);
  if (quote.text.length < 6) return undefined;
  let best: { task: Task; source: Normalized; original: string; a: Alignment } | undefined;
  for (const task of tasks) {
    for (const original of [task.text, task.bodyText].filter((x): x is string => !!x)) {
      const source = normalize(original);
      if (source.text.includes(quote.text)) return undefined; // an exact quotation of the table or the body wording
      // most quotations are far from a task or exact: only a close one is worth the alignment
      if (!mayBeClose(quote.text, source.text)) continue;
      const a = alignQuote(quote.text, source.text);
      if (a.distance === 0) return undefined; // an exact quotation of the table or the body wording
      if (!best || a.distance < best.a.distance || (a.distance === best.a.distance && original === task.text && best.original !== task.text)) {
        best = { task, source, original, a };
      }
    }
  }
  if (!best || best.a.distance > MAX_DIFFERENCE * quote.text.length) return undefined;
  // the source wording: the table's text over the matched window (use the table text even when the body matched better)
  const tableSource = normalize(best.task.text);
  const window = best.original === best.task.text ? best.a : alignQuote(quote.text, tableSource.text);
  const exact = best.task.text.slice(tableSource.map[window.start], tableSource.map[window.end - 1] + 1);
  const ref = formatReference(best.task);
  const diff = describeDifferences(squash(inner), squash(exact), msg);
  return {
    start: innerStart,
    end: innerStart + inner.length,
    code: 'misquote',
    severity: 'warning',
    message: msg.misquote(ref, diff, exact),
    related: [relatedTask(index, best.task, msg)],
    fixes: [{ title: msg.replaceQuote, start: innerStart, end: innerStart + inner.length, newText: exact, preferred: true }],
  };
}
