// uncited-task: a list item or table row without any reference whose content clearly restates one task; the
// quick fix appends the reference in the configured style.
import { Finding } from '../findings';
import { Block } from '../planModel';
import { formatReference } from '../taskIndex';
import { relatedTask } from './related';
import { taskLabel } from './labels';
import type { CheckRun } from './registry';

export function checkUncitedTask(block: Block, run: CheckRun): Finding[] {
  const restated = block.restates;
  if (!restated) return [];
  const text = run.model.text;
  const ref = formatReference(restated.task, run.referenceStyle);
  const at = insertionPoint(text, block);
  const terms = run.context.matcher.explain(text.slice(block.start, block.end), restated.task.id, 3).terms;
  // the finding covers the item's words, not its list marker or the row's pipes
  const lead = /^[ \t]*(?:[-*+]|\d+[.)、．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\|)?[ \t]*/.exec(text.slice(block.start, block.end))![0].length;
  let end = block.end;
  while (end > block.start + lead && /[\s|]/.test(text[end - 1])) end--;
  return [{
    start: block.start + lead,
    end,
    code: 'uncited-task',
    severity: 'hint',
    message: run.msg.uncitedTask(formatReference(restated.task), taskLabel(restated.task), terms),
    related: [relatedTask(run.context.index, restated.task, run.msg)],
    fixes: [{ title: run.msg.addReference(ref), start: at, end: at, newText: `（${ref}）`, preferred: true }],
  }];
}

/** Where the reference goes: before the item's closing full stop, or at the end of a row's longest cell. */
function insertionPoint(text: string, block: Block): number {
  if (block.kind === 'row') {
    let best = { start: block.end, length: -1 };
    const line = text.slice(block.start, block.end);
    const pipes: number[] = [];
    for (let i = 0; i < line.length; i++) if (line[i] === '|' && line[i - 1] !== '\\') pipes.push(i);
    for (let k = 0; k + 1 < pipes.length; k++) {
      const cell = line.slice(pipes[k] + 1, pipes[k + 1]);
      if (cell.trim().length > best.length) best = { start: block.start + pipes[k] + 1 + cell.trimEnd().length, length: cell.trim().length };
    }
    return best.start;
  }
  let end = block.end;
  while (end > block.start && /\s/.test(text[end - 1])) end--;
  while (end > block.start && /[。；;.]/.test(text[end - 1])) end--;
  // the task's words end before a closing parenthesis that assigns it (（区交通运输局牵头）): cite them there
  if (text[end - 1] === '）' || text[end - 1] === ')') {
    const open = Math.max(text.lastIndexOf('（', end), text.lastIndexOf('(', end));
    if (open > block.start && /牵头|负责|配合|责任|完成|前/.test(text.slice(open, end))) return open;
  }
  return end;
}
