// The matcher: which tasks a span of plan text is about. Every task of every loaded source is scored against the
// span by the character bigrams of Chinese (and the Latin tokens: IPv6, REITs, QFLP) the two share, each weighted by
// how few tasks carry it, so that 数字人民币 or 私募基金管理人 decide and 支持, 推动, 试点 or 广州市 hardly count. It is
// built from the task texts alone: nothing here names a task, a domain or a place of any source.
import { toHalfWidth } from './text';
import { Task } from './types';

export interface TopicMatch {
  task: Task;
  /** Sum of the weights of the grams the span and the task share. */
  score: number;
}

export interface TopicExplanation {
  score: number;
  /** The runs of the span's own text that the task shares, heaviest first. */
  terms: string[];
}

const isLatinCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** The CJK characters grams are read from (U+3400–U+9FFF, U+F900–U+FAFF), numbered 0…CJK_COUNT-1; -1 for others. */
const CJK_COUNT = 0x6c00 + 0x200;
const cjkIndex = (c: number) => (c >= 0x3400 && c <= 0x9fff ? c - 0x3400 : c >= 0xf900 && c <= 0xfaff ? c - 0xf900 + 0x6c00 : -1);

/**
 * A character as grams read it: half-width (as toHalfWidth) and lower case. For one code unit, toLowerCase turns
 * only A–Z and the Kelvin sign (into k) into a letter or digit, and nothing into CJK; İ, which it turns into two
 * code units, is handled by the caller.
 */
function foldCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x212a) return 107;
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * A gram's key: a CJK bigram as a number (the two characters' indices, below 2^30 so that V8 keeps it a small
 * integer and a look-up allocates nothing), a Latin token as its string.
 */
type GramKey = number | string;

interface Gram {
  key: GramKey;
  /** Offsets of the gram in the text it was read from. */
  start: number;
  end: number;
}

/**
 * The grams of a text: each pair of adjacent CJK characters, and each Latin token of at least two characters that
 * holds a letter (ipv6, reits; a number alone is a date or an amount, not a topic). Offsets are those of `text`:
 * half-width folding keeps every character's place.
 */
function gramsOf(text: string): Gram[] {
  const out: Gram[] = [];
  visitGrams(text, (key, start, end) => {
    out.push({ key, start, end });
  });
  return out;
}

/**
 * gramsOf without the list: each gram's key and offsets in turn (scoring runs for every sentence of a plan), until
 * `visit` returns true. The text is read as toHalfWidth(text).toLowerCase() but folded a character at a time,
 * without that copy; a text with İ is copied so, since lower case lengthens it and the offsets are those of the copy.
 */
function visitGrams(text: string, visit: (key: GramKey, start: number, end: number) => boolean | void): void {
  const s = text.includes('\u0130') ? toHalfWidth(text).toLowerCase() : text;
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = foldCode(s.charCodeAt(i));
    const a = cjkIndex(c);
    if (a >= 0) {
      const b = i + 1 < n ? cjkIndex(s.charCodeAt(i + 1)) : -1;
      if (b >= 0 && visit(a * CJK_COUNT + b, i, i + 2) === true) return;
      i++;
    } else if (isLatinCode(c)) {
      let j = i;
      let letter = false;
      let folded = false; // a character of the token is not yet a lower-case ASCII letter or digit
      for (; j < n; j++) {
        const raw = s.charCodeAt(j);
        const d = foldCode(raw);
        if (!isLatinCode(d)) break;
        if (d >= 97) letter = true;
        if (d !== raw) folded = true;
      }
      if (j - i >= 2 && letter && visit(folded ? toHalfWidth(s.slice(i, j)).toLowerCase() : s.slice(i, j), i, j) === true) return;
      i = j;
    } else i++;
  }
}

/** A gram some task has: the tasks that have it, its weight, and the last scoring that counted it (for distinctness). */
interface GramEntry {
  list: Int32Array;
  weight: number;
  counted: number;
}

/**
 * CJK bigram keys (small non-negative integers) → values, by open addressing over a power-of-two table at most half
 * full: scoring looks up every pair of adjacent characters of a plan, and that look-up in a Map cost more than the
 * rest of the scoring.
 */
class BigramTable<T> {
  /** key + 1 by slot; 0 marks an empty slot (which ends a probe). */
  private readonly keys: Int32Array;
  private readonly values: (T | undefined)[];
  private readonly shift: number;

