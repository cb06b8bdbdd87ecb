// What a block is about, by the matcher: whether the text around a reference fits the cited task or clearly another
// one, and which task an uncited list item or table row restates. Shared by the checks, hover and coverage.
import { blockTasks, topicText } from './bareNumbers';
import { closingParenthesis } from './deadlines';
import { TaskMatcher } from './matcher';
import { assignsAbove, CN_HEADING_ITEM, INDENT, LIST_MARKER_SOURCE, enumerationTitle, followsDirectly, framedBy, headingItemsAbove, isClause, headingLikeLine, isFrameSection, numberingIsFirst, numberingLevel, enclosingItems, MARKER_OPENING, SUB_ITEM_MARKER } from './scopes';
import { scanReferences } from './references';
import { Block, BlockKind, cellSpans, Heading, mayBeTaskItem, ParagraphModel, PlanContext, sentenceAround, firstReferenceFrom } from './planModel';
import { citedTasks, ReferenceProblem, ResolvedReference, sourcePrefixOf, TaskIndex, taskId } from './taskIndex';
import { assigningTable, isAssignmentHeader, readUnitList } from './responsibility';
import { HAS_WORDS } from './text';
import { Task } from './types';

/**
 * The constants of the judgements below, chosen on the labelled set (test/fixtures/meaning, see its README) by a
 * grid search, each in the middle of the range where precision stays at its best and recall does not drop. A
 * weight of 16 is about four bigrams that a single task carries (数字人民币); "clearly about another task" also
 * needs two and a half times the cited task's score, and a cited task with 20 or more fits however well another does.
 */
export const TOPIC_THRESHOLDS = {
  mismatchMinScore: 16,
  /**
   * "Clearly about another task" when the cited one scores below fitsScore: the other's score over the cited one's.
   * 3 until 2026-12-07, from the grid search; the labelled sets have no span between 1.5 and 2.8 (their lowest wrong
   * citation, r7w02, is at 2.81), so they do not place it within that range. The held-out sets (132 files then) do:
   * every right citation at or below 2.31 (ps99_20), every wrong one at or above 2.82 (nm114_35, nm87_20, rt49_03 at
   * 2.82–2.88, missed at 3). 2.5 stands near the middle of that gap.
   */
  mismatchRatio: 2.5,
  /** A cited task that shares this much with the span fits it, whatever else fits better, but for its twin (twinOwnMax). */
  fitsScore: 20,
  /**
   * Twin tasks, written to one pattern (允许…捐资举办非营利性医疗机构 / …养老机构): a cited task that fits by what it shares
   * with its twin alone — the span shares less than this with the cited task and not the twin (a gram of weight below 2
   * is in more than one task in e², 7.4: 支持, 广州市) — while it shares mismatchMinScore with the twin alone, is its twin's.
   * On the meaning set and its held-out set every span below it is wrong; the next, at 3.8, is a wrong-but-fits span.
   */
  twinOwnMax: 2,
  /**
   * …or shares with it alone less than this share of what it shares with the twin alone, when the twin scores
   * mismatchRatio times the cited task. Chosen on the held-out sets (159 files), where two spans with a cited task that
   * fits score the other at that ratio: a wrong citation at 8.5 (nb144_20, 养老机构 cited as 表1第38项's 医疗机构) and a
   * right one at 5.2 (pc40_20, a sentence of 表1第16项 and 表1第17项 whose second reference is not read); none of the
   * labelled sets has such a span.
   */
  twinDominance: 6,
  /**
   * An uncited item restates its best task when it scores this and restatedRatio times the next. On the meaning sets (the
   * labelled one and two held out: 78 restated spans, 62 unrelated) the restated score 20.1 and up, the unrelated that
   * pass the ratio 19.7 and below (校园周边食品安全…化妆品…监管 for 表1第10项's 预包装食品、化妆品): 18 until the second
   * held-out set showed that one.
   */
  restatedMinScore: 20,
  restatedRatio: 1.5,
  /**
   * The task a reference to no task (表1第64项) was meant to cite: the weight of a mismatch, and twice the next task's
   * score (on the set's 239 single citations made references to no task, precision is 99.5% at a ratio of 2 for any
   * weight from 12 to 24, and recall 92.6% up to 18; a ratio of 1.5 gains 2 points of recall for two twin-task errors).
   */
  intendedMinScore: 16,
  intendedRatio: 2,
};
export type TopicThresholds = typeof TOPIC_THRESHOLDS;

