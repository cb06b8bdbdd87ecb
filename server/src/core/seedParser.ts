// Turns a policy document's text into a PolicyIndex: the reader of its layout, then the format-free indexer.
import { ParseOptions, indexSource } from './sourceIndexer';
import { readPlainText, readSourceText } from './sourceReaders';
import { PolicyIndex } from './types';

export { INDEX_VERSION, ParseOptions, SeedParseError } from './sourceIndexer';

/** Text as extracted from a PDF (tab-separated table rows), or any plain-text layout of cells. */
export function parseSeed(text: string, options: ParseOptions): PolicyIndex {
  return indexSource(readPlainText(text), options);
}

/** A source's text read by the layout its file name implies (`.md`, and `.docx` once turned into Markdown). */
export function parseSourceText(text: string, name: string, options: ParseOptions): PolicyIndex {
  return indexSource(readSourceText(text, name), options);
}
