// Quick fixes for the findings under the requested range, recomputed from the document's analysis (so they do
// not depend on the client echoing diagnostic data back).
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { toDiagnostic } from '../convert';
import { FeatureContext, OpenDocumentContext } from './featureContext';

/** What this feature reads of the server's state. */
export type CodeActionsContext = OpenDocumentContext & Pick<FeatureContext, 'isTooLarge' | 'sources'>;

export function codeActions(ctx: CodeActionsContext, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const doc = ctx.documents.get(uri);
  if (!doc || !ctx.ready || ctx.isTooLarge(doc)) return [];
  const only = params.context.only;
  if (only && !only.some((k) => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) return [];
  const analysis = ctx.analysis(doc);
  const from = analysis.lines.offsetAt(params.range.start);
  const to = analysis.lines.offsetAt(params.range.end);
  const actions: CodeAction[] = [];
  for (const finding of analysis.findings) {
    if (finding.end < from || finding.start > to || !finding.fixes.length) continue;
    const fresh = toDiagnostic(finding, analysis.lines, ctx.sources);
    const sent = params.context.diagnostics.find((d) => d.code === finding.code && sameRange(d, fresh)) ?? fresh;
    for (const fix of finding.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [sent],
        isPreferred: fix.preferred,
        edit: { changes: { [uri]: [{ range: analysis.lines.range(fix.start, fix.end), newText: fix.newText }] } },
      });
    }
  }
  return actions;
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}