export interface ReferenceVerdict {
  /** The text judged (the reference's sentence, or its whole list item or row). */
  span: { start: number; end: number };
  /** What the span is, for the message to name it: the sentence, the clauses before the reference's parenthesis, the whole item, row or heading. */
  part: JudgedPart;
  /** The best-fitting cited task and its score. */
  cited: Task;
  citedScore: number;
  /** The task the span is clearly about instead, when it is not about any cited one. */
  better?: Task;
  betterScore?: number;
}

export type JudgedPart = 'sentence' | 'clause' | BlockKind;

/** At most this many characters on each side of a reference are read to judge it (a hostile line can be huge). */
const MAX_REACH = 200;

/**
 * The text a reference is judged by: its whole block when the block's references all stand in one sentence, else
 * the sentence around it (a list item that cites two tasks in two sentences is two claims).
 */
export function judgedSpan(
  text: string,
  block: Block,
  ref: ResolvedReference,
  refs: readonly ResolvedReference[] = block.references,
  /** The paragraph's blocks: a status line's reference is judged by the sentences after it (statusLabelEnd). */
  blocks?: readonly Block[],
): { start: number; end: number } {
  if (blocks) {
    const end = statusLabelEnd(text, blocks, block, ref);
    if (end > block.end) return { start: block.start, end };
  }
  const from = Math.max(block.start, ref.ref.start - MAX_REACH);
  const to = Math.min(block.end, ref.ref.end + MAX_REACH);
  const sentence = sentenceAround(text, ref.ref.start, from, to);
  const alone = refs[0].ref.start >= sentence.start && refs[refs.length - 1].ref.start < sentence.end;
  return alone && block.end - block.start <= 2 * MAX_REACH ? { start: block.start, end: block.end } : sentence;
}

