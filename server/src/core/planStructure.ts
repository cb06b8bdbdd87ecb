// The plan's structure as each paragraph sees it: whether the plan names lead units anywhere, a declaration that the
// first unit leads, the heading-like lines above, the labelled lines that follow. Worked out from facts each paragraph
// keeps about itself, so that a re-check walks cached facts instead of re-reading the plan.
import { BlockAssignment, firstLeadsDeclaredAt, isNumberedLine, itemTasks, rowAssignment, datedItemCount, DEADLINE_SHARE, taskItemCount, labelLinesAfter, nextOutline, planAssignsLeadUnits, ResponsibilityRun, TableAssignments, taskOfItem } from './itemAssignment';
import { Block, mayBeTaskItem, ParagraphModel } from './planModel';
import { ENUMERATION, MARKER_OPENING, numberingIsFirst, numberingLevel, opensItemUnder } from './scopes';
import { citedTasks } from './taskIndex';
import { Task } from './types';
import { lineEndFrom } from './text';
import { firstLeadsDeclaration, isUnitName, namesNoUnit, titleDistricts } from './responsibility';
import { Deadline, dueBy, IssueDate, issueDateIn } from './deadlines';
import { afterNumber, ENUMERATION_LEVEL, HeadingNumber, headingNumbersIn, NO_NUMBERING, NumberingState, sameNumbering } from './headingNumbers';
import { bareTasks, blockTasks } from './bareNumbers';
import { NO_UNIT_FACTS, PlanSpellings, planSpellings, sameSpellings, UnitFacts, unitFacts, UnitSpellings } from './unitSpellings';

/** policyLens.structure: when a task item needs a lead unit, and a deadline; the end of the pilot period if set. */
export interface StructureSettings {
  requireLeadUnit?: 'auto' | 'always' | 'off';
  requireDeadline?: 'auto' | 'always' | 'off';
  pilotEnd?: string;
}

/** A paragraph as the walk reads it: its text, and the facts it keeps (worked out here on first use). */
export interface StructuredParagraph {
  readonly model: Pick<ParagraphModel, 'text' | 'blocks' | 'references'>;
  facts?: ParagraphFacts;
  /** Whether it names a lead unit (planAssignsLeadUnits): read when the paragraphs before it name none. */
  assignsLead?: boolean;
  /** How many task items it holds (taskItemCount), and how many of them give a deadline (datedItemCount). */
  taskItems?: number;
  /** The count, with the next paragraph's leading labelled lines it was made with (they can date its last item). */
  datedItems?: DatedItems;
  /** Counts made before in other places of the plan (a paragraph it repeats), the latest last; DATED_MEMOS in all. */
  olderDatedItems?: readonly DatedItems[];
  /** The tasks its table rows name a lead unit and a deadline for (rowAssignments). */
  rowAssignments?: RowAssignments;
  /** The tasks of its task items that are not table rows (the plan's body, against its 分工表). */
  bodyTasks?: readonly Task[];
  /** The units its blocks assign items to, and the short names it declares (unitFacts). */
  unitFacts?: UnitFacts;
}

/** The tasks a paragraph's table rows name a lead unit for (with the units), and those they give a deadline (or words of timing). */
export interface RowAssignments {
  /** The tasks its rows cite or restate, each once. */
  listed: readonly Task[];
  /** How many of its rows name no task this reader finds (a row may list a task in words of its own). */
  unread: number;
  led: readonly { task: Task; leads: readonly string[] }[];
  dated: readonly { task: Task; deadline?: Deadline }[];
}

/** The tasks of an outline line that cites none. */
const NO_TASKS: readonly Task[] = Object.freeze([]);

/** A paragraph without table rows (or whose rows are its heading's task's parts): most of them share it. */
const NO_ROW_ASSIGNMENTS: RowAssignments = Object.freeze({ listed: NO_TASKS, unread: 0, led: [], dated: [] });

/** Stands for "the outline before" in a paragraph's outline step (see paragraphFacts). */
const OUTLINE_BEFORE = ['\u0000'];

/**
 * What the rest of the plan tells each paragraph (whether it names lead units anywhere, a declaration that the
 * first unit leads, the heading-like lines above, the labelled lines that follow), from the paragraphs' cached facts:
 * walked in order, so that a caller can compare a paragraph's structure with one it has before making it an object.
 */
export class StructureWalk {
  private readonly facts: ParagraphFacts[];
  private readonly planAssignsLeads: boolean;
  private readonly requireLeadUnit: ResponsibilityRun['requireLeadUnit'];
  private readonly requireDeadline: NonNullable<ResponsibilityRun['requireDeadline']>;
  private readonly expectDeadlines: boolean;
  private readonly pilotEnd: string | undefined;
  /** The plan's 落款 date: the last paragraph's that has one (its facts' object: the same while that paragraph is). */
  private readonly issued: IssueDate | undefined;
  /** The plan's title: the first of its first paragraphs that is one (TITLE_WITHIN), and that paragraph's index. */
  private readonly title: string | undefined;
  private readonly titleAt: number = -1;
  /** The numbers of the headings before each paragraph that has heading numbers (numbered), by its index. */
  private readonly numberedAt = new Map<number, NumberingState>();
  /** The tasks the whole plan cites, for the title's paragraph (made when it is first asked for). */
  private planCites?: { ids: ReadonlySet<string>; key: string };
  private readonly tables: TableAssignments | undefined;
  private readonly expectListed: boolean;
  /** By an earlier version's table assignments: the tasks they and this plan's say different things of. */
  private readonly changedTasks = new Map<TableAssignments, Set<Task>>();
  /** Whether a paragraph before paragraph i declares that the first unit of a list leads. */
  private readonly firstLeadsAt: boolean[] = [];
  /** The assignments the count of dated items read, by paragraph, until its checks take them (assignmentsOf). */
  private readonly itemReads = new Map<number, Map<Block, BlockAssignment>>();
  /** The outline above each paragraph (outlinesOf). */
  private readonly outlines: (readonly string[])[];
  /**
   * For a paragraph that opens with （1） or ①, the paragraph of the 1. (or （1）) line it is numbered under, when blank
   * lines part them (a Word plan saved with them: each level a paragraph of its own); -1 for another.
   */
  private readonly numberedUnder: number[];
  /** The tasks each line of the outline cites, by its order. */
  private outlineCites: (readonly Task[])[] = [];
  private readonly parts: readonly { result: StructuredParagraph }[];
  /** The structure `at` made last: the next paragraph's is most often the same, and shares it. */
  private last?: ResponsibilityRun;
  /** The names the plan writes its units by (made when first asked for): what each paragraph is told of them. */
  private planSpellings?: PlanSpellings;
  /** The lead units of the plan's 分工表 when it is a file of its own: names the plan writes too. */
  private readonly annexLeads: readonly string[];

