// Mozilla's PDF.js, for the text of a PDF plan: a bundle of its own (dist/pdfLibrary.js), loaded by the worker that
// reads one (pdf.ts through legacyOffice.ts's worker), never by the server. Its own worker runs in the same thread
// (PDF.js takes a WorkerMessageHandler set on globalThis as its worker).
import type { PdfPage, PdfRule } from './pdfLayout';

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

/** PDF.js's operator numbers this reader follows (pdfjs.OPS). */
interface Ops { save: number; restore: number; transform: number; constructPath: number; moveTo: number; lineTo: number; curveTo: number; curveTo2: number; curveTo3: number; closePath: number; rectangle: number; stroke: number; closeStroke: number; fill: number; eoFill: number; fillStroke: number; eoFillStroke: number; closeFillStroke: number; closeEOFillStroke: number }

/**
 * The page's rules: the thin lines and rectangles it strokes or fills, as a table's borders are drawn, in the page's
 * space (the transforms applied). A rule is a box no more than 2.5 points across in one direction.
 */
function rulesOf(fnArray: number[], argsArray: unknown[][], OPS: Ops): PdfRule[] {
  const rules: PdfRule[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const apply = (m: number[], x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  let path: { kind: 'line' | 'rect'; a: number[]; b: number[] }[] = [];
  const push = (a: number[], b: number[]) => {
    const rule = { x0: Math.min(a[0], b[0]), y0: Math.min(a[1], b[1]), x1: Math.max(a[0], b[0]), y1: Math.max(a[1], b[1]) };
    const thin = Math.min(rule.x1 - rule.x0, rule.y1 - rule.y0) <= 2.5 && Math.max(rule.x1 - rule.x0, rule.y1 - rule.y0) >= 5;
    if (thin && rules.length < 20000) rules.push(rule);
  };
  const stroked = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const filled = new Set([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) {
      const [a, b, c, d, e, f] = args as number[];
      const m = ctm;
      ctm = [a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2], c * m[1] + d * m[3], e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5]];
    } else if (fn === OPS.constructPath) {
      const [ops, coords] = args as [number[], number[]];
      path = [];
      let k = 0;
      let at: number[] | undefined;
      let opened: number[] | undefined;
      for (const op of ops) {
        if (op === OPS.moveTo) opened = at = apply(ctm, coords[k++], coords[k++]);
        else if (op === OPS.closePath) {
          if (at && opened) path.push({ kind: 'line', a: at, b: opened });
          at = opened;
        } else if (op === OPS.lineTo) {
          const to = apply(ctm, coords[k++], coords[k++]);
          if (at) path.push({ kind: 'line', a: at, b: to });
          at = to;
        } else if (op === OPS.rectangle) {
          const [x, y, w, h] = [coords[k++], coords[k++], coords[k++], coords[k++]];
          path.push({ kind: 'rect', a: apply(ctm, x, y), b: apply(ctm, x + w, y + h) });
        } else if (op === OPS.curveTo || op === OPS.curveTo2 || op === OPS.curveTo3) {
          // a curve is no rule; it ends where its last point is
          k += op === OPS.curveTo ? 6 : 4;
          at = apply(ctm, coords[k - 2], coords[k - 1]);
        }
      }
    } else if (stroked.has(fn)) {
      for (const p of path) {
        if (p.kind === 'line') push(p.a, p.b);
        else for (const [a, b] of [[p.a, [p.b[0], p.a[1]]], [[p.b[0], p.a[1]], p.b], [p.b, [p.a[0], p.b[1]]], [[p.a[0], p.b[1]], p.a]]) push(a, b);
      }
      path = [];
    } else if (filled.has(fn)) {
      for (const p of path) if (p.kind === 'rect') push(p.a, p.b);
      path = [];
    }
  }
  return rules;
}

/** Each page's size, its text runs (their left, baseline, width and height in points, origin at the bottom left) and its rules. */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as number[];
      const content = await page.getTextContent();
      const operators = await page.getOperatorList();
      const rules = rulesOf(operators.fnArray, operators.argsArray, pdfjs.OPS as unknown as Ops);
      const items = (content.items as TextItem[])
        .filter((i) => typeof i.str === 'string' && i.str.trim() !== '')
        .map((i) => ({ s: i.str, x: i.transform[4], y: i.transform[5], w: i.width, h: i.height || Math.abs(i.transform[3]) }));
      pages.push({ width, height, items, rules });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
