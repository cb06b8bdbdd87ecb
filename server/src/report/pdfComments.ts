// A review written into a copy of a PDF plan, as a reviewer marks one up in Acrobat, WPS or a browser: each finding a
// highlight on its text with the comment in its note (a Highlight annotation and its Popup), or a note at the page's
// top when its text is not found. Where the text is comes from the same placed runs the PDF reader lays out
// (pdfLayout.ts); the file is written again by pdf-lib with the annotations added to its pages.
import { Finding } from '../core/findings';
import { Locale } from '../core/messages';
import { LineIndex } from '../core/text';
import type { PdfPage } from '../readers/pdfLayout';
import { commentLines, occurrences, plain } from './commentText';

/** A note on a page: its text (plain()) and which of that text's occurrences on the page it is. */
export interface PdfNote {
  /** 1-based. */
  page: number;
  text: string;
  occurrence: number;
  comment: string[];
}

/** The page of a line of the extracted text (`p3`), else of the next line that has one. */
function pageAt(rowOfLine: readonly string[], line: number): number {
  for (let l = line; l < rowOfLine.length; l++) if (/^p\d+$/.test(rowOfLine[l])) return Number(rowOfLine[l].slice(1));
  for (let l = line; l >= 0; l--) if (/^p\d+$/.test(rowOfLine[l])) return Number(rowOfLine[l].slice(1));
  return 1;
}

/** The findings of an extracted PDF (readPdf: each line's page, `p3`) as notes on their pages. */
export function pdfNotesOf(text: string, rowOfLine: readonly string[], findings: readonly Finding[], locale: Locale): PdfNote[] {
  const lines = new LineIndex(text);
  return findings.map((f) => {
    const line = lines.positionAt(f.start).line;
    const page = pageAt(rowOfLine, line);
    const needle = plain(text.slice(f.start, f.end));
    // its occurrences on the page before it: in the page's lines up to its last character, less the one that is it
    let first = line;
    while (first > 0 && (rowOfLine[first - 1] === `p${page}` || !rowOfLine[first - 1])) first--;
    const before = needle ? occurrences(plain(text.slice(lines.lineStart(first), f.end)), needle).length - 1 : 0;
    return { page, text: needle, occurrence: Math.max(0, before), comment: commentLines(f, locale) };
  });
}

/**
 * Where a note's text stands on its page: a box a run (or part of one) it covers, in the page's points. The runs are
 * read in the order the page draws them, as the reader does; whitespace is not compared.
 */
export function boxesOf(page: PdfPage, text: string, occurrence: number): { x0: number; y0: number; x1: number; y1: number }[] | undefined {
  if (!text) return undefined;
  let hay = '';
  const at: { item: number; index: number }[] = [];
  page.items.forEach((item, k) => {
    for (let i = 0; i < item.s.length; i++) {
      if (/\s/.test(item.s[i])) continue;
      hay += item.s[i];
      at.push({ item: k, index: i });
    }
  });
  const hits = occurrences(hay, text);
  if (!hits.length) return undefined;
  const start = hits[Math.min(occurrence, hits.length - 1)];
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = [];
  // the characters of each run it covers, from the first to the last, as the run's width shares them out
  for (let k = start; k < start + text.length; ) {
    const { item } = at[k];
    let end = k;
    while (end + 1 < start + text.length && at[end + 1].item === item) end++;
    const run = page.items[item];
    const share = run.w / Math.max(1, run.s.length);
    boxes.push({ x0: run.x + share * at[k].index, x1: run.x + share * (at[end].index + 1), y0: run.y - 0.25 * run.h, y1: run.y + 0.95 * run.h });
    k = end + 1;
  }
  return boxes;
}

export interface AnnotatedPdf {
  bytes: Buffer;
  /** Highlights on their text, and notes at their page's top (the text was not found there). */
  placed: { text: number; page: number };
}

/** A highlight's colour (RGB, 0–1): the yellow of a reviewer's marker. */
const HIGHLIGHT = [1, 0.86, 0.25];

