// reversed-wording: a sentence that copies the text of a task it cites (or an item that restates one uncited) word for
// word but for one word that says the opposite: 探索文化企业贷款“黑名单”制度 where the task has “白名单”, 禁止 for 允许,
// a 不 or 非 put in or left out (支持区内符合条件的金融企业 for the task's 非金融企业); or two of its words swapped, all else
// the same (探索以保证金方式取代保险 for 探索以保险方式取代保证金: swapsIn). It reads like the task, so a reviewer
// passes over it. The words are data (data/opposite-terms.json). A word counts only inside text copied from the task —
// at least MIN_COPIED of the task's characters around it, as they stand there — so a plan's own sentence is never
// judged by a word it shares with its task; a quotation is misquote's, a threshold's comparator threshold-mismatch's.
import data from '../../../../data/opposite-terms.json';
import { settledTasks } from '../bareNumbers';
import { Finding } from '../findings';
import { Block } from '../planModel';
import { formatReference } from '../taskIndex';
import { halfWidthCode } from '../text';
import { Task } from '../types';
import { QUOTE } from './misquote';
import { CheckRun } from './registry';
import { relatedTask } from './related';
import { enclosingItem } from '../scopes';
import { statusLabelEnd } from '../topics';

/** The task's characters, on both sides of the word together, that the plan must have copied around it. */
export const MIN_COPIED = 8;
/** A side with fewer copied characters than this must end where a word does (a mark, a space, the text's end). */
const MIN_SIDE = 2;
/** The source's clause shown in the message, at most this long (a window around the word beyond it). */
const MAX_CLAUSE = 60;

/** Each pair both ways: the task's word, then the plan's. */
const OPPOSITES: readonly (readonly [string, string])[] = data.pairs.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]);
const NEGATORS: readonly string[] = [...data.negators].sort((a, b) => b.length - a.length);
const COMPARATOR = new RegExp(`^(?:${data.comparators.join('|')})`);
/** Any word of a pair or negator, longest first: a block without one is not looked at further. */
const ANY_WORD = new RegExp([...new Set([...data.pairs.flat(), ...NEGATORS])].sort((a, b) => b.length - a.length).join('|'));
/** misquote's quotations (a pattern of its own: matchAll starts a copy at the pattern's lastIndex, which misquote moves). */
const QUOTED = new RegExp(QUOTE.source, 'g');
const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9０-９%％]/;
const CLAUSE_END = /[，。；：！？,;:!?]/;

/** A word of the plan that reverses the task's, offsets into the block's text. */
interface Flip {
  start: number;
  end: number;
  /** What the plan writes over [start, end), and what the task writes in its place. */
  written: string;
  source: string;
  task: Task;
  original: string;
  /** Where the task's word stands in `original`. */
  at: number;
  /** Two words of the task that the plan swapped (written = a…b where the task has b…a): the plan's first and last. */
  swapped?: readonly [string, string];
}

/**
 * The lengths of the words of a pair that a[i..) and b[j..) open with (a's the plan's, b's the task's), or of the pair
 * that a[..i) and b[..j) end with (`ending`): a copy whose other word is reversed too (two words swapped, 境内…可视同境外…
 * for 境外…可视同境内…) is still a copy around each.
 */
function pairAt(a: string, i: number, b: string, j: number, ending: boolean): readonly [number, number] | undefined {
  for (const [theirs, ours] of OPPOSITES) {
    const found = ending ? a.endsWith(ours, i) && b.endsWith(theirs, j) : a.startsWith(ours, i) && b.startsWith(theirs, j);
    if (found) return [ours.length, theirs.length];
  }
  return undefined;
}

/**
 * Whether two characters are one, written full-width or half-width: a plan typed with half-width marks (`(仅限应用商店,`)
 * copies the task's `（仅限应用商店，` all the same.
 */
function sameWidth(x: number, y: number): boolean {
  return x === y || halfWidthCode(x) === halfWidthCode(y);
}

/** Quotation marks: a copy may put them in or leave them out around a word of the task's. */
const QUOTE_MARKS = new Set(['“', '”', '‘', '’', '「', '」', '『', '』', '"', "'"]);

