// Coverage: for every task of the sources, where the given documents cite it.
import { formatReference, ResolvedReference, TaskIndex } from './taskIndex';
import { Task } from './types';

export interface TaskCoverage<L> {
  task: Task;
  reference: string;
  locations: L[];
}

/**
 * Groups the resolved references of several documents by task. `locate` turns a reference into whatever the
 * caller reports (an LSP location, a file:line string).
 */
export function computeCoverage<L>(
  index: TaskIndex,
  documents: { references: ResolvedReference[]; locate: (r: ResolvedReference) => L }[],
  prefix = '',
): TaskCoverage<L>[] {
  const tasks = index.source(prefix)?.tasks ?? [];
  const byId = new Map<string, TaskCoverage<L>>(tasks.map((t) => [t.id, { task: t, reference: formatReference(t), locations: [] }]));
  for (const doc of documents) {
    for (const r of doc.references) {
      if (!r.tasks.length) continue;
      const at = doc.locate(r);
      for (const t of r.tasks) byId.get(t.id)?.locations.push(at);
    }
  }
  return [...byId.values()];
}
