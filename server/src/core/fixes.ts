// The preferred fixes of a document's findings, as edits that can be applied together: what VS Code's "fix all of a
// code" action and the command line's `check --fix` write.
import { Finding, Fix } from './findings';

/**
 * The preferred fix of each finding (of `code`, when given), in text order; a fix that overlaps one before it (two
 * findings of one place, or of one span) is left out, so that the edits never overlap.
 */
export function preferredFixes(findings: readonly Finding[], code?: string): Fix[] {
  const fixes: Fix[] = [];
  for (const f of findings) {
    if (code !== undefined && f.code !== code) continue;
    const fix = f.fixes.find((x) => x.preferred);
    if (fix) fixes.push(fix);
  }
  fixes.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Fix[] = [];
  let last: Fix | undefined;
  for (const fix of fixes) {
    if (last && (fix.start < last.end || (fix.start === last.start && fix.end === last.end))) continue;
    out.push(fix);
    last = fix;
  }
  return out;
}

/** `text` with `fixes` applied (non-overlapping, in text order: preferredFixes). */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  let out = '';
  let at = 0;
  for (const fix of fixes) {
    out += text.slice(at, fix.start) + fix.newText;
    at = fix.end;
  }
  return out + text.slice(at);
}
