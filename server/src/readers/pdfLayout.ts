// The text of a PDF plan as the Markdown the Word reader writes: PDF.js gives runs of text placed on a page, and the
// lines, paragraphs, headings and tables are read back from where they stand. A line that reaches the right margin
// goes on in the next (across a page break too); an indented line, or one that opens with an enumeration's marker
// (一、 （一） 1． （1） ①), starts a paragraph; a line in a larger type is a heading. Page numbers and running heads
// and feet go. Lines whose text stands in columns (cells parted by wide gaps) are a table, its first line the
// header; a line of fewer cells than half the columns continues the cells of the row above (a cell's text wrapped).
import { normalizeSpacing } from '../core/text';

/** A run of text on a page: its left, baseline, width and height in points (the origin at the bottom left). */
export interface PdfItem {
  s: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A thin line or box the page draws (a table's border), in points: at most 2.5 across in one direction. */
export interface PdfRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
  /** The page's rules, when its drawing was read: a ruled table's rows and columns are read by them. */
  rules?: PdfRule[];
}

export interface PdfText {
  text: string;
  /** The page of each 0-based line of `text` (`p3`), '' for a blank line (see PlanSource.rowOfLine). */
  rowOfLine: string[];
}

/** A line's cell: its text and where it starts and ends. */
interface Segment {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  page: number;
  /** The horizontal rules of its page (a ruled table's row borders), and its vertical ones (its column borders). */
  rules: readonly PdfRule[];
  verticals: readonly PdfRule[];
  y: number;
  h: number;
  x0: number;
  x1: number;
  segments: Segment[];
  text: string;
}

/** A gap between runs wider than this many times the type's height parts two cells (a column's gutter). */
const CELL_GAP = 0.8;
/** The margin bands (of the page's height) in which page numbers and running heads and feet stand. */
const MARGIN = 0.12;
const PAGE_NUMBER = /^(?:[-—–－―\s]*[0-9０-９]+[-—–－―\s]*|第\s*[0-9０-９]+\s*页(?:\s*[，,]?\s*共\s*[0-9０-９]+\s*页)?|[0-9０-９]+\s*[/／]\s*[0-9０-９]+|(?:page|Page)\s*[0-9]+(?:\s*of\s*[0-9]+)?)$/;
/** A list item's label standing alone, as automatic numbering sets it before a tab: 1.  （一）  一、  ①  •. */
const LABEL = /^(?:[0-9０-９]{1,2}[.．、]|[（(][一二三四五六七八九十0-9０-９]+[)）]|[一二三四五六七八九十]+、|[①-⑳]|[•·●○■◆▪-])$/;
/** What opens a paragraph of its own even right after a full line: an enumeration's marker. */
const MARKER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9０-９]+[)）]|[0-9０-９]{1,2}[．.、](?![0-9０-９])|[①-⑳]|第[一二三四五六七八九十]+[章节条部分])/;

/**
 * Whether a PDF's text is not its words: a font embedded without the map from its glyphs to characters makes PDF.js
 * give private-use characters, replacement characters or controls for them. More than a tenth of the text such: the
 * text cannot be read, and checking it would pass for a plan that cites nothing.
 */
