// Thresholds: what a quantity in a sentence is about (its subject), the thresholds the source sets, and which
// source threshold a plan's quantity must agree with.
import { Comparator, findQuantities, QuantityPhrase, Unit } from './quantity';
import { LineSpan, PolicyIndex } from './types';
import { indexByFirstCode } from './text';

export interface SubjectRule {
  head: string;
  aliases?: string[];
  /** The sides a share can belong to (中方/外资) and the words that name each. */
  sides?: Record<string, string[]>;
  /**
   * Words that name the subject only right after a side word (中方持股, 外资投资比例): alone they mean something else
   * (员工持股, 研发投资比例).
   */
  sidedAliases?: string[];
  /**
   * Holders that are none of the sides (员工, 管理层): a subject word right after one of them is theirs, not a side's
   * (员工持股比例不超过30% says nothing of 中方股比).
   */
  otherHolders?: string[];
  /**
   * The sides' shares make up the whole (中方 + 外资 = 100%): a share of one side states the other's
   * (中方股比不低于67% is 外资股比不超过33%). Takes exactly two sides.
   */
  complementary?: boolean;
  /**
   * The subject follows the quantity (3年试点), and one of `before` precedes it; without `after`, `before` lets a
   * subject read as usual also follow its quantity (设置5年过渡期).
   */
  after?: boolean;
  before?: string[];
}

export interface TaskRule {
  task: string;
  subject: string;
  side?: string;
  kind: 'removed';
  zh: string;
  en: string;
}

/** The rules of one source, keyed by the prefix it is loaded under ('' for the default source). */
export interface SourceRules {
  prefix: string;
  /** The source's 文号 or title: the rules apply only to that document, whatever prefix a user gives another. */
  document?: string;
  /** The subjects of this source's thresholds, in place of the shared list. */
  subjects?: SubjectRule[];
  /** What tasks say beyond their numbers, by bare task ID (T1.50). */
  rules?: TaskRule[];
}

export interface RuleData {
  /** The shared subject list: for every source without its own. */
  subjects: SubjectRule[];
  sources?: SourceRules[];
}

/** The subjects and task rules that apply to a source; task rules come back with the source's task IDs. */
export function rulesFor(source: PolicyIndex, data: RuleData): { subjects: SubjectRule[]; rules: TaskRule[] } {
  const own = (data.sources ?? []).find(
    (r) => r.prefix === source.prefix && (!r.document || r.document === source.meta.docNumber || r.document === source.meta.title),
  );
  const id = (task: string) => (source.prefix ? `${source.prefix}:${task}` : task);
  return { subjects: own?.subjects ?? data.subjects, rules: (own?.rules ?? []).map((r) => ({ ...r, task: id(r.task) })) };
}

/** One list of every source's subjects: a plan's quantity may be about any of them. Same head: words merged. */
export function mergeSubjects(lists: SubjectRule[][]): SubjectRule[] {
  const byHead = new Map<string, SubjectRule>();
  for (const rule of lists.flat()) {
    const seen = byHead.get(rule.head);
    if (!seen) {
      byHead.set(rule.head, rule);
      continue;
    }
    if (seen === rule) continue;
    const sides: Record<string, string[]> = { ...seen.sides };
    for (const [name, words] of Object.entries(rule.sides ?? {})) sides[name] = [...new Set([...(sides[name] ?? []), ...words])];
    const sidedAliases = [...new Set([...(seen.sidedAliases ?? []), ...(rule.sidedAliases ?? [])])];
    byHead.set(rule.head, {
      ...seen,
      aliases: [...new Set([...(seen.aliases ?? []), ...(rule.aliases ?? [])])],
      ...(sidedAliases.length ? { sidedAliases } : {}),
      ...(seen.otherHolders || rule.otherHolders ? { otherHolders: [...new Set([...(seen.otherHolders ?? []), ...(rule.otherHolders ?? [])])] } : {}),
      ...(seen.complementary || rule.complementary ? { complementary: true } : {}),
      ...(Object.keys(sides).length ? { sides } : {}),
      ...(seen.before || rule.before ? { before: [...new Set([...(seen.before ?? []), ...(rule.before ?? [])])] } : {}),
    });
  }
  return [...byHead.values()];
}

