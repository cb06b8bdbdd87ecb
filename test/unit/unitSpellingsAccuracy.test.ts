// inconsistent-unit-name measured on a labelled set of small plans (test/fixtures/responsibilities/unit-spellings.json):
// each lists the names the check must flag, every other name it must leave alone. Prints precision and recall over the
// flagged names; fails below 95% / 85% (a false flag asks a drafter to rename a unit that is not the same).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadEngine } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../../..');
const labelled: { case: string; flag: string[]; text: string }[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/responsibilities/unit-spellings.json'), 'utf8'));
const { checker } = loadEngine(ROOT);

describe('inconsistent-unit-name (labelled plans)', () => {
  it('has plans of both kinds', () => {
    assert.ok(labelled.filter((p) => p.flag.length).length >= 12 && labelled.filter((p) => !p.flag.length).length >= 8);
  });

  it('flags the names written two ways with precision ≥ 95% and recall ≥ 85%', () => {
    let flagged = 0;
    let right = 0;
    let expected = 0;
    const misses: string[] = [];
    for (const p of labelled) {
      const found = new Set(
        checker
          .analyze(p.text, { locale: 'zh' })
          .findings.filter((f) => f.code === 'inconsistent-unit-name')
          .map((f) => p.text.slice(f.start, f.end)),
      );
      expected += p.flag.length;
      for (const name of found) {
        flagged++;
        if (p.flag.includes(name)) right++;
        else misses.push(`${p.case}: flagged ${name}`);
      }
      for (const name of p.flag) if (!found.has(name)) misses.push(`${p.case}: missed ${name}`);
    }
    const precision = flagged ? right / flagged : 1;
    const recall = right / expected;
    console.log(`      names written two ways: precision ${(100 * precision).toFixed(1)}% (${right}/${flagged}), recall ${(100 * recall).toFixed(1)}% (${right}/${expected}) over ${labelled.length} plans`);
    for (const m of misses) console.log(`        miss: ${m}`);
    assert.ok(precision >= 0.95, `precision ${precision}`);
    assert.ok(recall >= 0.85, `recall ${recall}`);
  });
});
