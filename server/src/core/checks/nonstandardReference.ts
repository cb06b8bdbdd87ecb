// nonstandard-reference: a task cited in a form the reader does not take for a reference (表1第12条, 表格1第2项,
// 第1表第14项, and their lists and ranges: 表1第12、13条, 表1第12至15条; a later task without its 第, T or 表 (表1第12项和13项,
// T1.12～1.14, 表1-12、1-13) or after a slash (表1第12/13项, T1.12/T1.13); a 分工表's number in prose (第1.13项, 任务清单1-14)
// or an item in brackets (表1（第15项））: nothing the plan means by it is counted
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
  `(?<![代列图附报])表${SP}${NUM}${SP}${OF}${ITEMS('条')}(?<=条)` +
    `|表格${SP}${NUM}${SP}${OF}${ITEMS('[项条]')}(?<=[项条])` +
    `|第${SP}${NUM}${SP}[张个]?表${SP}${OF}${ITEMS('[项条]')}(?<=[项条])`,
  'g',
);

/**
 * A reference whose next item is written after 和, 及 or 与 without its 第 (表1第5项和6项): read as 表1第5项 alone (和3项措施
 * may count measures), so the next item is a look-alike when it follows the first in order (6 after 5).
 */
const UNREAD_NEXT = new RegExp(`(?<![代列图附报])表${SP}${NUM}${SP}${OF}第${SP}(${NUM})${SP}项${SP}(?:和|及|与)${SP}((${NUM})${SP}项)`, 'g');

/** What every UNREAD_NEXT holds (most blocks do not): a 项 and 和, 及 or 与 after it. */
const UNREAD_HINT = new RegExp(`项${SP}[和及与]`);

/** Between references a look-alike's rewritten form lists (T1.12、T1.13). */
const JOINED = new RegExp(`^${SP}(?:${LIST_SEP}|${RANGE_SEP})${SP}$`);

/** A slash between tasks (表1第12/13项, T1.12/T1.13): it lists nothing the scanner reads. */
const SLASH = '[/／]';
/** Not after a source's prefix (SZ表1, SZ:T1.12: another source's task, which a look-alike of the default's is not) nor in a word or path. */
const NOT_PREFIXED = '(?<![A-Za-z0-9_./\\\\@#]|[A-Za-z][:：])';

/** Not a quantity (T1.12、1.15亿元, 任务清单1.5万) nor a longer number or word; 所 counts (3所学校) but not in 所列, 所述. */
const NOT_A_QUANTITY = `(?![0-9０-９A-Za-z%％‰]|[.．][0-9０-９]|${SP}(?:[亿万千百十元美倍个年月日号次家米吨辆人台套]|所(?![列述涉属提载附])))`;

/** 表1第12/13项, 表1第12项/第13项: a list written with a slash, read as nothing or as its first task. */
const SLASH_LIST = new RegExp(
  `${NOT_PREFIXED}(?<![代列图附报])表${SP}${NUM}${SP}${OF}第${SP}${NUM}(?:${SP}项)?(?:${SP}${SLASH}${SP}(?:第${SP})?${NUM}(?:${SP}项)?)+(?<=项)`,
  'g',
);

/**
 * One task after the first of an ID or dash form's list: its separator (1), its mark if written (2), its table (3) and
 * item (4); or a range's end written as its item alone (T1.12~14): the separator (5) and the item (6).
 */
const NEXT_PAIR = `${SP}(?:(${LIST_SEP}|${RANGE_SEP}|${SLASH})${SP}([TＴ]|表${SP})?([0-9０-９]+)[.．\\-－]([0-9０-９]+)|(${RANGE_SEP})${SP}([0-9０-９]+))`;
/**
 * A task of the ID or dash form (T1.12, 表1-12) and, after a list's or range's separator or a slash, more of them of
 * which some lack their T or 表 (T1.12～1.14, T1.12、1.13, 表1-12至1-14) or stand after a slash (T1.12/T1.13): the scanner
 * reads the first alone. Group 1: the first's mark (T or 表), 2 and 3: its table and item; what follows is read by PAIR.
 */
