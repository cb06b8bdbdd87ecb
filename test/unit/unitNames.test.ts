// Whether two names of lead units may name the same unit (mayNameSameUnit, which assignment-mismatch uses to compare a
// body's lead with its 分工表's), measured on a labelled set of pairs (test/fixtures/responsibilities/unit-names.json).
// A flag is a pair read as two units: prints its precision and recall; fails below 100% / 85% (a false flag tells a
// drafter that a right plan contradicts itself).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { mayNameSameUnit } from '../../server/src/core/responsibility';

const ROOT = path.resolve(__dirname, '../../..');
const labelled: { a: string; b: string; same: boolean; note: string }[] = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'test/fixtures/responsibilities/unit-names.json'), 'utf8'),
);

describe('names of the same lead unit (labelled pairs)', () => {
  it('has pairs of both kinds', () => {
    assert.ok(labelled.filter((p) => p.same).length >= 20 && labelled.filter((p) => !p.same).length >= 20);
  });

  it('is symmetric', () => {
    for (const p of labelled) assert.strictEqual(mayNameSameUnit(p.a, p.b), mayNameSameUnit(p.b, p.a), `${p.a} / ${p.b}`);
  });

  it('tells two units apart with precision 100% and recall ≥ 85%', () => {
    let flagged = 0;
    let right = 0;
    const misses: string[] = [];
    for (const p of labelled) {
      const two = !mayNameSameUnit(p.a, p.b);
      if (two) flagged++;
      if (two && !p.same) right++;
      if (two === p.same) misses.push(`${p.a} / ${p.b}: read as ${two ? 'two units' : 'one'}, labelled ${p.same ? 'one' : 'two'} (${p.note})`);
    }
    const actual = labelled.filter((p) => !p.same).length;
    const precision = right / flagged;
    const recall = right / actual;
    console.log(`      two units told apart: precision ${(100 * precision).toFixed(1)}% (${right}/${flagged}), recall ${(100 * recall).toFixed(1)}% (${right}/${actual}) of ${labelled.length} pairs`);
    for (const m of misses) console.log(`        miss: ${m}`);
    assert.ok(precision >= 1, `precision ${precision}`);
    assert.ok(recall >= 0.85, `recall ${recall}`);
  });
});
