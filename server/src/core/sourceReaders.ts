// Reads a source document's text layout into lines, each with the table cells it carries, so that the indexer
// needs to know nothing of the format: tab-separated text as extracted from PDF, `|`-separated or space-aligned
// cells, and Markdown (pipe tables; what Word documents are turned into).
import { PAGE_NUMBER } from './hardWraps';

/** One line of a source: its text (Markdown marks removed) and, where it reads as a table row, its cells. */
export interface SourceLine {
  text: string;
  cells?: string[];
}

export interface SourceLayout {
  /** Every line of the source, by its zero-based number, blank ones included. */
  lines: SourceLine[];
  /**
   * Table rows are marked as such (Markdown): a line without cells inside a table ends it. In text from a PDF a
   * line without cells inside a table is the rest of a cell broken over a page.
   */
  explicitRows: boolean;
}

export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Text as extracted from a PDF or typed: cells separated by tabs, by `|`, or by two or more spaces. */
export function readPlainText(text: string): SourceLayout {
  // a page's number on a line of its own (— 7 —, 第7页) is no text of the source: read as a blank line, which keeps
  // the lines' numbers (a task broken over the page is joined across it as across any page break)
  const lines = splitLines(text).map((line) => (PAGE_NUMBER.test(line) ? { text: '' } : { text: line, cells: plainCells(line) }));
  return { lines, explicitRows: false };
}

/** Markdown: pipe tables (their `|---|` rule dropped), headings and escapes undone. */
export function readMarkdown(text: string): SourceLayout {
  const lines: SourceLine[] = [];
  for (const raw of splitLines(text)) {
    if (isPipeRule(raw)) {
      lines.push({ text: '' });
      continue;
    }
    if (/^\s*\|/.test(raw)) {
      lines.push({ text: raw, cells: pipeCells(raw).map(markdownInline) });
      continue;
    }
    const body = markdownInline(raw.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, ''));
    lines.push({ text: body });
  }
  return { lines, explicitRows: true };
}

/** Chooses the reader by the file's name: `.md`/`.markdown` (and Word, turned into Markdown) or plain text. */
export function readSourceText(text: string, name: string): SourceLayout {
  return /\.(md|markdown|docx|doc|wps)$/i.test(name) ? readMarkdown(text) : readTextSource(text);
}

/**
 * A text file's source: Markdown when it holds a pipe table's `| --- |` rule (Markdown saved as `.txt`, which a plain
 * reading takes the rule for a row of its own), else plain text.
 */
export function readTextSource(text: string): SourceLayout {
  return splitLines(text).some(isPipeRule) ? readMarkdown(text) : readPlainText(text);
}

function plainCells(line: string): string[] | undefined {
  if (line.includes('\t')) return line.split('\t');
  if (isPipeRule(line)) return undefined;
  if (/\S\s*\|\s*\S/.test(line) || /^\s*\|.*\|\s*$/.test(line)) return pipeCells(line);
  const trimmed = line.trim();
  // two or more spaces (or an ideographic space) between cells, as a layout-preserving extraction writes them
  const parts = trimmed.split(/ {2,}|\u3000+/);
  return parts.length >= 2 ? parts : undefined;
}

function isPipeRule(line: string): boolean {
  return line.includes('|') && /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line);
}

/** Cells of `| a | b |` or `a | b`; `\|` is a `|` inside a cell. */
function pipeCells(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}

/** Bold, line breaks inside a cell (`<br>`) and backslash escapes, as converters write them. */
function markdownInline(s: string): string {
  return s.replace(/\*\*|__/g, '').replace(/<br\s*\/?>/gi, '').replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}
