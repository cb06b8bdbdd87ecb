// The sentences of the responsibility checks (lead units, deadlines), in Chinese and English; merged into messages.ts.
import type { Assignment } from './responsibility';

const zh = {
  missingLeadUnit: (ref: string) => `${ref ? `${ref}的` : ''}任务条目未明确牵头单位（方案其他条目均写明了牵头单位）`,
  missingLeadUnitAlways: (ref: string) => `${ref ? `${ref}的` : ''}任务条目未明确牵头单位`,
  vagueLead: (ref: string, named: string) => `${ref ? `${ref}的` : ''}任务条目的牵头单位“${named}”不是具体单位，任务仍无人牵头：请写明牵头的单位`,
  leadDiffersFromTable: (ref: string, here: string, table: string) => `${ref}的牵头单位与本方案分工表不一致：此处为“${here}”，分工表为“${table}”`,
  notInTable: (ref: string) => `${ref}未列入本方案分工表（分工表列出了正文引用的其他任务）`,
  partlyLed: (refs: string, led: string) => `${refs}未明确牵头单位：本条目未写明牵头单位，分工表只写明了${led}的`,
  partlyDated: (refs: string, dated: string) => `${refs}未明确完成时限：本条目未写明完成时限，分工表只写明了${dated}的`,
  deadlineDiffersFromTable: (ref: string, here: string, table: string) => `${ref}的完成时限与本方案分工表不一致：此处为“${here}”，分工表为“${table}”`,
  missingDeadline: (ref: string) => `${ref ? `${ref}的` : ''}任务条目未明确完成时限（方案大多数条目写明了完成时限）`,
  missingDeadlineAlways: (ref: string) => `${ref ? `${ref}的` : ''}任务条目未明确完成时限`,
  namedWithoutLead: (units: string) => `（${units}）未说明哪个单位牵头：可写明“××牵头”，或声明“列第一位的为牵头单位”`,
  deadlineBefore: (deadline: string, window: string, date: string) => `完成时限“${deadline}”早于原文印发日期${date}（试点期：${window}）`,
  deadlineBeforeIssued: (deadline: string, issued: string) => `完成时限“${deadline}”早于本方案落款日期${issued}：方案印发时已经过期`,
  deadlineAfter: (deadline: string, window: string) => `完成时限“${deadline}”超出试点期（${window}）`,
  deadlineYearBefore: (deadline: string, window: string, year: number, unambiguous: string) =>
    `完成时限“${deadline}”若指${year}年内，则超出试点期（${window}）；若指${year}年之前，宜写作“${unambiguous}”`,
  invalidDate: (date: string, why: string) => `日期“${date}”不存在：${why}`,
  noSuchMonth: (month: number) => `一年只有12个月，没有${month}月`,
  noSuchDay: (year: number, month: number, day: number, days: number) => `${year}年${month}月只有${days}天，没有${day}日`,
  noSuchQuarter: (quarter: string) => `一年只有四个季度，没有第${quarter}季度`,
  owner: '牵头单位',
  partners: '配合单位',
  deadline: '完成时限',
  fromHeading: (heading: string) => `（见标题“${heading}”）`,
  fromParent: (item: string) => `（见上级条目“${item}”）`,
  fromEnumeration: '（见列举之后的说明）',
  fromTable: '（见分工表）',
  none: '未明确',
  /** Hover on a unit's name: the tasks of the plan it leads, and those it is a partner of. */
  unitLeads: (n: number) => `牵头 ${n} 项任务`,
  unitPartners: (n: number) => `配合 ${n} 项任务`,
  unitAlsoWritten: (names: string) => `本方案亦写作：${names}`,
  notUnitName: (name: string, max: number) => `“${name}”不能作为单位名称：须为一行、不超过 ${max} 个字符、不含“|”`,
  colon: '：',
  /** After a reference to no task, where an item's tasks are listed (hover, 分工表). */
  noSuchTask: '（无此任务）',
};

export type ResponsibilityMessages = typeof zh;

