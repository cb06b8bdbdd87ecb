// The 任务分工表: its rows from a plan, as Markdown, CSV, JSON and an Excel workbook read back with exceljs; the CLI end to end.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadEngine } from '../../server/src/engine';
import {
  ASSIGNMENT_HEADERS, assignmentCells, assignmentsCsv, assignmentsJson, assignmentsMarkdown, AssignmentTable, assignmentTable, PASSED,
} from '../../server/src/report/assignmentTable';
import { ASSIGNMENT_WIDTHS, assignmentsWorkbook } from '../../server/src/report/assignmentWorkbook';
import { collectReview } from '../../server/src/report/collectReview';
import { makeDocx } from '../support/docxFixture';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SAMPLE = 'examples/sample-plan.md';
const TABLE_PLAN = 'test/fixtures/plans/district-table-plan.md';
const { index, checker } = loadEngine(ROOT);

function tableOf(file: string, text = fs.readFileSync(path.join(ROOT, file), 'utf8')): AssignmentTable {
  return assignmentTable(collectReview(index, [{ file, analysis: checker.analyze(text, { locale: 'zh' }) }]).plans[0]);
}

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the 任务分工表 rows', () => {
  const sample = tableOf(SAMPLE);
  const tablePlan = tableOf(TABLE_PLAN);

  it('has one row per task item, numbered from 1, with the tasks it cites', () => {
    assert.deepStrictEqual(sample.rows.map((r) => r.number), sample.rows.map((_r, i) => i + 1), 'numbered in order');
    const row = sample.rows.find((r) => r.tasks.some((t) => t.id === 'T1.12'));
    assert.ok(row, 'a row for 表1第12项');
    assert.deepStrictEqual(row.tasks, [{ id: 'T1.12', reference: '表1第12项', state: 'cited' }]);
    assert.strictEqual(row.line, 7, 'its 0-based line');
  });

  it('reads the lead unit, partners and deadline of a table row by its header', () => {
    const row = tablePlan.rows[0];
    assert.deepStrictEqual(assignmentCells(row), ['1', '落实表1第12项，允许外商投资社会调查，中方股比不低于67%。', '表1第12项', '区商务局', '区市场监管局、区司法局', '2024年6月', PASSED]);
  });

  it('shows a row by its content, not by a 对应任务 cell that holds only the reference', () => {
    const plan = [
      '| 序号 | 任务内容 | 对应任务 | 牵头单位 | 配合单位 | 完成时限 |',
      '|---|---|---|---|---|---|',
      '| 1 | 推动数字人民币试点 | 表1第35项 | 区金融局 | 区发展改革局、区商务局、区财政局、区市场监管局 | 2025年12月 |',
      '| 2 | 深化科技成果使用权改革 | 落实表1第1项、表1第2项 | 区科技局 | | 2025年6月 |',
      '',
      '| 序号 | 对应任务 | 牵头单位 |',
      '|---|---|---|',
      '| 3 | 表1第12项 | 区商务局 |',
    ].join('\n');
    const rows = tableOf('columns.md', plan + '\n').rows;
    // the 任务内容 column, though the partners' cell is longer; a cell with words of its own besides the reference
    assert.deepStrictEqual(rows.map((r) => r.item), ['推动数字人民币试点', '落实表1第1项、表1第2项', '表1第12项']);
  });

  it('takes a heading-like line for a task item when labelled lines follow it (in paragraphs of their own), and for a section title otherwise', () => {
    const word = ['（一）开展“两业”融合统计调查', '', '牵头单位：区统计局', '', '完成时限：2024年底', '', '（二）推动先进制造业和现代服务业融合发展', '', '1．落实表2第4项，打造智慧园区。牵头单位：区工信局。'].join('\n');
    const rows = tableOf('word.txt', word + '\n').rows;
    assert.deepStrictEqual(rows.map((r) => [r.item, r.tasks.map((t) => `${t.id}:${t.state}`).join(), r.lead, r.deadline]), [
      ['开展“两业”融合统计调查', 'T2.1:restated', '区统计局', '2024年底'],
      ['落实表2第4项，打造智慧园区。牵头单位：区工信局。', 'T2.4:cited', '区工信局', ''],
    ]);
  });

  it('reads them from the lines after an item and from a sentence', () => {
    const stats = tablePlan.rows.find((r) => r.tasks.some((t) => t.id === 'T2.1'));
    assert.deepStrictEqual([stats?.lead, stats?.partners, stats?.deadline], ['区统计局', ['区发展改革局', '区科工信局'], '2025年6月']);
    const commerce = tableOf('sentence.md', '1. 落实表1第12项，允许外商投资社会调查。由区商务局牵头，2023年3月前出台细则。\n').rows[0];
    assert.deepStrictEqual([commerce?.lead, commerce?.deadline], ['区商务局', '2023年3月前'], '由区商务局牵头，2023年3月前出台细则');
  });

  it('shows every unit the plan names as lead in the 牵头单位 column, not among the partners', () => {
    const plan = '1. 落实表4第10、11项，全面推广信用承诺制度。牵头单位：区发展改革局、区市场监管局；配合单位：区司法局；完成时限：2025年底前。\n';
    const [row] = tableOf('coleads.md', plan).rows;
    assert.deepStrictEqual([row.lead, row.coLeads, row.partners], ['区发展改革局', ['区市场监管局'], ['区司法局']]);
    assert.deepStrictEqual(assignmentCells(row).slice(3, 5), ['区发展改革局、区市场监管局', '区司法局'], '牵头单位 and 配合单位 cells');
  });

  it('reads the assignment of an item that enumerates (一是…；二是…) from the labels closing it, or from every clause', () => {
    const closing = '1. 深入实施QDLP和QFLP试点（表1第25项）。一是争取试点额度，二是培育试点机构。责任单位：区金融工作局，配合单位：区商务局，完成时限：2025年Q4。\n';
    const [row] = tableOf('closing.md', closing).rows;
    assert.deepStrictEqual([row.lead, row.partners, row.deadline], ['区金融工作局', ['区商务局'], '2025年Q4']);
    const each = '1. 深入实施QDLP和QFLP试点（表1第25项）。一是争取试点额度（区金融工作局牵头，区统计局配合）；二是培育试点机构（区商务局牵头）。\n';
    const [both] = tableOf('clauses.md', each).rows;
    assert.deepStrictEqual([both.lead, both.coLeads, both.partners], ['区金融工作局', ['区商务局'], ['区统计局']]);
  });

  it('reads a table pasted from Word or Excel as text (cells separated by tabs) and one without outer pipes', () => {
    const tabs = ['越秀区任务分工表', '', '序号\t工作任务\t对应试点任务\t牵头单位\t配合单位\t完成时限', '1\t推动数字人民币试点\t表1第35项\t区金融局\t区商务局\t2024年12月', '2\t推进国际消费中心城市建设\t表4第6项\t\t区商务局\t2025年12月'].join('\r\n');
    const gfm = ['# 分工', '', '序号 | 工作任务 | 对应试点任务 | 牵头单位 | 配合单位 | 完成时限', '--- | --- | --- | --- | --- | ---', '1 | 推动数字人民币试点 | 表1第35项 | 区金融局 | 区商务局 | 2024年12月', '2 | 推进国际消费中心城市建设 | 表4第6项 |  | 区商务局 | 2025年12月'].join('\n');
    for (const [file, text] of [['tabs.txt', tabs], ['gfm.md', gfm]]) {
      const rows = tableOf(file, text).rows;
      assert.deepStrictEqual(rows.map((r) => [r.item, r.tasks.map((t) => t.id).join(), r.lead, r.partners.join(), r.deadline]), [
        ['推动数字人民币试点', 'T1.35', '区金融局', '区商务局', '2024年12月'],
        ['推进国际消费中心城市建设', 'T4.6', '', '区商务局', '2025年12月'],
      ], file);
      assert.deepStrictEqual(rows[1].findings.map((f) => f.code), ['missing-lead-unit'], `${file}: the row without a lead`);
    }
  });

  it('reads a row pasted from Excel whose cells hold line breaks (quoted over several lines), CRLF too', () => {
    for (const eol of ['\n', '\r\n']) {
      const pasted = ['序号\t工作任务\t对应试点任务\t牵头单位\t完成时限', '1\t允许外商投资社会调查\t表1第12项\t"区商务局', '区市场监管局"\t2025年底', '2\t"支持外商投资旅行社', '从事出境旅游业务"\t表1第13项\t区文广旅体局\t2025年底'].join(eol);
      const rows = tableOf('pasted.txt', pasted).rows;
      assert.deepStrictEqual(rows.map((r) => [r.item, r.tasks.map((t) => t.id).join(), r.lead, r.coLeads.join(), r.deadline, r.line]), [
        ['允许外商投资社会调查', 'T1.12', '区商务局', '区市场监管局', '2025年底', 1],
        [`支持外商投资旅行社${eol}从事出境旅游业务`, 'T1.13', '区文广旅体局', '', '2025年底', 3],
      ], JSON.stringify(eol));
    }
    // a task-number column read on the rows after one that spans lines (the table goes on)
    // and in a row whose cell before the number spans lines
    const numbered = ['工作任务\t任务编号\t牵头单位\t完成时限', '"允许外商投资', '社会调查"\t1-12\t区商务局\t2025年底', '支持外商投资旅行社从事出境旅游业务\t1-13\t区文广旅体局\t2025年底'].join('\n');
    assert.deepStrictEqual(tableOf('numbered.txt', numbered).rows.map((r) => [r.tasks.map((t) => t.id).join(), r.lead]), [['T1.12', '区商务局'], ['T1.13', '区文广旅体局']]);
  });

  it('reads a header of two rows (责任单位 merged over 牵头单位 and 配合单位, as a Word table draws it)', () => {
    const plan = [
      '| 序号 | 工作任务 | 对应任务 | 责任单位 | | 完成时限 |',
      '| --- | --- | --- | --- | --- | --- |',
      '| | | | 牵头单位 | 配合单位 | |',
      '| 1 | 允许外商投资社会调查 | 表1第12项 | 区商务局 | 区统计局 | 2024年6月 |',
      '| 2 | 推动数字人民币试点 | 表1第35项 | | 区商务局 | 2024年12月 |',
    ].join('\n');
    const rows = tableOf('two-row-header.md', plan).rows;
    assert.deepStrictEqual(rows.map((r) => [r.tasks.map((t) => t.id).join(), r.lead, r.partners.join(), r.deadline]), [
      ['T1.12', '区商务局', '区统计局', '2024年6月'],
      ['T1.35', '', '区商务局', '2024年12月'],
    ], 'the second header row names the columns; it is no task item');
    assert.deepStrictEqual(rows[1].findings.map((f) => f.code), ['missing-lead-unit'], 'an empty lead cell under 牵头单位');
  });

  it('reads the lead from a closing parenthesis and from the heading above', () => {
    const clinic = tablePlan.rows.find((r) => r.tasks.some((t) => t.id === 'T1.42'));
    assert.deepStrictEqual([clinic?.lead, clinic?.partners, clinic?.deadline], ['区卫生健康局', ['区民政局'], '2025年底前'], '（区卫生健康局牵头，区民政局配合，2025年底前完成）');
    const airport = tablePlan.rows.find((r) => r.tasks.some((t) => t.id === 'T1.17'));
    assert.strictEqual(airport?.lead, '区交通运输局', 'the heading 三、口岸与医疗（区交通运输局牵头） leads the items under it');
  });

  it('keeps the 完成时限 the plan writes in words, and gives an item the deadline of the heading above it', () => {
    const plan = [
      '## 一、重点任务',
      '',
      '1. 允许外商投资社会调查（表1第12项）。牵头单位：区商务局；完成时限：持续推进。',
      '2. 深入实施QDLP和QFLP试点（T1.25）。牵头单位：区金融工作局；完成时限：—',
      '',
      '### （二）融合发展（2025年6月底前完成）',
      '',
      '3. 探索建立反映“两业”融合发展情况的统计指标体系（表2第1项）。牵头单位：区统计局。',
      '4. 探索研究数据交易流通规则体系（表5第10项）。牵头单位：区政务服务数据管理局；完成时限：2024年12月。',
      '',
      '| 序号 | 任务 | 对应任务 | 牵头单位 | 完成时限 |',
      '| --- | --- | --- | --- | --- |',
      '| 1 | 鼓励外资依法依规参与软件即服务 | 表1第51项 | 区工信局 | 长期坚持 |',
    ].join('\n');
    const rows = tableOf('terms.md', plan).rows;
    assert.deepStrictEqual(rows.map((r) => [r.tasks[0].reference, r.deadline]), [
      ['表1第12项', '持续推进'],
      ['表1第25项', ''],
      ['表2第1项', '2025年6月底前'],
      ['表5第10项', '2024年12月'],
      ['表1第51项', '长期坚持'],
    ]);
  });

  it('lists a task the item restates without citing, marked （复述）', () => {
    const airport = tablePlan.rows.find((r) => r.tasks.some((t) => t.id === 'T1.17'));
    assert.deepStrictEqual(airport?.tasks, [{ id: 'T1.17', reference: '表1第17项', state: 'restated' }]);
    assert.strictEqual(assignmentCells(airport)[2], '表1第17项（复述）');
  });

  it('puts each finding of the item in 检查结果 as code：message, and 通过 when there is none', () => {
    const cells = sample.rows.map(assignmentCells);
    const threshold = cells.find((c) => c[2] === '表1第12项');
    assert.match(threshold?.[6] ?? '', /(^|\n)threshold-mismatch：“中方股比不低于51%”与表1第12项不符/);
    const misquote = (cells.find((c) => c[2] === '表1第53项')?.[6] ?? '').split('\n').find((l) => l.startsWith('misquote：')) ?? '';
    assert.ok(misquote.endsWith('…') && misquote.length <= 'misquote：'.length + 60, `a long message is shortened: ${misquote}`);
    assert.strictEqual(tablePlan.rows.map(assignmentCells).find((c) => c[2] === '表4第1项')?.[6], PASSED, 'an owned row without findings');
  });

  it('marks a task the item restates without citing', () => {
    const row = { ...sample.rows[0], tasks: [...sample.rows[0].tasks, { id: 'T1.2', reference: '表1第2项', state: 'restated' as const }] };
    assert.strictEqual(assignmentCells(row)[2], '表1第1项、表1第2项（复述）');
  });
});

  it('lists the items under a heading that cites tasks, not the heading: an item takes the task it restates, or the heading\'s only task', () => {
    const text = [
      '# 试点方案',
      '',
      '一、商务服务领域（表1第12至15项）',
      '1. 允许外商投资社会调查。（区商务局牵头，2024年底前）',
      '2. 支持企业依托综合保税区开展保税展示交易业务。（区商务局牵头，2025年底前）',
      '',
      '### （二）落实表3第22项',
      '',
      '1. 开展相关研究。（区科工信局牵头，2025年底前）',
    ].join('\n');
    const rows = tableOf('plan.md', text).rows;
    assert.deepStrictEqual(rows.map((r) => [r.item, r.tasks]), [
      ['允许外商投资社会调查。（区商务局牵头，2024年底前）', [{ id: 'T1.12', reference: '表1第12项', state: 'cited' }]],
      ['支持企业依托综合保税区开展保税展示交易业务。（区商务局牵头，2025年底前）', [{ id: 'T1.14', reference: '表1第14项', state: 'cited' }]],
      ['开展相关研究。（区科工信局牵头，2025年底前）', [{ id: 'T3.22', reference: '表3第22项', state: 'cited' }]],
    ]);
  });

  it('lists each clause of an item that enumerates its tasks (一是…；二是…) as a row of its own, with its own lead and deadline', () => {
    const text = '（一）深化金融开放创新。一是推动数字人民币试点（表1第35项），由区金融局牵头，2024年底前完成；二是支持跨国公司设立外商独资财务公司（表1第34项），由区商务局牵头，2025年底前完成；三是建设期货交割库（表1第29项）。\n';
    const rows = tableOf('plan.md', text).rows;
    assert.deepStrictEqual(rows.map((r) => [r.tasks.map((t) => t.id).join(), r.lead, r.partners.join(), r.deadline]), [
      ['T1.35', '区金融局', '', '2024年底前'],
      ['T1.34', '区商务局', '', '2025年底前'],
      ['T1.29', '', '', ''],
    ]);
    assert.ok(rows[2].item.startsWith('三是建设期货交割库'), rows[2].item);
    const dash = tableOf('plan.md', '- 一是推动数字人民币试点（表1第35项），由区金融局牵头；二是建设期货交割库（表1第29项）。\n').rows;
    assert.deepStrictEqual(dash.map((r) => [r.item.slice(0, 4), r.tasks.map((t) => t.id).join(), r.lead]), [['一是推动', 'T1.35', '区金融局'], ['二是建设', 'T1.29', '']], 'an item that opens with 一是');
  });

  it('keeps an item that cites a task the source does not have, marked （无此任务）, with its unknown-task finding', () => {
    const text = [
      '# 试点方案',
      '',
      '1. 落实表2第18项，建设“智慧园区”。（牵头单位：区商务局；完成时限：2025年底前）',
      '2. 落实表2第4项、表2第19项，建设“智慧园区”。（牵头单位：区工信局；完成时限：2025年底前）',
      '3. 落实表1第12项，允许外商投资社会调查。（牵头单位：区统计局；完成时限：2025年底前）',
    ].join('\n');
    const rows = tableOf('plan.md', text).rows;
    assert.deepStrictEqual(rows.map((r) => r.number), [1, 2, 3], 'no item is left out of the table');
    assert.deepStrictEqual(rows.map((r) => [r.tasks.map((t) => t.id), r.unresolved]), [[[], ['表2第18项']], [['T2.4'], ['表2第19项']], [['T1.12'], []]]);
    const cells = rows.map(assignmentCells);
    assert.strictEqual(cells[0][2], '表2第18项（无此任务）');
    assert.strictEqual(cells[1][2], '表2第4项、表2第19项（无此任务）');
    assert.strictEqual(cells[0][3], '区商务局');
    assert.match(cells[0][6], /^unknown-task：表2第18项不存在/);
  });

