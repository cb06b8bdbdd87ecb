// policyLens/coverage: for each task of the default source, where the given documents (or the workspace) cite it.
import { computeCoverage } from '../core/coverage';
import { CoverageLocation, CoverageParams, CoverageResult } from '../shared/protocol';
import { ServerContext, uriToPath } from '../context';
import * as fs from 'fs';
import { CancellationToken } from 'vscode-languageserver';

export async function coverage(ctx: ServerContext, params: CoverageParams | null | undefined, token?: CancellationToken): Promise<CoverageResult | null> {
  if (!ctx.ready) return { total: 0, cited: 0, tables: [], tasks: [] };
  const documents: { uri: string; text: string }[] = [];
  const uris = params?.uris?.filter((u) => typeof u === 'string') ?? [];
  if (uris.length) {
    for (const uri of uris) {
      const open = ctx.documents.get(uri);
      if (open) documents.push({ uri, text: open.getText() });
      else {
        const file = uriToPath(uri);
        try {
          if (file) documents.push({ uri, text: fs.readFileSync(file, 'utf8') });
        } catch {
          // a document that cannot be read counts as citing nothing
        }
      }
    }
  } else {
    for (const file of ctx.workspaceFiles()) {
      documents.push(file);
      if (documents.length % 50 === 0) {
        await new Promise((r) => setImmediate(r)); // let a cancellation through
        if (token?.isCancellationRequested) return null;
      }
    }
  }
  const inputs = documents.map((d) => {
    const { references, lines } = ctx.referencesIn(d.uri, d.text);
    return {
      references,
      locate: (r: (typeof references)[number]): CoverageLocation => ({ uri: d.uri, range: lines.range(r.ref.start, r.ref.end), text: r.ref.text }),
    };
  });
  const rows = computeCoverage(ctx.index, inputs);
  return {
    total: rows.length,
    cited: rows.filter((r) => r.locations.length).length,
    tables: (ctx.index.source('')?.tables ?? []).map((t) => ({ number: t.number, title: t.title, taskCount: t.taskCount })),
    tasks: rows.map((r) => ({
      id: r.task.id,
      table: r.task.table,
      item: r.task.item,
      reference: r.reference,
      text: r.task.text,
      domain: r.task.domain,
      category: r.task.category,
      line: r.task.startLine,
      locations: r.locations,
    })),
  };
}
