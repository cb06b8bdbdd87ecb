// threshold-mismatch: a share, term or amount in the plan that contradicts the source threshold of the same
// subject, for the task cited in the same unit (list item, table row, sentence) or, with none cited, for the
// task whose distinctive words the unit carries.
import { BareReference, blockTasks, settledTasks } from '../bareNumbers';
import { Finding, Fix } from '../findings';
import { Locale, Messages } from '../messages';
import { comparatorWords, contradicts, findQuantities, formatQuantity, QuantityPhrase } from '../quantity';
import { enclosingItems, headingItemsAbove, Scope } from '../scopes';
import { Block, cellSpans } from '../planModel';
import { citedTasks, formatReference, ResolvedReference } from '../taskIndex';
import { Task } from '../types';
import { indexByFirstCode, NONE } from '../text';
import { markdownHeadings } from '../topics';
import { complementFor, flipComparator, otherSides, sameSubject, SourceThreshold, Subject, subjectOf } from '../thresholds';
import { CheckContext } from './context';
import { relatedTask } from './related';

/** A plan quantity tied to a source threshold (shown on hover, checked for contradiction). */
export interface ThresholdMatch {
  start: number;
  end: number;
  planWords: string;
  source: SourceThreshold;
  contradicts: boolean;
  /** The source threshold as it reads for the plan's side of a complementary subject: 外资股比不超过33%. */
  equivalent?: string;
  /** The threshold-mismatch finding of a contradicted threshold. */
  finding?: Finding;
}

/** How much of a task's topic an uncited unit must carry for its thresholds to apply (two distinctive bigrams). */
const MIN_TOPIC_SCORE = 8;

/**
 * The plan's quantities tied to a source threshold, each with its verdict and, where it contradicts the source, its
 * finding. Read with the plan model, since hover shows them too; the check reports the contradicted ones.
 */