  /**
   * `annex`: the rows of the plan's 分工表 when it is a file of its own (方案.docx beside 分工表.xlsx), read with the
   * plan's own table rows.
   */
  constructor(parts: readonly { result: StructuredParagraph }[], settings: StructureSettings | undefined, annex?: readonly RowAssignments[]) {
    this.parts = parts;
    this.facts = parts.map((p) => (p.result.facts ??= paragraphFacts(p.result.model.text)));
    // read paragraph by paragraph up to the first that names a lead: a plan's first few usually do (or its 分工表)
    // a bulletin (工作简报（第7期）) tells how the work goes, as the plan assigned it: it assigns none, and dates none
    const bulletin = parts.slice(0, TITLE_WITHIN).some((p) => BULLETIN_TITLE.test(firstLineOf(p.result.model.text)));
    this.planAssignsLeads = !bulletin && (!!annex?.some((rows) => rows.led.length) || parts.some((p) => (p.result.assignsLead ??= planAssignsLeadUnits(p.result.model.text))));
    this.requireLeadUnit = settings?.requireLeadUnit ?? 'auto';
    this.requireDeadline = settings?.requireDeadline ?? 'auto';
    this.outlines = outlinesOf(this.facts);
    this.numberedUnder = numberedUnder(this.facts);
    this.tables = tableAssignments(parts, annex);
    this.annexLeads = annexLeadsOf(annex);
    // a row that names no task this reader finds may list one in words of its own: then no task is said missing
    this.expectListed = !!this.tables && !this.tables.unread && listsMostBodyTasks(parts, this.tables.listed);
    // a note of the plan's (注：排在第一位的为牵头单位) holds for every paragraph; a declaration after a list, from there on
    const noted = this.facts.some((f) => f.firstLeadsNote);
    for (let i = 0, declared = noted; i < parts.length; declared ||= this.facts[i].declaresFirstLeads, i++) this.firstLeadsAt.push(declared);
    // the count reads each item as the paragraph's checks will (with the declaration before it), for them to take
    const reads = (i: number) => {
      const into = new Map<Block, BlockAssignment>();
      this.itemReads.set(i, into);
      return { firstLeads: this.firstLeadsAt[i], into };
    };
    this.expectDeadlines = this.requireDeadline === 'always' || (this.requireDeadline === 'auto' && !bulletin && datesMostItems(parts, this.facts, this.outlines, this.tables?.dated, reads, (i) => this.parentLineAt(i)));
    this.pilotEnd = settings?.pilotEnd || undefined;
    // the last date alone under the issuing unit's name, in its paragraph or as the paragraph after it (a 落款; not a
    // deadline written alone, nor a date of a timeline)
    for (let i = this.facts.length - 1; i >= 0 && !this.issued; i--) {
      const issued = this.facts[i].issued;
      if (issued && (issued.before ? isUnitName(issued.before) : !!this.facts[i - 1]?.unitLine)) this.issued = issued;
    }
    // a report of the work (进展情况台账, 工作总结, 进展报告) dates what was done and writes the deadlines that were set:
    // its own date holds none of them to account
    if (this.issued && parts.slice(0, TITLE_WITHIN).some((p) => REPORT_TITLE.test(firstLineOf(p.result.model.text)))) this.issued = undefined;
    let numbering = NO_NUMBERING;
    for (let i = 0; i < this.facts.length; i++) {
      const numbers = this.facts[i].numbers;
      if (!numbers) continue;
      this.numberedAt.set(i, numbering);
      for (const n of numbers) numbering = afterNumber(numbering, n);
    }
    for (let i = 0; i < Math.min(TITLE_WITHIN, this.facts.length) && !this.title; i++) {
      this.title = this.facts[i].title;
      if (this.title) this.titleAt = i;
    }
    // a title of two lines that Word saved with a blank line between them (广州市黄埔区落实服务业扩大开放综合试点, then
    // 实施方案): the line above opens it — one line, no digit (not the 文号 line), not the issuing unit's
    const above = this.titleAt > 0 && !this.facts[this.titleAt - 1].unitLine ? parts[this.titleAt - 1].result.model.text.trim() : '';
    const joined = above && !/[\r\n0-9０-９]/.test(above) && this.title ? planTitle(`${above}\n${this.title}`) : undefined;
    if (joined) {
      this.title = joined;
      this.titleAt--;
    }
  }

  /**
   * The assignments of paragraph i's items as its checks read them (itemAssignmentOf, with the structure `at(i)`
   * gives), when the count of dated items read them in this walk: read once, not again by the checks. Handed over once.
   */
  assignmentsOf(i: number): Map<Block, BlockAssignment> | undefined {
    const read = this.itemReads.get(i);
    this.itemReads.delete(i);
    return read;
  }

  /** Whether paragraph i (the next one of the walk) has the structure `s`. */
  is(i: number, s: ResponsibilityRun): boolean {
    return s.requireLeadUnit === this.requireLeadUnit && s.pilotEnd === this.pilotEnd && s.issued === this.issued && s.title === this.title && s.planAssignsLeads === this.planAssignsLeads &&
      s.requireDeadline === this.requireDeadline && s.expectDeadlines === this.expectDeadlines &&
      s.firstLeads === this.firstLeadsAt[i] && !!s.expectListed === this.expectListed && this.sameTablesFor(i, s.tables) && s.following === this.following(i) && !!s.heads === this.heads(i) && sameStrings(s.outline ?? [], this.outlines[i]) &&
      (i === this.titleAt ? s.planCites?.key === this.citesOfPlan().key : !s.planCites) && sameNumbering(s.numbering, this.numberedAt.get(i)) &&
      s.parentLine?.text === this.parentLineAt(i)?.text && sameTaskList(s.childTasks, this.childTasksAt(i)) && sameTaskList(s.labelsItem, this.labelsItemAt(i)) &&
      sameSpellings(s.spellings, this.spellingsOf(i));
  }

  /**
   * The tasks of the task item above whose labelled lines paragraph i opens with: the last block of the paragraph before
   * it, or before the paragraphs of nothing but labels between them, when it cites or restates a task (its references'
   * tasks, its bare numbers', the one it restates; none when its references cite nothing). Undefined when it opens with
   * no labels, or they are no such item's.
   */
  private labelsItemAt(i: number): readonly Task[] | undefined {
    if (!this.facts[i].leadingLabels) return undefined;
    let j = i - 1;
    while (j >= 0 && this.facts[j].labelsOnly) j--;
    return j >= 0 ? lastItemTasks(this.parts[j].result.model) : undefined;
  }

  /** What paragraph i is told of the plan's spellings of the units it names: undefined when it names none the plan writes two ways. */
  private spellingsOf(i: number): UnitSpellings | undefined {
    const result = this.parts[i].result;
    const facts = (result.unitFacts ??= unitFacts(result.model));
    // most paragraphs name no unit: told nothing, whatever the plan writes (PlanSpellings.of keeps what it told the others)
    return facts === NO_UNIT_FACTS ? undefined : (this.planSpellings ??= planSpellings(this.parts, this.annexLeads, titleDistricts(this.title ?? ''))).of(facts);
  }

  /**
   * The tasks the plan takes up: every paragraph's references, its bare numbers read as a task (第10项 under 表3), the
   * items that restate a task without citing it, and its 分工表's rows.
   */
  private citesOfPlan(): { ids: ReadonlySet<string>; key: string } {
    if (!this.planCites) {
      const ids = new Set<string>();
      for (const p of this.parts) {
        for (const r of p.result.model.references) for (const t of r.tasks) ids.add(t.id);
        for (const b of p.result.model.blocks) {
          for (const bare of b.bare) for (const t of bareTasks(bare)) ids.add(t.id);
          if (b.restates) ids.add(b.restates.task.id);
        }
      }
      for (const t of this.tables?.listed ?? []) ids.add(t.id);
      this.planCites = { ids, key: [...ids].sort().join(',') };
    }
    return this.planCites;
  }

  /** The structure of paragraph i (the next one of the walk). */
  at(i: number): ResponsibilityRun {
    if (this.last && this.is(i, this.last)) return this.last;
    const { requireLeadUnit, requireDeadline, expectDeadlines, pilotEnd, issued, title, planAssignsLeads, tables, expectListed } = this;
    const firstLeads = this.firstLeadsAt[i];
    const outline = this.outlines[i];
    const outlineCites = this.outlineCitesAbove(i);
    const numbering = this.numberedAt.get(i);
    const spellings = this.spellingsOf(i);
    const parentLine = this.parentLineAt(i);
    const childTasks = this.childTasksAt(i);
    // every field in one literal, set or not: StructureWalk.is reads the structures of thousands of paragraphs an edit, and
    // objects of one shape keep its reads fast (optional fields spread in made dozens of shapes)
    return (this.last = {
      requireLeadUnit, requireDeadline, expectDeadlines, pilotEnd, issued, title, planCites: i === this.titleAt ? this.citesOfPlan() : undefined, numbering,
      planAssignsLeads, firstLeads, following: this.following(i), outline, outlineCites, heads: this.heads(i), tables, expectListed, spellings, parentLine, childTasks,
      labelsItem: this.labelsItemAt(i),
    });
  }

