// other-district-unit measured on a labelled set of small plans (test/fixtures/places/district-units.json): each lists
// the units of another district the check must flag, every other unit it must leave alone. Prints precision and recall
// over the flagged units; fails below 95% / 85% (a false flag tells a district that its own plan names another's).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadEngine } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../../..');
const labelled: { case: string; flag: string[]; text: string }[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/places/district-units.json'), 'utf8'));
const { checker } = loadEngine(ROOT);

describe('other-district-unit (labelled plans)', () => {
  it('has plans of both kinds', () => {
    assert.ok(labelled.filter((p) => p.flag.length).length >= 10 && labelled.filter((p) => !p.flag.length).length >= 8);
  });

  it('flags the units of another district with precision ≥ 95% and recall ≥ 85%', () => {
    let flagged = 0;
    let right = 0;
    let expected = 0;
    const misses: string[] = [];
    for (const p of labelled) {
      const found = new Set(
        checker
          .analyze(p.text, { locale: 'zh' })
          .findings.filter((f) => f.code === 'other-district-unit')
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
    console.log(`      units of another district: precision ${(100 * precision).toFixed(1)}% (${right}/${flagged}), recall ${(100 * recall).toFixed(1)}% (${right}/${expected}) over ${labelled.length} plans`);
    for (const m of misses) console.log(`        miss: ${m}`);
    assert.ok(precision >= 0.95, `precision ${precision}`);
    assert.ok(recall >= 0.85, `recall ${recall}`);
  });
});
