// Coverage: for every task of the sources, where the given documents cite it, or restate it without citing it.
import { formatReference, ResolvedReference, TaskIndex } from './taskIndex';
import { Task } from './types';
import { bareTasks } from './bareNumbers';

/** cited: some document cites it; restated: none cites it, but an item restates it; missing: neither. */
export type CoverageState = 'cited' | 'restated' | 'missing';

export interface TaskCoverage<L> {
  task: Task;
  /** The prefix of the task's source ('' for the default one). */
  prefix: string;
  reference: string;
  state: CoverageState;
  locations: L[];
  /** Where uncited items restate it. */
  restatedAt: L[];
}

export interface CoveredDocument<L> {
  references: ResolvedReference[];
  /** Task numbers written without their table that a heading, the sentence, the content or context resolved. */
  resolvedBare?: { resolved?: Task; tasks?: Task[]; start: number; end: number; text: string }[];
  /** Tasks that uncited items restate (DocumentAnalysis.restatements). */
  restatements?: { task: Task; start: number; end: number }[];
  locate: (at: { start: number; end: number; text?: string }) => L;
}

/**
 * Groups the references and restatements of several documents by task, for every task of every loaded source (or
 * of the source with `prefix` only). `locate` turns a place into whatever the caller reports (an LSP location, a
 * file:line string).
 */
export function computeCoverage<L>(index: TaskIndex, documents: CoveredDocument<L>[], prefix?: string): TaskCoverage<L>[] {
  const sources = prefix === undefined ? index.sources : index.sources.filter((s) => s.prefix === prefix);
  const byId = new Map<string, TaskCoverage<L>>();
  for (const source of sources) {
    for (const t of source.tasks) byId.set(t.id, { task: t, prefix: source.prefix, reference: formatReference(t), state: 'missing', locations: [], restatedAt: [] });
  }
  for (const doc of documents) {
    for (const r of doc.references) {
      if (!r.tasks.length) continue;
      const at = doc.locate({ start: r.ref.start, end: r.ref.end, text: r.ref.text });
      for (const t of r.tasks) byId.get(t.id)?.locations.push(at);
    }
    for (const b of doc.resolvedBare ?? []) {
      const at = b.resolved && doc.locate(b);
      if (at) for (const t of bareTasks(b)) byId.get(t.id)?.locations.push(at);
    }
    for (const x of doc.restatements ?? []) byId.get(x.task.id)?.restatedAt.push(doc.locate(x));
  }
  for (const c of byId.values()) c.state = c.locations.length ? 'cited' : c.restatedAt.length ? 'restated' : 'missing';
  return [...byId.values()];
}

/** How many tasks are cited and restated, of how many. */
export function coverageCounts(rows: readonly TaskCoverage<unknown>[]): { total: number; cited: number; restated: number } {
  return { total: rows.length, cited: rows.filter((r) => r.state === 'cited').length, restated: rows.filter((r) => r.state === 'restated').length };
}