  /** The tasks the lines of the outline above paragraph i cite (a heading-like line is under the levels above its own only: outlinesOf). */
  private outlineCitesAbove(i: number): (readonly Task[])[] {
    const levels = levelsAbove(this.facts[i].outlineStep);
    return levels === undefined ? this.outlineCites : this.outlineCites.slice(0, levels);
  }

  /**
   * Whether the plan's 分工表 rows say the same as `tables` about the tasks paragraph i's items can be of: typing in a
   * row's lead cell changes what the rows say of one task, and only the paragraphs of that task are checked again.
   */
  private sameTablesFor(i: number, tables: TableAssignments | undefined): boolean {
    const now = this.tables;
    if (tables === now || tables?.key === now?.key) return true;
    if (!tables || !now) return false;
    // a row read or unread decides whether an item citing several tasks, some of them led or dated by a row, is said
    // to leave the rest without (partlyAssigned)
    if (tables.unread !== now.unread && this.parts[i].result.model.blocks.some(citesSeveral)) return false;
    // the tasks the two say different things of, worked out once per earlier table (a walk meets one or two)
    let changed = this.changedTasks.get(tables);
    if (!changed) this.changedTasks.set(tables, (changed = changedTasks(tables, now)));
    const differ = changed;
    const same = (t: Task) => !differ.has(t);
    // an item's task: one it cites (or by number), one it restates, or one the outline above it cites
    for (const block of this.parts[i].result.model.blocks) {
      for (const r of block.references) for (const t of r.tasks) if (!same(t)) return false;
      for (const b of block.bare) for (const t of bareTasks(b)) if (!same(t)) return false;
      if (block.restates && !same(block.restates.task)) return false;
    }
    for (const tasks of this.outlineCitesAbove(i)) for (const t of tasks) if (!same(t)) return false;
    return true;
  }

  /**
   * The line paragraph i is numbered under across a blank line (numberedUnder), with the labelled lines that follow it
   * (2．提升电信业务开放水平。 then 牵头单位：… and 完成时限：… paragraphs, then （1）…), and the tasks it cites.
   */
  private parentLineAt(i: number): { text: string; tasks: readonly Task[] } | undefined {
    const j = this.numberedUnder[i];
    if (j < 0) return undefined;
    const model = this.parts[j].result.model;
    const labels = this.following(j);
    return (this.parentLines[j] ??= { text: labels ? `${model.text}\n${labels}` : model.text, tasks: citedTasks(model.references) });
  }

  /** The tasks the paragraphs numbered under paragraph i across blank lines cite (its （1）… paragraphs), if any. */
  private childTasksAt(i: number): readonly Task[] | undefined {
    if (!this.childTasks) {
      this.childTasks = new Map();
      for (let k = 0; k < this.numberedUnder.length; k++) {
        const j = this.numberedUnder[k];
        if (j < 0) continue;
        const cited = citedTasks(this.parts[k].result.model.references);
        if (!cited.length) continue;
        const known = this.childTasks.get(j);
        this.childTasks.set(j, known ? [...known, ...cited.filter((t) => !known.includes(t))] : cited);
      }
    }
    return this.childTasks.get(i);
  }
  private childTasks?: Map<number, readonly Task[]>;
  /** parentLineAt's objects, by paragraph (the same object for every paragraph under it). */
  private readonly parentLines: ({ text: string; tasks: readonly Task[] } | undefined)[] = [];

  /** Past paragraph i. */
  next(i: number): void {
    const step = this.facts[i].outlineStep;
    // the outline's tasks go with its lines (the same titles cite the same tasks: the outline alone is compared)
    if (step !== OUTLINE_BEFORE) {
      const cites = step.length ? citedTasks(this.parts[i].result.model.references) : [];
      this.outlineCites = !step.length ? [] : step[0] === OUTLINE_BEFORE[0] ? [this.outlineCites[0] ?? NO_TASKS, cites] : [cites];
    }
  }

  /**
   * Whether paragraph i is one heading-like line over the items of the next (（一）落实表1第35项, then 1. …): the title of
   * its section, not a task item. Not when the next opens with its labelled lines (a Word plan's item) or with a
   * heading-like item of its own level (a list of short items, one a paragraph).
   */
  private heads(i: number): boolean {
    return headsItemsAt(this.parts, this.facts, i);
  }

  private following(i: number): string | undefined {
    return followingLabels(this.facts, i, this.parts) || undefined;
  }
}

/**
 * The structure of paragraph i after an edit that changed it alone (`before` and `after`: its results; `structure`: what
 * the walk told it before the edit), when the rest of the plan sees it alike: then every other paragraph's structure is
 * what it was, and an edit re-checks one paragraph without walking the plan. Undefined whenever something the walk reads
 * of the paragraph may differ (seenByPlan: its facts, whether it names a lead, its table rows, the tasks its items
 * list, the units it names, its first and last blocks as its neighbours read them, its counts of task items and of
 * dated ones), for a paragraph among the plan's first (its title, a bulletin's or a report's), and for one that others
 * may be numbered under (their parent line holds its text). The tasks it cites count only where the walk reads them:
 * for the title's list of the plan's tasks, a heading's or a numbered line's.
 */
export function structureAfterEdit(
  parts: readonly { result: StructuredParagraph }[],
  i: number,
  before: StructuredParagraph,
  after: StructuredParagraph,
  structure: ResponsibilityRun,
  /** The plan's structures before the edit (the title's paragraph holds the tasks the plan cites). */
  structures: readonly { structure: ResponsibilityRun }[],
  annex?: readonly RowAssignments[],
): ResponsibilityRun | undefined {
  if (i <= TITLE_WITHIN) return undefined;
  const facts = (before.facts ??= paragraphFacts(before.model.text));
  const afterFacts = (after.facts ??= paragraphFacts(after.model.text));
  if (afterFacts.issued || facts.issued) return undefined;
  // a （1） or ① paragraph after it may be numbered under it (its text is theirs): looked for as far as numberedUnder looks
  const level = facts.numbered ?? 0;
  if (level && level < 5) {
    for (let k = i + 1; k < parts.length && k <= i + NUMBERED_REACH; k++) {
      const r = parts[k].result;
      if (((r.facts ??= paragraphFacts(r.model.text)).numbered ?? 0) > level) return undefined;
    }
  }
  if (seenByPlan(before, structure) !== seenByPlan(after, structure)) return undefined;
  // the tasks it cites: the title's paragraph lists the plan's, a heading's go with the outline, a numbered line's with its parent's
  const planTitled = structures.slice(0, TITLE_WITHIN + 1).some((s) => s.structure.planCites);
  if ((planTitled || facts.numbered || facts.outlineStep !== OUTLINE_BEFORE) && citedBy(before) !== citedBy(after)) return undefined;
  // the units it names are those it named (seenByPlan): what it is told of those the plan writes two ways says where
  if (after.unitFacts === NO_UNIT_FACTS) return structure;
  const spellings = planSpellings(parts, annexLeadsOf(annex), titleDistricts(structure.title ?? '')).of(after.unitFacts!);
  return spellings === structure.spellings ? structure : { ...structure, spellings };
}

