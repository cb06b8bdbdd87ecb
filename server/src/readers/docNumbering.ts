// Word 97–2003's outline (.doc, and WPS's .wps): 一、 （一） 1. ① are numbers Word draws from the list a paragraph is
// in, and a heading is a paragraph in a heading style, neither of them text the file holds, so the text word-extractor
// gives has none of them and a plan's outline was lost (its items plain paragraphs, its headings body text). This reads
// the lists ([MS-DOC] PlfLst, PlfLfo), the styles (STSH: which are headings, which are in a list) and each paragraph's
// style, list and level (the PAPXs of the paragraphs' FKPs), and counts the numbers as Word does, for the extractor
// (docExtractor.ts) to write each heading's `#`s and each label before its paragraph's text, as the .docx reader does
// (docxNumbering.ts, mammoth). Plain functions over the file's two streams; anything out of bounds ends the reading
// with what was read, never an exception.
import { ListCounters, numberOf } from './docxNumbering';

/** A level of a list: its number format (as .docx names it), its start, and its text with level placeholders (0–8). */
export interface DocLevel {
  format: string;
  start: number;
  text: string;
}

/** The lists of a document: definitions by list id (LSTF.lsid), and the list instances paragraphs name (1-based ilfo). */
export interface DocLists {
  definitions: Map<number, DocLevel[]>;
  instances: { lsid: number; starts: Map<number, number> }[];
}

/**
 * A paragraph with properties of its own: its first character's file offset (FC) in the WordDocument stream, its style
 * (istd), and its list instance (1-based ilfo; 0 for none) and level, its own or its style's.
 */
export interface DocParagraph {
  fc: number;
  istd: number;
  ilfo: number;
  ilvl: number;
  /** In a table's cell (sprmPFInTable). */
  inTable: boolean;
}

/**
 * [MS-DOC] 2.9.158 MSONFC (a level's nfc) in the order of OOXML's ST_NumberFormat names, which formatNumber reads: 0
 * decimal … 18 decimalEnclosedCircle … 23 bullet … 37 chineseCounting, 38 chineseLegalSimplified, 39
 * chineseCountingThousand; 255 none.
 */
const NFC = [
  'decimal', 'upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter', 'ordinal', 'cardinalText', 'ordinalText', 'hex',
  'chicago', 'ideographDigital', 'japaneseCounting', 'aiueo', 'iroha', 'decimalFullWidth', 'decimalHalfWidth',
  'japaneseLegal', 'japaneseDigitalTenThousand', 'decimalEnclosedCircle', 'decimalFullWidth2', 'aiueoFullWidth',
  'irohaFullWidth', 'decimalZero', 'bullet', 'ganada', 'chosung', 'decimalEnclosedFullstop', 'decimalEnclosedParen',
  'decimalEnclosedCircleChinese', 'ideographEnclosedCircle', 'ideographTraditional', 'ideographZodiac',
  'ideographZodiacTraditional', 'taiwaneseCounting', 'ideographLegalTraditional', 'taiwaneseCountingThousand',
  'taiwaneseDigital', 'chineseCounting', 'chineseLegalSimplified', 'chineseCountingThousand',
];
const formatOf = (nfc: number) => (nfc === 255 ? 'none' : NFC[nfc] ?? 'decimal');

/** FibRgFcLcb97's pairs start after the FIB's fixed part, its 16-bit and its 32-bit values (a Word 97 FIB: 0x9A). */
function fcLcb(word: Buffer, index: number): { fc: number; lcb: number } | undefined {
  if (word.length < 0x22) return undefined;
  const csw = word.readUInt16LE(0x20);
  const cslwAt = 0x22 + csw * 2;
  if (cslwAt + 2 > word.length) return undefined;
  const cbAt = cslwAt + 2 + word.readUInt16LE(cslwAt) * 4;
  if (cbAt + 2 > word.length || index >= word.readUInt16LE(cbAt)) return undefined;
  const at = cbAt + 2 + index * 8;
  if (at + 8 > word.length) return undefined;
  return { fc: word.readUInt32LE(at), lcb: word.readUInt32LE(at + 4) };
}

// indices of the FibRgFcLcb97 pairs read here ([MS-DOC] 2.5.6)
const STSHF = 1;
const PLCF_BTE_PAPX = 13;
const PLF_LST = 73;
const PLF_LFO = 74;

