// Task numbers written without their table (第7项, 任务清单第13项, 任务12; a list or range of them, 第3、5项, 第3至5项,
// one citation): which task each one means. A heading or the same sentence that names the table settles it, and so does
// a number only one table has (第49项); otherwise the content decides among the tables that have that number, with the
// table of the nearest earlier reference as a tie-breaker.
import { TaskMatcher } from './matcher';
import { applyEvent, Block, blockAt, ContextEvent, firstReferenceFrom, headingTable, PlanContext, sentenceAround, wholeSentenceStart } from './planModel';
import { BareTaskNumber, ItemSpan, MAX_RANGE_ITEMS, scanBareTaskNumbers } from './references';
import { citedTasks, formatReference, ReferenceProblem, ResolvedReference, sourcePrefixOf, TaskIndex } from './taskIndex';
import { NONE } from './text';
import { PolicyIndex, Task } from './types';

export type BareResolution = 'sentence' | 'heading' | 'content' | 'context' | 'document' | 'only' | 'unique';

export interface BareCandidate {
  /** The task of its (first) item. */
  task: Task;
  /** A list or range's tasks in that table, in written order (absent for one number). */
  tasks?: Task[];
  score: number;
}

export interface BareReference {
  /** Offsets relative to the paragraph. */
  start: number;
  end: number;
  text: string;
  /** The (first) item. */
  item: number;
  /** A list or range's written elements (第3、5项, 第3至5项), as a reference's; absent for one number. */
  spans?: ItemSpan[];
  /** Every table's task with that number (each table that has every item of a list or range), best first. */
  candidates: BareCandidate[];
  /** The task it was resolved to, if any (a list or range's first), and how. */
  resolved?: Task;
  /** A list or range's tasks, when resolved. */
  tasks?: Task[];
  by?: BareResolution;
  /** The table the context named (a tie-breaker), if any. */
  contextTable?: number;
  /**
   * The table the sentence or a heading named that has no task with this number (表2 has 17 when 第20项 is written
   * under 二、表2任务落实): the number is then read as if nothing named a table, and the message says why.
   */
  namedTable?: { table: number; count: number; by: 'sentence' | 'heading' };
}

/**
 * How clearly the content must pick a candidate: at least this much matched weight (a few distinctive terms) and
 * this many times the next candidate's. Chosen on the labelled set (test/fixtures/meaning): see the README there.
 */
export const BARE_MIN_SCORE = 12;
export const BARE_RATIO = 2;
/** An earlier table wins a tie unless the content favours another candidate by more than this factor. */
export const CONTEXT_TOLERANCE = 1.5;
/** Below this a candidate's score is noise (one shared common bigram): candidates keep the table order. */
const RANK_NOISE = 5;