export function garbledText(text: string): boolean {
  const visible = text.replace(/\s+/g, '');
  if (!visible) return false;
  const bad = visible.match(/[\uE000-\uF8FF\uFFFD\u0000-\u001F\u007F-\u009F]|[\uDB80-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return bad > 0.1 * visible.length;
}

/** The plan's Markdown and each line's page, from the pages PDF.js read. */
export function markdownOfPdfPages(pages: PdfPage[]): PdfText {
  const lines = withoutFurniture(pages.map((p, i) => linesOf(p, i + 1)), pages);
  const body = lines.flat();
  const out: PdfText = { text: '', rowOfLine: [] };
  if (!body.length) return out;
  const metrics = measure(body);
  /** The plan's blocks in order: paragraphs, headings and table rows (`opens`: a table's first row). */
  const blocks: { text: string; page: number; opens?: boolean }[] = [];
  let paragraph: { text: string; page: number; last: Line; from: number } | undefined;
  const close = () => {
    if (paragraph) blocks.push({ text: paragraph.text, page: paragraph.page });
    paragraph = undefined;
  };
  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    if (line.segments.length >= 2) {
      // a ruled table's first row may open with a line of one cell (序 of a 序号 that wraps, above the row's other
      // cells, centred): the pending paragraph, when no rule parts it from this line and it stands in the table
      let first = i;
      if (paragraph && paragraph.last === body[i - 1] && enclosed(line) && enclosed(body[i - 1])) {
        let k = i - 1;
        while (k > paragraph.from && !ruleBetween(body[k - 1], body[k])) k--;
        if (k === paragraph.from && !ruleBetween(body[i - 1], line)) {
          paragraph = undefined;
          first = k;
        }
      }
      close();
      const { rows, next } = readTable(body, first);
      for (const row of rows) blocks.push(row);
      i = next - 1;
      continue;
    }
    const heading = headingLevel(line, metrics);
    if (heading) {
      // a title that wraps: the same type on the next line goes on it
      if (paragraph && paragraph.text.startsWith('#') && headingLevel(paragraph.last, metrics) === heading && adjacent(paragraph.last, line)) {
        paragraph.text += joinText(paragraph.text, line.text);
        paragraph.last = line;
        continue;
      }
      close();
      paragraph = { text: `${'#'.repeat(heading)} ${line.text}`, page: line.page, last: line, from: i };
      continue;
    }
    if (paragraph && !paragraph.text.startsWith('#') && continues(paragraph.last, line, metrics)) {
      paragraph.text += joinText(paragraph.text, line.text);
      paragraph.last = line;
      continue;
    }
    close();
    paragraph = { text: line.text, page: line.page, last: line, from: i };
  }
  close();
  const text: string[] = [];
  blocks.forEach((b, k) => {
    // a table's rows stand together; other blocks are parted by a blank line, as the Word reader writes them
    const row = b.text.startsWith('|') && !b.opens;
    if (k > 0 && !(row && blocks[k - 1].text.startsWith('|'))) {
      text.push('');
      out.rowOfLine.push('');
    }
    text.push(b.text);
    out.rowOfLine.push(`p${b.page}`);
  });
  out.text = text.join('\n') + '\n';
  out.rowOfLine.push('');
  return out;
}

/** The page's lines, top to bottom, each of its runs left to right, parted into cells at wide gaps. */
function linesOf(page: PdfPage, number: number): Line[] {
  const items = page.items.filter((i) => i.s.trim() && Number.isFinite(i.x) && Number.isFinite(i.y)).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const item of items) {
    const group = groups[groups.length - 1];
    const h = Math.max(1, item.h);
    if (group && Math.abs(group[0].y - item.y) <= 0.5 * Math.min(h, Math.max(1, group[0].h))) group.push(item);
    else groups.push([item]);
  }
  const verticals = (page.rules ?? []).filter((r) => r.x1 - r.x0 <= 2.5);
  const horizontals = (page.rules ?? []).filter((r) => r.y1 - r.y0 <= 2.5 && r.x1 - r.x0 >= 10);
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const h = Math.max(...group.map((i) => i.h), 1);
    const y = group[0].y;
    // a table's column rule between two runs parts their cells, however narrow the gap
    const ruled = verticals.filter((r) => r.y0 <= y && r.y1 >= y + 0.5 * h);
    const segments: Segment[] = [];
    let raw = '';
    let seg: Segment | undefined;
    const close = () => {
      if (seg) segments.push({ ...seg, text: normalizeSpacing(raw) });
      seg = undefined;
    };
    for (const item of group) {
      const gap = seg ? item.x - seg.x1 : 0;
      if (seg && (gap > CELL_GAP * h || ruled.some((r) => r.x0 >= seg!.x1 - 1 && r.x1 <= item.x + 1))) close();
      if (!seg) {
        seg = { text: '', x0: item.x, x1: item.x + item.w };
        raw = item.s;
      } else {
        raw += (gap > 0.15 * h ? ' ' : '') + item.s;
        seg.x1 = Math.max(seg.x1, item.x + item.w);
      }
    }
    close();
    const kept = segments.filter((s) => s.text);
    // a list's label and its text, parted by a tab (Word's automatic numbering: 1.⇥允许…), are one line, not two cells
    if (kept.length >= 2 && LABEL.test(kept[0].text) && kept[1].x0 - kept[0].x1 < 4 * h) {
      kept.splice(0, 2, { text: normalizeSpacing(`${kept[0].text} ${kept[1].text}`), x0: kept[0].x0, x1: kept[1].x1 });
    }
    return { page: number, rules: horizontals, verticals, y, h, x0: kept[0]?.x0 ?? 0, x1: kept[kept.length - 1]?.x1 ?? 0, segments: kept, text: kept.map((s) => s.text).join(' ') };
  }).filter((l) => l.segments.length);
}

