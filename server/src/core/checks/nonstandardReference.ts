// nonstandard-reference: a task cited in a form the reader does not take for a reference (表1第12条, 表格1第2项,
// 第1表第14项, and their lists and ranges: 表1第12、13条, 表1第12至15条): nothing the plan means by it is counted
// (coverage, the 分工表, the checks of its sentence), so it is said, with a quick fix that writes the form that is read
// (表1第12项) when the source has every task it names.
import { Finding } from '../findings';
import { Block } from '../planModel';
import { LIST_SEP, NUM as NUMBER, OF, RANGE_SEP, scanReferences, SP } from '../references';
import { parseInteger } from '../text';
import { formatReference, ResolvedReference, TaskIndex } from '../taskIndex';
import { taskLabel } from './labels';
import { relatedTask } from './related';
import type { CheckRun } from './registry';

// the scanner's own pieces: a number, blanks, the words between a table and its item, and the separators of lists and
// ranges (so that the rewritten look-alike reads as the list or range it is)
const NUM = `(?:${NUMBER})`;
/** The numbers after 第: one, or a list or range of them, each perhaps with its own 第 and 条/项 (第12条、第13条, 第12至15条). */
const ITEMS = (end: string) => `第${SP}${NUM}(?:${SP}${end})?(?:${SP}(?:${LIST_SEP}|${RANGE_SEP})${SP}(?:第${SP})?${NUM}(?:${SP}${end})?)*`;

/**
 * The look-alikes: 表1第12条 (an article's 条 for the item's 项; it must end in 条), 表格1第2项 (表格 for 表), 第1表第14项
 * (the table's number before 表). Not 代表1名, 图表1, 表1第12项 (read), nor a 第12条 without a table (a law's article).
 */
const LOOK_ALIKE = new RegExp(
  `(?<![代列图])表${SP}${NUM}${SP}${OF}${ITEMS('条')}(?<=条)` +
    `|表格${SP}${NUM}${SP}${OF}${ITEMS('[项条]')}(?<=[项条])` +
    `|第${SP}${NUM}${SP}[张个]?表${SP}${OF}${ITEMS('[项条]')}(?<=[项条])`,
  'g',
);

/**
 * A reference whose next item is written after 和, 及 or 与 without its 第 (表1第5项和6项): read as 表1第5项 alone (和3项措施
 * may count measures), so the next item is a look-alike when it follows the first in order (6 after 5).
 */
const UNREAD_NEXT = new RegExp(`(?<![代列图])表${SP}${NUM}${SP}${OF}第${SP}(${NUM})${SP}项${SP}(?:和|及|与)${SP}((${NUM})${SP}项)`, 'g');

/** What every UNREAD_NEXT holds (most blocks do not): a 项 and 和, 及 or 与 after it. */
const UNREAD_HINT = new RegExp(`项${SP}[和及与]`);

/** A look-alike in a text: where it is, as written, and the same words in the form that is read. */
export interface LookAlike {
  start: number;
  end: number;
  written: string;
  /** 表格1第2项 → 表1第2项, 第1表第14项 → 表1第14项, 表1第12、13条 → 表1第12、13项. */
  rewritten: string;
  /** The part that is not read, when the rest is (6项 of 表1第5项和6项). */
  unread?: string;
}

/** After a closed item (第12条), a separator but 、 and a number without its 第: 表1第12项和13项 is not read, 表1第12项和第13项 is. */
const NEEDS_DI = new RegExp(`([项条]${SP}(?!、)(?:${LIST_SEP}|${RANGE_SEP})${SP})(?=${NUM})`, 'g');

/** The form that is read: 表N for 表格N and 第N表, 项 for 条, 第 before an item after a closed one (第12条至15条). */
function rewrite(written: string): string {
  return written
    .replace(new RegExp(`^第${SP}(${NUM})${SP}[张个]?表`), '表$1')
    .replace(/^表格/, '表')
    .replace(NEEDS_DI, '$1第')
    .replace(/条/g, '项');
}

/** The look-alikes of text[start, end), offsets in `text`. */
export function lookAlikesIn(text: string, start: number, end: number): LookAlike[] {
  const own = text.slice(start, end);
  // every look-alike holds 表 and 第: most blocks hold neither
  if (!own.includes('表') || !own.includes('第')) return [];
  const found: LookAlike[] = [];
  LOOK_ALIKE.lastIndex = 0;
  for (let m = LOOK_ALIKE.exec(own); m; m = LOOK_ALIKE.exec(own)) {
    found.push({ start: start + m.index, end: start + m.index + m[0].length, written: m[0], rewritten: rewrite(m[0]) });
  }
  if (!UNREAD_HINT.test(own)) return found;
  UNREAD_NEXT.lastIndex = 0;
  for (let m = UNREAD_NEXT.exec(own); m; m = UNREAD_NEXT.exec(own)) {
    if ((parseInteger(m[3]) ?? 0) <= (parseInteger(m[1]) ?? Infinity)) continue;
    const at = start + m.index;
    if (found.some((f) => f.start < at + m![0].length && at < f.end)) continue;
    found.push({ start: at, end: at + m[0].length, written: m[0], rewritten: rewrite(m[0]), unread: m[2] });
  }
  return found.length > 1 ? found.sort((a, b) => a.start - b.start) : found;
}

/** What a look-alike cites, read in the form that is read (a reference of the default source), if it reads as one. */
export function lookAlikeReference(look: LookAlike, index: TaskIndex): ResolvedReference | undefined {
  const refs = scanReferences(look.rewritten);
  const ref = refs.length === 1 && refs[0].start === 0 && refs[0].end === look.rewritten.length ? refs[0] : undefined;
  return ref && index.resolve(ref);
}

export function checkNonstandardReferences(block: Block, run: CheckRun): Finding[] {
  const findings: Finding[] = [];
  const index = run.context.index;
  for (const look of lookAlikesIn(run.model.text, block.start, block.end)) {
    const { start, end, written } = look;
    const resolved = lookAlikeReference(look, index);
    if (!resolved || !resolved.tasks.length || resolved.problems.length) {
      findings.push({ start, end, code: 'nonstandard-reference', severity: 'warning', message: run.msg.lookAlikeNoTask(written, look.rewritten), related: [], fixes: [] });
      continue;
    }
    const tasks = resolved.tasks;
    // one task: its reference as the quick fixes of the other checks write it (表1第13项 for 表格一第十三项)
    const reference = tasks.length === 1 ? formatReference(tasks[0], 'table') : look.rewritten;
    const labels = tasks.length === 1 ? taskLabel(index, tasks[0]) : tasks.map((t) => formatReference(t)).join('、');
    findings.push({
      start,
      end,
      code: 'nonstandard-reference',
      severity: 'warning',
      message: look.unread ? run.msg.lookAlikeUnread(written, look.unread, reference, labels) : run.msg.lookAlike(written, reference, labels),
      related: tasks.slice(0, 10).map((t) => relatedTask(index, t, run.msg)),
      fixes: [{ title: run.msg.replaceWith(reference), start, end, newText: reference, preferred: true }],
    });
  }
  return findings;
}