/** How many characters a[..i) and b[..j) share at their ends, a reversed pair between them counted as shared. */
function sharedBefore(a: string, i: number, b: string, j: number): number {
  let k = 0;
  for (;;) {
    while (i > 0 && j > 0 && sameWidth(a.charCodeAt(i - 1), b.charCodeAt(j - 1))) i--, j--, k++;
    // a quotation mark one of them has and the other not (贷款黑名单制度 for the task's 贷款“白名单”制度): no copied word
    if (i > 0 && j > 0 && QUOTE_MARKS.has(a[i - 1])) {
      i--, k++;
      continue;
    }
    if (i > 0 && j > 0 && QUOTE_MARKS.has(b[j - 1])) {
      j--;
      continue;
    }
    const pair = i > 0 && j > 0 ? pairAt(a, i, b, j, true) : undefined;
    if (!pair) return k;
    i -= pair[0];
    j -= pair[1];
    k += pair[0];
  }
}

/** How many characters a[i..) and b[j..) share at their starts, a reversed pair between them counted as shared. */
function sharedAfter(a: string, i: number, b: string, j: number): number {
  let k = 0;
  for (;;) {
    while (i < a.length && j < b.length && sameWidth(a.charCodeAt(i), b.charCodeAt(j))) i++, j++, k++;
    if (i < a.length && j < b.length && QUOTE_MARKS.has(a[i])) {
      i++, k++;
      continue;
    }
    if (i < a.length && j < b.length && QUOTE_MARKS.has(b[j])) {
      j++;
      continue;
    }
    const pair = i < a.length && j < b.length ? pairAt(a, i, b, j, false) : undefined;
    if (!pair) return k;
    i += pair[0];
    j += pair[1];
    k += pair[0];
  }
}

/** The words of degree or pace a plan may put before a reversed word (data), longest first. */
const MODIFIERS: readonly string[] = [...data.modifiers].sort((a, b) => b.length - a.length);

/** An enumeration's clause label right before a word (二是限制…): where the clause opens. */
const CLAUSE_LABEL = /[一二三四五六七八九十]{1,3}是$/;

/** The last characters of the modifiers and of a clause's label (是): a word before another is none of them but for one. */
const MODIFIER_LAST = new Set([...MODIFIERS.map((m) => m[m.length - 1]), '是']);

/** The modifier s[..at) ends with, or the label of an enumeration's clause, if any. */
function modifierBefore(s: string, at: number): string | undefined {
  if (!MODIFIER_LAST.has(s[at - 1])) return undefined;
  for (const m of MODIFIERS) if (s.endsWith(m, at)) return m;
  return CLAUSE_LABEL.exec(s.slice(Math.max(0, at - 4), at))?.[0];
}

/** How many of s[from, to) are characters of words (Han, letters, digits), not marks or spaces. */
function wordCharacters(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = Math.max(0, from); k < to; k++) if (WORD_CHARACTER.test(s[k])) n++;
  return n;
}
const WORD_CHARACTER = /[\p{Script=Han}\p{L}\p{N}]/u;

/** Whether s[at] is no Han character (a mark, a space, a letter), or out of the text: a word ends there. */
const wordEdge = (s: string, at: number) => at < 0 || at >= s.length || !HAN.test(s[at]);

/**
 * How much of the task the plan copied around a word: the characters of both before it (the plan's ending at `p`, the
 * task's at `t`) and after it (from `p2`, `t2`) that match, together; 0 when that is under MIN_COPIED, or when a side
 * under MIN_SIDE does not have the word start (or end) where a word does in both: 入出境 is no 出境 copied from 出入境.
 */
function copiedAround(plan: string, p: number, p2: number, task: string, t: number, t2: number): number {
  let before = sharedBefore(plan, p, task, t);
  if (before < MIN_SIDE) {
    // a word of degree the plan put before the word (逐步缩小 for 扩大), or a clause's label (二是限制…): the copy runs on
    // before it
    const m = modifierBefore(plan, p);
    if (m && !task.endsWith(m, t)) {
      const skipped = sharedBefore(plan, p - m.length, task, t);
      if (skipped >= MIN_SIDE || (wordEdge(plan, p - m.length - 1) && wordEdge(task, t - 1))) [before, p] = [skipped, p - m.length];
    }
  }
  const after = sharedAfter(plan, p2, task, t2);
  // the characters of words copied, not the marks between them (，增加企业和群众办事 copies seven of 表4第1项's, not eight)
  if (wordCharacters(plan, p - before, p) + wordCharacters(plan, p2, p2 + after) < MIN_COPIED) return 0;
  if (before < MIN_SIDE && !(wordEdge(plan, p - 1) && wordEdge(task, t - 1))) return 0;
  if (after < MIN_SIDE && !(wordEdge(plan, p2) && wordEdge(task, t2))) return 0;
  return before + after;
}

