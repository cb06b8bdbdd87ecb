// Reads an OFD plan (GB/T 33190-2016, 开放版式文档: the fixed-layout format in which official documents circulate in
// China, as PDF elsewhere; 数科, 福昕 and the OA systems' converters write it). An OFD is a ZIP of XML: OFD.xml names the
// document, its Document.xml the pages, and each page's Content.xml places its text (TextObject, TextCode with the
// advances of its characters, DeltaX) and draws its lines (PathObject) in millimetres from the page's top left. The
// runs and rules become the PDF reader's pages (points, from the bottom left) and are laid out again by the same code
// (pdfLayout.ts): lines, paragraphs, headings and ruled tables as the Word reader writes them, findings by page (`p3`).
// Not read: templates (a page's running heads and feet, which the layout drops anyway), annotations and stamps (印章),
// signatures, images (a scanned page holds no text and is refused), vertical writing (ReadDirection, CharDirection).
import { garbledText, markdownOfPdfPages, PdfItem, PdfPage, PdfRule, PdfText } from './pdfLayout';
import { UnreadableFileError } from './unreadable';

/** Points per millimetre. */
export const PT = 72 / 25.4;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

interface XmlElement {
  localName: string;
  childNodes: ArrayLike<XmlNode>;
  textContent: string | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}
interface XmlNode {
  nodeType: number;
}

const isElement = (n: XmlNode): n is XmlNode & XmlElement => n.nodeType === 1;

function children(e: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let i = 0; i < e.childNodes.length; i++) {
    const n = e.childNodes[i];
    if (isElement(n) && (!name || n.localName === name)) out.push(n);
  }
  return out;
}

/** The first element named `name` below `e` (depth first). */
function find(e: XmlElement, name: string): XmlElement | undefined {
  for (const c of children(e)) {
    if (c.localName === name) return c;
    const below = find(c, name);
    if (below) return below;
  }
  return undefined;
}

const numbers = (s: string | null | undefined): number[] => (s ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number).filter((n) => Number.isFinite(n));

/** A box `x y w h` (ST_Box). */
function box(s: string | null | undefined): { x: number; y: number; w: number; h: number } | undefined {
  const [x, y, w, h] = numbers(s);
  return h === undefined ? undefined : { x, y, w, h };
}

function matrix(s: string | null): Matrix {
  const m = numbers(s);
  return m.length === 6 ? (m as Matrix) : IDENTITY;
}

/** A coordinate attribute: 0 when it is not a finite number. */
const finite = (s: string | null) => (Number.isFinite(Number(s)) ? Number(s) : 0);

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** DeltaX: the advances after each character but the last, `g N d` standing for N advances of d. */
export function advances(s: string | null): number[] {
  const out: number[] = [];
  const tokens = (s ?? '').trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      const n = Number(tokens[i + 1]);
      const d = Number(tokens[i + 2]);
      if (Number.isFinite(n) && Number.isFinite(d)) for (let k = 0; k < Math.min(n, 100000); k++) out.push(d);
      i += 2;
    } else if (Number.isFinite(Number(tokens[i]))) out.push(Number(tokens[i]));
  }
  return out;
}

/** A character's advance when the file does not say it: a CJK or full-width one is as wide as the type, others half. */
const advanceOf = (c: string, size: number) => (/[\u1100-\uffef]/.test(c) || c.codePointAt(0)! > 0xffff ? size : size / 2);

/** A gap wider than this many times the type's size parts a TextCode's text into runs (a table's columns in one line). */
const RUN_GAP = 0.8;

/** What a page places: its runs and rules in millimetres, the page's own space (y down), before the conversion to points. */
interface Placed {
  items: PdfItem[];
  rules: PdfRule[];
}

/** The object's space, to the page's: its CTM, then its boundary's origin in the space around it; none without a boundary. */
function objectSpace(obj: XmlElement): Matrix | undefined {
  const bounds = box(obj.getAttribute('Boundary'));
  if (!bounds) return undefined;
  const ctm = matrix(obj.getAttribute('CTM'));
  return [ctm[0], ctm[1], ctm[2], ctm[3], ctm[4] + bounds.x, ctm[5] + bounds.y];
}

