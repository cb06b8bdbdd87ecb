// The short name of a task in a message (外商投资旅行社 for 表1第13项): the key phrase of its summary label.
import { TaskIndex } from '../taskIndex';
import { Task } from '../types';

const cache = new WeakMap<Task, string>();

export function taskLabel(index: TaskIndex, task: Task): string {
  let label = cache.get(task);
  if (label === undefined) {
    const summary = index.summaryOf(task);
    label = summary.slice(summary.indexOf('·') + 1);
    cache.set(task, label);
  }
  return label;
}
