// The plan's spellings of its units (server/src/core/unitSpellings.ts): what each paragraph names, the short names it
// declares, and what the plan tells each paragraph — the same object while the plan's names stay the same.
import * as assert from 'assert';
import * as path from 'path';
import { buildParagraphModel, EMPTY_CONTEXT } from '../../server/src/core/planModel';
import { NO_UNIT_FACTS, planSpellings, preferredOver, UnitFacts, unitFacts } from '../../server/src/core/unitSpellings';
import { loadEngine } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../../..');
const { checker, index } = loadEngine(ROOT);
/** Paragraphs whose facts were read already (StructuredParagraph's), as the walk gives them to planSpellings. */
const paragraphs = (...facts: UnitFacts[]) => facts.map((f) => ({ result: { model: { text: '', blocks: [] }, unitFacts: f } }));
const factsOf = (text: string) => unitFacts(buildParagraphModel(text, EMPTY_CONTEXT, index, checker.context.matcher));

describe('the plan\'s spellings of its units', () => {
  it('reads the units a paragraph assigns where it writes them: parentheses, labelled lines, table cells', () => {
    const text = '1. 推动数字人民币试点扩面（表1第35项）。（区金融局牵头，区财政局配合）\n牵头单位：区商务局；配合单位：区人社局、各有关单位';
    const facts = factsOf(text);
    assert.deepStrictEqual(facts.mentions.map((m) => m.name).sort(), ['区人社局', '区商务局', '区财政局', '区金融局']);
    for (const m of facts.mentions) assert.strictEqual(text.slice(m.start, m.end), m.name);
    const table = '| 序号 | 任务 | 牵头单位 | 配合单位 |\n| --- | --- | --- | --- |\n| 1 | 表1第35项 | 区金融工作局 | 区财政局 |';
    const cells = factsOf(table);
    assert.deepStrictEqual(cells.mentions.map((m) => [m.name, table.slice(m.start, m.end)]), [['区金融工作局', '区金融工作局'], ['区财政局', '区财政局']]);
  });

  it('reads no unit from prose, a district or a collective; a paragraph that names none shares one empty fact', () => {
    assert.strictEqual(factsOf('区工信局要加强统筹，定期调度进展。'), NO_UNIT_FACTS);
    assert.strictEqual(factsOf('1. 支持企业开展保税展示交易业务（表1第14项）。（黄埔区牵头，各有关部门配合）'), NO_UNIT_FACTS);
  });

  it('reads the short names a paragraph declares (以下简称), the full name before them', () => {
    assert.deepStrictEqual(factsOf('　　为加强统筹，区工业和信息化局（以下简称“区工信局”）负责本方案实施。').declared, [['区工业和信息化局', '区工信局']]);
    assert.deepStrictEqual(factsOf('市发展和改革委员会(简称市发展改革委)牵头。').declared, [['市发展和改革委员会', '市发展改革委']]);
  });

  it('tells a paragraph the other names of its units, and the same object while the plan\'s names stay the same', () => {
    const a = factsOf('1. 推动数字人民币试点扩面（表1第35项）。（区工业和信息化局牵头）');
    const b = factsOf('2. 支持企业开展保税展示交易业务（表1第14项）。（区工信局牵头）');
    const plain = factsOf('3. 允许外商投资社会调查（表1第12项）。（区商务局牵头）');
    const first = planSpellings(paragraphs(a, NO_UNIT_FACTS, b, plain)).of(b);
    assert.deepStrictEqual(first && [...first.of], [['区工信局', { uses: 1, others: [{ name: '区工业和信息化局', uses: 1 }] }]]);
    assert.strictEqual(planSpellings(paragraphs(a, NO_UNIT_FACTS, b, plain)).of(plain), undefined);
    // another paragraph that names the same units as often (an edit elsewhere): the same object, so a memo keeps
    const again = factsOf('3. 允许外商投资社会调查（表1第12项）。（区商务局牵头）');
    assert.strictEqual(planSpellings(paragraphs(a, b, again)).of(b), first);
    // a third name: told anew
    const third = factsOf('4. 鼓励外国机构引进国际化优质项目落户（表1第15项）。（区工信局牵头）');
    const told = planSpellings(paragraphs(a, b, again, third)).of(b);
    assert.notStrictEqual(told, first);
    assert.deepStrictEqual(told && told.of.get('区工信局'), { uses: 2, others: [{ name: '区工业和信息化局', uses: 1 }] });
  });

  it('compares the names of no more units than a plan names (400): a text of thousands is told nothing', () => {
    const chars = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
    const units = [...chars].flatMap((a) => [...chars].map((b) => `市${a}${b}委`));
    const named = (names: string[]) => names.map((u, i) => factsOf(`${i + 1}. 推动数字人民币试点扩面（表1第35项）。（${u}牵头）`));
    const pair = named(['区工信局', '区工业和信息化局']);
    assert.ok(planSpellings(paragraphs(...pair, ...named(units.slice(0, 398)))).of(pair[0]), 'a plan of 400 names');
    assert.strictEqual(planSpellings(paragraphs(...pair, ...named(units.slice(0, 399)))).of(pair[0]), undefined);
  });

  it('prefers the name used most, then the longer', () => {
    assert.deepStrictEqual(preferredOver('区工信局', { uses: 1, others: [{ name: '区工业和信息化局', uses: 1 }] }), { name: '区工业和信息化局', uses: 1 });
    assert.strictEqual(preferredOver('区工业和信息化局', { uses: 1, others: [{ name: '区工信局', uses: 1 }] }), undefined);
    assert.deepStrictEqual(preferredOver('区工业和信息化局', { uses: 1, others: [{ name: '区工信局', uses: 2 }] }), { name: '区工信局', uses: 2 });
    assert.deepStrictEqual(preferredOver('区金融局', { uses: 1, others: [{ name: '区地方金融监督管理局', uses: 1 }, { name: '区金融工作局', uses: 2 }] }), { name: '区金融工作局', uses: 2 });
  });
});
