// Word 97–2003's table rows (.doc, and WPS's .wps): where each row's cells stand, and which are merged down into the
// cell above. The text word-extractor gives has a cell merged down as an empty cell, so a 分工表 whose 牵头单位 or 完成时限 is merged over
// the rows of one unit read as rows without a lead or a deadline (the .docx, .xlsx and web page readers repeat such a
// cell in each of its rows), and a cell merged across (责任单位 over 牵头单位 and 配合单位) as one cell, the columns after it
// shifted. A row's cells are in the properties of its row-end paragraph ([MS-DOC] 2.4.3 to 2.4.5:
// sprmPFTtp; sprmTDefTable's TC80s, TCGRF.vertMerge; sprmTVertMerge), read here from the paragraphs' FKPs
// (forEachPapx). Plain functions over the file's two streams; anything out of bounds ends the reading with what was read.
import { forEachPapx, forEachSprm, SPRM_T_DEF_TABLE } from './docNumbering';

/** A row of an outermost table: its row-end mark's file offset (FC), how many cells it has, which are merged down. */
export interface DocRow {
  fc: number;
  cells: number;
  /** Where its cells start and the last ends, in twips from the table's left (rgdxaCenter: cells + 1 of them). */
  bounds: number[];
  /** The indices of its cells that continue the cell above (merged down), in order. */
  continued: number[];
}

/** sprmPFTtp: the paragraph ends a row of an outermost table. */
const SPRM_P_F_TTP = 0x2417;
/** sprmTVertMerge: one cell's vertical merge ([MS-DOC] 2.9.343 VerticalMergeFlag), after the TC80s. */
const SPRM_T_VERT_MERGE = 0xd62b;
/** A TC80: its TCGRF (2 bytes), its width (2) and four borders (4 each). */
const TC80 = 20;
/** TCGRF.vertMerge and VerticalMergeFlag: the cell continues the merge of the cell above. */
const CONTINUES = 1;

/** The rows of the document's outermost tables, in the order the file holds their row-end paragraphs. */
export function docRows(word: Buffer, table: Buffer): DocRow[] {
  const rows: DocRow[] = [];
  forEachPapx(word, table, (fc, _istd, grpprl) => {
    let rowEnd = false;
    let cells = 0;
    let bounds: number[] = [];
    const merge = new Map<number, number>();
    forEachSprm(grpprl, (sprm, at, size) => {
      if (sprm === SPRM_P_F_TTP && size >= 1) rowEnd = grpprl.readUInt8(at) !== 0;
      else if (sprm === SPRM_T_DEF_TABLE && size >= 3) {
        cells = grpprl.readUInt8(at + 2);
        bounds = [];
        for (let c = 0; c <= cells && at + 3 + (c + 1) * 2 <= at + size; c++) bounds.push(grpprl.readInt16LE(at + 3 + c * 2));
        // the TC80s after the cb, the count and the count + 1 boundaries: as many as the operand holds
        const tcs = at + 3 + (cells + 1) * 2;
        for (let c = 0; c < cells && tcs + (c + 1) * TC80 <= at + size; c++) merge.set(c, (grpprl.readUInt16LE(tcs + c * TC80) >> 5) & 3);
      } else if (sprm === SPRM_T_VERT_MERGE && size >= 3) merge.set(grpprl.readUInt8(at + 1), grpprl.readUInt8(at + 2));
    });
    if (!rowEnd || !cells) return;
    const continued: number[] = [];
    for (let c = 0; c < cells; c++) if (merge.get(c) === CONTINUES) continued.push(c);
    rows.push({ fc, cells, bounds, continued });
  });
  return rows;
}