export interface Subject {
  head: string;
  side?: string;
  /** Offsets of the subject words as written. */
  start: number;
  end: number;
}

export interface SourceThreshold {
  /** The task that sets it; undefined for a threshold of the body (经过3年试点). */
  task?: string;
  sourceFile: string;
  span: LineSpan;
  subject: string;
  side?: string;
  comparator: Comparator;
  value: number;
  unit: Unit;
  /** The source's words, subject to quantity: 中方股比不低于67% */
  words: string;
  /** The task lowers this requirement (降低…不少于3年的资质要求): a plan may ask for less, not more. */
  lowered?: boolean;
}

/** The characters that end a clause, by code: tested per character, so no one-character strings are made. */
const CLAUSE_BREAK = new Set([...'，,。；;！？!?：:\n\r（(）)'].map((ch) => ch.charCodeAt(0)));
const SUBJECT_WINDOW = 24;

/** A rule list's words, found in a clause in one pass (see subjectOf): built once per list, kept while it lives. */
interface RuleWords {
  /** The head, then the aliases, then the sided aliases, of each rule that is not `after`, rule by rule. */
  words: string[];
  /** 1 where words[k] is a sided alias: it names the subject only right after a side word. */
  sided: Uint8Array;
  /** Rule r's words are words[first[r]] up to words[first[r + 1]]. */
  first: number[];
  /** By first character, the indexes of the words that start with it. */
  byFirst: Map<number, number[]>;
}
const ruleWordsCache = new WeakMap<SubjectRule[], RuleWords>();

function ruleWordsOf(rules: SubjectRule[]): RuleWords {
  let found = ruleWordsCache.get(rules);
  if (!found) {
    const words: string[] = [];
    const sidedAt: number[] = [];
    const first: number[] = [];
    for (const rule of rules) {
      first.push(words.length);
      if (rule.after) continue;
      words.push(rule.head, ...(rule.aliases ?? []));
      for (const w of rule.sidedAliases ?? []) sidedAt.push(words.push(w) - 1);
    }
    first.push(words.length);
    const sided = new Uint8Array(words.length);
    for (const k of sidedAt) sided[k] = 1;
    ruleWordsCache.set(rules, (found = { words, sided, first, byFirst: indexByFirstCode(words) }));
  }
  return found;
}

const DE = '的'.charCodeAt(0);

/** Scratch for subjectOf: where each word last occurs in the clause (-1: nowhere). */
let lastAt = new Int32Array(64);

/** A blank between words: a space, a tab, a no-break or an ideographic space. */
const BLANK = /[ \t\u00a0\u3000]/;

