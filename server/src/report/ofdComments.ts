// A review written into a copy of an OFD plan (GB/T 33190), as a reviewer marks one up in an OFD reader: each finding a
// highlight annotation (Annot Type="Highlight") over its text, its comment the annotation's Remark, or one at the page's
// top left when its text is not found there. Where the text is comes from the same placed runs the OFD reader lays out
// (ofd.ts, and the PDF copy's boxesOf); the annotations are parts of their own (the document's Annotations list, a file
// of a page's annotations), the page contents untouched.
import { openOfd, OfdPage, PT, resolveOfdPath } from '../readers/ofd';
import { boxesOf, PdfNote } from './pdfComments';
import { escapeXml, escapeXmlAttribute, parseXml, serializeXml } from './officeParts';

export interface AnnotatedOfd {
  bytes: Buffer;
  /** Highlights on their text, and notes at their page's top (the text was not found there). */
  placed: { text: number; page: number };
}

/** A highlight's fill (FillColor's attributes): a reviewer's yellow marker, see-through. */
const FILL = 'Value="255 219 64" Alpha="110"';

const mm = (n: number) => String(Math.round(n * 1000) / 1000);

/** Elements that follow Annotations in a Document (CT_Document's sequence): it goes before the first of them. */
const AFTER_ANNOTATIONS = new Set(['Attachments', 'CustomTags', 'Extensions']);

/**
 * A copy of the OFD with each note a highlight of its text (boxes in the page's millimetres) and its comment as the
 * annotation's Remark, by `author` on `date`; a note whose text is not on its page a small mark at the page's top left.
 */