describe('the 任务分工表 as text', () => {
  const tables = [tableOf(SAMPLE), tableOf(TABLE_PLAN)];

  it('writes Markdown: a section and table per plan, pipes and markup escaped', () => {
    const md = assignmentsMarkdown(tables);
    assert.strictEqual((md.match(/^## 任务分工表：/gm) ?? []).length, 2, 'one section per plan');
    assert.ok(md.includes(`| ${ASSIGNMENT_HEADERS.join(' | ')} |`), 'the header row');
    const rows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    assert.strictEqual(rows.length, tables[0].rows.length + tables[1].rows.length, 'one line per row');
    for (const r of rows) assert.strictEqual(r.replace(/\\\|/g, '').split('|').length, ASSIGNMENT_HEADERS.length + 2, `seven cells: ${r}`);
    assert.ok(md.includes('&lt;b>上级通知&lt;/b>'), 'markup in plan text is not read as HTML');
    assert.ok(md.includes('指标体系 &amp; 评价体系'), 'an ampersand is escaped');
    const piped = assignmentsMarkdown([{ ...tables[0], rows: [{ ...tables[0].rows[0], item: 'a|b' }] }]);
    assert.ok(piped.includes('a\\|b'), 'a pipe in a cell is escaped');
  });

  it('writes CSV as UTF-8 with BOM, CRLF and RFC 4180 quoting that a spreadsheet reads back cell for cell', () => {
    const one = [{ ...tables[0], rows: [{ ...tables[0].rows[0], item: '含“引号",逗号\n和换行', findings: [{ code: 'a', severity: 'error', message: 'x' }, { code: 'b', severity: 'warning', message: 'y' }] }] }];
    const csv = assignmentsCsv(one);
    assert.ok(csv.startsWith('\uFEFF序号,方案条目,对应试点任务,牵头单位,配合单位,完成时限,检查结果\r\n'), 'BOM and header');
    const parsed = parseCsv(csv.slice(1));
    assert.deepStrictEqual(parsed[1], assignmentCells(one[0].rows[0]), 'the row reads back as its cells');
    assert.strictEqual(parsed[1][6], 'a：x\nb：y', 'several findings, one a line');
  });

  it('names the plan of each CSV row when there are several plans', () => {
    const parsed = parseCsv(assignmentsCsv(tables).slice(1));
    assert.deepStrictEqual(parsed[0], ['方案文件', ...ASSIGNMENT_HEADERS]);
    assert.strictEqual(parsed.length, 1 + tables[0].rows.length + tables[1].rows.length);
    assert.strictEqual(parsed[parsed.length - 1][0], TABLE_PLAN);
  });

  it('writes JSON: per plan its file, title and rows with tasks, units, deadline and findings', () => {
    const json = JSON.parse(assignmentsJson(tables));
    assert.deepStrictEqual(Object.keys(json[1]), ['file', 'title', 'rows']);
    assert.deepStrictEqual(json[1].rows[0], {
      number: 1, line: 6, item: '落实表1第12项，允许外商投资社会调查，中方股比不低于67%。', tasks: [{ id: 'T1.12', reference: '表1第12项', state: 'cited' }], unresolved: [],
      lead: '区商务局', coLeads: [], partners: ['区市场监管局', '区司法局'], deadline: '2024年6月', findings: [],
    });
  });
});

describe('the 任务分工表 as an Excel workbook', () => {
  let book: ExcelJS.Workbook;
  const tables = [tableOf(SAMPLE), tableOf(TABLE_PLAN)];

  before(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.load(await assignmentsWorkbook(tables) as unknown as ArrayBuffer);
  });

  it('has a sheet per plan, named after it', () => {
    assert.deepStrictEqual(book.worksheets.map((s) => s.name), [tables[0].title.slice(0, 28), tables[1].title.slice(0, 28)]);
  });

  it('has a bold, filled header row that is frozen in view', () => {
    const sheet = book.worksheets[1];
    const header = sheet.getRow(1);
    assert.deepStrictEqual((header.values as unknown[]).slice(1), [...ASSIGNMENT_HEADERS]);
    assert.strictEqual(header.getCell(1).font?.bold, true, 'bold header');
    const fill = header.getCell(7).fill as ExcelJS.FillPattern;
    assert.strictEqual(fill.pattern, 'solid', 'filled header');
    assert.ok(fill.fgColor?.argb, 'with a colour');
    assert.deepStrictEqual([sheet.views[0]?.state, (sheet.views[0] as ExcelJS.WorksheetViewFrozen).ySplit], ['frozen', 1], 'the header stays in view');
  });

  it('sets the column widths and wraps the text', () => {
    const sheet = book.worksheets[1];
    assert.deepStrictEqual(sheet.columns.map((c) => c.width), ASSIGNMENT_WIDTHS);
    assert.strictEqual(sheet.getRow(2).getCell(2).alignment?.wrapText, true, 'a long 方案条目 wraps');
  });

  it('holds each row\'s cells, the 序号 as a number', () => {
    const sheet = book.worksheets[1];
    assert.strictEqual(sheet.rowCount, 1 + tables[1].rows.length);
    assert.deepStrictEqual((sheet.getRow(2).values as unknown[]).slice(1), [1, ...assignmentCells(tables[1].rows[0]).slice(1)]);
    const threshold = book.worksheets[0].getColumn(7).values.find((v) => typeof v === 'string' && v.startsWith('threshold-mismatch'));
    assert.ok(threshold, 'the sample plan\'s finding is in 检查结果');
  });

  it('colours 检查结果 by the worst finding of the row and prints landscape with the header on each page', () => {
    const sample = book.worksheets[0];
    const colourOf = (sheet: ExcelJS.Worksheet, reference: string) => {
      let colour: string | undefined;
      sheet.eachRow((row) => row.getCell(3).value === reference && (colour = row.getCell(7).font?.color?.argb));
      return colour;
    };
    assert.strictEqual(colourOf(sample, '表1第12项'), 'FFC00000', 'a row with an error is red');
    assert.strictEqual(colourOf(book.worksheets[1], '表4第1项'), 'FF2E7D32', 'a row that passes is green');
    assert.deepStrictEqual([sample.pageSetup.orientation, sample.pageSetup.printTitlesRow], ['landscape', '1:1']);
  });

  it('keeps Excel\'s rules for sheet names when titles clash or carry forbidden characters', async () => {
    const t = { file: 'a.md', title: '方案：第1/2期[草稿]', rows: [] };
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await assignmentsWorkbook([t, t]) as unknown as ArrayBuffer);
    const names = again.worksheets.map((s) => s.name);
    assert.strictEqual(new Set(names).size, 2, `unique names: ${names.join(', ')}`);
    for (const n of names) assert.doesNotMatch(n, /[:\\/?*[\]]/, `no forbidden character in ${n}`);
  });
});

describe('policy-lens assignments and report (the built CLI)', function () {
  this.timeout(30000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-assignments-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the workbook of two plans to --out, one sheet each', async () => {
    const out = path.join(dir, 'fengong.xlsx');
    const r = cli(['assignments', SAMPLE, TABLE_PLAN, '--format', 'xlsx', '--out', out]);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.err, `policy-lens: wrote ${out} (2 plans)\n`, 'says what it wrote');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    assert.strictEqual(book.worksheets.length, 2);
    assert.strictEqual(book.worksheets[1].getRow(2).getCell(4).value, '区商务局', 'the first row\'s lead unit');
  });

  it('refuses to write a workbook to the terminal', () => {
    const r = cli(['assignments', SAMPLE, '--format', 'xlsx']);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /--out/, 'the message says to give --out');
    assert.strictEqual(r.out, '', 'nothing binary on standard output');
  });

  it('prints Markdown by default and CSV with its BOM to standard output', () => {
    const md = cli(['assignments', SAMPLE]);
    assert.strictEqual(md.code, 0, md.err);
    assert.match(md.out, /^## 任务分工表：/);
    const csv = cli(['assignments', SAMPLE, '--format=csv']);
    assert.ok(csv.out.startsWith('\uFEFF序号,'), 'CSV with BOM');
  });

  it('rejects an unknown format and exits 2 on a file it cannot read', () => {
    assert.strictEqual(cli(['assignments', SAMPLE, '--format', 'docx']).code, 2);
    const missing = cli(['assignments', SAMPLE, path.join(dir, 'missing.md')]);
    assert.strictEqual(missing.code, 2, 'a missing file is an error, not a silent pass');
    assert.match(missing.err, /missing\.md/);
    const binary = path.join(dir, 'binary.md');
    fs.writeFileSync(binary, Buffer.from(Array.from({ length: 512 }, (_v, i) => (i * 37) % 256)));
    const r = cli(['assignments', SAMPLE, binary, '--format', 'json']);
    assert.strictEqual(r.code, 2, 'a file that is not text is an error, not a silent pass');
    assert.match(r.err, /binary\.md/);
    assert.strictEqual(JSON.parse(r.out).length, 1, 'the readable plan is still written');
  });

  it('reads a Word plan and places its rows and findings by paragraph', async () => {
    const docx = path.join(dir, 'plan.docx');
    fs.writeFileSync(docx, await makeDocx([
      { heading: 1, text: '某区实施方案' },
      { paragraph: '说明。' },
      { numbered: '落实表1第12项，中方股比不低于51%。由区商务局牵头，2024年6月前完成。' },
    ]));
    const r = cli(['assignments', docx, '--format', 'json']);
    assert.strictEqual(r.code, 0, r.err);
    const [row] = JSON.parse(r.out)[0].rows;
    assert.deepStrictEqual([row.paragraph, row.lead, row.findings[0]?.code], [3, '区商务局', 'threshold-mismatch'], 'the third Word paragraph');
    const page = path.join(dir, 'word.html');
    const written = cli(['report', docx, '--out', page]);
    assert.deepStrictEqual([written.code, written.err], [0, `policy-lens: wrote ${page} (1 plan)\n`]);
    assert.match(fs.readFileSync(page, 'utf8'), /<td class="place">¶3<\/td>/, 'the report places the finding at ¶3');
  });

  it('writes the report of a plan read from standard input to standard output, and takes no other format', () => {
    const r = spawnSync(process.execPath, [CLI, 'report', '-'], { cwd: ROOT, input: '落实表1第12项。\n', encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^<!DOCTYPE html>/, 'the page on standard output');
    assert.match(r.stdout, /data-task="T1\.12"[^\n]*data-covering="1"/, 'the plan read from standard input cites 表1第12项');
    assert.strictEqual(cli(['report', SAMPLE, '--format', 'pdf']).code, 2, 'report writes HTML only');
    assert.strictEqual(cli(['report']).code, 2, 'report needs a FILE');
  });

  it('writes the report page with the whole matrix to --out', () => {
    const out = path.join(dir, 'report.html');
    const r = cli(['report', SAMPLE, TABLE_PLAN, '--out', out]);
    assert.strictEqual(r.code, 0, r.err);
    const html = fs.readFileSync(out, 'utf8');
    assert.strictEqual((html.match(/<tr class="task"/g) ?? []).length, index.tasks.length);
    assert.strictEqual((html.match(/<article class="plan"/g) ?? []).length, 2);
  });
});
