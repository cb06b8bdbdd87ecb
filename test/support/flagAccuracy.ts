// A check measured on a labelled set of small plans (a JSON array of { case, flag, text }: the spans of each plan's
// text the check must flag, every other span it must leave alone): prints its precision and recall over the flagged
// spans and fails below the floors.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { DiagnosticCode } from '../../server/src/core/findings';
import { loadEngine } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../../..');

export interface FlagSet {
  /** The test's title. */
  title: string;
  /** The set's file, from the project's root. */
  file: string;
  code: DiagnosticCode;
  /** What a flagged span is, for the printed figures (names written two ways). */
  what: string;
  floors: { precision: number; recall: number };
  /** How many plans of each kind the set has at least: with spans to flag, and without. */
  least: { flagged: number; clean: number };
}

export function describeFlagAccuracy(set: FlagSet): void {
  const labelled: { case: string; flag: string[]; text: string }[] = JSON.parse(fs.readFileSync(path.join(ROOT, set.file), 'utf8'));
  const { checker } = loadEngine(ROOT);
  const percent = (x: number) => `${Math.round(100 * x)}%`;

  describe(set.title, () => {
    it('has plans of both kinds', () => {
      assert.ok(labelled.filter((p) => p.flag.length).length >= set.least.flagged && labelled.filter((p) => !p.flag.length).length >= set.least.clean);
    });

    it(`flags them with precision ≥ ${percent(set.floors.precision)} and recall ≥ ${percent(set.floors.recall)}`, () => {
      let flagged = 0;
      let right = 0;
      let expected = 0;
      const misses: string[] = [];
      for (const p of labelled) {
        const found = new Set(
          checker
            .analyze(p.text, { locale: 'zh' })
            .findings.filter((f) => f.code === set.code)
            .map((f) => p.text.slice(f.start, f.end)),
        );
        expected += p.flag.length;
        for (const span of found) {
          flagged++;
          if (p.flag.includes(span)) right++;
          else misses.push(`${p.case}: flagged ${span}`);
        }
        for (const span of p.flag) if (!found.has(span)) misses.push(`${p.case}: missed ${span}`);
      }
      const precision = flagged ? right / flagged : 1;
      const recall = right / expected;
      console.log(`      ${set.what}: precision ${(100 * precision).toFixed(1)}% (${right}/${flagged}), recall ${(100 * recall).toFixed(1)}% (${right}/${expected}) over ${labelled.length} plans`);
      for (const m of misses) console.log(`        miss: ${m}`);
      assert.ok(precision >= set.floors.precision, `precision ${precision}`);
      assert.ok(recall >= set.floors.recall, `recall ${recall}`);
    });
  });
}
