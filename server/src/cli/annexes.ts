// The CLI's plans read and checked (check, report, assignments), each with its 分工表 when that is a file of its own:
// the one of the plan's folder (annexFiles.ts), or the one --annex names for every plan. A plan is then checked with
// the 分工表's rows as its own (AnalyzeOptions.annex).
import * as path from 'path';
import { annexFileOf, AnnexKind } from '../annexFiles';
import { AnalyzeOptions, Checker, DocumentAnalysis, PlanAnnex } from '../core/analyze';
import { TaskIndex } from '../core/taskIndex';
import { RowAssignments } from '../core/planStructure';
import { PlanSource, readPlanFile } from '../readers/planFile';
import { UnreadableFileError } from '../readers/unreadable';
import { expandPlans, readPlans, UsageError } from './files';

/** A file read as a 分工表: its rows, or why it is none (`skip`: it cannot be read, or this tool wrote it). */
type Read = { kind: AnnexKind; rows?: readonly RowAssignments[]; generated?: boolean };

/**
 * The options to check each plan with: `base`, with `annex` when it has a 分工表 in a file of its own. Says on standard
 * error which plan goes with which 分工表. `explicit` (--annex FILE): that file, for every plan but itself; one that
 * cannot be read or has no rows that assign tasks is a usage error.
 */
async function optionsWithAnnexes(files: readonly string[], checker: Checker, base: AnalyzeOptions, explicit?: string): Promise<Map<string, AnalyzeOptions>> {
  const reads = new Map<string, Promise<Read>>();
  const read = (file: string): Promise<Read> => {
    let r = reads.get(file);
    if (!r) reads.set(file, (r = readTable(file, checker, base)));
    return r;
  };
  const options = new Map<string, AnalyzeOptions>();
  const withAnnex = new Map<string, AnalyzeOptions>();
  const optionsOf = (annex: string, rows: readonly RowAssignments[]): AnalyzeOptions => {
    let o = withAnnex.get(annex);
    if (!o) withAnnex.set(annex, (o = { ...base, annex: { name: path.basename(annex), rows } satisfies PlanAnnex }));
    return o;
  };
  let named: string | undefined;
  if (explicit !== undefined) {
    named = path.resolve(explicit);
    const r = await read(named);
    if (!r.rows?.some((rows) => rows.listed.length)) throw new UsageError(`--annex ${explicit}: ${r.kind === 'skip' && !r.generated ? 'cannot be read' : 'no row of it names a task'}`, false);
  }
  for (const file of files) {
    // standard input has no folder: only --annex gives it one
    if (file === '-' && !named) continue;
    const own = file === '-' ? file : path.resolve(file);
    const annex = named ?? (await annexFileOf(own, async (candidate) => (await read(candidate)).kind));
    if (!annex || annex === own) continue;
    const r = await read(annex);
    if (!r.rows || (!named && r.kind !== 'table')) continue;
    options.set(file, optionsOf(annex, r.rows));
    process.stderr.write(`policy-lens: ${file}: checked with its 分工表 ${path.relative(process.cwd(), annex) || annex}\n`);
  }
  return options;
}

/**
 * The plans the arguments name, read (one that cannot be read is said on standard error and counted) and checked with
 * `base`, each with its 分工表 when it has one (`annex`: --annex FILE).
 */
export async function readAndCheckPlans(
  args: string[],
  index: TaskIndex,
  checker: Checker,
  base: AnalyzeOptions,
  annex: string | undefined,
  opts: { noteRevisions?: boolean } = {},
): Promise<{ checked: { file: string; plan: PlanSource; analysis: DocumentAnalysis }[]; unreadable: number }> {
  const { plans, unreadable } = await readPlans(expandPlans(args, index));
  for (const { file, plan } of plans) {
    // a reviewer should know which text was checked (compare itself reads both)
    if (plan.revisions && opts.noteRevisions !== false) process.stderr.write(`policy-lens: ${file}: has tracked changes (修订), checked as Word's Final view shows it (every change accepted); compare ${file} says what they change\n`);
  }
  const annexed = await optionsWithAnnexes(plans.map((p) => p.file), checker, base, annex);
  return { checked: plans.map(({ file, plan }) => ({ file, plan, analysis: checker.analyze(plan.text, annexed.get(file) ?? base) })), unreadable };
}

async function readTable(file: string, checker: Checker, base: AnalyzeOptions): Promise<Read> {
  try {
    const plan = await readPlanFile(file);
    const rows = checker.analyze(plan.text, base).tableRows();
    // a 分工表 this tool wrote is a plan's own rows again: not a folder's 分工表 (named with --annex, it is one)
    if (plan.generated) return { kind: 'skip', rows, generated: true };
    return rows.some((r) => r.listed.length) ? { kind: 'table', rows } : { kind: 'plan' };
  } catch (e) {
    if (e instanceof UnreadableFileError) return { kind: 'skip' };
    throw e;
  }
}
