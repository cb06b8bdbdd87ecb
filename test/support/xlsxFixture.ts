// An Excel 任务分工表 for the reader's tests, made with exceljs: a title merged across, a header, a section's line
// merged across between rows, a 领域 merged down, a date, rich text, a formula, a cell of two lines and a |.
import * as ExcelJS from 'exceljs';

export async function makeWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分工表');
  ws.addRow(['番禺区任务分工表']);
  ws.mergeCells('A1:F1');
  ws.addRow(['序号', '领域', '任务清单编号', '工作任务', '牵头单位', '完成时限']);
  ws.addRow(['一、商务服务领域']);
  ws.mergeCells('A3:F3');
  ws.addRow([1, '商务服务', '1-12', '允许外商投资社会调查，中方股比不低于51%', '区商务局', new Date(Date.UTC(2025, 11, 31))]);
  ws.getCell('F4').numFmt = 'yyyy"年"m"月"d"日"';
  ws.addRow([2, '', '1-13', { richText: [{ text: '支持外商投资旅行社' }, { text: '从事出境旅游业务' }] }, '区文广旅体局\n区商务局', new Date(Date.UTC(2025, 5, 1))]);
  ws.getCell('F5').numFmt = 'yyyy"年"m"月"';
  ws.mergeCells('B4:B5');
  ws.addRow([{ formula: '2+1', result: 3 }, '商务服务', '1-14', '开展保税展示交易|试点', '', '2025年底']);
  wb.addWorksheet('空白');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The Markdown makeWorkbook's workbook reads as, and the sheet and row of each line. */
export const WORKBOOK_MARKDOWN = [
  '## 分工表',
  '',
  '番禺区任务分工表',
  '',
  '一、商务服务领域',
  '',
  '| 序号 | 领域 | 任务清单编号 | 工作任务 | 牵头单位 | 完成时限 |',
  '| --- | --- | --- | --- | --- | --- |',
  '| 1 | 商务服务 | 1-12 | 允许外商投资社会调查，中方股比不低于51% | 区商务局 | 2025年12月31日 |',
  '| 2 | 商务服务 | 1-13 | 支持外商投资旅行社从事出境旅游业务 | 区文广旅体局 区商务局 | 2025年6月 |',
  '| 3 | 商务服务 | 1-14 | 开展保税展示交易\\|试点 |  | 2025年底 |',
  '',
].join('\n');
export const WORKBOOK_ROWS = ['', '', '分工表!1', '', '分工表!3', '', '分工表!2', '分工表!2', '分工表!4', '分工表!5', '分工表!6'];
