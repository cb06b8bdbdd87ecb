// A review written into a copy of an Excel 分工表, as Word's is (wordComments.ts): each finding a comment (批注) on the
// cell it is about, in the legacy comments every Excel, WPS Spreadsheets and LibreOffice shows (the comments part and the
// VML drawing of their boxes). The rest of the workbook is left as it is: only the annotated sheets' XML, their
// relationships and the content types change.
import { Finding } from '../core/findings';
import { Locale } from '../core/messages';
import { LineIndex } from '../core/text';
import { EMPTY_RELATIONSHIPS, escapeXml, parseXml, RELATIONSHIP_NS, relationshipsOf, relsOf, resolveTarget, serializeXml, withOverride, withRelationship } from './officeParts';
import { unescapeEntities } from '../readers/docx';
import { commentLines, plain } from './commentText';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = RELATIONSHIP_NS;
const COMMENTS_TYPE = `${REL_NS}/comments`;
const VML_TYPE = `${REL_NS}/vmlDrawing`;
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

/** A note on a row of a sheet: in the cell holding its text, else in `column` (1-based: the table's cell it was in). */
export interface CellNote {
  sheet: string;
  row: number;
  column?: number;
  /** Its characters other than whitespace (plain()). */
  text: string;
  comment: string[];
}

/**
 * The findings of an extracted workbook (readXlsx: a line per row, `rowOfLine` its `sheet!row`) as notes on cells: a
 * Markdown table row's finding in the column of the cell it starts in. A finding on no row (a sheet's heading) is on
 * the row of the next line that has one (none: the first sheet's first cell).
 */
export function workbookNotesOf(text: string, rowOfLine: readonly string[], findings: readonly Finding[], locale: Locale): CellNote[] {
  const lines = new LineIndex(text);
  const notes: CellNote[] = [];
  for (const f of findings) {
    let line = lines.positionAt(f.start).line;
    while (line < rowOfLine.length && !rowOfLine[line]) line++;
    // a line of no row (none follows): the first sheet's first cell, as annotateXlsx places a sheet it does not have
    const place = rowOfLine[line] || '!1';
    const bang = place.lastIndexOf('!');
    const row = Number(place.slice(bang + 1));
    const lineText = text.slice(lines.lineStart(line), lines.lineEnd(line));
    const at = line === lines.positionAt(f.start).line ? f.start - lines.lineStart(line) : 0;
    // a table row's cells are parted by the pipes Markdown does not escape: the cell the finding starts in
    const column = lineText.startsWith('|') ? lineText.slice(0, at).replace(/\\\\|\\\|/g, '').split('|').length - 1 : undefined;
    notes.push({ sheet: place.slice(0, bang), row, column: column && column > 0 ? column : undefined, text: plain(text.slice(f.start, f.end)), comment: commentLines(f, locale) });
  }
  return notes;
}

/** A1-style column letters of a 1-based column. */
function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The 1-based column and row of an A1 reference. */
function cellOf(ref: string): { column: number; row: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) return undefined;
  return { column: [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0), row: Number(m[2]) };
}

export interface AnnotatedWorkbook {
  bytes: Buffer;
  /** Comments placed on the cell holding their text, on the cell of their column, or on the row's first cell. */
  placed: { text: number; column: number; row: number };
}

/**
 * A copy of the .xlsx with the notes written in as comments: several on one cell become one comment (Excel keeps one a
 * cell), a cell's own comment is kept and ours follows it. Throws on an archive that is not an Excel workbook.
 */
