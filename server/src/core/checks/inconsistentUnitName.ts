// inconsistent-unit-name: a unit the plan assigns items to under two names (区工信局 here, 区工业和信息化局 in three other
// places; 区金融局 in the body, 区金融工作局 in its 分工表), said where the name the plan uses less is written, with the
// fix that writes the other: one unit, written one way (the hover's 本方案亦写作 says the same; renaming writes it
// everywhere). A name declared short for the other (区工业和信息化局（以下简称区工信局）) is no slip.
import { Finding } from '../findings';
import { Block } from '../planModel';
import { preferredOver } from '../unitSpellings';
import type { CheckRun } from './registry';

export function checkInconsistentUnitName(block: Block, run: CheckRun): Finding[] {
  const spellings = run.structure?.spellings;
  if (!spellings) return [];
  const findings: Finding[] = [];
  for (const m of spellings.mentions) {
    if (m.start < block.start || m.start >= block.end) continue;
    const spelling = spellings.of.get(m.name);
    const other = spelling && preferredOver(m.name, spelling);
    if (!other) continue;
    findings.push({
      start: m.start, end: m.end, code: 'inconsistent-unit-name', severity: 'information', message: run.msg.unitWrittenTwoWays(m.name, spelling.uses, other.name, other.uses), related: [],
      fixes: [{ title: run.msg.replaceWith(other.name), start: m.start, end: m.end, newText: other.name, preferred: true }],
    });
  }
  return findings;
}