/**
 * A copy of the PDF with each note a highlight of its text and a popup note holding its comment, by `author` at `date`;
 * a note whose text is not on its page a sticky note at the page's top left. `pages`: the runs the reader read.
 */
export async function annotatePdf(bytes: Uint8Array, pages: readonly PdfPage[], notes: readonly PdfNote[], author: string, date: Date): Promise<AnnotatedPdf> {
  const { PDFDocument, PDFHexString, PDFName, PDFString } = (require('./pdfWriterLibrary') as typeof import('./pdfWriterLibrary')).PdfLib;
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  // it opens without a password, but its author restricted changes: pdf-lib cannot write it again encrypted
  if (pdf.isEncrypted) throw new Error('the PDF is encrypted (its author restricted changes to it): no copy with comments is written; ask for one without the restriction, or annotate the Word file');
  const context = pdf.context;
  const placed = { text: 0, page: 0 };
  const round = (n: number) => Math.round(n * 100) / 100;
  for (const note of notes) {
    const index = Math.min(Math.max(1, note.page), pdf.getPageCount()) - 1;
    const page = pdf.getPage(index);
    const { x: left, y: bottom, width, height } = page.getMediaBox();
    const boxes = pages[index] && boxesOf(pages[index], note.text, note.occurrence);
    const contents = PDFHexString.fromText(note.comment.join('\n'));
    const common = { Type: 'Annot', F: 4, T: PDFHexString.fromText(author), Contents: contents, M: PDFString.fromDate(date), C: HIGHLIGHT };
    let annotation;
    let anchor: { x: number; y: number };
    if (boxes) {
      const rect = [Math.min(...boxes.map((b) => b.x0)), Math.min(...boxes.map((b) => b.y0)), Math.max(...boxes.map((b) => b.x1)), Math.max(...boxes.map((b) => b.y1))].map(round);
      // its look, for viewers that draw only what a highlight's appearance says: the boxes in multiplied yellow
      const drawing = boxes.map((b) => `${round(b.x0 - rect[0])} ${round(b.y0 - rect[1])} ${round(b.x1 - b.x0)} ${round(b.y1 - b.y0)} re`).join(' ');
      const look = context.register(context.stream(`/GS0 gs ${HIGHLIGHT.join(' ')} rg ${drawing} f`, {
        Type: 'XObject', Subtype: 'Form', BBox: [0, 0, round(rect[2] - rect[0]), round(rect[3] - rect[1])],
        Matrix: [1, 0, 0, 1, rect[0], rect[1]],
        Resources: { ExtGState: { GS0: { Type: 'ExtGState', BM: 'Multiply' } } },
      }));
      annotation = context.obj({
        ...common, Subtype: 'Highlight', Rect: rect,
        QuadPoints: boxes.flatMap((b) => [b.x0, b.y1, b.x1, b.y1, b.x0, b.y0, b.x1, b.y0]).map(round),
        AP: { N: look },
      });
      anchor = { x: rect[2], y: rect[3] };
      placed.text++;
    } else {
      const x = left + 18;
      const y = bottom + height - 18 - 22 * placed.page;
      annotation = context.obj({ ...common, Subtype: 'Text', Name: 'Comment', Rect: [x, y - 18, x + 18, y].map(round), Open: false });
      anchor = { x: x + 18, y };
      placed.page++;
    }
    const ref = context.register(annotation);
    // the note that opens on it, beside it within the page
    const popupX = Math.min(anchor.x + 8, left + width - 220);
    const popup = context.register(context.obj({ Type: 'Annot', Subtype: 'Popup', Parent: ref, Open: false, F: 28, Rect: [popupX, Math.max(bottom, anchor.y - 120), popupX + 210, Math.max(bottom + 120, anchor.y)].map(round) }));
    annotation.set(PDFName.of('Popup'), popup);
    page.node.addAnnot(ref);
    page.node.addAnnot(popup);
  }
  return { bytes: Buffer.from(await pdf.save({ useObjectStreams: false, updateFieldAppearances: false })), placed };
}