/** A negator of a text that may have been put in or left out, with the text around it joined (joinedAround). */
interface Negation {
  n: string;
  /** Where it stands, and where it ends. */
  at: number;
  after: number;
  key: { text: string; before: number };
}

/** The negators of a text that may reverse what follows (not a threshold's 不低于, nor the 不 of 不得). */
function negationsIn(s: string): Negation[] {
  const out: Negation[] = [];
  for (const n of NEGATORS) {
    for (let at = s.indexOf(n); at >= 0; at = s.indexOf(n, at + 1)) {
      const after = at + n.length;
      if (COMPARATOR.test(s.slice(after, after + 2))) continue;
      if (NEGATORS.some((m) => m.length > n.length && m.includes(n) && (s.startsWith(m, at) || s.endsWith(m, after)))) continue;
      const key = joinedAround(s, at, after);
      if (key) out.push({ n, at, after, key });
    }
  }
  return out;
}

/** What a task's text offers to reverse: the pairs whose word it has, its negations, its clauses. Read once per text. */
interface SourceWords {
  pairs: (readonly [string, string])[];
  negations: Negation[];
  /** Its clauses (between marks) of at least MIN_COPIED characters, where two of their words may be swapped. */
  clauses: Clause[];
}

const sourceWords = new Map<string, SourceWords>();

function wordsOf(original: string): SourceWords {
  let words = sourceWords.get(original);
  if (!words) sourceWords.set(original, (words = { pairs: OPPOSITES.filter(([theirs]) => original.includes(theirs)), negations: negationsIn(original), clauses: clausesOf(original) }));
  return words;
}

/** A clause of a task's text, where it starts, and its first and last two characters (where a copy is looked for). */
interface Clause {
  text: string;
  at: number;
  head: string;
  tail: string;
}

/**
 * The marks of a name or an aside inside a clause, which a copy may leave out (推动RCEP成员国消费者从… for the task's
 * 推动《区域全面经济伙伴关系协定》（RCEP）成员国消费者从…): a swap is looked for in the parts between them too.
 */
const ASIDE_MARK = /[（）()《》〈〉【】]/;

function clausesOf(original: string): Clause[] {
  const out: Clause[] = [];
  const add = (start: number, end: number) => {
    if (end - start >= MIN_COPIED) out.push({ text: original.slice(start, end), at: start, head: original.slice(start, start + 2), tail: original.slice(end - 2, end) });
  };
  for (let start = 0, i = 0; i <= original.length; i++) {
    if (i < original.length && !CLAUSE_END.test(original[i])) continue;
    add(start, i);
    // and its parts between asides, when it has any (the whole clause is looked for too: a swap may span an aside)
    let part = start;
    for (let k = start; k < i; k++) {
      if (!ASIDE_MARK.test(original[k])) continue;
      add(part, k);
      part = k + 1;
    }
    if (part > start) add(part, i);
    start = i + 1;
  }
  return out;
}

/** The clauses of a task's body wording that its table text does not have word for word (looked for once, not twice). */
const bodyClauseMemo = new WeakMap<Task, Clause[]>();
function bodyClauses(task: Task, body: string): Clause[] {
  let clauses = bodyClauseMemo.get(task);
  if (!clauses) {
    const table = new Set(wordsOf(task.text).clauses.map((c) => c.text));
    bodyClauseMemo.set(task, (clauses = wordsOf(body).clauses.filter((c) => !table.has(c.text))));
  }
  return clauses;
}

/** A list's separators: words swapped between them (商业网站、教育科研网站) only reorder the list. */
const LIST_OPENS = /^(?:[、，,和与及或并]|以及)/;
const LIST_CLOSES = /(?:[、，,和与及或并]|以及)$/;
/** Characters that join words rather than belong to them: a swapped word is not extended over one. */
const PARTICLE = /[的之与和及或向在由将把对为从以、，,]/;
/** The words of a swap: at least this long each (one character, 出入境 for 入出境, is wording, not meaning). */
const MIN_SWAPPED = 2;

