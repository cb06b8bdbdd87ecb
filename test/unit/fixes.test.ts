// The preferred fixes of a document's findings applied together (core/fixes.ts: the editor's fix-all of a code and the
// command line's check --fix), and a plan's text written back in the encoding it was read in (readers/encoding.ts).
import * as assert from 'assert';
import * as path from 'path';
import { loadEngine } from '../../server/src/engine';
import { applyFixes, preferredFixes } from '../../server/src/core/fixes';
import { Finding } from '../../server/src/core/findings';
import { decodePlanBytes, encodePlanText, PlanEncoding } from '../../server/src/readers/encoding';

const ROOT = path.resolve(__dirname, '../../..');

function finding(code: Finding['code'], start: number, end: number, fixes: { newText: string; preferred?: boolean; start?: number; end?: number }[]): Finding {
  return { code, start, end, severity: 'warning', message: '', related: [], fixes: fixes.map((f) => ({ title: f.newText, start: f.start ?? start, end: f.end ?? end, newText: f.newText, preferred: f.preferred })) };
}

describe('preferred fixes applied together', () => {
  it('takes each finding\'s first preferred fix, in text order, of one code when asked', () => {
    const findings = [
      finding('misquote', 10, 12, [{ newText: 'b' }, { newText: 'B', preferred: true }]),
      finding('unknown-task', 0, 2, [{ newText: 'a', preferred: true }]),
      finding('unknown-task', 5, 6, [{ newText: 'question' }]),
    ];
    assert.deepStrictEqual(preferredFixes(findings).map((f) => f.newText), ['a', 'B']);
    assert.deepStrictEqual(preferredFixes(findings, 'misquote').map((f) => f.newText), ['B']);
  });

  it('leaves out a fix that overlaps one before it, or writes the same span again', () => {
    const findings = [
      finding('threshold-mismatch', 0, 4, [{ newText: 'x', preferred: true }]),
      finding('misquote', 2, 6, [{ newText: 'y', preferred: true }]),
      finding('reversed-wording', 0, 4, [{ newText: 'z', preferred: true }]),
      finding('uncited-task', 6, 6, [{ newText: 'w', preferred: true }]),
    ];
    const fixes = preferredFixes(findings);
    assert.deepStrictEqual(fixes.map((f) => f.newText), ['x', 'w']);
    assert.strictEqual(applyFixes('0123456789', fixes), 'x45w6789');
  });

  it('fixes a plan\'s findings so that checking it again finds none of them', () => {
    const { checker } = loadEngine(ROOT);
    const text = '1. 落实表1第12项，中方股比不低于51%。\n2. 探索文化企业贷款“黑名单”制度（表3第17项）。\n3. 落实表1第58项。\n';
    const before = checker.analyze(text, { locale: 'zh' });
    const fixed = applyFixes(text, preferredFixes(before.findings));
    assert.strictEqual(fixed, '1. 落实表1第12项，中方股比不低于67%。\n2. 探索文化企业贷款“白名单”制度（表3第17项）。\n3. 落实表1第58项。\n');
    const after = checker.analyze(fixed, { locale: 'zh' });
    // the nearest task of 表1第58项 is a question, offered but not preferred: left for the drafter
    assert.deepStrictEqual(after.findings.map((f) => f.code), ['unknown-task']);
  });
});

describe('a plan\'s text written back in its encoding', () => {
  const text = '落实表1第12项，中方股比不低于67%。\r\n二、保障措施 ——「两业」融合\r\n';
  for (const encoding of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'] as PlanEncoding[]) {
    it(`reads back as it was written, in ${encoding}`, () => {
      const bytes = encodePlanText(text, encoding);
      const read = decodePlanBytes(bytes, 'plan.txt');
      assert.strictEqual(read.text, text);
      assert.strictEqual(read.encoding, encoding);
    });
  }

  it('writes GB18030 as Windows tools do (two bytes a hanzi, no BOM)', () => {
    const bytes = Buffer.from(encodePlanText('表1', 'gb18030'));
    assert.strictEqual(bytes.toString('hex'), 'b1ed31');
  });
});
