// policyLens/comparePlans: what a plan's later version changed against the earlier, as `policy-lens compare` says it.
import * as fs from 'fs';
import { taskLabel } from '../core/checks/labels';
import { readDocxBeforeRevisions } from '../readers/docx';
import { AnalysedPlan, collectReview } from '../report/collectReview';
import { planFileOf } from '../documentUris';
import { comparePlans as compare, renderComparison, revisionVersions } from '../report/planComparison';
import { ComparePlansParams, ComparePlansResult } from '../shared/protocol';
import { FeatureContext } from './featureContext';
import { analysedPlan, fileError, PlanAnalysesContext } from './planAnalyses';

/** What this feature reads of the server's state. */
export type ComparePlansContext = PlanAnalysesContext & Pick<FeatureContext, 'ready' | 'index' | 'locale' | 'checker'>;

/**
 * The two versions named; one Word plan named twice is compared as it was before its tracked changes (修订) and as it
 * is with them, as `policy-lens compare PLAN.docx` does.
 */
export async function comparePlans(ctx: ComparePlansContext, params: ComparePlansParams | null | undefined): Promise<ComparePlansResult> {
  if (typeof params?.before !== 'string' || typeof params?.after !== 'string') return { error: 'comparePlans needs the URIs of two versions of a plan: before and after' };
  if (!ctx.ready) return { error: 'the task index is not loaded' };
  const after = await analysedPlan(ctx, params.after);
  if ('error' in after) return after;
  const versions = params.before === params.after ? await beforeRevisions(ctx, params.after, after) : await analysedPlan(ctx, params.before);
  if ('error' in versions) return versions;
  const [was, is] = collectReview(ctx.index, Array.isArray(versions) ? versions : [versions, after]).plans;
  const c = compare(ctx.index.tasks, was, is);
  return {
    markdown: renderComparison(c, (t) => taskLabel(ctx.index, t), 'md', ctx.locale),
    coverageChanges: c.coverage.length,
    assignmentChanges: c.assignments.length,
    resolved: c.resolved.length,
    added: c.added.length,
    kept: c.kept.length,
  };
}

/** A Word plan as it was before its tracked changes and as it is with them (`after`). */
async function beforeRevisions(ctx: ComparePlansContext, uri: string, after: AnalysedPlan): Promise<[AnalysedPlan, AnalysedPlan] | { error: string }> {
  const file = planFileOf(uri);
  try {
    const earlier = file && /\.docx$/i.test(file) ? await readDocxBeforeRevisions(await fs.promises.readFile(file), file) : undefined;
    if (!earlier) return { error: `${file ?? uri} has no tracked changes (修订) to compare` };
    return revisionVersions(after, earlier, ctx.checker, ctx.locale);
  } catch (e) {
    return fileError(file, e);
  }
}
