// Extracts a Word 97–2003 plan (.doc, or WPS Writer's .wps, which builds on it; through word-extractor) as the Markdown
// readDocx writes for a .docx: a paragraph a line with a blank line between them, a table as a Markdown table whose
// first row is the header.
import { ExtractedPlan } from './docx';
import type { BodyRow } from './docExtractor';
import { runLegacyReader } from './legacyOffice';
import { UnreadableFileError } from './unreadable';

/** How many lines one table row may span (a cell's paragraphs): a line with tabs that ends no row by then is prose. */
const ROW_LINES = 20;

/**
 * The plan's text and each line's 1-based Word paragraph (¶N, as readDocx counts them: paragraphs with text, a table
 * row as one, the separator line with its header row), 0 for a blank line.
 *
 * word-extractor gives the body as text: a paragraph a line, a table cell ended by a tab and its row by a line break
 * after the last cell's tab, a cell's own paragraphs on lines of their own inside the row. A row is read up to the line
 * that ends with its tab; its cells' paragraphs are joined with a space (as a .docx cell's are).
 */
export async function readDoc(bytes: Uint8Array, name: string): Promise<ExtractedPlan> {
  let read: { body: string; rows?: BodyRow[] };
  try {
    read = JSON.parse(String(await runLegacyReader('doc-body', bytes)));
  } catch {
    // the same container holds Excel 97–2003 workbooks (read when named .xls) and other formats (Microsoft Works .wps)
    throw new UnreadableFileError(`cannot read ${name}: not a ${/\.wps$/i.test(name) ? 'WPS Writer or ' : ''}Word 97–2003 document; save it as .docx`);
  }
  return markdownOfDocBody(read.body, read.rows);
}

/**
 * The Markdown of word-extractor's body text (see readDoc). With the rows of the document's tables (docBody's, in the
 * order of the text), a cell merged down is repeated in each of its rows, as the .docx reader does; only when the rows
 * the text holds are those rows, row for row (as many, each with as many cells, each merged one empty), else as the
 * text has it.
 */
export function markdownOfDocBody(body: string, rows?: readonly BodyRow[]): ExtractedPlan {
  const source = body.replace(/\r\n?/g, '\n').split('\n');
  // the paragraphs and tables, in order
  const blocks: (string | string[][])[] = [];
  let table: string[][] | undefined;
  for (let i = 0; i < source.length; i++) {
    const line = source[i];
    if (line.includes('\t')) {
      // a table row: up to the line that ends with the last cell's tab
      let end = i;
      while (end < source.length && end - i < ROW_LINES && !source[end].endsWith('\t')) end++;
      if (end < source.length && source[end].endsWith('\t')) {
        const text = source.slice(i, end + 1).join('\n');
        if (!table) blocks.push((table = []));
        table.push(text.slice(0, -1).split('\t').map((c) => c.split('\n').map((p) => p.trim()).filter(Boolean).join(' ')));
        i = end;
        continue;
      }
    }
    table = undefined;
    const text = line.replace(/\t/g, ' ').trim();
    if (text) blocks.push(text);
  }
  const tables = blocks.filter((b): b is string[][] => typeof b !== 'string');
  if (rows) fillMergedCells(tables, rows);
  const lines: string[] = [];
  const paragraphOfLine: number[] = [];
  let paragraph = 0;
  const push = (text: string, p: number) => {
    lines.push(text);
    paragraphOfLine.push(p);
  };
  for (const block of blocks) {
    if (lines.length) push('', 0);
    if (typeof block === 'string') {
      push(block, ++paragraph);
      continue;
    }
    const width = Math.max(...block.map((r) => r.length));
    const row = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
    block.forEach((cells, k) => {
      paragraph++;
      push(row(cells), paragraph);
      if (k === 0) push(`|${' --- |'.repeat(width)}`, paragraph);
    });
  }
  return { text: lines.length ? lines.join('\n') + '\n' : '', paragraphOfLine: lines.length ? [...paragraphOfLine, 0] : [0] };
}

/**
 * Each cell the document's rows say is merged down gets the text of the cell above it, when the text's rows are those
 * rows: as many in all, each with the row's cells, every merged one empty and under a row of as many cells.
 */
function fillMergedCells(tables: readonly string[][][], rows: readonly BodyRow[]): void {
  const textRows = tables.flatMap((t) => t.map((cells, k) => ({ cells, above: k ? t[k - 1] : undefined })));
  if (textRows.length !== rows.length) return;
  const fits = textRows.every(({ cells, above }, k) => {
    const row = rows[k];
    return !row.continued.length || (cells.length === row.cells && above?.length === row.cells && row.continued.every((c) => !cells[c]));
  });
  if (!fits) return;
  // in order: a cell merged over three rows takes the first's text through the second
  textRows.forEach(({ cells, above }, k) => {
    for (const c of rows[k].continued) cells[c] = above![c];
  });
}