  constructor(entries: readonly (readonly [number, T])[]) {
    let bits = 4;
    while (1 << bits < 2 * entries.length) bits++;
    this.shift = 32 - bits;
    this.keys = new Int32Array(1 << bits);
    this.values = new Array<T | undefined>(1 << bits).fill(undefined);
    const mask = this.keys.length - 1;
    for (const [key, value] of entries) {
      let i = this.slot(key);
      while (this.keys[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = key + 1;
      this.values[i] = value;
    }
  }

  /** The first slot to probe: the top bits of a multiplicative (Fibonacci) hash. */
  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  get(key: number): T | undefined {
    const mask = this.keys.length - 1;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const k = this.keys[i];
      if (k === key + 1) return this.values[i];
      if (k === 0) return undefined;
    }
  }
}

export class TaskMatcher {
  /** Per task, the sum of the weights of its grams (for the share of a task a span covers). */
  private readonly taskWeight: Float64Array;
  private readonly order = new Map<string, number>();
  /** Each task's text and body wording as grams are read (half-width, lower case), for explanations. */
  private readonly folded: string[];
  /** gram → the tasks whose text (or body wording) holds it and its weight, ln(N / df) (0 for a gram every task has) */
  private readonly entries = new Map<GramKey, GramEntry>();
  /** The entries of the CJK bigrams, for the look-ups of scoring (see entryOf). */
  private readonly bigrams: BigramTable<GramEntry>;
  /** Bumped by each scoring: a gram entry whose `counted` equals it was counted already. */
  private scoring = 0;
  /** The distinct grams with an entry of the text being scored, in the order they occur (reused by every scoring). */
  private readonly found: GramEntry[] = [];
  /** The summed weight of `found`, added in its order, and the sum at which collecting stops (see hasContent). */
  private foundWeight = 0;
  private stopAt = Infinity;
  /** Collects a gram into `found`: made once, so that scoring a text allocates no closure. True to stop. */
  private readonly collect: (key: GramKey) => boolean;
  /** The scores of the last text scored, reused: a reference is judged by scoreOf and then match on the same words. */
  private readonly buffer: Float64Array;
  private lastText?: string;
  /** The tasks with a positive score in `buffer`, in no particular order: all others are 0. */
  private readonly scored: number[] = [];

  /**
   * `neutral`: words whose grams say nothing of a span's topic though few tasks have them — the form of a threshold
   * (中方股比不低于, 外资股比不超过) is the same whichever task it is written for.
   */
  constructor(readonly tasks: readonly Task[], neutral: readonly string[] = []) {
    const ignored = new Set<GramKey>();
    for (const w of neutral) for (const g of gramsOf(w)) ignored.add(g.key);
    const lists = new Map<GramKey, number[]>();
    tasks.forEach((task, i) => {
      this.order.set(task.id, i);
      const seen = new Set<GramKey>();
      for (const text of [task.text, task.bodyText ?? '']) for (const g of gramsOf(text)) if (!ignored.has(g.key)) seen.add(g.key);
      for (const key of seen) {
        let list = lists.get(key);
        if (!list) lists.set(key, (list = []));
        list.push(i);
      }
    });
    this.folded = tasks.map((t) => toHalfWidth(t.text + '|' + (t.bodyText ?? '')).toLowerCase());
    const n = Math.max(1, tasks.length);
    this.taskWeight = new Float64Array(tasks.length);
    this.buffer = new Float64Array(tasks.length);
    for (const [key, list] of lists) {
      const weight = Math.log(n / list.length);
      this.entries.set(key, { list: Int32Array.from(list), weight, counted: 0 });
      for (const i of list) this.taskWeight[i] += weight;
    }
    const bigrams: [number, GramEntry][] = [];
    for (const [key, e] of this.entries) if (typeof key === 'number') bigrams.push([key, e]);
    this.bigrams = new BigramTable(bigrams);
    this.collect = (key) => {
      const e = this.entryOf(key);
      if (!e || e.counted === this.scoring) return false; // a gram no task has weighs nothing
      e.counted = this.scoring;
      this.found.push(e);
      return (this.foundWeight += e.weight) >= this.stopAt;
    };
  }

  /** The entry of a gram: entries.get(key), a bigram's from the table. */
  private entryOf(key: GramKey): GramEntry | undefined {
    return typeof key === 'number' ? this.bigrams.get(key) : this.entries.get(key);
  }

  /**
   * The distinct grams of `text` that some task has, into `found`, in the order they first occur, and their summed
   * weight into `foundWeight`; it stops at the gram that brings that sum to `stopAt`.
   */
  private collectGrams(text: string, stopAt = Infinity): GramEntry[] {
    this.found.length = 0;
    this.foundWeight = 0;
    this.stopAt = stopAt;
    this.scoring++;
    visitGrams(text, this.collect);
    return this.found;
  }

  /** Per task (by index), the summed weight of the distinct grams it shares with `text`. Read-only: it is re-used. */
  private scores(text: string): Float64Array {
    const scores = this.buffer;
    if (this.lastText === text) return scores;
    const scored = this.scored;
    for (const i of scored) scores[i] = 0;
    scored.length = 0;
    // each task's weights are added in the order of the text's grams, as ever: the sums stay bit for bit the same
    for (const { list, weight } of this.collectGrams(text)) {
      if (weight === 0) continue; // a gram every task has adds nothing to any
      for (let k = 0; k < list.length; k++) {
        const i = list[k];
        if (scores[i] === 0) scored.push(i);
        scores[i] += weight;
      }
    }
    this.lastText = text;
    return scores;
  }

