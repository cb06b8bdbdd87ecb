// The documents a plan cites (documentCitations.ts): titles and 文号 as plans write them, and how they stand to the
// sources' own; document-mismatch with two sources loaded.
import * as assert from 'assert';
import * as path from 'path';
import {
  docNumbersIn, noticeTitle, numberFormatProblems, numberedTitles, sameNumber, sourceNumber, standardNumberPart, titleRelation, titleSource, titlesIn,
} from '../../server/src/core/documentCitations';
import { buildEngine } from '../../server/src/engine';
import { loadDefaultIndex, loadExtraSource, loadRules } from '../../server/src/indexLoader';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TITLE = '广州市服务业扩大开放综合试点总体方案';

describe('document citations', () => {
  it('reads a 文号 as written: its 机关代字 (or the words ending in it), year, serial, brackets, 第', () => {
    const [n] = docNumbersIn('根据穗府办（2023）第05号文件');
    assert.deepStrictEqual(
      { agency: n.agency, open: n.open, close: n.close, year: n.year, ordinal: n.ordinal, serial: n.serial, yearStart: n.yearStart, end: n.end },
      { agency: '根据穗府办', open: '（', close: '）', year: 2023, ordinal: true, serial: 5, yearStart: 5, end: 15 },
    );
    assert.strictEqual(standardNumberPart(n), '〔2023〕5号');
    assert.deepStrictEqual(numberFormatProblems(n), ['brackets', 'ordinal', 'padding']);
    assert.deepStrictEqual(numberFormatProblems(docNumbersIn('商资发〔2022〕212号')[0]), []);
    assert.deepStrictEqual(numberFormatProblems(docNumbersIn('商资发〔22〕212号')[0]), ['short-year']);
  });

  it('reads no 文号 in other numbers: a building, a line, a room, a court case, mismatched brackets, a year of two digits in other brackets', () => {
    for (const text of ['科学城（2023）3号楼', '地铁（2023）5号线', '中心（2023）3号室', '（2022）粤0106民初123号', '商资发（2022〕212号', '附件（12）3号', '商资发〔1900〕3号']) {
      assert.deepStrictEqual(docNumbersIn(text), [], text);
    }
  });

  it('tells the source\'s 文号 however its form is written, and not another', () => {
    const own = sourceNumber({ title: TITLE, docNumber: '商资发〔2022〕212号', issuer: '', date: '' })!;
    assert.strictEqual(own.agency, '商资发');
    for (const same of ['商资发[2022]212号', '按照商资发〔2022〕第0212号', '商资发（2022）212号']) assert.ok(sameNumber(docNumbersIn(same)[0], own), same);
    for (const other of ['商资函〔2022〕212号', '商资发〔2023〕212号', '商资发〔2022〕21号']) assert.ok(!sameNumber(docNumbersIn(other)[0], own), other);
    assert.strictEqual(sourceNumber({ title: TITLE, docNumber: '', issuer: '', date: '' }), undefined);
  });

  it('tells a slip of a source\'s title from another document\'s', () => {
    assert.strictEqual(titleRelation(TITLE, TITLE), 'same');
    assert.strictEqual(titleRelation(`${TITLE.slice(0, 6)} ${TITLE.slice(6)}`, TITLE), 'same', 'whitespace aside');
    for (const slip of ['广州市服务业扩大开放试点总体方案', '广州服务业扩大开放综合试点总体方案', '广州市扩大服务业开放综合试点总体方案', '广州市服务业扩大对外开放综合试点总体方案', '广州市服务业扩大开放综合试点方案']) {
      assert.strictEqual(titleRelation(slip, TITLE), 'slip', slip);
    }
    for (const other of [
      '北京市服务业扩大开放综合试点总体方案', '广州市服务业扩大开放综合试点实施方案', '广州市服务业扩大开放综合试点2025年工作方案',
      '服务业扩大开放综合试点总体方案', `${TITLE}解读`, '广州市服务业扩大开放综合试点总体工作方案', '黄埔区服务业扩大开放综合试点总体方案',
      '广州市服务业扩大开放综合试点', '总体方案',
    ]) {
      assert.strictEqual(titleRelation(other, TITLE), 'other', other);
    }
  });

  it('reads the innermost title, and pairs a title with the 文号 right after it, or the only ones of a sentence', () => {
    const text = `《商务部关于印发〈${TITLE}〉的通知》（商资发〔2022〕212号）`;
    const titles = titlesIn(text);
    assert.deepStrictEqual(titles.map((t) => t.title), [TITLE]);
    const pairs = numberedTitles(text, titles, docNumbersIn(text));
    assert.strictEqual(pairs.get(titles[0])?.adjacent, true);
    const far = `商务部以商资发〔2022〕21号文印发《${TITLE}》`;
    const farTitles = titlesIn(far);
    assert.strictEqual(numberedTitles(far, farTitles, docNumbersIn(far)).get(farTitles[0])?.adjacent, false);
    const two = `《甲方案》（甲发〔2022〕1号）和《${TITLE}》，以及乙发〔2022〕2号`;
    const twoTitles = titlesIn(two);
    const twoPairs = numberedTitles(two, twoTitles, docNumbersIn(two));
    assert.strictEqual(twoPairs.size, 1, 'the second title has no 文号 right after it, and the sentence has two');
    assert.strictEqual(twoPairs.get(twoTitles[0])?.number.serial, 1);
  });

  it('with two sources, judges each title against its own source, and a slip of both against neither', () => {
    const base = loadDefaultIndex(ROOT);
    const sz = loadExtraSource(path.join(ROOT, 'test', 'fixtures', 'sources', 'shenzhen.md'), 'SZ');
    const { checker } = buildEngine([base, sz], loadRules(ROOT));
    const flagged = (text: string) => checker.analyze(text, { locale: 'zh' }).findings.filter((f) => f.code === 'document-mismatch').map((f) => text.slice(f.start, f.end));
    const SZ = sz.meta.title;
    assert.deepStrictEqual(flagged(`落实《${SZ}》（深试发〔2024〕9号）和《${TITLE}》（商资发〔2022〕212号）。`), []);
    assert.deepStrictEqual(flagged(`落实《${SZ}》（商资发〔2022〕212号）。`), ['商资发〔2022〕212号'], "the default source's 文号 under the other's title");
    assert.deepStrictEqual(flagged(`落实《${TITLE}》（深试发〔2024〕9号）。`), ['深试发〔2024〕9号']);
    assert.strictEqual(titleSource(SZ.replace('综合', ''), checker.context.documents)?.source.meta.title, SZ);
    // the notice that issues a source, from its head: the default source has one, the test source none
    const [own, other] = checker.context.documents;
    assert.strictEqual(noticeTitle(own), `商务部关于印发〈${TITLE}〉的通知`);
    assert.strictEqual(noticeTitle(other), undefined);
    // two sources whose titles differ by a word: a title without it is a slip of both, so of neither
    const doc = (title: string) => ({ meta: { title, docNumber: '', issuer: '', date: '' } });
    const pair = [doc('甲市服务业扩大开放综合试点总体方案'), doc('甲市服务业扩大开放全面试点总体方案')];
    assert.strictEqual(titleSource('甲市服务业扩大开放试点总体方案', pair), undefined);
    assert.strictEqual(titleSource('甲市服务业扩大开放综合试点总体方案', pair)?.relation, 'same');
  });
});