export async function annotateXlsx(bytes: Uint8Array, notes: readonly CellNote[], author: string): Promise<AnnotatedWorkbook> {
  const { JSZip } = require('../readers/readerLibraries') as typeof import('../readers/readerLibraries');
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)?.async('string');
  const workbookXml = await read('xl/workbook.xml');
  let types = await read('[Content_Types].xml');
  if (workbookXml === undefined || types === undefined) throw new Error('not an Excel .xlsx workbook (no xl/workbook.xml)');
  const relationships = async (part: string) => {
    const xml = (await read(relsOf(part))) ?? EMPTY_RELATIONSHIPS;
    return { xml, list: relationshipsOf(xml) };
  };
  // sheets by name
  const workbookRels = (await relationships('xl/workbook.xml')).list;
  const sheets = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const rel = workbookRels.find((r) => r.id === id);
    if (name !== undefined && rel) sheets.set(unescapeEntities(name), resolveTarget('xl/workbook.xml', rel.target));
  }
  const shared = sharedStrings(await read('xl/sharedStrings.xml'));

  const placed = { text: 0, column: 0, row: 0 };
  // every VML drawing's shapes need ids of their own across the workbook: a block of 1024 each (o:idmap)
  let drawingBlock = 1 + Math.max(0, ...(await Promise.all(Object.keys(zip.files).filter((f) => /\.vml$/i.test(f)).map(async (f) => Math.max(0, ...[...((await read(f)) ?? '').matchAll(/\bdata="([\d,]+)"/g)].flatMap((m) => m[1].split(',').map(Number)))))));
  const bySheet = new Map<string, CellNote[]>();
  const first = [...sheets.keys()][0];
  if (first === undefined) throw new Error('not an Excel .xlsx workbook (no sheet)');
  for (const note of notes) {
    // a sheet the workbook does not have (the reader and the file disagree): the first sheet's first cell, not dropped
    const n = sheets.has(note.sheet) ? note : { ...note, sheet: first, row: 1, column: undefined, text: '' };
    bySheet.set(n.sheet, [...(bySheet.get(n.sheet) ?? []), n]);
  }
  const taken = new Set(Object.keys(zip.files));
  const freshName = (pattern: (n: number) => string) => {
    let n = 1;
    while (taken.has(pattern(n))) n++;
    taken.add(pattern(n));
    return pattern(n);
  };
  for (const [sheetName, sheetNotes] of bySheet) {
    const sheetPart = sheets.get(sheetName)!;
    const sheetXml = await read(sheetPart);
    if (sheetXml === undefined) throw new Error(`not an Excel .xlsx workbook (no ${sheetPart})`);
    const sheet = parseXml(sheetXml, sheetPart);
    // the cells' text by reference, and the merged ranges (a note on a cell merged into another goes on that one)
    const texts = new Map<string, string>();
    for (const c of Array.from(sheet.getElementsByTagNameNS(MAIN_NS, 'c'))) texts.set(c.getAttribute('r') ?? '', plain(cellValue(c, shared)));
    const merges = Array.from(sheet.getElementsByTagNameNS(MAIN_NS, 'mergeCell')).map((m) => (m.getAttribute('ref') ?? '').split(':').map(cellOf)).filter((r): r is [NonNullable<ReturnType<typeof cellOf>>, NonNullable<ReturnType<typeof cellOf>>] => r.length === 2 && !!r[0] && !!r[1]);
    const master = (column: number, row: number) => {
      const m = merges.find(([a, b]) => column >= a.column && column <= b.column && row >= a.row && row <= b.row);
      return m ? `${columnName(m[0].column)}${m[0].row}` : `${columnName(column)}${row}`;
    };
    const comments = new Map<string, string[]>();
    for (const n of sheetNotes) {
      const inRow = [...texts].filter(([ref, t]) => cellOf(ref)?.row === n.row && n.text && t.includes(n.text)).map(([ref]) => cellOf(ref)!);
      const cell = inRow.find((c) => c.column === n.column) ?? inRow[0];
      if (cell) placed.text++;
      else if (n.column) placed.column++;
      else placed.row++;
      const ref = master(cell?.column ?? n.column ?? 1, n.row);
      comments.set(ref, [...(comments.get(ref) ?? []), ...(comments.has(ref) ? [''] : []), ...n.comment]);
    }

    // the sheet's comments part and drawing: its own when it has them, else new ones
    const rels = await relationships(sheetPart);
    let relsXml = rels.xml;
    const addRelationship = (type: string, target: string) => {
      const added = withRelationship(relsXml, type, target);
      relsXml = added.xml;
      return added.id;
    };
    const relative = (part: string) => `../${part.split('/').slice(1).join('/')}`;
    const ownComments = rels.list.find((r) => r.type === COMMENTS_TYPE);
    const ownDrawing = rels.list.find((r) => r.type === VML_TYPE);
    const commentsPart = ownComments ? resolveTarget(sheetPart, ownComments.target) : freshName((k) => `xl/comments${k}.xml`);
    const drawingPart = ownDrawing ? resolveTarget(sheetPart, ownDrawing.target) : freshName((k) => `xl/drawings/vmlDrawing${k}.vml`);
    if (!ownComments) {
      addRelationship(COMMENTS_TYPE, relative(commentsPart));
      types = withOverride(types, commentsPart, COMMENTS_CONTENT_TYPE);
    }
    if (!ownDrawing) {
      const id = addRelationship(VML_TYPE, relative(drawingPart));
      insertLegacyDrawing(sheet, id);
      zip.file(sheetPart, serializeXml(sheet, sheetXml));
    }
    zip.file(relsOf(sheetPart), relsXml);

    // the comments: the author, then one comment a cell, a cell's own first
    const commentsXml = (await read(commentsPart)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
    const authors = [...commentsXml.matchAll(/<author>([\s\S]*?)<\/author>/g)].map((m) => m[1]);
    let authorId = authors.indexOf(escapeXml(author));
    let updated = commentsXml;
    if (authorId < 0) {
      authorId = authors.length;
      updated = /<authors\s*\/>/.test(updated) ? updated.replace(/<authors\s*\/>/, `<authors><author>${escapeXml(author)}</author></authors>`) : updated.replace(/<\/authors>/, `<author>${escapeXml(author)}</author></authors>`);
    }
    const shapes: string[] = [];
    for (const [ref, lines] of comments) {
      const own = new RegExp(`<comment\\b[^>]*\\bref="${ref}"[^>]*>([\\s\\S]*?)</comment>`).exec(updated);
      const runs = lines.map((l, i) => `<r><t xml:space="preserve">${escapeXml(i < lines.length - 1 ? `${l}\n` : l)}</t></r>`).join('');
      if (own) {
        // the cell's comment and ours in one: Excel keeps one a cell
        updated = updated.replace(own[0], own[0].replace(/<\/text>\s*<\/comment>$/, `<r><t xml:space="preserve">\n\n</t></r>${runs}</text></comment>`));
        continue;
      }
      updated = updated.replace(/<commentList\s*\/>/, '<commentList></commentList>').replace(/<\/commentList>/, `<comment ref="${ref}" authorId="${authorId}"><text>${runs}</text></comment></commentList>`);
      shapes.push(ref);
    }
    zip.file(commentsPart, updated);
    const ownVml = await read(drawingPart);
    // a drawing of the sheet's own: our shapes after its last, in its block of ids; a new one: a block of its own
    const block = ownVml === undefined ? drawingBlock++ : undefined;
    const firstShape = block !== undefined ? block * 1024 + 1 : 1 + Math.max(0, ...[...ownVml!.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])));
    const vml = ownVml ?? `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype></xml>`;
    const shapesXml = shapes.map((ref, k) => noteShape(ref, firstShape + k)).join('');
    zip.file(drawingPart, vml.replace(/<\/xml>\s*$/, `${shapesXml}</xml>`));
  }
  if (!/Extension="vml"/i.test(types)) types = types.replace(/<\/Types>\s*$/, `<Default Extension="vml" ContentType="${VML_CONTENT_TYPE}"/></Types>`);
  zip.file('[Content_Types].xml', types);
  return { bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), placed };
}