/** What follows a task's reference that opens a status line: a colon and a few words of status (：已完成。, ：推进中；). */
const STATUS_REST = /^[ \t\u3000]*[：:][ \t\u3000]*[^。！？!?；;\n]{0,8}[。；;！!]?[ \t]*$/;
/** What may stand before it on its line: markup (**, -, >, #). */
const MARKUP_ONLY = /^[ \t\u3000*_#>-]*$/;

/**
 * Where the text a reference is judged by ends, when its sentence is a status line a report or a ledger opens a paragraph
 * with (表3第17项：已完成。推进…): the sentence says nothing of the work, the sentences after it in the paragraph do, up to
 * one that cites a task or a bare task number, or the line's end, at most 2 × MAX_REACH from the reference. Else the block's end.
 */
export function statusLabelEnd(text: string, blocks: readonly Block[], block: Block, ref: ResolvedReference): number {
  if ((block.kind !== 'sentence' && block.kind !== 'item') || block.references.length !== 1 || block.references[0] !== ref || block.bare.length) return block.end;
  const before = text.slice(block.start, ref.ref.start);
  if (!(MARKUP_ONLY.test(before) || (block.kind === 'item' && ITEM_MARKER_ONLY.test(before))) || !STATUS_REST.test(text.slice(ref.ref.end, block.end))) return block.end;
  // an item (（二）表1第31项：已完成。) is a line of its own: its sentences are on the lines after it, up to the next item
  const acrossLines = block.kind === 'item';
  let end = block.end;
  const limit = ref.ref.end + 2 * MAX_REACH;
  for (let i = blocks.indexOf(block) + 1; i < blocks.length; i++) {
    const next = blocks[i];
    if (next.kind !== 'sentence' || next.references.length || next.bare.length || next.end > limit) break;
    if (!acrossLines && text.slice(end, next.start).includes('\n')) break;
    end = next.end;
  }
  return end;
}
/** What may stand before a status line's reference in a list item: its marker ((二), 1．, -) and markup. */
const ITEM_MARKER_ONLY = new RegExp(String.raw`^${INDENT}(?:${LIST_MARKER_SOURCE})[ \t\u3000*_]*$`);

/** What a parenthesis that assigns an item says (（区科技局牵头，2024年底前完成）): who and when, not what. */
export const ASSIGNING = /牵头|负责|配合|责任|主责|协办|完成|[年月]前|底前|持续|长期/;

/**
 * The words of a span that say what it is about, for the words a message shows as shared with a task: without the
 * parenthesis that closes it when that assigns it (a unit's name, 区科技局, is no topic of the item's).
 */
export function topicWords(text: string): string {
  const closing = closingParenthesis(text);
  if (!closing || !ASSIGNING.test(text.slice(closing[0], closing[1]))) return text;
  return text.slice(0, closing[0] - 1) + text.slice(closing[1] + 1);
}

/** A role word that closes a clause (，人民银行黄埔支行配合; 由区商务局牵头，), and the marks that bound a clause. */
const ROLE_AT_CLAUSE_END = /(?:牵头负责|牵头|负责|配合|参与|协助|协办)(?=[，,；;。（）()]|$)/g;
const CLAUSE_MARK = /[，,；;。（）()]/;

/**
 * The words of a span without its clauses that only say who does the work (，人民银行黄埔支行配合; 由区商务局牵头): a
 * unit's place (黄埔) or line of work (商务) is no topic of the sentence's, and would make another task fit.
 */
function withoutAssigningClauses(words: string): string {
  let out = '';
  let last = 0;
  ROLE_AT_CLAUSE_END.lastIndex = 0;
  for (let m = ROLE_AT_CLAUSE_END.exec(words); m; m = ROLE_AT_CLAUSE_END.exec(words)) {
    let start = m.index;
    while (start > last && !CLAUSE_MARK.test(words[start - 1])) start--;
    if (start === m.index || !readUnitList(words, start, m.index)) continue;
    out += words.slice(last, start) + '|';
    last = m.index + m[0].length;
  }
  return last ? out + words.slice(last) : words;
}

/**
 * The cells of a 分工表's row under its lead, partner and deadline columns (| 市司法局、广州仲裁委员会 | under 配合单位):
 * who and when, not what. A unit's name (广州仲裁委员会) is no topic of the row's, and would make another task fit.
 */
function assigningCells(text: string, block: Block): { start: number; end: number }[] | undefined {
  const header = block.kind === 'row' && !block.tableHeader ? block.header : undefined;
  if (!header || !header.some(isAssignmentHeader)) return undefined;
  const cells = cellSpans(text.slice(block.start, block.end));
  const out: { start: number; end: number }[] = [];
  header.forEach((h, k) => {
    if (cells[k] && isAssignmentHeader(h)) out.push({ start: block.start + cells[k][0], end: block.start + cells[k][1] });
  });
  return out;
}

/** The tasks cited by the references that start in [start, end) of a block (its references are in text order). */
function citedIn(refs: readonly ResolvedReference[], start: number, end: number): Set<string> {
  const out = new Set<string>();
  for (let i = firstReferenceFrom(refs, start); i < refs.length && refs[i].ref.start < end; i++) for (const t of refs[i].tasks) out.add(t.id);
  return out;
}

/**
 * The clauses a reference judges, when its span cites tasks clause by clause, each in a parenthesis that closes its
 * clause (…新增一批受理场景（表1第35项），同时…引导跨国公司设立资金管理中心（表1第36项）；): from the parenthesis before
 * its own (or the span's start) to the end of its own. Undefined when the span has one such parenthesis, or a reference
 * that stands elsewhere (落实表1第12项，推动…: the words follow it).
 */
function ownClauses(text: string, span: { start: number; end: number }, ref: ResolvedReference, refs: readonly ResolvedReference[]): { start: number; end: number } | undefined {
  let groups = 0;
  let before = span.start;
  let own: { start: number; end: number } | undefined;
  let lastClose = -1;
  for (let i = firstReferenceFrom(refs, span.start); i < refs.length && refs[i].ref.start < span.end; i++) {
    const r = refs[i].ref;
    const close = closingParenthesisOf(text, r.start, r.end, span.end);
    if (close < 0) return undefined;
    if (close !== lastClose) {
      // a new parenthesis: its clauses start after the one before
      if (lastClose >= 0) before = lastClose + 1;
      lastClose = close;
      groups++;
    }
    if (refs[i] === ref) own = { start: before, end: close + 1 };
  }
  return groups >= 2 ? own : undefined;
}

/** The cell of a row that holds the reference (a 工作举措 cell's clauses, not the 任务编号 cell's list), as cellSpans reads its cells. */
function cellAround(text: string, row: { start: number; end: number }, ref: ResolvedReference): { start: number; end: number } {
  for (const [a, b] of cellSpans(text.slice(row.start, row.end))) {
    if (row.start + a <= ref.ref.start && ref.ref.end <= row.start + b) return { start: row.start + a, end: row.start + b };
  }
  return row;
}

/**
 * Where the parenthesis that holds text[start, end) closes, when it closes a clause (a clause's or sentence's mark, or
 * the span's end, right after it), else -1.
 */
function closingParenthesisOf(text: string, start: number, end: number, limit: number): number {
  let open = start - 1;
  while (open >= 0 && start - open <= MAX_IN_PARENTHESIS && !OPENS.has(text[open]) && !CLOSES.has(text[open]) && text[open] !== '\n') open--;
  if (open < 0 || !OPENS.has(text[open])) return -1;
  let close = end;
  while (close < limit && close - end < MAX_IN_PARENTHESIS && !CLOSES.has(text[close]) && !OPENS.has(text[close]) && text[close] !== '\n') close++;
  if (close >= limit || !CLOSES.has(text[close])) return -1;
  let next = close + 1;
  while (next < limit && (text[next] === ' ' || text[next] === '\u3000')) next++;
  return next >= limit || CLAUSE_CLOSE.test(text[next]) ? close : -1;
}
const OPENS = new Set(['（', '(']);
const CLOSES = new Set(['）', ')']);
/** How far from a reference its parenthesis may open or close (（表1第12项、表1第13项、表1第14项）). */
const MAX_IN_PARENTHESIS = 40;
/** What follows a parenthesis that closes a clause. */
const CLAUSE_CLOSE = /[，,；;。.！!？?\n]/;

/**
 * Whether a reference, with the references listed after it, names examples of a group of tasks (表1第25项等金融开放任务,
 * 表2第8项、表2第9项等8项任务): 等 and a count or a kind of 任务 right after the list.
 */
function namesGroup(text: string, ref: ResolvedReference, refs: readonly ResolvedReference[]): boolean {
  let end = ref.ref.end;
  for (let i = refs.indexOf(ref) + 1; i < refs.length && LIST_GAP.test(text.slice(end, refs[i].ref.start)); i++) end = refs[i].ref.end;
  return GROUP_AFTER.test(text.slice(end, end + 24));
}
/** What joins the references of a list. */
const LIST_GAP = /^[ \t\u3000]*(?:[、，,和及与]|以及)?[ \t\u3000]*$/;
/** 等 and the group the listed tasks are examples of (等金融开放任务, 等8项任务, 等用地支持政策). */
const GROUP_AFTER = /^[ \t\u3000]*等[^。；;，,！？!?\n]{0,16}?(?:任务|事项|工作|政策|措施|举措|改革|项目|试点)/;

/** Does the text around `ref` fit the tasks it cites, or clearly another task? Undefined for a reference to nothing. */
export function judgeReference(
  model: ParagraphModel,
  block: Block,
  ref: ResolvedReference,
  matcher: TaskMatcher,
  t: TopicThresholds = TOPIC_THRESHOLDS,
  /** The block's citations: its references, or the bare numbers it settles (settledCitations). */
  refs: readonly ResolvedReference[] = block.references,
): ReferenceVerdict | undefined {
  if (!ref.tasks.length || ref.problems.length) return undefined;
  // tasks named as examples of a group (到2024年底，表2第8项、表2第9项等融合发展任务形成示范): the words are the group's
  if (namesGroup(model.text, ref, refs)) return undefined;
  const sentence = judgedSpan(model.text, block, ref, refs, model.blocks);
  const clauses = ownClauses(model.text, block.kind === 'row' ? cellAround(model.text, block, ref) : sentence, ref, refs);
  const span = clauses ?? sentence;
  const part: JudgedPart = clauses ? 'clause' : span.start === block.start && span.end === block.end ? block.kind : 'sentence';
  const words = withoutTitles(withoutAssigningClauses(topicText(model.text, span, refs, assigningCells(model.text, block))), matcher);
  const cited = ref.tasks.length > 40 ? ref.tasks.slice(0, 40) : ref.tasks;
  const scores = matcher.scoreOf(words, cited.map((x) => x.id));
  let bestCited = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[bestCited]) bestCited = i;
  const verdict: ReferenceVerdict = { span, part, cited: cited[bestCited], citedScore: scores[bestCited] };
  // every task cited in the span counts as cited: a sentence about two tasks may cite both
  const citedHere = citedIn(refs, span.start, span.end);
  // the best task not cited here is among the first (cited here + 1) (at most 8, as the tasks a span cites may be many)
  const other = matcher.match(words, Math.min(8, citedHere.size + 1)).find((m) => !citedHere.has(m.task.id));
  if (!other) return verdict;
  // the cited task is the other's twin: what the span shares with the cited task alone is next to nothing, and the
  // other's score exceeds the cited one's by what it shares alone, which few spans reach (建好广州期货交易所的期货交割库
  // cited as 表1第30项, whose 期货交易所 表1第29项 has too)
  // (what it shares with the other tasks the span cites is theirs, not the cited task's own: a task listed with another
  // for a sentence about two, 支持外国专利代理机构在知识城…；推动广州知识产权交易中心…（表3第10项、表2第15项), fits
  // neither by its 专利代理 (表3第10项's) nor its 知识产权 (表2第16项's))
  const twin = () =>
    other.score >= verdict.citedScore + t.mismatchMinScore - t.twinOwnMax && isTwinOf(matcher, words, verdict.cited, other.task, t, citedHere);
  // …or what it shares alone is small beside what the other has alone, when the other scores mismatchRatio times the
  // cited task: a paraphrase of the twin that keeps a word of the cited task's (允许外商以捐资方式兴办非营利性养老机构
  // cited as 表1第38项, whose 捐资方式 is its own)
  const dominated = () => {
    if (other.score < t.mismatchRatio * verdict.citedScore) return false;
    const { onlyA, onlyB } = matcher.contrast(words, verdict.cited.id, other.task.id, citedHere.size > 1 ? [...citedHere] : undefined);
    return onlyB >= t.twinDominance * Math.max(onlyA, 1);
  };
  const clearly =
    verdict.citedScore >= t.fitsScore
      ? // the cited task fits, unless it is the other's twin
        twin() || dominated()
      : (other.score >= t.mismatchMinScore && other.score >= t.mismatchRatio * Math.max(verdict.citedScore, 1) && ownBeyondCited(matcher, words, other.task, citedHere, t)) ||
        twin();
  if (clearly) {
    verdict.better = other.task;
    verdict.betterScore = other.score;
  }
  return verdict;
}

