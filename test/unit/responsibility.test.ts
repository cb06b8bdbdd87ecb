// Lead units, partners and deadlines: the labelled fixtures of test/fixtures/responsibilities/*.json through the pure
// readers, the pilot window from the source, and the four checks over test/fixtures/checks/{missing-lead-unit,missing-deadline,deadline-outside-pilot,invalid-deadline}.md.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { splitParagraphs } from '../../server/src/core/analyze';
import { StructureWalk } from '../../server/src/core/planStructure';
import { sourceWindow } from '../../server/src/core/checks/deadlineOutsidePilot';
import { issueDateIn, parseYearMonth, pilotWindow, placeInWindow, readDates, readDeadlines, readPilotYears } from '../../server/src/core/deadlines';
import { Finding } from '../../server/src/core/findings';
import { Block, buildParagraphModel, cellSpans, EMPTY_CONTEXT } from '../../server/src/core/planModel';
import { Assignment, declaresFirstLeads, firstLeadsDeclaration, isUnitName, readAssignment, readHeadingAssignment, readRowAssignment } from '../../server/src/core/responsibility';
import { blockAssignment, labelLinesAfter, nextOutline, planAssignsLeadUnits, ResponsibilityRun } from '../../server/src/core/itemAssignment';
import { headingLikeLine, tableRowStarts } from '../../server/src/core/scopes';
import { formatAssignment, responsibilityMessages } from '../../server/src/core/responsibilityMessages';
import { loadEngine } from '../../server/src/engine';
import { offsetOf, ROOT } from '../fixtures/checks/cases';

const DIR = path.join(ROOT, 'test', 'fixtures', 'responsibilities');
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as T;

interface Expected {
  lead: string | null;
  coLeads?: string[];
  partners: string[];
  named?: string[];
  deadline?: string | null;
  /** A written 完成时限 that names no date (长期坚持); null: none. Omitted: not asserted. */
  term?: string | null;
}

/** Every unit and the deadline sit where their offsets say, in the text (or cell) they were read from. */
function assertOffsets(where: string, a: Assignment, textOf: (cell: number | undefined) => string): void {
  const all = [a.lead, ...(a.coLeads ?? []), ...a.partners, ...(a.named ?? [])].filter((u) => u !== undefined);
  for (const u of all) {
    const at = textOf(u!.cell).slice(u!.start, u!.end);
    assert.strictEqual(at, u!.name, `${where}: the unit "${u!.name}" is said to be at ${u!.start}–${u!.end}, where the text is "${at}"`);
  }
  for (const d of [a.deadline, a.term]) {
    if (!d) continue;
    const at = textOf(d.cell).slice(d.start, d.end);
    assert.strictEqual(at, d.text, `${where}: the deadline "${d.text}" is said to be at ${d.start}–${d.end}, where the text is "${at}"`);
  }
}

function assertAssignment(where: string, a: Assignment, e: Expected): void {
  const names = (us: { name: string }[] | undefined) => (us ?? []).map((u) => u.name);
  assert.strictEqual(a.lead?.name ?? null, e.lead, `${where}: the lead is ${a.lead?.name ?? 'none'}, the fixture says ${e.lead ?? 'none'}`);
  assert.deepStrictEqual(names(a.partners), e.partners, `${where}: the partners are ${JSON.stringify(names(a.partners))}`);
  if (e.coLeads) assert.deepStrictEqual(names(a.coLeads), e.coLeads, `${where}: the co-leads are ${JSON.stringify(names(a.coLeads))}`);
  if (e.named) assert.deepStrictEqual(names(a.named), e.named, `${where}: the units named without a role are ${JSON.stringify(names(a.named))}`);
  if (e.deadline !== undefined) {
    assert.strictEqual(a.deadline?.text ?? null, e.deadline, `${where}: the deadline is ${a.deadline?.text ?? 'none'}, the fixture says ${e.deadline ?? 'none'}`);
  }
  if (e.term !== undefined) assert.strictEqual(a.term?.text ?? null, e.term, `${where}: the written term is ${a.term?.text ?? 'none'}, the fixture says ${e.term ?? 'none'}`);
}

const assignments = read<{ case: string; text: string; firstLeads?: boolean; expect: Expected }[]>('assignments.json');
const headings = read<{ case: string; text: string; expect: Expected }[]>('headings.json');
const rows = read<{ case: string; header: string[]; cells: string[]; expect: Expected }[]>('rows.json');
const dates = read<{ case: string; text: string; standalone?: boolean; expect: Record<string, unknown>[] }[]>('dates.json');
const windows = read<{ case: string; text: string; pilotEnd?: string; expect: 'inside' | 'before' | 'after' }[]>('windows.json');

