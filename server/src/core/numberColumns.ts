// A 分工表 column of task numbers (任务清单编号, 清单序号, 对应任务编号) whose cells write a task as its table and item
// (1-12, 1.12): each such cell cites its task, as 表1-12 would. A plain 序号 column numbers the rows and is not one.
import { parseInteger } from './text';
import { BARE_RANGE_SEP, BareTaskNumber, ItemSpan, TaskReference } from './references';

/**
 * A header that names the task list's numbers: 任务编号, 清单编号, 任务清单序号, 对应试点任务编号 (not 序号 alone); or the
 * task a row answers (对应任务, 对应试点任务, 对应清单任务), whose cells write it as its number (1-12) as often as in full.
 */
const NUMBER_HEADER = /^(?:(?:对应)?(?:试点)?(?:任务清单|任务|清单)(?:中的)?(?:编号|序号)|对应的?(?:试点)?(?:清单)?任务(?:清单)?)$/;
/** A cell that is a task written as table and item: 1-12, 1.12, １－１２ (blanks around it allowed). */
/** A task as its table and item: 1-12, 1.12 (the two numbers captured). */
const TABLE_AND_ITEM = '([0-9０-９]{1,2})[ \\t]*[-－.．—–][ \\t]*([0-9０-９]{1,3})';
const NUMBER_CELL = new RegExp(`^${TABLE_AND_ITEM}$`);

/**
 * A cell that is a date as a spreadsheet writes one (2026年1月12日, 1月12日, 2026/1/12, 2026-01-12): in a task-number
 * column, the 1-12 a General-format cell stored as 12 January (month and day: a table of five, an item up to 31).
 */
const DATE_CELLS = [
  /^(?:(?:19|20)[0-9]{2}年)?0?([1-9])月0?([1-9]|[12][0-9]|3[01])日$/,
  /^(?:19|20)[0-9]{2}([-/.])0?([1-9])(?:\1)0?([1-9]|[12][0-9]|3[01])$/,
  // as Excel shows it in English: 12-Jan, 12-Jan-26, 12 Jan 2026
  /^0?([1-9]|[12][0-9]|3[01])[- ](Jan|Feb|Mar|Apr|May)(?:[- ](?:[0-9]{2}|(?:19|20)[0-9]{2}))?$/i,
];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may'];

/**
 * The references written in the task-number columns of the tables of `text` (offsets into it): for each table row of
 * `rowCells` (a row's start, its cells' spans relative to it, and whether it is its table's header or separator row),
 * in order. Every column whose header names task numbers is read (a 任务编号 of the plan's own rows beside a 对应任务
 * of the tasks'). A cell the scanner already reads (表1-12) is not read again. A cell whose number lost its trailing
 * zero (1.1 between 1.9 and 1.11: see restoreLostZeros) is read as the task the column's order says, when `has` it.
 */
