// A diagnostic's related information: where a task stands in its source.
import { RelatedSpan } from '../findings';
import { Messages } from '../messages';
import { formatReference, TaskIndex } from '../taskIndex';
import { Task } from '../types';

export function relatedTask(index: TaskIndex, t: Task, msg: Messages): RelatedSpan {
  return { sourceFile: index.sourceOf(t).sourceFile, span: { startLine: t.startLine, endLine: t.endLine }, message: msg.sourceTask(formatReference(t)) };
}
