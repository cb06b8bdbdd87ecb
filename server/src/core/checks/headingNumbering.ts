// heading-numbering: a number of the plan's headings or numbered paragraphs skipped or repeated at its level (（一）（二）
// （四）, 三、 after 三、, 1、 2、 4、), counting across paragraphs (a Word plan writes each in a paragraph of its own); a
// number starts the levels below it again (一、 its （一）, （一） its 1、, 1、 its （1））. A number that starts a level again
// at 一 is not a slip (a second part, an 附件), nor is a first number that is not 一 (an excerpt). A number is compared
// with the one written before it (一、二、四、五 is one slip, at 四: seven blind writers of the held-out sets in eight
// labelled it so); the fix writes the number expected, and once it is applied the next number is a slip in turn. Enumerated clauses (一是…；二是…；四是…) are a level below them all,
// counted across paragraphs too (a Word plan may write each clause in a paragraph of its own) and started again by any
// heading number.
import { Finding } from '../findings';
import { afterNumber, headingNumbersIn, numberText } from '../headingNumbers';
import { Block } from '../planModel';
import type { CheckRun } from './registry';

export function checkHeadingNumbers(block: Block, run: CheckRun): Finding[] {
  const before = run.structure?.numbering;
  // once per paragraph, from its first block: the numbers run through its blocks
  if (!before || block !== run.model.blocks[0]) return [];
  const text = run.model.text;
  const findings: Finding[] = [];
  let state = before;
  for (const n of headingNumbersIn(text) ?? []) {
    const previous = state[n.level - 1];
    const expected = previous + 1;
    if (previous && n.value !== expected && n.value !== 1) {
      // the number as the plan writes it at its level, its marks included (三、, （三）, 3、, （3）, 三是)
      const form = (v: number) => {
        const opening = n.level === 5 ? '' : text.slice(n.start - 1, n.start);
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
