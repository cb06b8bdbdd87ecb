// nonstandard-reference: a task cited in a form the reader does not take for a reference (表1第12条, 表格1第2项,
// 第1表第14项): nothing the plan means by it is counted (coverage, the 分工表, the checks of its sentence), so it is
// said, with a quick fix that writes the form that is read (表1第12项) when the source has that task.
import { Finding } from '../findings';
import { Block } from '../planModel';
import { formatReference } from '../taskIndex';
import { parseInteger } from '../text';
import { taskLabel } from './labels';
import { relatedTask } from './related';
import type { CheckRun } from './registry';

const NUM = '[0-9０-９]+|[零〇一二两三四五六七八九十百]+';
const SP = '[ \\t\\u3000]*';
/** 中, 的, 所列 between a table and its item, with the blanks after it (one group: see references.ts). */
const OF = `(?:(?:中的|中|的|所列的?)${SP})?`;

/**
 * The look-alikes, each with its table and item numbers: 表1第12条 (an article, not an item), 表格1第2项 (表格 for 表),
 * 第1表第14项 (the table's number before it). Not 代表1名, 表1第12项 (read), nor a 第12条 without a table (a law's article).
 */
const LOOK_ALIKE = new RegExp(
  `(?<![代列图])表${SP}(${NUM})${SP}${OF}第${SP}(${NUM})${SP}条` +
    `|表格${SP}(${NUM})${SP}${OF}第${SP}(${NUM})${SP}[项条]` +
    `|第${SP}(${NUM})${SP}[张个]?表${SP}${OF}第${SP}(${NUM})${SP}[项条]`,
  'g',
);

/** A look-alike in a text: where it is, as written, and the table and item it names. */
interface LookAlike {
  start: number;
  end: number;
  written: string;
  table: number;
  item: number;
}

/** The look-alikes of text[start, end), offsets in `text`. */
export function lookAlikesIn(text: string, start: number, end: number): LookAlike[] {
  const own = text.slice(start, end);
  // every look-alike holds 表 and 第: most blocks hold neither
  if (!own.includes('表') || !own.includes('第')) return [];
  const found: LookAlike[] = [];
  LOOK_ALIKE.lastIndex = 0;
  for (let m = LOOK_ALIKE.exec(own); m; m = LOOK_ALIKE.exec(own)) {
    const table = parseInteger(m[1] ?? m[3] ?? m[5]);
    const item = parseInteger(m[2] ?? m[4] ?? m[6]);
    if (table !== undefined && item !== undefined) found.push({ start: start + m.index, end: start + m.index + m[0].length, written: m[0], table, item });
  }
  return found;
}

export function checkNonstandardReferences(block: Block, run: CheckRun): Finding[] {
  const findings: Finding[] = [];
  for (const { start, end, written, table, item } of lookAlikesIn(run.model.text, block.start, block.end)) {
    const task = run.context.index.taskAt('', table, item);
    if (!task) {
      findings.push({ start, end, code: 'nonstandard-reference', severity: 'warning', message: run.msg.lookAlikeNoTask(written, `表${table}第${item}项`), related: [], fixes: [] });
      continue;
    }
    const reference = formatReference(task, 'table');
    findings.push({
      start,
      end,
      code: 'nonstandard-reference',
      severity: 'warning',
      message: run.msg.lookAlike(written, reference, taskLabel(run.context.index, task)),
      related: [relatedTask(run.context.index, task, run.msg)],
      fixes: [{ title: run.msg.replaceWith(reference), start, end, newText: reference, preferred: true }],
    });
  }
  return findings;
}