  /** The score of every task for `text`, in the order of the tasks the matcher was built from. */
  scoreAll(text: string): Float64Array {
    return this.scores(text).slice(); // a copy: the scores are kept for the next call on the same text
  }

  /** The tasks `text` is about, best first (ties in index order), at most `limit`; only tasks with a positive score. */
  match(text: string, limit = 5): TopicMatch[] {
    const scores = this.scores(text);
    // the best `limit` of the tasks with a score, by insertion: higher score first, then lower index (what a stable
    // sort of every positive score would give, at more cost)
    const before = (i: number, j: number) => scores[i] > scores[j] || (scores[i] === scores[j] && i < j);
    const best: number[] = [];
    for (const i of this.scored) {
      if (best.length >= limit && !before(i, best[best.length - 1])) continue;
      let at = best.length;
      while (at > 0 && before(i, best[at - 1])) at--;
      best.splice(at, 0, i);
      if (best.length > limit) best.pop();
    }
    return best.map((i) => ({ task: this.tasks[i], score: scores[i] }));
  }

  /** The score of each of the given tasks for `text` (0 for a task this matcher does not know). */
  scoreOf(text: string, taskIds: readonly string[]): number[] {
    const scores = this.scores(text);
    return taskIds.map((id) => {
      const i = this.order.get(id);
      return i === undefined ? 0 : scores[i];
    });
  }

  /**
   * What `text` shares with task `a` and not with task `b`, and with `b` and not `a`: the summed weights of its distinct
   * grams that one of the two tasks has and the other does not (twin tasks, written to one pattern, share the rest).
   * `besides`: tasks whose grams `a` does not count as its own either (the other tasks a span cites with it).
   */
  contrast(text: string, a: string, b: string, besides: readonly string[] = []): { onlyA: number; onlyB: number } {
    const i = this.order.get(a);
    const j = this.order.get(b);
    let onlyA = 0;
    let onlyB = 0;
    if (i === undefined || j === undefined) return { onlyA, onlyB };
    const others = besides.map((id) => this.order.get(id)).filter((k): k is number => k !== undefined && k !== i);
    for (const e of this.collectGrams(text)) {
      const inA = includes(e.list, i);
      if (inA !== includes(e.list, j)) {
        if (!inA) onlyB += e.weight;
        else if (!others.some((k) => includes(e.list, k))) onlyA += e.weight;
      }
    }
    // collectGrams re-used the buffer of found grams, not the scores: the scores of the last text stay valid
    return { onlyA, onlyB };
  }

  /** How much topic `text` carries at all: the summed weight of its distinct grams that some task has. */
  contentOf(text: string): number {
    this.collectGrams(text);
    return this.foundWeight;
  }

  /**
   * Whether contentOf(text) >= min, reading only as far as needed: the weights are never negative, so the running
   * sum (added in the same order) only grows, and once it reaches `min` the whole sum does too.
   */
  hasContent(text: string, min: number): boolean {
    if (0 >= min) return true; // (an empty sum reaches it)
    this.collectGrams(text, min);
    return this.foundWeight >= min;
  }

  /** The summed weight of all of a task's grams: what a span would score that covered the whole task. */
  fullScore(taskId: string): number {
    const i = this.order.get(taskId);
    return i === undefined ? 0 : this.taskWeight[i];
  }

  /** Why `text` scores what it does for a task: the runs of `text` it shares with the task, heaviest first. */
  explain(text: string, taskId: string, limit = 6): TopicExplanation {
    const i = this.order.get(taskId);
    if (i === undefined) return { score: 0, terms: [] };
    const runs: { start: number; end: number; weight: number }[] = [];
    const counted = new Set<GramKey>();
    let score = 0;
    const folded = toHalfWidth(text).toLowerCase();
    for (const g of gramsOf(text)) {
      const e = this.entries.get(g.key);
      // a gram without weight (支持, 试点) still joins the words around it into one term when the task has it
      const shared = e ? includes(e.list, i) : this.folded[i].includes(folded.slice(g.start, g.end));
      if (!shared) continue;
      const w = e ? e.weight : 0;
      if (!counted.has(g.key)) {
        counted.add(g.key);
        score += w;
      }
      const last = runs[runs.length - 1];
      if (last && g.start < last.end) {
        last.end = Math.max(last.end, g.end);
        last.weight += w;
      } else runs.push({ start: g.start, end: g.end, weight: w });
    }
    const terms: string[] = [];
    for (const r of runs.filter((r) => r.weight > 1).sort((a, b) => b.weight - a.weight || a.start - b.start)) {
      const term = text.slice(r.start, r.end);
      if (!terms.includes(term)) terms.push(term);
      if (terms.length >= limit) break;
    }
    return { score, terms };
  }
}

function includes(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