/**
 * Two words of a task's clause swapped in the plan's copy of it, all else the same: 探索以保证金方式取代保险 for the
 * task's 探索以保险方式取代保证金 (what replaces what), 由境外向境内 for 由境内向境外. Not a list reordered (the words
 * between the two are a list's separators at both ends, or none): 教育科研网站、商业网站 says what 商业网站、教育科研网站 does.
 */
function swapsIn(plan: string, task: Task, original: string, clauses: readonly Clause[], out: Flip[]): void {
  for (let k = 0; k < clauses.length; k++) {
    const c = clauses[k];
    const { head, tail } = c;
    const n = c.text.length;
    // where the plan may hold the clause: at its first two characters, or ending at its last two (most blocks hold
    // neither: nothing is made for them)
    let tried = -1;
    for (let i = plan.indexOf(head); i >= 0; i = plan.indexOf(head, i + 1)) swapAt(plan, (tried = i), c, task, original, out);
    for (let i = plan.indexOf(tail); i >= 0; i = plan.indexOf(tail, i + 1)) if (i + 2 - n !== tried) swapAt(plan, i + 2 - n, c, task, original, out);
  }
}

/** The swap of the plan's text at `s` the length of the clause `c`, if it is one. */
function swapAt(plan: string, s: number, c: Clause, task: Task, original: string, out: Flip[]): void {
  const n = c.text.length;
  // (a copy as it is, most often, is told without making the window)
  if (s < 0 || s + n > plan.length || plan.startsWith(c.text, s)) return;
  const swap = swapOf(plan.slice(s, s + n), c.text);
  if (!swap) return;
  const { from, to, a, b } = swap;
  out.push({ start: s + from, end: s + to, written: plan.slice(s + from, s + to), source: c.text.slice(from, to), task, original, at: c.at + from, swapped: [a, b] });
}

/**
 * Whether `w` is `c` with two words swapped: w = P a m b Q where c = P b m a Q, each word at least MIN_SWAPPED long and
 * m no list separator; the span of `a m b` and the two words. Undefined when not, or when w is c.
 */
function swapOf(w: string, c: string): { from: number; to: number; a: string; b: string } | undefined {
  if (w === c) return undefined;
  const n = w.length;
  let p = 0;
  while (p < n && w.charCodeAt(p) === c.charCodeAt(p)) p++;
  let q = 0;
  while (q < n - p && w.charCodeAt(n - 1 - q) === c.charCodeAt(n - 1 - q)) q++;
  const x = w.slice(p, n - q);
  const y = c.slice(p, n - q);
  const len = x.length;
  for (let lb = 1; lb < len - 1; lb++) {
    if (!x.endsWith(y.slice(0, lb))) continue;
    for (let la = 1; la + lb < len; la++) {
      if (!y.endsWith(x.slice(0, la))) continue;
      const m = x.slice(la, len - lb);
      if (m !== y.slice(lb, len - la)) continue;
      // the words may start (or end) with what both texts share around them, which the middle then ends (or starts) with
      // (not over a particle: 的特殊目的公司 is 的 and the word)
      let t = 0;
      while (t < p && t < m.length - 1 && w[p - 1 - t] === m[m.length - 1 - t] && !PARTICLE.test(m[m.length - 1 - t])) t++;
      let u = 0;
      while (u < q && u < m.length - 1 - t && w[n - q + u] === m[u] && !PARTICLE.test(m[u])) u++;
      const a = w.slice(p - t, p + la + u);
      const b = w.slice(n - q - lb - t, n - q + u);
      const middle = m.slice(u, m.length - t);
      // (two attributes of one noun swapped around 的, 服务业企业聘用的符合条件的 for 符合条件的服务业企业聘用的: the same)
      if (a.length < MIN_SWAPPED || b.length < MIN_SWAPPED || a === b || !middle || middle === '的') continue;
      if (LIST_OPENS.test(middle) && LIST_CLOSES.test(middle)) continue;
      return { from: p - t, to: n - q + u, a, b };
    }
  }
  return undefined;
}

