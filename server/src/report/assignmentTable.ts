// The plan's 任务分工表: one row per task item (序号 … 检查结果), as Markdown, CSV (UTF-8 with BOM) and JSON.
import { formatReference } from '../core/taskIndex';
import { responsibilityMessages } from '../core/responsibilityMessages';
import { shorten } from '../core/text';

/** What follows a reference to no task in the 对应试点任务 cell (the table is in Chinese). */
const NO_SUCH_TASK = responsibilityMessages('zh').noSuchTask;
import { ReviewPlan } from './reportModel';

export const ASSIGNMENT_HEADERS = ['序号', '方案条目', '对应试点任务', '牵头单位', '配合单位', '完成时限', '检查结果'] as const;

/** The creator named in the 任务分工表 workbooks Policy Lens writes (the Excel reader knows them by it). */
export const WORKBOOK_CREATOR = 'Policy Lens';

/** What 检查结果 says of an item without findings. */
export const PASSED = '通过';

export interface AssignmentRow {
  number: number;
  /** 0-based line of the item in the plan text; a Word plan's 1-based paragraph too. */
  line: number;
  paragraph?: number;
  /** An Excel plan's sheet and row of the item (分工表!5). */
  row?: string;
  item: string;
  tasks: { id: string; reference: string; state: 'cited' | 'restated' }[];
  /** References as written that name no task (表2第18项 of a table of 17); their unknown-task finding is in `findings`. */
  unresolved: string[];
  lead: string;
  /** Further lead units the item names beside `lead` (shown with it in the 牵头单位 column). */
  coLeads: string[];
  partners: string[];
  deadline: string;
  findings: { code: string; severity: string; message: string }[];
}

export interface AssignmentTable {
  file: string;
  title: string;
  rows: AssignmentRow[];
}

export function assignmentTable(plan: ReviewPlan): AssignmentTable {
  return {
    file: plan.file,
    title: plan.title,
    rows: plan.items.map((item, i) => ({
      number: i + 1,
      line: item.line,
      ...(item.paragraph !== undefined ? { paragraph: item.paragraph } : {}),
      ...(item.row !== undefined ? { row: item.row } : {}),
      item: item.text,
      tasks: [
        ...item.cited.map((t) => ({ id: t.id, reference: formatReference(t), state: 'cited' as const })),
        ...item.restated.filter((t) => !item.cited.includes(t)).map((t) => ({ id: t.id, reference: formatReference(t), state: 'restated' as const })),
      ],
      unresolved: item.unresolved,
      lead: item.lead ?? '',
      coLeads: item.coLeads,
      partners: item.partners,
      deadline: item.deadline ?? '',
      findings: item.findings.map((f) => ({ code: String(f.code), severity: f.severity, message: f.message })),
    })),
  };
}

/**
 * The seven cells of a row as text; a restated task is marked （复述）, a reference to no task （无此任务）, findings are
 * `code：message`, one a line.
 */
export function assignmentCells(row: AssignmentRow): string[] {
  return [
    String(row.number),
    row.item,
    [...row.tasks.map((t) => (t.state === 'restated' ? `${t.reference}（复述）` : t.reference)), ...row.unresolved.map((r) => r + NO_SUCH_TASK)].join('、'),
    [row.lead, ...row.coLeads].join('、'),
    row.partners.join('、'),
    row.deadline,
    row.findings.length ? row.findings.map((f) => `${f.code}：${shorten(f.message, 60)}`).join('\n') : PASSED,
  ];
}

function markdownCell(s: string): string {
  // plan text is shown as written, never read as HTML; line breaks inside a cell become <br>
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\r?\n/g, '<br>') || '—';
}

/** One `## title` section and table per plan. */
export function assignmentsMarkdown(tables: AssignmentTable[]): string {
  const out: string[] = [];
  for (const t of tables) {
    out.push(`## 任务分工表：${t.title}`, '', `方案文件：\`${t.file}\``, '');
    out.push(`| ${ASSIGNMENT_HEADERS.join(' | ')} |`, `|${ASSIGNMENT_HEADERS.map(() => ' --- ').join('|')}|`);
    for (const row of t.rows) out.push(`| ${assignmentCells(row).map(markdownCell).join(' | ')} |`);
    if (!t.rows.length) out.push('', '（方案中没有引用试点任务的条目）');
    out.push('');
  }
  return out.join('\n');
}

/** RFC 4180: a cell with a quote, comma or line break is quoted, its quotes doubled; lines end in CRLF. */
function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM, so that Excel reads the Chinese right; with several plans a first column names each row's plan. */
export function assignmentsCsv(tables: AssignmentTable[]): string {
  const several = tables.length > 1;
  const lines = [[...(several ? ['方案文件'] : []), ...ASSIGNMENT_HEADERS].map(csvCell).join(',')];
  for (const t of tables) for (const row of t.rows) lines.push([...(several ? [t.file] : []), ...assignmentCells(row)].map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function assignmentsJson(tables: AssignmentTable[]): string {
  return JSON.stringify(tables, null, 2) + '\n';
}
