// Runs every check over a document, paragraph by paragraph, with a cache so that an edit re-checks only the
// paragraphs it touched; everything else of a re-check is one regex pass and a few look-ups per paragraph.
import { BareReference } from './bareNumbers';
import { CheckContext } from './checks/context';
import { Check, CHECKS, CheckRun } from './checks/registry';
import { readThresholds, ThresholdMatch } from './checks/thresholdMismatch';
import { blankComments, blankEditorNotes, parseDirectives, silencer } from './directives';
import { DiagnosticCode, Finding, Severity, SeveritySetting, shiftFinding } from './findings';
import { Locale, messages } from './messages';
import { hardWrapView, hardWrapViewAfterEdit, originalSpan, TextView } from './hardWraps';
import { insidePrior, priorWording } from './priorWording';
import { tabRowsOnly } from './scopes';
import { applyEvent, Block, buildParagraphModel, contextKey, EMPTY_CONTEXT, headingsKey, headingTable, ParagraphModel, PlanContext } from './planModel';
import { ResolvedReference, ReferenceStyle, TaskIndex } from './taskIndex';
import { commonPrefix, commonSuffix, exact, LineIndex, NONE } from './text';
import { RuleData } from './thresholds';
import { Position, Range, Task } from './types';
import { ResponsibilityRun, restatementIn } from './itemAssignment';
import { planRows, planStructures, RowAssignments, sameStructure, StructureSettings, structureAfterEdit, StructuredParagraph, StructureWalk } from './planStructure';
import { TaskItem, taskItemsOf } from './taskItems';

export interface AnalyzeOptions {
  locale: Locale;
  severity?: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** How quick fixes write a new reference (policyLens.referenceStyle); 表1第35项 by default. */
  referenceStyle?: ReferenceStyle;
  /** policyLens.structure: when a task item needs a lead unit, and the end of the pilot period if set. */
  structure?: StructureSettings;
  /**
   * The plan's 分工表 when it is a file of its own (方案.docx beside 分工表.xlsx): its table rows (DocumentAnalysis.tableRows
   * of its analysis), compared with the plan's body as rows of its own would be.
   */
  annex?: PlanAnnex;
}

/** A plan's 分工表 in a file of its own: its name (as the user knows it) and what its rows assign. */
export interface PlanAnnex {
  readonly name: string;
  readonly rows: readonly RowAssignments[];
}

export interface Paragraph {
  start: number;
  end: number;
  /** Zero-based line of `start` (a paragraph always starts a line). */
  line: number;
}

/** Offsets ↔ positions of the analysed text (a LineIndex, or the editor's own document). */
export interface Positions {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** A paragraph's result: the walk's reading of it (its facts and counts, read on first use), its model and findings. */
interface ParagraphResult extends StructuredParagraph {
  text: string;
  /** The mark of the last retainOnly that kept it. */
  retained?: number;
  model: ParagraphModel;
  findings: Finding[];
  /** The findings of the plan-level checks, for the checks, locale and plan facts they were made with. */
  planFindings?: PlanMemo;
  /** Earlier memos still kept (a paragraph repeated where the plan tells it other things), oldest first. */
  olderPlanFindings?: PlanMemo[];
  /** Its findings as a document shows them (without plan-level checks), for the severities last asked. */
  shown?: Shown;
}

/** Plan-level findings of a paragraph for the checks, locale and plan facts they were made with. */
interface PlanMemo {
  checks: readonly Check[];
  locale: Locale;
  structure: ResponsibilityRun;
  /** The paragraph's own findings and those of the plan-level checks, in order: what a part it fits reports. */
  merged: readonly Finding[];
  /** `merged` as a document shows it, for the severities last asked. */
  shown?: Shown;
}

/** Findings as a document shows them with the severities of `severity` (the options' object, compared by identity). */
interface Shown {
  severity: SeverityOptions;
  entries: readonly Entry[];
}

/**
 * How many plan facts a paragraph's result keeps findings for: one result serves every copy of its text, and copies
 * can sit under different headings or before different labels (a plan that repeats a paragraph).
 */
const PLAN_MEMOS = 4;

const PARAGRAPH_CHECKS = CHECKS.filter((c) => c.scope !== 'plan');
const PLAN_CHECKS = CHECKS.filter((c) => c.scope === 'plan');

/**
 * Every check over every block, their findings appended to `into`. Indexed loops: a large plan's first check runs this
 * ten thousand times before V8 optimizes it, and for-of and spread there made an iterator result per element.
 */
function runChecks(checks: readonly Check[], blocks: readonly Block[], run: CheckRun, into: Finding[]): void {
  // (a finding about another text's words the paragraph quotes as such, 原表述 or 将“…”修改为, is none of its own)
  let prior: readonly [number, number][] | undefined;
  for (let c = 0; c < checks.length; c++) {
    for (let b = 0; b < blocks.length; b++) {
      const found = checks[c].check(blocks[b], run);
      for (let i = 0; i < found.length; i++) {
        prior ??= priorWording(run.model.text, blocks, run.model);
        if (!prior.length || !insidePrior(prior, found[i].start, found[i].end)) into.push(found[i]);
      }
    }
  }
}

/** Blocks of text separated by blank lines: the unit of re-checking. Leading and trailing blank space is left out. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  forEachParagraph(text, 0, text.length, (start, end, line) => paragraphs.push({ start, end, line }));
  return paragraphs;
}

/**
 * The paragraphs of text[from, to) as splitParagraphs finds them in that slice, without making the slice or an object
 * per paragraph: `visit` gets each one's offsets in `text` and its line counted from `from`'s. Paragraphs that are each
 * rows of a table pasted with tabs (tabRowsOnly) are one: a table pasted from Word with a blank line between its rows.
 */
function forEachParagraph(text: string, from: number, to: number, visit: (start: number, end: number, line: number) => void): void {
  // a paragraph of tab rows, held back while the next ones are tab rows too (-1: none)
  let held = -1;
  let heldEnd = -1;
  let heldLine = 0;
  forEachBlankSeparated(text, from, to, (start, end, line, tabbed) => {
    const rows = tabbed && tabRowsOnly(text.slice(start, end));
    if (held >= 0) {
      if (rows) {
        heldEnd = end;
        return;
      }
      visit(held, heldEnd, heldLine);
      held = -1;
    }
    if (!rows) visit(start, end, line);
    else [held, heldEnd, heldLine] = [start, end, line];
  });
  if (held >= 0) visit(held, heldEnd, heldLine);
}

/** The blocks of text[from, to) between blank lines, and whether each holds a tab. */
function forEachBlankSeparated(text: string, from: number, to: number, visit: (start: number, end: number, line: number, tabbed: boolean) => void): void {
  // one pass over the character codes: this runs on every keystroke over the whole document
  let start = -1; // start of the current paragraph
  let startLine = 0;
  let lastEnd = -1; // end of its last non-blank character
  // the next tab at or after a paragraph's start (-1: none left), looked for again only once passed: a paragraph holds one
  // when it is before the paragraph's end
  let tab = -2;
  const tabbed = (start: number, end: number) => {
    if (tab !== -1 && tab < start) tab = text.indexOf('\t', start);
    return tab >= 0 && tab < end;
  };
  let lineStart = from;
  let line = 0;
  let lineBlank = true;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      if (lineBlank) {
        if (start >= 0) visit(start, lastEnd, startLine, tabbed(start, lastEnd));
        start = -1;
      }
      if (c === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
      line++;
      lineBlank = true;
    } else if (c !== 32 && c !== 9 && c !== 0x3000) {
      if (lineBlank && start < 0) {
        start = lineStart;
        startLine = line;
      }
      lineBlank = false;
      lastEnd = i + 1;
    }
  }
  if (start >= 0) visit(start, lastEnd, startLine, tabbed(start, lastEnd));
}

