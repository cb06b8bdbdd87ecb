// policyLens/coverage: for each task of the default source, where the given documents (or the workspace) cite it.
import { computeCoverage, coverageCounts } from '../core/coverage';
import { CoverageLocation, CoverageParams, CoverageResult } from '../shared/protocol';
import { uriToPath } from '../documentUris';
import { FeatureContext } from './featureContext';
import { readPlanFile } from '../readers/planFile';
import { CancellationToken } from 'vscode-languageserver';

/** What this feature reads of the server's state. */
export type CoverageContext = Pick<FeatureContext, 'ready' | 'documents' | 'index' | 'referencesIn' | 'workspaceFiles' | 'isSource'>;

export async function coverage(ctx: CoverageContext, params: CoverageParams | null | undefined, token?: CancellationToken): Promise<CoverageResult | null> {
  if (!ctx.ready) return { total: 0, cited: 0, restated: 0, tables: [], sources: [], tasks: [] };
  const documents: { uri: string; text: string }[] = [];
  const asked = params?.uris?.filter((u) => typeof u === 'string') ?? [];
  // a source's own text (opened by go to definition) restates its tasks: it covers none of them
  const uris = asked.filter((u) => !ctx.isSource(u));
  if (asked.length) {
    for (const uri of uris) {
      const open = ctx.documents.get(uri);
      if (open) documents.push({ uri, text: open.getText() });
      else {
        const file = uriToPath(uri);
        try {
          if (file) documents.push({ uri, text: (await readPlanFile(file)).text });
        } catch {
          // a document that cannot be read counts as citing nothing
        }
      }
    }
  } else {
    for await (const file of ctx.workspaceFiles()) {
      documents.push(file);
      if (documents.length % 50 === 0) {
        await new Promise((r) => setImmediate(r)); // let a cancellation through
        if (token?.isCancellationRequested) return null;
      }
    }
  }
  const inputs = documents.map((d) => {
    const { references, restatements, resolvedBare, lines } = ctx.referencesIn(d.uri, d.text);
    return {
      references,
      restatements,
      resolvedBare,
      locate: (at: { start: number; end: number; text?: string }): CoverageLocation => ({ uri: d.uri, range: lines.range(at.start, at.end), text: at.text ?? d.text.slice(at.start, at.end) }),
    };
  });
  const rows = computeCoverage(ctx.index, inputs);
  const counts = coverageCounts(rows);
  return {
    ...counts,
    tables: (ctx.index.source('')?.tables ?? []).map((t) => ({ number: t.number, title: t.title, taskCount: t.taskCount })),
    sources: ctx.index.sources.map((s) => ({
      prefix: s.prefix,
      title: s.meta.title,
      tables: s.tables.map((t) => ({ number: t.number, title: t.title, taskCount: t.taskCount })),
    })),
    tasks: rows.map((r) => ({
      id: r.task.id,
      prefix: r.prefix,
      table: r.task.table,
      item: r.task.item,
      reference: r.reference,
      state: r.state,
      text: r.task.text,
      domain: r.task.domain,
      category: r.task.category,
      line: r.task.startLine,
      locations: r.locations,
      restatedAt: r.restatedAt,
    })),
    ...(asked.length && !uris.length ? { onlySources: true } : {}),
  };
}