describe('responsibility fixtures', () => {
  it('hold at least 60 labelled cases across the conventions', () => {
    const total = assignments.length + headings.length + rows.length + dates.length + windows.length;
    assert.ok(total >= 60, `only ${total} fixtures`);
    assert.ok(assignments.some((c) => c.expect.lead === null), 'no unowned item among the assignment fixtures');
    assert.ok(dates.some((c) => c.expect.some((d) => d.valid === false)), 'no invalid date among the date fixtures');
    assert.ok(dates.some((c) => c.expect.some((d) => d.deadline === false)), 'no date that is not a deadline among the date fixtures');
    assert.ok(windows.some((c) => c.expect === 'after') && windows.some((c) => c.expect === 'before'), 'the window fixtures lack a case outside it');
  });
});

describe('readAssignment', () => {
  for (const c of assignments) {
    it(c.case, () => {
      const a = readAssignment(c.text, { firstLeads: !!c.firstLeads });
      assertAssignment(`"${c.text}"`, a, c.expect);
      assertOffsets(`"${c.text}"`, a, () => c.text);
    });
  }
});

describe('readHeadingAssignment', () => {
  for (const c of headings) {
    it(c.case, () => {
      const a = readHeadingAssignment(c.text);
      assertAssignment(`"${c.text}"`, a, c.expect);
      assertOffsets(`"${c.text}"`, a, () => c.text);
    });
  }
});

describe('readRowAssignment', () => {
  for (const c of rows) {
    it(c.case, () => {
      const a = readRowAssignment(c.header, c.cells);
      const where = `| ${c.cells.join(' | ')} |`;
      assertAssignment(where, a, c.expect);
      assertOffsets(where, a, (cell) => {
        assert.notStrictEqual(cell, undefined, `${where}: a unit or deadline of a row does not say which cell it is in`);
        return c.cells[cell!];
      });
    });
  }
});

describe('readDates', () => {
  for (const c of dates) {
    it(c.case, () => {
      const found = readDates(c.text, { standalone: c.standalone });
      assert.strictEqual(found.length, c.expect.length, `"${c.text}": found ${JSON.stringify(found.map((d) => d.text))}, the fixture expects ${c.expect.length} dates`);
      c.expect.forEach((e, i) => {
        for (const [key, value] of Object.entries(e)) {
          assert.deepStrictEqual((found[i] as unknown as Record<string, unknown>)[key], value, `"${c.text}": date ${i + 1} ("${found[i].text}") has ${key} = ${JSON.stringify((found[i] as unknown as Record<string, unknown>)[key])}, not ${JSON.stringify(value)}`);
        }
        assert.strictEqual(c.text.slice(found[i].start, found[i].end), found[i].text, `"${c.text}": date ${i + 1} is not at its offsets`);
      });
    });
  }

  it('readDeadlines keeps exactly the deadlines', () => {
    const text = '根据2022年12月29日印发的总体方案，2025年6月底前完成，截至2023年底已建成3个。';
    assert.deepStrictEqual(readDeadlines(text).map((d) => d.text), ['2025年6月底前'], 'only the phrase ending with 底前 is a deadline');
  });
});

describe('the plan\'s own date (issueDateIn)', () => {
  it('is the last line that is a whole date alone, under the issuing unit or not, in any numerals', () => {
    assert.deepStrictEqual(issueDateIn('某区人民政府办公室\n\n2023年5月10日'), { ymd: 20230510, text: '2023年5月10日', before: '某区人民政府办公室' });
    assert.deepStrictEqual(issueDateIn('　　二〇二三年五月十日　\r\n'), { ymd: 20230510, text: '二〇二三年五月十日', before: '' });
    assert.deepStrictEqual(issueDateIn('2023年5月10日\n附件：分工表\n2024年1月2日'), { ymd: 20240102, text: '2024年1月2日', before: '附件：分工表' });
  });
  it('is no date with words around it, a month, a period or a date that does not exist', () => {
    for (const t of ['2023年5月10日前', '2023年5月10日印发', '自2023年5月10日起施行', '2023年5月', '2023年5月底', '2023年2月30日', '（2023年5月10日）']) {
      assert.strictEqual(issueDateIn(t), undefined, t);
    }
  });
});

