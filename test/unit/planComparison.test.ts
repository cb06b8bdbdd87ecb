// Two versions of a plan compared (policy-lens compare): coverage, assignments and findings, and the command itself.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadEngine } from '../../server/src/engine';
import { collectReview } from '../../server/src/report/collectReview';
import { comparePlans, comparisonJson, renderComparison } from '../../server/src/report/planComparison';
import { taskLabel } from '../../server/src/core/checks/labels';
import { makeRevisedDocx } from '../support/docxFixture';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const { index, checker } = loadEngine(ROOT);

const BEFORE = [
  '# 番禺区实施方案（征求意见稿）',
  '',
  '1. 落实表1第12项，中方股比不低于51%，由区商务局牵头，2024年底前完成。',
  '2. 落实表1第58项，推动会展业发展，由区商务局牵头，2024年底前完成。',
  '3. 支持外商投资旅行社从事出境旅游业务（表1第13项），由区文广旅体局牵头，区商务局配合，2024年底前完成。',
  '4. 落实表2第4项，由区工信局牵头，2025年底前完成。',
  '5. 落实表1第1项，由区科技局牵头。',
  '6. 落实表1第2项，由区科技局牵头。',
  '',
].join('\n');

const AFTER = [
  '# 番禺区实施方案（修改稿）',
  '',
  '1. 落实表1第12项，中方股比不低于67%，由区商务局牵头，2024年底前完成。',
  '2. 落实表1第57项，推动会展业发展，由区商务局牵头，2024年底前完成。',
  '3. 支持外商投资旅行社从事出境旅游业务（表1第13项），由区商务局牵头，2025年6月前完成。',
  '4. 开展数字化转型促进中心建设，由区工信局牵头，2025年底前完成。',
  '5. 落实表1第1项，由区科技局牵头。',
  '',
].join('\n');

function compared(before = BEFORE, after = AFTER) {
  const report = collectReview(index, [
    { file: 'plans/征求意见稿.md', analysis: checker.analyze(before, { locale: 'zh' }) },
    { file: 'plans/修改稿.md', analysis: checker.analyze(after, { locale: 'zh' }) },
  ]);
  return comparePlans(index.tasks, report.plans[0], report.plans[1]);
}

