// policyLens/report: the reviewer's report (one HTML page: the findings, the task matrix, the lead units) of the given
// plans or of the workspace's, as `policy-lens report` writes it.
import { collectReview } from '../report/collectReview';
import { renderReviewHtml, reportTime } from '../report/reviewHtml';
import { ReportParams, ReportResult } from '../shared/protocol';
import { FeatureContext } from './featureContext';
import { analysedPlans } from './planAnalyses';

/** What this feature reads of the server's state. */
export type ReportContext = Pick<FeatureContext, 'ready' | 'documents' | 'analysis' | 'checker' | 'index' | 'fileOptions' | 'workspaceFiles' | 'workspaceFolders'>;

export async function reviewReport(ctx: ReportContext, params: ReportParams | null | undefined, now: () => Date = () => new Date()): Promise<ReportResult> {
  if (!ctx.ready) return { error: 'the task index is not loaded' };
  const plans = await analysedPlans(ctx, params?.uris);
  if ('error' in plans) return plans;
  if (!plans.length) return { error: 'no plan to report on: the workspace has no Markdown, text or Word plan' };
  const report = collectReview(ctx.index, plans);
  const findings = report.plans.reduce((n, p) => n + p.findings.length, 0);
  return { html: renderReviewHtml(report, { generatedAt: reportTime(now()) }), plans: report.plans.length, findings };
}
