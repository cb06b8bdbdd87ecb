// Inlay hints: after each reference, a short label of the task (表1第12项 ‹商务服务·外商投资社会调查›).
import { InlayHint, InlayHintKind, InlayHintParams, MarkupKind } from 'vscode-languageserver';
import { taskSummary } from '../core/summary';
import { ServerContext } from '../context';
import { describeTask } from './hover';

const MAX_LISTED = 3;

export function inlayHints(ctx: ServerContext, params: InlayHintParams): InlayHint[] {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.ready || !ctx.settings.inlayHints) return [];
  const analysis = ctx.analysis(doc);
  const from = analysis.lines.offsetAt(params.range.start);
  const to = analysis.lines.offsetAt(params.range.end);
  const hints: InlayHint[] = [];
  for (const r of analysis.references) {
    if (r.ref.end < from || r.ref.start > to || !r.tasks.length) continue;
    const labels = r.tasks.slice(0, MAX_LISTED).map((t) => taskSummary(t));
    if (r.tasks.length > MAX_LISTED) labels.push(`+${r.tasks.length - MAX_LISTED}`);
    hints.push({
      position: analysis.lines.positionAt(r.ref.end),
      label: `‹${labels.join(' | ')}›`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: describeTask(ctx, r.tasks[0], false) },
    });
  }
  return hints;
}