function readText(obj: XmlElement, into: Placed): void {
  const m = objectSpace(obj);
  if (!m) return;
  const scaleX = Math.hypot(m[0], m[1]);
  const scaleY = Math.hypot(m[2], m[3]);
  const given = Number(obj.getAttribute('Size'));
  const size = Number.isFinite(given) && given > 0 ? given : 3.5;
  // a TextCode without X or Y takes the previous one's (GB/T 33190, 11.3)
  let codeX = 0;
  let y = 0;
  for (const code of children(obj, 'TextCode')) {
    const chars = Array.from(code.textContent ?? '');
    if (code.hasAttribute('X')) codeX = finite(code.getAttribute('X'));
    if (code.hasAttribute('Y')) y = finite(code.getAttribute('Y'));
    let x = codeX;
    const deltas = advances(code.getAttribute('DeltaX'));
    // DeltaY moves the characters after one up or down: a TextCode may go on in the next line (-63.5 back, 4.2 down)
    const drops = advances(code.getAttribute('DeltaY'));
    let cy = y;
    let start = 0;
    let runX = x;
    let runY = y;
    const flush = (end: number, endX: number) => {
      const s = chars.slice(start, end).join('');
      const [px, py] = apply(m, runX, runY);
      if (s.trim()) into.items.push({ s, x: px, y: py, w: (endX - runX) * scaleX, h: size * scaleY });
    };
    // an advance of more than a metre is no advance: the character's own is taken (and no drop)
    const sane = (d: number | undefined): d is number => d !== undefined && Math.abs(d) < 1000;
    for (let i = 0; i < chars.length; i++) {
      const own = advanceOf(chars[i], size);
      const last = i === chars.length - 1;
      const step = !last && sane(deltas[i]) ? deltas[i] : own;
      const drop = !last && sane(drops[i]) ? drops[i] : 0;
      // a new run after a wide gap (a table's columns in one line), a step back or a drop (the next line)
      if (!last && (drop !== 0 || step < 0 || step - own > RUN_GAP * size)) {
        flush(i + 1, x + own);
        start = i + 1;
        runX = x + step;
        runY = cy + drop;
      }
      x += step;
      cy += drop;
    }
    flush(chars.length, x);
  }
}

/**
 * A path's rules, as the PDF reader takes them: a stroked path's level or upright lines (AbbreviatedData: S/M, L, C
 * close; curves and arcs skipped), and a path only filled when it is a thin box (a border drawn as a filled rectangle);
 * the edges of a filled shape (a logo, text drawn as outlines) are no rules.
 */
function readPath(obj: XmlElement, into: Placed): void {
  const m = objectSpace(obj);
  const data = find(obj, 'AbbreviatedData')?.textContent;
  if (!m || !data) return;
  const toPage = (x: number, y: number) => apply(m, x, y);
  const segments: [[number, number], [number, number]][] = [];
  let curved = false;
  const tokens = data.trim().split(/\s+/);
  const arity: Record<string, number> = { S: 2, M: 2, L: 2, Q: 4, B: 6, A: 7, C: 0 };
  let at: [number, number] | undefined;
  let opened: [number, number] | undefined;
  for (let i = 0; i < tokens.length; ) {
    const op = tokens[i++];
    const n = arity[op];
    if (n === undefined) continue;
    const args = tokens.slice(i, i + n).map(Number);
    i += n;
    if (args.some((v) => !Number.isFinite(v))) continue;
    if (op === 'S' || op === 'M') opened = at = toPage(args[0], args[1]);
    else if (op === 'L') {
      const to = toPage(args[0], args[1]);
      if (at) segments.push([at, to]);
      at = to;
    } else if (op === 'C') {
      if (at && opened) segments.push([at, opened]);
      at = opened;
    } else {
      curved = true; // a curve or arc is no rule; it ends at its last point
      at = toPage(args[n - 2], args[n - 1]);
    }
  }
  // as the PDF reader takes a rule: thin one way (2.5 points), long the other (5)
  const add = (x0: number, y0: number, x1: number, y1: number) => {
    const thin = Math.min(x1 - x0, y1 - y0) * PT <= 2.5 && Math.max(x1 - x0, y1 - y0) * PT >= 5;
    if (thin && into.rules.length < 20000) into.rules.push({ x0, y0, x1, y1 });
  };
  const boxOf = (points: [number, number][]) => [Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1]))] as const;
  if (obj.getAttribute('Stroke') !== 'false') {
    for (const [a, b] of segments) {
      const [x0, y0, x1, y1] = boxOf([a, b]);
      add(x0, y0, x1, y1);
    }
  } else if (obj.getAttribute('Fill') === 'true' && !curved && segments.length) {
    const level = (a: [number, number], b: [number, number]) => Math.abs(a[0] - b[0]) < 1e-6 || Math.abs(a[1] - b[1]) < 1e-6;
    if (segments.every(([a, b]) => level(a, b))) {
      const [x0, y0, x1, y1] = boxOf(segments.flat());
      add(x0, y0, x1, y1);
    }
  }
}

/** The objects of a layer or block, blocks within blocks. */
function readObjects(parent: XmlElement, into: Placed, depth = 0): void {
  if (depth > 20) return;
  for (const obj of children(parent)) {
    if (obj.localName === 'TextObject') readText(obj, into);
    else if (obj.localName === 'PathObject') readPath(obj, into);
    else if (obj.localName === 'PageBlock') readObjects(obj, into, depth + 1);
  }
}

