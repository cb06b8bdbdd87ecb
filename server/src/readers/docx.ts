// Extracts a Word plan (.docx, through mammoth) as the Markdown a drafter would write, with each line's Word paragraph.
import { UnreadableFileError } from './unreadable';
import { labelNumbering } from './docxNumbering';
import { Element, markdownOfTree } from './htmlMarkdown';

/**
 * The plan's text and, for each 0-based line of it, its 1-based Word paragraph (¶N), or 0 for a blank line.
 *
 * ¶N counts, in document order, the body's headings, paragraphs and list items that have text (Word's empty
 * paragraphs are not counted) and each table row as one (the paragraphs inside its cells are not counted apart).
 * A table's `| --- |` separator line belongs to its header row's paragraph.
 */
export interface ExtractedPlan {
  text: string;
  paragraphOfLine: number[];
}

/**
 * How the document becomes Markdown: Word headings `#`…`######`; each paragraph one line (a manual line break
 * inside it starts a new line of the same paragraph), a blank line between paragraphs; list items as a tight
 * Markdown list, `1. ` for numbered lists (Word's automatic numbers are not in the text, so they are counted
 * again per list) and `- ` for bullets, except that an item whose text already starts with visible numbering
 * (`1.`, `（一）`, `一、`) is written as it is; a paragraph Word numbers in another format (`一、`, `（一）`, `（1）`,
 * `①`) is a paragraph with its label written in (docxNumbering.ts); nested lists indented by three spaces a level;
 * Word tables as Markdown tables whose first row is the header, a cell merged down repeated in each of its rows and one
 * merged across followed by empty cells, a cell's paragraphs joined with a space, and `|` escaped.
 */
export async function readDocx(bytes: Uint8Array, name: string): Promise<ExtractedPlan> {
  const fail = () => new UnreadableFileError(`cannot read ${name}: not a Word .docx document`);
  // a .docx is a ZIP archive: anything else is not one, whatever its name
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) throw fail();
  // loaded on first use: the server starts without it and most workspaces have no Word plans
  const { mammoth } = require('./readerLibraries') as typeof import('./readerLibraries');
  let html: string;
  try {
    const buffer = await withNumberingLabels(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // images are dropped: no need to encode them as data URIs only to throw them away
    const result = await mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
    html = result.value;
  } catch {
    throw fail();
  }
  return markdownOfTree(parseHtml(html));
}

/**
 * The .docx with the labels of its numbered paragraphs written in where mammoth would lose them (docxNumbering.ts), or
 * as it is (nothing numbered so, or an archive mammoth will refuse itself).
 */
async function withNumberingLabels(buffer: Buffer): Promise<Buffer> {
  const { JSZip } = require('./readerLibraries') as typeof import('./readerLibraries');
  try {
    const zip = await JSZip.loadAsync(buffer);
    const numbering = await zip.file('word/numbering.xml')?.async('string');
    const body = numbering === undefined ? undefined : await zip.file('word/document.xml')?.async('string');
    if (body === undefined) return buffer;
    const labelled = labelNumbering(body, numbering, await zip.file('word/styles.xml')?.async('string'));
    if (labelled === body) return buffer;
    zip.file('word/document.xml', labelled);
    return await zip.generateAsync({ type: 'nodebuffer' });
  } catch {
    return buffer;
  }
}

/** What a tracked change (修订) of Word's body looks like: an insertion, a deletion, a move's two ends. */
const TRACKED_CHANGE = /<w:(?:ins|del|moveFrom|moveTo)\b/;

/** Whether a .docx has tracked changes (修订) in its body; false for anything it cannot read as one. */
export async function hasTrackedChanges(bytes: Uint8Array): Promise<boolean> {
  const { JSZip } = require('./readerLibraries') as typeof import('./readerLibraries');
  try {
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
    return xml !== undefined && TRACKED_CHANGE.test(xml);
  } catch {
    return false;
  }
}

/**
 * A .docx with tracked changes (修订): its text as it was before them, every change rejected (its insertions and the
 * new places of moved text left out, its deletions and the old places kept); undefined when it has none. Word's own
 * reading (readDocx) takes every change as accepted, as its Final view shows the document. Rejecting an inserted
 * paragraph mark or table row would join or drop what holds it: the text around it is kept as it is.
 */
export async function readDocxBeforeRevisions(bytes: Uint8Array, name: string): Promise<ExtractedPlan | undefined> {
  const fail = () => new UnreadableFileError(`cannot read ${name}: not a Word .docx document`);
  const { JSZip } = require('./readerLibraries') as typeof import('./readerLibraries');
  let zip: InstanceType<typeof JSZip>;
  let xml: string | undefined;
  try {
    zip = await JSZip.loadAsync(bytes);
    xml = await zip.file('word/document.xml')?.async('string');
  } catch {
    throw fail();
  }
  if (xml === undefined) throw fail();
  if (!TRACKED_CHANGE.test(xml)) return undefined;
  zip.file('word/document.xml', rejectRevisions(xml));
  return readDocx(await zip.generateAsync({ type: 'uint8array' }), name);
}

/** Word's body XML with every tracked change rejected (see readDocxBeforeRevisions). */
export function rejectRevisions(xml: string): string {
  return xml
    // the marks of a changed paragraph mark, row or property: the thing itself stays
    .replace(/<w:(?:ins|del|moveFrom|moveTo)\b[^>]*\/>/g, '')
    // inserted text and the new place of moved text: gone
    .replace(/<w:(ins|moveTo)\b[^>]*>[\s\S]*?<\/w:\1>/g, '')
    // deleted text and the old place of moved text: back
    .replace(/<\/?w:(?:del|moveFrom)\b[^>]*>/g, '')
    .replace(/<(\/?)w:delText\b/g, '<$1w:t')
    .replace(/<(\/?)w:delInstrText\b/g, '<$1w:instrText');
}

const VOID_TAGS = new Set(['br', 'img', 'hr']);

/** Parses mammoth's HTML, which is well-formed: quoted attributes, escaped text, `<br />` for void elements. */
function parseHtml(html: string): Element {
  const root: Element = { tag: '', attributes: {}, children: [] };
  const stack: Element[] = [root];
  const tagPattern = /<(\/?)([a-zA-Z0-9]+)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tagPattern.exec(html); m; m = tagPattern.exec(html)) {
    if (m.index > last) stack[stack.length - 1].children.push(unescapeEntities(html.slice(last, m.index)));
    last = tagPattern.lastIndex;
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const open = stack.map((e) => e.tag).lastIndexOf(tag);
      if (open > 0) stack.length = open;
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of m[3].matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) attributes[a[1].toLowerCase()] = unescapeEntities(a[2] ?? '');
    const element: Element = { tag, attributes, children: [] };
    stack[stack.length - 1].children.push(element);
    if (!m[4] && !VOID_TAGS.has(tag)) stack.push(element);
  }
  if (last < html.length) stack[stack.length - 1].children.push(unescapeEntities(html.slice(last)));
  return root;
}

/** Entity and character references undone (HTML's named ones and XML's five among them): mammoth's HTML, an Office part's XML. */
export function unescapeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[e.toLowerCase()] ?? all;
  });
}