/** The lead units of a plan's 分工表 when it is a file of its own. */
function annexLeadsOf(annex: readonly RowAssignments[] | undefined): readonly string[] {
  return annex?.flatMap((rows) => rows.led.flatMap((l) => l.leads)) ?? [];
}

/** The tasks a paragraph cites, by number or restated, in order, as a string to compare. */
function citedBy(r: StructuredParagraph): string {
  const cited: string[] = [];
  for (const b of r.model.blocks) {
    for (const ref of b.references) cited.push(idsOf(ref.tasks));
    for (const bare of b.bare) cited.push('#' + idsOf(bareTasks(bare)));
    if (b.restates) cited.push('=' + b.restates.task.id);
  }
  return cited.join(';');
}

function idsOf(tasks: readonly Task[]): string {
  return tasks.map((t) => t.id).join(',');
}

/** Whether two structures tell a paragraph the same (what StructureWalk.is compares, field by field). */
export function sameStructure(a: ResponsibilityRun, b: ResponsibilityRun): boolean {
  return a === b || (
    a.requireLeadUnit === b.requireLeadUnit && a.expectDeadlines === b.expectDeadlines && a.requireDeadline === b.requireDeadline && a.pilotEnd === b.pilotEnd &&
    a.issued === b.issued && a.title === b.title && a.planCites?.key === b.planCites?.key && sameNumbering(a.numbering, b.numbering) &&
    a.planAssignsLeads === b.planAssignsLeads && a.firstLeads === b.firstLeads && a.following === b.following && sameStrings(a.outline ?? [], b.outline ?? []) &&
    sameOutlineCites(a.outlineCites ?? [], b.outlineCites ?? []) && !!a.heads === !!b.heads && (a.tables === b.tables || a.tables?.key === b.tables?.key) &&
    !!a.expectListed === !!b.expectListed && sameSpellings(a.spellings, b.spellings) && a.parentLine?.text === b.parentLine?.text &&
    sameTaskList(a.parentLine?.tasks, b.parentLine?.tasks) && sameTaskList(a.childTasks, b.childTasks) && sameTaskList(a.labelsItem, b.labelsItem)
  );
}

function sameOutlineCites(a: readonly (readonly Task[])[], b: readonly (readonly Task[])[]): boolean {
  return a === b || (a.length === b.length && a.every((tasks, k) => sameTaskList(tasks, b[k])));
}

/** What the plan's walk reads of a paragraph (structureAfterEdit), as a string to compare: read with `structure`'s context. */
function seenByPlan(r: StructuredParagraph, structure: ResponsibilityRun): string {
  const f = r.facts!;
  const model = r.model;
  const first = model.blocks[0];
  const firstText = first?.kind === 'item' ? model.text.slice(first.start, first.end) : undefined;
  const lastTasks = lastItemTasks(model);
  const items = (r.taskItems ??= taskItemCount(model));
  let dated = '';
  if (items || titled(model)) {
    // the count the walk made (or makes) in this place: the paragraph before the edit has it already
    const count = datedCount(r, structure.following ?? '', structure.outline ?? [], structure.parentLine);
    dated = `${count.dated}:${idsOf(count.undatedTasks)}`;
  }
  const rows = (r.rowAssignments ??= rowAssignments(model));
  const units = (r.unitFacts ??= unitFacts(model));
  return [
    f.declaresFirstLeads, f.firstLeadsNote, f.leadingLabels, f.labelsOnly, f.outlineStep === OUTLINE_BEFORE ? '\u0000' : JSON.stringify(f.outlineStep), f.clause, f.unitLine, f.title,
    // the numbers of its headings as the plan counts them (not where they stand in it)
    f.numbers?.map((n) => `${n.level}:${n.value}`).join(','), f.numbered, f.numberedFirst,
    (r.assignsLead ??= planAssignsLeadUnits(model.text)), idsOf((r.bodyTasks ??= bodyTasksOf(model))),
    rows === NO_ROW_ASSIGNMENTS ? '' : rowsKey(rows),
    units.mentions.map((m) => m.name).join(','), units.declared.map((d) => d.join('=')).join(','),
    firstText === undefined ? '' : `${opensItemUnder(firstText, 1)}${opensItemUnder(firstText, 2)}`,
    // the tasks of its last item, which labelled lines opening the next paragraph assign (labelsItemAt)
    lastTasks ? `+${idsOf(lastTasks)}` : '',
    titled(model), items, dated,
  ].join('\u0001');
}

/**
 * The tasks of a paragraph's last block when it is a task item that cites or restates one (its references' tasks, its
 * bare numbers', the one it restates; none when its references cite nothing): labelled lines that open the next
 * paragraph assign it (StructureWalk.labelsItemAt). Undefined when it is no such item.
 */
function lastItemTasks(model: Pick<ParagraphModel, 'blocks'>): readonly Task[] | undefined {
  const last = model.blocks[model.blocks.length - 1];
  if (!last || !mayBeTaskItem(last) || (!last.references.length && !last.bare.length && !last.restates)) return undefined;
  const tasks = blockTasks(last);
  if (last.restates && !tasks.includes(last.restates.task)) return [...tasks, last.restates.task];
  return tasks.length ? tasks : NO_TASKS;
}

/** What a paragraph's table rows tell the plan's 分工表 (gatherTables reads the same), as a string to compare. */
function rowsKey(rows: RowAssignments): string {
  const led = rows.led.map(({ task, leads }) => `${task.id}=${leads.join('+')}`).join(',');
  const dated = rows.dated.map(({ task, deadline }) => `${task.id}=${deadline ? `${dueBy(deadline)}~${deadline.text}` : ''}`).join(',');
  return `${idsOf(rows.listed)}/${rows.unread}/${led}/${dated}`;
}

/** The last plan's rows and what they made (an edit outside the 分工表 leaves every paragraph's rows as they were). */
let lastTables: { rows: RowAssignments[]; made: TableAssignments | undefined } = { rows: [], made: undefined };

/**
 * The tasks the plan's table rows name a lead unit and a deadline for (a 分工表, often the plan's 附件, beside a body that
 * cites the same tasks without them); undefined when no row does. Each paragraph keeps its own (read without the rest of
 * the plan: a row's cells are its own), so a re-check only gathers them, and makes nothing when they are the last plan's.
 */
function tableAssignments(parts: readonly { result: StructuredParagraph }[], annex: readonly RowAssignments[] = []): TableAssignments | undefined {
  const rows = planRows(parts);
  for (const r of annex) rows.push(r);
  const last = lastTables;
  if (rows.length === last.rows.length && rows.every((r, k) => r === last.rows[k])) return last.made;
  const made = gatherTables(rows);
  lastTables = { rows, made };
  return made;
}

/** The assignments of the plan's table rows, paragraph by paragraph (those of paragraphs with rows). */
export function planRows(parts: readonly { result: StructuredParagraph }[]): RowAssignments[] {
  const rows: RowAssignments[] = [];
  for (let i = 0; i < parts.length; i++) {
    const result = parts[i].result;
    const own = (result.rowAssignments ??= rowAssignments(result.model));
    if (own !== NO_ROW_ASSIGNMENTS) rows.push(own);
  }
  return rows;
}