/**
 * Whether the span shares with `other` at least mismatchMinScore that none of the tasks it cites has, when it cites
 * several: words of theirs are no sign of another task (建设国家数字服务出口基地、国家文化出口基地，推动金融业对外开放
 * citing 表3第16至18项 is not about 表1第45项's 国家中医药服务出口基地 for the third's sake). With one cited task, true.
 */
function ownBeyondCited(matcher: TaskMatcher, words: string, other: Task, citedHere: ReadonlySet<string>, t: TopicThresholds): boolean {
  if (citedHere.size < 2) return true;
  const [first, ...rest] = citedHere;
  return matcher.contrast(words, other.id, first, rest).onlyA >= t.mismatchMinScore;
}

/** Whether `words` share next to nothing with `cited` that `other` does not have, and much with `other` alone (twinOwnMax). */
function isTwinOf(matcher: TaskMatcher, words: string, cited: Task, other: Task, t: TopicThresholds, citedHere: ReadonlySet<string>): boolean {
  const { onlyA, onlyB } = matcher.contrast(words, cited.id, other.id, citedHere.size > 1 ? [...citedHere] : undefined);
  return onlyA < t.twinOwnMax && onlyB >= t.mismatchMinScore;
}

export interface Restatement {
  task: Task;
  score: number;
  /**
   * The paragraph is one heading-like line (（一）开展“两业”融合统计调查): a task item when labelled lines follow it (牵头单位：…,
   * a Word plan's item), else the title of a section, which restates no task (restatementIn).
   */
  title: boolean;
  /**
   * A heading above the item that cites the task (### （一）表3第23项：人工智能伦理规范, or a heading-like line above it
   * in its paragraph): the item restates a task its section cites, or is an item of the only task its heading cites
   * (score 0), so it cites it too (the heading's title).
   */
  citedAbove?: string;
}