/** `ref` (a BaseLoc, DocRoot, FileLoc…) as a path in the archive: from its root when it starts with /, else beside `from`. */
export function resolveOfdPath(from: string, ref: string): string[] {
  const clean = ref.trim().replace(/\\/g, '/');
  if (clean.startsWith('/')) return [clean.slice(1)];
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  const parts: string[] = [];
  for (const p of (dir + clean).split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  // some writers name it from the archive's root without the slash
  return [parts.join('/'), clean];
}

/** A page of an OFD as the PDF reader gives one, with its ID (the document's Page ID) and its box's origin (mm). */
export interface OfdPage extends PdfPage {
  id: string;
  origin: { x: number; y: number };
}

/** An OFD opened: its archive, its document's part, and the pages that could be read, in order. */
export interface OfdPackage {
  zip: InstanceType<(typeof import('./readerLibraries'))['JSZip']>;
  documentPath: string;
  pages: OfdPage[];
}

/** Opens an OFD: its document and pages (runs and rules in points, from the page's bottom left, as PDF.js gives a page). */
export async function openOfd(bytes: Uint8Array, name: string): Promise<OfdPackage> {
  const { JSZip, DOMParser } = require('./readerLibraries') as typeof import('./readerLibraries');
  const unreadable = (why: string) => new UnreadableFileError(`cannot read ${name}: ${why}; save the plan as Word (.docx), PDF, Markdown or text`);
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw unreadable('not an OFD document (an OFD is a ZIP archive)');
  }
  // names compared without case and a leading slash (writers differ in both)
  const files = new Map(Object.keys(zip.files).map((f) => [f.replace(/^\/+/, '').toLowerCase(), f]));
  const xml = async (candidates: string[]): Promise<{ path: string; root: XmlElement } | undefined> => {
    for (const c of candidates) {
      const file = files.get(c.replace(/^\/+/, '').toLowerCase());
      if (!file) continue;
      try {
        const text = await zip.file(file)!.async('string');
        // a part that is not well-formed XML is no part: a damaged file reads as far as its parts allow
        const doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(text, 'text/xml') as unknown as { documentElement: XmlElement | null };
        if (doc.documentElement) return { path: file, root: doc.documentElement };
      } catch {
        // (xmldom throws on a fatal error)
      }
    }
    return undefined;
  };
  const ofd = await xml(['OFD.xml']);
  if (!ofd) throw unreadable('not an OFD document (no OFD.xml in it)');
  const rootRef = find(ofd.root, 'DocRoot')?.textContent;
  const document = rootRef ? await xml(resolveOfdPath(ofd.path, rootRef)) : undefined;
  if (!document) throw unreadable(`its document (${rootRef ?? 'DocRoot'}) is missing`);
  const common = find(document.root, 'CommonData');
  const defaultBox = box(common && find(common, 'PageArea') ? find(find(common, 'PageArea')!, 'PhysicalBox')?.textContent : undefined) ?? { x: 0, y: 0, w: 210, h: 297 };
  const pagesElement = find(document.root, 'Pages');
  const pages: OfdPage[] = [];
  for (const ref of pagesElement ? children(pagesElement, 'Page') : []) {
    const loc = ref.getAttribute('BaseLoc');
    const page = loc ? await xml(resolveOfdPath(document.path, loc)) : undefined;
    if (!page) continue;
    const area = find(page.root, 'Area');
    const physical = (area && box(find(area, 'PhysicalBox')?.textContent)) || defaultBox;
    const placed: Placed = { items: [], rules: [] };
    const content = find(page.root, 'Content');
    for (const layer of content ? children(content, 'Layer') : []) readObjects(layer, placed);
    // to points, y up from the page's foot, as PDF.js gives a page
    const toX = (x: number) => (x - physical.x) * PT;
    const toY = (y: number) => (physical.h - (y - physical.y)) * PT;
    pages.push({
      id: ref.getAttribute('ID') ?? '',
      origin: { x: physical.x, y: physical.y },
      width: physical.w * PT,
      height: physical.h * PT,
      // (a damaged file's numbers can overflow: what does not stand at a finite place is not placed)
      items: placed.items.map((i) => ({ s: i.s, x: toX(i.x), y: toY(i.y), w: i.w * PT, h: i.h * PT })).filter((i) => [i.x, i.y, i.w, i.h].every(Number.isFinite) && i.h > 0),
      rules: placed.rules.map((r) => ({ x0: toX(r.x0), y0: toY(r.y1), x1: toX(r.x1), y1: toY(r.y0) })).filter((r) => [r.x0, r.y0, r.x1, r.y1].every(Number.isFinite)),
    });
  }
  if (!pages.length) throw unreadable('its document lists no page that can be read');
  return { zip, documentPath: document.path, pages };
}

/** The pages of an OFD as the PDF reader gives them (openOfd). */
export async function ofdPages(bytes: Uint8Array, name: string): Promise<OfdPage[]> {
  return (await openOfd(bytes, name)).pages;
}

/** The plan's Markdown and each line's page (`p3`); an OFD that cannot be read, or holds no text (a scan), throws UnreadableFileError. */
export async function readOfd(bytes: Uint8Array, name: string): Promise<PdfText> {
  const read = markdownOfPdfPages(await ofdPages(bytes, name));
  if (!read.text.trim()) {
    throw new UnreadableFileError(`cannot read ${name}: the OFD holds no text (a scanned copy, or its text drawn as shapes); save the plan as Word (.docx), Markdown or text, or run text recognition (OCR) on it first`);
  }
  if (garbledText(read.text)) {
    throw new UnreadableFileError(`cannot read ${name}: the OFD's text cannot be read (its characters are not words); save the plan as Word (.docx), Markdown or text`);
  }
  return read;
}
