// policyLens/comparePlans: what a plan's later version changed against the earlier, as `policy-lens compare` says it.
import { taskLabel } from '../core/checks/labels';
import { collectReview } from '../report/collectReview';
import { comparePlans as compare, renderComparison } from '../report/planComparison';
import { ComparePlansParams, ComparePlansResult } from '../shared/protocol';
import { FeatureContext } from './featureContext';
import { analysedPlan, PlanAnalysesContext } from './planAnalyses';

/** What this feature reads of the server's state. */
export type ComparePlansContext = PlanAnalysesContext & Pick<FeatureContext, 'ready' | 'index' | 'locale'>;

export async function comparePlans(ctx: ComparePlansContext, params: ComparePlansParams | null | undefined): Promise<ComparePlansResult> {
  if (typeof params?.before !== 'string' || typeof params?.after !== 'string') return { error: 'comparePlans needs the URIs of two versions of a plan: before and after' };
  if (!ctx.ready) return { error: 'the task index is not loaded' };
  const before = await analysedPlan(ctx, params.before);
  if ('error' in before) return before;
  const after = await analysedPlan(ctx, params.after);
  if ('error' in after) return after;
  const [was, is] = collectReview(ctx.index, [before, after]).plans;
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
