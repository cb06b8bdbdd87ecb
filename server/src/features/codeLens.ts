// Code lenses in a source's text: above each task, how many places the workspace's plans cite and restate it (引用 3 处
// · 复述 1 处, or 未引用), as VS Code shows the references of a function; a click lists them (the client's
// SHOW_CITATIONS_COMMAND). A reviewer who follows a reference into the source sees at once what else covers the task.
import * as path from 'path';
import { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver';
import { messages } from '../core/messages';
import { SHOW_CITATIONS_COMMAND } from '../shared/protocol';
import { uriToPath } from '../documentUris';
import { coverage, CoverageContext } from './coverageRequest';
import { FeatureContext } from './featureContext';

/** What this feature reads of the server's state. */
export type CodeLensContext = CoverageContext & Pick<FeatureContext, 'sources' | 'locale'>;

export async function codeLenses(ctx: CodeLensContext, params: CodeLensParams, token?: CancellationToken): Promise<CodeLens[] | null> {
  if (!ctx.ready || !ctx.documents.get(params.textDocument.uri)) return null;
  const file = uriToPath(params.textDocument.uri);
  if (!file) return null;
  const sources = ctx.index.sources.filter((s) => path.resolve(ctx.sources.path(s.sourceFile)) === path.resolve(file));
  if (!sources.length) return null;
  const covered = await coverage(ctx, { uris: undefined }, token);
  if (!covered) return null;
  const byId = new Map(covered.tasks.map((t) => [t.id, t]));
  const msg = messages(ctx.locale);
  return sources.flatMap((source) =>
    source.tasks.map((task): CodeLens => {
      const row = byId.get(task.id);
      const places = [...(row?.locations ?? []), ...(row?.restatedAt ?? [])].map((l) => ({ uri: l.uri, range: l.range }));
      const at = { line: task.startLine, character: 0 };
      const title = msg.citationLens(row?.locations.length ?? 0, row?.restatedAt.length ?? 0);
      return {
        range: { start: at, end: at },
        // a lens with nothing to list is a label (an empty command does nothing in VS Code)
        command: { title, command: places.length ? SHOW_CITATIONS_COMMAND : '', arguments: places.length ? [params.textDocument.uri, at, places] : undefined },
      };
    }),
  );
}