/**
 * A paragraph of a version as the checks saw it. Where it stands (its start offset and line) is kept by the analysis
 * beside it, not in it: a part an edit only moves is the same object in the next version.
 */
interface Part {
  result: ParagraphResult;
  /** The context the paragraph was checked in, and where its result is cached: pruning needs it for every part. */
  before: PlanContext;
  bucket: Bucket;
  /**
   * Its plan-level findings where it last stood (one of its result's memos): the next version keeps it while the
   * paragraph and what the plan tells it stay the same (a copy of a paragraph elsewhere in the plan can have other plan
   * facts, so which of the result's memos fits is the part's to know).
   */
  plan?: PlanMemo;
}

/** The parts of a version and, beside them, where each starts: its offset and its (zero-based) line. */
interface Layout {
  parts: Part[];
  starts: Int32Array;
  lines: Int32Array;
  /** The plan-level memo of each part in this version (set once its plan-level findings are made). */
  plan?: readonly PlanMemo[];
}

function sameChecks(a: readonly Check[], b: readonly Check[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * The cached results of one context, by paragraph text: the options that matter to a paragraph's result (`prefix`), the
 * headings above it (headingsKey) and the table last mentioned.
 */
interface Bucket {
  readonly prefix: string;
  readonly headings: string;
  readonly mention: number | null;
  readonly results: Map<string, ParagraphResult>;
}

/** The cache: options prefix → headings key → mention → bucket. No key strings are made per context. */
type BucketTree = Map<string, Map<string, Map<number | null, Bucket>>>;

/**
 * A finding as its paragraph's cached result holds it (offsets relative to the paragraph), with the severity a document
 * shows it at and its range relative to the paragraph's first line. Made once per result (or plan memo) and severities,
 * so a version of a large plan re-uses the entries of every paragraph an edit did not touch.
 */
interface Entry extends RelativeRange {
  finding: Finding;
  severity: Severity;
}

/** A finding's range relative to its paragraph's first line, as numbers in the entry (no Range and Positions per entry). */
export interface RelativeRange {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

type SeverityOptions = NonNullable<AnalyzeOptions['severity']>;
const DEFAULT_SEVERITY: SeverityOptions = {};

/** The entries of `findings` (those of `result`, or of a memo of it) for `severity`, kept in `holder`. */
function entriesOf(holder: { shown?: Shown }, result: ParagraphResult, findings: readonly Finding[], severity: SeverityOptions): readonly Entry[] {
  // most paragraphs have no findings: they keep no entries
  if (!findings.length) return NONE;
  const shown = holder.shown;
  if (shown && shown.severity === severity) return shown.entries;
  const entries: Entry[] = [];
  let lines: LineIndex | undefined; // made for this list only: a result keeps its entries, not the positions behind them
  for (let j = 0; j < findings.length; j++) {
    const f = findings[j];
    const s = severity[f.code] ?? f.severity;
    if (s === 'off') continue;
    lines ??= new LineIndex(result.text);
    const start = lines.positionAt(f.start);
    const end = lines.positionAt(f.end);
    entries.push({ finding: f, severity: s, startLine: start.line, startCharacter: start.character, endLine: end.line, endCharacter: end.character });
  }
  holder.shown = { severity, entries: exact(entries) };
  return holder.shown.entries;
}

/**
 * The result of checking one version of a document. Offsets are UTF-16 code units of `text`: the document's own text, or
 * the view the checks read of a plan copied out of a PDF (hardWrapView: its lines joined again), whose offsets `lines`,
 * `sourceFindings` and `sourceEdit` take back to the document's.
 */
export class DocumentAnalysis {
  private _lines?: Positions & { range(start: number, end: number): Range };
  /** Of a view: the positions of the document's own text. */
  private readonly sourcePositions?: Positions;
  private _references?: ResolvedReference[];
  private _thresholds?: ThresholdMatch[];
  private _findings?: Finding[];
  private _taskItems?: TaskItem[];
  private _structures?: ResponsibilityRun[];
  private _itemsByPart?: Map<number, TaskItem[]>;

  private readonly parts: Part[];
  private readonly starts: Int32Array;
  private readonly lineOf: Int32Array;

  constructor(
    readonly text: string,
    private readonly layout: Layout,
    private readonly entries: readonly Entry[],
    /** The index of each entry's part. */
    private readonly entryParts: Int32Array,
    positions?: Positions,
    /** The options it was made with: a later version can re-use it only with the same. */
    readonly options?: AnalyzeOptions,
    /** The view of the document the checks read, when it is not its text (`text` is the view's). */
    private readonly view?: TextView,
  ) {
    this.parts = layout.parts;
    this.starts = layout.starts;
    this.lineOf = layout.lines;
    if (view) {
      // positions of the document's own text, reached through the view's map
      const of = (this.sourcePositions = positions ?? new LineIndex(view.original));
      this._lines = {
        positionAt: (o) => of.positionAt(view.toOriginal(o)),
        offsetAt: (p) => view.toView(of.offsetAt(p)),
        range: (s, e) => {
          const span = originalSpan(view, s, e);
          return { start: of.positionAt(span.start), end: of.positionAt(span.end) };
        },
      };
    } else if (positions) {
      this._lines = {
        positionAt: (o) => positions.positionAt(o),
        offsetAt: (p) => positions.offsetAt(p),
        range: (s, e) => ({ start: positions.positionAt(s), end: positions.positionAt(e) }),
      };
    }
  }

  /** The document's own text (`text` is the view the checks read of it, when it is a plan copied out of a PDF). */
  get source(): string {
    return this.view ? this.view.original : this.text;
  }

  /**
   * Every finding with its offsets and its fixes' in the document's own text (`source`): what writes into the file (a
   * fix applied, a review copy's comment) needs them there. The same as `findings` but for a plan copied out of a PDF.
   */
  get sourceFindings(): Finding[] {
    const view = this.view;
    if (!view) return this.findings;
    return this.findings.map((f) => ({ ...f, ...originalSpan(view, f.start, f.end), fixes: f.fixes.map((x) => ({ ...x, ...this.sourceChange(x.start, x.end, x.newText) })) }));
  }

  /** An edit of `text` (`newText` over [start, end)) as the edit of the document's own text to make, with its range. */
  sourceEdit(start: number, end: number, newText: string): { range: Range; newText: string } {
    const change = this.sourceChange(start, end, newText);
    const of = this.sourcePositions;
    if (!of) return { range: this.lines.range(start, end), newText };
    return { range: { start: of.positionAt(change.start), end: of.positionAt(change.end) }, newText: change.newText };
  }

  /**
   * An edit of `text` in offsets of the document's own text. Of a view, narrowed to the characters it changes, and what
   * the view took out inside it (a line's break, a page number's line) kept after the new text: a fix of 6⏎0% to 50%
   * writes 5 over the 6, and the line stays as it was broken.
   */
  private sourceChange(start: number, end: number, newText: string): { start: number; end: number; newText: string } {
    const view = this.view;
    if (!view) return { start, end, newText };
    const old = this.text.slice(start, end);
    const shorter = Math.min(old.length, newText.length);
    let p = commonPrefix(old, newText, shorter);
    if (p > 0 && isHighSurrogate(old.charCodeAt(p - 1))) p--;
    let q = commonSuffix(old, newText, shorter - p);
    if (q > 0 && isLowSurrogate(old.charCodeAt(old.length - q))) q--;
    const from = start + p;
    const to = end - q;
    const { start: s, end: e } = originalSpan(view, from, to);
    let taken = '';
    for (let v = from, o = s; v < to; v++) {
      const at = view.toOriginal(v);
      if (at > o) taken += view.original.slice(o, at);
      o = at + 1;
    }
    return { start: s, end: e, newText: newText.slice(p, newText.length - q) + taken };
  }

  /** The same analysis of the same text for another document (its positions). */
  withPositions(positions: Positions | undefined): DocumentAnalysis {
    return new DocumentAnalysis(this.text, this.layout, this.entries, this.entryParts, positions, this.options, this.view);
  }

  /** Its paragraphs and where they stand, for the analysis of the next version. */
  get layoutForReuse(): Readonly<Layout> {
    return this.layout;
  }

  static empty(text: string, positions?: Positions): DocumentAnalysis {
    return new DocumentAnalysis(text, EMPTY_LAYOUT, [], new Int32Array(0), positions);
  }

  get lines(): Positions & { range(start: number, end: number): Range } {
    return (this._lines ??= new LineIndex(this.text));
  }

  /** Every finding, severities and directives applied, in offsets of the whole text. */
  get findings(): Finding[] {
    return (this._findings ??= this.entries.map((e, k) => {
      const f = shiftFinding(e.finding, this.starts[this.entryParts[k]]);
      return e.severity === f.severity ? f : { ...f, severity: e.severity };
    }));
  }

  /**
   * Every finding as its paragraph's cached result holds it (the same object from one edit to the next, so a caller
   * can keep what it derives from it), with its severity, the line its paragraph starts on and its range relative to
   * that line (the same object for the same finding). Its range in the whole text is the relative one moved down by
   * `line` lines (a paragraph starts a line): a caller can tell a finding that has not moved without making a range.
   */
  forEachFinding(visit: (cached: Finding, severity: Severity, line: number, relative: Readonly<RelativeRange>) => void): void {
    // indexed loops here and in the other passes over every part: a loop that V8 has not optimized yet (a large
    // plan's first check, a re-open) otherwise makes an iterator result per element
    const { entries, entryParts, lineOf } = this;
    if (this.view) {
      // the view's lines are not the document's: each range is placed through the view's map
      for (let k = 0; k < entries.length; k++) {
        const e = entries[k];
        const at = this.starts[entryParts[k]];
        const { start, end } = this.lines.range(at + e.finding.start, at + e.finding.end);
        visit(e.finding, e.severity, 0, { startLine: start.line, startCharacter: start.character, endLine: end.line, endCharacter: end.character });
      }
      return;
    }
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k];
      visit(e.finding, e.severity, lineOf[entryParts[k]], e);
    }
  }

  /** Every reference, in order. */
  get references(): ResolvedReference[] {
    return (this._references ??= this.parts.flatMap((p, i) => p.result.model.references.map((r) => shiftResolved(r, this.starts[i]))));
  }

  /** Plan quantities tied to a source threshold (for hover). */
  get thresholds(): ThresholdMatch[] {
    return (this._thresholds ??= this.parts.flatMap((p, i) => (p.result.model.thresholds ?? []).map((t) => ({ ...t, start: t.start + this.starts[i], end: t.end + this.starts[i] }))));
  }

  /** The paragraph that holds an offset, with the offset relative to it. */
  private partAt(offset: number): { part: Part; index: number; start: number; local: number } | undefined {
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const part = this.parts[lo];
    return part && { part, index: lo, start: this.starts[lo], local: offset - this.starts[lo] };
  }

  /** The task number without a table under an offset (its end included), with what it was resolved to. */
  bareAt(offset: number): BareReference | undefined {
    const at = this.partAt(offset);
    if (!at) return undefined;
    const b = at.part.result.model.bare.find((x) => at.local >= x.start && at.local <= x.end);
    if (!b) return undefined;
    const shift = at.start;
    return b.spans
      ? { ...b, start: b.start + shift, end: b.end + shift, spans: b.spans.map((s) => ({ ...s, start: s.start + shift, end: s.end + shift })) }
      : { ...b, start: b.start + shift, end: b.end + shift };
  }

  /**
   * The table the headings above an offset name (a Markdown heading's or a Word plan's outline line's, 二、表1任务落实), as
   * a bare number written there is settled by; null when none names one.
   */
  headingTableAt(offset: number): number | null {
    const at = this.partAt(offset);
    if (!at) return null;
    const blocks = at.part.result.model.blocks;
    let k = blocks.length - 1;
    while (k >= 0 && blocks[k].start > at.local) k--;
    return headingTable(k >= 0 ? blocks[k].context : at.part.before);
  }

  /** Every task number without a table, in document offsets. */
  get bareReferences(): BareReference[] {
    return this.parts.flatMap((p, i) => p.result.model.bare.map((b) => ({ ...b, start: b.start + this.starts[i], end: b.end + this.starts[i] })));
  }

  /** The paragraph model under an offset and the offset within it (for features that judge a reference's text). */
  modelAt(offset: number): { model: ParagraphModel; local: number; start: number } | undefined {
    const at = this.partAt(offset);
    return at && { model: at.part.result.model, local: at.local, start: at.start };
  }

  /** The tasks that uncited list items and table rows restate, with the item's offsets. */
  get restatements(): { task: Task; start: number; end: number }[] {
    const out: { task: Task; start: number; end: number }[] = [];
    const structures = this.structures();
    this.parts.forEach((p, i) => {
      const at = this.starts[i];
      for (const b of p.result.model.blocks) {
        const restated = restatementIn(b, structures[i]);
        // one under a heading that cites the task is a citation of it (the heading's), not a restatement
        if (restated && restated.citedAbove === undefined) out.push({ task: restated.task, start: b.start + at, end: b.end + at });
      }
    });
    return out;
  }

  /** The plan's title, when its first paragraphs write one (planTitle; 海珠区落实……实施方案). */
  get planTitle(): string | undefined {
    return this.structures()[0]?.title;
  }

  /** What the plan tells each paragraph (the walk of planStructures), worked out once per analysis. */
  private structures(): ResponsibilityRun[] {
    return (this._structures ??= planStructures(this.parts, this.options?.structure, this.options?.annex?.rows));
  }

  /** The list items and table rows that cite or restate a task, with their lead unit, partners and deadline. */
  get taskItems(): TaskItem[] {
    return (this._taskItems ??= this.parts.flatMap((_p, i) => this.taskItemsOfPart(i)));
  }

  /** The task item under an offset, if any: only its paragraph's items are read (hover asks after every edit). */
  taskItemAt(offset: number): TaskItem | undefined {
    const at = this.partAt(offset);
    if (!at) return undefined;
    return this.taskItemsOfPart(at.index).find((t) => offset >= t.start && offset <= t.end);
  }

  /** The task items of one paragraph, read once per analysis (with the plan's facts for it). */
  private taskItemsOfPart(i: number): TaskItem[] {
    const items = (this._itemsByPart ??= new Map()).get(i);
    if (items) return items;
    const part = this.parts[i];
    const read = taskItemsOf(part.result.model, this.starts[i], this.structures()[i], (o) => this.lines.positionAt(o).line);
    this._itemsByPart.set(i, read);
    return read;
  }

  /** What its table rows assign (a 分工表's): the annex of a plan whose body is another file (AnalyzeOptions.annex). */
  tableRows(): readonly RowAssignments[] {
    return planRows(this.parts);
  }

  /** Every paragraph model with its start offset, in order. */
  get paragraphs(): { start: number; model: ParagraphModel }[] {
    return this.parts.map((p, i) => ({ start: this.starts[i], model: p.result.model }));
  }

  /** The reference under an offset (its end included, as the cursor can sit right after it). */
  referenceAt(offset: number): ResolvedReference | undefined {
    const at = this.partAt(offset);
    if (!at) return undefined;
    const found = at.part.result.model.references.find((r) => at.local >= r.ref.start && at.local <= r.ref.end);
    return found && shiftResolved(found, at.start);
  }
}

/**
 * Of `candidates` (analyses of other documents, or of earlier versions), the one that shares the most text with `text` at
 * its start and end, when they share at least half of it: a document opened with the text of one already open (a copy
 * of a plan, the same file under another URI, a version with a few paragraphs changed) is then checked as an edit of
 * that one, which re-uses its paragraphs as they stand (their places, plan-level findings and diagnostics) instead of
 * looking each one up again. Comparing stops at the first difference from each end, so an unrelated text costs little.
 */
export function closestAnalysis(text: string, options: AnalyzeOptions, candidates: Iterable<DocumentAnalysis>): DocumentAnalysis | undefined {
  let best: DocumentAnalysis | undefined;
  let bestShared = text.length >> 1; // reuse takes an edit of at most half the text
  for (const candidate of candidates) {
    if (candidate.options !== options || !candidate.layoutForReuse.parts.length) continue;
    const old = candidate.source;
    const min = Math.min(old.length, text.length);
    if (min <= bestShared) continue;
    const prefix = commonPrefix(old, text, min);
    const shared = prefix === min ? prefix : prefix + commonSuffix(old, text, min - prefix);
    if (shared > bestShared) {
      best = candidate;
      bestShared = shared;
    }
  }
  return best;
}

/** Without a caller that says which analyses are live (the CLI), results are kept for about this many characters. */
const CACHE_CHARS = 4_000_000;
/** Results beyond those of the live analyses that may pile up (typing, closed documents) before they are dropped. */
const CACHE_SLACK_CHARS = 8_000;

/** Stamped by retainOnly on the results it keeps: counted across checkers, so a result another made is never taken for marked. */
let retainMarks = 0;

export class Checker {
  /** The results of the paragraphs checked, by context and text. */
  private cache: BucketTree = new Map();
  private cachedChars = 0;
  /** The characters of the results kept by the last retainOnly; undefined until a caller manages the cache. */
  private retainedChars?: number;
  readonly context: CheckContext;
  /**
   * Told the length of each paragraph a check analyses afresh (no cached result): how much new text a check is
   * working through while it runs (the server lets the heap's young generation grow for a large one: youngGeneration.ts).
   */
  onFreshParagraph?: (chars: number) => void;

  /** `context` may be shared with another checker (it holds no per-document state): a checker with a cache of its own. */
  constructor(readonly index: TaskIndex, rules: RuleData = { subjects: [] }, context?: CheckContext) {
    this.context = context ?? new CheckContext(index, rules);
  }

  /** Whether the cache holds enough results that no live analysis uses for retainOnly to be worth it. */
  get wantsPruning(): boolean {
    const retained = this.retainedChars ?? 0;
    return this.cachedChars > retained + (retained >> 1) + CACHE_SLACK_CHARS;
  }

  /** How many characters of paragraph text the cache holds results for. */
  get cacheSize(): number {
    return this.cachedChars;
  }

  /**
   * Drops every cached paragraph result but those of `live` (the open documents' current and previous versions): the
   * cache is then bounded by what the open documents are worth, not by every version ever typed.
   */
  retainOnly(live: Iterable<DocumentAnalysis>): void {
    // marks what the live parts use (putting back any the cache lost when it overflowed), then sweeps the rest out
    // in place: no new maps for a cache that mostly stays
    const mark = ++retainMarks;
    for (const analysis of live) {
      if (!analysis.options) continue;
      const parts = analysis.layoutForReuse.parts;
      // the bucket in the cache now of the parts' bucket (the same one but after an overflow), looked up once a run
      let from: Bucket | undefined;
      let into: Bucket | undefined;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        const result = part.result;
        if (result.retained === mark) continue;
        result.retained = mark;
        if (part.bucket !== from) into = this.bucketAt((from = part.bucket).prefix, from.headings, from.mention);
        const bucket = into!.results;
        const cached = bucket.get(result.text);
        if (cached !== result && cached?.retained !== mark) bucket.set(result.text, result);
      }
    }
    let chars = 0;
    this.cache.forEach((byHeadings, prefix) => {
      byHeadings.forEach((byMention, headings) => {
        byMention.forEach(({ results }, mention) => {
          results.forEach((result, text) => {
            if (result.retained === mark) chars += text.length;
            else results.delete(text);
          });
          if (!results.size) byMention.delete(mention);
        });
        if (!byMention.size) byHeadings.delete(headings);
      });
      if (!byHeadings.size) this.cache.delete(prefix);
    });
    this.cachedChars = this.retainedChars = chars;
  }

  /**
   * Checks a document. Given the analysis of its previous version (same options), only the paragraphs around the
   * edit are split and looked up again; the others are carried over, moved by the edit's length and lines.
   */
  analyze(source: string, options: AnalyzeOptions, positions?: Positions, previous?: DocumentAnalysis): DocumentAnalysis {
    // the same text with the same options (a copy of an open plan, the same file under another URI, a change that
    // changed nothing): the same paragraphs, findings and entries, at the same places
    if (previous && previous.options === options && previous.source === source) return previous.withPositions(positions);
    // a plan copied out of a PDF is read with its lines joined again: the checks see the view's text (after an edit of a
    // version read as it was, looked for around the edit)
    const view = previous && previous.options === options && previous.text === previous.source ? hardWrapViewAfterEdit(source, previous.source) : hardWrapView(source);
    const text = view ? view.text : source;
    const layout = (previous && previous.options === options && this.reuse(previous, text, options)) || laidOut(this.analyzeRange(text, 0, text.length, 0, EMPTY_CONTEXT, options));
    const { parts, lines } = layout;
    const severity = options.severity ?? DEFAULT_SEVERITY;
    const planChecks = PLAN_CHECKS.filter((c) => (severity[c.code] ?? c.severity) !== 'off');
    // directives silence findings by line: asked while the entries are gathered, not in a second pass
    const silenced = text.includes('policy-lens-') ? silencer(parseDirectives(text, (!view && positions) || new LineIndex(text))) : undefined;
    const entries: Entry[] = [];
    const entryParts: number[] = [];
    const add = (index: number, shown: readonly Entry[]) => {
      const line = lines[index];
      for (let j = 0; j < shown.length; j++) {
        const e = shown[j];
        if (silenced && silenced(line + e.startLine, e.finding.code)) continue;
        entries.push(e);
        entryParts.push(index);
      }
    };
    if (!planChecks.length) {
      for (let i = 0; i < parts.length; i++) {
        const result = parts[i].result;
        add(i, entriesOf(result, result, result.findings, severity));
      }
    } else {
      const plan = (layout.plan = this.planFindings(parts, planChecks, options, previous?.options === options ? previous.layoutForReuse : undefined));
      for (let i = 0; i < parts.length; i++) {
        const memo = (parts[i].plan = plan[i]);
        add(i, entriesOf(memo, parts[i].result, memo.merged, severity));
      }
    }
    return new DocumentAnalysis(text, layout, entries, Int32Array.from(entryParts), positions, options, view);
  }

  /**
   * The findings of the plan-level checks, per paragraph: each paragraph is checked with what the rest of the plan
   * says (whether it names lead units anywhere, a declaration that the first unit leads, the heading-like lines above,
   * the labelled lines that follow), and keeps its findings while those stay the same, so an edit costs a pass over
   * the paragraphs' cached facts; an edit of one paragraph that the rest of the plan sees alike (most keystrokes) costs
   * not even that (planAfterEdit).
   */
  private planFindings(parts: readonly Part[], checks: readonly Check[], options: AnalyzeOptions, before?: Readonly<Layout>): PlanMemo[] {
    const fits = (memo: PlanMemo) => memo.locale === options.locale && sameChecks(memo.checks, checks);
    const kept = before && this.planAfterEdit(parts, checks, options, before, fits);
    if (kept) return kept;
    const walk = new StructureWalk(parts, options.structure, options.annex?.rows);
    return parts.map((part, i) => {
      try {
        // where it stood in the previous version, with the same plan facts: nothing to look up or make
        if (part.plan && fits(part.plan) && walk.is(i, part.plan.structure)) return part.plan;
        return this.planMemo(part.result, checks, options, fits, (s) => walk.is(i, s), () => walk.at(i), walk.assignmentsOf(i));
      } finally {
        walk.next(i);
      }
    });
  }

  /**
   * The plan-level memos after an edit that changed one paragraph in nothing the rest of the plan reads (structureAfterEdit):
   * the previous version's, and for that paragraph the one of its result (or made) for the structure it had. Undefined
   * when the edit changed more (the plan is walked).
   */
  private planAfterEdit(parts: readonly Part[], checks: readonly Check[], options: AnalyzeOptions, before: Readonly<Layout>, fits: (memo: PlanMemo) => boolean): PlanMemo[] | undefined {
    const old = before.plan;
    // (a version's memos are its parts', one each)
    if (!old?.length || old.length !== parts.length || !fits(old[0])) return undefined;
    let edited = -1;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i].result === before.parts[i].result) continue;
      if (edited >= 0) return undefined;
      edited = i;
    }
    if (edited < 0) return old.slice();
    const structure = structureAfterEdit(parts, edited, before.parts[edited].result, parts[edited].result, old[edited].structure, old, options.annex?.rows);
    if (!structure) return undefined;
    const plan = old.slice();
    plan[edited] = this.planMemo(parts[edited].result, checks, options, fits, (s) => sameStructure(s, structure), () => structure, undefined);
    return plan;
  }

  /**
   * A paragraph's plan-level memo for the structure `is` accepts: one its result keeps, or made with `structure()` (its
   * findings, those of the plan-level checks with it merged in) and kept.
   */
  private planMemo(
    result: ParagraphResult,
    checks: readonly Check[],
    options: AnalyzeOptions,
    fits: (memo: PlanMemo) => boolean,
    is: (structure: ResponsibilityRun) => boolean,
    structure: () => ResponsibilityRun,
    assignments: CheckRun['assignments'],
  ): PlanMemo {
    const latest = result.planFindings;
    if (latest && fits(latest) && is(latest.structure)) return latest;
    const older = result.olderPlanFindings;
    if (older) for (const memo of older) if (fits(memo) && is(memo.structure)) return memo;
    const run: CheckRun = { model: result.model, context: this.context, msg: messages(options.locale), locale: options.locale, referenceStyle: options.referenceStyle ?? 'table', structure: structure(), assignments };
    const findings: Finding[] = [];
    runChecks(checks, result.model.blocks, run, findings);
    const own = result.findings;
    const merged = findings.length ? [...own, ...findings].sort((a, b) => a.start - b.start || a.end - b.end) : own;
    const memo = { checks, locale: options.locale, structure: run.structure!, merged };
    // the last few, each list at its length (a result keeps it for its life)
    if (latest) result.olderPlanFindings = [...(older ?? []).slice(older && older.length >= PLAN_MEMOS - 1 ? 1 : 0), latest];
    result.planFindings = memo;
    return memo;
  }

  /** The paragraphs of text[from, to), starting at `line` with the table context `table`, and the context after them. */
  private analyzeRange(text: string, from: number, to: number, line: number, table: PlanContext, options: AnalyzeOptions): Checked {
    const parts: Part[] = [];
    const starts: number[] = [];
    const lines: number[] = [];
    // a context is shared by the paragraphs between two headings or table mentions: its bucket is looked up once
    const prefix = cachePrefix(options);
    let keyed: PlanContext | undefined;
    let bucket: Bucket | undefined;
    forEachParagraph(text, from, to, (start, end, paragraphLine) => {
      if (table !== keyed || !bucket) {
        bucket = this.bucketAt(prefix, headingsKey(table.headings), table.mention);
        keyed = table;
      }
      const result = this.lookup(text.slice(start, end), bucket, table, options);
      parts.push({ result, before: table, bucket, plan: undefined });
      starts.push(start);
      lines.push(paragraphLine + line);
      const events = result.model.carried;
      for (let j = 0; j < events.length; j++) table = applyEvent(table, events[j]);
    });
    return { parts, starts, lines, after: table };
  }

  private bucketAt(prefix: string, headings: string, mention: number | null): Bucket {
    let byHeadings = this.cache.get(prefix);
    if (!byHeadings) this.cache.set(prefix, (byHeadings = new Map()));
    let byMention = byHeadings.get(headings);
    if (!byMention) byHeadings.set(headings, (byMention = new Map()));
    let bucket = byMention.get(mention);
    if (!bucket) byMention.set(mention, (bucket = { prefix, headings, mention, results: new Map() }));
    return bucket;
  }

  private lookup(slice: string, bucket: Bucket, table: PlanContext, options: AnalyzeOptions): ParagraphResult {
    let result = bucket.results.get(slice);
    if (!result) {
      result = this.analyzeParagraph((slice + ' ').slice(0, -1), table, options);
      this.cachedChars += slice.length;
      this.onFreshParagraph?.(slice.length);
      if (this.retainedChars === undefined && this.cachedChars > CACHE_CHARS) {
        // no caller manages the cache (the CLI over many files): start it afresh, but for this context
        bucket.results.clear();
        this.cache = new Map([[bucket.prefix, new Map([[bucket.headings, new Map([[bucket.mention, bucket]])]])]]);
        this.cachedChars = slice.length;
      }
      // a key of its own: a slice would keep this whole version of the document alive in the cache
      bucket.results.set(result.text, result);
    }
    return result;
  }

  /**
   * The parts of `text` made from those of the previous version: the text both share at the start and at the end
   * keeps its paragraphs (moved), the paragraphs around the change (and one on each side, which a removed or added
   * blank line can join or split) are split and looked up again. Undefined when the edit is not worth it.
   */
  private reuse(previous: DocumentAnalysis, text: string, options: AnalyzeOptions): Layout | undefined {
    const old = previous.text;
    const { parts, starts, lines } = previous.layoutForReuse;
    const n = parts.length;
    if (!n) return undefined;
    const min = Math.min(old.length, text.length);
    const prefix = commonPrefix(old, text, min);
    const suffix = commonSuffix(old, text, min - prefix);
    const oldEnd = old.length - suffix; // the changed text was old[prefix, oldEnd), is text[prefix, newEnd)
    const delta = text.length - old.length;
    // the first part that does not end before the change, the last that does not start after it, one more each side
    let first = 0;
    while (first < n && parts[first].result.text.length + starts[first] < prefix - 1) first++;
    let last = n - 1;
    while (last >= 0 && starts[last] > oldEnd + 1) last--;
    // (a paragraph of tab rows joins its neighbours of tab rows: forEachParagraph; the one on each side, unchanged, keeps
    // whether it joins the next one out, which it did not, being a part of its own)
    const i0 = Math.max(0, Math.min(first, last) - 1);
    const i1 = Math.min(n - 1, Math.max(first, last) + 1);
    const from = i0 === 0 ? 0 : starts[i0];
    const oldTo = i1 === n - 1 ? old.length : starts[i1] + parts[i1].result.text.length;
    const to = oldTo + delta;
    if (to < from || to - from > text.length / 2) return undefined; // a large edit: start afresh
    const middle = this.analyzeRange(text, from, to, i0 === 0 ? 0 : lines[i0], i0 === 0 ? EMPTY_CONTEXT : parts[i0].before, options);
    const lineDelta = countLines(text, from, to) - countLines(old, from, oldTo);
    const t = i1 + 1; // the first part of the tail, after the re-checked ones
    if (t < n && contextKey(parts[t].before) !== contextKey(middle.after)) {
      // the edit changed which table the text is about: what follows is looked up again in the new context
      const rest = this.analyzeRange(text, starts[t] + delta, text.length, lines[t] + lineDelta, middle.after, options);
      return joined(previous.layoutForReuse, i0, middle, rest);
    }
    // the tail's parts are the same objects, moved: only their offsets and lines change, in the layout beside them
    return joined(previous.layoutForReuse, i0, middle, { from: t, delta, lineDelta });
  }

  private analyzeParagraph(text: string, table: PlanContext, options: AnalyzeOptions): ParagraphResult {
    const msg = messages(options.locale);
    const ctx = this.context;
    // an HTML comment is not part of the plan as it reads (Markdown shows none): the checks see blanks in its place
    // (nor a drafter's note to a colleague, 【批注：…】 or 【待确认…】)
    const shown = blankEditorNotes(blankComments(text));
    const model = buildParagraphModel(shown, table, this.index, ctx.matcher);
    model.thresholds = exact(readThresholds(shown, model.blocks, model.references, ctx, msg, options.locale, model.bare));
    const run: CheckRun = { model, context: ctx, msg, locale: options.locale, referenceStyle: options.referenceStyle ?? 'table' };
    const findings: Finding[] = [];
    runChecks(PARAGRAPH_CHECKS, model.blocks, run, findings);
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    // every field a result gets later is in its literal: kept in the object itself, not in an array added to it
    return { text, retained: undefined, model, findings: exact(findings), facts: undefined, assignsLead: undefined, taskItems: undefined, datedItems: undefined, olderDatedItems: undefined, rowAssignments: undefined, bodyTasks: undefined, unitFacts: undefined, planFindings: undefined, olderPlanFindings: undefined, shown: undefined };
  }
}