export async function annotateOfd(bytes: Uint8Array, name: string, notes: readonly PdfNote[], author: string, date: Date): Promise<AnnotatedOfd> {
  const { zip, documentPath, pages } = await openOfd(bytes, name);
  const documentXml = await zip.file(documentPath)!.async('string');
  const doc = parseXml(documentXml, documentPath);
  const root = doc.documentElement;
  const ns = root.namespaceURI;
  const prefix = root.prefix ? `${root.prefix}:` : '';
  const q = (local: string) => `${prefix}${local}`;
  // the namespace as a new part's root declares it
  const nsDeclaration = ns ? ` xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="${ns}"` : '';
  const childNamed = (parent: Element, local: string) => Array.from(parent.childNodes).find((n): n is Element => n.nodeType === 1 && (n as Element).localName === local);

  // new IDs above every ID the package uses (CommonData's MaxUnitID says the highest; not every writer keeps it)
  let maxId = 0;
  for (const file of Object.keys(zip.files)) {
    if (!/\.xml$/i.test(file) || zip.files[file].dir) continue;
    for (const m of (await zip.file(file)!.async('string')).matchAll(/\bID="(\d+)"/g)) maxId = Math.max(maxId, Number(m[1]));
  }
  const common = childNamed(root, 'CommonData');
  const maxUnit = common && childNamed(common, 'MaxUnitID');
  maxId = Math.max(maxId, Number(maxUnit?.textContent) || 0);
  const nextId = () => String(++maxId);

  // the document's list of annotation files, by page: its own, or a new one
  let listElement = childNamed(root, 'Annotations');
  if (!listElement) {
    listElement = doc.createElementNS(ns, q('Annotations'));
    listElement.appendChild(doc.createTextNode('Annots/Annotations.xml'));
    const before = Array.from(root.childNodes).find((n) => n.nodeType === 1 && AFTER_ANNOTATIONS.has((n as Element).localName));
    root.insertBefore(listElement, before ?? null);
  }
  const listPath = resolveOfdPath(documentPath, listElement.textContent ?? '')[0];
  const listXml = zip.file(listPath) ? await zip.file(listPath)!.async('string') : `<?xml version="1.0" encoding="UTF-8"?><${q('Annotations')}${nsDeclaration}></${q('Annotations')}>`;
  const list = parseXml(listXml, listPath);
  const fileOfPage = new Map<string, string>();
  for (const entry of Array.from(list.documentElement.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === 'Page')) {
    const loc = childNamed(entry, 'FileLoc')?.textContent;
    if (loc) fileOfPage.set(entry.getAttribute('PageID') ?? '', resolveOfdPath(listPath, loc)[0]);
  }

  // the annotations of each page, as elements to add to its file
  const byPage = new Map<OfdPage, string[]>();
  const placed = { text: 0, page: 0 };
  const day = date.toISOString().slice(0, 10);
  for (const note of notes) {
    const page = pages[Math.min(Math.max(1, note.page), pages.length) - 1];
    const boxes = boxesOf(page, note.text, note.occurrence);
    // in the page's millimetres, y down from its top
    const rects = boxes
      ? boxes.map((b) => ({ x: b.x0 / PT + page.origin.x, y: (page.height - b.y1) / PT + page.origin.y, w: (b.x1 - b.x0) / PT, h: (b.y1 - b.y0) / PT }))
      : [{ x: page.origin.x + 6, y: page.origin.y + 6 + 7 * placed.page, w: 5, h: 5 }];
    if (boxes) placed.text++;
    else placed.page++;
    const left = Math.min(...rects.map((r) => r.x));
    const top = Math.min(...rects.map((r) => r.y));
    const right = Math.max(...rects.map((r) => r.x + r.w));
    const bottom = Math.max(...rects.map((r) => r.y + r.h));
    const drawn = rects
      .map((r) => `<${q('PathObject')} ID="${nextId()}" Boundary="${mm(r.x - left)} ${mm(r.y - top)} ${mm(r.w)} ${mm(r.h)}" Fill="true" Stroke="false"><${q('FillColor')} ${FILL}/><${q('AbbreviatedData')}>M 0 0 L ${mm(r.w)} 0 L ${mm(r.w)} ${mm(r.h)} L 0 ${mm(r.h)} C</${q('AbbreviatedData')}></${q('PathObject')}>`)
      .join('');
    const annot =
      // ReadOnly false: the reviewer may edit the remark (it is true unless said)
      `<${q('Annot')} ID="${nextId()}" Type="Highlight" Creator="${escapeXmlAttribute(author)}" LastModDate="${day}" ReadOnly="false">` +
      `<${q('Remark')}>${escapeXml(note.comment.join('\n'))}</${q('Remark')}>` +
      `<${q('Appearance')} Boundary="${mm(left)} ${mm(top)} ${mm(right - left)} ${mm(bottom - top)}">${drawn}</${q('Appearance')}></${q('Annot')}>`;
    byPage.set(page, [...(byPage.get(page) ?? []), annot]);
  }

  for (const [page, annots] of byPage) {
    let file = fileOfPage.get(page.id);
    let xml: string;
    if (file && zip.file(file)) {
      // the page's own annotations kept, ours after them
      xml = (await zip.file(file)!.async('string')).replace(/<\/([\w.-]+:)?PageAnnot>\s*$/, (end) => annots.join('') + end);
      if (!xml.includes(annots[0])) throw new Error(`${name}: the annotations of page ${page.id} (${file}) could not be added to`);
    } else {
      const folder = listPath.includes('/') ? listPath.slice(0, listPath.lastIndexOf('/') + 1) : '';
      let n = pages.indexOf(page);
      while (zip.file(`${folder}Page_${n}/Annotation.xml`)) n += pages.length;
      file = `${folder}Page_${n}/Annotation.xml`;
      xml = `<?xml version="1.0" encoding="UTF-8"?><${q('PageAnnot')}${nsDeclaration}>${annots.join('')}</${q('PageAnnot')}>`;
      const entry = list.createElementNS(ns, q('Page'));
      entry.setAttribute('PageID', page.id);
      const loc = list.createElementNS(ns, q('FileLoc'));
      loc.appendChild(list.createTextNode(file.slice(folder.length)));
      entry.appendChild(loc);
      list.documentElement.appendChild(entry);
    }
    zip.file(file, xml);
  }
  if (maxUnit) maxUnit.textContent = String(maxId);
  zip.file(listPath, serializeXml(list, listXml));
  zip.file(documentPath, serializeXml(doc, documentXml));
  return { bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), placed };
}
