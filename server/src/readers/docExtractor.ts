// word-extractor's reader of Word 97–2003 files, with each heading's `#`s and the numbers of Word's automatic numbering
// written before their paragraphs (docNumbering.ts), as the .docx reader writes them. It runs in the legacy readers'
// worker (legacyOffice.ts), in their bundle.
//
// word-extractor builds the body from its table of text pieces, which must keep their lengths: each heading's and
// numbered paragraph's first character is swapped for a private-use marker before the body is built, and the marker for
// the `#`s, the label and that character after (the body's clean-up drops and joins characters: offsets would not hold).
import BufferReader = require('word-extractor/lib/buffer-reader');
import WordOleExtractor = require('word-extractor/lib/word-ole-extractor');
import { docParagraphs, labelsOf, readDocLists, readDocStyles } from './docNumbering';
import { DocRow, docRows } from './docTables';

/** What this module reads of word-extractor's OLE extractor (its version is locked; a test reads a real .doc with it). */
interface Piece {
  startCp: number;
  startFilePos: number;
  size: number;
  bpc: number;
  text: string;
}
interface ExtractedDocument {
  _body: string;
  /** The rows of its outermost tables in the order of the text, with the cells each continues from the row above. */
  rows?: BodyRow[];
  getBody(options?: { filterUnicode?: boolean }): string;
}

/**
 * Markers: characters of a block of the private-use area that Word's symbol fonts (U+F0xx) do not use, and that the
 * document itself does not (GBK's user-defined characters, a rare 生僻字 a font draws, are mapped there).
 */
const MARKER_BLOCK = /[\ue000-\ue7ff]/g;
const MARKER = 0xe000;
const MARKERS = 0x800;

