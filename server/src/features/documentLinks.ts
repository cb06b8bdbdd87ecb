// Document links: each reference opens the source at its (first) task.
import { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { formatReference } from '../core/taskIndex';
import { FeatureContext, OpenDocumentContext } from './featureContext';

/** What this feature reads of the server's state. */
export type DocumentLinksContext = OpenDocumentContext & Pick<FeatureContext, 'index' | 'sources'>;

export function documentLinks(ctx: DocumentLinksContext, params: DocumentLinkParams): DocumentLink[] {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.ready) return [];
  const analysis = ctx.analysis(doc);
  return analysis.references
    .filter((r) => r.tasks.length)
    .map((r) => {
      const task = r.tasks[0];
      const source = ctx.index.sourceOf(task);
      return {
        range: analysis.lines.range(r.ref.start, r.ref.end),
        target: `${ctx.sources.uri(source.sourceFile)}#L${task.startLine + 1}`,
        tooltip: `${formatReference(task)} · ${source.meta.title}`,
      };
    });
}