describe('the pilot window', () => {
  const source = { date: '2022-12-29' };
  const window = pilotWindow(source, 3)!;

  it('runs from the source date through the same month as many years later as the source says', () => {
    assert.deepStrictEqual(window, { from: { year: 2022, month: 12, day: 29 }, to: { year: 2025, month: 12 } });
    assert.deepStrictEqual(pilotWindow({ date: '2019-06-15' }, 2), { from: { year: 2019, month: 6, day: 15 }, to: { year: 2021, month: 6 } },
      'another date and length give another window: nothing is fixed to this source');
  });

  it('reads the pilot length from the source text, in Arabic or Chinese numerals', () => {
    assert.strictEqual(readPilotYears('经过3年试点，通过放宽市场准入'), 3);
    assert.strictEqual(readPilotYears('经过五年试点'), 5);
    assert.strictEqual(readPilotYears('试点期为两年'), 2);
    assert.strictEqual(readPilotYears('放宽市场准入'), undefined, 'a text that states no pilot length has none');
  });

  it('is read from the loaded source itself: 2022年12月29日 and 经过3年试点', () => {
    const { index } = loadEngine(ROOT);
    assert.deepStrictEqual(sourceWindow(index), window, 'the window of data/index.json and its facts');
    assert.deepStrictEqual(sourceWindow(index, '2026-12')?.to, { year: 2026, month: 12 }, 'policyLens.structure.pilotEnd overrides the end');
  });

  it('has its end overridden by pilotEnd, and refuses an override it cannot read', () => {
    assert.deepStrictEqual(pilotWindow(source, 3, '2026-12')!.to, { year: 2026, month: 12 });
    assert.deepStrictEqual(pilotWindow(source, undefined, '2026-12')!.to, { year: 2026, month: 12 }, 'an override needs no pilot length');
    assert.throws(() => pilotWindow(source, 3, '2026年12月'), /YYYY-MM/, 'an unreadable override is an explicit error');
    assert.throws(() => parseYearMonth('2026-13'), /YYYY-MM/, 'month 13 is no month');
    assert.throws(() => pilotWindow({ date: '29.12.2022' }, 3), /source's date/, 'an unreadable source date is an explicit error');
  });

  it('is undefined when the source gives no date, or neither a length nor an override', () => {
    assert.strictEqual(pilotWindow({ date: '' }, 3), undefined);
    assert.strictEqual(pilotWindow(source, undefined), undefined);
  });

  for (const c of windows) {
    it(`places deadlines: ${c.case}`, () => {
      const w = c.pilotEnd ? pilotWindow(source, 3, c.pilotEnd)! : window;
      const [d] = readDates(c.text, { standalone: true });
      assert.ok(d, `"${c.text}" is not read as a date`);
      assert.strictEqual(placeInWindow(d, w) ?? 'inside', c.expect, `"${c.text}" against ${JSON.stringify(w)}`);
    });
  }
});

describe('an assignment as hover shows it', () => {
  it('lists the lead, the partners and the deadline in the editor\'s language', () => {
    const a = readAssignment('牵头单位：区发展改革局；配合单位：区财政局、区税务局；完成时限：2025年6月。', { firstLeads: false });
    assert.deepStrictEqual(formatAssignment(a, responsibilityMessages('zh')), ['牵头单位：区发展改革局', '配合单位：区财政局、区税务局', '完成时限：2025年6月']);
    assert.deepStrictEqual(formatAssignment(a, responsibilityMessages('en')), ['Lead unit: 区发展改革局', 'Partners: 区财政局、区税务局', 'Deadline: 2025年6月']);
  });

  it('says where a lead comes from a heading, and when there is none', () => {
    const h = readHeadingAssignment('一、商务服务（区商务局牵头）');
    assert.deepStrictEqual(formatAssignment({ ...h, heading: '一、商务服务（区商务局牵头）' }, responsibilityMessages('zh')), ['牵头单位：区商务局（见标题“一、商务服务（区商务局牵头）”）']);
    assert.deepStrictEqual(formatAssignment({ partners: [] }, responsibilityMessages('zh')), ['牵头单位：未明确']);
  });

  it('says so when a nested item takes its lead from the item it is part of', () => {
    const text = '1. 推进跨境贸易便利化（区商务局牵头，2025年底前完成）\n   - 支持企业开展保税展示交易业务（表1第14项）。\n';
    const blocks = [
      { kind: 'item', start: 0, end: text.indexOf('\n'), headings: [], references: [] },
      { kind: 'item', start: text.indexOf('\n') + 1, end: text.length - 1, headings: [], references: [] },
    ] as unknown as Block[];
    const a = blockAssignment(text, blocks, blocks[1], false, {}, true);
    assert.deepStrictEqual([a.lead?.name, a.leadFrom, a.deadline?.text], ['区商务局', 'parent', '2025年底前']);
    assert.deepStrictEqual(formatAssignment(a, responsibilityMessages('zh')),
      ['牵头单位：区商务局（见上级条目“推进跨境贸易便利化（区商务局牵头，2025年底前完成）”）', '完成时限：2025年底前']);
  });
});

describe('declarations and plans', () => {
  it('recognises the declarations that the first unit of a list leads', () => {
    for (const t of ['（市科技局、市经信局，列第一位的为牵头单位，下同）', '列在第一位的单位为牵头单位', '排在首位的为牵头部门', '第一个单位为牵头单位', '排名第一的为牵头单位', '排序第一的单位为牵头单位']) {
      assert.ok(declaresFirstLeads(t), `"${t}" declares that the first unit leads`);
    }
    for (const t of ['（市科技局、市经信局）', '牵头单位：市科技局', '列入第一批试点']) assert.ok(!declaresFirstLeads(t), `"${t}" declares nothing`);
  });

  it('tells a note of the plan\'s, which holds for the lists before it too, from a declaration after a list', () => {
    const plan = (t: string) => firstLeadsDeclaration(t)?.plan;
    for (const t of ['注：排在第一位的为牵头单位。', '　　（排在第一位的为牵头单位）', '各项任务括号内列第一位的为牵头单位。', '1. 推进改革（表1第1项）。\n备注：列第一位的为牵头单位']) {
      assert.strictEqual(plan(t), true, `"${t}" is a note of the plan's`);
    }
    // after units on its line, or saying 以下 / 下同: from there on
    for (const t of ['（市科技局、市经信局，列第一位的为牵头单位）', '责任单位：区商务局、区司法局。排在第一位的为牵头单位', '（以下列第一位的为牵头单位）', '排在第一位的为牵头单位，下同。']) {
      assert.strictEqual(plan(t), false, `"${t}" holds from there on`);
    }
    assert.strictEqual(firstLeadsDeclaration('（市科技局、市经信局）'), undefined);
    assert.strictEqual(firstLeadsDeclaration('1. 推进改革。\n注：排在第一位的为牵头单位')?.index, 11);
  });

  it('tells organisations from other words', () => {
    const units = [
      '区发展改革局', '市委网信办', '区卫生健康委', '各镇街', '各区', '各有关单位', '广州海关', '中国银行广州分行', '广州期货交易所', '区政务服务中心',
      '市工业和信息化局', '市规划和自然资源局', '市住房城乡建设局', '国家外汇管理局广东省分局', '市委宣传部', '广州开发区管委会', '市中级人民法院',
      '广州仲裁委', '市贸促会', '市工商联', '团市委', '市消防救援支队', '各区人民政府', '广州市律师协会', '广州地铁集团', '暨南大学',
      '外资处', '国际交流与合作处', '医务科', '信用监督管理科', '镇统计站', '街道来穗人员服务管理站', '司法所', '专项工作组', '社区居委会', '合伙人会议', '董事会',
    ];
    for (const u of units) {
      assert.ok(isUnitName(u), `"${u}" is an organisation`);
    }
    for (const u of ['总部', '推进改革区商务局', '外资', '企业', '全部', '特色小镇', '社会资本', '此处', '好处', '各处', '学科', '心血管外科', '门户网站', '经营场所', '召开合伙人会议', '工作会议']) assert.ok(!isUnitName(u), `"${u}" is not an organisation`);
  });

  it('reads the labelled lines that follow a paragraph across a blank line, and only those', () => {
    const text = '1. 落实表1第12项。\n\n牵头单位：区商务局；\n完成时限：2025年6月。\n\n2. 落实表1第14项。';
    const from = text.indexOf('\n');
    assert.strictEqual(labelLinesAfter(text, from), '牵头单位：区商务局；\n完成时限：2025年6月。');
    assert.strictEqual(labelLinesAfter(text, text.indexOf('2.')), '', 'an item is no labelled line');
    assert.strictEqual(labelLinesAfter('1. 甲\r\n\r\n   - 牵头单位：区商务局\r\n', 5), '   - 牵头单位：区商务局', 'CRLF line ends and labelled sub-items');
  });

  it('knows heading-like paragraphs and carries them as an outline', () => {
    assert.deepStrictEqual(headingLikeLine('一、商务服务（区商务局牵头）'), { level: 1, title: '商务服务（区商务局牵头）' });
    assert.deepStrictEqual(headingLikeLine('（二）金融服务'), { level: 2, title: '金融服务' });
    assert.strictEqual(headingLikeLine('一、加快推进服务业扩大开放。'), undefined, 'a sentence that ends with 。 is prose');
    assert.strictEqual(headingLikeLine('1. 落实表1第12项'), undefined, 'a numbered item is no heading');
    let outline = nextOutline([], '一、商务服务（区商务局牵头）');
    outline = nextOutline(outline, '（一）会展服务');
    assert.deepStrictEqual(outline, ['商务服务（区商务局牵头）', '会展服务']);
    assert.deepStrictEqual(nextOutline(outline, '（二）旅游服务'), ['商务服务（区商务局牵头）', '旅游服务'], 'a second-level line replaces the second level');
    assert.deepStrictEqual(nextOutline(outline, '二、金融服务'), ['金融服务'], 'a first-level line replaces the outline');
    assert.deepStrictEqual(nextOutline(outline, '## 金融服务'), [], 'a Markdown heading clears it');
    assert.strictEqual(nextOutline(outline, '1. 落实表1第12项。'), outline, 'other paragraphs leave it');
  });

  it('knows whether a plan assigns lead units at all', () => {
    assert.ok(planAssignsLeadUnits('1. 落实表1第12项。\n   牵头单位：区商务局'), 'a labelled lead');
    assert.ok(planAssignsLeadUnits('1. 落实表1第12项（区商务局牵头）。'), 'a lead in a closing parenthesis');
    assert.ok(planAssignsLeadUnits('| 任务 | 牵头单位 |\n| --- | --- |\n| 表1第12项 | 区商务局 |'), 'a lead column');
    assert.ok(!planAssignsLeadUnits('1. 落实表1第12项。\n2. 落实表1第13项。'), 'no lead anywhere');
    assert.ok(!planAssignsLeadUnits('| 任务 | 牵头单位 |\n| --- | --- |\n| 表1第12项 |  |'), 'an empty lead column');
    assert.ok(planAssignsLeadUnits('任务 | 牵头单位\n--- | ---\n表1第12项 | 区商务局'), 'a lead column of a table without outer pipes');
    assert.ok(planAssignsLeadUnits('序号\t任务\t牵头单位\n1\t表1第12项\t区商务局'), 'a lead column of a table pasted with tabs');
    assert.ok(!planAssignsLeadUnits('序号\t任务\t牵头单位\n1\t表1第12项\t'), 'an empty one');
  });
});

describe('table rows', () => {
  const { index, matcher } = loadEngine(ROOT).checker.context;
  const rows = (text: string) => {
    const starts = tableRowStarts(text) ?? new Set<number>();
    return text.split('\n').filter((_l, i, all) => starts.has(all.slice(0, i).reduce((n, l) => n + l.length + 1, 0)));
  };

  it('are Markdown rows, with or without outer pipes, and rows pasted with tabs', () => {
    assert.deepStrictEqual(rows('| 任务 | 牵头单位 |\n| --- | --- |\n| 表1第12项 | 区商务局 |\n说明。'), ['| 任务 | 牵头单位 |', '| --- | --- |', '| 表1第12项 | 区商务局 |']);
    assert.deepStrictEqual(rows('前言。\n任务 | 牵头单位\n:--- | ---:\n表1第12项 | 区商务局\n表1第13项 | 区商务局\n说明。\n甲 | 乙'), ['任务 | 牵头单位', ':--- | ---:', '表1第12项 | 区商务局', '表1第13项 | 区商务局']);
    assert.deepStrictEqual(rows('序号\t任务\t牵头单位\r\n1\t表1第12项\t\n说明。'.replace('\r\n', '\n')), ['序号\t任务\t牵头单位', '1\t表1第12项\t']);
  });

  it('are not prose with a | or tabs, a rule under a line, nor items indented with tabs', () => {
    assert.strictEqual(tableRowStarts('推动A|B两类试点。\n落实表1第12项。'), undefined, 'a | without a separator row under it');
    assert.strictEqual(tableRowStarts('任务 | 牵头单位\n---\n正文。'), undefined, 'a rule is no separator row');
    assert.strictEqual(tableRowStarts('任务 \\| 牵头单位\n--- | ---'), undefined, 'an escaped |');
    assert.strictEqual(tableRowStarts('联系人\t张三\t电话\n正文。'), undefined, 'one line with tabs');
    assert.strictEqual(tableRowStarts('\t\t1. 落实表1第12项。\n\t\t2. 落实表1第13项。'), undefined, 'items indented with tabs');
  });

  it('have their cells between tabs, empty ones kept under their headers', () => {
    const row = '  1\t表1第12项\t\t2025年6月';
    assert.deepStrictEqual(cellSpans(row).map(([a, b]) => row.slice(a, b)), ['1', '表1第12项', '', '2025年6月']);
    const merged = '\t2\t表1第13项\t区商务局';
    assert.deepStrictEqual(cellSpans(merged).map(([a, b]) => merged.slice(a, b)), ['', '2', '表1第13项', '区商务局'], 'a leading tab: the empty cell of a merged column');
    const model = buildParagraphModel('序号\t任务\t牵头单位\t完成时限\n1\t表1第12项\t\t2025年6月', EMPTY_CONTEXT, index, matcher);
    assert.deepStrictEqual(model.blocks.map((b) => [b.kind, !!b.tableHeader, b.header]), [['row', true, undefined], ['row', false, ['序号', '任务', '牵头单位', '完成时限']]]);
    const noHeader = buildParagraphModel('1\t表1第12项\t区商务局\n2\t表1第13项\t区商务局', EMPTY_CONTEXT, index, matcher);
    assert.deepStrictEqual(noHeader.blocks.map((b) => [b.kind, !!b.tableHeader]), [['row', false], ['row', false]], 'a first row of content is no header');
  });
});

// ---------------------------------------------------------------- the checks, over their fixture files

interface CheckCase {
  file: string;
  line: number;
  name: string;
  locale: 'zh' | 'en';
  text: string;
  expect: { code: string; start: number; end: number; anchor: string; message: string[] }[];
}

const MY_CODES = ['missing-lead-unit', 'missing-deadline', 'deadline-outside-pilot', 'invalid-deadline'];

/** The check fixtures' format (test/fixtures/checks/README.md), limited to the fields these cases use. */
function parseCheckCases(file: string): CheckCase[] {
  const out: CheckCase[] = [];
  const lines = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n');
  let chunk: { n: number; text: string }[] = [];
  const flush = () => {
    const h = chunk.findIndex((l) => /^<!--\s*case:/.test(l.text));
    if (h >= 0) {
      const body = chunk.slice(h + 1).map((l) => l.text);
      while (body.length && !body[0].trim()) body.shift();
      while (body.length && !body[body.length - 1].trim()) body.pop();
      const text = body.join('\n');
      const fields = new Map<string, string>();
      const parts = /^<!--\s*case:(.*)-->\s*$/.exec(chunk[h].text)![1].split(' | ');
      fields.set('case', parts[0].trim());
      for (const p of parts.slice(1)) {
        const m = /^\s*(\w+):\s*(.*?)\s*$/.exec(p);
        assert.ok(m, `${path.basename(file)}:${chunk[h].n}: cannot read the header field "${p}"`);
        fields.set(m[1], m[2]);
      }
      const expectField = fields.get('expect') ?? 'none';
      const messageItems = fields.get('message')?.split(';').map((s) => s.trim());
      const expect = expectField === 'none' ? [] : expectField.split(';').map((item, i) => {
        const m = /^([a-z-]+)@(.+?)(?:#(\d+))?$/.exec(item.trim());
        assert.ok(m, `${path.basename(file)}:${chunk[h].n}: "${item}" is not code@anchor`);
        const start = offsetOf(text, m[2], m[3] ? Number(m[3]) : 1);
        assert.ok(start >= 0, `${path.basename(file)}:${chunk[h].n}: the anchor "${m[2]}" is not in the text`);
        return { code: m[1], anchor: m[2], start, end: start + m[2].length, message: messageItems?.[i]?.split(' & ').map((s) => s.trim()) ?? [] };
      });
      out.push({ file: path.basename(file), line: chunk[h].n, name: fields.get('case')!, locale: (fields.get('locale') ?? 'zh') as 'zh' | 'en', text, expect });
    }
    chunk = [];
  };
  lines.forEach((text, i) => (/^---\s*$/.test(text) ? flush() : chunk.push({ n: i + 1, text })));
  flush();
  return out;
}

describe('the responsibility checks', () => {
  const engine = loadEngine(ROOT);
  const ctx = engine.checker.context;

  it('reads the assignment of an item once: the count of dated items hands its reading to the checks, as they would read it', () => {
    // the declaration that the first unit leads changes the reading of the items after it, not of those before
    const text = [
      '1. 落实表1第12项（区商务局、区市场监管局，2025年底前）。',
      '（以下列第一位的为牵头单位）',
      '2. 落实表1第13项（区商务局、区市场监管局，2025年底前）。',
      '3. 落实表1第14项。\n   - 完成时限：2025年6月',
      '（一）跨境金融（2026年底前完成）',
      '4. 落实表1第15项（区金融局负责）。',
    ].join('\n\n');
    const parts = splitParagraphs(text).map((p) => ({ result: { model: buildParagraphModel(text.slice(p.start, p.end), EMPTY_CONTEXT, ctx.index, ctx.matcher) } }));
    const walk = new StructureWalk(parts, { requireLeadUnit: 'auto', requireDeadline: 'auto' });
    let handed = 0;
    parts.forEach(({ result: { model } }, i) => {
      const structure = walk.at(i);
      const reads = walk.assignmentsOf(i);
      assert.strictEqual(walk.assignmentsOf(i), undefined, 'handed over once');
      for (const [block, read] of reads ?? []) {
        handed++;
        assert.deepStrictEqual(read, blockAssignment(model.text, model.blocks, block, !!structure.firstLeads, structure, true), `paragraph ${i + 1}`);
      }
      walk.next(i);
    });
    assert.strictEqual(handed, 4, 'every task item');
  });

  it('keeps the count of dated items of a paragraph the plan repeats, for each place (before other labelled lines)', () => {
    const item = buildParagraphModel('1. 落实表1第12项（区商务局牵头）。', EMPTY_CONTEXT, ctx.index, ctx.matcher);
    const labels = (when: string) => buildParagraphModel(`完成时限：${when}`, EMPTY_CONTEXT, ctx.index, ctx.matcher);
    // one result for both copies, as the checker's cache gives it
    const copy = { model: item };
    const parts = [{ result: copy }, { result: { model: labels('2025年底') } }, { result: copy }, { result: { model: labels('2026年底') } }];
    const readAgain = () => {
      const walk = new StructureWalk(parts, { requireLeadUnit: 'auto', requireDeadline: 'auto' });
      return parts.map((_p, i) => {
        walk.at(i);
        const again = !!walk.assignmentsOf(i);
        walk.next(i);
        return again;
      });
    };
    assert.deepStrictEqual(readAgain(), [true, false, true, false], 'the first walk counts both copies');
    assert.deepStrictEqual(readAgain(), [false, false, false, false], 'the next walks count neither again');
  });

  /** The three checks' findings on a document, through the analyser (which gives them the plan's facts). */
  function check(text: string, locale: 'zh' | 'en' = 'zh', settings: Partial<ResponsibilityRun> = {}): Finding[] {
    const structure = { requireLeadUnit: settings.requireLeadUnit ?? 'auto', requireDeadline: settings.requireDeadline ?? 'auto', pilotEnd: settings.pilotEnd };
    return engine.checker.analyze(text, { locale, structure }).findings.filter((f) => MY_CODES.includes(f.code as (typeof MY_CODES)[number]));
  }

  // the fixtures of the four checks live with every check's, in test/fixtures/checks/
  const CHECK_DIR = path.join(ROOT, 'test', 'fixtures', 'checks');
  const files = MY_CODES.map((code) => `${code}.md`);
  const cases = files.flatMap((f) => parseCheckCases(path.join(CHECK_DIR, f)));

  it('have fixtures for each of the three codes, with and without findings', () => {
    for (const code of MY_CODES) assert.ok(cases.some((c) => c.expect.some((e) => e.code === code)), `no case expects ${code}`);
    assert.ok(cases.filter((c) => !c.expect.length).length >= 10, 'fewer than 10 cases expect nothing');
  });

  for (const c of cases) {
    it(`${c.file}: ${c.name}`, () => {
      const seen = check(c.text, c.locale);
      const left = seen.slice();
      const missing: string[] = [];
      // the other checks' expectations (a case may also expect an uncited-task) are for the full analyser
      for (const e of c.expect.filter((x) => MY_CODES.includes(x.code))) {
        const i = left.findIndex((s) => s.code === e.code && s.start === e.start && s.end === e.end);
        if (i < 0) {
          missing.push(`${e.code}@“${e.anchor}”`);
          continue;
        }
        const f = left.splice(i, 1)[0];
        for (const part of e.message) assert.ok(f.message.includes(part), `${c.file}:${c.line}: the message ${JSON.stringify(f.message)} does not contain ${JSON.stringify(part)}`);
      }
      const show = (f: Finding) => `${f.code}@“${c.text.slice(f.start, f.end)}” ${JSON.stringify(f.message)}`;
      assert.ok(!missing.length && !left.length,
        `${c.file}:${c.line} "${c.name}": missing ${JSON.stringify(missing)}, unexpected ${JSON.stringify(left.map(show))}; all: ${JSON.stringify(seen.map(show))}`);
    });
  }

  it('find each block\'s assignment where the paragraph holds it: own text, lines after, table columns, headings', () => {
    const paragraph = [
      '一、商务服务（区商务局牵头）',
      '1. 允许外商投资社会调查（表1第12项）。',
      '2. 支持企业依托综合保税区开展保税展示交易业务（表1第14项）。',
      '牵头单位：区发展改革局；配合单位：区财政局；完成时限：2025年6月。',
      '',
      '| 任务 | 牵头单位 | 完成时限 |',
      '| --- | --- | --- |',
      '| 表1第13项 | 区文化广电旅游局 | 2024年底前 |',
    ].join('\n');
    const [first, second] = splitParagraphs(paragraph);
    const expected: [string, string, string | undefined][] = [['区商务局', 'heading', undefined], ['区发展改革局', 'lines', '2025年6月']];
    for (const p of [first, second]) {
      const slice = paragraph.slice(p.start, p.end);
      const model = buildParagraphModel(slice, EMPTY_CONTEXT, ctx.index, ctx.matcher);
      for (const block of model.blocks.filter((b) => b.references.length)) {
        const a = blockAssignment(slice, model.blocks, block, false);
        const where = JSON.stringify(slice.slice(block.start, block.end));
        if (block.kind === 'row') {
          assert.strictEqual(a.leadFrom, 'row', `${where}: the lead comes from its column`);
          assert.strictEqual(slice.slice(a.lead!.start, a.lead!.end), '区文化广电旅游局', `${where}: the lead's offsets are in the paragraph`);
          assert.strictEqual(slice.slice(a.deadline!.start, a.deadline!.end), '2024年底前', `${where}: the deadline's offsets are in the paragraph`);
          continue;
        }
        const [lead, from, deadline] = expected.shift()!;
        assert.strictEqual(a.lead?.name, lead, `${where}: the lead`);
        assert.strictEqual(a.leadFrom, from, `${where}: where the lead comes from`);
        if (from === 'heading') assert.strictEqual(a.heading, '商务服务（区商务局牵头）', `${where}: the heading that owns it`);
        else assert.strictEqual(slice.slice(a.lead!.start, a.lead!.end), lead, `${where}: the lead's offsets are in the paragraph`);
        assert.strictEqual(a.deadline?.text, deadline, `${where}: the deadline`);
      }
    }
    assert.strictEqual(expected.length, 0, 'both list items were checked');
  });

  it('flag an unowned item in a plan that assigns none only when a lead is always required', () => {
    const plan = '1. 落实表1第12项，允许外商投资社会调查。\n2. 落实表1第13项。';
    assert.strictEqual(check(plan).length, 0, 'auto: a plan that assigns no lead unit is not flagged');
    assert.deepStrictEqual(check(plan, 'zh', { requireLeadUnit: 'always' }).map((f) => f.code), ['missing-lead-unit', 'missing-lead-unit'], 'always: both items are flagged');
    const owned = '1. 落实表1第12项（区商务局牵头）。\n2. 落实表1第13项。';
    assert.strictEqual(check(owned, 'zh', { requireLeadUnit: 'off' }).length, 0, 'off: nothing is flagged');
  });

  it('flag an item without a deadline in a plan that dates fewer than three quarters of its items only when one is always required', () => {
    const plan = '1. 落实表1第12项（区商务局牵头，2024年底前完成）。\n2. 落实表1第13项（区商务局牵头）。';
    assert.strictEqual(check(plan).length, 0, 'auto: one dated item of two is no convention');
    const always = check(plan, 'zh', { requireDeadline: 'always' });
    assert.deepStrictEqual(always.map((f) => [f.code, f.message]), [['missing-deadline', '表1第13项的任务条目未明确完成时限']], 'always: the undated item, without "most items"');
    const most = '1. 落实表1第12项（区商务局牵头，2024年底前完成）。\n2. 落实表1第14项（区商务局牵头，2024年底前完成）。\n3. 落实表1第15项（区商务局牵头，2025年6月前完成）。\n4. 落实表1第13项（区商务局牵头）。';
    assert.deepStrictEqual(check(most).map((f) => f.code), ['missing-deadline'], 'auto: three dated items of four make the fourth an omission');
    assert.strictEqual(check(most, 'zh', { requireDeadline: 'off' }).length, 0, 'off: nothing is flagged');
  });

  it('take the end of the window from pilotEnd', () => {
    const plan = '落实表1第12项，2026年6月底前完成。';
    assert.deepStrictEqual(check(plan).map((f) => f.code), ['deadline-outside-pilot'], 'the source window ends in 2025年12月');
    assert.strictEqual(check(plan, 'zh', { pilotEnd: '2026-12' }).length, 0, 'an extended programme through 2026-12 takes it in');
  });
});

describe('the readers on arbitrary text', () => {
  // pieces plans are made of, in any order: units, roles, labels, dates (valid or not), brackets and punctuation
  const piece = fc.constantFrom(
    '区商务局', '区财政局', '各镇街', '区文化和旅游局', '和', '、', '，', '；', '。', '（', '）', '(', ')', '\n', '|', ' ', '由', '牵头', '配合',
    '负责', '会同', '等', '牵头单位：', '责任单位:', '完成时限：', '2025年', '6月', '底前', '14月', '31日', '第五季度', '二〇二五年', '２０２５年',
    '截至', '已', '前', '完成', '列第一位的为牵头单位', '推进改革', '表1第12项',
  );
  const plan = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));

  it('never throw, and every unit and date they return is where its offsets say', () => {
    fc.assert(
      fc.property(plan, fc.boolean(), (text, firstLeads) => {
        const a = readAssignment(text, { firstLeads });
        assertOffsets(JSON.stringify(text), a, () => text);
        assertOffsets(JSON.stringify(text), readHeadingAssignment(text), () => text);
        for (const d of readDates(text)) assert.strictEqual(text.slice(d.start, d.end), d.text, `${JSON.stringify(text)}: a date is not at its offsets`);
        const cells = text.split('|');
        const row = readRowAssignment(['任务', '牵头单位', '配合单位', '完成时限'].slice(0, cells.length), cells);
        assertOffsets(JSON.stringify(cells), row, (cell) => cells[cell ?? 0]);
      }),
      { numRuns: 400 },
    );
  });

  it('call a date valid exactly when the calendar has it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 33 }), (y, m, d) => {
        const [date] = readDates(`${y}年${m}月${d}日前完成`);
        const real = new Date(Date.UTC(y, m - 1, d));
        const exists = m >= 1 && m <= 12 && d >= 1 && real.getUTCMonth() === m - 1 && real.getUTCDate() === d;
        assert.ok(date, `${y}年${m}月${d}日 is not read as a date`);
        assert.strictEqual(date.valid, exists, `${y}年${m}月${d}日 is said to be ${date.valid ? 'valid' : 'invalid'}`);
      }),
      { numRuns: 500 },
    );
  });

  it('name a unit only where the text holds an organisation', () => {
    fc.assert(
      fc.property(plan, (text) => {
        const a = readAssignment(text, { firstLeads: true });
        for (const u of [a.lead, ...a.partners, ...(a.coLeads ?? []), ...(a.named ?? [])]) {
          if (u) assert.ok(isUnitName(u.name), `${JSON.stringify(text)}: "${u.name}" was taken for a unit`);
        }
      }),
      { numRuns: 400 },
    );
  });
});
