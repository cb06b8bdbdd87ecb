// The 任务分工表 as an Excel workbook (exceljs): one sheet per plan, a bold filled header row that stays in view,
// column widths for Chinese text, wrapped cells.
import { ASSIGNMENT_HEADERS, AssignmentTable, assignmentCells, WORKBOOK_CREATOR } from './assignmentTable';

/** Column widths in Excel's character units (a Chinese character is about two). */
export const ASSIGNMENT_WIDTHS = [6, 60, 22, 18, 24, 16, 48];

const HEADER_FILL = 'FFDDEBF7';
const RESULT_COLOURS: [string, string][] = [['error', 'FFC00000'], ['warning', 'FF9C5700'], ['information', 'FF1F4E79'], ['hint', 'FF1F4E79']];
const PASSED_COLOUR = 'FF2E7D32';

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = (title.replace(/[:\\/?*[\]]/g, ' ').trim() || '任务分工表').slice(0, 28);
  let name = base.slice(0, 31);
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}(${n})`;
  taken.add(name.toLowerCase());
  return name;
}

export async function assignmentsWorkbook(tables: AssignmentTable[]): Promise<Buffer> {
  // loaded on first use, from a bundle of its own: nothing else needs it
  const { Workbook } = (require('./workbookLibrary') as typeof import('./workbookLibrary')).ExcelJS;
  const workbook = new Workbook();
  workbook.creator = WORKBOOK_CREATOR;
  const taken = new Set<string>();
  for (const table of tables.length ? tables : [{ file: '', title: '任务分工表', rows: [] }]) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    sheet.columns = ASSIGNMENT_HEADERS.map((header, i) => ({ header, width: ASSIGNMENT_WIDTHS[i] }));
    for (const row of table.rows) {
      const cells: (string | number)[] = assignmentCells(row);
      cells[0] = row.number;
      const added = sheet.addRow(cells);
      // 检查结果 in the colour of its worst finding, so a printed table shows what needs work
      const worst = RESULT_COLOURS.find(([severity]) => row.findings.some((f) => f.severity === severity));
      added.getCell(ASSIGNMENT_HEADERS.length).font = { color: { argb: worst ? worst[1] : PASSED_COLOUR } };
    }
    sheet.eachRow((row, n) => {
      row.alignment = { wrapText: true, vertical: 'top', horizontal: n === 1 ? 'center' : undefined };
      if (n === 1) {
        row.font = { bold: true };
        row.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } }));
      }
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ASSIGNMENT_HEADERS.length } };
    // printed for the approving office: landscape, as wide as the page, the header on every page
    sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
