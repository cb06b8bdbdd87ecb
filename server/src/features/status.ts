// policyLens/status: what the client's language status item shows — the sources loaded (or why none is), and the
// document's latest check: its findings by severity and how long it took.
import type { DocumentAnalysis } from '../core/analyze';
import { SEED_FILE } from '../indexLoader';
import { StatusParams, StatusResult } from '../shared/protocol';
import { FeatureContext } from './featureContext';

/** What this feature reads of the server's state. */
export type StatusContext = Pick<FeatureContext, 'ready' | 'loadError' | 'sourceErrors' | 'index' | 'documents' | 'analysis' | 'isTooLarge' | 'isSource' | 'lastCheckMs'>;

export function status(ctx: StatusContext, params: StatusParams | null | undefined): StatusResult {
  const sourceErrors = [...ctx.sourceErrors];
  if (!ctx.ready) return { ready: false, error: ctx.loadError, sources: [], sourceErrors };
  const sources = ctx.index.sources.map((s) => ({
    prefix: s.prefix, title: s.meta.title, docNumber: s.meta.docNumber, tasks: s.tasks.length,
    ...(s.prefix === '' && s.sourceFile !== SEED_FILE ? { inPlace: true } : {}),
  }));
  const doc = typeof params?.uri === 'string' ? ctx.documents.get(params.uri) : undefined;
  if (!doc) return { ready: true, sources, sourceErrors };
  if (ctx.isSource(doc.uri)) return { ready: true, sources, sourceErrors, document: { errors: 0, warnings: 0, others: 0, tooLarge: false, source: true } };
  // the analysis the diagnostics were published from (made now if the document was never checked)
  const analysis = ctx.analysis(doc);
  const annex = analysis.options?.annex?.name;
  return { ready: true, sources, sourceErrors, document: { ...findingCounts(analysis), tooLarge: ctx.isTooLarge(doc), source: false, checkMs: ctx.lastCheckMs(doc.uri), ...(annex ? { annex } : {}) } };
}

/** An analysis's findings by severity, as published: errors, warnings, and the rest (information and hints). */
export function findingCounts(analysis: Pick<DocumentAnalysis, 'forEachFinding'>): { errors: number; warnings: number; others: number } {
  let errors = 0;
  let warnings = 0;
  let others = 0;
  analysis.forEachFinding((_f, severity) => {
    if (severity === 'error') errors++;
    else if (severity === 'warning') warnings++;
    else others++;
  });
  return { errors, warnings, others };
}