export function numberColumnReferences(
  text: string,
  rowCells: readonly { start: number; cells: readonly [number, number][]; header: boolean; separator: boolean; first: boolean }[],
  scanned: readonly TaskReference[],
  has: (table: number, item: number) => boolean,
  /** Where to put the cells that give an item alone under a header that names no table (12 under 任务编号): bare numbers. */
  bare?: BareTaskNumber[],
): TaskReference[] {
  const out: TaskReference[] = [];
  let columns: NumberColumn[] = [];
  const endTable = () => {
    for (const c of columns) {
      // a column's neighbouring cells are its own (restoreLostZeros)
      restoreLostZeros(c.refs, has);
      out.push(...c.refs);
      if (bare && c.items.length && !rowNumbers(c.items)) bare.push(...c.items);
    }
    columns = [];
  };
  for (const row of rowCells) {
    if (row.first) endTable(); // a new table
    if (row.separator) continue;
    if (row.header) {
      endTable();
      row.cells.forEach(([a, b], index) => {
        const header = numberHeader(text.slice(row.start + a, row.start + b));
        if (header) columns.push({ index, table: header.table, refs: [], items: [] });
      });
      continue;
    }
    for (const column of columns) {
      if (column.index >= row.cells.length) continue;
      const [a, b] = row.cells[column.index];
      const raw = text.slice(row.start + a, row.start + b);
      const written = raw.trim();
      const cell = numberCell(written) ?? (column.table !== undefined ? itemCell(written, column.table) : undefined) ?? dateCell(written, has);
      const start = row.start + a + raw.indexOf(written);
      const end = start + written.length;
      // a cell the scanner read already (表1-12) is not read again
      const scannedAlready = () => scanned.some((r) => r.start < end && start < r.end);
      if (!cell) {
        // items listed or a range (3、5, 第17至18项): under 表3任务编号 a reference, under 任务编号 a bare list
        const spans = itemList(written, start);
        if (spans && column.table !== undefined) {
          if (!scannedAlready()) column.refs.push({ start, end, text: written, prefix: '', table: column.table, tableStart: start, tableEnd: start, spans, form: 'dash' });
          continue;
        }
        if (spans) {
          column.items.push({ start, end, text: written, item: spans[0].from, spans });
          continue;
        }
        // tasks listed as table and item each (3-12、3-13): one reference of each table's (1-12、3-13: two)
        const listed = numberList(written, start);
        if (listed) {
          if (!scannedAlready()) for (const run of listed) column.refs.push({ ...run, prefix: '', form: 'dash' });
          continue;
        }
        // 12 under 任务编号: the item alone, its table for the headings or the row's words to tell (as 第12项's)
        const item = column.table === undefined && PLAIN_ITEM.test(written) ? parseInteger(written) : undefined;
        if (item) column.items.push({ start, end, text: written, item });
        continue;
      }
      if (scannedAlready()) continue;
      const { table, item, asDate } = cell;
      column.refs.push({
        start, end, text: written, prefix: '', table, tableStart: start, tableEnd: start + cell.tableEnd,
        spans: [{ from: item, to: item, start: start + cell.itemStart, end }], form: 'dash', ...(asDate ? { asDate } : {}),
      });
    }
  }
  endTable();
  return out;
}

/** A column of task numbers of one table, as it is read. */
interface NumberColumn {
  index: number;
  /** The table its header names (表1任务编号): its cells may write the item alone (12, 第12项). */
  table?: number;
  refs: TaskReference[];
  /** Its cells that give an item alone, its header naming no table. */
  items: BareTaskNumber[];
}

/** A cell that is a number alone: 12, １２. */
const PLAIN_ITEM = /^[0-9０-９]{1,3}$/;

/** Whether a column's items are 1, 2, 3, … in order: the plan numbering its own rows or tasks, not the task list's. */
function rowNumbers(items: readonly BareTaskNumber[]): boolean {
  return items.every((b, k) => b.item === k + 1);
}

/** A cell read as a task: its table and item, and where in the cell they end and start (a date's are the whole cell). */
interface TaskCell {
  table: number;
  item: number;
  tableEnd: number;
  itemStart: number;
  asDate?: TaskReference['asDate'];
}

/**
 * Whether a header names a column of the task list's numbers (NUMBER_HEADER), also after the document it numbers
 * (对应《总体方案》任务编号, 总体方案任务序号) or a table of it (表1任务编号, 表1序号: its cells may then give the item alone);
 * the table, if named.
 */
function numberHeader(written: string): { table?: number } | undefined {
  let rest = written.replace(/\s|\*/g, '');
  const document = HEADER_DOCUMENT.exec(rest);
  if (document) rest = (document[1] ?? '') + rest.slice(document[0].length);
  const named = HEADER_TABLE.exec(rest);
  const table = named ? parseInteger(named[2]) : undefined;
  if (named) rest = (named[1] ?? '') + rest.slice(named[0].length);
  if (NUMBER_HEADER.test(rest)) return { table };
  // a document or a table named: its 序号, 编号 or 任务 are the task list's (总体方案序号, 表1序号)
  return (document || table !== undefined) && NAMED_NUMBER_HEADER.test(rest) ? { table } : undefined;
}

/** The document a header names before its numbers: 《总体方案》, 总体方案, 工作方案 (after 对应, kept). */
const HEADER_DOCUMENT = /^(对应)?(?:《[^》]{1,40}》|(?:总体|工作)方案)(?:的|中)?/;
/** A table a header names: 表1, 表一 (after 对应, kept). */
const HEADER_TABLE = /^(对应)?表([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})(?:的|中)?/;
/** What follows a named document or table in a header of its numbers. */
const NAMED_NUMBER_HEADER = /^(?:对应)?(?:试点)?(?:任务|序号|编号|项|任务项)$/;

