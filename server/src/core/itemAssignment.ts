// A task item's assignment in the plan model: its own words, the labelled lines after it, its table row, the lines
// that follow in the next paragraph and the headings above; and the facts of the whole plan that decide them.
import { Block, cellSpans, mayBeTaskItem, ParagraphModel } from './planModel';
import type { UnitSpellings } from './unitSpellings';
import { Task } from './types';
import { formatReference } from './taskIndex';
import { BETWEEN_LISTED } from './references';
import type { NumberingState } from './headingNumbers';
import { closingParenthesis, type Deadline, type IssueDate } from './deadlines';
import { lineEndFrom, linesOf } from './text';
import { assignsAbove, rowLines, CN_HEADING_ITEM, ENUMERATION, headingItemsAbove, headingLikeLine, framedBy, LABEL_LINE, MARKER_OPENING, numberingLevel, parentItem, SUB_ITEM_MARKER, tableRowStarts } from './scopes';
import { assigningTable, Assignment, dedupe, firstLeadsDeclaration, hasUnitChar, readAssignment, readHeadingAssignment, readRowAssignment } from './responsibility';

// ---------------------------------------------------------------- blocks of the plan model

/**
 * Where a block's assignment was found: its own text, the labelled lines after it in its paragraph, its table row,
 * the labelled lines of the next paragraph (`following`), a heading, the item it is nested in (`parent`), or the
 * statement that closes the enumeration it is a clause of (`enumeration`: 一是…（表3第19项）；二是…（表3第21项）。（区商务局牵头）).
 */
export type AssignmentSource = 'own' | 'lines' | 'row' | 'following' | 'heading' | 'parent' | 'enumeration';

export interface BlockAssignment extends Assignment {
  /**
   * Where the lead unit came from; for `heading` and `parent` (the item it is nested in) the lead's offsets are into
   * `heading`, for `following` into the following lines, otherwise into the paragraph.
   */
  leadFrom?: AssignmentSource;
  /** The heading (or heading-like item of the paragraph, or the item it is nested in) that gave the lead. */
  heading?: string;
  /** The heading that gave the deadline (or term), when the item names none: its offsets are into that heading. */
  deadlineHeading?: string;
  /** Where the deadline came from, when the item's own text, its lines or the next paragraph gave it (as leadFrom). */
  deadlineFrom?: AssignmentSource;
}

/** The document-wide facts the responsibility checks need besides their block. */
export interface ResponsibilityRun {
  /** policyLens.structure.requireLeadUnit */
  requireLeadUnit: 'auto' | 'always' | 'off';
  /**
   * Whether a task item without a deadline is flagged: policyLens.structure.requireDeadline `always`, or `auto` in a
   * plan that gives at least DEADLINE_SHARE of its task items one (datesMostItems in planStructure.ts).
   */
  expectDeadlines?: boolean;
  /** policyLens.structure.requireDeadline (for the message: `always` does not say what the rest of the plan does). */
  requireDeadline?: 'auto' | 'always' | 'off';
  /** policyLens.structure.pilotEnd (`YYYY-MM`), when set. */
  pilotEnd?: string;
  /** The date the plan is issued under (its 落款, issueDateIn): a deadline before it was past when the plan came out. */
  issued?: IssueDate;
  /** The plan's title, when its first paragraphs write one (a text or Word plan's 海珠区落实……实施方案): planTitle. */
  title?: string;
  /**
   * For the paragraph that holds the title only: the IDs of the tasks the whole plan cites (its references and its
   * 分工表's rows), and a key of them that tells two such apart.
   */
  planCites?: { ids: ReadonlySet<string>; key: string };
  /** For a paragraph with heading numbers only (一、, （三）): the last number of each level before it (NumberingState). */
  numbering?: NumberingState;
  /** Whether the plan names a lead unit anywhere (planAssignsLeadUnits over the whole document). */
  planAssignsLeads: boolean;
  /** Whether a paragraph before this one declared that the first unit of a list leads (declaresFirstLeads). */
  firstLeads: boolean;
  /** The labelled lines that follow this paragraph across blank lines (labelLinesAfter): its last item's. */
  following?: string;
  /** The heading-like paragraphs above this one (一、…, （一）…), outermost first (nextOutline). */
  outline?: readonly string[];
  /** The tasks each of them cites (by the outline's order): an item of no task of its own right under one citing one task is its item. */
  outlineCites?: readonly (readonly Task[])[];
  /** This paragraph is one heading-like line over the items of the next (（一）落实表1第35项, then 1. …): a title, not a task item. */
  heads?: boolean;
  /** The tasks the plan's table rows (a 分工表) name a lead unit and a deadline for: an item elsewhere need not repeat them. */
  tables?: TableAssignments;
  /** The plan's 分工表 lists most of the tasks its body cites (listsMostBodyTasks): one it leaves out is an omission. */
  expectListed?: boolean;
  /** For a paragraph that names a unit the plan writes another way too (区工信局, 区工业和信息化局): their spellings (PlanSpellings). */
  spellings?: UnitSpellings;
  /**
   * For a paragraph that opens with （1） or ①, the paragraph of the 1. (or （1）) line it is numbered under when a blank
   * line parts them, with the tasks it cites: its items are parts of that line's, as items nested in it are.
   */
  parentLine?: { text: string; tasks: readonly Task[] };
  /** For a 1. (or （1）) line with paragraphs numbered under it across blank lines: the tasks they cite (they are its parts). */
  childTasks?: readonly Task[];
  /**
   * This paragraph opens with labelled lines (牵头单位：…, 完成时限：…) that assign a task item of a paragraph above it
   * (a Word plan saved with blank lines writes each in a paragraph of its own): its deadline and its lead are that
   * item's, whose tasks these are (empty when its references cite nothing).
   */
  labelsItem?: readonly Task[];
}

