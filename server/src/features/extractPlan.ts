// policyLens/extractPlan: a plan file's text as the checker reads it (a Word .docx extracted, any text decoded), for the client's Word plan view.
import { ExtractPlanParams, ExtractPlanResult } from '../shared/protocol';
import { uriToPath } from '../documentUris';
import { readPlanFile } from '../readers/planFile';

export async function extractPlan(params: ExtractPlanParams | null | undefined): Promise<ExtractPlanResult> {
  const uri = typeof params?.uri === 'string' ? params.uri : '';
  const file = uriToPath(uri);
  if (!file) return { error: `cannot read ${uri || 'a plan without a URI'}: only files on disk (file: URIs) can be read` };
  try {
    // the client tells the user that a Word plan's view shows it with its tracked changes accepted
    const plan = await readPlanFile(file, { revisions: true });
    return { text: plan.text, paragraphOfLine: plan.paragraphOfLine, ...(plan.revisions ? { revisions: true } : {}) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
