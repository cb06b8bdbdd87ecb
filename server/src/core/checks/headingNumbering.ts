// heading-numbering: a number of the plan's headings or numbered paragraphs skipped or repeated at its level (（一）（二）
// （四）, 三、 after 三、, 1、 2、 4、), counting across paragraphs (a Word plan writes each in a paragraph of its own); a
// number starts the levels below it again (一、 its （一）, （一） its 1、, 1、 its （1））. A number that starts a level again
// at 一 is not a slip (a second part, an 附件), nor is a first number that is not 一 (an excerpt). The fix writes the number
// expected, so that fixing all renumbers what follows. The same of a paragraph's enumerated clauses (一是…；二是…；四是…).
import { Finding } from '../findings';
import { afterNumber, headingNumbersIn, numberText } from '../headingNumbers';
import { Block } from '../planModel';
import { enumerationNumbers } from '../scopes';
import { toChineseNumeral } from '../text';
import type { CheckRun } from './registry';

export function checkHeadingNumbers(block: Block, run: CheckRun): Finding[] {
  // once per paragraph, from its first block: the numbers run through its blocks
  if (block !== run.model.blocks[0]) return [];
  const text = run.model.text;
  const findings = enumerationSlips(text, run);
  const before = run.structure?.numbering;
  if (!before) return findings;
  let state = before;
  for (const n of headingNumbersIn(text) ?? []) {
    const previous = state[n.level - 1];
    const expected = previous + 1;
    if (previous && n.value !== expected && n.value !== 1) {
      // the number as the plan writes it at its level, its marks included (三、, （三）, 3、, （3）)
      const form = (v: number) => {
        const opening = text.slice(n.start - 1, n.start);
        return `${/[（(]/.test(opening) ? opening : ''}${numberText(n.level, v, n.wide)}${text[n.end]}`;
      };
      const message = n.value === previous ? run.msg.numberRepeated(form(n.value), form(expected)) : run.msg.numberSkipped(form(n.value), form(previous), form(expected));
      findings.push({
        start: n.start, end: n.end, code: 'heading-numbering', severity: 'warning', message, related: [],
        fixes: [{ title: run.msg.replaceWith(numberText(n.level, expected, n.wide)), start: n.start, end: n.end, newText: numberText(n.level, expected, n.wide), preferred: true }],
      });
    }
    state = afterNumber(state, n);
  }
  return findings;
}

/**
 * The enumerated clauses of a paragraph (一是…；二是…；四是…) skipped or repeated: each after the first is the next or
 * starts again at 一 (a second enumeration); the first may be any (the paragraph goes on from the one before it).
 */
function enumerationSlips(text: string, run: CheckRun): Finding[] {
  const numbers = enumerationNumbers(text);
  const findings: Finding[] = [];
  for (let i = 1; i < numbers.length; i++) {
    const n = numbers[i];
    const previous = numbers[i - 1].value;
    const expected = previous + 1;
    if (n.value === expected || n.value === 1) continue;
    const form = (v: number) => `${toChineseNumeral(v)}是`;
    const message = n.value === previous ? run.msg.numberRepeated(form(n.value), form(expected)) : run.msg.numberSkipped(form(n.value), form(previous), form(expected));
    findings.push({
      start: n.start, end: n.end + 1, code: 'heading-numbering', severity: 'warning', message, related: [],
      fixes: [{ title: run.msg.replaceWith(form(expected)), start: n.start, end: n.end + 1, newText: form(expected), preferred: true }],
    });
  }
  return findings;
}