/**
 * The task the text around a reference to no task (表1第64项, a typo of 表1第46项; 表6第3项) is clearly about: what
 * it was meant to cite. Only a task of the reference's source, of `table` when given (a number of a list, where only
 * the number can change), and that no other reference of the span cites; undefined when the text does not pick one.
 */
function intendedTask(
  model: ParagraphModel,
  block: Block,
  ref: ResolvedReference,
  table: number | undefined,
  matcher: TaskMatcher,
  t: TopicThresholds = TOPIC_THRESHOLDS,
): (Omit<Restatement, 'title'> & { span: { start: number; end: number } }) | undefined {
  if (!ref.source) return undefined;
  const span = judgedSpan(model.text, block, ref, block.references, model.blocks);
  const words = withoutTitles(topicText(model.text, span, block.references), matcher);
  const citedHere = citedIn(block.references, span.start, span.end);
  const source = ref.source.prefix;
  const allowed = (task: Task) => sourcePrefixOf(task) === source && (table === undefined || task.table === table) && !citedHere.has(task.id);
  const [best, second] = matcher.match(words, 8).filter((m) => allowed(m.task));
  if (!best || best.score < t.intendedMinScore || best.score < t.intendedRatio * (second?.score ?? 0)) return undefined;
  return { task: best.task, score: best.score, span };
}

