// reversed-wording (text copied from the cited task but for a word that says the opposite) measured through the whole
// analyser on its labelled set (test/fixtures/reversals/spans.jsonl: 45 spans with reversed words, 46 in all, 55 that copy,
// localise or paraphrase a task, negate in words of their own, or share a few words around an opposite one) and, as
// spans that must not be flagged, the 414 of the meaning set. Prints precision and recall; fails below 98% / 90% (a
// false flag tells a drafter the plan says the opposite of the source).
import * as assert from 'assert';
import * as path from 'path';
import { loadEngine } from '../../server/src/engine';
import { flagsOnMeaningSet, readJsonLines, reportAccuracy } from '../fixtures/meaning/meaningSpans';

const ROOT = path.resolve(__dirname, '../../..');
const { checker } = loadEngine(ROOT);

interface ReversalSpan {
  id: string;
  text: string;
  /**
   * The plan's words a finding must cover, exactly (the first occurrence of each, `境外#2` the second; several where two
   * words are swapped); null: nothing reversed.
   */
  reversed: string | string[] | null;
  note: string;
}

/** Each word a span must have flagged, where it stands. */
function expected(s: ReversalSpan): { word: string; at: number }[] {
  const words = s.reversed === null ? [] : typeof s.reversed === 'string' ? [s.reversed] : s.reversed;
  return words.map((written) => {
    // `境外#2`: the second occurrence
    const [word, nth] = written.split('#');
    let at = s.text.indexOf(word);
    for (let k = 1; k < Number(nth ?? 1) && at >= 0; k++) at = s.text.indexOf(word, at + 1);
    return { word, at };
  });
}

const labelled = readJsonLines<ReversalSpan>(ROOT, 'test/fixtures/reversals/spans.jsonl');

function flagsOf(text: string) {
  return checker.analyze(text, { locale: 'zh' }).findings.filter((f) => f.code === 'reversed-wording');
}

describe('reversed-wording on its labelled set', () => {
  it('is well-formed: unique ids, each reversed word in its text', () => {
    assert.strictEqual(new Set(labelled.map((s) => s.id)).size, labelled.length);
    for (const s of labelled) for (const e of expected(s)) assert.ok(e.at >= 0, `${s.id}: ${e.word}`);
    assert.ok(labelled.filter((s) => s.reversed).length >= 45 && labelled.filter((s) => !s.reversed).length >= 55);
  });

  it('flags reversed words with precision ≥ 98% and recall ≥ 90%, on the reversed word', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    const wrong: string[] = [];
    for (const s of labelled) {
      const flags = flagsOf(s.text);
      if (s.reversed) {
        const hits = new Set<(typeof flags)[number]>();
        for (const { word, at } of expected(s)) {
          const hit = flags.find((f) => f.start === at && f.end === at + word.length);
          if (hit) tp++, hits.add(hit);
          else {
            fn++;
            misses.push(`${s.id} (${s.note}) ${word} in ${s.text}${flags.length ? ` — flagged: ${flags.map((f) => s.text.slice(f.start, f.end)).join('、')}` : ''}`);
          }
        }
        fp += flags.filter((f) => !hits.has(f)).length;
      } else {
        fp += flags.length;
        for (const f of flags) wrong.push(`${s.id} (${s.note}): ${f.message}`);
      }
    }
    // the meaning set's spans are plan text that reverses nothing (each in its plan as the meaning checks read it)
    const onMeaningSet = flagsOnMeaningSet(flagsOf);
    const { precision, recall } = reportAccuracy('reversed-wording', `${labelled.length} spans and the meaning set's 414`, { tp, fp: fp + onMeaningSet.length, fn }, misses, [...wrong, ...onMeaningSet]);
    assert.ok(precision >= 0.98, `precision ${precision}`);
    assert.ok(recall >= 0.9, `recall ${recall}`);
  });
});
