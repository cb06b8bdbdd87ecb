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

const isCjkCode = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isLatinCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** A gram's key: a CJK bigram as a number (two code units), a Latin token as its string. */
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
  visitGrams(text, (key, start, end) => out.push({ key, start, end }));
  return out;
}

/** gramsOf without the list: each gram's key and offsets in turn (scoring runs for every sentence of a plan). */
function visitGrams(text: string, visit: (key: GramKey, start: number, end: number) => void): void {
  const s = toHalfWidth(text).toLowerCase();
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i);
    if (isCjkCode(c)) {
      if (i + 1 < n && isCjkCode(s.charCodeAt(i + 1))) visit(c * 65536 + s.charCodeAt(i + 1), i, i + 2);
      i++;
    } else if (isLatinCode(c)) {
      let j = i;
      let letter = false;
      for (; j < n && isLatinCode(s.charCodeAt(j)); j++) if (s.charCodeAt(j) >= 97) letter = true;
      if (j - i >= 2 && letter) visit(s.slice(i, j), i, j);
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

export class TaskMatcher {
  /** Per task, the sum of the weights of its grams (for the share of a task a span covers). */
  private readonly taskWeight: Float64Array;
  private readonly order = new Map<string, number>();
  /** Each task's text and body wording as grams are read (half-width, lower case), for explanations. */
  private readonly folded: string[];
  /** gram → the tasks whose text (or body wording) holds it and its weight, ln(N / df) (0 for a gram every task has) */
  private readonly entries = new Map<GramKey, GramEntry>();
  /** Bumped by each scoring: a gram entry whose `counted` equals it was counted already. */
  private scoring = 0;
  /** The last text scored and its scores: a reference is judged by scoreOf and then match on the same words. */
  private last?: { text: string; scores: Float64Array };

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
    for (const [key, list] of lists) {
      const weight = Math.log(n / list.length);
      this.entries.set(key, { list: Int32Array.from(list), weight, counted: 0 });
      for (const i of list) this.taskWeight[i] += weight;
    }
  }


  /** Per task (by index), the summed weight of the distinct grams it shares with `text`. Read-only: it may be re-used. */
  private scores(text: string): Float64Array {
    if (this.last && this.last.text === text) return this.last.scores;
    const scores = new Float64Array(this.tasks.length);
    const scoring = ++this.scoring;
    visitGrams(text, (key) => {
      const e = this.entries.get(key);
      if (!e || e.counted === scoring) return;
      e.counted = scoring;
      const { list, weight } = e;
      for (let k = 0; k < list.length; k++) scores[list[k]] += weight;
    });
    this.last = { text, scores };
    return scores;
  }

  /** The score of every task for `text`, in the order of the tasks the matcher was built from. */
  scoreAll(text: string): Float64Array {
    return this.scores(text).slice(); // a copy: the scores are kept for the next call on the same text
  }

  /** The tasks `text` is about, best first (ties in index order), at most `limit`; only tasks with a positive score. */
  match(text: string, limit = 5): TopicMatch[] {
    const scores = this.scores(text);
    const order: number[] = [];
    for (let i = 0; i < scores.length; i++) if (scores[i] > 0) order.push(i);
    order.sort((a, b) => scores[b] - scores[a] || a - b);
    return order.slice(0, limit).map((i) => ({ task: this.tasks[i], score: scores[i] }));
  }

  /** The score of each of the given tasks for `text` (0 for a task this matcher does not know). */
  scoreOf(text: string, taskIds: readonly string[]): number[] {
    const scores = this.scores(text);
    return taskIds.map((id) => {
      const i = this.order.get(id);
      return i === undefined ? 0 : scores[i];
    });
  }

  /** How much topic `text` carries at all: the summed weight of its distinct grams that some task has. */
  contentOf(text: string): number {
    let total = 0;
    const scoring = ++this.scoring;
    visitGrams(text, (key) => {
      const e = this.entries.get(key);
      if (!e || e.counted === scoring) return; // a gram no task has weighs nothing
      e.counted = scoring;
      total += e.weight;
    });
    return total;
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