/**
 * The task a reference's problem (a number past the end of its table, a table the list does not have) was meant to
 * cite, by its sentence (intendedTask): a reference of its own may become any task of its source; one number of a list
 * only another number of its table; a list in a table that does not exist, or with two numbers wrong, nothing (which
 * number was meant cannot be told).
 */
export function intendedFor(model: ParagraphModel, block: Block, ref: ResolvedReference, problem: ReferenceProblem, matcher: TaskMatcher) {
  if (problem.kind !== 'no-task' && problem.kind !== 'no-table') return undefined;
  if (ref.ref.spans.length === 1) return intendedTask(model, block, ref, undefined, matcher);
  if (problem.kind === 'no-table' || ref.problems.length > 1) return undefined;
  return intendedTask(model, block, ref, problem.table, matcher);
}

/**
 * The task an uncited list item or table row clearly restates, if any; else, for an item under a heading that cites
 * one task only (### （二）落实表3第22项, or a heading-like line above it in its paragraph), that task (score 0).
 * `headings`: the headings above it, innermost first (headingsAbove, read once per block).
 */
function restatementOf(model: ParagraphModel, block: Block, matcher: TaskMatcher, headings: () => readonly HeadingAbove[], t: TopicThresholds = TOPIC_THRESHOLDS): Restatement | undefined {
  if (!mayBeTaskItem(block) || block.references.length || block.bare.length) return undefined;
  // a list item that only assigns (- 牵头单位：区科工商信局, - （区商务局牵头）): the labelled lines of what is above it, no task
  if (block.kind === 'item' && assignsAbove(model.text.slice(block.start, block.end).replace(MARKER_OPENING, ''))) return undefined;
  const words = withoutTitles(model.text.slice(block.start, block.end), matcher);
  const i = model.blocks.indexOf(block);
  // a nested item of an item that cites or restates a task is a part of that item's task, not a task of its own, at any
  // depth (1. …（表1第56项） over - … over - …)
  for (const parent of enclosingItems(model.text, model.blocks, i)) if (parent.references.length || parent.bare.length || parent.restates) return undefined;
  // a heading-like line (（一）推动先进制造业和现代服务业融合发展) heads what follows it, unless that is its labelled lines
  // (（一）开展“两业”融合统计调查 then 牵头单位：…, a Word plan's item); a paragraph of its own, the next paragraph tells
  // (title); the last of a paragraph's items is one of them
  let title = false;
  if (block.kind === 'item' && headingLikeLine(words)) {
    const next = model.blocks[i + 1];
    // a title is a phrase: a line with a sentence in it (（四）…开展低空载人飞行器试飞和组网。（区交通运输局，2025年6月）) is an item
    if (model.blocks.length === 1) title = !words.includes('。');
    else if (next && !assignsAbove(model.text.slice(next.start, next.end).replace(SUB_ITEM_MARKER, ''))) return undefined;
  } else if (block.kind === 'item' && runInTitleOver(model, words, i)) return undefined;
  // the plan's own frame — its guiding thought, goals, safeguards — restates no task (inPlanFrame)
  if (block.frame) return undefined;
  // an item that asks (一、…的，是否可直接受理。 in a letter asking how a task is carried out) takes up no task
  if (ASKS.test(words)) return undefined;
  const above = headings();

  const [best, second] = matcher.match(words, 2);
  if (!best || best.score < t.restatedMinScore || best.score < t.restatedRatio * (second?.score ?? 0)) {
    // no task's words: the task of the heading right above it when that cites one only; under a Markdown heading that
    // cites none (or none at all), an item of no task of its own, which a heading-like paragraph may give one (restatementIn)
    // (an item or row with words of its own: not an empty 2. or a lone |)
    if (title || !HAS_WORDS.test(words)) return undefined;
    const inner = above[0];
    if (inner && inner.tasks.length === 1) return { task: inner.tasks[0], score: 0, title: false, citedAbove: inner.title };
    if (!inner || (!inner.line && !inner.tasks.length)) block.open = true;
    return undefined;
  }
  // the words before an enumeration's clauses (（一）打造人工智能与数字经济创新高地。一是…（表3第22项）；二是…) are its title:
  // a task one of its clauses cites is that clause's; and a clause of an enumeration whose title cites the task
  // (3．建设数字创意产业基地（表3第24项）。一是…；二是…) is part of it
  const parts = enumerationPartsOf(model, i);
  if (parts.some((b) => b.references.some((r) => r.tasks.includes(best.task)))) return undefined;
  // a title of a phrase over clauses that cite tasks of their own ((三)推动先进制造业和现代服务业融合发展。一是…（表2第1项）；
  // 二是…（表2第2项）。): the section's title, as a heading-like line is, that restates no task
  if (parts.some((b) => b.references.length) && isTitlePhrase(words)) return undefined;
  const citedAbove = above.find((h) => h.tasks.includes(best.task))?.title;
  return citedAbove === undefined ? { task: best.task, score: best.score, title } : { task: best.task, score: best.score, title, citedAbove };
}

