// What a review's copy says of a finding (policy-lens annotate: Word comments, Excel cell comments, PDF notes), and how
// a span of the extracted plan's text is compared with the file's own.
import { Finding, Severity } from '../core/findings';
import { Locale } from '../core/messages';
import { squash } from '../core/text';

const SEVERITY: Record<Locale, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', information: '提示', hint: '建议' },
  en: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
};
const LINES: Record<Locale, { head: (severity: string, message: string) => string; fix: (title: string) => string; quote: (title: string, text: string) => string; code: (code: string) => string }> = {
  zh: { head: (s, m) => `【${s}】${m}`, fix: (t) => `修改建议：${t}`, quote: (t, x) => `${t}：“${x}”`, code: (c) => `Policy Lens 检查项：${c}` },
  en: { head: (s, m) => `[${s}] ${m}`, fix: (t) => `Suggested fix: ${t}`, quote: (t, x) => `${t}: “${x}”`, code: (c) => `Policy Lens check: ${c}` },
};

/**
 * A finding as a reviewer's comment says it: its severity and message, the fix it proposes (with the text it writes
 * when its title does not say it: 改为原文表述), and the check's code, for a `policy-lens-disable` line.
 */
export function commentLines(f: Finding, locale: Locale): string[] {
  const say = LINES[locale];
  const fix = f.fixes.find((x) => x.preferred) ?? f.fixes[0];
  const proposal = fix && (fix.newText.trim() && !fix.title.includes(fix.newText.trim()) ? say.quote(fix.title, fix.newText.trim()) : fix.title);
  return [say.head(SEVERITY[locale][f.severity], f.message), ...(proposal ? [say.fix(proposal)] : []), say.code(f.code)];
}

/**
 * Text as the file's own and the extracted plan's compare: without whitespace (Word's indentation, a PDF's spacing,
 * Markdown's padding) and the `|` between a Markdown table's cells, a cell's escaped `\|` and `\\` as the file has them.
 */
export const plain = (s: string) => squash(s.replace(/\\([\\|])|\|/g, (_, escaped?: string) => escaped ?? ''));

/** Where `needle` starts in `hay`, each occurrence, overlapping ones too. */
export function occurrences(hay: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) at.push(i);
  return at;
}