export function resolveBareNumbers(
  text: string,
  refs: ResolvedReference[],
  blocks: Block[],
  events: ContextEvent[],
  incoming: PlanContext,
  index: TaskIndex,
  matcher: TaskMatcher,
  /** Bare numbers found otherwise: a task-number column's cells that give the item alone (numberColumnReferences). */
  cells: readonly BareTaskNumber[] = NONE,
): BareReference[] {
  // every bare number is written with 第 or 任务, or is such a cell: a paragraph with neither is not scanned
  if (!text.includes('第') && !text.includes('任务') && !cells.length) return [];
  const scanned = scanBareTaskNumbers(text, refs.map((r) => r.ref));
  const bare = cells.length ? [...scanned, ...cells].sort((a, b) => a.start - b.start) : scanned;
  if (!bare.length) return [];
  const out: BareReference[] = [];
  let context = incoming;
  let e = 0;
  for (const b of bare) {
    const sentence = sentenceAround(text, b.start, Math.max(0, b.start - 200), Math.min(text.length, b.end + 200));
    // a table named in an earlier clause of the sentence (按照表3第12项要求，……；同时落实第10项) names it for the number
    const sentenceStart = wholeSentenceStart(text, sentence.start, Math.max(0, b.start - 200));
    // the context up to the start of the number's sentence, and the tables named earlier in the sentence itself
    while (e < events.length && events[e].at < sentenceStart) context = applyEvent(context, events[e++]);
    let inSentence: number | null = null;
    for (let k = e; k < events.length && events[k].at < b.start; k++) {
      const ev = events[k];
      if (ev.kind === 'mention') inSentence = ev.table;
    }
    const candidates: BareCandidate[] = [];
    // a list or range (第3、5项, 第3至5项) is one citation: a table that has its last item has them all
    const items = b.spans ? itemsOf(b.spans) : undefined;
    let last = b.item;
    if (items) for (const i of items) if (i > last) last = i;
    // every loaded source's tables with that number (the default source first); the fix writes each with its prefix —
    // or only the source the sentence names before the number (《工作方案》第12项), when another is loaded too
    const named = index.sources.length > 1 ? namedSource(text.slice(sentenceStart, b.start), index) : undefined;
    const candidateOf = (prefix: string, table: number): BareCandidate => {
      const task = index.taskAt(prefix, table, b.item)!;
      return items ? { task, tasks: items.map((i) => index.taskAt(prefix, table, i)!), score: 0 } : { task, score: 0 };
    };
    for (const source of named ? [named] : index.sources) {
      for (const t of source.tables) if (t.taskCount >= last) candidates.push(candidateOf(source.prefix, t.number));
    }
    const result: BareReference = b.spans
      ? { start: b.start, end: b.end, text: b.text, item: b.item, spans: b.spans, candidates }
      : { start: b.start, end: b.end, text: b.text, item: b.item, candidates };
    out.push(result);
    const take = (c: BareCandidate, by: BareResolution) => {
      result.resolved = c.task;
      if (c.tasks) result.tasks = c.tasks;
      result.by = by;
    };
    // a task list of one table (a work plan that numbers its tasks in its body) leaves a bare number one task to be
    if ((named || index.sources.length === 1) && candidates.length === 1 && index.sourceOf(candidates[0].task).tables.length === 1) {
      take(candidates[0], named ? 'document' : 'only');
      continue;
    }
    const settle = (table: number | null, by: 'sentence' | 'heading'): boolean => {
      if (table === null) return false;
      if (!index.taskAt('', table, last)) {
        const named = index.table('', table);
        if (named && !result.namedTable) result.namedTable = { table, count: named.taskCount, by };
        return false;
      }
      const i = candidates.findIndex((c) => c.task.table === table && !c.task.id.includes(':'));
      take(i < 0 ? candidateOf('', table) : candidates[i], by);
      if (i > 0) candidates.unshift(...candidates.splice(i, 1));
      return true;
    };
    if (settle(inSentence, 'sentence') || settle(headingTable(context), 'heading')) continue;
    // a number only one table has (第49项 when only 表1 runs past 24) can be no other task — unless a table named
    // around it lacks the number, which says the plan meant another
    if (candidates.length === 1 && !result.namedTable) {
      take(candidates[0], 'unique');
      continue;
    }
    const block = blockAt(blocks, b.start);
    const span = topicText(text, block && block.end - block.start <= 400 ? block : sentence, refs, b);
    if (items) {
      // a list or range: each table by the task of it the words fit best
      const ids = candidates.flatMap((c) => c.tasks!.map((t) => t.id));
      const scores = matcher.scoreOf(span, ids);
      let k = 0;
      for (const c of candidates) {
        let best = 0;
        for (let n = c.tasks!.length; n > 0; n--, k++) best = Math.max(best, scores[k]);
        c.score = best >= RANK_NOISE ? best : 0;
      }
    } else {
      const scores = matcher.scoreOf(span, candidates.map((c) => c.task.id));
      candidates.forEach((c, i) => (c.score = scores[i] >= RANK_NOISE ? scores[i] : 0));
    }
    const contextTable = context.mention;
    if (contextTable !== null) result.contextTable = contextTable;
    const isContext = (c: BareCandidate) => c.task.table === contextTable && !c.task.id.includes(':');
    // Array.prototype.sort is stable: equal scores keep the sources' and tables' order
    candidates.sort((x, y) => y.score - x.score || (isContext(x) ? -1 : isContext(y) ? 1 : 0));
    const [best, second] = candidates;
    if (!best) continue;
    const clear = best.score >= BARE_MIN_SCORE && best.score >= BARE_RATIO * (second?.score ?? 0);
    if (result.namedTable) {
      // a table named around it that lacks the number: the plan wrote a wrong table or a wrong number, which its words
      // do not settle; said, with the candidates best first, or only the one its words clearly pick (第20项 under
      // 二、表2任务落实, about 应用型本科: 表1第20项)
      if (clear) candidates.splice(1);
      continue;
    }
    if (clear) {
      take(best, 'content');
      continue;
    }
    const fromContext = contextTable === null ? undefined : candidates.find(isContext);
    if (fromContext && (best.score < BARE_MIN_SCORE || fromContext.score * CONTEXT_TOLERANCE >= best.score)) {
      take(fromContext, 'context');
      candidates.unshift(...candidates.splice(candidates.indexOf(fromContext), 1));
    }
  }
  return out;
}