/**
 * The LVL at `at` ([MS-DOC] 2.9.150: an LVLF, its paragraph and character properties, its number text) and where the next
 * one starts; `whole` is false when its text runs past the stream.
 */
function readLevel(table: Buffer, at: number): { level: DocLevel; next: number; whole: boolean } {
  const start = table.readInt32LE(at);
  const nfc = table.readUInt8(at + 4);
  const textAt = at + 28 + table.readUInt8(at + 25) + table.readUInt8(at + 24);
  const cch = table.readUInt16LE(textAt);
  const text = table.toString('utf16le', textAt + 2, textAt + 2 + cch * 2);
  return { level: { format: formatOf(nfc), start, text }, next: textAt + 2 + cch * 2, whole: text.length === cch };
}

/** The lists defined in the table stream; empty when the document has none or they cannot be read. */
export function readDocLists(word: Buffer, table: Buffer): DocLists {
  const lists: DocLists = { definitions: new Map(), instances: [] };
  const lst = fcLcb(word, PLF_LST);
  const lfo = fcLcb(word, PLF_LFO);
  if (!lst || !lfo || !lst.lcb || !lfo.lcb) return lists;
  try {
    let at = lst.fc;
    const count = table.readInt16LE(at);
    at += 2;
    const heads: { lsid: number; simple: boolean }[] = [];
    for (let i = 0; i < count; i++, at += 28) heads.push({ lsid: table.readInt32LE(at), simple: (table.readUInt8(at + 26) & 1) === 1 });
    // the LVLs follow the PlfLst (lcbPlfLst does not count them): one for a simple list, nine for the others
    for (const head of heads) {
      const levels: DocLevel[] = [];
      for (let l = 0; l < (head.simple ? 1 : 9); l++) {
        const lvl = readLevel(table, at);
        if (!lvl.whole) throw new RangeError('a level text past the stream');
        levels.push(lvl.level);
        at = lvl.next;
      }
      lists.definitions.set(head.lsid, levels);
    }
    at = lfo.fc;
    const instances = table.readUInt32LE(at);
    at += 4;
    const lfos: { lsid: number; overrides: number }[] = [];
    for (let i = 0; i < instances && at + 16 <= table.length; i++, at += 16) lfos.push({ lsid: table.readInt32LE(at), overrides: table.readUInt8(at + 12) });
    // then each instance's LFOData: a cp, and its levels' overrides (a start, and a whole LVL when it reformats one)
    for (const { lsid, overrides } of lfos) {
      const starts = new Map<number, number>();
      at += 4;
      for (let k = 0; k < overrides; k++) {
        const start = table.readInt32LE(at);
        const bits = table.readUInt32LE(at + 4);
        at += 8;
        if (bits & 0x10) starts.set(bits & 0xf, start);
        // fFormatting: an LVL of its own follows, skipped (its start is the override's)
        if (bits & 0x20) at = readLevel(table, at).next;
      }
      lists.instances.push({ lsid, starts });
    }
  } catch {
    // a damaged or unusual table: the lists read so far (an instance not read has no numbers)
  }
  return lists;
}

const SPRM_P_ILVL = 0x260a;
const SPRM_P_ILFO = 0x460b;
const SPRM_P_F_IN_TABLE = 0x2416;

/** The operand size of a property modifier by its spra ([MS-DOC] 2.2.5.1); -1 for a size in its first byte. */
const OPERAND = [1, 1, 2, 4, 2, 2, -1, 3];

/**
 * Each property modifier of a group, with where its operand starts and its size ([MS-DOC] 2.2.5.1: by its spra; in its
 * first byte, or its first two for sprmTDefTable); stops at one that runs past the group.
 */
export function forEachSprm(grpprl: Buffer, visit: (sprm: number, at: number, size: number) => void): void {
  for (let k = 0; k + 2 <= grpprl.length; ) {
    const sprm = grpprl.readUInt16LE(k);
    k += 2;
    let size = OPERAND[sprm >> 13];
    if (size < 0) {
      if (sprm === SPRM_T_DEF_TABLE) size = k + 2 <= grpprl.length ? grpprl.readUInt16LE(k) + 1 : 2;
      else size = sprm === 0xc615 ? 0 : k < grpprl.length ? grpprl.readUInt8(k) + 1 : 1; // (sprmPChgTabs: its size is its own; rare)
    }
    if (k + size > grpprl.length) return;
    visit(sprm, k, size);
    if (!size) return;
    k += size;
  }
}

