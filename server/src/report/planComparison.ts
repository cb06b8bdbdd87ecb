// Two versions of a plan compared as a reviewer reads a 修改稿 against the 征求意见稿 it answers: which tasks it covers
// now and no longer, whose lead unit, partners or deadline changed, and which findings it resolved, kept or brought.
import { Checker } from '../core/analyze';
import { dueBy, firstDeadline } from '../core/deadlines';
import { Locale } from '../core/messages';
import { mayNameSameUnit } from '../core/responsibility';
import { formatReference } from '../core/taskIndex';
import { Task } from '../core/types';
import { AnalysedPlan } from './collectReview';
import { CoverageState, ReviewFinding, ReviewPlan } from './reportModel';
import { placeOf } from './reviewHtml';

/** Who a plan gives a task to and by when, over every item that cites or restates it. */
export interface TaskAssignment {
  leads: string[];
  partners: string[];
  deadlines: string[];
}

export type AssignmentField = keyof TaskAssignment;

export interface CoverageChange {
  task: Task;
  before: CoverageState;
  after: CoverageState;
}

export interface AssignmentChange {
  task: Task;
  field: AssignmentField;
  before: string[];
  after: string[];
}

export interface VersionSummary {
  file: string;
  title: string;
  /** Tasks cited or restated. */
  covered: number;
  findings: number;
  errors: number;
}

export interface PlanComparison {
  before: VersionSummary;
  after: VersionSummary;
  /** Tasks whose coverage changed, in the sources' order. */
  coverage: CoverageChange[];
  /** For the tasks both versions cover, what changed of their assignment, in the sources' order. */
  assignments: AssignmentChange[];
  /** Findings of the earlier version that the later one no longer has (by code and message: places move). */
  resolved: ReviewFinding[];
  /** Findings of the later version that the earlier one did not have. */
  added: ReviewFinding[];
  /** Findings of the later version that the earlier one had too. */
  kept: ReviewFinding[];
}

const FIELDS: AssignmentField[] = ['leads', 'partners', 'deadlines'];

/** `tasks`: every task of the sources, in their order (the order changes are listed in). */
export function comparePlans(tasks: readonly Task[], before: ReviewPlan, after: ReviewPlan): PlanComparison {
  const stateOf = (plan: ReviewPlan, t: Task): CoverageState => plan.coverage[t.id] ?? 'missing';
  const coverage: CoverageChange[] = [];
  const assignments: AssignmentChange[] = [];
  const was = assignmentsOf(before);
  const is = assignmentsOf(after);
  for (const task of tasks) {
    const [b, a] = [stateOf(before, task), stateOf(after, task)];
    if (b !== a) coverage.push({ task, before: b, after: a });
    if (b === 'missing' || a === 'missing') continue;
    const [old, now] = [was.get(task.id), is.get(task.id)];
    for (const field of FIELDS) {
      const [x, y] = [old?.[field] ?? [], now?.[field] ?? []];
      // a deadline by the last day it allows; a unit written shorter in one (区卫健局 for 区卫生健康局) as assignment-mismatch
      // reads two names: a unit renamed in the revision is no change of who leads
      const same = field === 'deadlines' ? sameSet(x.map(dueKey), y.map(dueKey)) : sameSet(x, y, mayNameSameUnit);
      if (!same) assignments.push({ task, field, before: x, after: y });
    }
  }
  const { resolved, added, kept } = matchFindings(before.findings, after.findings);
  return { before: summary(before), after: summary(after), coverage, assignments, resolved, added, kept };
}

function summary(plan: ReviewPlan): VersionSummary {
  return {
    file: plan.file,
    title: plan.title,
    covered: Object.keys(plan.coverage).length,
    findings: plan.findings.length,
    errors: plan.findings.filter((f) => f.severity === 'error').length,
  };
}

/** Each task's assignment over the items that cite or restate it: what an item names, else what its 分工表 row gives. */
function assignmentsOf(plan: ReviewPlan): Map<string, TaskAssignment> {
  const out = new Map<string, TaskAssignment>();
  for (const item of plan.items) {
    const leads = item.lead ? [item.lead, ...item.coLeads] : [...(item.fromTable?.leads ?? [])];
    const deadline = item.deadline ?? item.fromTable?.deadline;
    for (const task of new Set([...item.cited, ...item.restated])) {
      let a = out.get(task.id);
      if (!a) out.set(task.id, (a = { leads: [], partners: [], deadlines: [] }));
      addAll(a.leads, leads);
      addAll(a.partners, item.partners);
      if (deadline) addAll(a.deadlines, [deadline]);
    }
  }
  return out;
}