/** How a bare number read as a task cites it: settled by what the plan names, not inferred from words or order. */
const SETTLED: Partial<Record<BareResolution, true>> = { sentence: true, heading: true, document: true, only: true, unique: true };

/**
 * The tasks the bare numbers inside [span.start, span.end) cite: those their heading, their sentence, the document
 * they name, a task list of one table or the one table that has the number settles (第12项 under ## 二、表1任务落实),
 * for the checks that judge what a unit says of the tasks it cites. One read from its words or the table cited before
 * it is a guess, and cites nothing.
 */
export function settledTasks(bare: readonly BareReference[], span: { start: number; end: number }): Task[] {
  let out: Task[] | undefined;
  for (const b of bare) if (settledIn(b, span)) (out ??= []).push(...bareTasks(b));
  return out ?? NONE;
}

/** The tasks a block cites, by its references and its resolved bare numbers, each once. */
export function blockTasks(b: Pick<Block, 'references' | 'bare'>): Task[] {
  return b.bare.length ? [...new Set([...citedTasks(b.references), ...b.bare.flatMap(bareTasks)])] : citedTasks(b.references);
}

/** The tasks a resolved bare number cites: its task, or a list or range's tasks. */
export function bareTasks(b: Pick<BareReference, 'tasks' | 'resolved'>): Task[] {
  return b.tasks ?? (b.resolved ? [b.resolved] : NONE);
}

/** The task of the element of a bare list or range at `offset` (relative to its paragraph), else its task. */
export function bareTaskAt(b: BareReference, offset: number): Task | undefined {
  if (!b.tasks || !b.spans) return b.resolved;
  const span = b.spans.find((s) => offset >= s.start && offset <= s.end);
  return (span && b.tasks.find((t) => t.item === span.from)) ?? b.resolved;
}

/** A bare number written as a citation of `task`'s table: 表1第12项, or a list or range with its table, 表3第3、5项. */
export function bareWithTable(b: Pick<BareReference, 'text' | 'spans'>, task: Task): string {
  return b.spans ? listWithTable(b.text, sourcePrefixOf(task), task.table) : formatReference(task);
}

/** A list or range written without its table (第3、5项; a cell's 3、5), written with it: 表3第3、5项. */
export function listWithTable(written: string, prefix: string, table: number): string {
  const text = written.trim();
  return text.startsWith('第') ? `${prefix}表${table}${text}` : `${prefix}表${table}第${text}项`;
}

/**
 * The items a list or range names, ranges expanded, a backwards one (第15至12项) as it was meant: at most
 * MAX_RANGE_ITEMS in all (no table is longer; a list written absurdly long is read no further).
 */
