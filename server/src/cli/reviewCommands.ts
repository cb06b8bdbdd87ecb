// The reviewer's commands: `policy-lens report FILE... --out report.html`, `policy-lens assignments FILE... --format md|csv|json|xlsx`,
// `policy-lens compare OLD NEW` and `policy-lens annotate PLAN.docx|分工表.xlsx|PLAN.pdf|PLAN.ofd... [--track-changes]`.
import * as fs from 'fs';
import * as path from 'path';
import { Locale, localeOf } from '../core/messages';
import { assignmentsCsv, assignmentsJson, assignmentsMarkdown, assignmentTable } from '../report/assignmentTable';
import { assignmentsWorkbook } from '../report/assignmentWorkbook';
import { AnalysedPlan, collectReview } from '../report/collectReview';
import { ReviewReport } from '../report/reportModel';
import { renderReviewHtml, reportTime } from '../report/reviewHtml';
import { comparePlans, comparisonJson, renderComparison, revisionVersions } from '../report/planComparison';
import { taskLabel } from '../core/checks/labels';
import { TaskIndex } from '../core/taskIndex';
import { readDocxBeforeRevisions } from '../readers/docx';
import { analyzeOptionsOf, commandConfig, loadConfiguredEngine } from './configuration';
import { UsageError } from './files';
import { REVIEWABLE_FILE, REVIEWABLE_FORMATS, reviewCopy } from '../report/reviewCopy';
import { REVIEW_COPY_SUFFIX } from '../shared/protocol';
import { readAndCheckPlans } from './annexes';

export interface ReviewOptions {
  files: string[];
  format?: string;
  out?: string;
  config?: string;
  locale?: string;
  annex?: string;
  /** --source FILE (see withSourceInPlace). */
  source?: string;
  trackChanges?: boolean;
}

/** Reads and checks every plan; one that cannot be read is reported on stderr and left out (exit code 2 at the end). */
async function checkPlans(o: ReviewOptions, command: string) {
  const noteRevisions = command !== 'compare';
  if (!o.files.length) throw new UsageError(`${command} needs at least one FILE`);
  const config = commandConfig(o);
  const { index, checker } = await loadConfiguredEngine(config);
  const locale = localeOf(o.locale ?? process.env.POLICY_LENS_LOCALE ?? 'zh');
  const { checked, unreadable } = await readAndCheckPlans(o.files, index, checker, analyzeOptionsOf(config, locale), o.annex, { noteRevisions });
  const plans: AnalysedPlan[] = checked.map(({ file, plan, analysis }) => ({ file, analysis, paragraphOfLine: plan.paragraphOfLine, rowOfLine: plan.rowOfLine, revisions: plan.revisions }));
  return { plans, unreadable, index, checker, locale, settings: config.settings };
}

async function review(o: ReviewOptions, command: string): Promise<{ report: ReviewReport; unreadable: number; index: TaskIndex; locale: Locale }> {
  const { plans, unreadable, index, locale } = await checkPlans(o, command);
  return { report: collectReview(index, plans), unreadable, index, locale };
}

