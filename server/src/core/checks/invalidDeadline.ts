// invalid-deadline: a date that does not exist (2023年14月, 2024年4月31日, 2023年2月29日, 第五季度), deadline or not.
import { whyInvalid } from '../deadlines';
import { Finding } from '../findings';
import { Block } from '../planModel';
import { responsibilityMessages } from '../responsibilityMessages';
import { datesOfBlock } from './deadlineOutsidePilot';
import type { CheckRun } from './registry';

export function checkInvalidDeadline(block: Block, run: CheckRun): Finding[] {
  const msg = responsibilityMessages(run.locale);
  const findings: Finding[] = [];
  for (const d of datesOfBlock(run.model.text, block)) {
    const why = whyInvalid(d);
    if (!why) continue;
    const reason = why.kind === 'month' ? msg.noSuchMonth(why.month)
      : why.kind === 'day' ? msg.noSuchDay(why.year, why.month, why.day, why.days)
      : msg.noSuchQuarter(String(why.quarter));
    findings.push({ start: d.start, end: d.end, code: 'invalid-deadline', severity: 'error', message: msg.invalidDate(d.text, reason), related: [], fixes: [] });
  }
  return findings;
}