export function readThresholds(
  text: string,
  scopes: (Scope & { header?: string[]; tableHeader?: boolean })[],
  refs: ResolvedReference[],
  ctx: CheckContext,
  msg: Messages,
  locale: Locale,
  bare: readonly BareReference[] = NONE,
): ThresholdMatch[] {
  const matches: ThresholdMatch[] = [];
  const words = subjectWordsOf(ctx.subjectWords);
  words.any.lastIndex = 0;
  const inText = words.any.test(text);
  // a table's header can name the subject of a column (| 中方股比 | over | 不低于51% |): its rows have none of their own
  const columnsOf = (s: (typeof scopes)[number]) => (s.header && !s.tableHeader ? subjectColumns(s.header, words) : NONE);
  if (!inText && !scopes.some((s) => columnsOf(s).length)) return matches;
  let inOrder: boolean | undefined; // are the references in text order? Asked at the first unit with quantities
  for (const scope of scopes) {
    const unit = text.slice(scope.start, scope.end);
    const found: PlanQuantity[] = [];
    const near = inText ? quantitiesNearSubjects(unit, words, scope.start) : NONE;
    for (let k = 0; k < near.length; k++) {
      const q = near[k];
      const subject = subjectOf(text, q, ctx.subjects);
      if (!subject) continue;
      // a number of a citation (a 分工表's 对应任务 cell `1-12`) is no quantity; nor one in a later cell than its subject's
      // when a quantity stands between them (| 中方股比不低于67% | 12 |: the subject's cell has its value)
      if (citesAt(refs, q) || (k > 0 && near[k - 1].start >= subject.end && crossesCell(text, subject.end, q.start))) continue;
      // across the cells of a table row (| 中方股比 | 不低于51% |, or cells between tabs) the words read as one phrase
      const from = Math.min(subject.start, q.start);
      const to = Math.max(subject.end, q.end);
      found.push({ q, subject, planWords: text.slice(from, to).replace(/[ \t]*\|[ \t]*|\t+/g, ''), from, to });
    }
    const columns = columnsOf(scope);
    if (columns.length) found.push(...underHeader(unit, scope.start, scope.header!, columns, words, ctx, found));
    if (!found.length) continue; // none in a unit without a subject word (most)
    inOrder ??= refs.every((r, i) => r.ref.start <= r.ref.end && (i === 0 || refs[i - 1].ref.start <= r.ref.start));
    // and the bare numbers its heading, sentence or document settles (第12项 under 二、表1任务落实)
    const cited = citedIn(refs, inOrder, scope).concat(settledTasks(bare, scope));
    for (const { q, subject, planWords, from, to } of found) {
      // a number that counts people or things (执业律师8000余人, 320家) is no share, term or amount
      if (q.unit === 'none' && COUNTED.test(text.slice(q.end, q.end + 3))) continue;
      let candidates: Candidate[];
      if (cited.length) candidates = cited.flatMap((t) => candidatesOf(ctx, t.id, subject));
      else {
        // the task a heading above cites is its items' (二、设立条件（表1第12项） over （一）中方股比不低于67%，外资股比不超过33%)
        candidates = headingCitations(text, scopes, scope, ctx).flatMap((t) => candidatesOf(ctx, t.id, subject));
        // else the task the unit is about: the words of the threshold itself (subject, comparator, number) say nothing
        // about which task is meant
        if (!candidates.length) candidates = uncitedCandidates(ctx, unit.slice(0, from - scope.start) + '|' + unit.slice(to - scope.start), subject);
      }
      if (!candidates.length) continue;
      // with several candidates, the plan agrees if it agrees with any of them
      const clause = () => text.slice(scope.start, q.valueStart);
      const agreeing = candidates.find((c) => !judge(q, c, () => LOWERING.test(clause()), () => REACHED.test(clause()) || inReportColumn(scope, unit, q.valueStart - scope.start)));
      const chosen = agreeing ?? candidates[0];
      const source = chosen.threshold;
      const match: ThresholdMatch = { start: q.start, end: q.end, planWords, source, contradicts: !agreeing };
      if (chosen.equivalent) match.equivalent = chosen.equivalent;
      if (!agreeing) match.finding = toFinding(q, planWords, chosen, ctx, msg, locale);
      matches.push(match);
    }
  }
  return matches;
}

/**
 * The tasks the item a unit is nested in cites, or the innermost heading above it that cites any: a heading-like item
 * above it in its paragraph (二、设立条件（表1第12项）), else a Markdown heading (### （一）设立条件（表1第12项）).
 */
function headingCitations(text: string, scopes: readonly Scope[], scope: Scope, ctx: CheckContext): readonly Task[] {
  // (the scopes are the paragraph's blocks, in the analyser; a test may give bare ranges)
  if ((scope as Partial<Block>).kind === undefined) return NONE;
  const blocks = scopes as readonly Block[];
  const block = scope as Block;
  const i = blocks.indexOf(block);
  // the item it is nested in, at any depth (1. 落实表1第12项… over - … over - 中方股比不低于67%，即外资股比不超过33%)
  for (const parent of enclosingItems(text, blocks, i)) if (parent.references.length) return citedTasks(parent.references);
  for (const h of headingItemsAbove(text, blocks, i)) {
    const tasks = blockTasks(blocks[h.index]);
    if (tasks.length) return tasks;
  }
  // (a Markdown heading's bare number the heading above it settles too: ### （一）外商投资社会调查（第12项） under ## 二、表1任务落实)
  for (const h of markdownHeadings(block.headings, ctx.index, block.context.headings)) if (h.tasks.length) return h.tasks;
  return NONE;
}

/** What follows a number that counts or measures (8000余人, 320家, 40多所, 36万平方米): a measure word of people, things or land. */
const COUNTED = /^[ \t]*(?:余|多)?(?:人|名|家|个|所|项|次|户|座|台|件|位|条|批|场|平方|立方|亩|公顷|公里|千米|米|吨|标箱)/;

