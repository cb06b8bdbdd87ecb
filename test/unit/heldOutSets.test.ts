// The checks measured on held-out sets (test/fixtures/heldout/*.jsonl): plan text written, and labelled by the
// specification alone (README's table of diagnostics), by sessions that saw neither the checks' code nor their own
// labelled sets and did not run them (test/fixtures/heldout/README.md). Each line names the codes it measures and the
// findings of those codes a reviewer wants on its text; a finding of one of them more than the label asks is a false
// flag, one fewer a miss. Prints each code's precision and recall with what it missed and flagged wrongly; fails below
// the floors (HELD_OUT_FLOORS: 95% precision and 85% recall for every code).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildEngine, loadEngine } from '../../server/src/engine';
import { loadExtraSource, loadRules } from '../../server/src/indexLoader';
import { Checker } from '../../server/src/core/analyze';
import { ROOT } from '../fixtures/meaning/meaningSpans';

interface HeldOutSpan {
  id: string;
  codes: string[];
  text: string;
  expect: string[];
  note?: string;
  /** Another city's 总体方案 (a path under heldout/) that the plan's bare references cite, in place of the default source. */
  source?: string;
}

const DIR = path.join(ROOT, 'test', 'fixtures', 'heldout');

/** Per code: the least precision and recall on the held-out sets. */
const HELD_OUT_FLOORS: Record<string, { precision: number; recall: number }> = {
  'threshold-mismatch': { precision: 0.95, recall: 0.85 },
  misquote: { precision: 0.95, recall: 0.85 },
  'domain-mismatch': { precision: 0.95, recall: 0.85 },
  'place-mismatch': { precision: 0.95, recall: 0.85 },
  'reversed-wording': { precision: 0.95, recall: 0.85 },
  'document-mismatch': { precision: 0.95, recall: 0.85 },
  'document-number-format': { precision: 0.95, recall: 0.85 },
  'unknown-task': { precision: 0.95, recall: 0.85 },
  'nonstandard-reference': { precision: 0.95, recall: 0.85 },
  'ambiguous-reference': { precision: 0.95, recall: 0.85 },
  'heading-numbering': { precision: 0.95, recall: 0.85 },
  'missing-lead-unit': { precision: 0.95, recall: 0.85 },
  'missing-deadline': { precision: 0.95, recall: 0.85 },
  'assignment-mismatch': { precision: 0.95, recall: 0.85 },
  'deadline-outside-pilot': { precision: 0.95, recall: 0.85 },
  'invalid-deadline': { precision: 0.95, recall: 0.85 },
  'inconsistent-unit-name': { precision: 0.95, recall: 0.85 },
  'other-district-unit': { precision: 0.95, recall: 0.85 },
  'reference-mismatch': { precision: 0.95, recall: 0.85 },
  'uncited-task': { precision: 0.95, recall: 0.85 },
  'missing-area-task': { precision: 0.95, recall: 0.85 },
  'truncated-task-number': { precision: 0.95, recall: 0.85 },
  'task-number-as-date': { precision: 0.95, recall: 0.85 },
  'source-not-loaded': { precision: 0.95, recall: 0.85 },
};

/** The sets, each file's spans; a line that does not parse is an error, not skipped. */
function loadHeldOutSets(dir = DIR): { file: string; spans: HeldOutSpan[] }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((file) => ({
      file,
      spans: fs
        .readFileSync(path.join(dir, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => line.trim())
        .map(({ line, i }) => {
          try {
            return JSON.parse(line) as HeldOutSpan;
          } catch (e) {
            throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
          }
        }),
    }));
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
  wrong: string[];
}

const { checker } = loadEngine(ROOT);
const sets = loadHeldOutSets();
/** The checker of a span: the default one, or one on the source it names, loaded with an empty prefix (once per source). */
const checkers = new Map<string, Checker>();
function checkerOf(s: HeldOutSpan): Checker {
  if (!s.source) return checker;
  let c = checkers.get(s.source);
  if (!c) checkers.set(s.source, (c = buildEngine([loadExtraSource(path.join(DIR, s.source), '')], loadRules(ROOT)).checker));
  return c;
}

describe('the held-out sets of the checks (test/fixtures/heldout)', () => {
  it('are well formed: unique ids, codes that have floors, labels among their codes, texts to check', () => {
    assert.ok(sets.length >= 1, 'no held-out set');
    const ids = new Set<string>();
    for (const { file, spans } of sets) {
      assert.ok(spans.length >= 3, `${file}: ${spans.length} spans`);
      for (const s of spans) {
        assert.ok(s.id && !ids.has(s.id), `${file}: the id ${s.id} is missing or used twice`);
        ids.add(s.id);
        assert.ok(typeof s.text === 'string' && s.text.trim(), `${s.id}: no text`);
        assert.ok(Array.isArray(s.codes) && s.codes.length && s.codes.every((c) => HELD_OUT_FLOORS[c]), `${s.id}: codes ${JSON.stringify(s.codes)}`);
        assert.ok(Array.isArray(s.expect) && s.expect.every((c) => s.codes.includes(c)), `${s.id}: expects ${JSON.stringify(s.expect)} outside its codes`);
      }
    }
  });

  const tallies = new Map<string, Tally>();
  const tally = (code: string) => {
    let t = tallies.get(code);
    if (!t) tallies.set(code, (t = { tp: 0, fp: 0, fn: 0, misses: [], wrong: [] }));
    return t;
  };
  before(() => {
    for (const { spans } of sets) {
      for (const s of spans) {
        const findings = checkerOf(s).analyze(s.text, { locale: 'zh' }).findings;
        for (const code of s.codes) {
          const t = tally(code);
          const found = findings.filter((f) => f.code === code);
          const wanted = s.expect.filter((c) => c === code).length;
          t.tp += Math.min(wanted, found.length);
          if (found.length > wanted) {
            t.fp += found.length - wanted;
            t.wrong.push(`${s.id}: ${found.map((f) => f.message).join(' | ')} — ${s.text.replace(/\n/g, '⏎')}`);
          } else if (found.length < wanted) {
            t.fn += wanted - found.length;
            t.misses.push(`${s.id} (${s.note ?? ''}): ${s.text.replace(/\n/g, '⏎')}`);
          }
        }
      }
    }
  });

  for (const [code, floor] of Object.entries(HELD_OUT_FLOORS)) {
    it(`${code}: precision ≥ ${100 * floor.precision}% and recall ≥ ${100 * floor.recall}% on text it was not tuned on`, () => {
      const t = tallies.get(code);
      assert.ok(t, `no held-out set measures ${code}`);
      const { tp, fp, fn } = t;
      const precision = tp / (tp + fp || 1);
      const recall = tp / (tp + fn || 1);
      console.log(`      ${code}, held out: precision ${(100 * precision).toFixed(1)}% (${tp}/${tp + fp}), recall ${(100 * recall).toFixed(1)}% (${tp}/${tp + fn})`);
      for (const m of t.misses) console.log(`        missed: ${m}`);
      for (const w of t.wrong) console.log(`        wrongly flagged: ${w}`);
      assert.ok(tp + fn >= 1, `no finding of ${code} wanted`);
      // a handful wanted (a code only the whole plans measure) is too few for a share: every one found, none extra
      if (tp + fn < 5) assert.ok(fn === 0 && fp === 0, `${fn} missed, ${fp} flagged wrongly of ${tp + fn}`);
      assert.ok(precision >= floor.precision, `precision ${(100 * precision).toFixed(1)}%`);
      assert.ok(recall >= floor.recall, `recall ${(100 * recall).toFixed(1)}%`);
    });
  }
});
