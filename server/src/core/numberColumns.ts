// A 分工表 column of task numbers (任务清单编号, 清单序号, 对应任务编号) whose cells write a task as its table and item
// (1-12, 1.12): each such cell cites its task, as 表1-12 would. A plain 序号 column numbers the rows and is not one.
import { parseInteger } from './text';
import { TaskReference } from './references';

/** A header that names the task list's numbers: 任务编号, 清单编号, 任务清单序号, 对应试点任务编号 (not 序号 alone). */
const NUMBER_HEADER = /^(?:对应)?(?:试点)?(?:任务清单|任务|清单)(?:中的)?(?:编号|序号)$/;
/** A cell that is a task written as table and item: 1-12, 1.12, １－１２ (blanks around it allowed). */
const NUMBER_CELL = /^([0-9０-９]{1,2})[ \t]*[-－.．—–][ \t]*([0-9０-９]{1,3})$/;

/**
 * The references written in a task-number column of the tables of `text` (offsets into it): for each table row of
 * `rowCells` (a row's start, its cells' spans relative to it, and whether it is its table's header or separator row),
 * in order. A cell the scanner already reads (表1-12) is not read again.
 */
export function numberColumnReferences(
  text: string,
  rowCells: readonly { start: number; cells: readonly [number, number][]; header: boolean; separator: boolean; first: boolean }[],
  scanned: readonly TaskReference[],
): TaskReference[] {
  const out: TaskReference[] = [];
  let column = -1;
  for (const row of rowCells) {
    if (row.first) column = -1; // a new table
    if (row.separator) continue;
    if (row.header) {
      column = row.cells.findIndex(([a, b]) => NUMBER_HEADER.test(text.slice(row.start + a, row.start + b).replace(/\s|\*/g, '')));
      continue;
    }
    if (column < 0 || column >= row.cells.length) continue;
    const [a, b] = row.cells[column];
    const raw = text.slice(row.start + a, row.start + b);
    const written = raw.trim();
    const m = NUMBER_CELL.exec(written);
    if (!m) continue;
    const start = row.start + a + raw.indexOf(written);
    const end = start + written.length;
    if (scanned.some((r) => r.start < end && start < r.end)) continue;
    const table = parseInteger(m[1]);
    const item = parseInteger(m[2]);
    if (table === undefined || item === undefined) continue;
    const itemStart = end - m[2].length;
    out.push({
      start, end, text: written, prefix: '', table, tableStart: start, tableEnd: start + m[1].length,
      spans: [{ from: item, to: item, start: itemStart, end }], form: 'dash',
    });
  }
  return out;
}
