// Reads a plan saved as a web page (.html, .htm): a 实施方案 as a government site publishes it. Its text becomes the
// Markdown a drafter would write (htmlMarkdown.ts, as a Word plan's does), without what the page shows around the plan
// (scripts, styles, forms, navigation), decoded as a text plan is (or in a charset it declares beyond those: Big5).
import type { ExtractedPlan } from './docx';
import { decodePlanBytes } from './encoding';
import { Element, markdownOfTree, rowsOf } from './htmlMarkdown';
import { UnreadableFileError } from './unreadable';

/** Elements whose content is no text of the plan: code, styles, embedded documents, forms, a page's navigation. */
const DROPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'audio', 'video',
  'select', 'option', 'button', 'textarea', 'input', 'nav', 'header', 'footer', 'aside',
]);
/** How deep the tree is built: the readers walk it recursively, and no plan nests its blocks this deep. */
const MAX_DEPTH = 200;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** The charset a page declares in its first bytes (<meta charset="gb2312">, content="text/html; charset=GBK"). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  return /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1].toLowerCase();
}

/** The charsets a text plan is read in (decodePlanBytes tells them apart by the bytes). */
const TEXT_CHARSETS = /^(?:utf-?8|gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|us-ascii|iso-8859-1)$/;

/**
 * The page's text. As a text plan is read (a BOM, else UTF-8, else GB18030): by its bytes, not by the charset it
 * declares, which a page re-saved in UTF-8 keeps saying gb2312; a page in another charset it declares (Big5) by that.
 */
function decodePage(bytes: Uint8Array, name: string): string {
  const charset = declaredCharset(bytes);
  if (charset && !TEXT_CHARSETS.test(charset)) {
    const { iconv } = require('./readerLibraries') as typeof import('./readerLibraries');
    if (iconv.encodingExists(charset)) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
  }
  return decodePlanBytes(bytes, name).text;
}

/** East Asian characters: a line break between two of them in the page's source is no space (as browsers show it). */
const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const BREAK_BETWEEN_WIDE = new RegExp(`(?<=[${WIDE}])[ \\t\\f]*[\\r\\n][ \\t\\f\\r\\n]*(?=[${WIDE}])`, 'g');

/**
 * Text as a browser lays it out: runs of blanks and line breaks one space (a break between two hanzi none), a
 * no-break space (&nbsp;, which Word's pages put after a list's number) a space; <pre> as it is.
 */
function collapse(text: string): string {
  return text.replace(BREAK_BETWEEN_WIDE, '').replace(/[ \t\f\r\n\u00a0]+/g, ' ');
}

/**
 * A web page's plan as Markdown, each line with its paragraph (¶N, counted as readDocx counts a Word plan's: headings,
 * paragraphs, list items, table rows). Its lists, tables and headings are kept; what is not the plan is dropped.
 */