function addAll(to: string[], values: readonly string[]): void {
  for (const v of values) if (v && !to.includes(v)) to.push(v);
}

/** Whether every item of each list is `same` as one of the other's (by default, equal). */
function sameSet(a: readonly string[], b: readonly string[], same: (x: string, y: string) => boolean = (x, y) => x === y): boolean {
  return a.every((x) => b.some((y) => same(x, y))) && b.every((y) => a.some((x) => same(x, y)));
}

/** A deadline by the last day it allows (2024年底前 and 2024年12月底前 are one), or as written when it is no date. */
function dueKey(deadline: string): string {
  const d = firstDeadline(deadline, { standalone: true });
  return d?.valid ? String(dueBy(d)) : deadline;
}

/** Findings paired by code and message, as many times as each occurs (the places move as the plan is rewritten). */
function matchFindings(before: readonly ReviewFinding[], after: readonly ReviewFinding[]) {
  const key = (f: ReviewFinding) => `${f.code}\u0000${f.message}`;
  const left = new Map<string, ReviewFinding[]>();
  for (const f of before) {
    const same = left.get(key(f));
    if (same) same.push(f);
    else left.set(key(f), [f]);
  }
  const added: ReviewFinding[] = [];
  const kept: ReviewFinding[] = [];
  for (const f of after) {
    const same = left.get(key(f));
    if (same?.length) {
      same.shift();
      kept.push(f);
    } else added.push(f);
  }
  const unmatched = new Set([...left.values()].flat());
  return { resolved: before.filter((f) => unmatched.has(f)), added, kept };
}

const LABELS = {
  zh: {
    title: (files: string) => `修改对照：${files}`,
    coverage: (before: number, after: number, gained: number, lost: number, changed: number) =>
      `覆盖：${before} → ${after} 项任务（新增 ${gained}，不再覆盖 ${lost}，方式改变 ${changed}）`,
    state: { cited: '引用', restated: '复述', missing: '未覆盖' } as Record<CoverageState, string>,
    was: (state: string) => `原为${state}`,
    marks: ['新增', '不再覆盖', '改变'],
    assignments: (tasks: number) => `分工：${tasks} 项任务的牵头单位、配合单位或完成时限有变化`,
    field: { leads: '牵头单位', partners: '配合单位', deadlines: '完成时限' } as Record<AssignmentField, string>,
    none: '（未写明）',
    findings: (before: number, after: number, errorsBefore: number, errorsAfter: number, resolved: number, added: number, kept: number) =>
      `检查结果：${before} → ${after} 条（错误 ${errorsBefore} → ${errorsAfter}）：已解决 ${resolved}，新出现 ${added}，仍存在 ${kept}`,
    lists: ['已解决', '新出现', '仍存在'],
    severity: { error: '错误', warning: '警告', information: '提示', hint: '建议' } as Record<string, string>,
    place: (f: ReviewFinding) => placeOf(f),
    colon: '：',
    list: '、',
  },
  en: {
    title: (files: string) => `Changes: ${files}`,
    coverage: (before: number, after: number, gained: number, lost: number, changed: number) =>
      `Coverage: ${before} → ${after} tasks (${gained} new, ${lost} no longer covered, ${changed} covered otherwise)`,
    state: { cited: 'cited', restated: 'restated', missing: 'not covered' } as Record<CoverageState, string>,
    was: (state: string) => `was ${state}`,
    marks: ['New:', 'No longer:', 'Changed:'],
    assignments: (tasks: number) => `Assignments: ${tasks} ${tasks === 1 ? 'task' : 'tasks'} with another lead unit, partner or deadline`,
    field: { leads: 'lead units', partners: 'partners', deadlines: 'deadline' } as Record<AssignmentField, string>,
    none: '(none)',
    findings: (before: number, after: number, errorsBefore: number, errorsAfter: number, resolved: number, added: number, kept: number) =>
      `Findings: ${before} → ${after} (errors ${errorsBefore} → ${errorsAfter}): ${resolved} resolved, ${added} new, ${kept} kept`,
    lists: ['Resolved', 'New', 'Kept'],
    severity: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' } as Record<string, string>,
    place: (f: ReviewFinding) => (f.row !== undefined ? f.row : f.paragraph !== undefined ? `¶${f.paragraph}` : `line ${f.line + 1}`),
    colon: ': ',
    list: ', ',
  },
};

const basename = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * A Word plan's two versions when its tracked changes (修订) are compared: `earlier`, its text before them, checked
 * with the options `after` (the plan as read, with them) was checked with; each named for what it is.
 */