/** Whether a reference's span overlaps the quantity's. */
function citesAt(refs: readonly ResolvedReference[], q: QuantityPhrase): boolean {
  for (let i = 0; i < refs.length; i++) if (refs[i].ref.start < q.end && q.start < refs[i].ref.end) return true;
  return false;
}

/** Whether text[from, to) crosses a table cell's border (a Markdown `|`, or the tab between pasted cells). */
function crossesCell(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7c || c === 9) return true;
  }
  return false;
}

/** A plan quantity with its subject, the words they make together, and the span of those words in the text. */
interface PlanQuantity {
  q: QuantityPhrase;
  subject: Subject;
  planWords: string;
  from: number;
  to: number;
}

/** Per subject words, per header row (the list a table's rows share): the columns whose header holds a subject word. */
const subjectColumnsCache = new WeakMap<SubjectWords, WeakMap<readonly string[], number[]>>();

function subjectColumns(header: readonly string[], words: SubjectWords): number[] {
  let byHeader = subjectColumnsCache.get(words);
  if (!byHeader) subjectColumnsCache.set(words, (byHeader = new WeakMap()));
  let columns = byHeader.get(header);
  if (!columns) {
    columns = [];
    for (let c = 0; c < header.length; c++) {
      words.any.lastIndex = 0;
      if (header[c] && words.any.test(header[c])) columns.push(c);
    }
    byHeader.set(header, (columns = columns.length ? columns : NONE));
  }
  return columns;
}

/**
 * The quantities of a table row's cells whose subject is their column's header (| 中方股比 | … | 不低于51% |, | 外资股比上限 |
 * … | 60% |): each cell of `columns` read after its header as one phrase, the cell's offsets kept. Cells read already (a
 * subject of their own, `known`) are left out.
 */
function underHeader(
  unit: string,
  offset: number,
  header: readonly string[],
  columns: readonly number[],
  words: SubjectWords,
  ctx: CheckContext,
  known: readonly PlanQuantity[],
): PlanQuantity[] {
  const out: PlanQuantity[] = [];
  const cells = cellSpans(unit);
  for (const c of columns) {
    if (c >= cells.length) break;
    const head = header[c];
    const [a, b] = cells[c];
    const cell = unit.slice(a, b);
    const phrase = head + cell;
    for (const q of quantitiesNearSubjects(phrase, words, 0)) {
      if (q.start < head.length) continue; // a quantity of the header itself
      const subject = subjectOf(phrase, q, ctx.subjects);
      if (!subject || subject.end > head.length) continue; // its subject is in the cell: read with the row
      const shift = offset + a - head.length;
      const moved = { ...q, start: q.start + shift, end: q.end + shift, valueStart: q.valueStart + shift, valueEnd: q.valueEnd + shift };
      if (q.comparatorStart !== undefined) moved.comparatorStart = q.comparatorStart + shift;
      if (q.comparatorEnd !== undefined) moved.comparatorEnd = q.comparatorEnd + shift;
      if (known.some((k) => k.q.start === moved.start)) continue;
      out.push({ q: moved, subject, planWords: phrase.slice(Math.min(subject.start, q.start), q.end), from: moved.start, to: moved.end });
    }
  }
  return out;
}

/**
 * The tasks the references inside `scope` cite, in order. References in text order (as a model lists them) are found
 * by bisection, not by filtering all of a long table's references for each of its rows.
 */
function citedIn(refs: ResolvedReference[], inOrder: boolean, scope: Scope): Task[] {
  if (!inOrder) return refs.filter((r) => r.ref.start >= scope.start && r.ref.end <= scope.end).flatMap((r) => r.tasks);
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (refs[mid].ref.start < scope.start) lo = mid + 1;
    else hi = mid;
  }
  // past a reference that starts after the scope's end, none can end inside it (each ends after it starts)
  const out: Task[] = [];
  for (let i = lo; i < refs.length && refs[i].ref.start <= scope.end; i++) if (refs[i].ref.end <= scope.end) out.push(...refs[i].tasks);
  return out;
}