/** The hidden box of a cell's comment, as Excel draws one: to the right of the cell, shown on hover. */
function noteShape(ref: string, id: number): string {
  const { column, row } = cellOf(ref)!;
  const anchor = `${column}, 15, ${Math.max(0, row - 2)}, 10, ${column + 3}, 15, ${row + 3}, 4`;
  return `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:120pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${column - 1}</x:Column></x:ClientData></v:shape>`;
}

/** The elements a worksheet may hold after its legacyDrawing, in their order: it goes before the first of them. */
const AFTER_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function insertLegacyDrawing(sheet: Document, id: string): void {
  const root = sheet.documentElement;
  const prefix = root.prefix ? `${root.prefix}:` : '';
  const element = sheet.createElementNS(MAIN_NS, `${prefix}legacyDrawing`);
  element.setAttributeNS(REL_NS, `${root.lookupPrefix(REL_NS) ?? 'r'}:id`, id);
  if (!root.lookupPrefix(REL_NS)) root.setAttribute('xmlns:r', REL_NS);
  let before: Node | null = null;
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && AFTER_LEGACY_DRAWING.includes((c as Element).localName)) {
      before = c;
      break;
    }
  }
  root.insertBefore(element, before);
}

/** The shared strings' texts (phonetic runs left out). */
export function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  // an empty <si/> is an index too
  return [...xml.matchAll(/<si\s*\/>|<si>([\s\S]*?)<\/si>/g)].map((m) => unescapeEntities((m[1] ?? '').replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').replace(/<t\b[^>]*>([\s\S]*?)<\/t>|<[^>]+>/g, (_, t?: string) => t ?? '')));
}

/** What a cell holds as text: a shared or inline string, a formula's string, else its raw value. */
function cellValue(c: Element, shared: readonly string[]): string {
  const type = c.getAttribute('t');
  const v = c.getElementsByTagNameNS(MAIN_NS, 'v')[0]?.textContent ?? '';
  if (type === 's') return shared[Number(v)] ?? '';
  if (type === 'inlineStr') return Array.from(c.getElementsByTagNameNS(MAIN_NS, 't')).map((t) => t.textContent ?? '').join('');
  return v;
}