/** The subject a quantity is about, from the words just before it in its clause (or just after, for 3年试点). */
export function subjectOf(text: string, q: QuantityPhrase, rules: SubjectRule[]): Subject | undefined {
  const clause = clauseBefore(text, q.start, SUBJECT_WINDOW);
  const from = q.start - clause.length;
  // where each word last occurs in the clause, as lastIndexOf would say, in one pass over its characters (a
  // lastIndexOf per word and quantity was most of the cost)
  const { words, sided, first, byFirst } = ruleWordsOf(rules);
  if (lastAt.length < words.length) lastAt = new Int32Array(words.length);
  for (let k = 0; k < words.length; k++) lastAt[k] = words[k] === '' ? clause.length : -1;
  for (let p = 0; p < clause.length; p++) {
    const starting = byFirst.get(clause.charCodeAt(p));
    if (starting) for (const k of starting) if (clause.startsWith(words[k], p)) lastAt[k] = p;
  }
  // where the clause's words end, before the blanks a hurried drafter typed (给予 6 年过渡期)
  let wordsEnd = clause.length;
  while (wordsEnd > 0 && BLANK.test(clause[wordsEnd - 1])) wordsEnd--;
  let best: Subject | undefined;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    if (rule.after) {
      // 3年试点: the head right after the quantity, one of `before` ending the clause, no comparator
      if (!q.comparator && text.startsWith(rule.head, q.end) && rule.before?.find((w) => clause.endsWith(w, wordsEnd))) {
        best = { head: rule.head, start: q.end, end: q.end + rule.head.length };
      }
      continue;
    }
    // a subject that may also follow its quantity, right after it or its 的, or a few words after its 的, one of
    // `before` ending the clause (设置5年过渡期, 设置不超过6年的过渡期, 具有不少于3年的境外律师执业经历)
    if (rule.before) {
      const at = headAfter(text, q.end, rule.head);
      if (at >= 0 && rule.before.some((w) => clause.endsWith(w, wordsEnd))) {
        best = { head: rule.head, start: at, end: at + rule.head.length };
        continue;
      }
    }
    // the words right after a holder that is no side (员工持股比例), and the words inside them (股比): the holder's
    const owned = rule.otherHolders ? heldBy(clause, rule.otherHolders, words, first[r], first[r + 1]) : undefined;
    for (let k = first[r]; k < first[r + 1]; k++) {
      const at = lastAt[k];
      if (at < 0) continue;
      const word = words[k];
      const start = from + at;
      if (best && best.end > start + word.length) continue;
      if (sided[k] && !Object.values(rule.sides ?? {}).some((ws) => ws.some((w) => at >= w.length && clause.startsWith(w, at - w.length)))) continue;
      if (owned?.some(([s, e]) => at < e && at + word.length > s)) continue;
      let side: string | undefined;
      let sideStart = start;
      for (const [name, sideWords] of Object.entries(rule.sides ?? {})) {
        for (const w of sideWords) {
          const s = clause.includes(w) ? clause.lastIndexOf(w, at) : -1; // includes: the cheap answer, mostly no
          if (s >= 0 && at - (s + w.length) <= 4 && (side === undefined || from + s > sideStart)) {
            side = name;
            sideStart = from + s;
          }
        }
      }
      best = { head: rule.head, side, start: side ? Math.min(sideStart, start) : start, end: start + word.length };
    }
  }
  return best;
}

/** How many characters may stand between a quantity's 的 and the subject after it (的境外律师执业经历). */
const WORDS_AFTER_DE = 6;

/**
 * Where `head` starts after a quantity ending at `end`: right after it or its 的, or within a few characters after its
 * 的 that hold no mark or blank (的境外律师执业经历); -1 where it does not.
 */
function headAfter(text: string, end: number, head: string): number {
  if (text.charCodeAt(end) !== DE) return text.startsWith(head, end) ? end : -1;
  for (let at = end + 1; at <= end + 1 + WORDS_AFTER_DE && at < text.length; at++) {
    if (text.startsWith(head, at)) return at;
    if (!/[\u4e00-\u9fff]/.test(text[at])) return -1;
  }
  return -1;
}

/** Where in `clause` words[from, to) stand right after one of `holders`: [start, end) of each. Undefined: nowhere. */
function heldBy(clause: string, holders: readonly string[], words: readonly string[], from: number, to: number): [number, number][] | undefined {
  let out: [number, number][] | undefined;
  for (const h of holders) {
    for (let i = clause.indexOf(h); i >= 0; i = clause.indexOf(h, i + 1)) {
      const at = i + h.length;
      for (let k = from; k < to; k++) if (words[k] && clause.startsWith(words[k], at)) (out ??= []).push([at, at + words[k].length]);
    }
  }
  return out;
}

