// Small text helpers shared by the parser, the scanner and the checks: widths, spacing, numerals, offsets.
import { readNumber } from './quantity';
import { Position, Range } from './types';

/** Words of a text (a Chinese character, or two Latin letters), beyond its markers, numbers, pipes and blanks. */
export const HAS_WORDS = /\p{Script=Han}|[A-Za-z]{2}/u;

/**
 * The empty list every cached result that has nothing shares (a paragraph's model holds a dozen lists, most of them
 * empty). Frozen: a push on it throws rather than reach every other result.
 */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * `list` at its exact length, for a list that a result keeps for its life: one grown by push has room for 16 more
 * (about 130 bytes each, which a 1 MB plan's ten thousand paragraphs hold many times over).
 */
export function exact<T>(list: T[]): T[] {
  return list.length === 0 ? NONE : list.slice();
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/** A character code of full-width ASCII (ＡＢＣ，１２３（）) as its half-width one; any other code as it is. */
export function halfWidthCode(c: number): number {
  return c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
}

/** Full-width ASCII (digits, letters, punctuation) to half-width; everything else unchanged. Keeps the length. */
export function toHalfWidth(s: string): string {
  // The matcher folds every span it scores, and most spans have a few full-width characters (，（）：) or none: the
  // pattern finds them (test() allocates no match; each is one code unit, just before lastIndex) and the runs between
  // them are copied; a text without any comes back as it is.
  FULL_WIDTH.lastIndex = 0;
  if (!FULL_WIDTH.test(s)) return s;
  let out = '';
  let last = 0;
  do {
    const at = FULL_WIDTH.lastIndex - 1;
    const c = s.charCodeAt(at);
    out += s.slice(last, at) + (c === 0x3000 ? ' ' : String.fromCharCode(halfWidthCode(c)));
    last = at + 1;
  } while (FULL_WIDTH.test(s));
  return out + s.slice(last);
}

const CJK = '\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u2018-\\u201f\\u2026\\u2014';
const SPACE_NEXT_TO_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'g');

/**
 * Undoes the PDF's spacing: whitespace next to a CJK character or CJK punctuation goes (不低于 67% → 不低于67%,
 * 全球 IPv6 测试中心 → 全球IPv6测试中心); whitespace between two Latin words stays, collapsed to one space.
 */
export function normalizeSpacing(s: string): string {
  return s.replace(SPACE_NEXT_TO_CJK, '').replace(/\s+/g, ' ').trim();
}

/** Removes all whitespace: the form in which quotes and task texts are compared. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * Reads a whole string as a non-negative integer: Arabic or full-width digits, or Chinese numerals (十二, 一百零五,
 * 五十七, 〇, 二〇二二). Returns undefined when the string is not such a number. The quantity reader does the reading.
 */
export function parseInteger(raw: string): number | undefined {
  const v = readNumber(raw);
  return v !== undefined && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** Chinese numeral for 0–9999, as a drafter writes a task number (12 → 十二) or Word counts a list (1010 → 一千零一十). */
export function toChineseNumeral(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n];
  if (n >= 1000) {
    const rest = n % 1000;
    const head = d[Math.floor(n / 1000)] + '千';
    if (rest === 0) return head;
    return head + (rest < 100 ? '零' + (rest < 10 ? d[rest] : rest < 20 ? '一' + toChineseNumeral(rest) : toChineseNumeral(rest)) : toChineseNumeral(rest));
  }
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  if (n < 100) return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
  const rest = n % 100;
  const head = d[Math.floor(n / 100)] + '百';
  if (rest === 0) return head;
  return head + (rest < 10 ? '零' + d[rest] : rest < 20 ? '一' + toChineseNumeral(rest) : toChineseNumeral(rest));
}

/** Regular-expression source that matches `s` literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** By the code of their first character, the indexes of `words` that start with it (to find many words in one pass). */
export function indexByFirstCode(words: readonly string[]): Map<number, number[]> {
  const index = new Map<number, number[]>();
  words.forEach((w, i) => {
    const c = w.charCodeAt(0);
    const list = index.get(c);
    if (list) list.push(i);
    else index.set(c, [i]);
  });
  return index;
}

/** The lines of a text (as split(/\r\n|\r|\n/) gives them, without a last empty one), each with its start offset. */
export function linesOf(text: string): { start: number; line: string }[] {
  const lines: { start: number; line: string }[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m = re.exec(text); m && m[0]; m = re.exec(text)) lines.push({ start: m.index, line: m[0].replace(/[\r\n]+$/, '') });
  return lines;
}

/** The end of the line `from` is on (the first \n or \r at or after it), at most `to`: no slice, no regex. */
export function lineEndFrom(text: string, from: number, to = text.length): number {
  let end = from;
  while (end < to && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
  return end;
}

/** At most `max` characters, with an ellipsis when cut. */
export function shorten(s: string, max = 16): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** Maps UTF-16 offsets to LSP positions and back; line breaks are \n, \r\n and a lone \r, as in LSP. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    if (text.indexOf('\r') < 0) {
      // only \n breaks (the usual case): the native search jumps from one to the next
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset just past the line's last character, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** Character-bigram Dice similarity of two strings (whitespace ignored), 0…1. */
export function similarity(a: string, b: string): number {
  const x = squash(a);
  const y = squash(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const g = x.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const g = y.slice(i, i + 2);
    const n = counts.get(g);
    if (n) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + y.length - 1);
}

/** Compared a block at a time first: string equality runs natively, a loop over character codes does not. */
const COMPARE_BLOCK = 4096;

/** The length of the text `a` and `b` start with, at most `max`. */
export function commonPrefix(a: string, b: string, max: number): number {
  let n = 0;
  while (n + COMPARE_BLOCK <= max && a.slice(n, n + COMPARE_BLOCK) === b.slice(n, n + COMPARE_BLOCK)) n += COMPARE_BLOCK;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** The length of the text `a` and `b` end with, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n + COMPARE_BLOCK <= max && a.slice(a.length - n - COMPARE_BLOCK, a.length - n) === b.slice(b.length - n - COMPARE_BLOCK, b.length - n)) n += COMPARE_BLOCK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}