/** A cell of a column whose header names the table that gives the item alone (12, 第12项). */
function itemCell(written: string, table: number): TaskCell | undefined {
  const m = ITEM_CELL.exec(written);
  const item = m ? parseInteger(m[1]) : undefined;
  return item ? { table, item, tableEnd: 0, itemStart: m![0].indexOf(m![1]) } : undefined;
}

const ITEM_CELL = /^第?([0-9０-９]{1,3})项?$/;

/**
 * A cell that lists items or gives a range of them, without their table (3、5, 3至5, 第3、5项, 第17至18项; not 3-5, which
 * is a table and its item): each element's span, at `start` in the text. Undefined for one item or anything else.
 */
function itemList(written: string, start: number): ItemSpan[] | undefined {
  if (!ITEM_LIST.test(written)) return undefined;
  const spans: ItemSpan[] = [];
  ITEM_ELEMENT.lastIndex = 0;
  for (let m = ITEM_ELEMENT.exec(written); m; m = ITEM_ELEMENT.exec(written)) {
    const from = parseInteger(m[1]);
    const to = m[2] === undefined ? from : parseInteger(m[2]);
    if (!from || !to || to < from) return undefined;
    spans.push({ from, to, start: start + m.index, end: start + m.index + m[0].length });
  }
  return spans.length > 1 || (spans.length === 1 && spans[0].from !== spans[0].to) ? spans : undefined;
}

/** Between the items of a cell's list (3、5; 1-12，1-13). */
const CELL_LIST_SEP = '[、，,]';
const ITEM_RANGE_SEP = `[ \\t]*${BARE_RANGE_SEP}[ \\t]*第?`;
const ITEM_LIST_SEP = `[ \\t]*${CELL_LIST_SEP}[ \\t]*第?`;
const ITEM_LIST = new RegExp(`^第?[0-9０-９]{1,3}项?(?:(?:${ITEM_RANGE_SEP}|${ITEM_LIST_SEP})[0-9０-９]{1,3}项?)+$`);
const ITEM_ELEMENT = new RegExp(`([0-9０-９]{1,3})(?:项?${ITEM_RANGE_SEP}([0-9０-９]{1,3}))?`, 'g');

/**
 * A cell that lists tasks, each as its table and item (3-12、3-13, 1.12，1.13, 1-12、3-13): one reference of each run of
 * one table's tasks, with its offsets, its table's and each item's span, at `start` in the text (the whole cell when it
 * lists one table's). Undefined for one task or anything else.
 */
function numberList(written: string, start: number): Pick<TaskReference, 'start' | 'end' | 'text' | 'table' | 'tableStart' | 'tableEnd' | 'spans'>[] | undefined {
  if (!NUMBER_LIST.test(written)) return undefined;
  const runs: { table: number; tableStart: number; tableEnd: number; spans: ItemSpan[] }[] = [];
  let at = 0;
  for (const part of written.split(NUMBER_LIST_SEP)) {
    const trimmed = part.trim();
    // where the part's number starts in the cell
    const at0 = written.indexOf(part, at) + part.indexOf(trimmed);
    at = at0 + trimmed.length;
    const cell = numberCell(trimmed);
    if (!cell) return undefined;
    const span = { from: cell.item, to: cell.item, start: start + at0 + cell.itemStart, end: start + at };
    const run = runs[runs.length - 1];
    if (run?.table === cell.table) run.spans.push(span);
    else runs.push({ table: cell.table, tableStart: start + at0, tableEnd: start + at0 + cell.tableEnd, spans: [span] });
  }
  if (runs.length === 1) return [{ start, end: start + written.length, text: written, ...runs[0] }];
  return runs.map((run) => {
    const end = run.spans[run.spans.length - 1].end;
    return { start: run.tableStart, end, text: written.slice(run.tableStart - start, end - start), ...run };
  });
}

