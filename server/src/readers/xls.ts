// Reads an Excel 97–2003 workbook (.xls, a 任务分工表 kept in the old format, or WPS Spreadsheets' .et, which builds on it): SheetJS reads it and writes it again as
// .xlsx in memory (its merged cells, number formats and dates kept; in a worker, legacyOffice.ts), which readXlsx then
// reads as any .xlsx.
import { runLegacyReader } from './legacyOffice';
import { ExtractedWorkbook, readXlsx } from './xlsx';
import { UnreadableFileError } from './unreadable';

export async function readXls(bytes: Uint8Array, name: string): Promise<ExtractedWorkbook> {
  const fail = () => new UnreadableFileError(`cannot read ${name}: not ${/\.et$/i.test(name) ? 'a WPS Spreadsheets or an' : 'an'} Excel 97–2003 workbook`);
  let converted: Uint8Array;
  try {
    converted = (await runLegacyReader('xls-to-xlsx', bytes)) as Uint8Array;
  } catch {
    throw fail();
  }
  // what SheetJS made of a damaged file may not load either: it is the .xls that cannot be read
  return readXlsx(converted, name).catch(() => Promise.reject(fail()));
}