/** The pages' lines without page numbers and the running heads and feet (a line in a margin band on most pages). */
function withoutFurniture(pages: Line[][], sizes: PdfPage[]): Line[][] {
  const inMargin = (l: Line) => {
    const height = sizes[l.page - 1].height || 842;
    return l.y > height * (1 - MARGIN) || l.y < height * MARGIN;
  };
  const shape = (l: Line) => l.text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, number>();
  for (const lines of pages) for (const s of new Set(lines.filter(inMargin).map(shape))) seen.set(s, (seen.get(s) ?? 0) + 1);
  const running = (l: Line) => pages.length >= 2 && (seen.get(shape(l)) ?? 0) >= Math.max(2, pages.length / 2);
  // not a line of cells (a table's header repeated on each page) nor one inside a ruled table (a row's 序号 near the foot)
  return pages.map((lines) => lines.filter((l) => !(inMargin(l) && l.segments.length === 1 && (PAGE_NUMBER.test(l.text.trim()) || running(l)) && !enclosed(l))));
}

interface Metrics {
  /** The body's type height, left margin and right margin. */
  h: number;
  left: number;
  right: number;
  /** The heading type heights, largest first. */
  headings: number[];
  /** Whether paragraphs start indented (as Chinese documents do, by two characters): then a line at the margin goes on with one. */
  indented: boolean;
}

/** The body's type, margins and the heading sizes, as most of the text stands. */
function measure(lines: Line[]): Metrics {
  // the body's type is that of most prose: not a ruled table's (a plan whose 分工表 is longer than its body), unless
  // the tables are nearly all there is (a 分工表 under its headings: then their type is the body's)
  const prose = lines.filter((l) => !enclosed(l));
  const chars = (ls: Line[]) => ls.reduce((n, l) => n + l.text.length, 0);
  const weight = new Map<number, number>();
  for (const l of chars(prose) >= 0.15 * chars(lines) ? prose : lines) weight.set(Math.round(l.h), (weight.get(Math.round(l.h)) ?? 0) + l.text.length);
  const h = [...weight].sort((a, b) => b[1] - a[1])[0][0];
  const body = lines.filter((l) => Math.round(l.h) === h && l.segments.length === 1);
  const lefts = body.map((l) => l.x0).sort((a, b) => a - b);
  const rights = body.map((l) => l.x1).sort((a, b) => a - b);
  const left = lefts.length ? lefts[Math.floor(lefts.length * 0.1)] : 0;
  const right = rights.length ? rights[Math.floor((rights.length - 1) * 0.9)] : Infinity;
  const headings = [...new Set(lines.map((l) => Math.round(l.h)).filter((s) => s >= h * 1.25))].sort((a, b) => b - a);
  const indented = body.filter((l) => l.x0 > left + 1.5 * h && l.x0 < left + 2.6 * h).length >= 0.15 * body.length;
  return { h, left, right, headings, indented };
}

/** A line's heading level (1 for the largest type), 0 for body text. */
function headingLevel(line: Line, m: Metrics): number {
  const at = m.headings.indexOf(Math.round(line.h));
  return at < 0 ? 0 : Math.min(at + 1, 6);
}

/** Whether `next` stands right under `line` (the next line of the same page, or the top of the next page). */
function adjacent(line: Line, next: Line): boolean {
  return next.page !== line.page || line.y - next.y <= 2.2 * Math.max(line.h, next.h);
}

