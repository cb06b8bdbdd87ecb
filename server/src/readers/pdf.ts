// Reads a PDF plan (a 征求意见稿 or a stamped copy circulated as PDF, saved from Word or WPS) through PDF.js in the
// bounded worker of the Office 97–2003 readers, and lays its placed text out again as Markdown (pdfLayout.ts).
import { runLegacyReader } from './legacyOffice';
import { garbledText, markdownOfPdfPages, PdfPage, PdfText } from './pdfLayout';
import { UnreadableFileError } from './unreadable';

/** The plan's Markdown and each line's page (`p3`); a PDF that cannot be read, or holds no text (a scan), throws UnreadableFileError. */
export async function readPdf(bytes: Uint8Array, name: string): Promise<PdfText> {
  const read = markdownOfPdfPages(await readPdfPages(bytes, name));
  if (!read.text.trim()) {
    throw new UnreadableFileError(`cannot read ${name}: the PDF holds no text (a scanned copy); save the plan as Word (.docx), Markdown or text, or run text recognition (OCR) on it first`);
  }
  if (garbledText(read.text)) {
    throw new UnreadableFileError(`cannot read ${name}: the PDF's text cannot be extracted (its fonts do not say which characters they draw); save the plan as Word (.docx), Markdown or text`);
  }
  return read;
}

/** The PDF's pages as PDF.js places their text (the reader's input; a review's copy finds its notes' text in them). */
export async function readPdfPages(bytes: Uint8Array, name: string): Promise<PdfPage[]> {
  try {
    return JSON.parse(String(await runLegacyReader('pdf-pages', bytes))) as PdfPage[];
  } catch (e) {
    const reason = (e as Error).message ?? '';
    if (/password/i.test(reason)) throw new UnreadableFileError(`cannot read ${name}: a password-protected PDF is not read; save a copy without the password`);
    throw new UnreadableFileError(`cannot read ${name}: not a PDF document that can be read (${reason}); save the plan as Word (.docx), Markdown or text`);
  }
}