export async function readHtml(bytes: Uint8Array, name: string): Promise<ExtractedPlan & { generated?: boolean }> {
  const html = decodePage(bytes, name);
  // the reviewer's page `policy-lens report` writes (its task matrix restates every task): no plan
  const generated = /<meta\s+name="generator"\s+content="Policy Lens"/i.test(html.slice(0, 2048));
  if (!/<[a-z!]/i.test(html)) throw new UnreadableFileError(`cannot read ${name}: not a web page (no HTML in it)`);
  // loaded on first use, as the other readers' libraries are
  const { HtmlParser } = require('./readerLibraries') as typeof import('./readerLibraries');
  const root: Element = { tag: '', attributes: {}, children: [] };
  const stack: Element[] = [root];
  let dropped = 0;
  /** Elements opened below MAX_DEPTH: their text is the deepest element's (a page nested absurdly deep is still read). */
  let flattened = 0;
  const parser = new HtmlParser(
    {
      onopentag(tag, attributes) {
        if (dropped || DROPPED.has(tag)) {
          if (!VOID.has(tag)) dropped++;
          return;
        }
        if (stack.length > MAX_DEPTH) {
          if (!VOID.has(tag)) flattened++;
          return;
        }
        const element: Element = { tag, attributes, children: [] };
        stack[stack.length - 1].children.push(element);
        if (!VOID.has(tag)) stack.push(element);
      },
      ontext(text) {
        if (dropped) return;
        // (the parser hands over a text in pieces, an entity one: joined here, laid out with the rest in laidOut)
        const children = stack[stack.length - 1].children;
        const last = children.length - 1;
        if (last >= 0 && typeof children[last] === 'string') children[last] += text;
        else children.push(text);
      },
      onclosetag(tag) {
        if (dropped) {
          if (!VOID.has(tag)) dropped--;
          return;
        }
        if (VOID.has(tag)) return;
        if (flattened) {
          flattened--;
          return;
        }
        const open = stack.map((e) => e.tag).lastIndexOf(tag);
        if (open > 0) stack.length = open;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  const plan = markdownOfTree(laidOut(root));
  return generated ? { ...plan, generated } : plan;
}

/** What markdownOfTree reads as blocks; any other element is inline text unless it holds blocks (laidOut). */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'div', 'section', 'article', 'blockquote']);
/** Elements that are blocks or hold them. */
const BLOCKISH = new Set([...BLOCKS, 'li', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'pre', 'dl', 'dt', 'dd', 'main', 'center', 'form', 'body', 'html']);
/** A table cell this long (its blanks not counted) is a page's layout, not a 分工表's cell. */
const LAYOUT_CELL = 300;

/**
 * The page's tree as markdownOfTree reads Word's: an element that holds blocks (<body>, <center>, <font>, a <span> around
 * paragraphs) a <div>; <pre> and <dt>/<dd> paragraphs; and a table that lays the page out (a cell that holds a table or
 * a long text, or one cell a row: old government sites set the whole plan in one) its cells' content, not a table.
 */
function laidOut(e: Element, inPre = false): Element {
  if ((e.tag === 'ul' || e.tag === 'ol') && navigation(e)) return { tag: 'div', attributes: {}, children: [] };
  if (e.tag === 'table' && layoutTable(e)) return { tag: 'div', attributes: {}, children: cellsOf(e).map((cell) => ({ tag: 'div', attributes: {}, children: laidOut(cell).children })) };
  const pre = inPre || e.tag === 'pre';
  const children = e.children.map((c) => (typeof c === 'string' ? (pre ? c : collapse(c)) : laidOut(c, pre)));
  if (e.tag === 'pre' || e.tag === 'dt' || e.tag === 'dd') return { tag: 'p', attributes: e.attributes, children };
  if (!BLOCKISH.has(e.tag) && children.some((c) => typeof c !== 'string' && BLOCKISH.has(c.tag))) return { tag: 'div', attributes: e.attributes, children };
  if (e.tag === 'main' || e.tag === 'center' || e.tag === 'form' || e.tag === 'body' || e.tag === 'html' || e.tag === 'dl') return { tag: 'div', attributes: e.attributes, children };
  return { ...e, children };
}

/** A list of links and nothing else (首页, 政务公开, …): a page's menu, not the plan's list. */
function navigation(list: Element): boolean {
  const items = list.children.filter((c): c is Element => typeof c !== 'string' && c.tag === 'li');
  const link = (li: Element) => {
    const content = li.children.filter((c) => typeof c !== 'string' || c.trim());
    return content.length === 1 && typeof content[0] !== 'string' && content[0].tag === 'a';
  };
  return items.length > 0 && items.every(link);
}

const cellsIn = (row: Element) => row.children.filter((c): c is Element => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'));
const textOf = (e: Element): string => e.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
const holdsTable = (e: Element): boolean => e.children.some((c) => typeof c !== 'string' && (c.tag === 'table' || holdsTable(c)));

/** The cells of a table's own rows, in order. */
const cellsOf = (table: Element) => rowsOf(table).flatMap(cellsIn);

/** A table that lays the page out: no cell, a cell that holds a table or a long text, or one cell a row. */
function layoutTable(table: Element): boolean {
  const rows = rowsOf(table);
  const cells = rows.flatMap(cellsIn);
  return !cells.length || cells.some((c) => holdsTable(c) || textOf(c).replace(/\s+/g, '').length > LAYOUT_CELL) || rows.every((r) => cellsIn(r).length === 1);
}
