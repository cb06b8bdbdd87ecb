// The short name of a task in a message (外商投资旅行社 for 表1第13项): the key phrase of its summary label.
import { taskSummary } from '../summary';
import { Task } from '../types';

const cache = new WeakMap<Task, string>();

export function taskLabel(task: Task): string {
  let label = cache.get(task);
  if (label === undefined) {
    const summary = taskSummary(task);
    label = summary.slice(summary.indexOf('·') + 1);
    cache.set(task, label);
  }
  return label;
}