function write(out: string | undefined, content: string | Buffer): void {
  if (out === undefined || out === '-') {
    process.stdout.write(content);
    return;
  }
  try {
    fs.writeFileSync(out, content);
  } catch (e) {
    throw new UsageError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Says on standard error which file was written, and of how many plans (nothing when the output went to stdout). */
function wrote(out: string | undefined, plans: number): void {
  if (out && out !== '-') process.stderr.write(`policy-lens: wrote ${out} (${plans} ${plans === 1 ? 'plan' : 'plans'})\n`);
}

/** The HTML report; to --out FILE, else to standard output. Exit 2 when a plan could not be read, else 0. */
export async function reportCommand(o: ReviewOptions): Promise<number> {
  if (o.format !== undefined && o.format !== 'html') throw new UsageError(`--format must be html, not "${o.format}"`);
  const { report, unreadable } = await review(o, 'report');
  write(o.out, renderReviewHtml(report, { generatedAt: reportTime(new Date()) }));
  wrote(o.out, report.plans.length);
  return unreadable ? 2 : 0;
}

const ASSIGNMENT_FORMATS = ['md', 'csv', 'json', 'xlsx'];

/** The 任务分工表 of each plan. xlsx is a binary workbook: it needs --out. */
export async function assignmentsCommand(o: ReviewOptions): Promise<number> {
  const format = o.format ?? 'md';
  if (!ASSIGNMENT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${ASSIGNMENT_FORMATS.join(', ')}, not "${format}"`);
  if (format === 'xlsx' && (o.out === undefined || o.out === '-')) throw new UsageError('--format xlsx writes a binary workbook: give --out FILE.xlsx');
  const { report, unreadable } = await review(o, 'assignments');
  const tables = report.plans.map(assignmentTable);
  if (format === 'xlsx') write(o.out, await assignmentsWorkbook(tables));
  else write(o.out, format === 'csv' ? assignmentsCsv(tables) : format === 'json' ? assignmentsJson(tables) : assignmentsMarkdown(tables));
  wrote(o.out, report.plans.length);
  return unreadable ? 2 : 0;
}

const COMPARE_FORMATS = ['text', 'md', 'json'];

/**
 * Two versions of one plan, the earlier first: the tasks covered now and no longer, the assignments changed, the
 * findings resolved, new and kept; or one Word plan with tracked changes (修订), as it was before them against as it is
 * with them. Exit 2 when a file cannot be read, else 0.
 */
export async function compareCommand(o: ReviewOptions): Promise<number> {
  const format = o.format ?? 'text';
  if (!COMPARE_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${COMPARE_FORMATS.join(', ')}, not "${format}"`);
  if (o.files.length !== 1 && o.files.length !== 2) {
    throw new UsageError('compare needs two FILEs, the earlier version of a plan and then the later, or one Word plan with tracked changes');
  }
  if (o.files.length === 2 && o.files[0] !== '-' && path.resolve(o.files[0]) === path.resolve(o.files[1])) {
    throw new UsageError(`${o.files[0]} twice: compare needs two versions of a plan (a Word plan with tracked changes, named once, is two)`, false);
  }
  const { plans, unreadable, index, checker, locale } = await checkPlans(o, 'compare');
  if (unreadable) return 2;
  if (plans.length !== o.files.length) throw new UsageError('compare takes plan files, not folders or patterns');
  if (plans.length === 1) {
    // one Word plan: as it was before its tracked changes, checked with the same options (its 分工表 too)
    const [after] = plans;
    const earlier = /\.docx$/i.test(after.file) ? await readDocxBeforeRevisions(fs.readFileSync(after.file), after.file) : undefined;
    if (!earlier) throw new UsageError(`${after.file} has no tracked changes (修订): compare needs two FILEs, the earlier version of a plan and then the later`, false);
    plans.splice(0, 1, ...revisionVersions(after, earlier, checker, locale));
  }
  const [before, after] = collectReview(index, plans).plans;
  const comparison = comparePlans(index.tasks, before, after);
  write(o.out, format === 'json' ? comparisonJson(comparison) : renderComparison(comparison, (t) => taskLabel(index, t), format as 'text' | 'md', locale));
  return 0;
}

/**
 * Each Word plan's, Excel 分工表's or PDF's review as a copy beside it (`plan（审核意见）.docx`, or --out: a file for one plan, a
 * folder for several): every finding a comment (批注) on its text, and with --track-changes a Word plan's preferred
 * fixes tracked changes (修订). The plan itself is never written, nor a file that exists unless --out names it. A plan in
 * another format is said and left out. Exit 2 when a plan cannot be read or its copy cannot be written, else 0.
 */
export async function annotateCommand(o: ReviewOptions): Promise<number> {
  if (o.format !== undefined) throw new UsageError('annotate writes Word, Excel and PDF files: it has no --format');
  if (o.files.includes('-')) throw new UsageError('annotate writes a copy beside each plan: name the .docx, .xlsx, .pdf and .ofd files, not standard input');
  const { plans, unreadable, locale, settings } = await checkPlans(o, 'annotate');
  let failed = unreadable;
  const reviewable = plans.filter((p) => {
    if (REVIEWABLE_FILE.test(p.file)) return true;
    process.stderr.write(`policy-lens: ${p.file}: not annotated: comments are written into ${REVIEWABLE_FORMATS} (save the plan as one to get them)\n`);
    return false;
  });
  if (!reviewable.length) throw new UsageError('annotate found no Word .docx, Excel .xlsx, PDF or OFD plan to write comments into', false);
  const outFolder = o.out !== undefined && (reviewable.length > 1 || isFolder(o.out));
  if (outFolder) fs.mkdirSync(o.out!, { recursive: true });
  for (const plan of reviewable) {
    const extension = path.extname(plan.file);
    const name = `${path.basename(plan.file, extension)}${REVIEW_COPY_SUFFIX}${extension}`;
    const out = o.out === undefined ? path.join(path.dirname(plan.file), name) : outFolder ? path.join(o.out, name) : o.out;
    // a copy written before may hold the reviewer's own comments since: only --out naming the file writes over it
    if (fs.existsSync(out) && (o.out === undefined || outFolder)) {
      process.stderr.write(`policy-lens: ${out} exists: not written over (delete it, or name it with --out)\n`);
      failed++;
      continue;
    }
    try {
      const copy = await reviewCopy(plan.file, fs.readFileSync(plan.file), { text: plan.analysis.source, paragraphOfLine: plan.paragraphOfLine, rowOfLine: plan.rowOfLine }, plan.analysis.sourceFindings, locale, { revisions: o.trackChanges, author: settings.reviewAuthor });
      fs.writeFileSync(out, copy.bytes);
      const elsewhere = copy.comments - copy.onText;
      const where = elsewhere ? ` (${copy.onText} on their text, ${elsewhere} on their ${({ '.xlsx': 'row', '.pdf': 'page', '.ofd': 'page' } as Record<string, string>)[extension.toLowerCase()] ?? 'paragraph'}: their text was not found there)` : '';
      const written = copy.revisions?.written ?? 0;
      const changes = o.trackChanges && copy.revisions ? `, ${written} tracked ${written === 1 ? 'change' : 'changes'}${copy.revisions.skipped ? ` (${copy.revisions.skipped} left to the comments: another fix changes their text, or it crosses a link or field)` : ''}` : '';
      const noChanges = o.trackChanges && !copy.revisions ? " (tracked changes are Word's: the comments say the fixes)" : '';
      process.stderr.write(`policy-lens: wrote ${out}: ${copy.comments} ${copy.comments === 1 ? 'comment' : 'comments'}${where}${changes}${noChanges}\n`);
    } catch (e) {
      process.stderr.write(`policy-lens: ${plan.file}: not annotated: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      failed++;
    }
  }
  return failed ? 2 : 0;
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return /[\\/]$/.test(file);
  }
}
