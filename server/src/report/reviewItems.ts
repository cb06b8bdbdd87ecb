// The plan's task items and restated tasks as the report reads them: the plan model's own (DocumentAnalysis).
import { DocumentAnalysis } from '../core/analyze';
import { Task } from '../core/types';
import { TaskItem } from './reportModel';

/** The task items of an analysed plan, with the owners and deadlines the structure checks see. */
export function taskItemsOf(analysis: DocumentAnalysis): TaskItem[] {
  return analysis.taskItems;
}

/** Tasks the plan restates without citing. */
export function restatedTasksOf(analysis: DocumentAnalysis): Task[] {
  return analysis.restatements.map((r) => r.task);
}
