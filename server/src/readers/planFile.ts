// Reads a plan from disk or from bytes, whatever people saved it as: Markdown or text in any supported encoding, Word,
// Excel, PDF, OFD or a web page.
import * as fs from 'fs';
import * as path from 'path';
import { decodePlanBytes, PlanEncoding } from './encoding';
import { hasTrackedChanges, readDocx } from './docx';
import { readDoc } from './doc';
import { readXlsx } from './xlsx';
import { readXls } from './xls';
import { readPdf } from './pdf';
import { readOfd } from './ofd';
import { readHtml } from './html';
import { UnreadableFileError } from './unreadable';

export interface PlanSource {
  name: string;
  text: string;
  format: 'markdown' | 'text' | 'docx' | 'doc' | 'xlsx' | 'xls' | 'pdf' | 'ofd' | 'html';
  /** The encoding a text file was read in. */
  encoding?: PlanEncoding;
  /** Word files (.docx, .doc, .wps) and web pages (.html, .htm): the 1-based paragraph of each 0-based line of `text` (see readDocx). */
  paragraphOfLine?: number[];
  /**
   * Excel files (.xlsx, .xls, .et): the sheet and 1-based row (`分工表!5`) of each 0-based line of `text` ('' for none; see
   * readXlsx); a PDF or an OFD: the page (`p3`).
   */
  rowOfLine?: string[];
  /**
   * A 任务分工表 Policy Lens wrote (`assignments --format xlsx`): its rows are a plan's, not a plan of its own; or the
   * reviewer's page it wrote (`report`), whose matrix restates every task.
   */
  generated?: boolean;
  /**
   * A Word .docx with tracked changes (修订): its text is Word's Final view, every change accepted. Looked for only when
   * asked (ReadOptions.revisions): it unzips the body once more, which the editor's workspace scans need not.
   */
  revisions?: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const RTF_MAGIC = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf
/** Word 97–2003 (.doc), Excel 97–2003 (.xls) and WPS Office's own files are OLE compound documents. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/**
 * WPS Office's own formats build on Office 97–2003's (as LibreOffice reads them: its Word 97 filter takes `.wps`, its
 * Excel 97 filter `.et`): a WPS Writer `.wps` is read as a `.doc`, a WPS Spreadsheets `.et` as an `.xls`. What WPS adds
 * beyond those formats is not read. (A Microsoft Works `.wps` is another format: it is refused as unreadable.)
 */
const WORKBOOK_97 = new Set(['.xls', '.et']);
const DOCUMENT_97 = new Set(['.doc', '.wps']);
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** A file no reader reads, said as what to do about it (an RTF or a presentation read as text would be noise). */
function refuseUnsupported(name: string, bytes: Uint8Array): void {
  if (startsWith(bytes, RTF_MAGIC)) {
    // Word and WPS save RTF under a .doc name too
    throw new UnreadableFileError(`cannot read ${name}: an RTF document is not read; save the plan as Word (.docx or .doc), Markdown or text`);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    // Office keeps a password-protected .docx or .xlsx in the same container as the old formats
    if (/\.(?:docx|xlsx)$/i.test(name)) throw new UnreadableFileError(`cannot read ${name}: a password-protected document is not read; save a copy without the password`);
    if (/\.(?:dps|ppt|pps)$/i.test(name)) throw new UnreadableFileError(`cannot read ${name}: a presentation is not read; save the plan as Word (.docx), Excel (.xlsx), Markdown or text`);
  }
}

function formatOf(name: string, bytes: Uint8Array): PlanSource['format'] {
  const ext = path.extname(name).toLowerCase();
  if (startsWith(bytes, PDF_MAGIC)) return 'pdf';
  // an OFD (GB/T 33190) is a ZIP archive of its own kind: by its name
  if (ext === '.ofd') return 'ofd';
  // a Word 97–2003 document, whatever its name (standard input, a .doc saved under another) but an Excel .xls or WPS .et;
  // a .docx renamed .doc (or saved as .wps) is one
  if (startsWith(bytes, OLE_MAGIC)) return WORKBOOK_97.has(ext) ? 'xls' : 'doc';
  if (WORKBOOK_97.has(ext) && startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (ext === '.docx' || (DOCUMENT_97.has(ext) && startsWith(bytes, ZIP_MAGIC))) return 'docx';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  // a web page (a plan as a government site publishes it, saved from the browser)
  if (ext === '.html' || ext === '.htm') return 'html';
  // a name without a known extension (standard input): a ZIP archive is an OFD when it holds OFD.xml (a ZIP's names
  // are stored as they are), else a Word plan
  if (ext !== '.txt' && ZIP_MAGIC.every((b, i) => bytes[i] === b)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('OFD.xml') ? 'ofd' : 'docx';
  return ext === '.txt' ? 'text' : 'markdown';
}

export interface ReadOptions {
  /** Say whether a Word .docx has tracked changes (PlanSource.revisions): for the reader told which text was checked. */
  revisions?: boolean;
}

/** A plan from its bytes; `name` (a path or `standard input`) chooses the reader and names the file in errors. */
export async function readPlanBytes(bytes: Uint8Array, name: string, options: ReadOptions = {}): Promise<PlanSource> {
  refuseUnsupported(name, bytes);
  const format = formatOf(name, bytes);
  if (format === 'html') {
    const { text, paragraphOfLine, generated } = await readHtml(bytes, name);
    return { name, text, format, paragraphOfLine, ...(generated ? { generated } : {}) };
  }
  if (format === 'docx' || format === 'doc') {
    const { text, paragraphOfLine } = await (format === 'doc' ? readDoc : readDocx)(bytes, name);
    return { name, text, format, paragraphOfLine, ...(format === 'docx' && options.revisions && (await hasTrackedChanges(bytes)) ? { revisions: true } : {}) };
  }
  if (format === 'pdf' || format === 'ofd') {
    const { text, rowOfLine } = await (format === 'pdf' ? readPdf : readOfd)(bytes, name);
    return { name, text, format, rowOfLine };
  }
  if (format === 'xlsx' || format === 'xls') {
    const { text, rowOfLine, generated } = await (format === 'xls' ? readXls : readXlsx)(bytes, name);
    return { name, text, format, rowOfLine, ...(generated ? { generated } : {}) };
  }
  const { text, encoding } = decodePlanBytes(bytes, name);
  return { name, text, format, encoding };
}

/** A plan file from disk; a file that is missing or cannot be read throws UnreadableFileError. */
export async function readPlanFile(file: string, options: ReadOptions = {}): Promise<PlanSource> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (e) {
    throw new UnreadableFileError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return readPlanBytes(bytes, file, options);
}

/** A Markdown or text plan from disk, synchronously (not for Word files, whose reader is asynchronous). */
export function readPlanTextFileSync(file: string): PlanSource {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new UnreadableFileError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  refuseUnsupported(file, bytes);
  const format = formatOf(file, bytes);
  if (format !== 'markdown' && format !== 'text') throw new UnreadableFileError(`cannot read ${file}: a Word or Excel document is read asynchronously (readPlanFile)`);
  const { text, encoding } = decodePlanBytes(bytes, file);
  return { name: file, text, format, encoding };
}
