// The units a check looks within: a list item or table row is one unit, other prose splits into sentences.

export interface Scope {
  start: number;
  end: number;
}

/** The markers that open a list item: - 1. 1) 1、 （一） (1) 一、. A table row opens with | instead. */
export const LIST_MARKER_SOURCE = String.raw`[-*+]|\d+[.)、．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、`;
/** A line that opens a list item (its marker). */
export const LIST_MARKER = new RegExp(String.raw`^[ \t]*(?:${LIST_MARKER_SOURCE})`);
/** The opening of a list item or table row: its marker or pipe, if any, and the blanks after it. */
export const ITEM_OPENING = new RegExp(String.raw`^[ \t]*(?:${LIST_MARKER_SOURCE}|\|)?[ \t]*`);
/** The opening of a list item (its marker, if any, and the blanks after it). */
export const MARKER_OPENING = new RegExp(String.raw`^[ \t]*(?:${LIST_MARKER_SOURCE})?[ \t]*`);
const LIST_ITEM = new RegExp(String.raw`^[ \t]*(?:${LIST_MARKER_SOURCE}|\|)`);
const SENTENCE_END = /[。！？!?]/g;

/** Splits a paragraph (offsets relative to it) into list items, table rows and sentences. */
export function scopesOf(text: string): Scope[] {
  const scopes: Scope[] = [];
  let lineStart = 0;
  let prose: Scope | undefined;
  let previousEnd = -1;
  const flushProse = () => {
    if (!prose) return;
    splitSentences(text, prose, scopes);
    prose = undefined;
  };
  const breaks = /\r\n|\r|\n/g;
  while (lineStart <= text.length) {
    breaks.lastIndex = lineStart;
    const br = breaks.exec(text);
    const lineEnd = br ? br.index : text.length;
    const next = br ? br.index + br[0].length : text.length + 1;
    const line = text.slice(lineStart, lineEnd);
    const last = scopes[scopes.length - 1];
    if (LIST_ITEM.test(line)) {
      flushProse();
      scopes.push({ start: lineStart, end: lineEnd });
    } else if (!prose && last && last.end === previousEnd && /^[ \t]+\S/.test(line) && !line.trimStart().startsWith('|')) {
      last.end = lineEnd; // an indented line continues the list item above it
    } else if (prose) prose.end = lineEnd;
    else prose = { start: lineStart, end: lineEnd };
    previousEnd = lineEnd;
    lineStart = next;
  }
  flushProse();
  return scopes;
}

function splitSentences(text: string, within: Scope, out: Scope[]): void {
  let start = within.start;
  SENTENCE_END.lastIndex = within.start;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text)) && m.index < within.end) {
    let end = m.index + 1;
    while (end < within.end && /[”’」』）)]/.test(text[end])) end++;
    out.push({ start, end });
    start = end;
    SENTENCE_END.lastIndex = end;
  }
  if (start < within.end && text.slice(start, within.end).trim()) out.push({ start, end: within.end });
}
