// Two versions of a plan compared as a reviewer reads a 修改稿 against the 征求意见稿 it answers: which tasks it covers
// now and no longer, whose lead unit, partners or deadline changed, and which findings it resolved, kept or brought.
import { formatReference } from '../core/taskIndex';
import { Task } from '../core/types';
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
      if (!sameSet(x, y)) assignments.push({ task, field, before: x, after: y });
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

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Findings paired by code and message, as many times as each occurs (the places move as the plan is rewritten). */
function matchFindings(before: readonly ReviewFinding[], after: readonly ReviewFinding[]) {
  const key = (f: ReviewFinding) => `${f.code}\u0000${f.message}`;
  const left = new Map<string, ReviewFinding[]>();
  for (const f of before) left.set(key(f), [...(left.get(key(f)) ?? []), f]);
  const added: ReviewFinding[] = [];
  const kept: ReviewFinding[] = [];
  for (const f of after) {
    const same = left.get(key(f));
    if (same?.length) {
      same.shift();
      kept.push(f);
    } else added.push(f);
  }
  const resolved = before.filter((f) => left.get(key(f))?.includes(f));
  return { resolved, added, kept };
}

const STATE: Record<CoverageState, string> = { cited: '引用', restated: '复述', missing: '未覆盖' };
const FIELD: Record<AssignmentField, string> = { leads: '牵头单位', partners: '配合单位', deadlines: '完成时限' };
const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', information: '提示', hint: '建议' };

const basename = (file: string) => file.split(/[\\/]/).pop() ?? file;
const values = (v: readonly string[]) => (v.length ? v.join('、') : '（未写明）');

/** The comparison's lines in Chinese, as the 分工表 and the report are: `md` as a Markdown section, else plain text. */
export function renderComparison(c: PlanComparison, label: (task: Task) => string, format: 'text' | 'md'): string {
  const md = format === 'md';
  const out: string[] = [];
  const heading = (text: string) => out.push(md ? `\n### ${text}\n` : `\n${text}`);
  const line = (text: string) => out.push(md ? `- ${text}` : `  ${text}`);
  const task = (t: Task) => `${formatReference(t)}（${label(t)}）`;
  const place = (file: string, f: ReviewFinding) => `${basename(file)} ${placeOf(f)}`;
  const finding = (file: string, f: ReviewFinding) => `${place(file, f)} ${SEVERITY[f.severity] ?? f.severity} ${f.code}：${f.message}`;

  const title = `${basename(c.before.file)} → ${basename(c.after.file)}`;
  out.push(md ? `## 修改对照：${title}` : `修改对照：${title}`);
  const gained = c.coverage.filter((x) => x.before === 'missing').length;
  const lost = c.coverage.filter((x) => x.after === 'missing').length;
  heading(`覆盖：${c.before.covered} → ${c.after.covered} 项任务（新增 ${gained}，不再覆盖 ${lost}，方式改变 ${c.coverage.length - gained - lost}）`);
  for (const x of c.coverage) {
    if (x.before === 'missing') line(`+ ${task(x.task)}：${STATE[x.after]}`);
    else if (x.after === 'missing') line(`- ${task(x.task)}：原为${STATE[x.before]}`);
    else line(`~ ${task(x.task)}：${STATE[x.before]} → ${STATE[x.after]}`);
  }
  const changed = new Set(c.assignments.map((x) => x.task)).size;
  heading(`分工：${changed} 项任务的牵头单位、配合单位或完成时限有变化`);
  for (const x of c.assignments) line(`${task(x.task)} ${FIELD[x.field]}：${values(x.before)} → ${values(x.after)}`);
  heading(
    `检查结果：${c.before.findings} → ${c.after.findings} 条（错误 ${c.before.errors} → ${c.after.errors}）：` +
      `已解决 ${c.resolved.length}，新出现 ${c.added.length}，仍存在 ${c.kept.length}`,
  );
  for (const [name, list, file] of [['已解决', c.resolved, c.before.file], ['新出现', c.added, c.after.file], ['仍存在', c.kept, c.after.file]] as const) {
    if (!list.length) continue;
    line(`${name}：`);
    for (const f of list) out.push(md ? `  - ${finding(file, f)}` : `    ${finding(file, f)}`);
  }
  return out.join('\n') + '\n';
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
