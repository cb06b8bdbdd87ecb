// Extracts a Word plan (.docx, through mammoth) as the Markdown a drafter would write, with each line's Word paragraph.
import { UnreadableFileError } from './unreadable';
import { labelNumbering } from './docxNumbering';

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
 * `①`) is a paragraph with its label written in (docxNumbering.ts); nested lists indented by three spaces a level; Word tables as Markdown
 * tables whose first row is the header, merged cells repeated as empty cells, a cell's paragraphs joined with a
 * space, and `|` escaped.
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
  return markdownOfHtml(html);
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

interface Element {
  tag: string;
  attributes: Record<string, string>;
  children: Node[];
}
type Node = Element | string;

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

const LIST_TAGS = new Set(['ol', 'ul']);
const VISIBLE_NUMBERING = /^(?:\d+\s*[.、．)）]|[（(][一二三四五六七八九十百\d]+[)）]|[一二三四五六七八九十百]+[、．.]|第[一二三四五六七八九十百\d]+[条章节项])/;

/** The text of inline content; a manual line break is a newline, images and other void elements nothing. */
function inlineText(nodes: Node[]): string {
  let out = '';
  for (const n of nodes) {
    if (typeof n === 'string') out += n;
    else if (n.tag === 'br') out += '\n';
    else if (!LIST_TAGS.has(n.tag) && n.tag !== 'table') out += inlineText(n.children);
  }
  return out;
}

/** Everything a table cell holds as one line: its paragraphs, lists and nested tables joined with a space. */
function cellText(nodes: Node[]): string {
  const parts: string[] = [];
  let inline = '';
  const flush = () => {
    if (inline.trim()) parts.push(inline);
    inline = '';
  };
  for (const n of nodes) {
    if (typeof n === 'string') inline += n;
    else if (n.tag === 'br') inline += ' ';
    else if (['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'td', 'th', 'ol', 'ul', 'table', 'thead', 'tbody'].includes(n.tag)) {
      flush();
      parts.push(cellText(n.children));
    } else inline += cellText(n.children);
  }
  flush();
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
}

/** Splits a paragraph's text at its line breaks, trimmed (Word's leading full-width spaces are indentation). */
function linesOf(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

function markdownOfHtml(html: string): ExtractedPlan {
  const lines: string[] = [];
  const paragraphOfLine: number[] = [];
  let paragraph = 0;
  const emitBlock = (block: { text: string; paragraph: number }[]) => {
    if (!block.length) return;
    if (lines.length) {
      lines.push('');
      paragraphOfLine.push(0);
    }
    for (const l of block) {
      lines.push(l.text);
      paragraphOfLine.push(l.paragraph);
    }
  };

  const listLines = (list: Element, depth: number, out: { text: string; paragraph: number }[]) => {
    let number = 0;
    for (const item of list.children) {
      if (typeof item === 'string' || item.tag !== 'li') continue;
      const text = linesOf(inlineText(item.children));
      if (text.length) {
        number++;
        paragraph++;
        const indent = '   '.repeat(depth);
        const marker = VISIBLE_NUMBERING.test(text[0]) ? '' : list.tag === 'ol' ? `${number}. ` : '- ';
        const continuation = indent + ' '.repeat(marker.length);
        text.forEach((t, i) => out.push({ text: (i ? continuation : indent + marker) + t, paragraph }));
      }
      // an item of no text of its own only holds a deeper list (its level's paragraphs numbered in text of their own,
      // docxNumbering.ts): that list stands at its depth
      for (const child of item.children) if (typeof child !== 'string' && LIST_TAGS.has(child.tag)) listLines(child, text.length ? depth + 1 : depth, out);
    }
  };

  const tableLines = (table: Element): { text: string; paragraph: number }[] => {
    const rows: Element[] = [];
    const collect = (e: Element) => {
      for (const c of e.children) {
        if (typeof c === 'string') continue;
        if (c.tag === 'tr') rows.push(c);
        else if (c.tag === 'thead' || c.tag === 'tbody' || c.tag === 'tfoot') collect(c);
      }
    };
    collect(table);
    // cells merged down (rowspan) leave a hole in the rows below: fill it so the columns stay aligned
    const pendingDown: number[] = [];
    const grid: string[][] = rows.map((row) => {
      const cells: string[] = [];
      let column = 0;
      const skipMerged = () => {
        while (pendingDown[column] > 0) {
          pendingDown[column]--;
          cells.push('');
          column++;
        }
      };
      for (const cell of row.children) {
        if (typeof cell === 'string' || (cell.tag !== 'td' && cell.tag !== 'th')) continue;
        skipMerged();
        const span = Math.max(1, Number(cell.attributes.colspan) || 1);
        const down = Math.max(1, Number(cell.attributes.rowspan) || 1) - 1;
        for (let i = 0; i < span; i++) {
          cells.push(i ? '' : cellText(cell.children).replace(/\\/g, '\\\\').replace(/\|/g, '\\|'));
          if (down) pendingDown[column] = down;
          column++;
        }
      }
      skipMerged();
      return cells;
    });
    const width = Math.max(1, ...grid.map((r) => r.length));
    const out: { text: string; paragraph: number }[] = [];
    grid.forEach((cells, i) => {
      paragraph++;
      const padded = [...cells, ...Array(width - cells.length).fill('')];
      out.push({ text: `| ${padded.join(' | ')} |`.replace(/ {2,}\|/g, ' |').replace(/\| {2,}/g, '| '), paragraph });
      if (i === 0) out.push({ text: `| ${Array(width).fill('---').join(' | ')} |`, paragraph });
    });
    return out;
  };

  const walk = (nodes: Node[]) => {
    let loose = '';
    const flushLoose = () => {
      const text = linesOf(loose);
      loose = '';
      if (!text.length) return;
      paragraph++;
      emitBlock(text.map((t) => ({ text: t, paragraph })));
    };
    for (const n of nodes) {
      if (typeof n === 'string') {
        loose += n;
        continue;
      }
      const heading = /^h([1-6])$/.exec(n.tag);
      if (heading || n.tag === 'p' || LIST_TAGS.has(n.tag) || n.tag === 'table') flushLoose();
      if (heading) {
        const text = inlineText(n.children).replace(/\s+/g, ' ').trim();
        if (text) emitBlock([{ text: `${'#'.repeat(Number(heading[1]))} ${text}`, paragraph: ++paragraph }]);
      } else if (n.tag === 'p') {
        const text = linesOf(inlineText(n.children));
        if (text.length) {
          paragraph++;
          emitBlock(text.map((t) => ({ text: t, paragraph })));
        }
      } else if (LIST_TAGS.has(n.tag)) {
        const out: { text: string; paragraph: number }[] = [];
        listLines(n, 0, out);
        emitBlock(out);
      } else if (n.tag === 'table') {
        emitBlock(tableLines(n));
      } else if (n.tag === 'br') {
        loose += '\n';
      } else if (['div', 'section', 'article', 'blockquote'].includes(n.tag)) {
        flushLoose();
        walk(n.children);
      } else loose += inlineText([n]);
    }
    flushLoose();
  };
  walk(parseHtml(html).children);
  return { text: lines.length ? lines.join('\n') + '\n' : '', paragraphOfLine: lines.length ? [...paragraphOfLine, 0] : [0] };
}