function gatherTables(all: readonly RowAssignments[]): TableAssignments | undefined {
  let listed: Set<Task> | undefined;
  let unread = 0;
  let led: Map<Task, string[]> | undefined;
  let dated: Map<Task, Deadline[]> | undefined;
  for (const rows of all) {
    unread += rows.unread;
    for (const t of rows.listed) (listed ??= new Set()).add(t);
    for (const { task, leads } of rows.led) {
      const known = (led ??= new Map()).get(task);
      if (!known) led.set(task, [...leads]);
      else for (const name of leads) if (!known.includes(name)) known.push(name);
    }
    for (const { task, deadline } of rows.dated) {
      const known = (dated ??= new Map()).get(task);
      if (!known) dated.set(task, deadline ? [deadline] : []);
      else if (deadline && !known.some((d: Deadline) => dueBy(d) === dueBy(deadline))) known.push(deadline);
    }
  }
  if (!listed) return undefined;
  const ledKey = led ? [...led].map(([t, names]) => `${t.id}=${names.join('+')}`).sort().join(',') : '';
  // the dates as written too: a finding says the table's date as it writes it (2025年底 or 2025年12月, the same day)
  const datedKey = dated ? [...dated].map(([t, ds]) => `${t.id}=${ds.map((d) => `${dueBy(d)}~${d.text}`).join('+')}`).sort().join(',') : '';
  const listedKey = [...listed].map((t) => t.id).sort().join(',');
  return { key: `${listedKey}/${ledKey}/${datedKey}/${unread}`, listed, unread, led: led ?? new Map(), dated: dated ?? new Map() };
}

/** The tasks a paragraph's table rows name a lead unit for (units in particular), and a deadline. */
function rowAssignments(model: StructuredParagraph['model']): RowAssignments {
  let listed: Task[] | undefined;
  let unread = 0;
  let led: { task: Task; leads: string[] }[] | undefined;
  let dated: { task: Task; deadline?: Deadline }[] | undefined;
  for (const block of model.blocks) {
    // a row that names its task (cites it, or restates it): a row that takes it from the heading above (### 落实表1第35项
    // over a table of its measures) is a part of the task, as the items beside the table are
    if (block.kind !== 'row' || block.restates?.citedAbove !== undefined) continue;
    const first = taskOfItem(block)?.task;
    if (!first) {
      if (mayBeTaskItem(block)) unread++;
      continue;
    }
    // the row's lead and date are each task's of the citation that names its task (a cell 12、13, 表3第12、13项)
    const tasks = itemTasks(model.text, block, first);
    for (const task of tasks) if (!listed?.includes(task)) (listed ??= []).push(task);
    // the row's own cells (as the checks read them, with the plan's declaration that the first unit leads)
    const a = rowAssignment(block, firstLeadsDeclaredAt(model.text) < block.end);
    const leads = a.lead ? [a.lead, ...(a.coLeads ?? [])].map((u) => u.name).filter((name) => !namesNoUnit(name)) : [];
    for (const task of tasks) {
      if (leads.length) (led ??= []).push({ task, leads });
      // a date that does not exist is no deadline to compare with (invalid-deadline says it)
      if (a.deadline || a.term) (dated ??= []).push(a.deadline?.valid ? { task, deadline: a.deadline } : { task });
    }
  }
  return listed || unread ? { listed: listed ?? NO_TASKS, unread, led: led ?? [], dated: dated ?? [] } : NO_ROW_ASSIGNMENTS;
}

/** How few of the tasks its body cites a plan's 分工表 may leave out for one left out to be an omission (a quarter). */
const LISTED_SHARE = 0.75;

/**
 * Whether the plan's 分工表 lists at least LISTED_SHARE of the tasks its body's items cite (three or more): then it is
 * meant to list them all, and one it leaves out is an omission (a table of a few key tasks is not).
 */
function listsMostBodyTasks(parts: readonly { result: StructuredParagraph }[], listed: ReadonlySet<Task>): boolean {
  const lists: (readonly Task[])[] = [];
  for (let i = 0; i < parts.length; i++) {
    const result = parts[i].result;
    const tasks = (result.bodyTasks ??= bodyTasksOf(result.model));
    if (tasks.length) lists.push(tasks);
  }
  // an edit that changes no paragraph's tasks (most do not) reuses the last answer
  const last = lastListing;
  if (last.listed === listed && lists.length === last.lists.length && lists.every((l, k) => l === last.lists[k])) return last.answer;
  const body = new Set<Task>();
  for (const tasks of lists) for (let k = 0; k < tasks.length; k++) body.add(tasks[k]);
  const answer = body.size >= 3 && share(body, listed) >= LISTED_SHARE;
  lastListing = { lists, listed, answer };
  return answer;
}

/** The last plan's body tasks (by paragraph), its table's and the answer of listsMostBodyTasks. */
let lastListing: { lists: (readonly Task[])[]; listed?: ReadonlySet<Task>; answer: boolean } = { lists: [], answer: false };

/** The share of `body` that `listed` holds. */
function share(body: ReadonlySet<Task>, listed: ReadonlySet<Task>): number {
  let inTable = 0;
  for (const t of body) if (listed.has(t)) inTable++;
  return inTable / body.size;
}

/** The tasks of a paragraph's task items that are not table rows. */
function bodyTasksOf(model: StructuredParagraph['model']): readonly Task[] {
  let tasks: Task[] | undefined;
  for (const block of model.blocks) {
    if (block.kind === 'row') continue;
    const first = taskOfItem(block)?.task;
    // every task of the citation that gives the item its task (落实T1.23—T1.26: four)
    if (first) for (const task of itemTasks(model.text, block, first)) if (!tasks?.includes(task)) (tasks ??= []).push(task);
  }
  return tasks ?? NO_TASKS;
}

/** StructureWalk.heads: whether paragraph i is one heading-like line over the items of the next. */
function headsItemsAt(parts: readonly { result: StructuredParagraph }[], facts: readonly ParagraphFacts[], i: number): boolean {
  const step = facts[i].outlineStep;
  if (step === OUTLINE_BEFORE || !step.length) return false;
  const next = parts[i + 1]?.result.model;
  const first = next?.blocks[0];
  if (!next || first?.kind !== 'item') return false;
  return opensItemUnder(next.text.slice(first.start, first.end), step[0] === OUTLINE_BEFORE[0] ? 2 : 1);
}

/**
 * Whether at least DEADLINE_SHARE of the plan's task items give a deadline (a date, words under 完成时限, a heading's):
 * then the plan's convention is a deadline per item, and one without is an omission. Each paragraph keeps its counts,
 * read with the labelled lines that open the next one (a Word plan's 完成时限 line) and the outline above it (a Word
 * plan's （一）…（2025年底前完成）), read again when those change (the lead-unit declarations only give leads: the count
 * does not depend on them). An item of the body whose task a row of the plan's 分工表 dates is dated. What it reads of
 * each item goes to `reads`, for the checks of the paragraph (StructureWalk.assignmentsOf).
 */
function datesMostItems(
  parts: readonly { result: StructuredParagraph }[],
  facts: readonly ParagraphFacts[],
  outlines: readonly (readonly string[])[],
  datedInTables?: TableAssignments['dated'],
  /** Where to keep the assignments of paragraph i's items, read for their deadline. */
  reads?: (i: number) => { firstLeads: boolean; into: Map<Block, BlockAssignment> },
  /** The line paragraph i is numbered under across a blank line (StructureWalk.parentLineAt): it can date its items. */
  parentLineOf: (i: number) => { text: string } | undefined = () => undefined,
): boolean {
  // a paragraph keeps its count without the labelled lines after it; a title-like one is an item only with them
  // and one over the items of the next is their title (headsItemsAt), none
  const count = (i: number) => headsItemsAt(parts, facts, i) ? 0 : parts[i].result.taskItems! + (titled(parts[i].result.model) && facts[i + 1]?.leadingLabels ? 1 : 0);
  let items = 0;
  for (let i = 0; i < parts.length; i++) {
    parts[i].result.taskItems ??= taskItemCount(parts[i].result.model);
    items += count(i);
  }
  if (!items) return false;
  // reading an item's deadline costs more than counting it: stop once too many are without one
  const allowed = items - DEADLINE_SHARE * items;
  let undated = 0;
  for (let i = 0; i < parts.length; i++) {
    const result = parts[i].result;
    const n = count(i);
    if (!n) continue;
    const following = followingLabels(facts, i, parts);
    // the outline above it (a Word plan's （一）…（2025年底前完成） paragraph) can date its items
    const outline = outlines[i];
    const parentLine = parentLineOf(i);
    const counted = datedCount(result, following, outline, parentLine, reads && (() => reads(i)));
    undated += n - counted.dated;
    // an item of the body that a row of the plan's 分工表 dates is dated
    if (datedInTables) for (const t of counted.undatedTasks) if (datedInTables.has(t)) undated--;
    if (undated > allowed) return false;
  }
  return true;
}

