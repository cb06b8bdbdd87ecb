// Comment directives that silence checks, as linters do: for the next line, this line, or the rest of the file.
import { DiagnosticCode, isDiagnosticCode } from './findings';
import { Position } from './types';

interface Lines {
  positionAt(offset: number): Position;
}

const DIRECTIVE = /<!--\s*policy-lens-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

interface Directive {
  line: number;
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  /** undefined: every code */
  codes?: DiagnosticCode[];
}

/**
 * The text with every HTML comment (`<!-- … -->`, directives included) turned into spaces, line breaks kept: the
 * same offsets and lines, and nothing of what a Markdown reader never sees.
 */
export function blankComments(text: string): string {
  // indexOf and slices rather than a RegExp replace with a replacer: this runs on every new paragraph
  let open = text.indexOf('<!--');
  if (open < 0) return text;
  let out = '';
  let from = 0;
  while (open >= 0) {
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break; // never closed: left as it is
    out += text.slice(from, open) + blanks(text, open, close + 3);
    from = close + 3;
    open = text.indexOf('<!--', from);
  }
  return from ? out + text.slice(from) : text;
}

/**
 * A drafter's note to a colleague inside a draft, in 【】 or ［］: 【批注：…】, 【待确认…】, 【待补充】, 【请区商务局确认】,
 * 【TODO …】. It is not the plan's words (its units, dates and tasks are asked about, not assigned), on one line.
 */
const EDITOR_NOTE = /[【［](?:批注|待[确补核定查商]|请[^【】［］\r\n]{0,20}?(?:确认|核实|核对|补充|提供|审核)|TODO|todo|编者注|修改意见)[^【】［］\r\n]*[】］]/g;

/** The text with every drafter's note (EDITOR_NOTE) turned into spaces: the same offsets and lines. */
export function blankEditorNotes(text: string): string {
  if (!text.includes('【') && !text.includes('［')) return text;
  return text.replace(EDITOR_NOTE, (note, at: number) => blanks(text, at, at + note.length));
}

/** text[start, end) with every character but line breaks a space. */
function blanks(text: string, start: number, end: number): string {
  let out = '';
  let run = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out += ' '.repeat(i - run) + text[i];
      run = i + 1;
    }
  }
  return out + ' '.repeat(end - run);
}

export function parseDirectives(text: string, lines: Lines): Directive[] {
  if (!text.includes('policy-lens-')) return [];
  const found: Directive[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const words = m[2].split(/[\s,]+/).filter(Boolean);
    const codes = words.filter(isDiagnosticCode);
    found.push({ line: lines.positionAt(m.index!).line, kind: m[1] as Directive['kind'], codes: words.length ? codes : undefined });
  }
  return found;
}

/**
 * Whether the directives silence a finding of `code` on `line`: a look-up in the lines' own silences, then a bisection
 * of the disable/enable states, so that asking for every finding is linear in findings + directives (plans can carry
 * hundreds of each). Undefined when there are none, so a caller can skip the question.
 */
export function silencer(directives: Directive[]): ((line: number, code: DiagnosticCode) => boolean) | undefined {
  if (!directives.length) return undefined;
  const ALL = '*';
  // one line's own silences (disable-line, and disable-next-line from the line above)
  const onLine = new Map<number, Set<string>>();
  const silenceLine = (line: number, codes: readonly string[] | undefined) => {
    const set = onLine.get(line) ?? new Set<string>();
    for (const c of codes ?? [ALL]) set.add(c);
    onLine.set(line, set);
  };
  // file-level state after each disable/enable, in line order
  const ranges: { line: number; state: Map<string, boolean> }[] = [];
  let state = new Map<string, boolean>();
  for (const d of [...directives].sort((a, b) => a.line - b.line)) {
    if (d.kind === 'disable-line') silenceLine(d.line, d.codes);
    else if (d.kind === 'disable-next-line') silenceLine(d.line + 1, d.codes);
    else {
      const disable = d.kind === 'disable';
      state = d.codes ? new Map(state) : new Map();
      for (const c of d.codes ?? [ALL]) state.set(c, disable);
      ranges.push({ line: d.line, state });
    }
  }
  const stateAt = (line: number) => {
    let lo = 0;
    let hi = ranges.length - 1;
    let found: Map<string, boolean> | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid].line <= line) {
        found = ranges[mid].state;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  return (line, code) => {
    const own = onLine.get(line);
    if (own && (own.has(ALL) || own.has(code))) return true;
    const s = stateAt(line);
    if (!s) return false;
    return s.get(code) ?? s.get(ALL) ?? false;
  };
}