const en: ResponsibilityMessages = {
  missingLeadUnit: (ref) => `this task item${ref ? ` (${ref})` : ''} names no lead unit (牵头单位), while the plan's other items do`,
  missingLeadUnitAlways: (ref) => `this task item${ref ? ` (${ref})` : ''} names no lead unit (牵头单位)`,
  vagueLead: (ref, named) => `the lead unit of this task item${ref ? ` (${ref})` : ''}, "${named}", is no unit in particular, so no one leads the task: name the unit that leads it`,
  leadDiffersFromTable: (ref, here, table) => `the lead unit of ${ref} differs from the plan's assignment table (分工表): "${here}" here, "${table}" in the table`,
  notInTable: (ref) => `${ref} is missing from the plan's assignment table (分工表), which lists the other tasks the body cites`,
  partlyLed: (refs, led) => `${refs} has no lead unit (牵头单位): this item names none, and the plan's assignment table (分工表) names one for ${led} only`,
  partlyDated: (refs, dated) => `${refs} has no deadline (完成时限): this item gives none, and the plan's assignment table (分工表) gives one for ${dated} only`,
  deadlineDiffersFromTable: (ref, here, table) => `the deadline of ${ref} differs from the plan's assignment table (分工表): "${here}" here, "${table}" in the table`,
  missingDeadline: (ref) => `this task item${ref ? ` (${ref})` : ''} gives no deadline (完成时限), while most of the plan's items do`,
  missingDeadlineAlways: (ref) => `this task item${ref ? ` (${ref})` : ''} gives no deadline (完成时限)`,
  namedWithoutLead: (units) => `(${units}) does not say which unit leads: write "××牵头", or declare "列第一位的为牵头单位"`,
  deadlineBefore: (deadline, window, date) => `the deadline "${deadline}" is before the source was issued (${date}; pilot period ${window})`,
  deadlineBeforeIssued: (deadline, issued) => `the deadline "${deadline}" is before this plan's own date (${issued}): it had passed when the plan was issued`,
  deadlineAfter: (deadline, window) => `the deadline "${deadline}" is after the pilot period (${window})`,
  deadlineYearBefore: (deadline, window, year, unambiguous) =>
    `the deadline "${deadline}" is after the pilot period (${window}) if it means during ${year}; if it means before ${year}, write "${unambiguous}"`,
  invalidDate: (date, why) => `the date "${date}" does not exist: ${why}`,
  noSuchMonth: (month) => `a year has 12 months, not ${month}`,
  noSuchDay: (year, month, day, days) => `${year}-${String(month).padStart(2, '0')} has ${days} days, not ${day}`,
  noSuchQuarter: (quarter) => `a year has four quarters, not 第${quarter}季度`,
  owner: 'Lead unit',
  partners: 'Partners',
  deadline: 'Deadline',
  fromHeading: (heading) => ` (from the heading "${heading}")`,
  fromParent: (item) => ` (from the item it is part of, "${item}")`,
  fromEnumeration: ' (from the statement after the enumeration it is a clause of)',
  fromTable: " (from the plan's 分工表)",
  none: 'not named',
  unitLeads: (n) => `leads ${n} task${n === 1 ? '' : 's'}`,
  unitPartners: (n) => `partner in ${n} task${n === 1 ? '' : 's'}`,
  unitAlsoWritten: (names) => `also written in this plan as: ${names}`,
  notUnitName: (name, max) => `"${name}" cannot be a unit's name: one line, at most ${max} characters, no |`,
  colon: ': ',
  noSuchTask: ' (no such task)',
};

export function responsibilityMessages(locale: 'zh' | 'en'): ResponsibilityMessages {
  return locale === 'en' ? en : zh;
}

/**
 * Where a task item's lead came from when not from the item itself: （见标题“…”）, （见上级条目“…”）, （见列举之后的说明）;
 * '' for its own text, lines or table row.
 */
export function leadSourceNote(from: string | undefined, heading: string | undefined, msg: ResponsibilityMessages): string {
  if (from === 'enumeration') return msg.fromEnumeration;
  if (!heading) return '';
  return from === 'parent' ? msg.fromParent(heading) : msg.fromHeading(heading);
}

/**
 * A task item's owner and deadline as hover shows them, one line each: 牵头单位：区商务局（见标题“…”）/ 配合单位：… /
 * 完成时限：2025年6月. Partners and the deadline are left out when the item names none.
 */
export function formatAssignment(a: Assignment & { heading?: string; leadFrom?: string }, msg: ResponsibilityMessages): string[] {
  const colon = msg.colon;
  const from = leadSourceNote(a.leadFrom, a.heading, msg);
  const lead = a.lead ? [a.lead, ...(a.coLeads ?? [])].map((u) => u.name).join('、') + from : msg.none;
  const lines = [`${msg.owner}${colon}${lead}`];
  if (a.partners.length) lines.push(`${msg.partners}${colon}${a.partners.map((u) => u.name).join('、')}`);
  const deadline = a.deadline ?? a.term;
  if (deadline) lines.push(`${msg.deadline}${colon}${deadline.text}`);
  return lines;
}
