// The reviewer's report: what the collector gathers from analysed plans and what the HTML page shows of it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildEngine, loadEngine } from '../../server/src/engine';
import { loadDefaultIndex, loadExtraSource, loadRules } from '../../server/src/indexLoader';
import { collectReview } from '../../server/src/report/collectReview';
import { ReviewReport } from '../../server/src/report/reportModel';
import { escapeHtml, leadLoads, placeOf, renderReviewHtml } from '../../server/src/report/reviewHtml';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'examples/sample-plan.md'), 'utf8');
const TABLE_PLAN = fs.readFileSync(path.join(ROOT, 'test/fixtures/plans/district-table-plan.md'), 'utf8');
const HOSTILE = '# 方案<script>alert("x")</script>\n\n1. 落实表1第12项，中方股比不低于51%，由区<b>商务</b>局牵头。\n';

const { index, checker } = loadEngine(ROOT);
const analyse = (file: string, text: string) => ({ file, analysis: checker.analyze(text, { locale: 'zh' }) });
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe('the review collector', () => {
  const report = collectReview(index, [analyse('sample.md', SAMPLE), analyse('table.md', TABLE_PLAN)]);

  it('lists every task of the source, table by table', () => {
    const tasks = report.sources.flatMap((s) => s.tables.flatMap((t) => t.tasks));
    assert.strictEqual(tasks.length, index.tasks.length, 'every task of the loaded sources is in the report');
    assert.deepStrictEqual(report.sources[0].tables.map((t) => t.number), [1, 2, 3, 4, 5], 'the five tables in order');
  });

  it('marks a task a plan cites as cited and leaves the others out (missing)', () => {
    const [sample, table] = report.plans;
    assert.strictEqual(sample.coverage['T1.12'], 'cited', 'the sample plan cites 表1第12项');
    assert.strictEqual(sample.coverage['T1.35'], undefined, 'the sample plan does not cite 表1第35项');
    assert.strictEqual(table.coverage['T1.35'], 'cited', 'the table plan cites 表1第35项');
    assert.strictEqual(sample.coverage['T2.5'], 'cited', 'a range 表2第4至6项 covers its middle task');
  });

  it('marks a task a plan restates without citing as restated', () => {
    assert.strictEqual(report.plans[1].coverage['T1.17'], 'restated', 'the table plan restates 表1第17项 (前置安检) without its number');
    const item = report.plans[1].items.find((i) => i.restated.some((t) => t.id === 'T1.17'));
    assert.deepStrictEqual(item?.cited, [], 'the restating item cites nothing');
  });

  it('gives each finding its line and the source task it is about', () => {
    const threshold = report.plans[0].findings.find((f) => f.code === 'threshold-mismatch');
    assert.ok(threshold, 'the sample plan has its threshold mismatch');
    assert.strictEqual(threshold.line, 7, '0-based line of 中方股比不低于51%');
    assert.deepStrictEqual(threshold.tasks.map((t) => t.id), ['T1.12'], 'the finding concerns 表1第12项');
    const unknown = report.plans[0].findings.find((f) => f.code === 'unknown-task');
    assert.deepStrictEqual(unknown?.tasks, [], 'a reference to a task that does not exist concerns no task');
    assert.deepStrictEqual(unknown?.suggested.map((t) => t.id), ['T1.57'], 'but suggests the one its message names');
  });

  it('gives a finding on a reference the task its quick fix would cite, and shows it as 建议', () => {
    const plan = '1. 推动民营企业以控股或参股形式开展发电、增量配电和售电业务（表1第64项）。\n2. 推动数字人民币试点，拓展数字人民币在商圈的应用场景（表1第36项）。\n';
    const review = collectReview(index, [analyse('typos.md', plan)]);
    const byCode = (code: string) => review.plans[0].findings.find((f) => f.code === code)!;
    const ids = (ts: { id: string }[]) => ts.map((t) => t.id);
    assert.deepStrictEqual([ids(byCode('unknown-task').tasks), ids(byCode('unknown-task').suggested)], [[], ['T1.46']]);
    assert.deepStrictEqual([ids(byCode('reference-mismatch').tasks), ids(byCode('reference-mismatch').suggested)], [['T1.36'], ['T1.35']]);
    const page = renderReviewHtml(review);
    assert.match(page, /<div class="source-task suggested"><b>建议：表1第46项<\/b> 支持民营企业/);
    assert.match(page, /<b>表1第36项<\/b>[^<]*<\/div><div class="source-task suggested"><b>建议：表1第35项<\/b>/);
  });

  it('attaches a finding to the task item it is in', () => {
    const item = report.plans[0].items.find((i) => i.cited.some((t) => t.id === 'T1.12'));
    assert.deepStrictEqual(item?.findings.map((f) => f.code), ['threshold-mismatch'], 'the item of 表1第12项 carries its finding');
  });

  it('takes the plan title from its first heading', () => {
    assert.strictEqual(report.plans[1].title, '某区服务业扩大开放综合试点任务分工方案');
  });

  it('places a Word plan\'s finding by its paragraph', () => {
    const word = collectReview(index, [{ ...analyse('plan.docx', '落实表1第58项。\n'), paragraphOfLine: [3] }]);
    assert.strictEqual(word.plans[0].findings[0].paragraph, 3, 'the paragraph of line 0');
    assert.strictEqual(placeOf(word.plans[0].findings[0]), '¶3');
    assert.strictEqual(placeOf({ line: 7 }), '第8行', 'a text plan is placed by its 1-based line');
    assert.strictEqual(placeOf({ line: 7, row: '分工表!4' }), '分工表!4', 'an Excel plan by its sheet and row');
  });
});