/** A question: 是否, or a question mark at its end. */
const ASKS = /是否|[？?][\s)）*]*$/;

/** Whether an item's words are a title closed by a full stop: a heading-like phrase (（二）落实公平竞争审查。), no clause. */
function isTitlePhrase(words: string): boolean {
  const trimmed = words.trim();
  if (!trimmed.endsWith('。')) return false;
  const phrase = trimmed.slice(0, -1);
  return !/[。；;，,]/.test(phrase) && !!headingLikeLine(phrase);
}

/**
 * Whether an item is a Word outline's title closed by a full stop (（二）落实公平竞争审查。), a line of its own with the
 * first of the items numbered under it next in its paragraph (1．…): a section's title, as headingLikeLine's, that
 * restates no task (its items cite theirs).
 */
function runInTitleOver(model: ParagraphModel, words: string, i: number): boolean {
  const next = model.blocks[i + 1];
  if (!next || !isTitlePhrase(words)) return false;
  const line = model.text.slice(next.start, next.end);
  return numberingLevel(line) > 0 && numberingIsFirst(line);
}

/**
 * A block's place in the plan's frame (inPlanFrame) and the task it restates (restatementOf), set on it: the headings
 * above it are read once, for both, and only if one asks.
 */
export function readFrameAndRestatement(model: ParagraphModel, block: Block, matcher: TaskMatcher, index: Pick<TaskIndex, 'prefixes' | 'resolve' | 'task'>): void {
  let above: readonly HeadingAbove[] | undefined;
  const headings = () => (above ??= headingsAbove(model, model.blocks.indexOf(block), index));
  if (inPlanFrame(model, block, headings)) block.frame = true;
  block.restates = restatementOf(model, block, matcher, headings);
}

/**
 * Whether a list item or row is of the plan's frame: its own label (（一）工作目标。…) or any heading above it (四、保障措施
 * over （二）强化要素支撑。一是…) is a frame section's. What stands there is the plan's purpose, goals and management.
 */
function inPlanFrame(model: ParagraphModel, block: Block, headings: () => readonly HeadingAbove[]): boolean {
  if (!mayBeTaskItem(block)) return false;
  // a row of a table that assigns (a 分工表, with a 牵头单位 or 完成时限 column) is no frame's: the plan's 分工表 (附件) comes
  // after its 保障措施, under that heading; a row of its goals' table (| 指标 | 目标值 | 对应任务 |) is
  if (block.kind === 'row') return !assigningTable(block) && framedByHeadings(headings());
  if (isFrameSection(model.text.slice(block.start, Math.min(block.end, block.start + FRAME_LABEL_REACH)))) return true;
  return framedByHeadings(headings());
}

/** Whether the headings above a block (innermost first, as headingsAbove gives them) put it in the plan's frame. */
function framedByHeadings(above: readonly HeadingAbove[]): boolean {
  return above.length > 0 && framedBy(outermostFirst(above));
}
function* outermostFirst(headings: readonly HeadingAbove[]): Iterable<string> {
  for (let k = headings.length - 1; k >= 0; k--) yield headings[k].title;
}
/** A frame section's label is read in a block's first characters (（一）指导思想。…). */
const FRAME_LABEL_REACH = 40;

/**
 * Words without the titles of the documents they name (a basis: `依据《关于外商投资举办投资性公司的规定》`), but for a title
 * a task names itself (《区域全面经济伙伴关系协定》): another document's title shares a task's words without being about it.
 */
function withoutTitles(words: string, matcher: TaskMatcher): string {
  if (!words.includes('《')) return words;
  const own = taskTitles(matcher);
  return words.replace(DOCUMENT_TITLE, (title) => (own.has(title) ? title : ' '.repeat(title.length)));
}
const DOCUMENT_TITLE = /《[^《》\n]{1,80}》/g;

/** The titles in 《》 the tasks' texts name, per matcher (its tasks). */
function taskTitles(matcher: TaskMatcher): ReadonlySet<string> {
  let titles = taskTitlesOf.get(matcher);
  if (!titles) {
    const found = new Set<string>();
    for (const task of matcher.tasks) for (const text of [task.text, task.bodyText ?? '']) for (const m of text.matchAll(DOCUMENT_TITLE)) found.add(m[0]);
    taskTitlesOf.set(matcher, (titles = found));
  }
  return titles;
}
const taskTitlesOf = new WeakMap<TaskMatcher, ReadonlySet<string>>();

