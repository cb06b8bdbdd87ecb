// Re-checking an edited document from the analysis of its previous version gives what a fresh check gives.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AnalyzeOptions, Checker, closestAnalysis, DocumentAnalysis } from '../../server/src/core/analyze';
import { LineIndex, NONE } from '../../server/src/core/text';
import { loadEngine } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function signature(a: DocumentAnalysis): string {
  return JSON.stringify({
    findings: a.findings.map((f) => [f.start, f.end, f.code, f.severity, f.message]),
    references: a.references.map((r) => [r.ref.start, r.ref.end, r.tasks.map((t) => t.id)]),
  });
}

describe('incremental re-checking', function () {
  this.timeout(180000);
  const { checker } = loadEngine(ROOT);
  const fixtures = path.join(ROOT, 'test', 'fixtures', 'checks');
  const plans = [path.join(ROOT, 'examples', 'sample-plan.md'), ...fs.readdirSync(fixtures).filter((f) => f.endsWith('.md')).map((f) => path.join(fixtures, f))];
  /** A check by a checker with an empty cache of its own: a wrong cache key in the incremental one cannot pass unnoticed. */
  const freshCheck = (text: string, options: AnalyzeOptions) => new Checker(checker.index, undefined, checker.context).analyze(text, options);

  /** Each text checked as an edit of the one before, asserted to give what a fresh check gives; the analyses, in order. */
  function checkedAsEdits(texts: readonly string[], options: AnalyzeOptions): DocumentAnalysis[] {
    const analyses: DocumentAnalysis[] = [];
    for (const text of texts) {
      const incremental = checker.analyze(text, options, undefined, analyses[analyses.length - 1]);
      assert.strictEqual(signature(incremental), signature(freshCheck(text, options)), text);
      analyses.push(incremental);
    }
    return analyses;
  }

  const pieces = ['\n', '\n\n', '\r\n', '\r', ' ', '，', '表1第58项', '## 表2 任务\n', '第3项', '中方股比不低于51%', '“允许外商投资社会调查”', '<!-- policy-lens-disable -->', '- 落实表1第12项\n', '### 落实表1第35项\n', '（一）落实表1第36项\n\n', '|\n', '一是', '；二是', '| 表1第12项 | 区财政局 | 2024年底 |\n', '（区商务局牵头，2025年底前完成）', '\t', '1\t1-12\t区财政局\t2024年底\n\n'];

  it('gives the same findings, references and positions as a fresh check, over 500 random edits', () => {
    const options = { locale: 'zh' as const };
    let text = plans.map((f) => fs.readFileSync(f, 'utf8')).join('\n\n');
    let previous = checker.analyze(text, options);
    let seed = 20261129;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      const at = random(text.length + 1);
      const removed = random(4) === 0 ? random(40) : 0;
      const inserted = random(3) === 0 ? '' : pieces[random(pieces.length)];
      text = text.slice(0, at) + inserted + text.slice(at + removed);
      const incremental = checker.analyze(text, options, undefined, previous);
      assert.strictEqual(signature(incremental), signature(freshCheck(text, options)), `edit ${i}: ${JSON.stringify(inserted)} at ${at}, ${removed} removed`);
      const lines = new LineIndex(text);
      const ranges: string[] = [];
      incremental.forEachFinding((_f, _s, line, r) =>
        ranges.push(JSON.stringify({ start: { line: line + r.startLine, character: r.startCharacter }, end: { line: line + r.endLine, character: r.endCharacter } })),
      );
      // in the document's own offsets (a paragraph copied out of a PDF is read as a view with its lines joined)
      assert.deepStrictEqual(ranges, incremental.sourceFindings.map((f) => JSON.stringify(lines.range(f.start, f.end))), `edit ${i}: finding positions`);
      previous = incremental;
    }
  });

  it('re-checks a plan whose one paragraph changes in what the rest of the plan reads of it, over 400 random edits within paragraphs', () => {
    // edits that keep the paragraphs (no blank line made or removed) but change their labels, dates, numbering, units,
    // citations and titles: the version after one is checked without walking the plan when the rest of it cannot see
    // the change (Checker.planAfterEdit), and must still give what a fresh check gives
    const options = { locale: 'zh' as const };
    let text = plans.map((f) => fs.readFileSync(f, 'utf8')).join('\n\n');
    const within = ['牵头单位：区商务局', '完成时限：2025年底前', '2024年6月', '表1第12项', '表3第5项', '（1）', '①', '1. ', '2．', '一、', '（二）', '区金融工作局', '区金融局', '区工信局', '区商务局牵头', '（以下简称“区金融局”）', '\n牵头单位：区发展改革局', '\n完成时限：2025年12月', '\n责任单位：区商务局', '落实', '持续推进', '注：排在第一位的为牵头单位', '、', '。', '；', '实施方案', '2024年5月20日', '| 表1第13项 | 区财政局 | 2024年底 |', '一是', '二是'];
    let seed = 20261207;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      // the high bits: the low ones of this generator repeat every few numbers
      return Math.floor(seed / 65536) % n;
    };
    const proto = Checker.prototype as unknown as { planAfterEdit: (...args: unknown[]) => unknown };
    const planAfterEdit = proto.planAfterEdit;
    let kept = 0;
    proto.planAfterEdit = function (this: unknown, ...args: unknown[]) {
      const plan = planAfterEdit.apply(this, args);
      if (plan) kept++;
      return plan;
    };
    try {
      let previous = checker.analyze(text, options);
      for (let i = 0; i < 400; i++) {
        // inside a line, not at its ends (so that no blank line is made or removed): the paragraphs stay as they were
        let at = random(text.length + 1);
        let removed = random(3) === 0 ? random(6) : 0;
        while (/[\r\n]/.test(text.slice(at - 1, at + removed + 1))) {
          at = random(text.length + 1);
          removed = random(3) === 0 ? random(6) : 0;
        }
        const inserted = random(4) === 0 ? '' : within[random(within.length)];
        text = text.slice(0, at) + inserted + text.slice(at + removed);
        const incremental = checker.analyze(text, options, undefined, previous);
        assert.strictEqual(signature(incremental), signature(freshCheck(text, options)), `edit ${i}: ${JSON.stringify(inserted)} at ${at}, ${removed} removed, in ${JSON.stringify(text.slice(at - 40, at + 40))}`);
        previous = incremental;
      }
    } finally {
      proto.planAfterEdit = planAfterEdit;
    }
    console.log(`      (${kept} of the edits were checked without walking the plan)`);
    assert.ok(kept >= 100, `the edits were checked without walking the plan ${kept} times: the test exercises that path`);
  });

  it('flags and unflags every undated item as edits cross the share of dated items, as a fresh check does', () => {
    // four items, three dated: the fourth is flagged; undating the second drops the share to a half and clears it
    const options = { locale: 'zh' as const };
    const dated = (n: number, ref: string, month: string) => `${n}. 落实${ref}。牵头单位：区商务局；完成时限：${month}。`;
    const steps = [
      [dated(1, '表1第12项', '2024年6月'), dated(2, '表1第13项', '2024年9月'), dated(3, '表1第14项', '2025年3月'), '4. 落实表1第15项。牵头单位：区商务局。'],
      [dated(1, '表1第12项', '2024年6月'), '2. 落实表1第13项。牵头单位：区商务局。', dated(3, '表1第14项', '2025年3月'), '4. 落实表1第15项。牵头单位：区商务局。'],
      [dated(1, '表1第12项', '2024年6月'), '2. 落实表1第13项。牵头单位：区商务局；完成时限：持续推进。', dated(3, '表1第14项', '2025年3月'), '4. 落实表1第15项。牵头单位：区商务局。'],
    ].map((items) => items.join('\n\n') + '\n');
    const flagged = checkedAsEdits(steps, options).map((a) => a.findings.filter((f) => f.code === 'missing-deadline').length);
    assert.deepStrictEqual(flagged, [1, 0, 1], 'flagged at 3 of 4 dated, not at 2 of 4, again when 持续推进 dates the second');
    // the same far down a plan, where an edit of one paragraph is checked without walking the plan when nothing else can see it
    const below = checkedAsEdits(steps.map((text) => '推进服务业扩大开放。\n\n'.repeat(6) + text), options).map((a) => a.findings.filter((f) => f.code === 'missing-deadline').length);
    assert.deepStrictEqual(below, [1, 0, 1], 'the same below six paragraphs');
  });

  it("re-checks the items of the body whose task's 分工表 row changes, and only what that row says of them, as a fresh check does", () => {
    // a body item per task, the table far below them; typing the row's lead changes what the table says of 表1第12项 only
    const options = { locale: 'zh' as const };
    const row = (lead: string, date: string) => `| 表1第12项 | ${lead} | ${date} |`;
    const table = (r: string) => ['| 任务 | 牵头单位 | 完成时限 |', '| --- | --- | --- |', r, '| 表1第13项 | 区文广旅体局 | 2025年底 |'].join('\n');
    const body = '1. 允许外商投资社会调查（表1第12项）。（区商务局牵头，2025年底前完成）\n\n2. 支持外商投资旅行社从事出境旅游业务（表1第13项）。（区发展改革局牵头）\n\n3. 落实表1第14项。\n\n';
    const steps = [row('区商务局', '2025年底'), row('区商务', '2025年底'), row('区财政局', '2025年底'), row('', '2025年底'), row('区商务局', '2024年底'), row('区商务局', '2025年底')]
      .map((r) => body + table(r) + '\n');
    const found = checkedAsEdits(steps, options).map((a) => a.findings.filter((f) => f.code === 'assignment-mismatch' || f.code === 'missing-lead-unit').map((f) => `${f.code}@${f.start}`).join(' '));
    const base = `assignment-mismatch@${body.indexOf('区发展改革局')} missing-lead-unit@${body.indexOf('落实表1第14项')}`;
    const rowWithoutLead = `missing-lead-unit@${body.length + table(row('', '')).indexOf('表1第12项')}`;
    assert.deepStrictEqual(found, [
      base,
      `${base} ${rowWithoutLead}`, // 区商务 names no unit: the row has no lead (the body's item keeps its own)
      `assignment-mismatch@${body.indexOf('区商务局')} ${base}`, // the row gives 区财政局
      `${base} ${rowWithoutLead}`,
      `assignment-mismatch@${body.indexOf('2025年底前')} ${base}`, // the row gives 2024年底
      base,
    ]);
  });

  it('flags a task the 分工表 leaves out while it lists most of the body\'s, as rows come and go, as a fresh check does', () => {
    const options = { locale: 'zh' as const };
    const body = [12, 13, 14, 15].map((n, k) => `${k + 1}. 落实表1第${n}项。（区商务局牵头，2025年底前完成）`).join('\n') + '\n\n';
    const table = (ns: number[]) => ['| 任务 | 牵头单位 | 完成时限 |', '| --- | --- | --- |', ...ns.map((n) => `| 表1第${n}项 | 区商务局 | 2025年底 |`)].join('\n') + '\n';
    const steps = [[12, 13, 14], [12, 13, 14, 15], [12, 13], [12, 13, 15]].map((ns) => body + table(ns));
    const missing = checkedAsEdits(steps, options).map((a) => a.findings.filter((f) => f.code === 'assignment-mismatch').map((f) => a.text.slice(f.start, f.start + 10)));
    assert.deepStrictEqual(missing, [['落实表1第15项。（'], [], [], ['落实表1第14项。（']], 'three of four listed: the fourth; all; two of four: none; three again');
  });

  it('says which tasks of an item citing several the 分工表 leads none of, as rows are read, unread and gone, as a fresh check does', () => {
    const options = { locale: 'zh' as const };
    const body = ['1. 落实表5第8、9项，加强数据管理和风险防控。', '2. 落实表5第10项。（区政务服务数据管理局牵头，2025年底前完成）', '3. 落实表5第11项。（区商务局牵头，2025年底前完成）'].join('\n') + '\n\n';
    const table = (rows: string[]) => ['| 任务编号 | 牵头单位 | 完成时限 |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
    const eight = '| 5-8 | 区政务服务数据管理局 | 2025年6月底前 |';
    const steps = [[eight], [eight, '| 见附 | 区市场监督管理局 | 2025年6月底前 |'], [eight], [eight, '| 5-9 | 区市场监督管理局 | 2025年6月底前 |'], []].map((rows) => body + table(rows));
    const said = checkedAsEdits(steps, options).map((a) => a.findings.filter((f) => f.code === 'missing-lead-unit').map((f) => f.message.slice(0, 5)));
    assert.deepStrictEqual(said, [['表5第9项'], [], ['表5第9项'], [], ['表5第8项']], 'the second unled; a row unread may lead it; unled again; led; none led: the item says its first');
  });

  it('reads a 分工表 pasted with a blank line between its rows as one table as rows, tabs and blank lines come and go, as a fresh check does', () => {
    // a body item's lead against the row of its task, whose rows are paragraphs of their own: each edit joins or splits
    // the table's paragraphs next to the edited one
    const options = { locale: 'zh' as const };
    const body = '1. 落实表1第12项。（区发展改革局牵头，2025年底前完成）\n\n2. 落实表1第14项。（区商务局牵头，2025年底前完成）\n\n附件：分工表\n\n';
    const header = '序号\t任务编号\t牵头单位\t完成时限';
    const row = (n: number, item: number) => `${n}\t1-${item}\t区商务局\t2025年底前`;
    const steps = [
      [header, row(1, 12), row(2, 14)].join('\n\n'),
      [header, row(1, 12), row(2, 14), row(3, 15)].join('\n\n'), // a row typed below the table
      [header, row(1, 12).replace(/\t/g, ' '), row(2, 14), row(3, 15)].join('\n\n'), // a row that is no row: the table is split
      [header, row(1, 12), row(2, 14), row(3, 15)].join('\n\n'),
      [header, row(1, 12), row(2, 14)].join('\n') + '\n\n' + row(3, 15), // blank lines taken out, one left
      [header, '说明：以下任务按季度报送进展', row(1, 12), row(2, 14)].join('\n\n'), // prose between the header and the rows
      [row(1, 12), row(2, 14)].join('\n\n'), // no header: no task-number column
    ].map((table) => body + table + '\n');
    const found = checkedAsEdits(steps, options).map((a) => a.findings.filter((f) => f.code === 'assignment-mismatch').map((f) => a.text.slice(f.start, f.end)));
    assert.deepStrictEqual(found, [['区发展改革局'], ['区发展改革局'], [], ['区发展改革局'], ['区发展改革局'], [], []]);
  });

  it("holds a deadline on a paragraph of labels to the plan's date again as the item above it cites a task or not, as a fresh check does", () => {
    const options = { locale: 'zh' as const };
    // the other items and what the plan says of them stay the same: only what the labels' item is changes
    const others = ['2. 提升知识产权运营服务能力（表2第15项）。', '3. 开展国家级服务业标准化试点（表4第5项）。'].map((item) => `${item}\n\n牵头单位：区商务局\n\n完成时限：2025年6月底前`).join('\n\n');
    const plan = (item: string) => `越秀区落实试点工作方案\n\n${item}\n\n牵头单位：区商务局\n\n完成时限：2023年3月底前\n\n${others}\n\n广州市越秀区人民政府\n\n2023年5月10日\n`;
    const steps = [plan('1. 推行质量基础设施一站式服务（表2第7项）。'), plan('1. 召开全区动员部署会议。'), plan('1. 推行质量基础设施一站式服务（表2第7项）。')];
    const flagged = checkedAsEdits(steps, options).map((a) => a.findings.filter((f) => f.code === 'deadline-outside-pilot').length);
    assert.deepStrictEqual(flagged, [1, 0, 1], 'the item cites a task, then is a step of work, then cites it again');
  });

  it('counts items dated by the heading-like paragraph above them again when that paragraph\'s date comes and goes', () => {
    const options = { locale: 'zh' as const };
    const plan = (heading: string) => `（一）商务服务${heading}\n\n1. 落实表1第12项。（区商务局牵头）\n\n2. 落实表1第13项。（区商务局牵头）\n\n3. 落实表1第14项。（区商务局牵头）\n\n（二）金融服务\n\n4. 落实表1第35项。（区金融工作局牵头）\n`;
    const flagged = checkedAsEdits([plan('（2025年底前完成）'), plan(''), plan('（2025年底前完成）')], options).map((a) => a.findings.filter((f) => f.code === 'missing-deadline').length);
    assert.deepStrictEqual(flagged, [1, 0, 1], 'three of four dated by the heading: the fourth flagged; none dated: none');
  });

  it('holds every item to the plan\'s own date (its 落款) again as that date, or the unit above it, comes and goes', () => {
    const options = { locale: 'zh' as const };
    const plan = (unit: string, date: string) => `1. 落实表1第12项。（区商务局牵头，2023年3月底前完成）\n\n2. 落实表1第13项。（区商务局牵头，2023年8月底前完成）\n\n${unit}\n\n${date}\n`;
    const texts = [plan('某区人民政府办公室', '2023年5月10日'), plan('某区人民政府办公室', '2023年9月1日'), plan('完成时限：', '2023年9月1日'), plan('某区人民政府办公室', '2023年1月1日'), plan('某区人民政府办公室', '2023年9月1日')];
    const flagged = checkedAsEdits(texts, options).map((a) => a.findings.filter((f) => f.code === 'deadline-outside-pilot').length);
    assert.deepStrictEqual(flagged, [1, 2, 0, 0, 2]);
  });

  it('holds a pilot area\'s task to the plan\'s title again as the title changes or goes, as a fresh check does', () => {
    const options = { locale: 'zh' as const };
    const plan = (title: string) => `${title}\n\n一、重点任务\n\n　　（一）开展专利代理对外开放试点（表3第10项）。\n\n　　（二）加强人工智能相关法律、伦理和社会问题研究（表3第23项）。\n`;
    const texts = [plan('海珠区落实服务业扩大开放综合试点实施方案'), plan('黄埔区落实服务业扩大开放综合试点实施方案'), plan('落实服务业扩大开放综合试点的几点意见如下，请研究。'), plan('海珠区落实服务业扩大开放综合试点实施方案')];
    const flagged = checkedAsEdits(texts, options).map((a) => a.findings.filter((f) => f.code === 'place-mismatch').map((f) => texts[0].slice(f.start, f.end)).join(' '));
    // 海珠区's plan: 表3第10项 is 黄埔区's; 黄埔区's: 表3第23项 is 海珠区's; a first paragraph that is no title: neither
    assert.deepStrictEqual(flagged, ['表3第10项', '表3第23项', '', '表3第10项']);
  });

  it('says which of the title\'s area\'s tasks the plan leaves out again as citations come and go far below it, as a fresh check does', () => {
    const options = { locale: 'zh' as const };
    const plan = (cited: string) => `海珠区落实服务业扩大开放综合试点实施方案\n\n一、重点任务\n\n${'　　推进服务业扩大开放。\n\n'.repeat(20)}　　（一）加强人工智能伦理研究（${cited}）。\n`;
    const texts = [plan('表3第23项'), plan('表3第22至24项'), plan('表3第22项、表3第23项'), plan('表4第6项')];
    const said = checkedAsEdits(texts, options).map((a) => a.findings.filter((f) => f.code === 'missing-area-task').map((f) => f.message.replace(/^.*试点任务(?:中的)?/, '')).join(' '));
    assert.deepStrictEqual(said, ['表3第22项、表3第24项', '', '表3第24项', '（表3第22至24项）']);
    // the same citations in a sentence of the body, not an item (an edit of it alone re-checks the title's paragraph)
    const prose = (cited: string) => `海珠区落实服务业扩大开放综合试点实施方案\n\n一、重点任务\n\n${'　　推进服务业扩大开放。\n\n'.repeat(20)}　　我区将围绕人工智能伦理研究，统筹推进${cited}的落实。\n`;
    const inProse = checkedAsEdits([prose('表3第23项'), prose('表3第22至24项'), prose('表3第22项、表3第23项'), prose('表4第6项')], options);
    assert.deepStrictEqual(inProse.map((a) => a.findings.filter((f) => f.code === 'missing-area-task').length), [1, 0, 1, 1]);
  });

  it('re-numbers the headings far below one that comes, goes or changes its number, as a fresh check does', () => {
    const options = { locale: 'zh' as const };
    const plan = (second: string) => ['一、总体要求', '（一）指导思想', second, ...Array.from({ length: 20 }, () => '推进服务业扩大开放。'), '（三）工作目标', '二、重点任务', '（一）金融开放'].join('\n\n') + '\n';
    const texts = [plan('（二）基本原则'), plan('推进服务业扩大开放。'), plan('（三）基本原则'), plan('（二）基本原则')];
    const said = checkedAsEdits(texts, options).map((a, i) => a.findings.filter((f) => f.code === 'heading-numbering').map((f) => texts[i].slice(f.start - 1, f.end + 1)).join(' '));
    // without its second heading the third skips; the second numbered （三） skips, and the third repeats it
    assert.deepStrictEqual(said, ['', '（三）', '（三） （三）', '']);
    // an item's number changed within its paragraph, far down the plan: the next paragraph's number is read after it
    const items = (second: string) => `${'推进服务业扩大开放。\n\n'.repeat(6)}一、重点任务\n\n1．做好A。\n${second}．做好B。\n\n3．做好C。\n`;
    const numbered = checkedAsEdits([items('2'), items('3'), items('2')], options);
    assert.deepStrictEqual(numbered.map((a) => a.findings.filter((f) => f.code === 'heading-numbering').length), [0, 2, 0], 'the second 3． repeats the first');
  });

  it("says a 分工表 row's date as the row now writes it when it is written another way for the same day, as a fresh check does", () => {
    // the body's date differs from the row's: the finding quotes the row's, which an edit writes as the same day again
    const options = { locale: 'zh' as const };
    const plan = (date: string) => ['1. 支持外商投资旅行社从事出境旅游业务（表1第13项）。（区商务局牵头，2023年5月底前完成）', '| 任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- |\n' + `| 表1第13项 | 区商务局 | ${date} |`].join('\n\n') + '\n';
    const steps = [plan('2025年12月'), plan('2025年底'), plan('2025年12月31日')];
    const said = checkedAsEdits(steps, options).map((a) => a.findings.filter((f) => f.code === 'assignment-mismatch').map((f) => /分工表为“([^”]+)”/.exec(f.message)?.[1]).join(' '));
    assert.deepStrictEqual(said, ['2025年12月', '2025年底', '2025年12月31日']);
  });

  it('re-counts enumerated clauses in paragraphs of their own far below one that comes, goes or changes, as a fresh check does', () => {
    const options = { locale: 'zh' as const };
    const plan = (second: string) => ['（一）加强组织领导。', '一是成立工作领导小组。', second, ...Array.from({ length: 20 }, () => '推进服务业扩大开放。'), '三是强化督查考核。', '（二）强化要素保障。', '一是加大资金支持。'].join('\n\n') + '\n';
    const texts = [plan('二是建立联席会议制度。'), plan('推进服务业扩大开放。'), plan('（二）建立联席会议制度。'), plan('二是建立联席会议制度。')];
    const said = checkedAsEdits(texts, options).map((a, i) => a.findings.filter((f) => f.code === 'heading-numbering').map((f) => texts[i].slice(f.start, f.end + 1)).join(' '));
    // without 二是 the 三是 far below skips; a heading in its place starts the clauses again (三是 first: no slip), and
    // then the （二） after it repeats
    assert.deepStrictEqual(said, ['', '三是', '二）', '']);
  });

  it("says again whose district a lead unit is as the plan's title far above it changes, as a fresh check does", () => {
    const options = { locale: 'zh' as const };
    const plan = (title: string) => [title, ...Array.from({ length: 20 }, () => '推进服务业扩大开放。'), '1. 允许外商投资社会调查（表1第12项）。（天河区商务局牵头）'].join('\n\n') + '\n';
    const texts = [plan('越秀区落实服务业扩大开放综合试点实施方案'), plan('天河区落实服务业扩大开放综合试点实施方案'), plan('广州市落实服务业扩大开放综合试点实施方案'), plan('荔湾区落实服务业扩大开放综合试点实施方案')];
    const said = checkedAsEdits(texts, options).map((a) => a.findings.filter((f) => f.code === 'other-district-unit').map((f) => f.message.slice(0, 8)).join(' '));
    assert.deepStrictEqual(said, ['本方案是越秀区的', '', '', '本方案是荔湾区的']);
  });

  it('says a unit is written two ways again as its names come, go and change far from it, as a fresh check does', () => {
    const options = { locale: 'zh' as const };
    const plan = (far: string) =>
      ['1. 推动数字人民币试点扩面（表1第35项）。（区工业和信息化局牵头）', ...Array.from({ length: 20 }, () => '推进服务业扩大开放。'), far, '2. 支持企业开展保税展示交易业务（表1第14项）。（区工信局牵头）'].join('\n\n') + '\n';
    const texts = [
      plan('推进服务业扩大开放。'),
      plan('3. 允许外商投资社会调查（表1第12项）。（区工信局牵头）'),
      plan('3. 允许外商投资社会调查（表1第12项）。（区工业和信息化局牵头）'),
      plan('区工业和信息化局（以下简称“区工信局”）负责统筹。'),
      plan('推进服务业扩大开放。'),
    ];
    const said = checkedAsEdits(texts, options).map((a, i) => a.findings.filter((f) => f.code === 'inconsistent-unit-name').map((f) => `${texts[i].slice(f.start, f.end)}:${f.message.replace(/^.*全文 (\d+) 处.*另有 (\d+) 处.*$/, '$1/$2')}`).join(' '));
    // once each: the shorter; the short name twice: the full name gives way; the full name twice: the short one; a
    // declared 简称: none; once each again
    assert.deepStrictEqual(said, ['区工信局:1/1', '区工业和信息化局:1/2', '区工信局:1/2', '', '区工信局:1/1']);
  });

  it('re-reads a heading-like paragraph as its next paragraph and its own citation change, as a fresh check does', () => {
    // （一）落实表1第35项 over 1. … titles its section and gives its items its task; over 牵头单位：… it is the item. No
    // deadlines asked: whether the plan dates most items does not change with the steps, only what the heading is
    const options = { locale: 'zh' as const, structure: { requireDeadline: 'off' as const } };
    const plan = (heading: string, next: string) => ['一、金融服务领域', heading, next, '2. 建立工作专班（2024年底前）。', '3. 完善配套政策。（区财政局牵头，2024年底前）'].join('\n\n') + '\n';
    const steps = [
      plan('（一）落实表1第35项', '1. 拓展数字人民币应用场景。（区金融局牵头，2024年底前）'),
      plan('（一）落实表1第35项', '（二）拓展数字人民币应用场景。（区金融局牵头，2024年底前）'),
      plan('（一）落实表1第35项', '牵头单位：区金融局'),
      plan('（一）落实表1第36项', '1. 拓展数字人民币应用场景。（区金融局牵头，2024年底前）'),
      plan('（一）推进数字人民币工作', '1. 拓展数字人民币应用场景。（区金融局牵头，2024年底前）'),
    ];
    const seen = checkedAsEdits(steps, options).map((incremental, i) => {
      const found = incremental.findings.map((f) => `${f.code}@${steps[i].slice(f.start, f.start + 6)}`);
      return `${found.join(' ')} / ${incremental.taskItems.map((t) => [...t.cited.map((c) => c.id), ...t.restated.map((c) => `~${c.id}`)].join('+')).join(' ')}`;
    });
    assert.deepStrictEqual(seen, [
      // the heading's task goes to the items under it (not a row itself); the one without a lead is flagged
      'missing-lead-unit@建立工作专班 / T1.35 T1.35 T1.35',
      // over an item of its own level, the heading is an item itself (one of a list): without a lead
      'missing-lead-unit@落实表1第3 / T1.35',
      // 牵头单位 after it makes the heading the item (its lead); the items after it are still under it
      'missing-lead-unit@建立工作专班 / T1.35 T1.35 T1.35',
      // the heading cites another task than the first item restates: that item is uncited, the others are its
      'uncited-task@拓展数字人民 missing-lead-unit@建立工作专班 / ~T1.35 T1.36 T1.36',
      // a heading that cites nothing gives nothing: only the item that restates a task is a task item
      'uncited-task@拓展数字人民 / ~T1.35',
    ]);
  });

  it('tells onFreshParagraph of each paragraph it analyses afresh, and of none it finds cached', () => {
    const own = new Checker(checker.index, undefined, checker.context);
    const told: number[] = [];
    own.onFreshParagraph = (chars) => told.push(chars);
    const options = { locale: 'zh' as const };
    const text = '# 方案\n\n落实表1第12项。\n\n推进外资准入。\n';
    const first = own.analyze(text, options);
    assert.deepStrictEqual(told, ['# 方案', '落实表1第12项。', '推进外资准入。'].map((p) => p.length));
    told.length = 0;
    own.analyze(text, options);
    assert.deepStrictEqual(told, [], 'the same text again: every paragraph cached');
    own.analyze(text.replace('推进', '加快推进'), options, undefined, first);
    assert.deepStrictEqual(told, ['加快推进外资准入。'.length], 'an edit: the edited paragraph only');
  });

  it('shares one empty list among the cached results that have nothing, and keeps the others at their length', () => {
    // a 1 MB plan holds ten thousand paragraph results: a dozen private empty or push-grown lists each were a fifth of them
    const analysis = freshCheck('推进服务业扩大开放。\n\n落实表1第12项，中方股比不低于51%。\n', { locale: 'zh' });
    const [plain, cited] = analysis.paragraphs.map((p) => p.model);
    for (const list of [plain.references, plain.bare, plain.carried, plain.thresholds, plain.blocks[0].references, plain.blocks[0].bare, cited.bare]) assert.strictEqual(list, NONE);
    assert.throws(() => (plain.bare as unknown[]).push(1), TypeError, 'the shared list is frozen: a push on it must not reach every other result');
    assert.strictEqual(cited.references.length, 1);
    assert.deepStrictEqual(cited.references[0].tasks.map((t) => t.id), ['T1.12']);
    assert.strictEqual(cited.references[0].problems, NONE);
    assert.strictEqual(cited.blocks[0].references[0], cited.references[0]);
  });

  it('shares what paragraphs have in common: their headings\' titles, a task\'s related span and a lone task\'s list (frozen)', () => {
    // per paragraph, these were a tenth of what a 1 MB plan keeps while it is open
    const text = '## 商务服务\n\n落实表1第99项。\n\n落实表1第12项，中方股比不低于51%。\n\n另见表1第12项，中方股比不低于49%。\n';
    const analysis = freshCheck(text, { locale: 'zh' });
    const blocks = analysis.paragraphs.slice(1).map((p) => p.model.blocks[0]);
    assert.deepStrictEqual(blocks[0].headings, ['商务服务']);
    for (const b of blocks) assert.strictEqual(b.headings, blocks[0].headings, 'the paragraphs of a section share one list of titles');
    const related = analysis.findings.filter((f) => f.code === 'threshold-mismatch' || f.code === 'domain-mismatch').flatMap((f) => f.related);
    const t112 = analysis.findings.filter((f) => f.related.some((r) => r.message.includes('表1第12项')));
    assert.ok(t112.length >= 2, `two findings point at 表1第12项: ${analysis.findings.map((f) => f.code).join(' ')}`);
    assert.ok(related.length > 0);
    const spans = new Set(t112.flatMap((f) => f.related.filter((r) => r.message.includes('表1第12项'))));
    assert.strictEqual(spans.size, 1, 'one related span per task');
    const [span] = spans;
    assert.ok(Object.isFrozen(span) && Object.isFrozen(span.span), 'shared: no finding can change it for the others');
    // two references to 表1第12项 alone share the list of their tasks; a paragraph of one block shares its references
    const [second, third] = analysis.paragraphs.slice(2).map((p) => p.model);
    assert.strictEqual(second.references[0].tasks, third.references[0].tasks);
    assert.ok(Object.isFrozen(second.references[0].tasks));
    assert.strictEqual(second.blocks[0].references, second.references);
  });

  it('shows a cached paragraph\'s findings at the severities of each analysis\'s options, switched back and forth', () => {
    // a paragraph's entries are kept with the severities they were made for: other options must not get them
    const text = '落实表1第99项。\n\n落实表1第12项，中方股比不低于51%。\n';
    const plain = { locale: 'zh' as const };
    const quiet = { locale: 'zh' as const, severity: { 'unknown-task': 'off' as const, 'threshold-mismatch': 'hint' as const } };
    const codes = (a: DocumentAnalysis) => a.findings.map((f) => `${f.code}:${f.severity}`).sort().join(' ');
    const first = codes(checker.analyze(text, plain));
    assert.match(first, /unknown-task:error/);
    assert.match(first, /threshold-mismatch:error/);
    const second = codes(checker.analyze(text, quiet));
    assert.doesNotMatch(second, /unknown-task/);
    assert.match(second, /threshold-mismatch:hint/);
    assert.strictEqual(codes(checker.analyze(text, plain)), first);
    const seen: string[] = [];
    checker.analyze(text, quiet).forEachFinding((f, severity) => seen.push(`${f.code}:${severity}`));
    assert.strictEqual(seen.sort().join(' '), second);
  });

  it('checks a document opened with most of an open one\'s text as an edit of it, and gives what a fresh check gives', () => {
    const options = { locale: 'zh' as const };
    const base = plans.map((f) => fs.readFileSync(f, 'utf8')).join('\n\n');
    const other = fs.readFileSync(plans[0], 'utf8');
    const open = [checker.analyze(other, options), checker.analyze(base, options)];
    const middle = base.indexOf('\n\n', base.length >> 1);
    const texts: [string, string][] = [
      ['the same text', base],
      ['a paragraph added in the middle', base.slice(0, middle) + '\n\n落实表1第58项，中方股比不低于51%。' + base.slice(middle)],
      ['a heading added in the middle (what follows is in another context)', base.slice(0, middle) + '\n\n## 表2 任务\n\n第3项' + base.slice(middle)],
      ['the end cut off', base.slice(0, middle)],
    ];
    for (const [what, text] of texts) {
      const donor = closestAnalysis(text, options, open);
      assert.strictEqual(donor, open[1], `${what}: the open plan with most of its text`);
      const built = checker.analyze(text, options, undefined, donor);
      assert.strictEqual(signature(built), signature(freshCheck(text, options)), what);
      // the open document's own analysis is untouched: its next edit still gives a fresh check's findings
      const edited = base + '\n\n落实表1第99项。\n';
      assert.strictEqual(signature(checker.analyze(edited, options, undefined, open[1])), signature(freshCheck(edited, options)), `${what}: the open plan's next edit`);
    }
    // the very same text (a copy, the same file under another URI): the open plan's findings, shared without a check,
    // placed by the new document's own positions
    const own = new LineIndex(base);
    let asked = 0;
    const copy = checker.analyze(base, options, { positionAt: (o) => (asked++, own.positionAt(o)), offsetAt: (p) => own.offsetAt(p) }, open[1]);
    assert.strictEqual(signature(copy), signature(freshCheck(base, options)));
    assert.deepStrictEqual(copy.lines.range(0, 3), own.range(0, 3));
    assert.ok(asked > 0, "the copy's positions are its own");
    // less than half in common, other options, an empty analysis: nothing to build on
    assert.strictEqual(closestAnalysis(base.slice(0, base.length >> 2) + '\n\n' + 'x'.repeat(base.length), options, open), undefined);
    assert.strictEqual(closestAnalysis(base, { locale: 'zh' }, open), undefined, 'another options object: its findings could differ');
    assert.strictEqual(closestAnalysis(base, options, [DocumentAnalysis.empty(base)]), undefined);
  });
});
