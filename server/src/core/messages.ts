// Every user-facing sentence of the core, in Chinese (the default) and English.
import type { NumberFormatProblem } from './documentCitations';
import type { JudgedPart } from './topics';

export type Locale = 'zh' | 'en';

/** `zh-cn`, `zh-TW`, `zh` → zh; anything else that is given → en; nothing → zh. */
export function localeOf(tag: string | undefined | null): Locale {
  if (!tag) return 'zh';
  return tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

const range = (a: number, b: number) => `${a}–${b}`;

/** The span a reference was judged by, as a message names it (该句内容与…不符). */
const ZH_PART: Record<JudgedPart, string> = { sentence: '该句', clause: '该分句', item: '该条目', row: '该行', heading: '该标题' };

const zh = {
  noSource: (prefix: string) =>
    prefix
      ? `前缀为“${prefix}”的政策文件未能加载（请检查 policyLens.sources）`
      : '无前缀引用所指的政策文件（policyLens.sources 中前缀为空的一项）未能加载，无法核对此引用',
  noTable: (table: number, tables: number[]) =>
    `任务清单中没有表${table}：清单共有表${tables[0]}–表${tables[tables.length - 1]}`,
  noTableMeant: (table: number, tables: number[], meant: string, label: string, terms: string[]) =>
    `任务清单中没有表${table}：清单共有表${tables[0]}–表${tables[tables.length - 1]}。该句内容对应${meant}（${label}）${terms.length ? `：匹配“${terms.join('”“')}”` : ''}`,
  noTask: (ref: string, table: number, count: number, nearest: string) =>
    `${ref}不存在：表${table}共有第${range(1, count)}项。是否要引用${nearest}？`,
  noTaskMeant: (ref: string, table: number, count: number, meant: string, label: string, terms: string[]) =>
    `${ref}不存在：表${table}共有第${range(1, count)}项。该句内容对应${meant}（${label}）${terms.length ? `：匹配“${terms.join('”“')}”` : ''}`,
  backwards: (table: number, from: number, to: number) => `范围“表${table}第${from}至${to}项”是倒序的：应写作第${to}至${from}项`,
  pastEnd: (table: number, from: number, to: number, count: number) =>
    `范围“表${table}第${from}至${to}项”超出了表${table}：表${table}共有第${range(1, count)}项`,
  replaceWith: (text: string) => `改为 ${text}`,
  copyFix: (title: string) => `${title}（复制，到原文件中修改）`,
  tooLarge: (kb: number, limit: number) => `文件大小 ${kb} KB 超过上限 ${limit} KB（policyLens.maxFileSizeKB），Policy Lens 未检查此文件`,
  checkFailed: (error: string) => `Policy Lens 检查此文件时出错（${error}），本次未能给出检查结果；详情见“输出”面板的 Policy Lens 日志，请据此报告问题`,
  taskLabel: '试点任务',
  category: '类别',
  domain: '领域',
  openSource: '在原文中打开',
  bodyWording: '正文表述',
  sourceTask: (ref: string) => `原文 ${ref}`,
  bodyOf: '原文正文',
  thresholdMismatch: (plan: string, where: string, source: string) => `“${plan}”与${where}不符：原文为“${source}”`,
  thresholdRemoved: (plan: string, rule: string) => `“${plan}”与原文不符：${rule}`,
  thresholdEquivalent: (words: string) => `，即“${words}”`,
  loweredNote: '（该项任务要求降低这一资质要求，方案不应提出更高要求）',
  thresholdHover: (where: string, source: string) => `原文阈值（${where}）：“${source}”`,
  domainTasks: (domains: string, total: number, cited: number, restated: number) =>
    `${domains}：共 ${total} 项任务，本方案已引用 ${cited} 项${restated ? `、复述 ${restated} 项` : ''}`,
  areaTasks: (area: string, total: number, cited: number, restated: number) =>
    `试点区域 ${area}：共 ${total} 项试点任务，本方案已引用 ${cited} 项${restated ? `、复述 ${restated} 项` : ''}`,
  documentTasks: (total: number, cited: number, restated: number) => `试点任务清单共 ${total} 项任务，本方案已引用 ${cited} 项${restated ? `、复述 ${restated} 项` : ''}：`,
  tableCited: (table: number, title: string, cited: number, total: number) => `表${table} ${title}：已引用 ${cited} / ${total} 项`,
  issuedOn: (date: string) => `${date.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日')}印发`,
  thresholdAgrees: '与原文一致',
  thresholdDisagrees: '与原文不符',
  misquoteSource: (title: string, diff: string, source: string) => `引文与《${title}》原文不一致（${diff}）：原文为“${source}”`,
  misquote: (ref: string, diff: string, source: string) => `引文与${ref}原文不一致（${diff}）：原文为“${source}”`,
  misquoteOmitted: (ref: string, omitted: readonly string[], source: string) => `引文省略了${ref}原文的“${omitted.join('”“')}”，但未加省略号：原文为“${source}”`,
  reversedWording: (ref: string, written: string, source: string, clause: string) => `此处照录${ref}原文，但“${written}”与原文的“${source}”意思相反：原文为“${clause}”`,
  swappedWording: (ref: string, first: string, second: string, clause: string) => `此处照录${ref}原文，但“${first}”与“${second}”互换了位置，意思与原文相反：原文为“${clause}”`,
  /** Between the differences a misquote names. */
  diffSeparator: '；',
  markOmission: '在省略处加省略号',
  diffMissing: (s: string) => `缺少“${s}”`,
  diffExtra: (s: string) => `多出“${s}”`,
  diffChanged: (from: string, to: string) => `“${to}”应为“${from}”`,
  replaceQuote: '改为原文表述',
  disableOnLine: (code: string) => `在本行停用 ${code} 检查`,
  citationLens: (cited: number, restated: number) => (cited || restated ? [cited && `引用 ${cited} 处`, restated && `复述 ${restated} 处`].filter(Boolean).join(' · ') : '未引用'),
  unitUses: (count: number) => `用于 ${count} 处`,
  fixAllOfCode: (code: string, count: number) => `修复本文件中全部 ${count} 处 ${code} 问题（各按其首选修复）`,
  fixAllInFile: (count: number) => `Policy Lens：修复本文件中全部 ${count} 处可修复的问题（各按其首选修复）`,
  domainMismatch: (written: string, ref: string, own: string) => `${ref}不属于${written}：该任务属于${own}`,
  domainHeadingMismatch: (heading: string, ref: string, own: string) => `${ref}列在标题“${heading}”下，但该任务属于${own}`,
  domainColumnMismatch: (domain: string, ref: string, own: string) => `${ref}所在行的领域为“${domain}”，但该任务属于${own}`,
  placeMismatch: (ref: string, area: string, written: string) => `${ref}是${area}的试点任务，此处却写在“${written}”`,
  placeHeadingMismatch: (heading: string, ref: string, area: string) => `${ref}列在标题“${heading}”下，但它是${area}的试点任务`,
  placeLeadMismatch: (ref: string, area: string, unit: string) => `${ref}是${area}的试点任务，牵头单位却是“${unit}”`,
  restatedTask: (ref: string) => `该条目复述的${ref}`,
  numberSkipped: (written: string, previous: string, expected: string) => `序号“${written}”不连续：上一个同级序号是“${previous}”，此处应为“${expected}”`,
  numberRepeated: (written: string, expected: string) => `序号“${written}”与上一个同级序号重复，此处应为“${expected}”`,
  otherDistrictUnit: (own: string, unit: string, other: string) => `本方案是${own}的方案，此处的“${unit}”却是${other}的单位：是否沿用了其他区方案的表述？`,
  otherDistrict: (own: string, other: string) => `本方案是${own}的方案，此处却由“${other}”承担：是否沿用了其他区方案的表述？`,
  documentNumberMismatch: (title: string, number: string, written: string) => `《${title}》的文号是“${number}”，此处写作“${written}”`,
  documentIssuerMismatch: (title: string, issuer: string, written: string) => `《${title}》由${issuer}印发，此处写作“${written}”`,
  documentTitleSlip: (written: string, title: string, differences: string) => `文件名称《${written}》与原文不符（${differences}）：应为《${title}》`,
  sourceNotLoaded: (written: string, source: string) =>
    `本方案落实的是《${written}》，而核对所依据的是《${source}》：不带前缀的引用、门槛和片区都按后者核对，结论不适用于本方案。请在 policyLens.sources 中以空前缀（"prefix": ""）加载《${written}》的文本`,
  documentNumberOfOther: (number: string, title: string, written: string) => `“${number}”是《${title}》的文号，此处的文件名称却是《${written}》：文件名称和文号有一处写错了`,
  documentNumberFormat: (written: string, standard: string, problems: string[]) => `发文字号中的“${written}”不符合公文格式（GB/T 9704）：${problems.join('，')}，应写作“${standard}”`,
  wordOrder: '语序不同',
  numberFormatProblem: { brackets: '年份应使用六角括号“〔〕”', 'short-year': '年份应标全称', ordinal: '发文顺序号不加“第”字', padding: '发文顺序号不编虚位' } as Record<NumberFormatProblem, string>,
  unitWrittenTwoWays: (name: string, uses: number, other: string, otherUses: number) => `同一单位名称前后不一致：此处写作“${name}”（全文 ${uses} 处），本方案另有 ${otherUses} 处写作“${other}”`,
  missingAreaTasks: (name: string, area: string, refs: string, total?: number) =>
    total === undefined ? `方案标题写明“${name}”，但未落实${area}的任一试点任务（${refs}）` : `方案标题写明“${name}”，但未落实${area}的${total}项试点任务中的${refs}`,
  ambiguous: (written: string, candidates: string) => `“${written}”未注明所属的表，可能是：${candidates}`,
  useCandidate: (ref: string) => `改为 ${ref}`,
  noTableHas: (written: string, item: number) => `“${written}”未注明所属的表，且任务清单中没有哪张表有第${item}项`,
  lookAlike: (written: string, reference: string, label: string) => `“${written}”不是任务引用的写法，未计入引用和覆盖：应写作“${reference}”（${label}）`,
  lookAlikeNoTask: (written: string, reference: string) => `“${written}”不是任务引用的写法，未计入引用和覆盖；写作“${reference}”也不对：任务清单中没有所写的任务`,
  lookAlikeUnread: (written: string, unread: string, missing: string, reference: string, label: string) => `“${written}”中的“${unread}”缺少“${missing}”，未计入引用和覆盖：应写作“${reference}”（${label}）`,
  lookAlikeHover: (written: string, reference: string) => `“${written}”不是任务引用的写法，未计入引用和覆盖；按“${reference}”理解为：`,
  lookAlikePartHover: (written: string, reference: string) => `“${written}”只有一部分计入引用和覆盖；按“${reference}”理解为：`,
  lookAlikeSeparator: (written: string, separator: string, reference: string, label: string) => `“${written}”中的“${separator}”不是列举任务的写法，所列任务未全部计入引用和覆盖：应写作“${reference}”（${label}）`,
  truncatedTaskNumber: (written: string, after: string, reference: string, label: string, meant: string) =>
    `任务编号“${written}”排在“${after}”之后，按次序读作${reference}（${label}）：Excel 常规格式的单元格会把输入的 ${meant} 存成数字 ${written}；请把该列设为文本格式，写作“${meant}”`,
  taskNumberAsDate: (written: string, typed: string, reference: string, label: string) =>
    `任务编号“${written}”是日期：Excel 常规格式的单元格会把输入的 ${typed} 存成日期，按${reference}（${label}）读取；请把该列设为文本格式，写作“${typed}”`,
  namedTableLacks: (written: string, table: number, count: number, by: 'sentence' | 'heading', candidates: string) =>
    `“${written}”：${by === 'heading' ? '标题' : '本句'}所指的表${table}只有第1–${count}项，${candidates ? `可能是：${candidates}` : '且任务清单中没有哪张表有该项'}`,
  referenceMismatch: (part: JudgedPart, cited: string, citedLabel: string, better: string, betterLabel: string, terms: string[]) =>
    `${ZH_PART[part]}内容与${cited}（${citedLabel}）不符，更接近${better}（${betterLabel}）${terms.length ? `：匹配“${terms.join('”“')}”` : ''}`,
  uncitedTask: (ref: string, label: string, terms: string[]) =>
    `该条目复述了${ref}（${label}）${terms.length ? `（匹配“${terms.join('”“')}”）` : ''}，但未注明引用`,
  addReference: (ref: string) => `补充引用 ${ref}`,
  matchedTerms: '匹配词',
  closerTo: (ref: string, label: string) => `内容更接近 ${ref}（${label}）`,
  meant: (ref: string, label: string) => `该句内容对应 ${ref}（${label}）`,
  bareInferred: (ref: string, how: string) => `推断为 ${ref}（${how}）`,
  bareBy: { sentence: '同句注明了表', heading: '标题注明了表', content: '根据内容推断', context: '根据上文引用的表推断', document: '同句注明了文件', only: '任务清单只有一张表', unique: '其他表没有此项' } as Record<string, string>,
  bareCandidates: '候选',
};

export type Messages = typeof zh;

const en: Messages = {
  noSource: (prefix) =>
    prefix
      ? `the policy document with the prefix "${prefix}" could not be loaded (see policyLens.sources)`
      : 'the policy document that references without a prefix cite (the entry of policyLens.sources with an empty prefix) could not be loaded: this reference cannot be checked',
  noTable: (table, tables) => `the task list has no 表${table}: it has 表${tables[0]}–表${tables[tables.length - 1]}`,
  noTableMeant: (table, tables, meant, label, terms) =>
    `the task list has no 表${table}: it has 表${tables[0]}–表${tables[tables.length - 1]}. This sentence is about ${meant} (${label})${terms.length ? `: it shares "${terms.join('", "')}"` : ''}`,
  noTask: (ref, table, count, nearest) => `${ref} does not exist: 表${table} has tasks ${range(1, count)}. Did you mean ${nearest}?`,
  noTaskMeant: (ref, table, count, meant, label, terms) =>
    `${ref} does not exist: 表${table} has tasks ${range(1, count)}. This sentence is about ${meant} (${label})${terms.length ? `: it shares "${terms.join('", "')}"` : ''}`,
  backwards: (table, from, to) => `the range "表${table}第${from}至${to}项" runs backwards: write 第${to}至${from}项`,
  pastEnd: (table, from, to, count) => `the range "表${table}第${from}至${to}项" runs past the end of 表${table}: 表${table} has tasks ${range(1, count)}`,
  replaceWith: (text) => `Change to ${text}`,
  copyFix: (title) => `${title} (copy it, to change the file itself)`,
  tooLarge: (kb, limit) => `This file is ${kb} KB, above the ${limit} KB limit (policyLens.maxFileSizeKB): Policy Lens did not check it`,
  checkFailed: (error) => `Policy Lens failed to check this file (${error}) and has no findings for this version; the Policy Lens output log has the details to report`,
  taskLabel: 'Task',
  category: 'Category',
  domain: 'Domain',
  openSource: 'Open in the source',
  bodyWording: 'Wording in the body',
  sourceTask: (ref) => `Source ${ref}`,
  bodyOf: 'the source body',
  thresholdMismatch: (plan, where, source) => `"${plan}" contradicts ${where}: the source says "${source}"`,
  thresholdRemoved: (plan, rule) => `"${plan}" contradicts the source: ${rule}`,
  thresholdEquivalent: (words) => `, that is "${words}"`,
  loweredNote: ' (the task lowers this requirement: a plan should not ask for more)',
  thresholdHover: (where, source) => `Source threshold (${where}): "${source}"`,
  domainTasks: (domains, total, cited, restated) =>
    `${domains}: ${total} tasks, ${cited} cited in this plan${restated ? `, ${restated} restated` : ''}`,
  areaTasks: (area, total, cited, restated) =>
    `Pilot area ${area}: ${total} pilot tasks, ${cited} cited in this plan${restated ? `, ${restated} restated` : ''}`,
  documentTasks: (total, cited, restated) => `Task list: ${total} tasks, ${cited} cited in this plan${restated ? `, ${restated} restated` : ''}:`,
  tableCited: (table, title, cited, total) => `表${table} ${title}: ${cited} of ${total} cited`,
  issuedOn: (date) => `issued ${date}`,
  thresholdAgrees: 'agrees with the source',
  thresholdDisagrees: 'contradicts the source',
  misquoteSource: (title, diff, source) => `the quotation differs from 《${title}》 (${diff}): the source says "${source}"`,
  misquote: (ref, diff, source) => `the quotation differs from ${ref} (${diff}): the source says "${source}"`,
  misquoteOmitted: (ref, omitted, source) => `the quotation leaves out "${omitted.join('", "')}" of ${ref} without an ellipsis: the source says "${source}"`,
  reversedWording: (ref, written, source, clause) => `this copies ${ref} but "${written}" says the opposite of the source's "${source}": the source says "${clause}"`,
  swappedWording: (ref, first, second, clause) => `this copies ${ref} but swaps "${first}" and "${second}", which reverses it: the source says "${clause}"`,
  diffSeparator: '; ',
  markOmission: 'Mark the omission with an ellipsis',
  diffMissing: (s) => `"${s}" is missing`,
  diffExtra: (s) => `"${s}" is not in the source`,
  diffChanged: (from, to) => `"${to}" should be "${from}"`,
  replaceQuote: 'Use the source wording',
  disableOnLine: (code) => `Disable ${code} for this line`,
  citationLens: (cited, restated) =>
    cited || restated ? [cited && `${cited} citation${cited > 1 ? 's' : ''}`, restated && `${restated} restatement${restated > 1 ? 's' : ''}`].filter(Boolean).join(' · ') : 'not cited',
  unitUses: (count) => `used ${count}×`,
  fixAllOfCode: (code, count) => `Fix all ${count} ${code} problems in this file (each by its preferred fix)`,
  fixAllInFile: (count) => `Policy Lens: fix all ${count} fixable problems in this file (each by its preferred fix)`,
  domainMismatch: (written, ref, own) => `${ref} is not in ${written}: it belongs to ${own}`,
  domainHeadingMismatch: (heading, ref, own) => `${ref} is under the heading "${heading}", but it belongs to ${own}`,
  domainColumnMismatch: (domain, ref, own) => `${ref} is in a row whose domain is "${domain}", but it belongs to ${own}`,
  placeMismatch: (ref, area, written) => `${ref} is a pilot task of ${area}, but this puts it in "${written}"`,
  placeHeadingMismatch: (heading, ref, area) => `${ref} is under the heading "${heading}", but it is a pilot task of ${area}`,
  placeLeadMismatch: (ref, area, unit) => `${ref} is a pilot task of ${area}, but its lead unit is "${unit}"`,
  restatedTask: (ref) => `the task this item restates, ${ref},`,
  numberSkipped: (written, previous, expected) => `the number "${written}" skips: the last of its level was "${previous}", so this should be "${expected}"`,
  numberRepeated: (written, expected) => `the number "${written}" repeats the last of its level: this should be "${expected}"`,
  otherDistrictUnit: (own, unit, other) => `this is ${own}'s plan, but "${unit}" is a unit of ${other}: copied from another district's plan?`,
  otherDistrict: (own, other) => `this is ${own}'s plan, but "${other}" is given the work here: copied from another district's plan?`,
  documentNumberMismatch: (title, number, written) => `the 文号 of 《${title}》 is "${number}", not "${written}"`,
  documentIssuerMismatch: (title, issuer, written) => `《${title}》was issued by ${issuer}, not "${written}"`,
  documentTitleSlip: (written, title, differences) => `the document's name 《${written}》 differs from the source (${differences}): it is 《${title}》`,
  sourceNotLoaded: (written, source) =>
    `This plan implements 《${written}》, but the source it is checked against is 《${source}》: references without a prefix, thresholds and areas are all read from the latter and do not apply to this plan. Load the text of 《${written}》 in policyLens.sources with an empty prefix ("prefix": "")`,
  documentNumberOfOther: (number, title, written) => `"${number}" is the 文号 of 《${title}》, but the name here is 《${written}》: one of the two is wrong`,
  documentNumberFormat: (written, standard, problems) => `"${written}" in this 发文字号 is not written as official documents write it (GB/T 9704): ${problems.join(', ')}; write "${standard}"`,
  wordOrder: 'words in another order',
  numberFormatProblem: { brackets: 'the year in 六角括号 〔〕', 'short-year': 'the year in full', ordinal: 'no 第 before the serial', padding: 'no leading zeros in the serial' },
  unitWrittenTwoWays: (name, uses, other, otherUses) => `one unit written two ways: "${name}" here (${uses} ${uses === 1 ? 'place' : 'places'} in the plan), "${other}" in ${otherUses} other ${otherUses === 1 ? 'place' : 'places'}`,
  missingAreaTasks: (name, area, refs, total) =>
    total === undefined ? `the title names "${name}", but the plan cites none of the pilot tasks of ${area} (${refs})` : `the title names "${name}", but the plan leaves out ${refs} of the ${total} pilot tasks of ${area}`,
  ambiguous: (written, candidates) => `"${written}" does not name its table; it may be ${candidates}`,
  useCandidate: (ref) => `Change to ${ref}`,
  noTableHas: (written, item) => `"${written}" does not name its table, and no table of the task list has a task ${item}`,
  lookAlike: (written, reference, label) => `"${written}" is not a form of task reference, so it is not counted as a citation or in the coverage: write "${reference}" (${label})`,
  lookAlikeNoTask: (written, reference) => `"${written}" is not a form of task reference, so it is not counted as a citation or in the coverage; "${reference}" would not do either: the task list has no task so numbered`,
  lookAlikeUnread: (written, unread, missing, reference, label) => `"${unread}" in "${written}" lacks its ${missing}, so it is not counted as a citation or in the coverage: write "${reference}" (${label})`,
  lookAlikeHover: (written, reference) => `"${written}" is not a form of task reference and is not counted; read as "${reference}" it names:`,
  lookAlikePartHover: (written, reference) => `only a part of "${written}" is counted; read as "${reference}" it names:`,
  lookAlikeSeparator: (written, separator, reference, label) => `"${separator}" in "${written}" does not list tasks, so not all of them are counted as citations or in the coverage: write "${reference}" (${label})`,
  truncatedTaskNumber: (written, after, reference, label, meant) =>
    `task number "${written}" follows "${after}", so it is read as ${reference} (${label}) by the column's order: a General-format Excel cell stores ${meant} typed into it as the number ${written}; format the column as Text and write "${meant}"`,
  taskNumberAsDate: (written, typed, reference, label) =>
    `task number "${written}" is a date: a General-format Excel cell stores ${typed} typed into it as a date, so it is read as ${reference} (${label}); format the column as Text and write "${typed}"`,
  namedTableLacks: (written, table, count, by, candidates) =>
    `"${written}": 表${table}, which the ${by === 'heading' ? 'heading' : 'sentence'} names, has tasks 1–${count}; ${candidates ? `it may be ${candidates}` : 'no table of the task list has that task'}`,
  referenceMismatch: (part, cited, citedLabel, better, betterLabel, terms) =>
    `this ${part} does not fit ${cited} (${citedLabel}); it is closer to ${better} (${betterLabel})${terms.length ? `: it shares "${terms.join('", "')}"` : ''}`,
  uncitedTask: (ref, label, terms) => `this item restates ${ref} (${label})${terms.length ? ` (it shares "${terms.join('", "')}")` : ''} without citing it`,
  addReference: (ref) => `Cite ${ref}`,
  matchedTerms: 'Matching words',
  closerTo: (ref, label) => `The text is closer to ${ref} (${label})`,
  meant: (ref, label) => `The text is about ${ref} (${label})`,
  bareInferred: (ref, how) => `Read as ${ref} (${how})`,
  bareBy: { sentence: 'the sentence names the table', heading: 'the heading names the table', content: 'inferred from the content', context: 'inferred from the table cited earlier', document: 'the sentence names the document', only: 'the task list has one table', unique: 'no other table has that task' },
  bareCandidates: 'Candidates',
};

export function messages(locale: Locale): Messages {
  return locale === 'en' ? en : zh;
}