/** What ends a paragraph's last line: a sentence's or a clause's end, or a closing bracket or quotation mark. */
const ENDS = /[。！？!?；;：:」』”’）)]$/;

/**
 * Whether `next` goes on with the paragraph that `last` ended: `next` stands at the margin right under it and opens
 * nothing new, and `last` reached the right margin, or (where paragraphs start indented) it broke early, before a
 * word of Latin letters or digits that did not fit (中方股比不低于 | 51%), not at a sentence's end.
 */
function continues(last: Line, next: Line, m: Metrics): boolean {
  if (next.x0 > m.left + 0.9 * m.h || MARKER.test(next.text) || !adjacent(last, next)) return false;
  // a rule between them (a table's border under its title) parts them
  if (last.page === next.page && ruleBetween(last, next)) return false;
  return last.x1 >= m.right - 1.5 * m.h || (m.indented && !ENDS.test(last.text));
}

/** Two pieces of one paragraph joined: CJK text runs on, Latin words take a space. */
function joinText(before: string, after: string): string {
  return /[A-Za-z0-9,.;:]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? ` ${after}` : after;
}

/**
 * The table whose header is body[start]: its rows as Markdown (the header, the separator, then each row), and the index
 * of the first line after it. Its columns are the bands its texts fill (columnsOf); a line of more than half as many
 * cells opens a row, a line of fewer continues the cells of the row above (wrapped text, a header's second row); a line
 * that starts left of the header, stands far below or runs across its columns ends it. A header repeated at the top of a page is skipped.
 */
