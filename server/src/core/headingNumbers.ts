// The numbers of a plan's headings and numbered paragraphs (一、总体要求, （三）保障措施。……): read per line, so that a
// structure check can tell a number skipped or repeated (（一）（二）（四）). Only the Chinese numerals of 一、 and （一）:
// not a list item's 1. (Markdown renumbers those), nor an enumeration's 一是.

/** A heading's number where a paragraph writes it. */
export interface HeadingNumber {
  /** 1 for 一、, 2 for （一）. */
  level: 1 | 2;
  value: number;
  /** The numeral's offsets in the paragraph (一 of 一、, 二 of （二）). */
  start: number;
  end: number;
}

/** A line that opens with a number: a Markdown heading's marks or indentation, bold, then 一、 or （一）. */
const HEADING_NUMBER = /^(#{1,6}[ \t]+)?[ \t\u3000]*(?:\*\*)?(?:([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[）)])/;

/** The heading numbers of a paragraph, in order; undefined when it has none (most paragraphs). */
export function headingNumbersIn(text: string): HeadingNumber[] | undefined {
  // a cheap test first: no line of most paragraphs opens with a number of either form
  if (!/(?:^|\n)[# \t\u3000*]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十])/.test(text)) return undefined;
  let found: HeadingNumber[] | undefined;
  let at = 0;
  for (const line of text.split('\n')) {
    const m = HEADING_NUMBER.exec(line);
    if (m) {
      const numeral = m[2] ?? m[3];
      const value = numeralValue(numeral);
      if (value) {
        const start = at + m[0].length - 1 - numeral.length; // before its 、 or ）
        (found ??= []).push({ level: m[2] ? 1 : 2, value, start, end: start + numeral.length });
      }
    }
    at += line.length + 1;
  }
  return found;
}

const DIGITS = '一二三四五六七八九';

/** 一 … 九十九 as a number; 0 when it is not one (十十, 二二). */
export function numeralValue(numeral: string): number {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(numeral);
  if (!m || !numeral) return 0;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? DIGITS.indexOf(tens) + 1 : 0;
  return (tens ? DIGITS.indexOf(tens) + 1 : 1) * 10 + (ones ? DIGITS.indexOf(ones) + 1 : 0);
}

/** A number written as a numeral: 3 → 三, 10 → 十, 21 → 二十一. */
export function numeral(value: number): string {
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return (tens > 1 ? DIGITS[tens - 1] : '') + (tens ? '十' : '') + (ones ? DIGITS[ones - 1] : '');
}

/** The last number of each level before a point of the plan: [level 1's, level 2's under it], 0 for none yet. */
export type NumberingState = readonly [number, number];

export const NO_NUMBERING: NumberingState = Object.freeze([0, 0]) as NumberingState;

/** The state after a heading number: a level-1 number starts its level 2 again. */
export function afterNumber(state: NumberingState, n: HeadingNumber): NumberingState {
  return n.level === 1 ? [n.value, 0] : [state[0], n.value];
}
