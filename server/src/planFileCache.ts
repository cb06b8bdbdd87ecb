// The workspace's plan files as read (a Word file converted, a GB18030 text decoded), kept while the file on disk is
// unchanged: coverage, references and the source's code lenses walk every plan of the workspace, and the lenses ask
// again a second after each edit of an open plan; converting every Word plan each time would hold up the checks.
import * as fs from 'fs';
import type { PlanSource } from './readers/planFile';

/** At most this many characters of plan text are kept (about 8 MB of heap): the least recently read go first. */
const MAX_CHARS = 4 * 1024 * 1024;

interface Kept {
  mtimeMs: number;
  size: number;
  plan: PlanSource;
}

export class PlanFileCache {
  private readonly kept = new Map<string, Kept>();
  private chars = 0;

  constructor(
    private readonly read: (file: string) => Promise<PlanSource>,
    private readonly maxChars = MAX_CHARS,
  ) {}

  /** The plan in `file`, read again only when its size or modification time changed. Throws as `read` does. */
  async get(file: string, stat: fs.Stats = fs.statSync(file)): Promise<PlanSource> {
    const kept = this.kept.get(file);
    if (kept && kept.mtimeMs === stat.mtimeMs && kept.size === stat.size) {
      // most recently used last: Map keeps insertion order
      this.kept.delete(file);
      this.kept.set(file, kept);
      return kept.plan;
    }
    this.drop(file);
    const plan = await this.read(file);
    if (plan.text.length <= this.maxChars) {
      this.kept.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, plan });
      this.chars += plan.text.length;
      for (const oldest of this.kept.keys()) {
        if (this.chars <= this.maxChars) break;
        this.drop(oldest);
      }
    }
    return plan;
  }

  /**
   * Forgets a file the editor says changed on disk (its watcher): read again next time even if its size and
   * modification time look the same (a save within the file system's time resolution).
   */
  forget(file: string): void {
    this.drop(file);
  }

  /** How many files are kept. */
  get size(): number {
    return this.kept.size;
  }

  private drop(file: string): void {
    const kept = this.kept.get(file);
    if (!kept) return;
    this.chars -= kept.plan.text.length;
    this.kept.delete(file);
  }
}
