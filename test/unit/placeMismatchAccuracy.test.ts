// place-mismatch (a task the source gives one pilot area, put in another by the sentence that cites it, by the district
// that leads it or by the heading above it) measured through the whole analyser on its labelled set
// (test/fixtures/places/spans.jsonl: 32 sentences and rows that put a task of 表3 in another area, 8 items led by a
// district of another area, 8 under another area's heading or a district plan's title, 12 items and rows that cite
// nothing but restate such a task in another area, led by one or under one's heading; and 53 that name the task's own
// area, another as a model or partner, a unit or an assigned district, a quotation, a city's plan, the own district or a
// city's unit leading, or a task of no area, 11 of them restating without citing) and, as spans that must not be flagged,
// the 414 of the meaning set. Prints
// precision and recall; fails below 95% / 85% (a false flag tells a drafter the plan claims another district's pilot).
import * as assert from 'assert';
import * as path from 'path';
import { loadEngine } from '../../server/src/engine';
import { pilotAreas } from '../../server/src/core/pilotAreas';
import { planTitle } from '../../server/src/core/planStructure';
import { flagsOnMeaningSet, readJsonLines, reportAccuracy } from '../fixtures/meaning/meaningSpans';

const ROOT = path.resolve(__dirname, '../../..');
const { checker, index } = loadEngine(ROOT);

interface PlaceSpan {
  id: string;
  text: string;
  /** The words a finding must cover, exactly (the place written, or the reference under a heading); null: nothing out of place. */
  flag: string | null;
  note: string;
}

const labelled = readJsonLines<PlaceSpan>(ROOT, 'test/fixtures/places/spans.jsonl');

function flagsOf(text: string) {
  return checker.analyze(text, { locale: 'zh' }).findings.filter((f) => f.code === 'place-mismatch');
}

