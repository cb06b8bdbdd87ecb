// policyLens/annotateWordPlan: a Word plan's review as a copy of it, as `policy-lens annotate` writes it: each finding a
// comment (批注) on its text, and when asked each preferred fix a tracked change (修订). The client writes the file.
import * as fs from 'fs';
import { planFileOf } from '../documentUris';
import { readPlanFile } from '../readers/planFile';
import { reviewCopyOf } from '../report/wordReview';
import { AnnotateWordPlanParams, AnnotateWordPlanResult } from '../shared/protocol';
import { FeatureContext } from './featureContext';
import { analysedText, PlanAnalysesContext } from './planAnalyses';

/** What this feature reads of the server's state. */
export type AnnotateWordPlanContext = PlanAnalysesContext & Pick<FeatureContext, 'locale'>;

/** The copy's bytes in base64, with how its comments were placed; or why there is none. */
export async function annotateWordPlan(ctx: AnnotateWordPlanContext, params: AnnotateWordPlanParams | null | undefined): Promise<AnnotateWordPlanResult> {
  if (typeof params?.uri !== 'string') return { error: 'annotateWordPlan needs the URI of a Word plan' };
  const file = planFileOf(params.uri);
  if (!file || !/\.docx$/i.test(file)) return { error: `${file ?? params.uri} is not a Word .docx plan: comments are written into a .docx` };
  try {
    const [bytes, plan] = await Promise.all([fs.promises.readFile(file), readPlanFile(file)]);
    // the editor's view of the plan when it shows this text (its analysis is at hand), else the file's as the CLI checks it
    const open = ctx.documents.get(params.uri);
    const { analysis } = open && open.getText() !== plan.text ? { analysis: ctx.checker.analyze(plan.text, await ctx.fileOptions(file)) } : await analysedText(ctx, params.uri, plan.text);
    const copy = await reviewCopyOf(bytes, plan, analysis.findings, ctx.locale, { revisions: params.trackChanges === true });
    return { content: copy.bytes.toString('base64'), comments: copy.comments, placed: copy.placed, revisions: copy.revisions };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ? `cannot read ${file}: ${(e as NodeJS.ErrnoException).code}` : (e as Error).message };
  }
}
