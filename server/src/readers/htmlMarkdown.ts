// An HTML tree as the Markdown a drafter would write (see readDocx for how): Word's HTML as mammoth writes it, a web
// page's as htmlparser2 reads it. Each line keeps the paragraph it came from.
import type { ExtractedPlan } from './docx';

export interface Element {
  tag: string;
  attributes: Record<string, string>;
  children: Node[];
}
export type Node = Element | string;

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

/** A table's own rows (not a nested table's), in order. */
export function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const collect = (e: Element) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.tag === 'tr') rows.push(c);
      else if (c.tag === 'thead' || c.tag === 'tbody' || c.tag === 'tfoot') collect(c);
    }
  };
  collect(table);
  return rows;
}

/**
 * The Markdown of an HTML tree, as readDocx describes it, with each line's paragraph (ExtractedPlan): Word's HTML from
 * mammoth, or a web page's (html.ts).
 */
export function markdownOfTree(root: Element): ExtractedPlan {
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
    const rows = rowsOf(table);
    // a cell merged down (rowspan) is each row's: a 分工表's 牵头单位 or 完成时限 merged over the rows of one unit's
    // tasks (Excel's reader repeats them so too); one merged across (colspan) is its first column's, the rest empty
    const pendingDown: { rows: number; text: string }[] = [];
    const grid: string[][] = rows.map((row) => {
      const cells: string[] = [];
      let column = 0;
      const skipMerged = () => {
        while (pendingDown[column]?.rows > 0) {
          pendingDown[column].rows--;
          cells.push(pendingDown[column].text);
          column++;
        }
      };
      for (const cell of row.children) {
        if (typeof cell === 'string' || (cell.tag !== 'td' && cell.tag !== 'th')) continue;
        skipMerged();
        const span = Math.max(1, Number(cell.attributes.colspan) || 1);
        const down = Math.max(1, Number(cell.attributes.rowspan) || 1) - 1;
        for (let i = 0; i < span; i++) {
          const text = i ? '' : cellText(cell.children).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
          cells.push(text);
          if (down) pendingDown[column] = { rows: down, text };
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
  walk(root.children);
  return { text: lines.length ? lines.join('\n') + '\n' : '', paragraphOfLine: lines.length ? [...paragraphOfLine, 0] : [0] };
}
