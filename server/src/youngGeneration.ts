// The heap's young generation during a large check. The server keeps it at its initial size (heapLimits.ts: a long
// editing session stays under 100 MB), so a check that works through a large new document (a 1 MB plan opened for the
// first time allocates ~200 MB of short-lived objects) pays a scavenge for every megabyte. Once a check has analysed
// GROW_AFTER_CHARS of new paragraphs, the young generation may grow (to V8's maximum, 2 × 16 MB) until the check ends;
// when the server has then been idle long enough that V8 reads its allocation rate as low, one full collection gives
// the memory back (V8 shrinks the young generation in a collection while allocation is low).
import * as v8 from 'v8';
import * as vm from 'vm';

/** What the young generation's manager asks of V8 (an interface, so that its logic is tested without V8's). */
export interface HeapControl {
  /** How fast the young generation grows when it is full: 1 (never) or 2 (doubles). */
  setGrowthFactor(factor: 1 | 2): void;
  /** The bytes the young generation holds now. */
  youngGenerationSize(): number;
  /** A full collection. */
  collect(): void;
}

export interface YoungGenerationOptions {
  /** The new paragraph text (UTF-16 characters) a check analyses before the young generation may grow. */
  growAfterChars: number;
  /** How long after a grown check the memory is given back (V8 reads allocation over its last 5 s as the rate). */
  idleMs: number;
  /** How many times a collection is tried when the server was not idle enough for V8 to shrink it. */
  attempts: number;
}

/**
 * A check of 200,000 characters of new paragraphs (about 600 KB of a Chinese plan in UTF-8, several times a large real
 * plan) saves ~60–140 ms with a grown young generation: below that the saving is a few scavenges (bench/README.md).
 */
export const GROW_AFTER_CHARS = 200_000;

const DEFAULTS: YoungGenerationOptions = { growAfterChars: GROW_AFTER_CHARS, idleMs: 6_000, attempts: 5 };

export interface Timers {
  setTimeout(run: () => void, ms: number): { unref?(): unknown };
  clearTimeout(timer: unknown): void;
}

export class YoungGeneration {
  private readonly options: YoungGenerationOptions;
  /** Its size at start: what it is given back to. */
  private readonly initialSize: number;
  private depth = 0;
  private fresh = 0;
  private growing = false;
  private timer: unknown;
  private attemptsLeft = 0;

  constructor(
    private readonly heap: HeapControl = v8Heap(),
    options: Partial<YoungGenerationOptions> = {},
    private readonly timers: Timers = { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (t) => clearTimeout(t as NodeJS.Timeout) },
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.initialSize = heap.youngGenerationSize();
  }

  /** Runs a check (nested checks count as one: a 分工表's inside its plan's). */
  during<T>(check: () => T): T {
    if (this.depth++ === 0) this.fresh = 0;
    try {
      return check();
    } finally {
      if (--this.depth === 0) this.ended();
    }
  }

  /** A paragraph of `chars` characters analysed afresh (Checker.onFreshParagraph). */
  freshParagraph(chars: number): void {
    this.fresh += chars;
    if (!this.growing && this.depth > 0 && this.fresh >= this.options.growAfterChars) {
      this.growing = true;
      this.heap.setGrowthFactor(2);
    }
  }

  /** Whether the young generation may grow now (during a large check). */
  get grows(): boolean {
    return this.growing;
  }

  /** Whether a collection that gives back the memory of a large check is due. */
  get shrinkPending(): boolean {
    return this.timer !== undefined;
  }

  private ended(): void {
    if (!this.growing) return;
    this.growing = false;
    this.heap.setGrowthFactor(1);
    this.attemptsLeft = this.options.attempts;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    const timer = this.timers.setTimeout(() => this.shrink(), this.options.idleMs);
    // a server that is told to stop does not wait for it
    timer.unref?.();
    this.timer = timer;
  }

  private shrink(): void {
    this.timer = undefined;
    if (this.growing || this.heap.youngGenerationSize() <= 2 * this.initialSize) return;
    this.heap.collect();
    // V8 shrinks it only when the allocation of its last seconds was low: a drafter typing on, try again later
    if (this.heap.youngGenerationSize() > 2 * this.initialSize && --this.attemptsLeft > 0) this.schedule();
  }
}

/** V8's own: the growth flag set at run time (V8 reads it when it decides to grow), `gc` from a context of its own. */
export function v8Heap(): HeapControl {
  let gc: (() => void) | undefined;
  return {
    setGrowthFactor: (factor) => v8.setFlagsFromString(`--semi-space-growth-factor=${factor}`),
    youngGenerationSize: () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0,
    collect: () => {
      // --expose-gc is set with the heap flags (heapLimits.ts), before any context this one is made after
      gc ??= vm.runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;
      gc?.();
    },
  };
}
