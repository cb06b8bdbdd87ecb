// Find references: every citation of the task under the cursor in open documents and workspace plans.
import { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import { ServerContext } from '../context';
import { scanReferences } from '../core/references';
import { LineIndex } from '../core/text';

export async function references(ctx: ServerContext, params: ReferenceParams, token?: CancellationToken): Promise<Location[] | null> {
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
  for (const file of citationsIn(ctx, (ids) => ids.some((id) => wanted.has(id)))) {
    found.push({ uri: file.uri, range: file.range });
    // let a $/cancelRequest for this (now stale) request through now and then
    if (++n % 50 === 0) {
      await new Promise((r) => setImmediate(r));
      if (token?.isCancellationRequested) return null;
    }
  }
  return found;
}

/** Locations of every reference in the workspace whose task IDs satisfy `match`. */
export function* citationsIn(ctx: ServerContext, match: (ids: string[]) => boolean): Generator<Location & { text: string; ids: string[] }> {
  for (const file of ctx.workspaceFiles()) {
    const doc = ctx.documents.get(file.uri);
    const refs = doc ? ctx.analysis(doc).references : scanReferences(file.text, { prefixes: ctx.index.prefixes }).map((r) => ctx.index.resolve(r));
    if (!refs.length) continue;
    const lines = doc ? ctx.analysis(doc).lines : new LineIndex(file.text);
    for (const r of refs) {
      const ids = r.tasks.map((t) => t.id);
      if (ids.length && match(ids)) yield { uri: file.uri, range: lines.range(r.ref.start, r.ref.end), text: r.ref.text, ids };
    }
  }
}
