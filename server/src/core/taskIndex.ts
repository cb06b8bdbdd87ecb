// The task index over one or more sources: look-up by ID or table, and resolution of written references.
import { MAX_RANGE_ITEMS, TaskReference } from './references';
import { placesOf, taskSummary } from './summary';
import { exact, NONE } from './text';
import { PolicyIndex, Task, TaskTable } from './types';

export type ReferenceStyle = 'table' | 'id';

export type ReferenceProblem =
  | { kind: 'no-source'; start: number; end: number; prefix: string }
  | { kind: 'no-table'; start: number; end: number; table: number; tables: number[] }
  | { kind: 'no-task'; start: number; end: number; table: number; item: number; count: number; nearest: Task }
  | { kind: 'backwards'; start: number; end: number; table: number; from: number; to: number }
  | { kind: 'past-end'; start: number; end: number; table: number; from: number; to: number; count: number; nearest: Task };

export interface ResolvedReference {
  ref: TaskReference;
  source?: PolicyIndex;
  /** The existing tasks the reference names, in written order. */
  tasks: Task[];
  problems: ReferenceProblem[];
}

export class TaskIndex {
  private readonly byId = new Map<string, Task>();
  private readonly alone = new Map<Task, Task[]>();
  private readonly byPrefix = new Map<string, PolicyIndex>();

  /**
   * The first source is the default one (prefix ''), which bare references cite. `unloaded` are prefixes of configured
   * sources that failed to load: their references are still recognised (and reported), not mistaken for the default
   * source's; '' among them (a source named to replace the default failed) leaves bare references citing nothing.
   */
  constructor(readonly sources: PolicyIndex[], unloaded: readonly string[] = []) {
    this.prefixes = [...sources.map((s) => s.prefix), ...unloaded].filter(Boolean);
    for (const source of sources) {
      this.byPrefix.set(source.prefix, source);
      for (const task of source.tasks) this.byId.set(task.id, task);
    }
  }

  /** Prefixes of the extra sources (loaded or not): what the scanner looks for before 表 and T. */
  readonly prefixes: readonly string[];

  get tasks(): Task[] {
    return this.sources.flatMap((s) => s.tasks);
  }

  source(prefix: string): PolicyIndex | undefined {
    return this.byPrefix.get(prefix);
  }

  sourceOf(task: Task): PolicyIndex {
    const colon = task.id.indexOf(':');
    return this.byPrefix.get(colon < 0 ? '' : task.id.slice(0, colon))!;
  }

  /** A task's short label (商务服务·外商投资社会调查): taskSummary with the places its own source names. */
  summaryOf(task: Task, maxChars?: number): string {
    return taskSummary(task, placesOf(this.sourceOf(task)), maxChars);
  }

  task(id: string): Task | undefined {
    return this.byId.get(id);
  }

  table(prefix: string, table: number): TaskTable | undefined {
    return this.byPrefix.get(prefix)?.tables.find((t) => t.number === table);
  }

  tasksOf(prefix: string, table: number): Task[] {
    return this.byPrefix.get(prefix)?.tasks.filter((t) => t.table === table) ?? [];
  }

  taskAt(prefix: string, table: number, item: number): Task | undefined {
    return this.byId.get(taskId(prefix, table, item));
  }

  resolve(ref: TaskReference): ResolvedReference {
    const source = this.byPrefix.get(ref.prefix);
    if (!source) return { ref, tasks: NONE, problems: [{ kind: 'no-source', start: ref.start, end: ref.end, prefix: ref.prefix }] };
    let table: TaskTable | undefined; // source.tables.find, without a closure for each reference
    for (const t of source.tables) {
      if (t.number !== ref.table) continue;
      table = t;
      break;
    }
    if (!table) {
      const tables = source.tables.map((t) => t.number);
      return { ref, source, tasks: NONE, problems: [{ kind: 'no-table', start: ref.tableStart, end: ref.tableEnd, table: ref.table, tables }] };
    }
    const problems: ReferenceProblem[] = [];
    const count = table.taskCount;
    const number = table.number;
    for (const span of ref.spans) {
      // (a span within the table, the usual case, makes no objects)
      if (span.from <= span.to && span.from >= 1 && span.to <= count) continue;
      const at = { start: span.start, end: span.end, table: number };
      const nearest = (item: number) => this.taskAt(ref.prefix, number, Math.min(Math.max(item, 1), count))!;
      if (span.from > span.to) problems.push({ kind: 'backwards', ...at, from: span.from, to: span.to });
      else if (span.from === span.to && (span.from < 1 || span.from > count)) {
        problems.push({ kind: 'no-task', ...at, item: span.from, count, nearest: nearest(span.from) });
      } else if (span.from < 1 || span.to > count) {
        problems.push({ kind: 'past-end', ...at, from: span.from, to: span.to, count, nearest: nearest(span.to) });
      }
    }
    // referencedItems(ref) that the table has, without the intermediate lists
    const tasks: Task[] = [];
    for (const s of ref.spans) {
      for (let i = s.from, n = 0; i <= s.to && n < MAX_RANGE_ITEMS; i++, n++) if (i >= 1 && i <= count) tasks.push(this.taskAt(ref.prefix, number, i)!);
    }
    return { ref, source, tasks: tasks.length === 1 ? this.only(tasks[0]) : exact(tasks), problems: exact(problems) };
  }

  /** The list of one task, shared (frozen) by every reference to it alone: most references cite one task. */
  private only(task: Task): Task[] {
    let list = this.alone.get(task);
    if (!list) this.alone.set(task, (list = Object.freeze([task]) as Task[]));
    return list;
  }
}

/** The tasks a list of references cites, each once, in the order they first appear. */
export function citedTasks(refs: readonly { tasks: readonly Task[] }[]): Task[] {
  return [...new Set(refs.flatMap((r) => r.tasks))];
}

export function taskId(prefix: string, table: number, item: number): string {
  return `${prefix ? prefix + ':' : ''}T${table}.${item}`;
}

/** The prefix of the source a task is of (SZ of SZ:T1.3), as its ID writes it; '' for the default source. */
export function sourcePrefixOf(task: Pick<Task, 'id'>): string {
  const colon = task.id.indexOf(':');
  return colon < 0 ? '' : task.id.slice(0, colon);
}

/** The written form of a task reference in the given style: 表1第12项 or T1.12 (SZ表1第3项, SZ:T1.3). */
export function formatReference(task: Pick<Task, 'table' | 'item' | 'id'>, style: ReferenceStyle = 'table'): string {
  const prefix = sourcePrefixOf(task);
  return style === 'id' ? `${prefix ? prefix + ':' : ''}T${task.table}.${task.item}` : `${prefix}表${task.table}第${task.item}项`;
}