/** Characters around a subject word within which a quantity can be about it (see subjectOf's window). */
const BEFORE = 40;
const AFTER = 60;

/** A context's subject words, ready to be found in one scan of a text. */
interface SubjectWords {
  words: readonly string[];
  /**
   * The words' first characters: a native scan finds where the next word may start (much faster than one indexOf per
   * word), and test() makes no match array.
   */
  any: RegExp;
  /** By first character, the indexes in `words` of the words that start with it. */
  byFirst: Map<number, number[]>;
}

/** Per word list (a context's, built once): kept only while the list lives. */
const subjectWordsCache = new WeakMap<readonly string[], SubjectWords>();

function subjectWordsOf(words: readonly string[]): SubjectWords {
  let found = subjectWordsCache.get(words);
  if (!found) {
    const byFirst = indexByFirstCode(words);
    const firsts = [...byFirst.keys()].filter((c) => c === c); // (NaN: an empty word, which starts nowhere)
    const any = firsts.length ? new RegExp(`[${firsts.map((c) => '\\u' + c.toString(16).padStart(4, '0')).join('')}]`, 'g') : /(?!)/g;
    subjectWordsCache.set(words, (found = { words, any, byFirst }));
  }
  return found;
}

/**
 * The quantities of `unit` that a subject word can govern: read only in windows around the subject words, since
 * reading quantities is the costly part and most of a long list item is about something else.
 */
function quantitiesNearSubjects(unit: string, subjects: SubjectWords, offset: number): QuantityPhrase[] {
  const { words, any, byFirst } = subjects;
  const out: QuantityPhrase[] = [];
  // Every place where some word's first character stands, in order; there, each word found as a scan of that word
  // alone would find it: not overlapping its own previous occurrence (`next`). The windows then come in order of their
  // starts and merge as they come, where they meet or overlap.
  let next: number[] | undefined; // made at the first word found: most units have none
  let from = -1;
  let to = -1;
  any.lastIndex = 0;
  while (any.test(unit)) {
    const at = any.lastIndex - 1; // one character matched: the scan goes on from the next
    for (const i of byFirst.get(unit.charCodeAt(at))!) {
      const w = words[i];
      if (!unit.startsWith(w, at) || (next && at < next[i])) continue;
      next ??= new Array<number>(words.length).fill(0);
      next[i] = at + w.length;
      const start = Math.max(0, at - BEFORE);
      const end = Math.min(unit.length, at + w.length + AFTER);
      if (from >= 0 && start <= to) to = Math.max(to, end);
      else {
        if (from >= 0) readWindow(unit, from, to, offset, out);
        from = start;
        to = end;
      }
    }
  }
  if (from >= 0) readWindow(unit, from, to, offset, out);
  return out;
}

/** The quantities of unit[from, to), placed at `offset` in the paragraph. */
function readWindow(unit: string, from: number, to: number, offset: number, out: QuantityPhrase[]): void {
  for (const q of findQuantities(unit.slice(from, to))) {
    // a number cut by the window's edge is too far from any subject to matter, and may be misread: leave it
    if ((from > 0 && q.start < 3) || (to < unit.length && q.end > to - from - 3)) continue;
    out.push(shift(q, from + offset));
  }
}

interface Candidate {
  /** What the plan's quantity is held to: the source's threshold, or its complement for the plan's side. */
  threshold: SourceThreshold;
  removed?: { zh: string; en: string };
  /** The plan names the other side of a complementary subject: its comparator reads reversed against the rule. */
  flipped?: boolean;
  /** For a complement, its words (外资股比不超过33%); the threshold keeps the source's words. */
  equivalent?: string;
}

