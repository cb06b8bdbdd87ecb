// Inlay hints: after each reference, a short label of the task (表1第12项 ‹商务服务·外商投资社会调查›).
import { InlayHint, InlayHintKind, InlayHintParams, MarkupKind } from 'vscode-languageserver';
import { FeatureContext, OpenDocumentContext, TaskDescriber } from './featureContext';
import { describeTask } from './hover';

/** What this feature reads of the server's state. */
export type InlayHintsContext = OpenDocumentContext & TaskDescriber & Pick<FeatureContext, 'settings'>;

export function inlayHints(ctx: InlayHintsContext, params: InlayHintParams): InlayHint[] {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.ready || !ctx.settings.inlayHints) return [];
  const analysis = ctx.analysis(doc);
  const from = analysis.lines.offsetAt(params.range.start);
  const to = analysis.lines.offsetAt(params.range.end);
  const hints: InlayHint[] = [];
  for (const r of analysis.references) {
    if (r.ref.end < from || r.ref.start > to || !r.tasks.length) continue;
    // a range or list shows its first task and how many more, so the line stays readable
    const more = r.tasks.length > 1 ? ` +${r.tasks.length - 1}` : '';
    const label = ctx.index.summaryOf(r.tasks[0]) + more;
    hints.push({
      position: analysis.lines.positionAt(r.ref.end),
      label: `‹${label}›`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: describeTask(ctx, r.tasks[0], false) },
    });
  }
  return hints;
}
