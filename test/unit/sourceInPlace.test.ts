// A source loaded in the default's place (policyLens.sources with an empty prefix) is read by the generic source reader,
// not by the seed parser that writes data/: the seed itself loaded that way must check every plan exactly as the bundled
// index does. So another city's 总体方案 in the seed's layout gets the same reading, and nothing the checks do depends on
// which of the two paths built the index.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildEngine, loadEngine } from '../../server/src/engine';
import { loadDefaultIndex, loadExtraSource, loadRules, SEED_FILE } from '../../server/src/indexLoader';
import { Finding } from '../../server/src/core/findings';
import { ROOT } from '../fixtures/meaning/meaningSpans';

const HELD_OUT = path.join(ROOT, 'test', 'fixtures', 'heldout');

/** What a reviewer sees of a finding: code, span, message and the source lines it points to (not the file's spelling). */
const seen = (found: Finding[]) => found.map((f) => [f.code, f.start, f.end, f.message, (f.related ?? []).map((r) => [r.span, r.message])]);

describe('the seed loaded as the source bare references cite (the generic reader)', () => {
  const bundled = loadEngine(ROOT).checker;
  const seed = loadExtraSource(path.join(ROOT, SEED_FILE), '');
  const inPlace = buildEngine([seed], loadRules(ROOT)).checker;

  it('reads the same 130 tasks, categories, domains, title and short name as the seed parser', () => {
    const data = loadDefaultIndex(ROOT);
    const pick = (i: typeof data) => i.tasks.map((t) => [t.id, t.category, t.domain, t.text, t.startLine, t.endLine]);
    assert.deepStrictEqual(pick(seed), pick(data));
    assert.deepStrictEqual(seed.meta, data.meta);
    assert.deepStrictEqual([seed.facts?.shortNames, seed.facts?.passages?.length], [data.facts?.shortNames, data.facts?.passages?.length]);
  });

  it('checks the sample plan and every held-out text exactly as the bundled index does', () => {
    const texts = [fs.readFileSync(path.join(ROOT, 'examples', 'sample-plan.md'), 'utf8')];
    for (const file of fs.readdirSync(HELD_OUT).filter((f) => f.endsWith('.jsonl'))) {
      for (const line of fs.readFileSync(path.join(HELD_OUT, file), 'utf8').split('\n')) {
        const span = line.trim() ? JSON.parse(line) : undefined;
        if (span && !span.source) texts.push(span.text);
      }
    }
    assert.ok(texts.length > 500, `${texts.length} texts`);
    let findings = 0;
    for (const text of texts) {
      const want = seen(bundled.analyze(text, { locale: 'zh' }).findings);
      findings += want.length;
      assert.deepStrictEqual(seen(inPlace.analyze(text, { locale: 'zh' }).findings), want, text.slice(0, 80));
    }
    assert.ok(findings > 800, `${findings} findings compared`);
  });
});