describe('place-mismatch on its labelled set', () => {
  it('is well-formed: unique ids, each flagged word in its text, enough of each kind', () => {
    assert.strictEqual(new Set(labelled.map((s) => s.id)).size, labelled.length);
    for (const s of labelled) if (s.flag) assert.ok(s.text.includes(s.flag), s.id);
    assert.ok(labelled.filter((s) => s.flag).length >= 60 && labelled.filter((s) => !s.flag).length >= 53);
  });

  it('reads the source\'s pilot areas from its categories, each name of one area only', () => {
    const areas = pilotAreas(index.sources);
    assert.strictEqual(areas.length, 5);
    // 表3's tasks, and the two tasks of other tables whose own text names one area (表1第8项 南沙新区, 表2第16项 中新广州知识城);
    // not 表1第36项, which names two (南沙明珠湾, 黄埔港)
    assert.strictEqual(areas.reduce((n, a) => n + a.tasks.size, 0), index.tasks.filter((t) => t.table === 3).length + 2);
    assert.deepStrictEqual(areas.filter((a) => a.tasks.has('T1.8') || a.tasks.has('T2.16')).map((a) => a.names[0]), ['广州南沙', '中新广州知识城']);
    assert.ok(!areas.some((a) => a.tasks.has('T1.36')));
    const names = areas.flatMap((a) => a.names);
    assert.strictEqual(new Set(names).size, names.length);
    // a zone's generic ending alone (开发区, 高新区) and a zone that spans areas (…试验区 before 琶洲核心区) name no area
    for (const generic of ['开发区', '高新区', '人工智能与数字经济试验区']) assert.ok(!names.includes(generic), generic);
  });

  it('reads no area out of a category that opens with a scope, not a place (another source\'s)', () => {
    const tasks = ['在全市范围内推进政务服务标准化', '在各区开展试点', '在重点领域深化改革', '在有条件的地区探索建设', '在符合条件的园区推动发展', '在前海深化打造国际商事调解中心']
      .map((category, k) => ({ id: `T9.${k + 1}`, category, text: '' }));
    assert.deepStrictEqual(pilotAreas([{ meta: { title: '深圳市服务业扩大开放综合试点总体方案' }, tasks }]).map((a) => [a.title, [...a.tasks]]), [['前海', ['T9.6']]]);
  });

  it('gives a task of no area\'s category the one area its text names, by a name the source gives or a zone\'s own with its ending', () => {
    const tasks = [
      { id: 'T9.1', category: '在前海深化打造国际商事调解中心', text: '建设国际商事调解中心。' },
      { id: 'T9.2', category: '专业服务', text: '推进前海片区港澳专业人士执业试点。' },
      { id: 'T9.3', category: '专业服务', text: '推进前海湾景观提升。' },
      { id: 'T9.4', category: '专业服务', text: '推动前海等地开展试点。' },
    ];
    const [area] = pilotAreas([{ meta: { title: '深圳市服务业扩大开放综合试点总体方案' }, tasks }]);
    // 前海片区 names the area; 前海湾 and 前海等地 only hold its short name
    assert.deepStrictEqual([...area.tasks], ['T9.1', 'T9.2']);
    // another source's task that names the place is not that source's area's
    const other = { meta: { title: '东莞市服务业扩大开放综合试点总体方案' }, tasks: [{ id: 'DG:T1.1', category: '专业服务', text: '学习前海片区经验。' }] };
    assert.deepStrictEqual([...pilotAreas([{ meta: { title: '深圳市服务业扩大开放综合试点总体方案' }, tasks }, other])[0].tasks], ['T9.1', 'T9.2']);
  });

  it('flags tasks out of their area with precision ≥ 95% and recall ≥ 85%, on the place or the reference', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    const wrong: string[] = [];
    for (const s of labelled) {
      const flags = flagsOf(s.text);
      if (s.flag) {
        const at = s.text.indexOf(s.flag);
        const hit = flags.find((f) => f.start === at && f.end === at + s.flag!.length);
        if (hit) tp++;
        else {
          fn++;
          misses.push(`${s.id} (${s.note}) ${s.flag} in ${s.text}${flags.length ? ` — flagged: ${flags.map((f) => s.text.slice(f.start, f.end)).join('、')}` : ''}`);
        }
        fp += flags.filter((f) => f !== hit).length;
      } else {
        fp += flags.length;
        for (const f of flags) wrong.push(`${s.id} (${s.note}): ${f.message}`);
      }
    }
    // the meaning set's spans are plan text that puts no task out of its area (each in its plan as the meaning checks read it)
    const onMeaningSet = flagsOnMeaningSet(flagsOf);
    const { precision, recall } = reportAccuracy('place-mismatch', `${labelled.length} spans and the meaning set's 414`, { tp, fp: fp + onMeaningSet.length, fn }, misses, [...wrong, ...onMeaningSet]);
    assert.ok(precision >= 0.95, `precision ${precision}`);
    assert.ok(recall >= 0.85, `recall ${recall}`);
  });
});

describe("the plan's title, which place-mismatch and missing-area-task read (planTitle), on its labelled set", () => {
  // test/fixtures/places/titles.jsonl: first paragraphs of plans and notices, 22 titles (a district's 实施方案, 工作方案,
  // 行动计划（2023—2025年）, 工作要点, 任务分工表, a notice that quotes the plan's title, two lines, in bold, as a Markdown
  // heading) and 28 that are not (附件1, a file number, the addressees, the opening sentence, outline headings, an item,
  // a table's header, the issuing unit and its date, a closing sentence, 附表：…分工表, three short lines)
  const set = readJsonLines<{ id: string; text: string; title: boolean }>(ROOT, 'test/fixtures/places/titles.jsonl');

  it('tells titles from the rest with precision ≥ 95% and recall ≥ 90%, each title as written', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    const wrong: string[] = [];
    for (const s of set) {
      const title = planTitle(s.text.trim());
      if (title && s.title) {
        tp++;
        // as written: Markdown's marks and the lines' breaks aside, brackets and 《》 kept
        assert.strictEqual(title, s.text.replace(/^#+ /, '').replace(/\*\*/g, '').replace(/\n/g, ''), s.id);
      } else if (title) fp++, wrong.push(`${s.id}: ${s.text}`);
      else if (s.title) fn++, misses.push(`${s.id}: ${s.text}`);
    }
    assert.ok(set.filter((s) => s.title).length >= 22 && set.filter((s) => !s.title).length >= 28);
    const { precision, recall } = reportAccuracy('planTitle', `${set.length} first paragraphs`, { tp, fp, fn }, misses, wrong);
    assert.ok(precision >= 0.95, `precision ${precision}`);
    assert.ok(recall >= 0.9, `recall ${recall}`);
  });
});