export function revisionVersions(after: AnalysedPlan, earlier: { text: string; paragraphOfLine: number[] }, checker: Checker, locale: Locale): [AnalysedPlan, AnalysedPlan] {
  const [was, is] = locale === 'zh' ? ['（修订前）', '（修订后）'] : [' (before its tracked changes)', ' (with them)'];
  const analysis = checker.analyze(earlier.text, after.analysis.options ?? { locale });
  return [{ file: after.file + was, analysis, paragraphOfLine: earlier.paragraphOfLine }, { ...after, file: after.file + is }];
}

/** The comparison as `md` (a Markdown section) or plain text, in the locale's words (Chinese by default). */
export function renderComparison(c: PlanComparison, label: (task: Task) => string, format: 'text' | 'md', locale: Locale = 'zh'): string {
  const w = LABELS[locale];
  const md = format === 'md';
  const task = (t: Task) => `${formatReference(t)}（${label(t)}）`;
  const values = (v: readonly string[]) => (v.length ? v.join(w.list) : w.none);
  // the versions by their names, or as given when their names are one (v1/方案.docx, v2/方案.docx)
  const name = basename(c.before.file) === basename(c.after.file) ? (file: string) => file : basename;
  const finding = (file: string, f: ReviewFinding) => `${name(file)} ${w.place(f)} ${w.severity[f.severity] ?? f.severity} ${f.code}${w.colon}${f.message}`;
  /** A section: its heading and its lines (a Markdown list, or indented text). */
  const section = (heading: string, lines: string[], nested: string[][] = []) => [
    md ? `### ${heading}` : heading,
    ...(md && (lines.length || nested.length) ? [''] : []),
    ...lines.map((l) => (md ? `- ${l}` : `  ${l}`)),
    ...nested.flatMap(([head, ...items]) => [md ? `- ${head}${w.colon.trim()}` : `  ${head}${w.colon.trim()}`, ...items.map((l) => (md ? `  - ${l}` : `    ${l}`))]),
  ].join('\n');

  const gained = c.coverage.filter((x) => x.before === 'missing').length;
  const lost = c.coverage.filter((x) => x.after === 'missing').length;
  // + covered newly, - no longer, ~ otherwise; in words in Markdown, where `- +` would open a list in the list
  const [gainedMark, lostMark, changedMark] = md ? w.marks : ['+', '-', '~'];
  const coverage = c.coverage.map((x) =>
    x.before === 'missing' ? `${gainedMark} ${task(x.task)}${w.colon}${w.state[x.after]}`
      : x.after === 'missing' ? `${lostMark} ${task(x.task)}${w.colon}${w.was(w.state[x.before])}`
        : `${changedMark} ${task(x.task)}${w.colon}${w.state[x.before]} → ${w.state[x.after]}`);
  const assignments = c.assignments.map((x) => `${task(x.task)} ${w.field[x.field]}${w.colon}${values(x.before)} → ${values(x.after)}`);
  const lists = ([[w.lists[0], c.resolved, c.before.file], [w.lists[1], c.added, c.after.file], [w.lists[2], c.kept, c.after.file]] as const)
    .filter(([, list]) => list.length)
    .map(([heading, list, file]) => [heading, ...list.map((f) => finding(file, f))]);
  const title = w.title(`${name(c.before.file)} → ${name(c.after.file)}`);
  return [
    md ? `## ${title}` : title,
    section(w.coverage(c.before.covered, c.after.covered, gained, lost, c.coverage.length - gained - lost), coverage),
    section(w.assignments(new Set(c.assignments.map((x) => x.task)).size), assignments),
    section(w.findings(c.before.findings, c.after.findings, c.before.errors, c.after.errors, c.resolved.length, c.added.length, c.kept.length), [], lists),
  ].join('\n\n') + '\n';
}

/** The comparison as JSON: tasks by id and reference, findings with their places. */
export function comparisonJson(c: PlanComparison): string {
  const task = (t: Task) => ({ id: t.id, reference: formatReference(t) });
  const finding = (f: ReviewFinding) => ({
    code: f.code, severity: f.severity, message: f.message, line: f.line, character: f.character,
    ...(f.paragraph !== undefined ? { paragraph: f.paragraph } : {}), ...(f.row !== undefined ? { row: f.row } : {}),
  });
  return JSON.stringify({
    before: c.before,
    after: c.after,
    coverage: c.coverage.map((x) => ({ ...task(x.task), before: x.before, after: x.after })),
    assignments: c.assignments.map((x) => ({ ...task(x.task), field: x.field, before: x.before, after: x.after })),
    findings: { resolved: c.resolved.map(finding), added: c.added.map(finding), kept: c.kept.map(finding) },
  }, null, 2) + '\n';
}
