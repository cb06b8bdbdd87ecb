// Runs every check over a document, paragraph by paragraph, with a cache so that an edit re-checks only
// the paragraphs it touched.
import { applyDirectives, parseDirectives } from './directives';
import { DEFAULT_SEVERITY, DiagnosticCode, Finding, SeveritySetting, shiftFinding } from './findings';
import { Locale, messages } from './messages';
import { scanReferences } from './references';
import { ResolvedReference, TaskIndex } from './taskIndex';
import { LineIndex } from './text';
import { applyEvent, checkAmbiguous, ContextEvent, contextEvents, EMPTY_CONTEXT, TableContext } from './checks/ambiguous';
import { CheckContext } from './checks/context';
import { checkDomains } from './checks/domainMismatch';
import { checkMisquotes } from './checks/misquote';
import { checkThresholds, ThresholdMatch } from './checks/thresholdMismatch';
import { checkUnknownTasks } from './checks/unknownTask';
import { scopesOf } from './scopes';
import { RuleData } from './thresholds';

export interface AnalyzeOptions {
  locale: Locale;
  severity?: Partial<Record<DiagnosticCode, SeveritySetting>>;
}

export interface Paragraph {
  start: number;
  end: number;
}

export interface DocumentAnalysis {
  lines: LineIndex;
  references: ResolvedReference[];
  findings: Finding[];
  /** Plan quantities tied to a source threshold, for hover. */
  thresholds: ThresholdMatch[];
}

interface ParagraphResult {
  references: ResolvedReference[];
  findings: Finding[];
  thresholds: ThresholdMatch[];
  events: ContextEvent[];
}

/** Blocks of text separated by blank lines: the unit of re-checking. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const blankLine = /^[ \t\u3000]*$/;
  let start = -1;
  let lastEnd = 0;
  let lineStart = 0;
  const visit = (lineEnd: number) => {
    const blank = blankLine.test(text.slice(lineStart, lineEnd));
    if (!blank && start < 0) start = lineStart;
    if (blank && start >= 0) {
      paragraphs.push({ start, end: lastEnd });
      start = -1;
    }
    if (!blank) lastEnd = lineEnd;
  };
  const breaks = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = breaks.exec(text))) {
    visit(m.index);
    lineStart = m.index + m[0].length;
  }
  visit(text.length);
  if (start >= 0) paragraphs.push({ start, end: lastEnd });
  return paragraphs;
}

const CACHE_LIMIT = 20000;

export class Checker {
  private cache = new Map<string, ParagraphResult>();
  readonly context: CheckContext;

  constructor(readonly index: TaskIndex, rules: RuleData = { subjects: [], rules: [] }, seedTexts?: Map<string, string>) {
    this.context = new CheckContext(index, rules, seedTexts);
  }

  analyze(text: string, options: AnalyzeOptions): DocumentAnalysis {
    const lines = new LineIndex(text);
    const references: ResolvedReference[] = [];
    const thresholds: ThresholdMatch[] = [];
    let findings: Finding[] = [];
    const seen = new Map<string, ParagraphResult>();
    let table: TableContext = EMPTY_CONTEXT;
    for (const p of splitParagraphs(text)) {
      const slice = text.slice(p.start, p.end);
      const key = `${options.locale}\u0001${JSON.stringify(table)}\u0001${slice}`;
      let result = this.cache.get(key) ?? seen.get(key);
      if (!result) {
        result = this.analyzeParagraph(slice, table, options);
        seen.set(key, result);
      }
      for (const r of result.references) references.push(shiftResolved(r, p.start));
      for (const f of result.findings) findings.push(shiftFinding(f, p.start));
      for (const t of result.thresholds) thresholds.push(p.start ? { ...t, start: t.start + p.start, end: t.end + p.start } : t);
      for (const e of result.events) table = applyEvent(table, e);
    }
    this.remember(seen);
    findings = applySeverity(findings, options.severity);
    findings = applyDirectives(findings, parseDirectives(text, lines), lines);
    return { lines, references, findings, thresholds };
  }

  private analyzeParagraph(text: string, table: TableContext, options: AnalyzeOptions): ParagraphResult {
    const msg = messages(options.locale);
    const references = scanReferences(text, { prefixes: this.index.prefixes }).map((r) => this.index.resolve(r));
    const scopes = scopesOf(text);
    const events = contextEvents(text, references);
    const thresholds = checkThresholds(text, scopes, references, this.context, msg, options.locale);
    const findings = [
      ...checkUnknownTasks(references, msg),
      ...thresholds.findings,
      ...checkMisquotes(text, scopes, references, this.index, msg),
      ...checkDomains(text, scopes, references, this.context, msg),
      ...checkAmbiguous(text, references, events, table, this.index, msg),
    ];
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    return { references, findings, thresholds: thresholds.matches, events };
  }

  private remember(fresh: Map<string, ParagraphResult>): void {
    if (this.cache.size + fresh.size > CACHE_LIMIT) this.cache = new Map();
    for (const [k, v] of fresh) this.cache.set(k, v);
  }
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

function applySeverity(findings: Finding[], severity: AnalyzeOptions['severity']): Finding[] {
  if (!severity) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const s = severity[f.code] ?? DEFAULT_SEVERITY[f.code];
    if (s === 'off') continue;
    out.push(s === f.severity ? f : { ...f, severity: s });
  }
  return out;
}
