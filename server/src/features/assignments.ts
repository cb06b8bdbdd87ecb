// policyLens/assignments: the 任务分工表 of the given plans (or of the workspace), rendered in the asked format.
import { FeatureContext } from './featureContext';
import { analysedPlan, analysedText } from './planAnalyses';
import { assignmentsCsv, assignmentsJson, assignmentsMarkdown, assignmentTable } from '../report/assignmentTable';
import { assignmentsWorkbook } from '../report/assignmentWorkbook';
import { AnalysedPlan, collectReview } from '../report/collectReview';
import { AssignmentsParams, AssignmentsResult } from '../shared/protocol';

/** What this feature reads of the server's state. */
export type AssignmentsContext = Pick<FeatureContext, 'ready' | 'documents' | 'analysis' | 'checker' | 'index' | 'fileOptions' | 'workspaceFiles' | 'workspaceFolders'>;

const FORMATS = ['md', 'csv', 'json', 'xlsx'];

export async function assignments(ctx: AssignmentsContext, params: AssignmentsParams | null | undefined): Promise<AssignmentsResult> {
  const format = params?.format;
  if (!format || !FORMATS.includes(format)) return { error: `unknown format ${String(format)}: one of ${FORMATS.join(', ')}` };
  if (!ctx.ready) return { error: 'the task index is not loaded' };
  const plans: AnalysedPlan[] = [];
  const uris = params.uris?.filter((u) => typeof u === 'string') ?? [];
  if (uris.length) {
    for (const uri of uris) {
      const plan = await analysedPlan(ctx, uri);
      // a plan the user asked for and that cannot be read is said so, not left out of the table in silence
      if ('error' in plan) return plan;
      plans.push(plan);
    }
  } else {
    for await (const file of ctx.workspaceFiles()) plans.push(await analysedText(ctx, file.uri, file.text));
  }
  const tables = collectReview(ctx.index, plans).plans.map(assignmentTable);
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  if (format === 'xlsx') return { content: (await assignmentsWorkbook(tables)).toString('base64'), encoding: 'base64', plans: tables.length, rows };
  const content = format === 'csv' ? assignmentsCsv(tables) : format === 'json' ? assignmentsJson(tables) : assignmentsMarkdown(tables);
  return { content, encoding: 'utf8', plans: tables.length, rows };
}