function readTable(body: Line[], start: number): { rows: { text: string; page: number; opens?: boolean }[]; next: number } {
  const header = body[start];
  const tolerance = Math.max(3, header.h);
  // the table's lines: up to one that starts left of the header's text (a cell's is inset from the table's edge), stands
  // far below, or runs across two of the header's columns (prose: a cell's text never does); a header repeated at the
  // top of a page is left out
  const across = (l: Line) => l.segments.length === 1 && header.segments.filter((h) => l.x0 < h.x1 && l.x1 > h.x0).length >= 2;
  // a table drawn with rules: a line is in it while rules stand above and below it, and a rule between two lines parts
  // their rows (a cell centred in its row, a header that wraps, a merged cell: what the rules say, not the lines)
  const ruled = enclosed(header);
  // a ruled table's column rules where a line stands: another table right under this one has others
  const columnRules = (l: Line) => l.verticals.filter((r) => r.y0 <= l.y && r.y1 >= l.y).map((r) => (r.x0 + r.x1) / 2).sort((a, b) => a - b);
  const own = columnRules(header);
  const sameColumns = (l: Line) => {
    const at = columnRules(l);
    return at.length === own.length && at.every((x, k) => Math.abs(x - own[k]) <= 2);
  };
  const lines: Line[] = [header];
  // the header's lines (in a ruled table, those above its first row rule), which a later page repeats
  const heads = new Set([header.text]);
  let inHeader = true;
  let i = start + 1;
  for (let last = header; i < body.length; i++) {
    const line = body[i];
    if (ruled ? !enclosed(line) || (line.page === header.page && !sameColumns(line)) : line.x0 < header.x0 - 3 || !adjacent(last, line) || across(line)) break;
    inHeader &&= ruled && !ruleBetween(last, line);
    if (inHeader) heads.add(line.text);
    if (!(line.page !== header.page && heads.has(line.text) && (line.page !== last.page || heads.has(last.text)))) lines.push(line);
    last = line;
  }
  // a line of prose with a wide gap in it (a signature: 天河区人民政府      2023年1月) is no table
  if (lines.length === 1) return { rows: [{ text: header.text, page: header.page }], next: start + 1 };
  const columns = columnsOf(lines);
  // a text's column: the first it overlaps (a header cell centred over two columns, 责任单位 over 牵头单位 and 配合单位,
  // names the first), else the last that starts left of it
  const column = (s: Segment) => {
    const over = columns.findIndex((c) => s.x0 < c.x1 && s.x1 > c.x0);
    if (over >= 0) return over;
    let c = 0;
    for (let k = 0; k < columns.length; k++) if (s.x0 >= columns[k].x0 - tolerance) c = k;
    return c;
  };
  // how far a cell's text can reach: the next column's start less the padding between the fullest column's text and
  // it (the last column: as far as its text reaches). A line of a cell that stops well short of that ended a paragraph
  // of the cell (区商务局 over 区统计局: two units, joined by a space as the Word reader joins a cell's paragraphs); a
  // wrapped one fills it
  const padding = Math.max(0, Math.min(...columns.slice(1).map((c, k) => c.x0 - columns[k].x1)));
  const capacity = columns.map((c, k) => (k + 1 < columns.length ? columns[k + 1].x0 - padding : c.x1));
  // a header cell merged over two columns (责任单位 over 牵头单位 and 配合单位) leaves a column without a header, which
  // the line under it names: a second row of headers, which the plan model reads as the Word reader writes it, a row of
  // its own
  const unnamed = columns.map((_, k) => k).filter((k) => !header.segments.some((h) => column(h) === k));
  const twoRows = unnamed.length > 0 && lines[1].segments.some((s) => unnamed.includes(column(s)));
  const rows: { cells: string[]; page: number; border?: number }[] = [];
  let ends: number[] = [];
  /** The rows that open a page: perhaps the rest of a row the page's end broke. */
  const openPage = new Set<number>();
  lines.forEach((line, j) => {
    // in a ruled table, the rule is looked for under the last line above that shares a column with this one (a merged
    // cell's text, centred on the border of two of its rows, stands between them in a column the border does not
    // cross), and must be another than the one over the row this line would join (a 序号 centred under its row's first
    // line finds that row's own border above it)
    const above = j > 0 ? (ruled ? lines[lastOverlapping(lines, j)] : lines[j - 1]) : undefined;
    const border = ruled && above && above.page === line.page ? borderY(above, line) : undefined;
    const current = rows[rows.length - 1];
    const opens = ruled
      ? !above || above.page !== line.page || (border !== undefined && !(current?.page === line.page && current.border !== undefined && border >= current.border - 1))
      : j === 0 || (line.segments.length >= 2 && line.segments.length > columns.length / 2) || (twoRows && rows.length === 1 && j === 1);
    if (opens) {
      if (j > 1 && lines[j - 1].page !== line.page) openPage.add(rows.length);
      rows.push({ cells: columns.map(() => ''), page: line.page, border });
      ends = columns.map(() => Infinity);
    }
    const row = rows[rows.length - 1].cells;
    for (const s of line.segments) {
      const c = column(s);
      // short: the cell's line before ended a paragraph of the cell, unless what follows is a word of Latin letters or
      // digits that did not fit on it (不低于 | 1000万元) after no sentence's end
      const short = ends[c] < capacity[c] - 1.5 * line.h && !(/^[0-9０-９A-Za-z]/.test(s.text) && !ENDS.test(row[c]));
      row[c] = row[c] ? row[c] + (short ? ` ${s.text}` : joinText(row[c], s.text)) : s.text;
      ends[c] = s.x1;
    }
  });
  // a merged cell (a category over several rows): the rows whose border does not cross its column are one cell there,
  // its text in the first of them wherever it was centred (the others left empty, as the Word reader leaves them)
  if (ruled) {
    for (let r = rows.length - 1; r >= 2; r--) {
      const y = rows[r].border;
      if (y === undefined) continue;
      const rules = lines.find((l) => l.page === rows[r].page)?.rules ?? [];
      columns.forEach((c, k) => {
        const mid = (c.x0 + c.x1) / 2;
        if (rules.some((rule) => Math.abs(ruleY(rule) - y) <= 1.5 && over(rule, mid, mid)) || !rows[r].cells[k]) return;
        const top = rows[r - 1].cells;
        top[k] = top[k] ? top[k] + joinText(top[k], rows[r].cells[k]) : rows[r].cells[k];
        rows[r].cells[k] = '';
      });
    }
  }
  // a row the page's end broke (Word lets a row break across pages): where every other row fills the first column (序号),
  // a row at a page's top that leaves it empty is the rest of the row above
  const keyed = rows.slice(1).every((r, k) => openPage.has(k + 1) || r.cells[0] !== '');
  for (let r = rows.length - 1; r >= 2; r--) {
    if (!keyed || !openPage.has(r) || rows[r].cells[0] !== '') continue;
    const above = rows[r - 1].cells;
    rows[r].cells.forEach((text, c) => (above[c] = above[c] && text ? above[c] + joinText(above[c], text) : above[c] || text));
    rows.splice(r, 1);
  }
  if (rows.length === 1) return { rows: [{ text: header.text, page: header.page }], next: start + 1 };
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const md = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const out: { text: string; page: number; opens?: boolean }[] = [{ text: md(rows[0].cells), page: rows[0].page, opens: true }, { text: `|${columns.map(() => ' --- ').join('|')}|`, page: rows[0].page }];
  for (const r of rows.slice(1)) out.push({ text: md(r.cells), page: r.page });
  return { rows: out, next: i };
}