/**
 * The tasks the plan's table rows name a lead unit for (with the units) and a deadline for (with the valid dates; none for
 * words of timing), with a key that tells two such apart.
 */
export interface TableAssignments {
  key: string;
  /** The tasks the rows cite or restate. */
  listed: ReadonlySet<Task>;
  /** How many rows name no task this reader finds. */
  unread: number;
  led: ReadonlyMap<Task, readonly string[]>;
  dated: ReadonlyMap<Task, readonly Deadline[]>;
}

/** What restatementIn and taskOfItem need of the plan's structure. */
export type ItemStructure = Pick<ResponsibilityRun, 'following' | 'outline' | 'outlineCites' | 'heads' | 'parentLine' | 'childTasks'>;

/** The last two texts asked about and where they declare (the analyser asks about a document, its blocks about a paragraph). */
const declared: { text: string; at: number }[] = [];

/**
 * Where the text first declares that the first unit of a list leads (Infinity: nowhere; 0: a note of the plan's, see
 * FirstLeadsDeclaration); it applies from there on.
 */
export function firstLeadsDeclaredAt(text: string): number {
  const known = declared.find((d) => d.text === text);
  if (known) return known.at;
  const declaration = firstLeadsDeclaration(text);
  // a note of the plan's holds for the whole paragraph, before it too
  const at = !declaration ? Infinity : declaration.plan ? 0 : declaration.index;
  declared.unshift({ text, at });
  declared.length = Math.min(declared.length, 2);
  return at;
}

/**
 * The task an item or row is about: the first it cites, else the number resolved, else the one it restates or takes
 * from a heading; undefined (not `{}`) when the block is no task item. `{ task: undefined }`: a task item whose task is
 * not known (第5项 left open). `around`: the plan's structure at the block's paragraph.
 */
export function taskOfItem(block: Pick<Block, 'kind' | 'tableHeader' | 'header' | 'references' | 'bare' | 'restates' | 'heads' | 'open' | 'frame'>, around?: ItemStructure): { task?: Task } | undefined {
  if (!mayBeTaskItem(block) || around?.heads) return undefined;
  // an item of the plan's frame (工作目标, 保障措施…, by its label, its headings or the outline above its paragraph) is
  // none; a row of a 分工表 is (the 附件's 分工表 after 保障措施 is under its heading)
  if (block.frame || (around?.outline?.length && frameOutline(around.outline) && !(block.kind === 'row' && assigningTable(block)))) return undefined;
  const cited = block.references.find((r) => r.tasks.length);
  if (cited) return { task: cited.tasks[0] };
  if (block.bare.length) return { task: block.bare.find((b) => b.resolved)?.resolved };
  const restated = restatementIn(block, around);
  return restated && { task: restated.task };
}

/**
 * The task a block restates (or takes from a heading), given the plan's structure at its paragraph: a paragraph that
 * is one heading-like line restates it only when labelled lines follow (（一）开展“两业”融合统计调查, then 牵头单位：区统计局,
 * a Word plan's item); otherwise it titles the section after it (（一）推动先进制造业和现代服务业融合发展), as the outline
 * reads it. A heading-like paragraph above (the outline) that cites the task restated cites it for the block; one that
 * cites one task only gives it to a block of no task of its own (`open`).
 */
