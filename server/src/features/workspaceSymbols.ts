// Workspace symbols (Go to Symbol in Workspace, Ctrl+T): the tasks of every loaded source, found by their words (as
// `@` completion finds them: 数字人民币, 外资 旅行社, pinyin) or by a reference (表1第12项, T1.12), each leading to its
// lines in the source. Named with both forms of its reference and its text, so that an editor that filters the answer
// by the name it shows (VS Code does) keeps what the search found.
import { SymbolInformation, SymbolKind, WorkspaceSymbolParams } from 'vscode-languageserver';
import { scanReferences } from '../core/references';
import { formatReference } from '../core/taskIndex';
import type { Task } from '../core/types';
import { FeatureContext } from './featureContext';

/** What this feature reads of the server's state. */
export type WorkspaceSymbolsContext = Pick<FeatureContext, 'ready' | 'index' | 'search' | 'sources'>;

/** At most this many tasks for a query of words (an empty query lists every task, in the order of the tables). */
const LIMIT = 50;

export function workspaceSymbols(ctx: WorkspaceSymbolsContext, params: WorkspaceSymbolParams): SymbolInformation[] {
  if (!ctx.ready) return [];
  const query = (params.query ?? '').trim().slice(0, 200);
  return tasksFor(ctx, query).map((task) => ({
    name: `${formatReference(task)} · ${formatReference(task, 'id')} ${task.text}`,
    kind: SymbolKind.Key,
    containerName: [ctx.index.sourceOf(task).prefix, task.domain ?? task.category].filter(Boolean).join(' · '),
    location: ctx.sources.location(ctx.index.sourceOf(task).sourceFile, task),
  }));
}

/** The tasks a query finds: those it cites first (表1第12项, 表2第3、5项), then the search's, best first. */
function tasksFor(ctx: WorkspaceSymbolsContext, query: string): Task[] {
  if (!query) return [...ctx.index.tasks];
  const found = new Map<string, Task>();
  for (const ref of scanReferences(query, { prefixes: ctx.index.prefixes })) for (const t of ctx.index.resolve(ref).tasks) found.set(t.id, t);
  for (const hit of ctx.search.search(query, LIMIT)) if (found.size < LIMIT) found.set(hit.task.id, hit.task);
  return [...found.values()];
}