/** The parts analyzeRange made, where they stand, and the context after them. */
interface Checked {
  parts: Part[];
  starts: number[];
  lines: number[];
  after: PlanContext;
}

const EMPTY_LAYOUT: Layout = { parts: [], starts: new Int32Array(0), lines: new Int32Array(0) };

/** The layout of a whole text analyzeRange went through. */
function laidOut(range: Checked): Layout {
  return { parts: range.parts, starts: Int32Array.from(range.starts), lines: Int32Array.from(range.lines) };
}

/** The previous version's parts from `from` on, moved by `delta` characters and `lineDelta` lines. */
interface MovedTail {
  from: number;
  delta: number;
  lineDelta: number;
}

/**
 * A new version's layout: the previous one's parts before `i0`, the re-checked `middle`, then the rest: checked afresh
 * to the end, or the previous version's tail moved.
 */
function joined(previous: Layout, i0: number, middle: Checked, rest: Checked | MovedTail): Layout {
  const checked = 'after' in rest;
  const restParts = checked ? rest.parts : previous.parts.slice(rest.from);
  const at = i0 + middle.parts.length;
  const starts = new Int32Array(at + restParts.length);
  const lines = new Int32Array(at + restParts.length);
  starts.set(previous.starts.subarray(0, i0));
  lines.set(previous.lines.subarray(0, i0));
  starts.set(middle.starts, i0);
  lines.set(middle.lines, i0);
  if (checked) {
    starts.set(rest.starts, at);
    lines.set(rest.lines, at);
  } else {
    for (let i = 0; i < restParts.length; i++) {
      starts[at + i] = previous.starts[rest.from + i] + rest.delta;
      lines[at + i] = previous.lines[rest.from + i] + rest.lineDelta;
    }
  }
  return { parts: previous.parts.slice(0, i0).concat(middle.parts, restParts), starts, lines };
}

/** What a paragraph's result depends on besides its text and context: the options that are part of every cache key. */
function cachePrefix(options: AnalyzeOptions): string {
  return `${options.locale}|${options.referenceStyle ?? 'table'}`;
}

function shiftResolved(r: ResolvedReference, by: number): ResolvedReference {
  if (by === 0) return r;
  const ref = {
    ...r.ref,
    start: r.ref.start + by,
    end: r.ref.end + by,
    tableStart: r.ref.tableStart + by,
    tableEnd: r.ref.tableEnd + by,
    spans: r.ref.spans.map((s) => ({ ...s, start: s.start + by, end: s.end + by })),
  };
  return { ...r, ref, problems: r.problems.map((p) => ({ ...p, start: p.start + by, end: p.end + by })) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
