// How well the checks of meaning do on the labelled set (test/fixtures/meaning/spans.jsonl), through the whole
// analyser: reference-mismatch (precision ≥ 98%, recall ≥ 90%), bare numbers resolved or ranked first (≥ 95%),
// uncited-task (precision ≥ 95%, recall ≥ 80%). Prints the figures; fails below the floors.
import * as assert from 'assert';
import { loadEngine } from '../../server/src/engine';
import { formatReference } from '../../server/src/core/taskIndex';
import { loadMeaningSet, MeaningSpan, ROOT } from '../fixtures/meaning/meaningSpans';

const { checker, index } = loadEngine(ROOT);
const { spans } = loadMeaningSet();

/** The span as a plan holds it: its context before it, a table row under its header and separator. */
function planText(s: MeaningSpan): { text: string; at: number } {
  let body = s.text;
  if (s.header) body = `${s.header}\n|${s.header.split('|').slice(1, -1).map(() => '---').join('|')}|\n${body}`;
  const before = s.before ? s.before + '\n\n' : '';
  return { text: before + body, at: before.length + body.length - s.text.length };
}

function analyze(s: MeaningSpan) {
  const { text, at } = planText(s);
  const analysis = checker.analyze(text, { locale: 'zh' });
  const inSpan = analysis.findings.filter((f) => f.start >= at);
  return { analysis, findings: inSpan, at, text };
}

const pct = (n: number, d: number) => (d ? (100 * n) / d : 100);

describe('the checks of meaning on the labelled set', () => {
  it('flags wrong but valid citations with precision ≥ 98% and recall ≥ 90%, naming the right task', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let named = 0;
    const misses: string[] = [];
    const wrongFlags: string[] = [];
    for (const s of spans) {
      if (!['correct', 'generic', 'wrong', 'wrong-but-fits'].includes(s.kind)) continue;
      const { findings, text } = analyze(s);
      const flags = findings.filter((f) => f.code === 'reference-mismatch');
      if (s.kind === 'wrong') {
        const cited = index.task(s.cited!)!;
        const onCited = flags.find((f) => {
          const r = checker.analyze(text, { locale: 'zh' }).referenceAt(f.start);
          return r?.tasks.some((t) => t.id === cited.id);
        });
        if (onCited) {
          tp++;
          if (onCited.fixes[0]?.newText === formatReference(index.task(s.truth!)!, onCited.fixes[0].newText.startsWith('T') ? 'id' : 'table')) named++;
        } else {
          fn++;
          misses.push(`${s.id} (${s.note ?? ''}) ${s.text}`);
        }
        fp += flags.filter((f) => f !== onCited).length;
      } else {
        fp += flags.length;
        for (const f of flags) wrongFlags.push(`${s.id} ${s.kind}: ${f.message}`);
      }
    }
    const precision = pct(tp, tp + fp);
    const recall = pct(tp, tp + fn);
    console.log(`      reference-mismatch: precision ${precision.toFixed(1)}% (${tp}/${tp + fp}), recall ${recall.toFixed(1)}% (${tp}/${tp + fn}), right task named ${pct(named, tp).toFixed(1)}%`);
    assert.ok(precision >= 98, `precision ${precision.toFixed(1)}% < 98%; flagged though right:\n${wrongFlags.join('\n')}`);
    assert.ok(recall >= 90, `recall ${recall.toFixed(1)}% < 90%; missed:\n${misses.join('\n')}`);
    assert.ok(pct(named, tp) >= 95, `the better task named is right in only ${pct(named, tp).toFixed(1)}% of the flags`);
  });

  it('resolves bare numbers to the right task, or ranks it first, in ≥ 95% of the spans', () => {
    let ok = 0;
    let n = 0;
    let resolved = 0;
    const bad: string[] = [];
    for (const s of spans.filter((x) => x.kind === 'bare')) {
      const { analysis, at } = analyze(s);
      const bare = analysis.bareReferences.filter((b) => b.start >= at);
      assert.strictEqual(bare.length, 1, `${s.id}: one bare number in the span, found ${bare.length}`);
      const b = bare[0];
      const got = b.resolved ?? b.candidates[0]?.task;
      n++;
      if (b.resolved) resolved++;
      if (got?.id === s.truth) ok++;
      else bad.push(`${s.id}: ${s.truth} expected, ${got?.id} ${b.resolved ? `resolved by ${b.by}` : 'ranked first'} — ${s.text}`);
    }
    const share = pct(ok, n);
    console.log(`      bare numbers: ${share.toFixed(1)}% right (${ok}/${n}), ${resolved} resolved, ${n - resolved} left ambiguous`);
    assert.ok(share >= 95, `${share.toFixed(1)}% < 95%:\n${bad.join('\n')}`);
  });

  it('leaves bare numbers whose content picks no task ambiguous, unless an earlier table settles them', () => {
    for (const s of spans.filter((x) => x.kind === 'bare-unclear')) {
      const { analysis, at, findings } = analyze(s);
      const b = analysis.bareReferences.find((x) => x.start >= at)!;
      assert.ok(b, `${s.id}: the bare number is found`);
      assert.notStrictEqual(b.by, 'content', `${s.id}: "${s.text}" is resolved by its content to ${b.resolved?.id}, though it names no task's topic`);
      if (!b.resolved) assert.ok(findings.some((f) => f.code === 'ambiguous-reference'), `${s.id}: an unresolved number is reported as ambiguous`);
    }
  });

  it('finds restated tasks with precision ≥ 95% and recall ≥ 80%, and never in a span that cites', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    const wrong: string[] = [];
    for (const s of spans) {
      const { findings } = analyze(s);
      const flags = findings.filter((f) => f.code === 'uncited-task');
      if (s.kind === 'restated') {
        const right = flags.find((f) => f.fixes[0]?.newText === `（${formatReference(index.task(s.truth!)!)}）`);
        if (right) tp++;
        else {
          fn++;
          misses.push(`${s.id}: ${s.text}`);
        }
        fp += flags.filter((f) => f !== right).length;
      } else {
        fp += flags.length;
        for (const f of flags) wrong.push(`${s.id} ${s.kind}: ${f.message}`);
      }
    }
    const precision = pct(tp, tp + fp);
    const recall = pct(tp, tp + fn);
    console.log(`      uncited-task: precision ${precision.toFixed(1)}% (${tp}/${tp + fp}), recall ${recall.toFixed(1)}% (${tp}/${tp + fn})`);
    assert.ok(precision >= 95, `precision ${precision.toFixed(1)}% < 95%:\n${wrong.join('\n')}`);
    assert.ok(recall >= 80, `recall ${recall.toFixed(1)}% < 80%:\n${misses.join('\n')}`);
  });
});
