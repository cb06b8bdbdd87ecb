// The numbers of a plan's headings and numbered paragraphs (一、总体要求, （三）保障措施。……, 2、…, （4）…): read per line,
// so that a structure check can tell a number skipped or repeated (（一）（二）（四）). Four levels, in the order official
// documents nest them: 一、, （一）, 1、 (or 1．), （1）; and an enumeration's clauses (一是…；二是…) as a fifth below them,
// wherever a clause opens (scopes.ts). Not a Markdown list item's 1. (Markdown renumbers those).
import { enumerationNumbers } from './scopes';
import { parseInteger, toChineseNumeral } from './text';

/** A number where a paragraph writes it. */
export interface HeadingNumber {
  /** 1 for 一、, 2 for （一）, 3 for 1、 or 1．, 4 for （1）; 5 for an enumerated clause's 一是 (below them all). */
  level: 1 | 2 | 3 | 4 | 5;
  value: number;
  /** The numeral's offsets in the paragraph (二 of （二）, 12 of 12、). */
  start: number;
  end: number;
  /** Its digits are full-width (１２、): the fix writes the number expected the same way. */
  wide?: boolean;
}

/** The level of an enumeration's clauses (一是…；二是…), below the four of headings. */
export const ENUMERATION_LEVEL = 5;

/** A line that opens with a number: a Markdown heading's marks or indentation, bold, then the number and its marks. */
const HEADING_NUMBER = /^(#{1,6}[ \t]+)?[ \t\u3000]*(?:\*\*)?(?:([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[）)]|([0-9０-９]{1,2})[、．](?![0-9０-９])|[（(]([0-9０-９]{1,2})[）)])/;
/** A cheap test first: no line of most paragraphs opens with a number of any of the forms. */
const ANY_NUMBER = /(?:^|[\r\n])[# \t\u3000*]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9０-９]|[0-9０-９]{1,2}[、．])/;

/**
 * The numbers of a paragraph, in order: its headings' and numbered lines', and its enumerated clauses' (一是…；二是…);
 * undefined when it has none (most paragraphs).
 */
export function headingNumbersIn(text: string): HeadingNumber[] | undefined {
  const headings = linesNumbers(text);
  const clauses = enumerationNumbers(text);
  if (!clauses.length) return headings;
  const enumerated = clauses.map((c): HeadingNumber => ({ level: ENUMERATION_LEVEL, ...c }));
  return headings ? [...headings, ...enumerated].sort((a, b) => a.start - b.start) : enumerated;
}

/** The numbers that open a paragraph's lines. */
function linesNumbers(text: string): HeadingNumber[] | undefined {
  if (!ANY_NUMBER.test(text)) return undefined;
  let found: HeadingNumber[] | undefined;
  // each line, its break any of \n, \r\n and a lone \r (as LSP has them)
  for (let at = 0; at <= text.length; ) {
    LINE_BREAK.lastIndex = at;
    const br = LINE_BREAK.exec(text);
    const line = text.slice(at, br ? br.index : text.length);
    const m = HEADING_NUMBER.exec(line);
    if (m) {
      const level = m[2] ? 1 : m[3] ? 2 : m[4] ? 3 : 4;
      const written = m[2] ?? m[3] ?? m[4] ?? m[5];
      // a numeral of one or two places (三, 十二, 二十一), not 十十 or 二二
      const value = level > 2 || NUMERAL.test(written) ? parseInteger(written) : undefined;
      if (value) {
        const start = at + m[0].length - 1 - written.length; // before its 、, ．or ）
        (found ??= []).push({ level, value, start, end: start + written.length, ...(/[０-９]/.test(written) ? { wide: true } : {}) });
      }
    }
    if (!br) break;
    at = br.index + br[0].length;
  }
  return found;
}

const LINE_BREAK = /\r\n|\r|\n/g;

/** The numerals of 一、 and （一） that are numbers of one or two places. */
const NUMERAL = /^(?:[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)$/;

/** How a number is written at its level: 三 (一、, （一）, 一是), 3 or ３ (1、 and （1）). */
export function numberText(level: HeadingNumber['level'], value: number, wide = false): string {
  if (level <= 2 || level === 5) return toChineseNumeral(value);
  return wide ? String(value).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : String(value);
}

/** The last number of each level before a point of the plan (0: none yet since the level above last changed). */
export type NumberingState = readonly [number, number, number, number, number];

export const NO_NUMBERING: NumberingState = Object.freeze([0, 0, 0, 0, 0]) as NumberingState;

/** The state after a number: it starts the levels below it again (a heading, the enumeration under it). */
export function afterNumber(state: NumberingState, n: HeadingNumber): NumberingState {
  const next = [0, 0, 0, 0, 0] as [number, number, number, number, number];
  for (let k = 0; k < n.level - 1; k++) next[k] = state[k];
  next[n.level - 1] = n.value;
  return next;
}

/** Are two states the same? */
export function sameNumbering(a: NumberingState | undefined, b: NumberingState | undefined): boolean {
  return a === b || (!!a && !!b && a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4]);
}
