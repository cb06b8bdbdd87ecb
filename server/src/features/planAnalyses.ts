// A plan named by its URI, analysed as the server would check it: the editor's open document, else the file on disk
// (a Word or Excel plan read as its text) with the settings and the 分工表 beside it. For the requests that render
// plans the user names (the 任务分工表 export, the comparison of two versions).
import * as path from 'path';
import { DocumentAnalysis } from '../core/analyze';
import { planFileOf } from '../documentUris';
import { FeatureContext } from './featureContext';
import { readPlanFile } from '../readers/planFile';
import { AnalysedPlan } from '../report/collectReview';

/** What reading a plan reads of the server's state. */
export type PlanAnalysesContext = Pick<FeatureContext, 'documents' | 'analysis' | 'checker' | 'fileOptions' | 'workspaceFolders'>;

/** The plan behind `uri`, or why it cannot be read (`cannot read 方案.docx: not a Word .docx document`). */
export async function analysedPlan(ctx: PlanAnalysesContext, uri: string): Promise<AnalysedPlan | { error: string }> {
  const open = ctx.documents.get(uri);
  if (open) return { file: displayName(ctx, uri), analysis: ctx.analysis(open) };
  const file = planFileOf(uri);
  if (!file) return { error: `cannot read ${uri}: not a file` };
  try {
    const plan = await readPlanFile(file);
    return { ...(await analysedText(ctx, uri, plan.text)), paragraphOfLine: plan.paragraphOfLine, rowOfLine: plan.rowOfLine };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/**
 * The plans `uris` names, else every plan of the workspace (the open ones as the editor has them); a plan the user named
 * that cannot be read is the answer's error, not left out in silence.
 */
export async function analysedPlans(ctx: PlanAnalysesContext & Pick<FeatureContext, 'workspaceFiles'>, uris: readonly unknown[] | undefined): Promise<AnalysedPlan[] | { error: string }> {
  const plans: AnalysedPlan[] = [];
  const named = uris?.filter((u): u is string => typeof u === 'string') ?? [];
  if (named.length) {
    for (const uri of named) {
      const plan = await analysedPlan(ctx, uri);
      if ('error' in plan) return plan;
      plans.push(plan);
    }
  } else {
    for await (const file of ctx.workspaceFiles()) plans.push(await analysedText(ctx, file.uri, file.text));
  }
  return plans;
}

/** Why a plan file could not be read, as a request's error: the system's code (`cannot read 方案.docx: ENOENT`), else the reader's message. */
export function fileError(file: string | undefined, e: unknown): { error: string } {
  const code = (e as NodeJS.ErrnoException).code;
  return { error: code ? `cannot read ${file}: ${code}` : (e as Error).message };
}

/** An open plan's analysis; else one of `text` with the settings (and the 分工表 beside the file), as the CLI's. */
export async function analysedText(ctx: PlanAnalysesContext, uri: string, text: string): Promise<AnalysedPlan> {
  const open = ctx.documents.get(uri);
  const analysis: DocumentAnalysis = open ? ctx.analysis(open) : ctx.checker.analyze(text, await ctx.fileOptions(planFileOf(uri)));
  return { file: displayName(ctx, uri), analysis };
}

/** The plan's path relative to its workspace folder, as the user sees it in the Explorer; else the URI. */
function displayName(ctx: PlanAnalysesContext, uri: string): string {
  const file = planFileOf(uri);
  if (!file) return uri;
  const folder = ctx.workspaceFolders.find((f) => !path.relative(f, file).startsWith('..'));
  return folder ? path.relative(folder, file).split(path.sep).join('/') : file;
}
