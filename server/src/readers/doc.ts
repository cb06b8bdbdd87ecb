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
 * order of the text), each table is laid out on its columns as the .docx reader does: a cell merged across is in its
 * first column, the rest of its span empty, and a cell merged down is repeated in each of its rows; only when the rows
 * the text holds are those rows (as many in all; a table whose rows do not have the cells the text gives them is left as
 * the text has it).
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
  if (rows && blocks.reduce((n, b) => n + (typeof b === 'string' ? 0 : b.length), 0) === rows.length) {
    let k = 0;
    blocks.forEach((b, i) => {
      if (typeof b === 'string') return;
      blocks[i] = laidOut(b, rows.slice(k, (k += b.length)));
    });
  }
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

/** Boundaries of cells this close (in twips, a twentieth of a point) are one column's: rows drawn by hand differ by a few. */
const SAME_BOUND = 30;

/**
 * A table's text rows laid out on the columns its rows' cells bound (`rows`: the document's, one for each): each cell in
 * the column it starts at, a cell merged down given the text of the cell above it. As the text has it when a row's
 * cells are not the text's (their count, bounds in order, a merged cell empty).
 */
function laidOut(table: readonly string[][], rows: readonly BodyRow[]): string[][] {
  const fits = rows.every((r, k) => r.cells === table[k].length && r.bounds.length === r.cells + 1 && r.bounds.every((b, c) => !c || b > r.bounds[c - 1]) && r.continued.every((c) => !table[k][c]));
  if (!fits) return table as string[][];
  const sorted = [...new Set(rows.flatMap((r) => r.bounds))].sort((a, b) => a - b);
  // the columns: bounds within SAME_BOUND of the one before are the same column's
  const columnOf = new Map<number, number>();
  let column = -1;
  sorted.forEach((b, i) => columnOf.set(b, i && b - sorted[i - 1] < SAME_BOUND ? column : ++column));
  const out: string[][] = [];
  rows.forEach((r, k) => {
    const cells = new Array<string>(Math.max(column, 1)).fill('');
    for (let c = 0; c < r.cells; c++) {
      const at = Math.min(columnOf.get(r.bounds[c])!, cells.length - 1);
      cells[at] = r.continued.includes(c) && k ? out[k - 1][at] : table[k][c];
    }
    out.push(cells);
  });
  return out;
}
