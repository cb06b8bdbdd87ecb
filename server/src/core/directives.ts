// Comment directives that silence checks, as linters do: for the next line, this line, or the rest of the file.
import { DiagnosticCode, Finding, isDiagnosticCode } from './findings';
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

/** The findings that no directive silences. */
export function applyDirectives(findings: Finding[], directives: Directive[], lines: Lines): Finding[] {
  if (!directives.length) return findings;
  const covers = (d: Directive, code: DiagnosticCode) => !d.codes || d.codes.includes(code);
  return findings.filter((f) => {
    const line = lines.positionAt(f.start).line;
    let disabled = false;
    for (const d of directives) {
      if (!covers(d, f.code)) continue;
      if (d.kind === 'disable-next-line' && d.line + 1 === line) return false;
      if (d.kind === 'disable-line' && d.line === line) return false;
      if (d.line <= line && d.kind === 'disable') disabled = true;
      if (d.line <= line && d.kind === 'enable') disabled = false;
    }
    return !disabled;
  });
}