/**
 * A paragraph's count of dated items with these labelled lines after it, this outline above it and this parent line:
 * one it keeps (a paragraph the plan repeats under other headings or before other labels keeps a count for each), or
 * made and kept; `reads`, where the assignments it reads go (asked only when it counts).
 */
function datedCount(
  result: StructuredParagraph,
  following: string,
  outline: readonly string[],
  parentLine: { text: string } | undefined,
  reads?: () => { firstLeads: boolean; into: Map<Block, BlockAssignment> },
): DatedItems {
  const latest = result.datedItems;
  if (countFits(latest, following, outline, parentLine?.text)) return latest;
  const older = result.olderDatedItems;
  const kept = older?.find((c) => countFits(c, following, outline, parentLine?.text));
  if (kept) return kept;
  const undatedTasks: Task[] = [];
  const dated = datedItemCount(result.model, following, undatedTasks, outline, reads?.(), parentLine);
  if (latest) result.olderDatedItems = [...(older ?? []).slice(older && older.length >= DATED_MEMOS - 1 ? 1 : 0), latest];
  return (result.datedItems = { following, outline, dated, undatedTasks: undatedTasks.length ? undatedTasks : NO_TASKS, ...(parentLine ? { parentLine: parentLine.text } : {}) });
}

/** Whether a paragraph's count of dated items was made with these labelled lines after it and this outline above it. */
function countFits(c: DatedItems | undefined, following: string, outline: readonly string[], parentLine: string | undefined): c is DatedItems {
  return !!c && c.following === following && sameStrings(c.outline, outline) && c.parentLine === parentLine;
}

/** How many counts of dated items a paragraph keeps (for copies of it under other headings or before other labels). */
const DATED_MEMOS = 4;

/** A paragraph that is one heading-like line restating a task: a task item when labelled lines follow it (restatementIn). */
function titled(model: Pick<ParagraphModel, 'blocks'>): boolean {
  return model.blocks.length === 1 && !!model.blocks[0].restates?.title;
}

/** How many of a paragraph's task items give a deadline, read with the labelled lines that follow it. */
export interface DatedItems {
  following: string;
  /** The outline above the paragraph it was made with. */
  outline: readonly string[];
  /** The line it is numbered under across a blank line, when it is (StructureWalk.parentLineAt). */
  parentLine?: string;
  dated: number;
  /** The tasks of its undated items that are not table rows (a row of the plan's 分工表 may date them). */
  undatedTasks: readonly Task[];
}

export function planStructures(parts: readonly { result: StructuredParagraph }[], settings: StructureSettings | undefined, annex?: readonly RowAssignments[]): ResponsibilityRun[] {
  const walk = new StructureWalk(parts, settings, annex);
  return parts.map((_part, i) => {
    const structure = walk.at(i);
    walk.next(i);
    return structure;
  });
}

function paragraphFacts(text: string): ParagraphFacts {
  const declaration = firstLeadsDeclaration(text);
  const declares = !!declaration;
  const firstLeadsNote = !!declaration?.plan;
  const trimmed = text.trim();
  const leadingLabels = labelLinesAfter(text, 0);
  // a paragraph of nothing but labelled lines (a Word plan's 牵头单位：… paragraph, then its 完成时限：… paragraph)
  const labelsOnly = !!leadingLabels && leadingLabels.split('\n').length === trimmed.split(/\r\n|\r|\n/).length;
  // what nextOutline does with this paragraph, worked out once: run on a stand-in for the outline before it
  const outlineStep = nextOutline(OUTLINE_BEFORE, text);
  const clause = ENUMERATION.test(trimmed) && !/[\r\n]/.test(trimmed);
  const issued = issueDateIn(text);
  // a paragraph that is a unit's name alone: the issuing unit, when a date alone follows (a Word plan's 落款 is two paragraphs)
  const unitLine = trimmed.length <= MAX_UNIT_LINE && !/[\r\n]/.test(trimmed) && isUnitName(trimmed);
  const title = planTitle(trimmed);
  const numbers = headingNumbersIn(text);
  const numbered = numberingLevel(trimmed);
  const numberedFirst = numbered > 0 && numberingIsFirst(trimmed);
  // most paragraphs tell the plan nothing: they share one object
  if (!declares && !leadingLabels && outlineStep === OUTLINE_BEFORE && !clause && !issued && !unitLine && !title && !numbers && !numbered) return NO_FACTS;
  return { declaresFirstLeads: declares, firstLeadsNote, leadingLabels, labelsOnly, outlineStep, clause, issued, unitLine, ...(title ? { title } : {}), ...(numbers ? { numbers } : {}), ...(numbered ? { numbered, numberedFirst } : {}) };
}

/** Whether a block cites more than one task (a list or range, two references, a bare list). */
function citesSeveral(block: Block): boolean {
  return block.references.length > 1 || block.references.some((r) => r.tasks.length > 1) || block.bare.some((b) => (b.tasks?.length ?? 0) > 1);
}

/** The tasks two table assignments of a plan say different things of (their leads, or their dates). */
function changedTasks(a: TableAssignments, b: TableAssignments): Set<Task> {
  const changed = new Set<Task>();
  for (const t of a.listed) if (!b.listed.has(t)) changed.add(t);
  for (const t of b.listed) if (!a.listed.has(t)) changed.add(t);
  for (const t of new Set([...a.led.keys(), ...b.led.keys()])) if (!sameOrBothNone(a.led.get(t), b.led.get(t), sameStrings)) changed.add(t);
  for (const t of new Set([...a.dated.keys(), ...b.dated.keys()])) if (!sameOrBothNone(a.dated.get(t), b.dated.get(t), sameDeadlines)) changed.add(t);
  return changed;
}

/** Whether two lists (or none) are alike by `same`. */
function sameOrBothNone<T>(a: T | undefined, b: T | undefined, same: (a: T, b: T) => boolean): boolean {
  return a === b || (a !== undefined && b !== undefined && same(a, b));
}

function sameDeadlines(a: readonly Deadline[], b: readonly Deadline[]): boolean {
  return a.length === b.length && a.every((d, k) => d.text === b[k].text && dueBy(d) === dueBy(b[k]));
}

/**
 * How many levels of the outline before a paragraph are above it, when it is a heading-like line (（二）… is not under
 * the （一）… before it): undefined for another paragraph, which is under the whole outline.
 */
function levelsAbove(step: string[]): number | undefined {
  if (step === OUTLINE_BEFORE || !step.length) return undefined;
  return step[0] === OUTLINE_BEFORE[0] ? 1 : 0;
}

/** How many paragraphs back the line a （1） or ① paragraph is numbered under may stand. */
const NUMBERED_REACH = 40;

/**
 * For each paragraph that opens with （1） or ①, the nearest paragraph before it that opens with a shallower numbering
 * (1． over （1）, （1） or 1． over ①), before any line of the outline, when the run of its own level that follows that
 * one starts with its first number (（1） or ①: a （3） right after 2． continues the 1．, 2． of a plan that numbers
 * unevenly, and is no sub-item); -1 for the others.
 */