function candidatesOf(ctx: CheckContext, taskId: string, subject: Subject): Candidate[] {
  const out: Candidate[] = [];
  for (const threshold of ctx.byTask.get(taskId) ?? []) {
    if (sameSubject(threshold, subject)) out.push({ threshold });
    else if (threshold.subject === subject.head) {
      // 外资股比 against 中方股比不低于67%: held to the complement, 不超过33%
      const complement = complementFor(threshold, subject.side, ctx.subjects);
      if (complement) out.push({ threshold: complement, equivalent: subject.side + subject.head + comparatorWords(complement.comparator) + formatQuantity(complement) });
    }
  }
  for (const rule of ctx.rulesByTask.get(taskId) ?? []) {
    if (rule.subject !== subject.head) continue;
    const flipped = otherSides(rule.subject, rule.side, subject.side, ctx.subjects);
    if (rule.side && subject.side && rule.side !== subject.side && !flipped) continue;
    const task = ctx.index.task(taskId)!;
    const source = ctx.index.sourceOf(task);
    out.push({
      removed: rule,
      ...(flipped ? { flipped } : {}),
      threshold: {
        task: taskId, sourceFile: source.sourceFile, span: { startLine: task.startLine, endLine: task.endLine },
        subject: rule.subject, side: rule.side, comparator: '=', value: NaN, unit: 'percent', words: task.text,
      },
    });
  }
  return out;
}

/**
 * With no task cited, the thresholds of the task the unit is about, by the matcher (the same judgement as every
 * check of meaning); failing that, the body's thresholds of that subject.
 */
function uncitedCandidates(ctx: CheckContext, unit: string, subject: Subject): Candidate[] {
  const body = ctx.bodyThresholds.filter((t) => sameSubject(t, subject)).map((threshold) => ({ threshold }));
  const ids = [...new Set([...ctx.byTask.keys(), ...ctx.rulesByTask.keys()])].filter((id) => candidatesOf(ctx, id, subject).length);
  if (!ids.length) return body;
  const scores = ctx.matcher.scoreOf(unit, ids);
  const top = Math.max(...scores);
  if (top < MIN_TOPIC_SCORE) return body;
  return ids.filter((_, i) => scores[i] === top).flatMap((id) => candidatesOf(ctx, id, subject));
}

/** A clause that lowers a requirement before its number (降低执业年限要求至三年以下, 放宽至…): the number is the new one. */
const LOWERING = /(?:降低|降至|降为|下调|放宽|缩短|减少|减至)[^，。；,;！？!?\n]*$/;

/**
 * A sentence that reports what was done before its figure (首家企业已在我区注册落地，中方股比为70%; 截至6月底…), in any
 * of its clauses (…首家中方股比为60%；第二家中方股比为75%), or gives the figures of several (两家企业外资股比分别为49%和
 * 50%): the figure is the value reached, held to the bound, not a restatement of it.
 */
const REACHED = /(?:已|落地|截至|截止|累计|首家|实际|分别)[^。！？!?\n]*$/;
/**
 * A table's column of what was done (完成情况, 进展情况, 工作成效): a figure in its cell is a value reached, whatever its
 * sentence says (a 完成情况表's …获得经营许可，外资股比分别为49%和50%).
 */
const REPORT_COLUMN = /完成情况|进展情况|推进情况|落实情况|工作进展|工作成效|进展成效/;

/** Whether offset `at` of a row (its text `unit`) is in a cell under a header of what was done (REPORT_COLUMN). */
function inReportColumn(scope: Scope & { header?: string[]; tableHeader?: boolean }, unit: string, at: number): boolean {
  if (!scope.header || scope.tableHeader || !scope.header.some((h) => REPORT_COLUMN.test(h))) return false;
  const k = cellSpans(unit).findIndex(([s, e]) => at >= s && at < e);
  return k >= 0 && REPORT_COLUMN.test(scope.header[k] ?? '');
}

/**
 * Does the plan's quantity contradict the candidate? `lowering`: whether the plan's own clause lowers the requirement
 * before the quantity (asked only of a task that lowers one); `reached`: whether its sentence reports what was done
 * (asked only of a value stated alone, or with 为 or 达到, that keeps within the bound).
 */
