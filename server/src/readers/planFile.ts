// Reads a plan from disk or from bytes, whatever people saved it as: Markdown or text in any supported encoding, or Word.
import * as fs from 'fs';
import * as path from 'path';
import { decodePlanBytes } from './encoding';
import { readDocx } from './docx';
import { UnreadableFileError } from './unreadable';

export interface PlanSource {
  name: string;
  text: string;
  format: 'markdown' | 'text' | 'docx';
  /** The encoding a text file was read in. */
  encoding?: string;
  /** Word files: the 1-based Word paragraph of each 0-based line of `text` (see readDocx). */
  paragraphOfLine?: number[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function formatOf(name: string, bytes: Uint8Array): PlanSource['format'] {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.docx') return 'docx';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  // a name without a known extension (standard input): a ZIP archive can only be a Word plan
  if (ext !== '.txt' && ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'docx';
  return ext === '.txt' ? 'text' : 'markdown';
}

/** A plan from its bytes; `name` (a path or `standard input`) chooses the reader and names the file in errors. */
export async function readPlanBytes(bytes: Uint8Array, name: string): Promise<PlanSource> {
  const format = formatOf(name, bytes);
  if (format === 'docx') {
    const { text, paragraphOfLine } = await readDocx(bytes, name);
    return { name, text, format, paragraphOfLine };
  }
  const { text, encoding } = decodePlanBytes(bytes, name);
  return { name, text, format, encoding };
}

/** A plan file from disk; a file that is missing or cannot be read throws UnreadableFileError. */
export async function readPlanFile(file: string): Promise<PlanSource> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (e) {
    throw new UnreadableFileError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return readPlanBytes(bytes, file);
}

/** A Markdown or text plan from disk, synchronously (not for Word files, whose reader is asynchronous). */
export function readPlanTextFileSync(file: string): PlanSource {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new UnreadableFileError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const format = formatOf(file, bytes);
  if (format === 'docx') throw new UnreadableFileError(`cannot read ${file}: a Word document is read asynchronously (readPlanFile)`);
  const { text, encoding } = decodePlanBytes(bytes, file);
  return { name: file, text, format, encoding };
}