export function restatementIn(block: Pick<Block, 'restates' | 'open'>, around: ItemStructure | undefined): Block['restates'] {
  // under a heading-like line of the plan's frame (三、保障措施 in a text plan): its own management, no task
  const outline = around?.outline;
  if (outline?.length && frameOutline(outline)) return undefined;
  // a part of the task of the 1. line it is numbered under (1．…（表3第16项）, then （1）… a paragraph later)
  if (block.restates && around?.parentLine?.tasks.includes(block.restates.task)) return undefined;
  // the title of （1）… paragraphs numbered under it, one of which cites the task (1．完善知识产权纠纷多元解决机制, then （1）…（表3第9项）)
  if (block.restates && around?.childTasks?.includes(block.restates.task)) return undefined;
  const r = block.restates;
  const own = r && (!r.title || !!around?.following) ? r : undefined;
  const cites = around?.outlineCites;
  if (!cites?.length || !around?.outline || (own ? own.citedAbove !== undefined : !block.open)) return own;
  const memo = outlineRestatements.get(block);
  if (memo && memo.outline === around.outline && memo.own === own) return memo.result;
  let result = own;
  const last = cites.length - 1;
  if (!own) {
    // the outline line right above it, when that cites one task only
    if (cites[last].length === 1) result = { task: cites[last][0], score: 0, title: false, citedAbove: around.outline[last] };
  } else {
    // any line of the outline that cites the task the block restates, innermost first
    for (let k = last; k >= 0; k--) {
      if (!cites[k].includes(own.task)) continue;
      result = { ...own, citedAbove: around.outline[k] };
      break;
    }
  }
  outlineRestatements.set(block, { outline: around.outline, own, result });
  return result;
}

/** Whether an outline (outermost first) puts what is under it in the plan's frame (framedBy), by outline (the blocks under one share it). */
function frameOutline(outline: readonly string[]): boolean {
  let frame = frameOutlines.get(outline);
  if (frame === undefined) frameOutlines.set(outline, (frame = framedBy(outline)));
  return frame;
}
const frameOutlines = new WeakMap<readonly string[], boolean>();

/** restatementIn's answer for a block under an outline that cites tasks, by the outline it was made with. */
const outlineRestatements = new WeakMap<object, { outline: readonly string[]; own: Block['restates']; result: Block['restates'] }>();

/** In `auto` mode, a plan expects a deadline of every task item when at least this share of them give one. */
export const DEADLINE_SHARE = 0.75;

/** How many of a paragraph's blocks are task items (cheap: no reading of their assignment). */
export function taskItemCount(model: Pick<ParagraphModel, 'blocks'>): number {
  let items = 0;
  for (const block of model.blocks) if (taskOfItem(block)) items++;
  return items;
}

/**
 * How many of a paragraph's task items give a deadline (or words under 完成时限, or a heading's); `following`: the
 * labelled lines that open the next paragraph (a Word plan's 完成时限 line after its item); `outline`: the heading-like
 * lines above it. The tasks of the undated items that are not table rows are added to `undated`.
 */
export function datedItemCount(
  model: Pick<ParagraphModel, 'text' | 'blocks'>,
  following?: string,
  undated?: Task[],
  outline?: readonly string[],
  /**
   * Where to keep each item's assignment, read as itemAssignmentOf reads it with `firstLeads` (declared before the
   * paragraph; the count of dated items does not depend on it).
   */
  reads?: { firstLeads: boolean; into: Map<Block, BlockAssignment> },
  /** The line the paragraph is numbered under across a blank line (a 1．… line over its （1） items): it can date them. */
  parentLine?: { text: string },
): number {
  let dated = 0;
  const around = following ? { following } : {};
  // the outline above can date an item (its heading-like lines, read for their deadline), and so can the 1. line above
  const headings = outline?.length || parentLine ? { ...around, ...(outline?.length ? { outline } : {}), ...(parentLine ? { parentLine } : {}) } : around;
  for (const block of model.blocks) {
    const item = taskOfItem(block, around);
    if (!item) continue;
    const a = blockAssignment(model.text, model.blocks, block, !!reads?.firstLeads, headings, true);
    reads?.into.set(block, a);
    if (a.deadline || a.term) dated++;
    // an undated item of the body, whose task a 分工表 row may date
    else if (undated && item.task && block.kind !== 'row') undated.push(item.task);
  }
  return dated;
}


/** What the reader needs of a block of the plan model. */
type BlockLike = Pick<Block, 'kind' | 'start' | 'end' | 'headings' | 'cells' | 'header' | 'tableHeader' | 'references'>;

/** A labelled statement after a sentence's end or on a line of its own (…培育机构。责任单位：区金融工作局，完成时限：2025年底。). */
const LABELLED_TAIL = new RegExp(`(?:[。；;]|\\n)[ \\t\u3000]*(?=${LABEL_LINE.source.slice(1)})`);

const LEADING_BREAKS = /^[\r\n]+/;

/**
 * The statement that closes an enumeration (一是…；二是…) after the sentence its last clause, blocks[last], ends with:
 * labels (…。责任单位：…，完成时限：…), a parenthesis (…。（区发展改革局牵头，2025年6月底前完成）), or, with `linesAfter`, the
 * lines after that clause that assign (…\n（区发展改革局牵头）, 牵头单位：…). It is the whole enumeration's.
 */