describe('the lead units\' load', () => {
  it('counts the items and distinct tasks each unit leads, the items it supports, and the items nobody leads', () => {
    const other = '# 另一方案\n\n1. 落实表1第12项，由区商务局牵头。\n2. 落实表1第13项。\n3. 落实表1第14项。牵头单位：区文化广电旅游局、区司法局。\n';
    const report = collectReview(index, [analyse('other.md', other), analyse('table.md', TABLE_PLAN)]);
    const { loads, unowned } = leadLoads(report.plans);
    const commerce = loads.find((l) => l.lead === '区商务局');
    assert.ok(commerce, '区商务局 leads items');
    assert.strictEqual(commerce.items, 2, 'one item in each plan');
    assert.strictEqual(commerce.tasks, 1, 'both are 表1第12项');
    assert.strictEqual(commerce.partnerItems, 1, 'it supports 表1第35项 in the table plan');
    assert.deepStrictEqual(commerce.plans, [{ file: 'other.md', items: 1 }, { file: 'table.md', items: 1 }]);
    // 牵头单位：区文化广电旅游局、区司法局: both lead the item, neither supports it
    const justice = loads.find((l) => l.lead === '区司法局');
    assert.deepStrictEqual([justice?.items, justice?.tasks, justice?.plans], [1, 1, [{ file: 'other.md', items: 1 }]], 'the second unit under 牵头单位 leads');
    assert.strictEqual(loads.find((l) => l.lead === '区文化广电旅游局')?.items, 1, 'and the first');
    const items = report.plans.reduce((n, p) => n + p.items.length, 0);
    const coLeads = report.plans.reduce((n, p) => n + p.items.reduce((m, i) => m + i.coLeads.length, 0), 0);
    assert.strictEqual(coLeads, 1);
    assert.strictEqual(loads.reduce((n, l) => n + l.items, 0) + unowned, items + coLeads, 'every item is led by its lead units or counted as unowned');
    assert.deepStrictEqual(loads.map((l) => l.items), [...loads.map((l) => l.items)].sort((a, b) => b - a), 'the busiest unit first');
  });

  it('counts an item led by no unit in particular (各有关部门) as unowned, not as a unit\'s load', () => {
    const vague = '# 方案\n\n1. 落实表1第12项。责任单位：各有关部门。\n2. 落实表1第13项。（区商务局牵头）\n';
    const { loads, unowned } = leadLoads(collectReview(index, [analyse('vague.md', vague)]).plans);
    assert.deepStrictEqual([loads.map((l) => l.lead), unowned], [['区商务局'], 1]);
  });

  it("counts an item of the body whose task the plan's 分工表 leads neither as unowned nor twice: the row counts", () => {
    const annex = '# 方案\n\n1. 落实表1第12项。\n2. 落实表1第13项。\n\n| 任务 | 牵头单位 |\n| --- | --- |\n| 表1第12项 | 区商务局 |\n';
    const { loads, unowned } = leadLoads(collectReview(index, [analyse('annex.md', annex)]).plans);
    assert.deepStrictEqual([loads.map((l) => [l.lead, l.items]), unowned], [[['区商务局', 1]], 1], 'the row leads 表1第12项; 表1第13项 has no one');
  });
});