const PAIR_LIST = new RegExp(`${NOT_PREFIXED}([TＴ]|表${SP})([0-9０-９]+)[.．\\-－]([0-9０-９]+)(?:${NEXT_PAIR})+${NOT_A_QUANTITY}`, 'g');
/** NEXT_PAIR at a place (sticky): each task after the first of a PAIR_LIST, in turn. */
const PAIR = new RegExp(NEXT_PAIR, 'y');

/**
 * A task named by its table and item as a 分工表 numbers it, but in prose (第1.13项, 任务清单1-14, 试点任务1.16) or its item in
 * brackets (表1（第15项）): read as nothing. Groups: the table and item of 第1.13项 (1, 2), of 任务清单1-14 and 试点任务1.16
 * (3, 4), of 表1（第15项） (5, 6). Not a bare 任务1.12, which may be the plan's own numbering.
 */
const LOOSE = new RegExp(
  `${NOT_PREFIXED}(?:第${SP}([0-9０-９]+)[.．\\-－]([0-9０-９]+)${SP}项|(?:(?:试点)?任务清单|试点任务)${SP}(?:第${SP})?([0-9０-９]+)[.．\\-－]([0-9０-９]+)(?:${SP}项)?${NOT_A_QUANTITY}` +
    `|(?<![代列图附报])表${SP}(${NUM})${SP}[（(]${SP}第${SP}(${NUM})${SP}项${SP}[)）])`,
  'g',
);

/** A look-alike in a text: where it is, as written, and the same words in the form that is read. */
export interface LookAlike {
  start: number;
  end: number;
  written: string;
  /** 表格1第2项 → 表1第2项, 第1表第14项 → 表1第14项, 表1第12、13条 → 表1第12、13项. */
  rewritten: string;
  /** The part that is not read, when the rest is (6项 of 表1第5项和6项). */
  unread?: string;
  /** What the unread part lacks: 第 (表1第5项和6项), T (T1.12～1.14) or 表 (表1-12、1-13). */
  missing?: string;
  /** A separator that lists nothing the scanner reads (the / of 表1第12/13项). */
  separator?: string;
}

/**
 * T1.12～1.14 → T1.12～T1.14, T1.12~14 → T1.12~T1.14, T1.12/T1.13 → T1.12、T1.13; undefined when it is no look-alike
 * (T1.12、T1.13 is read).
 */