function enumerationClosing(text: string, blocks: readonly BlockLike[], last: number, linesAfter: boolean): { start: number; text: string } | undefined {
  const at = blocks[last].start;
  const own = text.slice(at, blocks[last].end);
  const labels = LABELLED_TAIL.exec(own);
  if (labels) return { start: at + labels.index + labels[0].length, text: own.slice(labels.index + labels[0].length) };
  const inside = closingParenthesis(own);
  // a parenthesis after the sentence, not one that ends it (…（表3第20项）。)
  if (inside && SENTENCE_BEFORE.test(own.slice(0, inside[0] - 1))) return { start: at + inside[0] - 1, text: own.slice(inside[0] - 1, inside[1] + 1) };
  if (!linesAfter) return undefined;
  let end = last + 1;
  while (end < blocks.length && blocks[end].kind !== 'heading' && blocks[end].kind !== 'row' && assignsAbove(text.slice(blocks[end].start, blocks[end].end).replace(LEADING_BREAKS, '').replace(SUB_ITEM_MARKER, ''))) end++;
  return end > last + 1 ? { start: blocks[last + 1].start, text: text.slice(blocks[last + 1].start, blocks[end - 1].end) } : undefined;
}

/** A sentence's end, then blanks: what stands before a parenthesis that closes an enumeration. */
const SENTENCE_BEFORE = /[。.．][ \t\u3000]*$/;

/**
 * The statement that closes an item's enumeration of clauses citing no task of their own (1. …（表1第25项）。一是…；
 * 二是…。责任单位：…): the whole item's, unless a clause before the last has labels of its own (each keeps them). The
 * lines after the last clause are the item's labelled lines already.
 */
function enumerationLabels(text: string, blocks: readonly BlockLike[], clauses: readonly number[]): { start: number; text: string } | undefined {
  for (let k = 0; k < clauses.length - 1; k++) if (LABELLED_TAIL.test(text.slice(blocks[clauses[k]].start, blocks[clauses[k]].end))) return undefined;
  return enumerationClosing(text, blocks, clauses[clauses.length - 1], false);
}

/**
 * For a clause (一是…) citing a task of its own, the statement that closes its enumeration: after the last of the clauses
 * from it on, and every clause's that names no lead or deadline of its own.
 */
function clauseClosing(text: string, blocks: readonly BlockLike[], i: number): { start: number; text: string } | undefined {
  const last = lastClause(text, blocks, i);
  return last === i ? undefined : enumerationClosing(text, blocks, last, true);
}

/** The last clause of the enumeration (一是…；二是…) from clause blocks[i] on: its index. */
function lastClause(text: string, blocks: readonly BlockLike[], i: number): number {
  let last = i;
  while (last + 1 < blocks.length && blocks[last + 1].kind === 'item' && ENUMERATION.test(text.slice(blocks[last + 1].start, blocks[last + 1].end))) last++;
  return last;
}

/** A row's reading of its cells, by whether the first unit of a list leads: read once per row (the checks, the plan's 分工表 rows). */
const rowReads = [new WeakMap<BlockLike, Assignment>(), new WeakMap<BlockLike, Assignment>()];

/** What a table row's cells assign (readRowAssignment), offsets into the cells; shared, not to be changed. */
export function rowAssignment(block: BlockLike, firstLeads: boolean): Assignment {
  const memo = rowReads[firstLeads ? 1 : 0];
  let read = memo.get(block);
  if (!read) memo.set(block, (read = readRowAssignment(block.header ?? [], block.cells ?? [], { firstLeads })));
  return read;
}

/** A block's reading of its own text, by whether the first unit of a list leads: read once per block (the checks, the plan's spellings of its units). */
const ownReads = [new WeakMap<BlockLike, Assignment>(), new WeakMap<BlockLike, Assignment>()];

/** What a block's own text (text[block.start, block.end), not a row) assigns (readAssignment), offsets into it; shared, not to be changed. */
export function ownAssignment(text: string, block: BlockLike, firstLeads: boolean): Assignment {
  const memo = ownReads[firstLeads ? 1 : 0];
  let read = memo.get(block);
  if (!read) memo.set(block, (read = readAssignment(text.slice(block.start, block.end), { firstLeads })));
  return read;
}

/** ownAssignment's reading of a block when it has been read (by the checks or the plan's walk), else undefined. */
export function ownAssignmentRead(block: BlockLike, firstLeads: boolean): Assignment | undefined {
  return ownReads[firstLeads ? 1 : 0].get(block);
}

function shiftAssignment(a: Assignment, by: (x: { start: number; end: number; cell?: number }) => number): Assignment {
  const move = <T extends { start: number; end: number; cell?: number }>(x: T): T => {
    const d = by(x);
    const { cell: _, ...rest } = x;
    return { ...(rest as T), start: x.start + d, end: x.end + d };
  };
  const out: Assignment = { partners: a.partners.map(move) };
  if (a.lead) out.lead = move(a.lead);
  if (a.coLeads) out.coLeads = a.coLeads.map(move);
  if (a.named) out.named = a.named.map(move);
  if (a.deadline) out.deadline = move(a.deadline);
  if (a.term) out.term = move(a.term);
  return out;
}

