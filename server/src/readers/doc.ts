// Extracts a Word 97–2003 plan (.doc, or WPS Writer's .wps, which builds on it; through word-extractor) as the Markdown
// readDocx writes for a .docx: a paragraph a line with a blank line between them, a table as a Markdown table whose
// first row is the header.
import { ExtractedPlan } from './docx';
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
  let body: string;
  try {
    body = String(await runLegacyReader('doc-body', bytes));
  } catch {
    // the same container holds Excel 97–2003 workbooks (read when named .xls) and other formats (Microsoft Works .wps)
    throw new UnreadableFileError(`cannot read ${name}: not a ${/\.wps$/i.test(name) ? 'WPS Writer or ' : ''}Word 97–2003 document; save it as .docx`);
  }
  return markdownOfDocBody(body);
}

/** The Markdown of word-extractor's body text (see readDoc). */
export function markdownOfDocBody(body: string): ExtractedPlan {
  const source = body.replace(/\r\n?/g, '\n').split('\n');
  const lines: string[] = [];
  const paragraphOfLine: number[] = [];
  let paragraph = 0;
  let table: string[][] = [];
  const push = (text: string, p: number) => {
    lines.push(text);
    paragraphOfLine.push(p);
  };
  const blank = () => {
    if (lines.length) push('', 0);
  };
  const flushTable = () => {
    if (!table.length) return;
    blank();
    const width = Math.max(...table.map((r) => r.length));
    const row = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
    table.forEach((cells, k) => {
      paragraph++;
      push(row(cells), paragraph);
      if (k === 0) push(`|${' --- |'.repeat(width)}`, paragraph);
    });
    table = [];
  };
  for (let i = 0; i < source.length; i++) {
    const line = source[i];
    if (line.includes('\t')) {
      // a table row: up to the line that ends with the last cell's tab
      let end = i;
      while (end < source.length && end - i < ROW_LINES && !source[end].endsWith('\t')) end++;
      if (end < source.length && source[end].endsWith('\t')) {
        const text = source.slice(i, end + 1).join('\n');
        table.push(text.slice(0, -1).split('\t').map((c) => c.split('\n').map((p) => p.trim()).filter(Boolean).join(' ')));
        i = end;
        continue;
      }
    }
    flushTable();
    const text = line.replace(/\t/g, ' ').trim();
    if (!text) continue;
    blank();
    paragraph++;
    push(text, paragraph);
  }
  flushTable();
  return { text: lines.length ? lines.join('\n') + '\n' : '', paragraphOfLine: lines.length ? [...paragraphOfLine, 0] : [0] };
}