class NumberedOleExtractor extends (WordOleExtractor as unknown as new () => {
  extract(reader: unknown): Promise<ExtractedDocument>;
  extractWordDocument(document: unknown, buffer: Buffer): Promise<ExtractedDocument>;
  documentStream(document: unknown, name: string): Promise<unknown>;
  streamBuffer(stream: unknown): Promise<Buffer>;
  buildDocument(): ExtractedDocument;
  _pieces: Piece[];
  _boundaries: { ccpText: number };
}) {
  private streams?: { word: Buffer; table: Buffer };

  extractWordDocument(document: unknown, buffer: Buffer): Promise<ExtractedDocument> {
    if (buffer.length < 0x0c || buffer.readUInt16LE(0) !== 0xa5ec) return super.extractWordDocument(document, buffer);
    const table = (buffer.readUInt16LE(0x0a) & 0x0200) !== 0 ? '1Table' : '0Table';
    return this.documentStream(document, table)
      .then((stream) => this.streamBuffer(stream))
      .then(
        (tableBuffer) => (this.streams = { word: buffer, table: tableBuffer }),
        () => undefined, // no table stream: word-extractor says so
      )
      .then(() => super.extractWordDocument(document, buffer));
  }

  buildDocument(): ExtractedDocument {
    let pending: ReturnType<NumberedOleExtractor['markOutline']>;
    try {
      pending = this.streams ? this.markOutline(this.streams.word, this.streams.table) : undefined;
    } catch {
      pending = undefined; // the text without its numbers, as before this reader read them
    }
    let rows: BodyRow[] | undefined;
    try {
      rows = this.streams ? this.bodyRows(this.streams.word, this.streams.table) : undefined;
    } catch {
      rows = undefined; // cells merged down read empty, as before this reader read them
    }
    const document = super.buildDocument();
    document.rows = rows;
    if (pending?.size) {
      document._body = document._body.replace(MARKER_BLOCK, (marker) => {
        const entry = pending.get(marker)?.shift();
        return entry ? entry.label + entry.original : marker;
      });
    }
    return document;
  }

  /** The rows of the body's outermost tables (docRows), in the order of the text (by their row-end marks' places). */
  private bodyRows(word: Buffer, table: Buffer): BodyRow[] {
    const placed: { cp: number; row: BodyRow }[] = [];
    for (const { fc, ...row } of docRows(word, table)) {
      const at = this.placeOf(fc);
      if (at && at.cp < this._boundaries.ccpText) placed.push({ cp: at.cp, row });
    }
    return placed.sort((a, b) => a.cp - b.cp).map((p) => p.row);
  }

  /** The text piece that holds a file offset (FC), and the character position (CP) it stands at in the document's text. */
  private placeOf(fc: number): { piece: Piece; cp: number } | undefined {
    const piece = this._pieces.find((x) => fc >= x.startFilePos && fc < x.startFilePos + x.size);
    return piece && { piece, cp: piece.startCp + Math.floor((fc - piece.startFilePos) / piece.bpc) };
  }

  /** Swaps each heading's and numbered paragraph's first character for a marker; by marker, what to put back. */
  private markOutline(word: Buffer, table: Buffer): Map<string, { label: string; original: string }[]> | undefined {
    const lists = readDocLists(word, table);
    const styles = readDocStyles(word, table);
    if (!lists.instances.length && ![...styles.values()].some((s) => s.heading)) return undefined;
    const pieces = this._pieces;
    const ccpText = this._boundaries.ccpText;
    const placed: { cp: number; piece: Piece; ilfo: number; ilvl: number; heading: number }[] = [];
    for (const p of docParagraphs(word, table, styles)) {
      const heading = p.inTable ? 0 : styles.get(p.istd)?.heading ?? 0;
      if (!p.ilfo && !heading) continue;
      const at = this.placeOf(p.fc);
      if (at && at.cp < ccpText) placed.push({ cp: at.cp, piece: at.piece, ilfo: p.ilfo, ilvl: p.ilvl, heading });
    }
    placed.sort((a, b) => a.cp - b.cp);
    const numbered = placed.filter((p) => p.ilfo > 0);
    const labels = new Map(labelsOf(numbered, lists).map((label, k) => [numbered[k], label]));
    const pending = new Map<string, { label: string; original: string }[]>();
    const taken = new Set(pieces.flatMap((x) => x.text.match(MARKER_BLOCK) ?? []));
    const markers: string[] = [];
    for (let c = MARKER; c < MARKER + MARKERS; c++) if (!taken.has(String.fromCharCode(c))) markers.push(String.fromCharCode(c));
    if (!markers.length) return undefined;
    placed.forEach((p, k) => {
      const label = (p.heading ? '#'.repeat(p.heading) + ' ' : '') + (labels.get(p) ?? '');
      const at = p.cp - p.piece.startCp;
      const original = p.piece.text[at];
      // before text only: not an empty paragraph's (its mark), a cell's end or a field's start
      if (!label || original === undefined || original.charCodeAt(0) < 0x20 || (original >= '\ue000' && original <= '\uf8ff')) return;
      const marker = markers[k % markers.length];
      p.piece.text = p.piece.text.slice(0, at) + marker + p.piece.text.slice(at + 1);
      const list = pending.get(marker);
      if (list) list.push({ label, original });
      else pending.set(marker, [{ label, original }]);
    });
    return pending;
  }
}

/** A row of the body's outermost tables, as docRows reads it, without its place in the file. */
export type BodyRow = Omit<DocRow, 'fc'>;

/**
 * The body text of a Word 97–2003 document, its headings' `#`s and automatic numbers written before their paragraphs,
 * and its tables' rows (undefined when they could not be read).
 */
export async function docBody(bytes: Buffer): Promise<{ body: string; rows?: BodyRow[] }> {
  const reader = new BufferReader(bytes);
  await reader.open();
  try {
    const document = await new NumberedOleExtractor().extract(reader);
    // as the file has it: word-extractor would otherwise make “” and — of Chinese text " and -
    return { body: document.getBody({ filterUnicode: false }), rows: document.rows };
  } finally {
    await reader.close();
  }
}