/** A heading above a block and the tasks it cites; `line`: a heading-like line of the block's paragraph. */
interface HeadingAbove {
  title: string;
  tasks: readonly Task[];
  line: boolean;
}

/** A line of a paragraph that opens with the marker of a heading-like item (一、…, （一）…). */
const HEADING_ITEM_LINE = new RegExp(CN_HEADING_ITEM.source, 'm');

/** The headings above blocks[i], innermost first: the heading-like lines above it in its paragraph, then its Markdown headings. */
function headingsAbove(model: ParagraphModel, i: number, index: Pick<TaskIndex, 'prefixes' | 'resolve' | 'task'>): readonly HeadingAbove[] {
  const markdown = markdownHeadings(model.blocks[i].headings, index, model.blocks[i].context.headings);
  if (!HEADING_ITEM_LINE.test(model.text)) return markdown;
  // (a line's bare number its heading settles, （一）…（第3项） under 二、表2任务落实, cites its task as a reference does)
  const lines = headingItemsAbove(model.text, model.blocks, i).map(({ index: j, title }) => ({ title, tasks: blockTasks(model.blocks[j]), line: true }));
  return lines.length ? [...lines, ...markdown] : markdown;
}

/**
 * The other parts of the enumeration block i belongs to (（一）打造…高地。 then 一是…；二是…, split from one item): the clauses
 * right after it, and, when it is a clause, the title before its run of clauses (the words before 一是); none for another block.
 */
function enumerationPartsOf(model: ParagraphModel, i: number): Block[] {
  const { blocks, text } = model;
  let end = i + 1;
  while (end < blocks.length && followsDirectly(text, blocks, end) && isClause(text, blocks[end])) end++;
  const parts = blocks.slice(i + 1, end);
  const title = enumerationTitle(text, blocks, i);
  if (title) parts.push(title);
  return parts;
}

/** The Markdown headings of a list of titles, innermost first, with the tasks each cites (made once per list: a section's blocks share it). */
export function markdownHeadings(
  titles: readonly string[],
  index: Pick<TaskIndex, 'prefixes' | 'resolve' | 'task'>,
  /** The headings the titles are of (by level, as the context has them): the tables they name settle a bare number. */
  headings: PlanContext['headings'] = [],
): readonly HeadingAbove[] {
  let found = markdownHeadingsOf.get(titles);
  if (!found) {
    found = [];
    const shown = headings.filter((h): h is Heading => !!h && titles.includes(h.title));
    for (let k = titles.length - 1; k >= 0; k--) {
      const cites = titles[k].includes('表') || /[TＴ]/.test(titles[k]);
      let tasks = cites ? citedTasks(scanReferences(titles[k], { prefixes: index.prefixes }).map((r) => index.resolve(r))) : NO_TASKS;
      // a bare number a heading above settles (### （一）投资性公司申请条件（第9项） under ## 三、表4任务落实): its task
      if (!tasks.length && shown.length === titles.length) tasks = settledInTitle(titles[k], shown.slice(0, k + 1), index);
      found.push({ title: titles[k], tasks, line: false });
    }
    markdownHeadingsOf.set(titles, found);
  }
  return found;
}

/** A heading's one bare task number (第9项), of the table the innermost of `above` (it included) that names one names. */
function settledInTitle(title: string, above: readonly Heading[], index: Pick<TaskIndex, 'task'>): readonly Task[] {
  const m = BARE_IN_TITLE.exec(title);
  if (!m) return NO_TASKS;
  const item = Number(m[1].replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  for (let k = above.length - 1; k >= 0; k--) {
    if (above[k].several) return NO_TASKS;
    if (above[k].table === null) continue;
    const task = index.task(taskId('', above[k].table!, item));
    return task ? [task] : NO_TASKS;
  }
  // no heading names a table: a number only one table has (第49项) is that table's
  const only: Task[] = [];
  for (let table = 1; table <= MAX_TABLES; table++) {
    const task = index.task(taskId('', table, item));
    if (task) only.push(task);
  }
  return only.length === 1 ? only : NO_TASKS;
}
/** How many tables a source's task list is looked through for a number only one of them has. */
const MAX_TABLES = 20;
const BARE_IN_TITLE = /第[ \t\u3000]*([0-9０-９]{1,2})[ \t\u3000]*项/;

const NO_TASKS: readonly Task[] = Object.freeze([]);
const markdownHeadingsOf = new WeakMap<readonly string[], HeadingAbove[]>();