function numberedUnder(facts: readonly ParagraphFacts[]): number[] {
  const out: number[] = new Array(facts.length).fill(-1);
  for (let i = 0; i < facts.length; i++) {
    const level = facts[i].numbered ?? 0;
    if (level < 4) continue;
    let first = i; // the first paragraph of i's run of its level, so far
    for (let j = i - 1; j >= 0 && j >= i - NUMBERED_REACH; j--) {
      const f = facts[j];
      if (f.outlineStep !== OUTLINE_BEFORE) break;
      const other = f.numbered ?? 0;
      if (other === level) first = j;
      else if (other && other < level) {
        if (facts[first].numberedFirst) out[i] = j;
        break;
      }
    }
  }
  return out;
}

/** The outline above each paragraph, from the paragraphs' outline steps (what the plan's structure gives it). */
function outlinesOf(facts: readonly ParagraphFacts[]): (readonly string[])[] {
  const out: (readonly string[])[] = [];
  let outline: string[] = [];
  for (let i = 0; i < facts.length; i++) {
    const step = facts[i].outlineStep;
    const levels = levelsAbove(step);
    out.push(levels === undefined ? outline : outline.slice(0, levels));
    outline = applyOutlineStep(outline, step);
  }
  return out;
}

/** nextOutline(outline, paragraph) from the paragraph's outline step. */
function applyOutlineStep(outline: string[], step: string[]): string[] {
  if (step === OUTLINE_BEFORE) return outline;
  return step[0] === OUTLINE_BEFORE[0] ? [outline[0] ?? '', step[1]] : step;
}