const NUMBER_LIST_SEP = new RegExp(CELL_LIST_SEP);
const NUMBER_LIST = new RegExp(`^${TABLE_AND_ITEM}(?:[ \\t]*${CELL_LIST_SEP}[ \\t]*${TABLE_AND_ITEM})+$`);

/** A cell that writes a task as its table and item (1-12, 1.12). */
function numberCell(written: string): TaskCell | undefined {
  const m = NUMBER_CELL.exec(written);
  const table = m ? parseInteger(m[1]) : undefined;
  const item = m ? parseInteger(m[2]) : undefined;
  return m && table !== undefined && item !== undefined ? { table, item, tableEnd: m[1].length, itemStart: written.length - m[2].length } : undefined;
}

/** A date cell read as the task number it was typed as (month as the table, day as the item), when the source has that task. */
function dateCell(written: string, has: (table: number, item: number) => boolean): TaskCell | undefined {
  const zh = DATE_CELLS[0].exec(written);
  const iso = zh ? null : DATE_CELLS[1].exec(written);
  const en = zh || iso ? null : DATE_CELLS[2].exec(written);
  const [table, item] = zh ? [Number(zh[1]), Number(zh[2])] : iso ? [Number(iso[2]), Number(iso[3])] : en ? [MONTHS.indexOf(en[2].toLowerCase()) + 1, Number(en[1])] : [];
  if (!table || !item || !has(table, item)) return undefined;
  return { table, item, tableEnd: written.length, itemStart: 0, asDate: { typed: `${table}-${item}` } };
}

/** A number as a spreadsheet shows it when it is stored as a number: one digit after the point (1.1, never 1.10). */
const ONE_DECIMAL = /^([0-9]{1,2})\.([1-9])$/;

/** The share of a column's neighbouring cells (of one table) in ascending order for a lost zero to be restored in it. */
const ORDERED = 0.8;

/**
 * A General-format spreadsheet cell stores the 1.10 typed into it as the number 1.1 (and 1.20 as 1.2): the 分工表 then
 * lists 表1第1项 twice and 表1第10项 never. Such a cell is known by its column's order: `x.d` right after `x.(10d−1)`
 * (1.1 after 1.9) or right before `x.(10d+1)` (before 1.11), the cell above in the decade below `x.(10d)` (1.2–1.9)
 * and the cell below, if any, past it, where no cell of the column already reads `x.(10d)`, in a column whose cells
 * ascend (ORDERED, so read). It is read as `x.(10d)` when the source has that task, and marked so that the plan is
 * told (truncated-task-number). Any other 1.1 is 表1第1项: a column out of order (1.7, 1.1, 1.25, as a plan grouped by
 * domain may list its tasks) is not guessed at, nor a column's first cell.
 */
function restoreLostZeros(refs: TaskReference[], has: (table: number, item: number) => boolean): void {
  const items = refs.map((r) => r.spans[0].from);
  const neighbour = (i: number, j: number) => j >= 0 && j < refs.length && refs[j].table === refs[i].table;
  const restored: number[] = [];
  for (let i = 0; i < refs.length; i++) {
    const m = ONE_DECIMAL.exec(refs[i].text);
    if (!m || !neighbour(i, i - 1)) continue;
    const meant = Number(m[2]) * 10;
    const before = items[i - 1];
    const after = neighbour(i, i + 1) ? items[i + 1] : undefined;
    if (before <= Math.max(meant - 10, 1) || before >= meant || (after !== undefined && after <= meant)) continue;
    if (before !== meant - 1 && after !== meant + 1) continue;
    if (!has(refs[i].table, meant) || refs.some((r, j) => r.table === refs[i].table && items[j] === meant)) continue;
    items[i] = meant;
    restored.push(i);
  }
  for (const i of restored) {
    // the column's order, read with its zeros restored
    let pairs = 0;
    let ascending = 0;
    for (let j = 1; j < refs.length; j++) {
      if (!neighbour(j, j - 1)) continue;
      pairs++;
      if (items[j] > items[j - 1]) ascending++;
    }
    if (ascending < ORDERED * pairs) continue;
    const span = refs[i].spans[0];
    refs[i] = { ...refs[i], spans: [{ ...span, from: items[i], to: items[i] }], lostZero: { after: refs[i - 1].text } };
  }
}
