// The shapes of the reviewer's view: what a plan's task items, findings and coverage look like to the report and 分工表.
import { DiagnosticCode, Severity } from '../core/findings';
import { Task } from '../core/types';

/**
 * A numbered list item or table row of a plan that cites or restates source tasks, with its owner and deadline.
 * The plan model's own shape (DocumentAnalysis.taskItems); offsets and the 0-based line are of the plan text.
 */
export type { TaskItem } from '../core/taskItems';
import type { TaskItem } from '../core/taskItems';

/** How a plan covers a source task: by its number, by its words alone, or not at all. */
export type CoverageState = 'cited' | 'restated' | 'missing';

/** A finding as the reviewer reads it: where (line, or ¶ of a Word plan), what, and the source text concerned. */
export interface ReviewFinding {
  code: DiagnosticCode | string;
  severity: Severity;
  message: string;
  /** 0-based line and character in the plan text. */
  line: number;
  character: number;
  /** 1-based Word paragraph, for a Word plan. */
  paragraph?: number;
  /** Sheet and row (分工表!5), for an Excel plan. */
  row?: string;
  start: number;
  end: number;
  /** The source tasks the finding is about (the reference's tasks, or those its related source spans point at). */
  tasks: Task[];
  /**
   * For a finding on a reference: the tasks it points at besides the reference's own, the one the sentence is about
   * (reference-mismatch, unknown-task): what the quick fix would cite.
   */
  suggested: Task[];
}

export interface ReviewItem extends TaskItem {
  /** 1-based Word paragraph of the item's line, for a Word plan. */
  paragraph?: number;
  /** Sheet and row (分工表!5) of the item's line, for an Excel plan. */
  row?: string;
  findings: ReviewFinding[];
}

export interface ReviewPlan {
  /** The file as the user named it. */
  file: string;
  /** The plan's first heading, else its file name. */
  title: string;
  findings: ReviewFinding[];
  items: ReviewItem[];
  /** Task id → how this plan covers it; a task absent here is missing. */
  coverage: Record<string, Exclude<CoverageState, 'missing'>>;
  /** The name of its 分工表 when that is a file of its own, which it was checked with. */
  annex?: string;
  /** A Word plan with tracked changes (修订), checked as Word's Final view shows it. */
  revisions?: boolean;
}

export interface ReviewTable {
  number: number;
  title: string;
  tasks: Task[];
}

export interface ReviewSource {
  /** '' for the default source. */
  prefix: string;
  title: string;
  docNumber: string;
  tables: ReviewTable[];
}

/** Everything the report and the 任务分工表 are rendered from. */
export interface ReviewReport {
  sources: ReviewSource[];
  plans: ReviewPlan[];
}

export function coverageState(plan: ReviewPlan, task: Task): CoverageState {
  return plan.coverage[task.id] ?? 'missing';
}