describe('the HTML report', () => {
  const report = collectReview(index, [analyse('sample.md', SAMPLE), analyse('table.md', TABLE_PLAN)]);
  const html = renderReviewHtml(report);

  it('has one matrix row per task and a state cell per plan in each', () => {
    assert.strictEqual(count(html, /<tr class="task"/g), index.tasks.length, 'matrix rows');
    assert.strictEqual(count(html, /<td class="state /g), index.tasks.length * 2, 'one cell per task and plan');
    assert.match(html, /<tr class="task" data-task="T1\.12"[^>]*data-covering="2">/, 'T1.12 is covered by both plans');
  });

  it('puts the uncovered tasks first and states their number on top and on the group', () => {
    const covered = new Set(report.plans.flatMap((p) => Object.keys(p.coverage)));
    const uncovered = index.tasks.filter((t) => !covered.has(t.id)).length;
    assert.match(html, new RegExp(`id="count-uncovered">${uncovered}<`), 'the card counts the uncovered tasks');
    assert.match(html, new RegExp(`id="count-covered">${index.tasks.length - uncovered}<`), 'the card counts the covered tasks');
    assert.match(html, new RegExp(`id="uncovered-count">${uncovered}<`), 'the group header counts them');
    const matrix = html.slice(html.indexOf('id="coverage-matrix"'));
    const firstBody = matrix.indexOf('<tbody');
    assert.strictEqual(matrix.indexOf('<tbody class="uncovered"'), firstBody, 'the uncovered group is the first');
    const firstGroup = matrix.indexOf('<tbody class="group"');
    assert.strictEqual(count(matrix.slice(firstBody, firstGroup), /data-covering="0"/g), uncovered, 'the uncovered group holds exactly them');
    assert.strictEqual(count(matrix.slice(firstGroup), /data-covering="0"/g), 0, 'no uncovered task is listed again below');
  });

  it('counts the findings by severity', () => {
    const errors = report.plans.flatMap((p) => p.findings).filter((f) => f.severity === 'error').length;
    assert.ok(errors >= 2, 'the sample plan has errors');
    assert.match(html, new RegExp(`id="count-errors">${errors}<`));
    assert.match(html, /<h4 class="severity error">错误（2）<\/h4>/, 'the sample plan\'s errors under their heading');
  });

  it('shows a task a plan restates as ≈ in that plan\'s column', () => {
    assert.match(html, /data-task="T1\.17"[^\n]*<td class="state missing"[^>]*>✗<\/td><td class="state restated" data-state="restated"[^>]*>≈<\/td>/);
  });

  it('says beside a Word plan with tracked changes (修订) which text was checked, and nothing beside the others', () => {
    const revised = collectReview(index, [{ ...analyse('修订稿.docx', SAMPLE), revisions: true }, analyse('sample.md', SAMPLE)]);
    assert.deepStrictEqual(revised.plans.map((p) => p.revisions), [true, undefined]);
    assert.strictEqual(count(renderReviewHtml(revised), /<span class="plan-revisions">含修订，按接受全部修订后的文本检查<\/span>/g), 1);
  });

  it('shows any restated state as ≈', () => {
    const restated: ReviewReport = { ...report, plans: [{ ...report.plans[0], coverage: { ...report.plans[0].coverage, 'T1.2': 'restated' } }] };
    assert.match(renderReviewHtml(restated), /data-task="T1\.2"[^\n]*<td class="state restated" data-state="restated"[^>]*>≈<\/td>/);
  });

  it('escapes the plan\'s own text', () => {
    const page = renderReviewHtml(collectReview(index, [analyse('<evil>.md', HOSTILE)]));
    assert.ok(!page.includes('<script>alert'), 'a <script> in the plan title is not markup');
    assert.ok(!page.includes('<b>商务</b>'), 'markup in a plan line is not markup');
    assert.ok(page.includes('方案&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'), 'the title is shown as written');
    assert.ok(page.includes('&lt;evil&gt;.md'), 'the file name is escaped');
    assert.strictEqual(escapeHtml('a&b<"\'>'), 'a&amp;b&lt;&quot;&#39;&gt;');
  });

  it('loads nothing from outside: no URL, no linked stylesheet, font or script', () => {
    assert.doesNotMatch(html, /https?:|\/\/[a-z]/i, 'no URL');
    assert.doesNotMatch(html, /<link|<img|<iframe|\ssrc=|@import|url\(|@font-face/i, 'no external resource');
    assert.strictEqual(count(html, /<script>/g), 1, 'one inline script');
    assert.strictEqual(count(html, /<style>/g), 1, 'one inline style sheet');
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) assert.match(href, /^#/, `a link leaves the page: ${href}`);
  });

  it('lists the tasks of every loaded source, grouped by source and table', () => {
    const two = buildEngine([loadDefaultIndex(ROOT), loadExtraSource(path.join(ROOT, 'test/fixtures/sources/shenzhen.md'), 'SZ')], loadRules(ROOT));
    const plan = fs.readFileSync(path.join(ROOT, 'test/fixtures/sources/shenzhen-plan.md'), 'utf8');
    const page = renderReviewHtml(collectReview(two.index, [{ file: 'sz-plan.md', analysis: two.checker.analyze(plan, { locale: 'zh' }) }]));
    assert.strictEqual(count(page, /<tr class="task"/g), two.index.tasks.length, 'a row for each task of both sources');
    assert.ok(two.index.tasks.length > index.tasks.length, 'the second source adds tasks');
    assert.match(page, /<tbody class="group" data-group="SZ表1">/, 'the second source\'s table is a group of its own');
    assert.match(page, /data-task="SZ:T1\.3"[^\n]*data-covering="1"/, 'SZ表1第3项 is cited by the plan');
    assert.match(page, /深圳市服务业扩大开放综合试点总体方案/, 'the second source is named on top');
  });

  it('says so when no plan was read, rather than showing an empty page', () => {
    const empty = renderReviewHtml(collectReview(index, []));
    assert.match(empty, /没有读入方案/);
    assert.strictEqual(count(empty, /<tr class="task"/g), index.tasks.length, 'the matrix still lists every task, all uncovered');
  });
});