/**
 * The assignment of a block of a paragraph (offsets into the paragraph): its own text or table columns, then the
 * labelled lines that follow it in the paragraph (牵头单位：…), then, for the lead, the heading-like items above it in
 * the paragraph (一、商务服务（区商务局牵头）) and its Markdown headings, innermost first (with `headingDeadline`, the
 * deadline too: （二）融合发展（2025年6月底前完成）). `firstLeads`: declared before the paragraph; a declaration earlier
 * in the paragraph counts too.
 */
export function blockAssignment(
  text: string,
  blocks: readonly BlockLike[],
  block: BlockLike,
  firstLeads: boolean,
  around: { following?: string; outline?: readonly string[]; parentLine?: { text: string } } = {},
  /** Also take the deadline from the headings when the item names none (the 分工表 and hover; the lead check needs none). */
  headingDeadline = false,
): BlockAssignment {
  const options = { firstLeads: firstLeads || firstLeadsDeclaredAt(text) < block.end };
  const own = text.slice(block.start, block.end);
  let result: BlockAssignment;
  if (block.kind === 'row' && block.cells) {
    const spans = cellSpans(own);
    result = shiftAssignment(rowAssignment(block, options.firstLeads), (x) => block.start + (spans[x.cell ?? 0]?.[0] ?? 0));
    if (result.lead) result.leadFrom = 'row';
    if (result.deadline) result.deadlineFrom = 'row';
  } else {
    result = shiftAssignment(ownAssignment(text, block, options.firstLeads), () => block.start);
    if (result.lead) result.leadFrom = 'own';
    if (result.deadline) result.deadlineFrom = 'own';
  }
  // 牵头单位：…；完成时限：… on the lines after a list item
  const i = blocks.indexOf(block);
  const add = (more: Assignment, from: AssignmentSource) => {
    if (!result.lead && more.lead) {
      result.lead = more.lead;
      result.leadFrom = from;
    }
    if (more.coLeads) result.coLeads = [...(result.coLeads ?? []), ...more.coLeads];
    result.partners = dedupe([...result.partners, ...more.partners], [result.lead]);
    if (!result.deadline && more.deadline) {
      result.deadline = more.deadline;
      result.deadlineFrom = from;
    }
    // a date found later outranks words found earlier (not deleted: the object keeps its shape)
    if (!result.deadline) result.term ??= more.term;
    else if (result.term) result.term = undefined;
  };
  if (block.kind === 'item') {
    let j = i + 1;
    const clauses: number[] = [];
    const mayEnumerate = !ENUMERATION.test(own); // an item that is itself a clause (一是…) has no clauses
    for (; j < blocks.length && (blocks[j].kind === 'sentence' || blocks[j].kind === 'item'); j++) {
      const line = text.slice(blocks[j].start, blocks[j].end);
      // the clauses of its enumeration (一是…；二是…) citing no task of their own: a part of it, whose words are their own
      if (mayEnumerate && blocks[j].kind === 'item' && !blocks[j].references.length && ENUMERATION.test(line)) {
        clauses.push(j);
        continue;
      }
      // a line of its own or a sub-item (   - 牵头单位：区商务局); or any item nested in this one, a part of it
      // (   - 2025年底前实现重点商圈全覆盖。（区金融工作局牵头）)
      // (a sentence of a paragraph's prose starts with the line break after the sentence before it)
      const label = blocks[j].kind === 'item' ? line.replace(LABEL_BULLET, '') : line.replace(LEADING_BREAKS, '');
      if (!assignsAbove(label) && !nestedIn(text, blocks, j, block)) {
        // a heading-like line of its own (一、表1第17项：…) whose body, sentences of prose, comes before its labelled lines
        const labels = clauses.length ? -1 : labelsAfterBody(text, blocks, block, j);
        if (labels < 0) break;
        j = labels - 1;
        continue;
      }
      add(shiftAssignment(ownAssignment(text, blocks[j], options.firstLeads), () => blocks[j].start), 'lines');
    }
    // a heading-like line of its own citing its task, its body sentences of prose with no labels after them (a report's
    // （一）表3第22项：实验室建设, then 区科工商信局已于2024年1月会同…): the lead and deadline the body names are the item's
    if (!result.lead && !clauses.length && j === i + 1) {
      const body = bodyAfter(text, blocks, block, j);
      if (body) add(shiftAssignment(readAssignment(text.slice(body.start, body.end), options), () => body.start), 'lines');
    }
    // …二是培育机构。责任单位：区金融工作局，完成时限：2025年底。: the labels that close the enumeration are the item's
    const closing = clauses.length ? enumerationLabels(text, blocks, clauses) : undefined;
    if (closing) add(shiftAssignment(readAssignment(closing.text, options), () => closing.start), 'lines');
    else if (clauses.length && !result.lead) {
      // 一是…（区金融工作局牵头）；二是…（区商务局牵头）: when every clause has its lead, they lead the item together
      const byClause = clauses.map((k) => shiftAssignment(ownAssignment(text, blocks[k], options.firstLeads), () => blocks[k].start));
      if (byClause.every((a) => a.lead)) {
        const [first, ...rest] = dedupe(byClause.map((a) => a.lead!));
        result.lead = first;
        result.leadFrom = 'lines';
        if (rest.length) result.coLeads = [...(result.coLeads ?? []), ...rest];
        result.partners = dedupe([...result.partners, ...byClause.flatMap((a) => a.partners)], [first, ...rest]);
      }
    }
    // a clause (一是…) that names no lead or deadline: those closing its enumeration, after the last clause
    if (!mayEnumerate || ENUMERATION.test(own.replace(MARKER_OPENING, ''))) {
      if (!result.lead || !(result.deadline || result.term)) {
        const shared = clauseClosing(text, blocks, i);
        if (shared) add(shiftAssignment(readAssignment(shared.text, options), () => shared.start), 'enumeration');
        // an enumeration that ends its paragraph, each clause citing its task (一是…（表1第40项）；二是…（表1第42项）。),
        // then the labelled lines in the next paragraph: they are every clause's, not only the last one's
        else if (around.following && j < blocks.length && lastClause(text, blocks, i) === blocks.length - 1) add(readAssignment(around.following, options), 'following');
      }
    }
    // the paragraph's last item: its labelled lines may follow after a blank line (a Word plan's next paragraph)
    if (j === blocks.length && around.following) add(readAssignment(around.following, options), 'following');
  }
  if (!result.lead || (headingDeadline && !(result.deadline || result.term))) {
    const above = headingItemsAbove(text, blocks, i).map((h) => h.title);
    // innermost first: the items above, the outline's lines, the Markdown headings (without copying them to reverse);
    // the lead and the deadline each from the innermost heading that gives one
    let needLead = !result.lead;
    let needDeadline = headingDeadline && !(result.deadline || result.term);
    const fromHeading = (title: string, from: 'heading' | 'parent' = 'heading', h: Assignment = readHeadingAssignment(title, options)) => {
      if (needLead && h.lead) {
        result.lead = h.lead;
        result.leadFrom = from;
        result.heading = title;
        if (!result.partners.length) result.partners = h.partners;
        needLead = false;
      }
      if (needDeadline && (h.deadline || h.term)) {
        if (h.deadline) result.deadline = h.deadline;
        else result.term = h.term;
        result.deadlineHeading = title;
        needDeadline = false;
      }
      return !needLead && !needDeadline;
    };
    const outline = around.outline ?? [];
    // an item it is part of: its own line's closing parenthesis or labels, as a heading's, or its running text, as an
    // item's own (推进医疗服务开放，由区卫生健康局牵头，2025年底前完成：, then its - items)
    const fromParent = (line: string) => {
      const title = line.replace(MARKER_OPENING, '');
      return fromHeading(title, 'parent') || fromHeading(title, 'parent', readAssignment(title, options));
    };
    let found = false;
    // the items it is nested in, innermost first (1. 推进跨境贸易便利化（区商务局牵头）, then its - or ① sub-items)
    const nestedIn = parentItem(text, blocks, i);
    for (let p = nestedIn; p && !found; p = parentItem(text, blocks, blocks.indexOf(p))) found = fromParent(text.slice(p.start, p.end));
    // else the 1. line it is numbered under a blank line before (a Word plan saved with blank lines)
    if (!found && !nestedIn && around.parentLine) found = fromParent(around.parentLine.text);
    for (let k = 0; k < above.length && !found; k++) found = fromHeading(above[k]);
    for (let k = outline.length - 1; k >= 0 && !found; k--) found = fromHeading(outline[k]);
    for (let k = block.headings.length - 1; k >= 0 && !found; k--) found = fromHeading(block.headings[k]);
  }
  return result;
}