describe('comparing two versions of a plan', () => {
  it('lists the tasks covered newly, no longer, or otherwise, in the sources\' order', () => {
    const c = compared();
    // item 4 of the later version restates 表2第8项 (数字化转型促进中心) without citing it
    assert.deepStrictEqual(c.coverage.map((x) => `${x.task.id} ${x.before}→${x.after}`), [
      'T1.2 cited→missing', 'T1.57 missing→cited', 'T2.4 cited→missing', 'T2.8 missing→restated',
    ]);
    assert.deepStrictEqual([c.before.covered, c.after.covered], [5, 5]);
    const cited = compared(BEFORE, BEFORE.replace('4. 落实表2第4项，', '4. 支持国家级经济技术开发区打造“智慧园区”，'));
    assert.deepStrictEqual(cited.coverage.map((x) => `${x.task.id} ${x.before}→${x.after}`), ['T2.4 cited→restated']);
  });

  it('lists what changed of the lead units, partners and deadlines of the tasks both versions cover', () => {
    const c = compared();
    assert.deepStrictEqual(c.assignments.map((x) => `${x.task.id} ${x.field} ${x.before.join('、')}→${x.after.join('、')}`), [
      'T1.13 leads 区文广旅体局→区商务局', 'T1.13 partners 区商务局→', 'T1.13 deadlines 2024年底前→2025年6月前',
    ]);
  });

  it('pairs findings by code and message, not place: resolved, new and kept', () => {
    const c = compared();
    assert.deepStrictEqual(c.resolved.map((f) => f.code), ['threshold-mismatch', 'unknown-task']);
    // the later version restates a task uncited, and most of its items have deadlines now (item 5 has none)
    assert.deepStrictEqual(c.added.map((f) => `${f.code} ${f.line}`), ['uncited-task 5', 'missing-deadline 6']);
    assert.deepStrictEqual(c.kept, []);
    // the same finding twice before and once after: one resolved, one kept
    const twice = `${BEFORE}7. 落实表1第58项。\n`;
    const again = compared(twice, BEFORE.replace('2. 落实表1第58项', '2. 落实表1第57项').replace('# 番禺区实施方案（征求意见稿）', '# 方案') + '7. 落实表1第58项。\n');
    assert.deepStrictEqual([again.resolved, again.kept].map((l) => l.filter((f) => f.code === 'unknown-task').length), [1, 1]);
  });

  it('takes a deadline by the last day it allows: 2024年底前 and 2024年12月底前 are no change', () => {
    const c = compared(BEFORE, BEFORE.replace('由区科技局牵头。\n6.', '由区科技局牵头，2024年底前完成。\n6.').replace('中方股比不低于51%，由区商务局牵头，2024年底前完成', '中方股比不低于51%，由区商务局牵头，2024年12月底前完成'));
    assert.deepStrictEqual(c.assignments.map((x) => `${x.task.id} ${x.field} ${x.before.join('、')}→${x.after.join('、')}`), ['T1.1 deadlines →2024年底前']);
  });

  it('takes a unit written shorter as the same unit (区文旅局 for 区文广旅体局), and another unit as a change', () => {
    const renamed = compared(BEFORE, BEFORE.replace('由区文广旅体局牵头，区商务局配合', '由区文旅局牵头，区商务局配合'));
    assert.deepStrictEqual(renamed.assignments, []);
    const other = compared(BEFORE, BEFORE.replace('由区文广旅体局牵头，区商务局配合', '由区文广旅体局牵头，区市场监管局配合'));
    assert.deepStrictEqual(other.assignments.map((x) => `${x.task.id} ${x.field} ${x.before.join('、')}→${x.after.join('、')}`), ['T1.13 partners 区商务局→区市场监管局']);
  });

  it('names two versions by their paths when their file names are one', () => {
    const report = collectReview(index, [
      { file: 'v1/方案.md', analysis: checker.analyze(BEFORE, { locale: 'zh' }) },
      { file: 'v2/方案.md', analysis: checker.analyze(AFTER, { locale: 'zh' }) },
    ]);
    const text = renderComparison(comparePlans(index.tasks, report.plans[0], report.plans[1]), (t) => taskLabel(index, t), 'text');
    assert.match(text, /^修改对照：v1\/方案\.md → v2\/方案\.md\n/);
    assert.match(text, /\n {4}v1\/方案\.md 第3行 错误 threshold-mismatch：/);
  });

  it('says nothing changed of a plan compared with itself', () => {
    const c = compared(BEFORE, BEFORE);
    assert.deepStrictEqual([c.coverage, c.assignments, c.resolved, c.added], [[], [], [], []]);
    assert.strictEqual(c.kept.length, c.before.findings);
  });

  it('renders the comparison in Chinese as text and Markdown, and as JSON', () => {
    const c = compared();
    const text = renderComparison(c, (t) => taskLabel(index, t), 'text');
    assert.match(text, /^修改对照：征求意见稿\.md → 修改稿\.md\n/);
    assert.match(text, /\n覆盖：5 → 5 项任务（新增 2，不再覆盖 2，方式改变 0）\n {2}- 表1第2项（[^）]+）：原为引用\n {2}\+ 表1第57项（外籍律师）：引用\n/);
    assert.match(text, /\n分工：1 项任务的牵头单位、配合单位或完成时限有变化\n/);
    assert.match(text, /\n检查结果：2 → 2 条（错误 2 → 0）：已解决 2，新出现 2，仍存在 0\n/);
    assert.match(text, /\n {2}表1第13项（外商投资旅行社） 牵头单位：区文广旅体局 → 区商务局\n {2}表1第13项（外商投资旅行社） 配合单位：区商务局 → （未写明）\n/);
    assert.match(text, /\n {4}征求意见稿\.md 第3行 错误 threshold-mismatch：“中方股比不低于51%”与表1第12项不符/);
    const md = renderComparison(c, (t) => taskLabel(index, t), 'md');
    assert.match(md, /^## 修改对照：征求意见稿\.md → 修改稿\.md\n\n### 覆盖：/);
    assert.match(md, /\n- 已解决：\n {2}- 征求意见稿\.md 第3行 错误 threshold-mismatch：/);
    assert.match(md, /\n- 不再覆盖 表1第2项（[^）]+）：原为引用\n- 新增 表1第57项（外籍律师）：引用\n/, 'in Markdown the marks are words');
    const en = renderComparison(c, (t) => taskLabel(index, t), 'text', 'en');
    assert.match(en, /^Changes: 征求意见稿\.md → 修改稿\.md\n\nCoverage: 5 → 5 tasks \(2 new, 2 no longer covered, 0 covered otherwise\)\n/);
    assert.match(en, /\nAssignments: 1 task with another lead unit, partner or deadline\n {2}表1第13项（外商投资旅行社） lead units: 区文广旅体局 → 区商务局\n/);
    assert.match(en, /\n {2}Resolved:\n {4}征求意见稿\.md line 3 error threshold-mismatch: /);
    const json = JSON.parse(comparisonJson(c));
    assert.deepStrictEqual(json.coverage[1], { id: 'T1.57', reference: '表1第57项', before: 'missing', after: 'cited' });
    assert.deepStrictEqual(json.findings.resolved.map((f: any) => [f.code, f.line]), [['threshold-mismatch', 2], ['unknown-task', 3]]);
  });
});

describe('policy-lens compare', () => {
  let dir: string;
  const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-compare-'));
    fs.writeFileSync(path.join(dir, '征求意见稿.md'), BEFORE);
    fs.writeFileSync(path.join(dir, '修改稿.md'), AFTER);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the comparison of the earlier version with the later, and exits 0', () => {
    const r = cli(['compare', '征求意见稿.md', '修改稿.md']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, renderComparison(compared(), (t) => taskLabel(index, t), 'text').replace(/plans\//g, ''));
    const json = JSON.parse(cli(['compare', '征求意见稿.md', '修改稿.md', '--format', 'json']).stdout);
    assert.deepStrictEqual([json.before.file, json.after.file, json.assignments.length], ['征求意见稿.md', '修改稿.md', 3]);
  });

  it('prints what the README shows it printing for these two versions', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const command = '$ node dist/cli.js compare 征求意见稿.md 修改稿.md\n';
    const shown = readme.slice(readme.indexOf(command) + command.length, readme.indexOf('```', readme.indexOf(command)));
    assert.ok(readme.includes(command), 'the README shows no compare');
    assert.strictEqual(cli(['compare', '征求意见稿.md', '修改稿.md']).stdout, shown);
  });

  it('compares one Word plan with tracked changes (修订) as it was before them and as it is with them', async () => {
    fs.writeFileSync(path.join(dir, '修订稿.docx'), await makeRevisedDocx());
    const r = cli(['compare', '修订稿.docx']);
    assert.deepStrictEqual([r.status, r.stderr], [0, ''], 'compare reads both versions: no note that the Final view was checked');
    const checked = cli(['check', '修订稿.docx']);
    assert.strictEqual(checked.stderr, 'policy-lens: 修订稿.docx: has tracked changes (修订), checked as Word\'s Final view shows it (every change accepted); compare 修订稿.docx says what they change\n');
    assert.match(r.stdout, /^修改对照：修订稿\.docx（修订前） → 修订稿\.docx（修订后）\n\n覆盖：1 → 3 项任务（新增 2，不再覆盖 0，方式改变 0）\n/);
    assert.match(r.stdout, /\n {4}修订稿\.docx（修订前） ¶2 错误 threshold-mismatch：“中方股比不低于51%”/);
    const plain = cli(['compare', '修改稿.md']);
    assert.deepStrictEqual([plain.status, plain.stderr], [2, 'policy-lens: 修改稿.md has no tracked changes (修订): compare needs two FILEs, the earlier version of a plan and then the later\n']);
  });

  it('writes --out, and refuses what is not two plan files, a bad format or an unreadable file', () => {
    assert.strictEqual(cli(['compare', '征求意见稿.md', '修改稿.md', '--format', 'md', '--out', 'diff.md']).status, 0);
    assert.match(fs.readFileSync(path.join(dir, 'diff.md'), 'utf8'), /^## 修改对照：/);
    const twice = cli(['compare', '修改稿.md', './修改稿.md']);
    assert.deepStrictEqual([twice.status, twice.stderr], [2, 'policy-lens: 修改稿.md twice: compare needs two versions of a plan (a Word plan with tracked changes, named once, is two)\n']);
    const three = cli(['compare', '修改稿.md', '修改稿.md', '修改稿.md']);
    assert.deepStrictEqual([three.status, three.stderr.split('\n')[0]], [2, 'policy-lens: compare needs two FILEs, the earlier version of a plan and then the later, or one Word plan with tracked changes']);
    fs.mkdirSync(path.join(dir, 'folder'));
    fs.copyFileSync(path.join(dir, '修改稿.md'), path.join(dir, 'folder', 'a.md'));
    fs.copyFileSync(path.join(dir, '修改稿.md'), path.join(dir, 'folder', 'b.md'));
    const folder = cli(['compare', '征求意见稿.md', 'folder']);
    assert.deepStrictEqual([folder.status, folder.stderr.split('\n')[0]], [2, 'policy-lens: compare takes plan files, not folders or patterns']);
    assert.match(cli(['compare', '征求意见稿.md', '修改稿.md', '--format', 'csv']).stderr, /--format must be one of text, md, json, not "csv"/);
    const missing = cli(['compare', '征求意见稿.md', '无.md']);
    assert.deepStrictEqual([missing.status, missing.stdout], [2, '']);
    assert.match(missing.stderr, /cannot read 无\.md: no such file or folder/);
  });
});
