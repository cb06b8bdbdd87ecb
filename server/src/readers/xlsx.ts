// Extracts an Excel plan (.xlsx, through exceljs: a 任务分工表 kept as a workbook) as the Markdown a drafter would
// write, with each line's sheet and row (分工表!5), so that findings point at the row in Excel.
import { ASSIGNMENT_HEADERS, WORKBOOK_CREATOR } from '../report/assignmentTable';
import { UnreadableFileError } from './unreadable';

/** The plan's text and, for each 0-based line of it, the sheet and 1-based row it came from (`分工表!5`; '' for none). */
export interface ExtractedWorkbook {
  text: string;
  rowOfLine: string[];
  /** Written by Policy Lens (the 任务分工表 of `assignments --format xlsx`, whose creator it names). */
  generated: boolean;
}

/** The header of the findings column of the 分工表 `assignments --format xlsx` writes (检查结果). */
const RESULTS_HEADER: string = ASSIGNMENT_HEADERS[ASSIGNMENT_HEADERS.length - 1];

/** The cell values this reader needs to tell apart (exceljs's CellValue, loosely). */
type CellValue = unknown;

/**
 * How the workbook becomes Markdown: each sheet with anything in it under a `## <sheet name>` heading (a sheet named
 * for a domain governs its rows, as a heading does); its first row of two cells or more is a table's header, and the
 * rows under it are the table's rows; a row of one cell above it (a title) or merged across the sheet's width (一、金融服务
 * 领域 between rows) is a paragraph of its own. A cell's lines are joined with a blank (units on lines of their own stay a list),
 * `|` is escaped; a date is written as plans write one (2025年12月31日, or 2025年12月 when its format shows no day). A
 * cell merged down repeats its value in each row (the 领域 or 牵头单位 of several rows); one merged across is in its
 * first column only.
 */
export async function readXlsx(bytes: Uint8Array, name: string): Promise<ExtractedWorkbook> {
  const fail = () => new UnreadableFileError(`cannot read ${name}: not an Excel .xlsx workbook`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) throw fail();
  // loaded on first use, from the bundle the 分工表 workbook uses: most sessions read no workbook
  const { Workbook } = (require('../report/workbookLibrary') as typeof import('../report/workbookLibrary')).ExcelJS;
  const workbook = new Workbook();
  try {
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw fail();
  }
  const lines: string[] = [];
  const rowOfLine: string[] = [];
  const push = (line: string, place: string) => {
    lines.push(line);
    rowOfLine.push(place);
  };
  const blank = () => {
    if (lines.length && lines[lines.length - 1] !== '') push('', '');
  };
  for (const sheet of workbook.worksheets) {
    const rows: { number: number; cells: string[]; spanned: boolean }[] = [];
    // exceljs counts a sheet's rows and columns anew each time it is asked (over every row): asked once
    const rowCount = sheet.rowCount;
    const columnCount = sheet.columnCount;
    for (let r = 1; r <= rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      let across = 0;
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c);
        // a merged cell's value is its master's: kept down a column, not across a row
        const merged = cell.isMerged && cell.master.address !== cell.address && cell.master.row === cell.row;
        if (merged) across++;
        cells.push(merged ? '' : cellText(cell.value, cell.numFmt));
      }
      while (cells.length && !cells[cells.length - 1]) cells.pop();
      // one cell merged across the sheet's width: a title or a section's line (一、金融服务领域), not a row of a table
      if (cells.some(Boolean)) rows.push({ number: r, cells, spanned: across > 0 && across === columnCount - 1 });
    }
    if (!rows.length) continue;
    // the 检查结果 column of a 分工表 this tool exported holds its findings, not the plan's words: not read again
    const headerRow = rows.find((r) => r.cells.filter(Boolean).length > 1);
    const results = headerRow ? headerRow.cells.indexOf(RESULTS_HEADER) : -1;
    if (results >= 0) for (const r of rows) if (r.cells.length > results) r.cells.splice(results, 1);
    blank();
    push(`## ${sheet.name}`, '');
    // the table's header (its first row of two cells or more) and width; `open` while its rows follow one another
    let header: { cells: string[]; place: string } | undefined;
    let columns = 0;
    let open = false;
    for (const { number, cells, spanned } of rows) {
      const place = `${sheet.name}!${number}`;
      const filled = cells.filter(Boolean).length;
      // a single cell above the table (a title) or across the sheet's width (a section's line) is a paragraph
      if (filled <= 1 && (!header || spanned)) {
        blank();
        push(cells.find(Boolean)!, place);
        open = false;
        continue;
      }
      columns = Math.max(columns, cells.length, 2);
      if (!header) {
        header = { cells, place };
        continue;
      }
      if (!open) {
        // the table, or its next part after a section's line: under the header again, as Markdown needs one
        blank();
        push(tableRow(header.cells, columns), header.place);
        push(tableRow(Array(columns).fill('---'), columns), header.place);
        open = true;
      }
      push(tableRow(cells, columns), place);
    }
  }
  return { text: lines.join('\n') + (lines.length ? '\n' : ''), rowOfLine, generated: workbook.creator === WORKBOOK_CREATOR };
}

function tableRow(cells: string[], columns: number): string {
  const padded = Array.from({ length: columns }, (_, i) => cells[i] ?? '');
  return `| ${padded.join(' | ')} |`;
}

/** A cell's value as a plan writes it: one line, `|` escaped. */
function cellText(value: CellValue, numFmt: string | undefined): string {
  return plainText(value, numFmt).replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|').replace(/[ \t]+/g, ' ').trim();
}

function plainText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value, numFmt);
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value !== 'object') return String(value);
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (v.richText) return v.richText.map((t) => t.text).join('');
  if (v.result !== undefined) return plainText(v.result, numFmt); // a formula: its value
  if (v.text !== undefined) return plainText(v.text, numFmt); // a hyperlink: its text
  return ''; // an error value (#N/A) or anything else: nothing a plan says
}

/** A number as the cell shows it when its format fixes the decimals (1.10 under `0.00`, a task number 表1-10). */
function numberText(value: number, numFmt: string | undefined): string {
  const fixed = numFmt ? /^0\.(0{1,6})$/.exec(numFmt) : null;
  return fixed ? value.toFixed(fixed[1].length) : String(value);
}

/** 2025年12月31日, or 2025年12月 when the cell's format shows no day (Excel keeps dates in UTC). */
function dateText(date: Date, numFmt: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const showsDay = !numFmt || /d/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
  return showsDay ? `${y}年${m}月${date.getUTCDate()}日` : `${y}年${m}月`;
}