function pairListLookAlike(m: RegExpExecArray, at: number): LookAlike | undefined {
  const mark = m[1];
  const table = parseInteger(m[2]);
  let item = parseInteger(m[3]) ?? Infinity;
  let end = mark.length + m[2].length + 1 + m[3].length;
  // what a range's end written as its item alone lacks: the first's mark, table and separator (T1. of T1.12~14)
  const tablePart = m[0].slice(0, end - m[3].length);
  let rewritten = m[0].slice(0, end);
  const unread: string[] = [];
  let missing = mark.trim();
  let separator: string | undefined;
  PAIR.lastIndex = end;
  for (let p = PAIR.exec(m[0]); p; p = PAIR.exec(m[0])) {
    const alone = p[6] !== undefined;
    const next = parseInteger(alone ? p[6] : p[4]);
    // a task of the same table after the one before it (T1.12、1.5亿 is a quantity, T1.12、2.3 another thing)
    if ((!alone && parseInteger(p[3]) !== table) || next === undefined || next <= item) break;
    item = next;
    const pair = alone ? p[6] : p[0].slice(p[0].length - (p[3].length + 1 + p[4].length));
    let head = p[0].slice(0, p[0].length - pair.length);
    if (!alone && /^[/／]$/.test(p[1])) {
      separator = p[1];
      head = head.replace(p[1], '、');
    }
    if (alone) {
      unread.push(pair);
      missing = tablePart.trim();
      head += tablePart;
    } else if (!p[2]) {
      unread.push(pair);
      head += mark;
    }
    rewritten += head + pair;
    end = PAIR.lastIndex;
  }
  if (!unread.length && !separator) return undefined;
  const start = at + m.index;
  return { start, end: start + end, written: m[0].slice(0, end), rewritten, unread: unread.join('、') || undefined, missing, separator };
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
  const found: LookAlike[] = [];
  const overlaps = (from: number, to: number) => found.some((f) => f.start < to && from < f.end);
  // every look-alike holds 表 and 第, or T: most blocks hold neither
  const table = own.includes('表');
  if (table && own.includes('第')) {
    LOOK_ALIKE.lastIndex = 0;
    for (let m = LOOK_ALIKE.exec(own); m; m = LOOK_ALIKE.exec(own)) {
      found.push({ start: start + m.index, end: start + m.index + m[0].length, written: m[0], rewritten: rewrite(m[0]) });
    }
    if (UNREAD_HINT.test(own)) {
      UNREAD_NEXT.lastIndex = 0;
      for (let m = UNREAD_NEXT.exec(own); m; m = UNREAD_NEXT.exec(own)) {
        if ((parseInteger(m[3]) ?? 0) <= (parseInteger(m[1]) ?? Infinity)) continue;
        const at = start + m.index;
        if (overlaps(at, at + m[0].length)) continue;
        found.push({ start: at, end: at + m[0].length, written: m[0], rewritten: rewrite(m[0]), unread: m[2], missing: '第' });
      }
    }
    if (own.includes('/') || own.includes('／')) {
      SLASH_LIST.lastIndex = 0;
      for (let m = SLASH_LIST.exec(own); m; m = SLASH_LIST.exec(own)) {
        const at = start + m.index;
        if (overlaps(at, at + m[0].length)) continue;
        found.push({ start: at, end: at + m[0].length, written: m[0], rewritten: m[0].replace(/[/／]/g, '、'), separator: m[0].match(/[/／]/)![0] });
      }
    }
  }
  if (own.includes('第') || own.includes('任务')) {
    LOOSE.lastIndex = 0;
    for (let m = LOOSE.exec(own); m; m = LOOSE.exec(own)) {
      const at = start + m.index;
      const [t, i] = m[1] !== undefined ? [m[1], m[2]] : m[3] !== undefined ? [m[3], m[4]] : [m[5], m[6]];
      const tableNumber = parseInteger(t);
      const item = parseInteger(i);
      if (tableNumber === undefined || item === undefined || overlaps(at, at + m[0].length)) continue;
      found.push({ start: at, end: at + m[0].length, written: m[0], rewritten: `表${tableNumber}第${item}项` });
    }
  }
  if (table || own.includes('T') || own.includes('Ｔ')) {
    PAIR_LIST.lastIndex = 0;
    for (let m = PAIR_LIST.exec(own); m; m = PAIR_LIST.exec(own)) {
      const look = pairListLookAlike(m, start);
      if (look && !overlaps(look.start, look.end)) found.push(look);
    }
  }
  return found.length > 1 ? found.sort((a, b) => a.start - b.start) : found;
}

/**
 * What a look-alike cites, read in the form that is read (references of the default source), if it reads as that: one
 * reference, or references that only separators join (T1.12、T1.13, the rewritten T1.12/T1.13).
 */
export function lookAlikeReference(look: LookAlike, index: TaskIndex): Pick<ResolvedReference, 'tasks' | 'problems'> | undefined {
  const refs = scanReferences(look.rewritten);
  if (!refs.length || refs[0].start !== 0 || refs[refs.length - 1].end !== look.rewritten.length) return undefined;
  if (refs.some((r, i) => i > 0 && !JOINED.test(look.rewritten.slice(refs[i - 1].end, r.start)))) return undefined;
  if (refs.length === 1) return index.resolve(refs[0]);
  const all = refs.map((r) => index.resolve(r));
  return { tasks: all.flatMap((r) => r.tasks), problems: all.flatMap((r) => r.problems) };
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
      message: look.separator ? run.msg.lookAlikeSeparator(written, look.separator, reference, labels)
        : look.unread ? run.msg.lookAlikeUnread(written, look.unread, look.missing ?? '第', reference, labels) : run.msg.lookAlike(written, reference, labels),
      related: tasks.slice(0, 10).map((t) => relatedTask(index, t, run.msg)),
      fixes: [{ title: run.msg.replaceWith(reference), start, end, newText: reference, preferred: true }],
    });
  }
  return findings;
}
