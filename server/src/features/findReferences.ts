// Find references: every citation of the task under the cursor in open documents and workspace plans.
import { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import { FeatureContext, OpenDocumentContext } from './featureContext';

/** What this feature reads of the server's state. */
export type ReferencesContext = OpenDocumentContext & Pick<FeatureContext, 'index' | 'referenceAt' | 'referencesIn' | 'sources' | 'workspaceFiles'>;

export async function references(ctx: ReferencesContext, params: ReferenceParams, token?: CancellationToken): Promise<Location[] | null> {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.ready) return null;
  const offset = ctx.analysis(doc).lines.offsetAt(params.position);
  const resolved = ctx.referenceAt(doc, offset);
  if (!resolved || !resolved.tasks.length) return null;
  const wanted = new Set(resolved.tasks.map((t) => t.id));
  const found: Location[] = [];
  if (params.context?.includeDeclaration) {
    for (const t of resolved.tasks) found.push(ctx.sources.location(ctx.index.sourceOf(t).sourceFile, t));
  }
  let n = 0;
  for await (const location of citationsOf(ctx, wanted)) {
    found.push(location);
    // let a $/cancelRequest for this (now stale) request through now and then
    if (++n % 50 === 0) {
      await new Promise((r) => setImmediate(r));
      if (token?.isCancellationRequested) return null;
    }
  }
  return found;
}

/** Locations of every reference in the workspace that names one of `ids`. */
async function* citationsOf(ctx: ReferencesContext, ids: Set<string>): AsyncGenerator<Location> {
  for await (const file of ctx.workspaceFiles()) {
    const { references, lines } = ctx.referencesIn(file.uri, file.text);
    for (const r of references) if (r.tasks.some((t) => ids.has(t.id))) yield { uri: file.uri, range: lines.range(r.ref.start, r.ref.end) };
  }
}