/**
 * A block's assignment with the plan's structure (blockAssignment, the headings' deadline included), read once for the
 * checks of its paragraph: `run.assignments` keeps what they asked (a run is one paragraph's, and dropped after it).
 */
export function itemAssignmentOf(
  block: BlockLike,
  run: { model: Pick<ParagraphModel, 'text' | 'blocks'>; structure?: ResponsibilityRun; assignments?: Map<BlockLike, BlockAssignment> },
): BlockAssignment {
  const memo = (run.assignments ??= new Map());
  let read = memo.get(block);
  if (!read) memo.set(block, (read = blockAssignment(run.model.text, run.model.blocks, block, !!run.structure?.firstLeads, run.structure, true)));
  return read;
}

/**
 * Where the labelled lines of a heading-like item that is a line of its own, opening with an outline's number
 * (一、表1第17项：…, （二）…（表1第38项）, 1．…: CN_HEADING_ITEM, numberingLevel 3), start
 * after its body: from blocks[j], at most MAX_BODY_SENTENCES sentences of prose, then a line that
 * assigns (责任单位：…) — a notice's or a report's item. -1 when the item is none such or no labels follow its body.
 */
function labelsAfterBody(text: string, blocks: readonly BlockLike[], item: BlockLike, j: number): number {
  if (!item.references.length || !isNumberedLine(text.slice(item.start, item.end))) return -1;
  for (let k = j; k < blocks.length && k < j + MAX_BODY_SENTENCES; k++) {
    const b = blocks[k];
    // (a sentence that cites the item's own task again, …开展人工智能法律和伦理研究（表3第23项）。, or another as related,
    // …同步服务表3第24项…, is its body too: a sentence of prose is no item to take labels)
    if (b.kind !== 'sentence') return -1;
    const line = text.slice(b.start, b.end).replace(LEADING_BREAKS, '');
    if (assignsAbove(line)) return k > j ? k : -1;
  }
  return -1;
}
/**
 * The body of a heading-like item that is a line of its own and cites a task (labelsAfterBody's item): from blocks[j],
 * at most MAX_BODY_SENTENCES sentences of prose; undefined when it is no such item.
 */