/** Every threshold the source's tasks (and its body) set, with its subject. */
export function sourceThresholds(index: PolicyIndex, subjects: SubjectRule[]): SourceThreshold[] {
  const out: SourceThreshold[] = [];
  // a threshold needs a subject word in its text: most tasks and body lines have none, and reading quantities is the
  // costly part of loading a source (tens of milliseconds of a server's start for the default source)
  const words = subjects.flatMap((r) => [r.head, ...(r.aliases ?? []), ...(r.sidedAliases ?? [])]);
  // (an empty word, which subjectOf finds everywhere, leaves every text to be read)
  const mayHold = (text: string) => words.some((w) => text.includes(w));
  for (const task of index.tasks) {
    if (!mayHold(task.text)) continue;
    for (const q of findQuantities(task.text)) {
      const t = toThreshold(task.text, q, subjects);
      if (t) out.push({ task: task.id, sourceFile: index.sourceFile, span: { startLine: task.startLine, endLine: task.endLine }, ...t });
    }
  }
  for (const { line, text } of index.facts?.bodyLines ?? []) {
    if (!mayHold(text)) continue;
    for (const q of findQuantities(text)) {
      const t = toThreshold(text, q, subjects);
      if (!t) continue;
      const dup = out.some((o) => o.subject === t.subject && o.side === t.side && o.value === t.value && o.unit === t.unit);
      if (!dup) out.push({ sourceFile: index.sourceFile, span: { startLine: line, endLine: line }, ...t });
    }
  }
  return out;
}

function toThreshold(text: string, q: QuantityPhrase, subjects: SubjectRule[]) {
  if (q.unit === 'none' || q.unit === 'count') return undefined;
  const subject = subjectOf(text, q, subjects);
  if (!subject) return undefined;
  const clauseStart = Math.min(subject.start, q.start);
  const lowered = /^(降低|放宽)/.test(clauseBefore(text, clauseStart)) && /^的?[^，。；]{0,6}要求/.test(text.slice(q.end));
  return {
    subject: subject.head,
    side: subject.side,
    comparator: q.comparator ?? ('=' as Comparator),
    value: q.value,
    unit: q.unit,
    words: text.slice(clauseStart, Math.max(subject.end, q.end)),
    ...(lowered ? { lowered } : {}),
  };
}

/** The text of the clause that ends at `at`, at most `limit` characters of it. */
function clauseBefore(text: string, at: number, limit = Infinity): string {
  let from = at;
  while (from > 0 && at - from < limit && !CLAUSE_BREAK.has(text.charCodeAt(from - 1))) from--;
  return text.slice(from, at);
}

/** Same subject: same head, and the same side where both name one (中方股比 is not 外资股比). */
export function sameSubject(a: { subject: string; side?: string }, b: { head: string; side?: string }): boolean {
  return a.subject === b.head && (a.side === undefined || b.side === undefined || a.side === b.side);
}

const FLIPPED: Record<Comparator, Comparator> = { '>=': '<=', '<=': '>=', '>': '<', '<': '>', '=': '=' };

/**
 * The threshold the other side of a complementary subject is held to (中方股比不低于67% holds 外资股比 to 不超过33%):
 * `t` as it reads for `side`. Undefined unless the subject is complementary, `side` is one of its sides and not `t`'s
 * own, and `t` is a share; a lowered requirement is not a share and has no complement.
 */
export function complementFor(t: SourceThreshold, side: string | undefined, rules: SubjectRule[]): SourceThreshold | undefined {
  if (t.unit !== 'percent' || t.lowered || !otherSides(t.subject, t.side, side, rules)) return undefined;
  return { ...t, side, comparator: FLIPPED[t.comparator], value: 100 - t.value };
}

/** A comparator as it reads for the other side of a complementary subject (不低于 becomes 不超过). */
export function flipComparator(c: Comparator): Comparator {
  return FLIPPED[c];
}

/** Is `subject` complementary, with `a` and `b` two different sides of it? */
export function otherSides(head: string, a: string | undefined, b: string | undefined, rules: SubjectRule[]): boolean {
  if (!a || !b || a === b) return false;
  const rule = rules.find((r) => r.head === head);
  return !!rule?.complementary && !!rule.sides?.[a] && !!rule.sides?.[b];
}