function judge(q: QuantityPhrase, c: Candidate, lowering: () => boolean, reached: () => boolean): boolean {
  if (c.removed) {
    // a cap the source removes: the plan sets one again (中方股比不低于51% caps 外资股比 at 49%)
    const comparator = q.comparator && c.flipped ? flipComparator(q.comparator) : q.comparator;
    return comparator === '<=' || comparator === '<';
  }
  const s = c.threshold;
  if (s.lowered) {
    // the task lowers a minimum: asking for more than it, or turning it into a maximum, contradicts it; but a plan
    // that lowers it too (降低…要求至三年以下) gives the new requirement's bound, which may not exceed the old minimum
    if ((q.comparator === '<=' || q.comparator === '<') && !lowering()) return true;
    if (q.unit !== s.unit) return contradicts(q, s);
    return q.value > s.value;
  }
  if ((q.comparator === '=' || q.comparator === undefined) && q.low === undefined && keepsWithin(q.value, s.comparator, s.value) && q.unit === s.unit && reached()) return false;
  return contradicts(q, s);
}

/** Whether a value stated keeps within a bound (70 within 不低于67). */
function keepsWithin(value: number, comparator: string, bound: number): boolean {
  switch (comparator) {
    case '>=': return value >= bound;
    case '>': return value > bound;
    case '<=': return value <= bound;
    case '<': return value < bound;
    default: return false;
  }
}

function toFinding(q: QuantityPhrase, planWords: string, c: Candidate, ctx: CheckContext, msg: Messages, locale: Locale): Finding {
  const s = c.threshold;
  const task = s.task ? ctx.index.task(s.task) : undefined;
  const where = task ? formatReference(task) : msg.bodyOf;
  // a task's threshold points at the task's lines: the span every finding about the task shares
  const atTask = task && s.span.startLine === task.startLine && s.span.endLine === task.endLine && s.sourceFile === ctx.index.sourceOf(task).sourceFile;
  const related = [atTask ? relatedTask(ctx.index, task, msg) : { sourceFile: s.sourceFile, span: s.span, message: task ? msg.sourceTask(where) : msg.bodyOf }];
  if (c.removed) {
    return { start: q.start, end: q.end, code: 'threshold-mismatch', severity: 'error', message: msg.thresholdRemoved(planWords, locale === 'en' ? c.removed.en : c.removed.zh), related, fixes: [] };
  }
  const fixes: Fix[] = [];
  const sourceValue = formatQuantity(s);
  const comparatorDiffers = (q.comparator ?? s.comparator) !== s.comparator;
  if (!comparatorDiffers) {
    fixes.push({ title: msg.replaceWith(sourceValue), start: q.valueStart, end: q.valueEnd, newText: sourceValue, preferred: true });
  } else {
    const phrase = s.comparator === '=' ? sourceValue : comparatorWords(s.comparator) + sourceValue;
    fixes.push({ title: msg.replaceWith(phrase), start: q.start, end: q.end, newText: phrase, preferred: true });
  }
  const detail = s.lowered ? msg.loweredNote : '';
  return {
    start: q.start,
    end: q.end,
    code: 'threshold-mismatch',
    severity: 'error',
    message: msg.thresholdMismatch(planWords, where, s.words) + (c.equivalent ? msg.thresholdEquivalent(c.equivalent) : '') + detail,
    related,
    fixes,
  };
}

/** Moves a quantity by `by`, in place (each comes fresh from findQuantities). */
function shift(q: QuantityPhrase, by: number): QuantityPhrase {
  q.start += by;
  q.end += by;
  q.valueStart += by;
  q.valueEnd += by;
  if (q.comparatorStart !== undefined) q.comparatorStart += by;
  if (q.comparatorEnd !== undefined) q.comparatorEnd += by;
  return q;
}
