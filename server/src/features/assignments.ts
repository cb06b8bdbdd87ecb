// policyLens/assignments: the 任务分工表 of the given plans (or of the workspace), rendered in the asked format.
import { FeatureContext } from './featureContext';
import { analysedPlans } from './planAnalyses';
import { assignmentsCsv, assignmentsJson, assignmentsMarkdown, assignmentTable } from '../report/assignmentTable';
import { assignmentsWorkbook } from '../report/assignmentWorkbook';
import { collectReview } from '../report/collectReview';
import { AssignmentsParams, AssignmentsResult } from '../shared/protocol';

/** What this feature reads of the server's state. */
export type AssignmentsContext = Pick<FeatureContext, 'ready' | 'documents' | 'analysis' | 'checker' | 'index' | 'fileOptions' | 'workspaceFiles' | 'workspaceFolders'>;

const FORMATS = ['md', 'csv', 'json', 'xlsx'];

export async function assignments(ctx: AssignmentsContext, params: AssignmentsParams | null | undefined): Promise<AssignmentsResult> {
  const format = params?.format;
  if (!format || !FORMATS.includes(format)) return { error: `unknown format ${String(format)}: one of ${FORMATS.join(', ')}` };
  if (!ctx.ready) return { error: 'the task index is not loaded' };
  const plans = await analysedPlans(ctx, params.uris);
  if ('error' in plans) return plans;
  const tables = collectReview(ctx.index, plans).plans.map(assignmentTable);
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  if (format === 'xlsx') return { content: (await assignmentsWorkbook(tables)).toString('base64'), encoding: 'base64', plans: tables.length, rows };
  const content = format === 'csv' ? assignmentsCsv(tables) : format === 'json' ? assignmentsJson(tables) : assignmentsMarkdown(tables);
  return { content, encoding: 'utf8', plans: tables.length, rows };
}