/** sprmTDefTable: a table row's cell bounds and TC80s ([MS-DOC] 2.9.321 TDefTableOperand), its operand's size in its first two bytes. */
export const SPRM_T_DEF_TABLE = 0xd608;

/** The list, level and table flag a group of paragraph property modifiers sets (undefined: not set). */
function readGrpprl(grpprl: Buffer): { ilfo?: number; ilvl?: number; inTable?: boolean } {
  const out: { ilfo?: number; ilvl?: number; inTable?: boolean } = {};
  forEachSprm(grpprl, (sprm, k, size) => {
    if (sprm === SPRM_P_ILFO && size >= 2) out.ilfo = grpprl.readInt16LE(k);
    else if (sprm === SPRM_P_ILVL && size >= 1) out.ilvl = grpprl.readUInt8(k);
    else if (sprm === SPRM_P_F_IN_TABLE && size >= 1) out.inTable = grpprl.readUInt8(k) !== 0;
  });
  return out;
}

/** A paragraph style: its heading level (1–9 for Word's built-in 标题 1–9, else 0) and the list it numbers in. */
export interface DocStyle {
  heading: number;
  ilfo: number;
  ilvl: number;
}

/**
 * The paragraph styles by istd ([MS-DOC] STSH): a built-in heading style is sti 1–9; a style's list (a heading style
 * linked to a list, 第一章 or 一、) is in its paragraph properties, or its base style's.
 */
export function readDocStyles(word: Buffer, table: Buffer): Map<number, DocStyle> {
  const styles = new Map<number, DocStyle>();
  const stsh = fcLcb(word, STSHF);
  if (!stsh || !stsh.lcb) return styles;
  const own = new Map<number, { sti: number; base: number; ilfo?: number; ilvl?: number }>();
  try {
    const cbStshi = table.readUInt16LE(stsh.fc);
    const count = table.readUInt16LE(stsh.fc + 2);
    const cbBase = table.readUInt16LE(stsh.fc + 4);
    let at = stsh.fc + 2 + cbStshi;
    const end = stsh.fc + stsh.lcb;
    for (let istd = 0; istd < count && at + 2 <= end; istd++) {
      const cbStd = table.readUInt16LE(at);
      const std = at + 2;
      at = std + cbStd;
      if (!cbStd) continue;
      const sti = table.readUInt16LE(std) & 0x0fff;
      const word2 = table.readUInt16LE(std + 2);
      const style: { sti: number; base: number; ilfo?: number; ilvl?: number } = { sti, base: word2 >> 4 };
      own.set(istd, style);
      if ((word2 & 0x0f) !== 1) continue; // not a paragraph style
      // after the base: the name (its length, the characters, a terminating zero), then the paragraph UPX, even-aligned
      let upx = std + cbBase;
      upx += 2 + table.readUInt16LE(upx) * 2 + 2;
      if (upx & 1) upx++;
      const cbUpx = table.readUInt16LE(upx);
      if (cbUpx >= 2 && upx + 2 + cbUpx <= at) Object.assign(style, readGrpprl(table.subarray(upx + 4, upx + 2 + cbUpx)));
    }
  } catch {
    // a damaged stylesheet: the styles read so far
  }
  for (const [istd, style] of own) {
    let ilfo = style.ilfo;
    let ilvl = style.ilvl;
    // a style takes its list from its base styles when it sets none (a chain of a few; 4095 is no base)
    for (let base = style.base, depth = 0; ilfo === undefined && base !== 0x0fff && depth < 10; depth++) {
      const b = own.get(base);
      if (!b) break;
      ilfo = b.ilfo;
      ilvl ??= b.ilvl;
      base = b.base;
    }
    styles.set(istd, { heading: style.sti >= 1 && style.sti <= 9 ? style.sti : 0, ilfo: ilfo ?? 0, ilvl: ilvl ?? 0 });
  }
  return styles;
}

/**
 * Each paragraph with properties of its own (the paragraph FKPs of the PlcBtePapx), in the order the file holds them:
 * its first character's file offset (FC), its style (istd) and its group of property modifiers.
 */
