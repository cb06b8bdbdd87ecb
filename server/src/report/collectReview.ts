// Collects the reviewer's view from analysed plans: per plan its findings, task items and coverage; the sources' tasks.
import { DocumentAnalysis } from '../core/analyze';
import { Finding } from '../core/findings';
import { TaskIndex } from '../core/taskIndex';
import { Task } from '../core/types';
import { ReviewFinding, ReviewItem, ReviewPlan, ReviewReport, ReviewSource } from './reportModel';
import { restatedTasksOf, taskItemsOf } from './reviewItems';

export interface AnalysedPlan {
  /** The file as the user named it (or a workspace-relative path). */
  file: string;
  analysis: DocumentAnalysis;
  /** A Word plan's 1-based paragraph of each 0-based line of its extracted text. */
  paragraphOfLine?: number[];
  /** An Excel plan's sheet and row (分工表!5) of each 0-based line of its extracted text. */
  rowOfLine?: string[];
  /** A Word plan with tracked changes (修订), read as Word's Final view shows it. */
  revisions?: boolean;
}

export function collectReview(index: TaskIndex, plans: AnalysedPlan[]): ReviewReport {
  return { sources: sourcesOf(index), plans: plans.map((p) => reviewPlan(index, p)) };
}

export function sourcesOf(index: TaskIndex): ReviewSource[] {
  return index.sources.map((s) => ({
    prefix: s.prefix,
    title: s.meta.title,
    docNumber: s.meta.docNumber,
    tables: s.tables.map((t) => ({ number: t.number, title: t.title, tasks: s.tasks.filter((task) => task.table === t.number) })),
  }));
}

export function reviewPlan(index: TaskIndex, { file, analysis, paragraphOfLine, rowOfLine, revisions }: AnalysedPlan): ReviewPlan {
  const findings = analysis.findings.map((f) => reviewFinding(index, analysis, f, paragraphOfLine, rowOfLine));
  const items: ReviewItem[] = taskItemsOf(analysis).map((item) => ({
    ...item,
    paragraph: paragraphOfLine?.[item.line],
    ...(rowOfLine?.[item.line] ? { row: rowOfLine[item.line] } : {}),
    // a finding belongs to the item it starts in
    findings: findings.filter((f) => f.start >= item.start && f.start < Math.max(item.end, item.start + 1)),
  }));
  const coverage: ReviewPlan['coverage'] = {};
  for (const t of restatedTasksOf(analysis)) coverage[t.id] = 'restated';
  for (const item of items) for (const t of item.restated) coverage[t.id] ??= 'restated';
  for (const r of analysis.references) for (const t of r.tasks) coverage[t.id] = 'cited';
  const annex = analysis.options?.annex?.name;
  return { file, title: titleOf(analysis.text, file), findings, items, coverage, ...(annex ? { annex } : {}), ...(revisions ? { revisions } : {}) };
}

function reviewFinding(index: TaskIndex, analysis: DocumentAnalysis, f: Finding, paragraphOfLine?: number[], rowOfLine?: string[]): ReviewFinding {
  const at = analysis.lines.positionAt(f.start);
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    line: at.line,
    character: at.character,
    paragraph: paragraphOfLine?.[at.line],
    ...(rowOfLine?.[at.line] ? { row: rowOfLine[at.line] } : {}),
    start: f.start,
    end: f.end,
    ...tasksConcerned(index, analysis, f),
  };
}

/**
 * The tasks of the references the finding is on, and the other tasks its related spans point at as suggestions (a
 * reference to a task that does not exist concerns no task: what its related span names is only a suggestion); for a
 * finding on other words, the tasks its related spans point at.
 */
function tasksConcerned(index: TaskIndex, analysis: DocumentAnalysis, f: Finding): { tasks: Task[]; suggested: Task[] } {
  const tasks: Task[] = [];
  let onReference = false;
  for (const r of analysis.references) {
    if (r.ref.start < Math.max(f.end, f.start + 1) && r.ref.end > f.start) {
      onReference = true;
      for (const t of r.tasks) if (!tasks.includes(t)) tasks.push(t);
    }
  }
  const related: Task[] = [];
  for (const rel of f.related) {
    const source = index.sources.find((s) => s.sourceFile === rel.sourceFile);
    const hit = source?.tasks.find((t) => (t.startLine <= rel.span.startLine && rel.span.startLine <= t.endLine)
      || (t.bodySpan && t.bodySpan.startLine <= rel.span.startLine && rel.span.startLine <= t.bodySpan.endLine));
    if (hit && !tasks.includes(hit) && !related.includes(hit)) related.push(hit);
  }
  return onReference ? { tasks, suggested: related } : { tasks: related, suggested: [] };
}

/** The first Markdown heading, else the first line when it is short enough to be a title, else the file name. */
export function titleOf(text: string, file: string): string {
  const heading = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/m.exec(text);
  if (heading) return heading[1];
  const first = text.split(/\r?\n/).find((l) => l.trim())?.trim();
  if (first && first.length <= 60 && !/[。；]$/.test(first)) return first;
  return file.split(/[\\/]/).pop() ?? file;
}