/** The flips of `plan` (its negations `inserted`) against one text of a task (its table text or the body's wording). */
function flipsIn(plan: string, inserted: readonly Negation[], task: Task, original: string, out: Flip[]): void {
  const words = wordsOf(original);
  for (const [theirs, ours] of words.pairs) {
    for (let i = plan.indexOf(ours); i >= 0; i = plan.indexOf(ours, i + 1)) {
      // next to a number it is a threshold's (67%以上): threshold-mismatch's
      if ((i > 0 && DIGIT.test(plan[i - 1])) || DIGIT.test(plan[i + ours.length] ?? '')) continue;
      // the place of the task it copies best around the word: one with the opposite word, not one with its own
      let best = 0;
      let at = -1;
      for (let j = original.indexOf(theirs); j >= 0; j = original.indexOf(theirs, j + 1)) {
        const copied = copiedAround(plan, i, i + ours.length, original, j, j + theirs.length);
        if (copied > best) (best = copied), (at = j);
      }
      if (at < 0) continue;
      let same = 0;
      for (let j = original.indexOf(ours); j >= 0 && same < best; j = original.indexOf(ours, j + 1)) {
        same = Math.max(same, sharedBefore(plan, i, original, j) + sharedAfter(plan, i + ours.length, original, j + ours.length));
      }
      if (same < best) out.push({ start: i, end: i + ours.length, written: ours, source: theirs, task, original, at });
    }
  }
  // put in: the plan without it is the task's text
  for (const { n, at: i, after, key } of inserted) {
    for (let j = original.indexOf(key.text); j >= 0; j = original.indexOf(key.text, j + 1)) {
      const t = j + key.before; // where the word would stand in the task
      if (original.startsWith(n, t) || original.endsWith(n, t)) continue;
      if (copiedAround(plan, i, after, original, t, t)) {
        const shown = plan.slice(after, after + MIN_SIDE);
        out.push({ start: i, end: after + shown.length, written: n + shown, source: shown, task, original, at: t });
        break;
      }
    }
  }
  // left out: the task's text with the word taken out is the plan's
  for (const { n, at: j, after, key } of words.negations) {
    for (let i = plan.indexOf(key.text); i >= 0; i = plan.indexOf(key.text, i + 1)) {
      const p = i + key.before; // where the word stood
      if (plan.endsWith(n, p) || plan.startsWith(n, p)) continue;
      if (copiedAround(plan, p, p, original, j, after)) {
        const shown = plan.slice(p, p + MIN_SIDE);
        out.push({ start: p, end: p + shown.length, written: shown, source: n + shown, task, original, at: j });
        break;
      }
    }
  }
}

/**
 * The text around s[from, to) with that taken out, 2 × MIN_SIDE characters: up to MIN_SIDE of the word before it
 * (fewer where a word starts), the rest after it; `before`: how many are before. Undefined near the text's end.
 */
function joinedAround(s: string, from: number, to: number): { text: string; before: number } | undefined {
  let before = 0;
  while (before < MIN_SIDE && from - before > 0 && HAN.test(s[from - before - 1])) before++;
  const text = s.slice(from - before, from) + s.slice(to, to + 2 * MIN_SIDE - before);
  return text.length === 2 * MIN_SIDE ? { text, before } : undefined;
}

/** The clause of the task that holds its word (between two marks), or a window around it when that is long. */
function clauseAt(original: string, at: number, length: number): string {
  let start = at;
  while (start > 0 && !CLAUSE_END.test(original[start - 1])) start--;
  let end = at + length;
  while (end < original.length && !CLAUSE_END.test(original[end])) end++;
  if (end - start <= MAX_CLAUSE) return original.slice(start, end);
  const from = Math.max(start, at - (MAX_CLAUSE >> 1));
  const to = Math.min(end, from + MAX_CLAUSE);
  return (from > start ? '……' : '') + original.slice(from, to) + (to < end ? '……' : '');
}

/** The references of the status line a sentence is told under (表1第38项：已完成。, then the sentence), if any. */
function statusLabelOver(text: string, blocks: readonly Block[], block: Block): Block['references'] | undefined {
  for (let k = blocks.indexOf(block) - 1; k >= 0; k--) {
    const above = blocks[k];
    if (above.kind !== 'sentence' || above.bare.length) return undefined;
    if (!above.references.length) continue;
    return above.references.length === 1 && statusLabelEnd(text, blocks, above, above.references[0]) >= block.end ? above.references : undefined;
  }
  return undefined;
}