/** A rule's height on its page, and whether it runs over [x0, x1]. */
const ruleY = (r: PdfRule) => (r.y0 + r.y1) / 2;
const over = (r: PdfRule, x0: number, x1: number) => r.x0 <= x1 && r.x1 >= x0;

/** Whether rules stand above, below, left and right of the line, across where it stands (a line of a ruled table). */
function enclosed(line: Line): boolean {
  const mid = (line.x0 + line.x1) / 2;
  const beside = (r: PdfRule) => r.y0 <= line.y && r.y1 >= line.y;
  return line.rules.some((r) => over(r, mid, mid) && ruleY(r) > line.y + 0.5 * line.h)
    && line.rules.some((r) => over(r, mid, mid) && ruleY(r) < line.y)
    && line.verticals.some((r) => beside(r) && r.x1 <= line.x0 + 1)
    && line.verticals.some((r) => beside(r) && r.x0 >= line.x1 - 1);
}

/** Whether a rule runs between two lines of a table (a row's border), or a page ends between them. */
function ruleBetween(upper: Line, lower: Line): boolean {
  return upper.page !== lower.page || borderY(upper, lower) !== undefined;
}

/** The height of a rule between two lines of a page (a row's border), if one runs between them where they stand. */
function borderY(upper: Line, lower: Line): number | undefined {
  const x0 = Math.max(upper.x0, lower.x0);
  const x1 = Math.min(upper.x1, lower.x1);
  const rule = lower.rules.find((r) => ruleY(r) < upper.y - 0.05 * upper.h && ruleY(r) > lower.y + 0.7 * lower.h && over(r, Math.min(x0, x1), Math.max(x0, x1)));
  return rule && ruleY(rule);
}

/** The last line before lines[j] of its page that shares a column with it (lines[j - 1] when none does). */
function lastOverlapping(lines: Line[], j: number): number {
  const line = lines[j];
  for (let k = j - 1; k >= 0 && lines[k].page === line.page; k--) {
    if (lines[k].segments.some((a) => line.segments.some((b) => a.x0 < b.x1 && a.x1 > b.x0))) return k;
  }
  return j - 1;
}

/**
 * A table's columns, left to right: the bands its texts below the header fill (texts that overlap, a centred cell's
 * of every width, are one column), or the header's cells when nothing stands below them.
 */
function columnsOf(lines: Line[]): { x0: number; x1: number }[] {
  const below = lines.slice(1).flatMap((l) => l.segments);
  const texts = (below.length ? below : lines[0].segments).slice().sort((a, b) => a.x0 - b.x0);
  const bands: { x0: number; x1: number }[] = [];
  for (const t of texts) {
    const band = bands[bands.length - 1];
    if (band && t.x0 < band.x1 + 2) band.x1 = Math.max(band.x1, t.x1);
    else bands.push({ x0: t.x0, x1: t.x1 });
  }
  // a header cell over no band (a column whose cells below are all empty) is a column of its own
  for (const h of lines[0].segments) if (!bands.some((b) => h.x0 < b.x1 && h.x1 > b.x0)) bands.push({ x0: h.x0, x1: h.x1 });
  return bands.sort((a, b) => a.x0 - b.x0);
}
