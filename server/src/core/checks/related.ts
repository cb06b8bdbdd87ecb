// A diagnostic's related information: where a task stands in its source.
import { RelatedSpan } from '../findings';
import { Messages } from '../messages';
import { formatReference, TaskIndex } from '../taskIndex';
import { Task } from '../types';

/**
 * Made once per task and messages, and shared (frozen) by every finding that points at the task: a 1 MB plan holds
 * thousands of such findings, and keeps them for as long as it is open.
 */
const made = new WeakMap<Task, Map<Messages, RelatedSpan>>();

export function relatedTask(index: TaskIndex, t: Task, msg: Messages): RelatedSpan {
  let byMessages = made.get(t);
  if (!byMessages) made.set(t, (byMessages = new Map()));
  const sourceFile = index.sourceOf(t).sourceFile;
  let related = byMessages.get(msg);
  if (!related || related.sourceFile !== sourceFile) {
    const span = Object.freeze({ startLine: t.startLine, endLine: t.endLine });
    related = Object.freeze({ sourceFile, span, message: msg.sourceTask(formatReference(t)) });
    byMessages.set(msg, related);
  }
  return related;
}