function bodyAfter(text: string, blocks: readonly BlockLike[], item: BlockLike, j: number): { start: number; end: number } | undefined {
  if (!item.references.length || !isNumberedLine(text.slice(item.start, item.end))) return undefined;
  let end = -1;
  for (let k = j; k < blocks.length && k < j + MAX_BODY_SENTENCES; k++) {
    const b = blocks[k];
    if (b.kind !== 'sentence') break;
    end = b.end;
  }
  return end < 0 ? undefined : { start: blocks[j].start, end };
}

/** Whether an item's text is a line of its own opening with an outline's number (一、…, （二）…, 1．…). */
export function isNumberedLine(own: string): boolean {
  return (CN_HEADING_ITEM.test(own) || numberingLevel(own) === 3) && !/[\r\n]/.test(own.trim());
}

/** The most sentences of prose between a heading-like item and its labelled lines. */
const MAX_BODY_SENTENCES = 6;

/**
 * Where an item ends with what blockAssignment reads as its (its labelled lines, the items nested in it, the clauses of
 * its enumeration): the end of the last of them, or the item's own end.
 */
export function itemExtentEnd(text: string, blocks: readonly BlockLike[], block: BlockLike): number {
  let end = block.end;
  if (block.kind !== 'item') return end;
  for (let j = blocks.indexOf(block) + 1; j < blocks.length && (blocks[j].kind === 'sentence' || blocks[j].kind === 'item'); j++) {
    const line = text.slice(blocks[j].start, blocks[j].end);
    const label = blocks[j].kind === 'item' ? line.replace(LABEL_BULLET, '') : line.replace(LEADING_BREAKS, '');
    const clause = blocks[j].kind === 'item' && !blocks[j].references.length && ENUMERATION.test(line);
    if (!clause && !assignsAbove(label) && !nestedIn(text, blocks, j, block)) break;
    end = blocks[j].end;
  }
  return end;
}

/** Whether blocks[j] is an item nested (at any depth) in `item`. */
function nestedIn(text: string, blocks: readonly BlockLike[], j: number, item: BlockLike): boolean {
  for (let parent = parentItem(text, blocks, j); parent; parent = parentItem(text, blocks, blocks.indexOf(parent))) if (parent === item) return true;
  return false;
}

/** The title of a heading-like item (一、商务服务, （三）健康医疗服务（表1第37至45项）), if the line is one. */
export function headingItemTitle(line: string): string | undefined {
  const m = CN_HEADING_ITEM.exec(line);
  return m ? line.slice(m[0].length) : undefined;
}


/**
 * Does the plan name a lead unit anywhere (a labelled 牵头单位/责任单位, a role such as 由…牵头, a closing parenthesis,
 * a heading's, or a filled lead column of a table)? In `auto` mode, only such a plan is checked for items without one.
 */
export function planAssignsLeadUnits(text: string): boolean {
  // one regex pass finds the lines that hold a hint; from the first line with a | (perhaps a table row), the lines
  // are read one by one, as a table's rows need its header. Before it there is no table, so both ways agree.
  LEAD_HINT.lastIndex = 0;
  for (let m = LEAD_HINT.exec(text); m; m = LEAD_HINT.exec(text)) {
    // the line around the hint, as split(/\r\n|\r|\n/) would give it
    let start = m.index;
    while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
    if (m[0] === '|' || m[0] === '\t') return linesAssignLeads(start ? text.slice(start) : text);
    const end = lineEndFrom(text, m.index + m[0].length);
    // a line without a unit's character names no lead (often a parenthesis: （表1第12项）)
    if (hasUnitChar(text, start, end) && readAssignment(text.slice(start, end), { firstLeads: true }).lead) return true;
    LEAD_HINT.lastIndex = end;
  }
  return false;
}

/** What a line that names a lead holds (a role word, a label or a closing parenthesis), or a | or tab of a table row. */
const LEAD_HINT = /牵头|负责|主责|责任单位|[）)|\t]/g;

const isLineBreak = (c: number) => c === 0x0a || c === 0x0d;

