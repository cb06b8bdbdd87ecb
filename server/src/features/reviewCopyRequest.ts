// policyLens/reviewCopy: a plan's review as a copy of its Word, Excel or PDF file, as `policy-lens annotate` writes it: each
// finding a comment (批注) on its text, and when asked a Word plan's fixes as tracked changes (修订). The client writes
// the file where the user says.
import * as fs from 'fs';
import { planFileOf } from '../documentUris';
import { readPlanFile } from '../readers/planFile';
import { REVIEWABLE_FILE, REVIEWABLE_FORMATS, reviewCopy } from '../report/reviewCopy';
import { ReviewCopyParams, ReviewCopyResult } from '../shared/protocol';
import { FeatureContext } from './featureContext';
import { analysedText, fileError, PlanAnalysesContext } from './planAnalyses';

/** What this feature reads of the server's state. */
export type ReviewCopyContext = PlanAnalysesContext & Pick<FeatureContext, 'locale' | 'settings'>;

/** The copy's bytes in base64, with its comments; or why there is none. */
export async function reviewCopyRequest(ctx: ReviewCopyContext, params: ReviewCopyParams | null | undefined): Promise<ReviewCopyResult> {
  if (typeof params?.uri !== 'string') return { error: 'reviewCopy needs the URI of a Word, Excel or PDF plan' };
  const file = planFileOf(params.uri);
  if (!file || !REVIEWABLE_FILE.test(file)) return { error: `${file ?? params.uri}: comments are written into ${REVIEWABLE_FORMATS}` };
  try {
    const [bytes, plan] = await Promise.all([fs.promises.readFile(file), readPlanFile(file)]);
    // the editor's view of the plan when it shows this text (its analysis is at hand), else the file's as the CLI checks it
    const open = ctx.documents.get(params.uri);
    const { analysis } = open && open.getText() !== plan.text ? { analysis: ctx.checker.analyze(plan.text, await ctx.fileOptions(file)) } : await analysedText(ctx, params.uri, plan.text);
    const copy = await reviewCopy(file, bytes, plan, analysis.sourceFindings, ctx.locale, { revisions: params.trackChanges === true, author: ctx.settings.reviewAuthor });
    return { content: copy.bytes.toString('base64'), comments: copy.comments, onText: copy.onText, ...(copy.revisions ? { revisions: copy.revisions } : {}) };
  } catch (e) {
    return fileError(file, e);
  }
}
