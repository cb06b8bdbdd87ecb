// `policy-lens check --fix`: each Markdown or text plan written back with every finding's preferred fix applied (what
// VS Code's quick fixes would write), in the encoding it was read in; a Word, Excel, PDF or OFD plan or a web page is
// never written (annotate --track-changes gives a Word plan's fixes as tracked changes to accept).
import * as fs from 'fs';
import { AnalyzeOptions, Checker, DocumentAnalysis } from '../core/analyze';
import { applyFixes, preferredFixes } from '../core/fixes';
import { decodePlanBytes, encodePlanText } from '../readers/encoding';
import { PlanSource } from '../readers/planFile';

/** A fix can bring a finding whose own fix is the next pass's (a reference written, then its sentence checked): at most this many. */
const MAX_PASSES = 10;

export interface FixedPlan {
  analysis: DocumentAnalysis;
  /** How many fixes were applied. */
  applied: number;
  /** Why the file was not written, when it was not (nothing to fix is no reason: undefined). */
  notWritten?: string;
}

/** The analysis of `text` with the preferred fixes of its findings applied, pass after pass, and how many were. */
export function fixText(checker: Checker, analysis: DocumentAnalysis, options: AnalyzeOptions): { analysis: DocumentAnalysis; applied: number } {
  let current = analysis;
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    // written into the document's own text (of a plan copied out of a PDF, the checks read a view with its lines joined)
    const fixes = preferredFixes(current.sourceFindings);
    if (!fixes.length) break;
    const text = applyFixes(current.source, fixes);
    if (text === current.source) break;
    applied += fixes.length;
    current = checker.analyze(text, options, undefined, current);
  }
  return { analysis: current, applied };
}

/**
 * Fixes one checked plan and writes it back when it is a Markdown or text file that still holds the text checked (a
 * file changed meanwhile is left as it is, and said).
 */
export function fixPlanFile(file: string, plan: PlanSource, checker: Checker, analysis: DocumentAnalysis, options: AnalyzeOptions): FixedPlan {
  if (plan.format !== 'markdown' && plan.format !== 'text') {
    return { analysis, applied: 0, notWritten: 'only Markdown and text plans are written; annotate --track-changes gives a Word plan its fixes as tracked changes (修订)' };
  }
  if (file === '-' || !plan.encoding) return { analysis, applied: 0, notWritten: 'standard input is not written back' };
  const fixed = fixText(checker, analysis, options);
  if (!fixed.applied) return fixed;
  let now: string | undefined;
  try {
    now = decodePlanBytes(fs.readFileSync(file), file).text;
  } catch {
    now = undefined;
  }
  if (now !== plan.text) return { analysis, applied: 0, notWritten: 'the file changed while it was checked: not written' };
  fs.writeFileSync(file, encodePlanText(fixed.analysis.source, plan.encoding));
  return fixed;
}