/** planAssignsLeadUnits line by line, for a text that may hold tables. */
function linesAssignLeads(text: string): boolean {
  let header: string[] | undefined;
  const physical = linesOf(text);
  const rows = tableRowStarts(text, physical);
  // a row that spans lines (an Excel cell's line breaks) is one
  for (const { start, line } of rowLines(text, physical, rows)) {
    const trimmed = line.trim();
    if (rows?.has(start)) {
      if (/^[\s|:-]+$/.test(trimmed)) continue;
      const readCells = () => cellSpans(line).map(([a, b]) => line.slice(a, b));
      if (!header) {
        header = readCells();
        continue;
      }
      // a row without a unit's character names no lead
      if (hasUnitChar(trimmed, 0, trimmed.length) && readRowAssignment(header, readCells(), { firstLeads: true }).lead) return true;
      continue;
    }
    header = undefined;
    if (!/牵头|负责|主责|责任单位|[）)]/.test(line)) continue;
    if (hasUnitChar(line, 0, line.length) && readAssignment(line, { firstLeads: true }).lead) return true;
  }
  return false;
}

// ---------------------------------------------------------------- across paragraphs

/** A bullet before a labelled line, at any indent (- 牵头单位：…, 　　- 完成时限：… as Word saves an indented list). */
const LABEL_BULLET = /^[ \t\u3000]*[-*+][ \t]+/;

/**
 * The labelled lines (牵头单位：…, 完成时限：…) that start text[from…] after blank lines, up to the first line that is
 * not one; '' when there are none. Word plans put them in a paragraph of their own after the item they assign.
 */
export function labelLinesAfter(text: string, from: number): string {
  const lines: string[] = [];
  const line = /[^\r\n]*/y;
  let at = from;
  while (at < text.length) {
    line.lastIndex = at;
    const l = line.exec(text)![0];
    if (l.trim()) {
      if (!assignsAbove(l.replace(LABEL_BULLET, ''))) break;
      lines.push(l);
    } else if (lines.length && !l.trim()) break; // the labels' own paragraph ends at a blank line
    at += l.length;
    if (text[at] === '\r' && text[at + 1] === '\n') at += 2;
    else if (at < text.length) at++;
  }
  return lines.join('\n');
}

/**
 * The outline after a paragraph: a 一、 line replaces it, a （一） line replaces its second level, a Markdown heading
 * (which the plan model carries itself) clears it.
 */
export function nextOutline(outline: string[], paragraph: string): string[] {
  if (/^#{1,6}[ \t]/m.test(paragraph)) return [];
  const h = headingLikeLine(paragraph);
  if (!h) return outline;
  // the levels stay in place: a second-level line without a first above it keeps the first level empty
  return h.level === 1 ? [h.title] : [outline[0] ?? '', h.title];
}

/**
 * The tasks of the citation of an item or row that names `first`, its task (taskOfItem's): a list or range's every task,
 * with those of the references listed right after it (a cell 1-12、3-13, 表1第12项、表3第5项), else `first` alone.
 * `text` is the text the block's offsets are in.
 */
export function itemTasks(text: string, block: Pick<Block, 'references' | 'bare'>, first: Task): readonly Task[] {
  const at = block.references.findIndex((r) => r.tasks[0] === first);
  if (at >= 0) {
    let tasks = block.references[at].tasks;
    for (let k = at + 1, end = block.references[at].ref.end; k < block.references.length; k++) {
      const next = block.references[k];
      if (!BETWEEN_LISTED.test(text.slice(end, next.ref.start))) break;
      tasks = [...tasks, ...next.tasks.filter((t) => !tasks.includes(t))];
      end = next.ref.end;
    }
    return tasks.length ? tasks : [first];
  }
  for (const b of block.bare) if (b.tasks && b.resolved === first) return b.tasks;
  return [first];
}

/**
 * Of an item without a lead (or a date) of its own that cites `first` and maybe more (itemTasks): whether the 分工表's
 * rows give `what` to every task it cites ('all'), to some (the references of those they give it to and of those they
 * do not), or to none (undefined: the item's own omission). Where a row is unread, which may give it to the rest, the
 * item is judged by its first task: 'all' when the rows give it that, else undefined.
 */
export function partlyAssigned(
  text: string,
  block: Pick<Block, 'references' | 'bare'>,
  first: Task,
  tables: TableAssignments,
  what: 'led' | 'dated',
): 'all' | { given: string; missing: string } | undefined {
  const tasks = itemTasks(text, block, first);
  const given = tasks.filter((t) => tables[what].has(t));
  if (!given.length) return undefined;
  if (given.length === tasks.length) return 'all';
  // a row this reader cannot read may give it to the rest: the item is judged by its first task alone
  if (tables.unread) return given.includes(first) ? 'all' : undefined;
  const refs = (list: readonly Task[]) => list.map((t) => formatReference(t)).join('、');
  return { given: refs(given), missing: refs(tasks.filter((t) => !given.includes(t))) };
}
