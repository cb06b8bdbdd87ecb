// The young generation's manager (server/src/youngGeneration.ts) over a fake heap and fake timers: when it lets the
// young generation grow, when it stops, and how it gives the memory back.
import * as assert from 'assert';
import { HeapControl, Timers, v8Heap, YoungGeneration } from '../../server/src/youngGeneration';

const MB = 1024 * 1024;

/** A heap whose young generation doubles on demand and shrinks in a collection only when told it was idle. */
class FakeHeap implements HeapControl {
  factors: number[] = [];
  collections = 0;
  size = MB;
  idle = true;
  setGrowthFactor(factor: 1 | 2): void {
    this.factors.push(factor);
  }
  youngGenerationSize(): number {
    return this.size;
  }
  collect(): void {
    this.collections++;
    if (this.idle) this.size = MB;
  }
  /** What a check's allocations do to it while it may grow. */
  allocate(): void {
    if (this.factors[this.factors.length - 1] === 2) this.size = 32 * MB;
  }
}

class FakeTimers implements Timers {
  pending: { run: () => void; ms: number; unrefed: boolean; unref(): void }[] = [];
  setTimeout(run: () => void, ms: number): { unref(): void } {
    const timer = {
      run,
      ms,
      unrefed: false,
      unref() {
        timer.unrefed = true;
      },
    };
    this.pending.push(timer);
    return timer;
  }
  clearTimeout(timer: unknown): void {
    this.pending = this.pending.filter((t) => t !== timer);
  }
  /** Runs the timers due now (each once). */
  fire(): void {
    const due = this.pending;
    this.pending = [];
    for (const t of due) t.run();
  }
}

function manager(growAfterChars = 1000, attempts = 3) {
  const heap = new FakeHeap();
  const timers = new FakeTimers();
  const young = new YoungGeneration(heap, { growAfterChars, idleMs: 6000, attempts }, timers);
  return { heap, timers, young };
}

describe('the young generation during a large check', () => {
  it('grows only once a check has analysed enough new text, and stops growing when the check ends', () => {
    const { heap, young } = manager();
    young.during(() => {
      young.freshParagraph(600);
      assert.strictEqual(young.grows, false, 'below the threshold');
      young.freshParagraph(500);
      assert.strictEqual(young.grows, true, 'past it');
      young.freshParagraph(5000);
      heap.allocate();
    });
    assert.deepStrictEqual(heap.factors, [2, 1], 'set to grow once, and back when the check ended');
    assert.strictEqual(young.grows, false);
  });

  it('counts each check on its own: many small checks never grow it', () => {
    const { heap, young, timers } = manager();
    for (let i = 0; i < 50; i++) young.during(() => young.freshParagraph(900));
    assert.deepStrictEqual(heap.factors, []);
    assert.strictEqual(timers.pending.length, 0, 'and nothing is scheduled');
  });

  it('counts a check nested in another (a 分工表 read inside its plan) with it, and ends with the outer one', () => {
    const { heap, young } = manager();
    young.during(() => {
      young.freshParagraph(700);
      young.during(() => young.freshParagraph(700));
      assert.strictEqual(young.grows, true, 'the inner check added to the outer one');
      assert.deepStrictEqual(heap.factors, [2], 'not reset by the inner check ending');
    });
    assert.deepStrictEqual(heap.factors, [2, 1]);
  });

  it('ignores new text analysed outside a check it runs', () => {
    const { heap, young } = manager();
    young.freshParagraph(5000);
    assert.deepStrictEqual(heap.factors, []);
  });

  it('stops growing when the check throws', () => {
    const { heap, young } = manager();
    assert.throws(() =>
      young.during(() => {
        young.freshParagraph(2000);
        throw new Error('a bug in a check');
      }),
    );
    assert.deepStrictEqual(heap.factors, [2, 1]);
    assert.strictEqual(young.grows, false);
  });

  it('gives the memory back with one collection once the server was idle, on a timer that does not keep it running', () => {
    const { heap, young, timers } = manager();
    young.during(() => {
      young.freshParagraph(2000);
      heap.allocate();
    });
    assert.strictEqual(heap.size, 32 * MB);
    assert.strictEqual(timers.pending.length, 1);
    assert.strictEqual(timers.pending[0].ms, 6000);
    assert.strictEqual(timers.pending[0].unrefed, true);
    assert.strictEqual(young.shrinkPending, true);
    timers.fire();
    assert.strictEqual(heap.collections, 1);
    assert.strictEqual(heap.size, MB);
    assert.strictEqual(timers.pending.length, 0, 'done');
    assert.strictEqual(young.shrinkPending, false);
  });

  it('tries again later when V8 did not shrink it (the drafter kept typing), a few times at most', () => {
    const { heap, young, timers } = manager(1000, 3);
    heap.idle = false;
    young.during(() => {
      young.freshParagraph(2000);
      heap.allocate();
    });
    for (let i = 0; i < 10; i++) timers.fire();
    assert.strictEqual(heap.collections, 3, 'three attempts');
    assert.strictEqual(timers.pending.length, 0);
  });

  it('does not collect when the young generation did not grow, and one timer serves checks in a row', () => {
    const { heap, young, timers } = manager();
    young.during(() => young.freshParagraph(2000)); // grew nothing (the check allocated little)
    young.during(() => young.freshParagraph(2000));
    assert.strictEqual(timers.pending.length, 1, 'the second check re-arms the first one\'s timer');
    timers.fire();
    assert.strictEqual(heap.collections, 0);
  });

  it("reads V8's own young generation and can collect", () => {
    const heap = v8Heap();
    assert.ok(heap.youngGenerationSize() > 0);
    heap.collect(); // without --expose-gc in this process it does nothing; it never throws
  });
});