/** Whether two lists of tasks (or none) are the same tasks in the same order. */
function sameTaskList(a: readonly Task[] | undefined, b: readonly Task[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What one paragraph contributes to the facts of the whole plan that structure checks need. */
export interface ParagraphFacts {
  declaresFirstLeads: boolean;
  /** Its declaration is a note of the plan's (FirstLeadsDeclaration.plan): it holds for the paragraphs before it too. */
  firstLeadsNote: boolean;
  /** Labelled lines (牵头单位：…) at its start, which assign the previous paragraph's last item. */
  leadingLabels: string;
  /** It holds nothing but them: the labelled lines of the next paragraph assign the same item. */
  labelsOnly: boolean;
  /** nextOutline of this paragraph applied to OUTLINE_BEFORE: the same array (no change), [] or the new levels. */
  outlineStep: string[];
  /** It is one clause of an enumeration, a line opening with 一是, 二是…: Word writes each in a paragraph of its own. */
  clause: boolean;
  /** Its last line that is a date alone (issueDateIn): the plan's 落款 date, when no later paragraph has one. */
  issued?: IssueDate;
  /** It is one line that names a unit (某区人民政府办公室): the issuing unit, when the next paragraph is a date alone. */
  unitLine?: boolean;
  /** It is a document's title (planTitle): the plan's, when it is among its first paragraphs. */
  title?: string;
  /** The numbers of the headings it holds (一、总体要求, （三）保障措施), in order. */
  numbers?: readonly HeadingNumber[];
  /** It opens with a numbering under the outline's: 3 for 1．, 4 for （1）, 5 for ① (numberingLevel). */
  numbered?: number;
  /** That numbering is the first of its level (1．, （1）, ①): a run of （n） under a 1. line starts with it. */
  numberedFirst?: boolean;
}

/** What may close a title after its kind: a bracket (（2024年第3期）), blanks, bold's or a heading's marks. */
const TITLE_CLOSE = String.raw`(?:[（(][^（()）]{1,14}[）)])?[\s*#]*$`;
/** The kinds of a report on the work: what was done, what lags. */
const WORK_REPORTS = '总结|报告|通报|进展情况|推进情况|完成情况|进展表|情况表';
/** The title of a report on the work rather than a plan of it: a ledger, a summary, a progress report. */
const REPORT_TITLE = new RegExp(`(?:台账|${WORK_REPORTS})${TITLE_CLOSE}`);
/** A report's title but a ledger's (台账, which lists every task as a 分工表 does). */
const WORK_REPORT_TITLE = new RegExp(`(?:${WORK_REPORTS})${TITLE_CLOSE}`);
/**
 * The title of minutes (…专题会议纪要（2024年第3期）): the decisions of one meeting, which assign work as a plan does but
 * take up only what the meeting discussed.
 */
const MINUTES_TITLE = new RegExp(`纪要${TITLE_CLOSE}`);
/**
 * Whether a document's title (planTitle's) is of minutes (MINUTES_TITLE) or of a report on the work (WORK_REPORT_TITLE: a
 * 督办通报 lists the tasks that lag, a 工作总结 what was done): it takes up what it is about, not every task of a plan.
 */
export function isRecordTitle(title: string): boolean {
  return MINUTES_TITLE.test(title) || WORK_REPORT_TITLE.test(title);
}
/** A bulletin's title: 工作简报（第7期）, 南沙区…工作简报（2024年第3期）, 快报. */
const BULLETIN_TITLE = new RegExp(`(?:简报|快报)${TITLE_CLOSE}`);

/** A paragraph's first line, trimmed (a paragraph starts on a line that is not blank): sliced, not the whole text copied. */
function firstLineOf(text: string): string {
  return text.slice(0, lineEndFrom(text, 0)).trim();
}

/** The plan's title is among its first this many paragraphs (after 附件1, （征求意见稿）, a file number). */
const TITLE_WITHIN = 4;
/** A title ends with the kind of document it is. */
export const TITLE_END = /(?:方案|计划|意见|通知|要点|清单|安排|细则|办法|措施|分工表|任务表|分解表|推进表|责任表|进度表|一览表|台账|纪要|通报|报告|总结|进展情况|推进情况|完成情况|推进情况表|进展情况表)$/;
/** The last character of a paragraph that may be a title: TITLE_END's, a closing bracket, bold's `*`. */
const TITLE_LAST = /[案划见知点单排则法施表账要报告结况）)》*]/;
/** The longest title, its lines joined. */
const MAX_TITLE = 80;

/**
 * The document's title a paragraph is, if it is one, as written: one or two lines (a Markdown heading's marks set aside),
 * not numbered, citing no task, that end with the kind of document it is (海珠区落实……实施方案), but for 《》 or a closing
 * bracket (（征求意见稿）, （2023—2025年）).
 */
export function planTitle(trimmed: string): string | undefined {
  const title = titleOf(trimmed);
  if (title !== undefined) return title;
  // a plan written without blank lines (a text plan saved from Word, one paragraph a line; a Markdown title with its first
  // sentence under it): its first line, or first two, when they are a title and what follows is the plan (越秀区…实施方案,
  // then ## 一、… or 为贯彻落实…)
  // (under the GB/T 9704 layout's 发文机关 line, 广州市增城区商务局文件, and 文号 line, 增商务〔2023〕11号, when they are
  // lines of the same paragraph)
  let lines = trimmed.split(/\r\n|\r|\n/, 5);
  let front = 0;
  while (front < 2 && front < lines.length && (FRONT_LINE.test(lines[front].trim()) || (front === 0 && isUnitName(lines[0].trim())))) front++;
  lines = lines.slice(front, front + 3);
  if (lines.length < 2) return undefined;
  return titleOf(lines[0].trim()) ?? (lines.length > 2 ? titleOf(`${lines[0]}\n${lines[1]}`.trim()) : undefined);
}

/**
 * A line above a document's title in the official layout: its 发文机关 (…文件; or the issuing unit's name alone, as the
 * first line) or its 文号 (增商务〔2023〕11号).
 */
const FRONT_LINE = /^(?:\S{2,30}文件|\S{1,12}[〔［\[﹝（(][0-9０-９]{4}[〕］\]﹞）)][ \t\u3000]*[0-9０-９]+[ \t\u3000]*号)$/;

/** A title without what may close it: 《》 (a title quoted in a notice's), a bracket (（征求意见稿）, （2023—2025年）). */
function bareTitle(title: string): string {
  return title.replace(/^《|》$/g, '').replace(/[（(][^（()）]{1,14}[）)]$/, '').replace(/》$/, '');
}

/** Whether a line ends as a document's title does, with the kind of document it is (……实施方案, ……方案（2023—2025年）). */
export function endsAsTitle(line: string): boolean {
  return TITLE_END.test(bareTitle(line.replace(/[\s*]+$/, '')));
}

function titleOf(trimmed: string): string | undefined {
  // most paragraphs are told by their last character: a title's kind of document, a closing bracket, bold's marks
  if (!trimmed || trimmed.length > MAX_TITLE + 8 || !TITLE_LAST.test(trimmed[trimmed.length - 1])) return undefined;
  const lines = trimmed.split(/\r\n|\r|\n/).map((l) => l.replace(/^#{1,6}[ \t]+/, '').replace(/\*\*/g, '').trim());
  if (lines.length > 2) return undefined;
  const title = lines.join('').trim();
  const bare = bareTitle(title);
  if (title.length > MAX_TITLE || !TITLE_END.test(bare)) return undefined;
  if (/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．]|[-*+][ \t])|表\s*[0-9０-９]|[。；;：:]/.test(bare)) return undefined;
  return title;
}

/** A line longer than this names no issuing unit. */
const MAX_UNIT_LINE = 30;

/** The facts of a paragraph that tells the plan nothing (most do). */
const NO_FACTS: ParagraphFacts = Object.freeze({ declaresFirstLeads: false, firstLeadsNote: false, leadingLabels: '', labelsOnly: false, outlineStep: OUTLINE_BEFORE, clause: false });

/**
 * The labelled lines that follow paragraph i: those opening the next paragraph, and, while a paragraph holds nothing
 * else, those opening the one after it (a Word plan writes 牵头单位：… and 完成时限：… as paragraphs of their own). For a
 * clause of an enumeration in paragraphs of their own (一是…；, then 二是…。, then 责任单位：…), those after its last clause.
 */
function followingLabels(facts: readonly ParagraphFacts[], i: number, parts?: readonly { result: StructuredParagraph }[]): string {
  let last = i;
  if (facts[i]?.clause) while (facts[last + 1]?.clause) last++;
  // a heading-like line that cites its task, its body a paragraph of prose, then the labelled lines (一、…（表2第15项）,
  // then 加快…。, then 牵头单位：…, as a notice or a Word plan writes them): the labels after the body are the line's
  if (parts && !facts[last + 1]?.leadingLabels) {
    const body = bodyParagraphs(parts, facts, last);
    // (no labels after its body: a report's item, the line then a paragraph saying which bureau did the work, 区…已于…会同…)
    if (!body) return reportBody(parts, facts, last);
    last += body;
  }
  let labels = facts[last + 1]?.leadingLabels ?? '';
  for (let k = last + 1; labels && facts[k].labelsOnly && facts[k + 1]?.leadingLabels; k++) labels += '\n' + facts[k + 1].leadingLabels;
  return labels;
}

/**
 * How many paragraphs of prose paragraph i's labelled lines come after, when paragraph i is a heading-like line that
 * cites or restates a task (an outline line, 一、…（表2第15项）): its body, paragraphs that open with no number, label
 * or clause and whose last block cites nothing, at most MAX_BODY, then the labels. 0 when it is none such.
 */
function bodyParagraphs(parts: readonly { result: StructuredParagraph }[], facts: readonly ParagraphFacts[], i: number): number {
  const line = facts[i];
  if (!line || line.outlineStep === OUTLINE_BEFORE || !line.outlineStep.length) return 0;
  if (parts[i].result.model.blocks.length !== 1 || !lastItemTasks(parts[i].result.model)) return 0;
  const cites = citesAny(parts[i].result.model);
  for (let k = 1; k <= MAX_BODY && i + k < facts.length; k++) {
    const body = facts[i + k];
    if (!isProse(body, true) || body.leadingLabels) return 0;
    // a paragraph of prose that cites a task (支持…（表1第46项）。) is the task's own text, not the body of a line that only
    // restates it; under a line that cites its task, it is the body (围绕表3第16项，建立…)
    // (an enumeration whose clauses cite tasks, under a line that cites its own, is the line's body all the same)
    const model = parts[i + k].result.model;
    if ((lastItemTasks(model) && !(cites && enumerates(model))) || (!cites && citesAny(model))) return 0;
    if (facts[i + k + 1]?.leadingLabels) return k;
  }
  return 0;
}
/**
 * The paragraph of prose after paragraph i, when paragraph i is a heading-like line that cites its task and no labelled
 * lines follow (（一）表3第22项：实验室建设, then 区工业和信息化局已于2023年3月会同…): the item's body, which names who did
 * the work, read as its labels are. '' when it is none such.
 */
function reportBody(parts: readonly { result: StructuredParagraph }[], facts: readonly ParagraphFacts[], i: number): string {
  const line = facts[i];
  const body = facts[i + 1];
  if (!line || !body) return '';
  const own = parts[i].result.model;
  if (own.blocks.length !== 1 || !citesAny(own)) return '';
  // an outline line, or an item's line of its own (（二）表1第14项：持续推进。, which its full stop keeps from the outline)
  const isLine = (line.outlineStep !== OUTLINE_BEFORE && line.outlineStep.length > 0) || (own.blocks[0].kind === 'item' && isNumberedLine(own.text));
  if (!isLine || !isProse(body)) return '';
  const model = parts[i + 1].result.model;
  return lastItemTasks(model) || model.blocks.some((b) => b.kind !== 'sentence') ? '' : model.text;
}

/**
 * Whether a paragraph is an enumeration (一是…；二是…) whose clauses cite tasks: under a line that cites its task, its body
 * (按照…（表4第14项）的要求，一是…；二是…。三是按照表4第13项，…), not an item of its own.
 */
function enumerates(model: Pick<ParagraphModel, 'text' | 'blocks'>): boolean {
  const last = model.blocks[model.blocks.length - 1];
  // its last clause a later one (二是…, 三是…): the clauses before it may be sentences of their own (…的要求，一是…；二是…。)
  return !!last && last.kind === 'item' && LATER_CLAUSE.test(model.text.slice(last.start, last.end).replace(MARKER_OPENING, ''));
}
/** A clause of an enumeration after its first (二是…). */
const LATER_CLAUSE = /^\s*(?:[二三四五六七八九]|十[一二三四五六七八九]?)是/;

/**
 * Whether a paragraph's facts are a paragraph of prose's: no outline line, number, clause, title, labels only, 文号 or 落款;
 * with `enumerating`, the numbers of an enumeration inside it allowed (…的要求，一是…；二是…。三是…).
 */
function isProse(f: ParagraphFacts, enumerating = false): boolean {
  const numbers = !f.numbers || (enumerating && f.numbers.every((n) => n.level === ENUMERATION_LEVEL));
  return f.outlineStep === OUTLINE_BEFORE && !f.numbered && !f.clause && !f.labelsOnly && !f.title && numbers && !f.issued;
}

/** Whether any block of a paragraph cites a task, by a reference or a bare number. */
function citesAny(model: Pick<ParagraphModel, 'blocks'>): boolean {
  return model.blocks.some((b) => b.references.length > 0 || b.bare.length > 0);
}
/** The most paragraphs of prose between a heading-like item and its labelled lines. */
const MAX_BODY = 3;