export function forEachPapx(word: Buffer, table: Buffer, visit: (fc: number, istd: number, grpprl: Buffer) => void): void {
  const bte = fcLcb(word, PLCF_BTE_PAPX);
  if (!bte || bte.lcb < 12) return;
  try {
    const pages = (bte.lcb - 4) / 8;
    for (let i = 0; i < pages; i++) {
      const pn = table.readUInt32LE(bte.fc + (pages + 1) * 4 + i * 4) & 0x3fffff;
      const page = word.subarray(pn * 512, pn * 512 + 512);
      if (page.length < 512) break;
      const runs = page.readUInt8(511);
      for (let j = 0; j < runs; j++) {
        const fc = page.readUInt32LE(j * 4);
        const at = page.readUInt8((runs + 1) * 4 + j * 13) * 2;
        if (!at) continue; // no properties of its own: Normal, in no list, in no table
        let cb = page.readUInt8(at);
        let from = at + 1;
        if (!cb) {
          cb = page.readUInt8(at + 1) * 2;
          from = at + 2;
        } else cb = cb * 2 - 1;
        visit(fc, page.readUInt16LE(from), page.subarray(from + 2, Math.min(512, from + cb)));
      }
    }
  } catch {
    // a damaged FKP: the paragraphs read so far
  }
}

/**
 * The paragraphs with properties of their own (forEachPapx), in the order the file holds them, with their style and
 * their list, their own or their style's (`styles`, readDocStyles).
 */
export function docParagraphs(word: Buffer, table: Buffer, styles: ReadonlyMap<number, DocStyle> = new Map()): DocParagraph[] {
  const out: DocParagraph[] = [];
  forEachPapx(word, table, (fc, istd, grpprl) => {
    const own = readGrpprl(grpprl);
    const style = styles.get(istd);
    // a paragraph's own list wins, its ilfo 0 taking it out of its style's list
    const ilfo = own.ilfo ?? style?.ilfo ?? 0;
    const ilvl = own.ilvl ?? (own.ilfo === undefined ? style?.ilvl : undefined) ?? 0;
    out.push({ fc, istd, ilfo: Math.max(0, ilfo), ilvl: Math.min(ilvl, 8), inTable: own.inTable ?? false });
  });
  return out;
}

/**
 * What goes before each list paragraph's text, given in the order they are read (their place in the text), with the
 * numbers Word draws: per list (by its levels' formats) and level a counter, a level's use restarting those below it, a list
 * instance's override restarting its level the first time the instance is used. A plain `1.` number and a bullet
 * become a Markdown list item (`1. `, `- `), as readDocx writes them; any other label (一、 （一） ① (1)) is written as
 * Word shows it. `undefined` for a paragraph whose list is not known.
 */
export function labelsOf(paragraphs: readonly { ilfo: number; ilvl: number }[], lists: DocLists): (string | undefined)[] {
  // counted by what the list draws, not by its id: LibreOffice writes a list's first paragraph into a copy of the list
  // (its own lsid) and reads the two as one (二、 after 一、), and a miscount would change a number, never its shape
  const counters = new ListCounters();
  const keys = new Map<number, string>();
  const keyOf = (lsid: number, levels: readonly DocLevel[]) => {
    let key = keys.get(lsid);
    if (key === undefined) keys.set(lsid, (key = JSON.stringify(levels)));
    return key;
  };
  return paragraphs.map(({ ilfo, ilvl }) => {
    const instance = lists.instances[ilfo - 1];
    const levels = instance && lists.definitions.get(instance.lsid);
    const level = levels?.[Math.min(ilvl, levels.length - 1)];
    if (!instance || !levels || !level) return undefined;
    // an instance's override applies the first time the instance is used
    const counts = counters.count(keyOf(instance.lsid, levels), ilvl, level.start, String(ilfo), instance.starts.get(ilvl));
    if (level.format === 'bullet') return '- ';
    if (level.format === 'none') return '';
    const label = level.text.replace(/[\u0000-\u0008]/g, (c) => numberOf(counts, c.charCodeAt(0), levels[c.charCodeAt(0)]));
    return level.format === 'decimal' && /^\d+[.．]$/.test(label) ? `${label.replace('．', '.')} ` : label;
  });
}
