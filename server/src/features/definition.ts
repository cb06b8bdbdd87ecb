// Go to definition: a reference, or a bare number read as a task, leads to its tasks' lines in the source text.
import { DefinitionParams, Location } from 'vscode-languageserver';
import { bareTasks } from '../core/bareNumbers';
import { FeatureContext, OpenDocumentContext } from './featureContext';

/** What this feature reads of the server's state. */
export type DefinitionContext = OpenDocumentContext & Pick<FeatureContext, 'index' | 'referenceAt' | 'sources'>;

export function definition(ctx: DefinitionContext, params: DefinitionParams): Location[] | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.ready) return null;
  const analysis = ctx.analysis(doc);
  const offset = analysis.lines.offsetAt(params.position);
  const resolved = ctx.referenceAt(doc, offset);
  // a bare number (第7项 under 表2) leads where the task it was read as does
  const bare = resolved ? undefined : analysis.bareAt(offset);
  const tasks = resolved?.tasks ?? (bare ? bareTasks(bare) : []);
  if (!tasks.length) return null;
  return tasks.map((t) => ctx.sources.location(ctx.index.sourceOf(t).sourceFile, t));
}
