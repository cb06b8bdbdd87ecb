// Mozilla's PDF.js, for the text of a PDF plan: a bundle of its own (dist/pdfLibrary.js), loaded by the worker that
// reads one (pdf.ts through legacyOffice.ts's worker), never by the server. Its own worker runs in the same thread
// (PDF.js takes a WorkerMessageHandler set on globalThis as its worker).
import type { PdfPage } from './pdfLayout';

/** PDF.js, and its worker set where PDF.js looks for one that runs in this thread (imported: both are ES modules). */
async function loadPdfJs() {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    // @ts-expect-error: the worker module ships without types (it is only handed to PDF.js)
    import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
  ]);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  return pdfjs;
}

interface TextItem { str: string; transform: number[]; width: number; height: number }

/** Each page's size and its text runs (their left, baseline, width and height in points, origin at the bottom left). */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as number[];
      const content = await page.getTextContent();
      const items = (content.items as TextItem[])
        .filter((i) => typeof i.str === 'string' && i.str.trim() !== '')
        .map((i) => ({ s: i.str, x: i.transform[4], y: i.transform[5], w: i.width, h: i.height || Math.abs(i.transform[3]) }));
      pages.push({ width, height, items });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