export function checkReversedWording(block: Block, run: CheckRun): Finding[] {
  // the tasks it cites, or the one an uncited item or row restates (what uncited-task reports), or, for an item nested in
  // one that cites tasks (1. 扩大金融机构对外开放（表1第26项）, then   - …) or a clause of an enumeration whose title cites
  // them (1. 落实表1第46、47项：一是…；二是…), that item's: it is a part of theirs
  // (or, for a sentence after a report's status line, 表1第38项：已完成。我区…, the task of that line: it tells of it)
  const i = block.references.length || block.restates || block.kind !== 'item' ? -1 : run.model.blocks.indexOf(block);
  const own = block.references.length
    ? block.references
    : i >= 0
      ? enclosingItem(run.model.text, run.model.blocks, i)?.references
      : block.kind === 'sentence' && !block.bare.length
        ? statusLabelOver(run.model.text, run.model.blocks, block)
        : undefined;
  const refs = own ?? block.references;
  // and the tasks of bare numbers its heading, its sentence or their number settles (第17项 under 二、表3任务落实)
  const bare = settledTasks(block.bare, block);
  if (!refs.length && !bare.length && !block.restates) return [];
  const text = run.model.text;
  const plan = text.slice(block.start, block.end);
  const tasks = !refs.length ? (bare.length ? bare : [block.restates!.task]) : refs.length === 1 && !bare.length ? refs[0].tasks : [...new Set([...refs.flatMap((r) => r.tasks), ...bare])];
  const flips: Flip[] = [];
  const hasWord = ANY_WORD.test(plan);
  const inserted = hasWord ? negationsIn(plan) : [];
  for (const task of tasks) {
    for (const original of task.bodyText ? [task.text, task.bodyText] : [task.text]) {
      // (a negation the task has and the plan left out needs no word in the plan: 污染生产 for 无污染生产)
      if (hasWord || wordsOf(original).negations.length) flipsIn(plan, inserted, task, original, flips);
      swapsIn(plan, task, original, original === task.text ? wordsOf(original).clauses : bodyClauses(task, original), flips);
    }
  }
  if (!flips.length) return [];
  // two opposite words swapped with each other (境内…境外 where the task has 境外…境内) are each a reversed word, not one
  // swap of the clause's words: the swap gives way to the two
  if (flips.length > 2) {
    const words = flips.filter((f) => !f.swapped);
    for (let i = flips.length - 1; i >= 0; i--) {
      const f = flips[i];
      if (f.swapped && words.filter((w) => w.start >= f.start && w.end <= f.end).length >= 2) flips.splice(i, 1);
    }
  }
  // a quotation is misquote's, a threshold's words threshold-mismatch's (外方股比不低于67%; 外资股比不超过33% agrees)
  const skipped = [...plan.matchAll(QUOTED)].map((m) => [m.index!, m.index! + m[0].length]);
  // (the match's range is its comparator and value; its words run from the subject: 外方股比不低于67%)
  for (const t of run.model.thresholds ?? []) skipped.push([Math.min(t.start, t.end - t.planWords.length) - block.start, t.end - block.start]);
  flips.sort((a, b) => a.start - b.start || b.end - a.end);
  const findings: Finding[] = [];
  let reached = -1;
  for (const f of flips) {
    if (f.start < reached || skipped.some(([s, e]) => f.start < e && f.end > s)) continue;
    reached = f.end;
    const start = block.start + f.start;
    const end = block.start + f.end;
    const clause = clauseAt(f.original, f.at, f.source.length);
    findings.push({
      start,
      end,
      code: 'reversed-wording',
      severity: 'warning',
      message: f.swapped
        ? run.msg.swappedWording(formatReference(f.task), f.swapped[0], f.swapped[1], clause)
        : run.msg.reversedWording(formatReference(f.task), f.written, f.source, clause),
      related: [relatedTask(run.context.index, f.task, run.msg)],
      fixes: [{ title: run.msg.replaceWith(f.source), start, end, newText: f.source, preferred: true }],
    });
  }
  return findings;
}
