// Go to definition: a reference leads to its tasks' lines in the source text.
import { DefinitionParams, Location } from 'vscode-languageserver';
import { FeatureContext, OpenDocumentContext } from './featureContext';

/** What this feature reads of the server's state. */
export type DefinitionContext = OpenDocumentContext & Pick<FeatureContext, 'index' | 'referenceAt' | 'sources'>;

export function definition(ctx: DefinitionContext, params: DefinitionParams): Location[] | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.ready) return null;
  const offset = ctx.analysis(doc).lines.offsetAt(params.position);
  const resolved = ctx.referenceAt(doc, offset);
  if (!resolved || !resolved.tasks.length) return null;
  return resolved.tasks.map((t) => ctx.sources.location(ctx.index.sourceOf(t).sourceFile, t));
}