function itemsOf(spans: readonly ItemSpan[]): number[] {
  const items: number[] = [];
  for (const s of spans) {
    const [from, to] = s.from <= s.to ? [s.from, s.to] : [s.to, s.from];
    for (let i = from; i <= to && items.length < MAX_RANGE_ITEMS; i++) items.push(i);
    if (items.length >= MAX_RANGE_ITEMS) break;
  }
  return items;
}

/** Whether a bare number inside `span` is settled (SETTLED) as a task. */
function settledIn(b: BareReference, span: { start: number; end: number }): boolean {
  return !!b.resolved && !!SETTLED[b.by!] && b.start >= span.start && b.end <= span.end;
}

/**
 * The bare numbers inside `span` that their heading, sentence, named document or one-table list settles, each as a
 * reference to its task as written (第12项 for 表1第12项): for the checks that judge whether a citation fits its
 * sentence (reference-mismatch), which read a block's references.
 */
export function settledCitations(bare: readonly BareReference[], span: { start: number; end: number }): ResolvedReference[] {
  let out: ResolvedReference[] | undefined;
  for (const b of bare) {
    if (!settledIn(b, span)) continue;
    const task = b.resolved!;
    const spans = b.spans ?? [{ from: task.item, to: task.item, start: b.start, end: b.end }];
    const ref = { start: b.start, end: b.end, text: b.text, prefix: sourcePrefixOf(task), table: task.table, tableStart: b.start, tableEnd: b.start, spans, form: 'table' as const };
    // a range written backwards (第15至12项) is unknown-task's to say, as 表1第15至12项 is
    const problems: ReferenceProblem[] = [];
    for (const s of spans) if (s.from > s.to) problems.push({ kind: 'backwards', start: s.start, end: s.end, table: task.table, from: s.from, to: s.to });
    (out ??= []).push({ ref, tasks: bareTasks(b), problems });
  }
  return out ?? NONE;
}

/**
 * A block's citations, for the checks that judge whether they fit their sentence, place or domain: its references and
 * the bare numbers it settles (第12项 under 二、表1任务落实; 第49项 after 表1第12项 in one sentence: settledCitations),
 * in the order they are written.
 */
export function blockCitations(block: Block): readonly ResolvedReference[] {
  const bare = settledCitations(block.bare, block);
  if (!bare.length) return block.references;
  if (!block.references.length) return bare;
  return [...block.references, ...bare].sort((a, b) => a.ref.start - b.ref.start);
}

/**
 * The loaded source the last 《…》 of `before` names by its title or the short name it gives itself, when no other
 * loaded source has that name (two sources that each call themselves 《总体方案》 name neither).
 */
function namedSource(before: string, index: TaskIndex): PolicyIndex | undefined {
  const open = before.lastIndexOf('《');
  if (open < 0) return undefined;
  const close = before.indexOf('》', open);
  if (close < 0) return undefined;
  const name = before.slice(open + 1, close).replace(/\s+/g, '');
  const sources = index.sources.filter((s) => s.meta.title === name || s.facts?.shortNames?.includes(name));
  return sources.length === 1 ? sources[0] : undefined;
}

/** The words of a span that can say what it is about: the references and the bare number themselves left out. */
export function topicText(
  text: string,
  span: { start: number; end: number },
  refs: readonly ResolvedReference[],
  skip?: { start: number; end: number } | readonly { start: number; end: number }[],
): string {
  let out = '';
  let at = span.start;
  // refs are in text order: only those inside the span are cut (a binary search keeps long lines linear)
  const cuts: { start: number; end: number }[] = [];
  for (let i = firstReferenceFrom(refs, span.start); i < refs.length && refs[i].ref.start < span.end; i++) if (refs[i].ref.end <= span.end) cuts.push(refs[i].ref);
  for (const c of Array.isArray(skip) ? skip : skip ? [skip as { start: number; end: number }] : NONE) {
    if (c.start >= span.start && c.end <= span.end) cuts.push(c);
  }
  cuts.sort((a, b) => a.start - b.start);
  for (const c of cuts) {
    if (c.start < at) continue;
    out += text.slice(at, c.start) + '|';
    at = c.end;
  }
  return out + text.slice(at, span.end);
}
