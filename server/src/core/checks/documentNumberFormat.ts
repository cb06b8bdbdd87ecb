// document-number-format: a 发文字号 written otherwise than GB/T 9704-2012 (7.2.4) prescribes — the year in full in 六角括号
// 〔〕, the serial without 第 and without padding: 商资发[2022]212号, 穗府办（2023）第05号 → 〔2022〕212号, 〔2023〕5号. Any
// document's number, not only a source's: a plan is an official document.
import { numberFormatProblems, paragraphCitations, standardNumberPart, within } from '../documentCitations';
import { Finding } from '../findings';
import { Block } from '../planModel';
import type { CheckRun } from './registry';

export function checkDocumentNumberFormat(block: Block, run: CheckRun): Finding[] {
  const { numbers } = paragraphCitations(run.model);
  if (!numbers.length) return [];
  const text = run.model.text;
  const findings: Finding[] = [];
  for (const n of within(numbers, block.start, block.end)) {
    const problems = numberFormatProblems(n);
    if (!problems.length) continue;
    const standard = standardNumberPart(n);
    findings.push({
      start: n.yearStart, end: n.end, code: 'document-number-format', severity: 'warning',
      message: run.msg.documentNumberFormat(text.slice(n.yearStart, n.end).trim(), standard, problems.map((p) => run.msg.numberFormatProblem[p])),
      related: [],
      fixes: [{ title: run.msg.replaceWith(standard), start: n.yearStart, end: n.end, newText: standard, preferred: true }],
    });
  }
  return findings;
}
