// The reviewer's report in a real browser: Debian's headless Chromium (playwright-core) opens the page made by
// `policy-lens report` from a file:// URL, offline, and the matrix, the counts, the filter and the sorting are checked
// in the DOM; a screenshot of the page goes to docs/report.png for the README when POLICY_LENS_SCREENSHOTS=1 (as
// `npm run screenshots` sets it), else to the test's temp folder, so that a test run leaves the tracked file alone.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';

const REPO = path.resolve(__dirname, '../../..');
const PLANS = ['examples/sample-plan.md', 'test/fixtures/plans/district-table-plan.md'];
const FOR_README = process.env.POLICY_LENS_SCREENSHOTS === '1';
const { launchBrowser } = require(path.join(REPO, 'test/editor/code-server-runner.js')) as { launchBrowser: () => Promise<Browser> };

describe('the HTML report in headless Chromium', function () {
  this.timeout(60000);
  let tmp: string;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  const errors: string[] = [];
  const taskCount = (JSON.parse(fs.readFileSync(path.join(REPO, 'data/index.json'), 'utf8')) as { tasks: unknown[] }).tasks.length;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-report-'));
    const out = path.join(tmp, 'report.html');
    const r = spawnSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'report', ...PLANS, '--out', out], { cwd: REPO, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, `policy-lens report failed: ${r.stderr}`);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, offline: true });
    page = await context.newPage();
    page.on('request', (req) => !req.url().startsWith('file:') && outside.push(req.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(pathToFileURL(out).toString());
  });

  after(async () => {
    await browser?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const text = (selector: string) => page.locator(selector).innerText();
  const number = async (selector: string) => Number(await text(selector));

  it('loads from a file:// URL without asking the network for anything and without script errors', () => {
    assert.deepStrictEqual(outside, [], 'the page requested something outside itself');
    assert.deepStrictEqual(errors, [], 'the page script failed');
  });

  it('has one matrix row per source task, and the counts on top agree with the rows', async () => {
    assert.strictEqual(await page.locator('#coverage-matrix tr.task').count(), taskCount, 'matrix rows');
    assert.strictEqual(await number('#count-tasks'), taskCount, 'the task count on top');
    assert.strictEqual(await number('#count-plans'), PLANS.length, 'the plan count');
    const uncoveredRows = await page.locator('#coverage-matrix tr.task[data-covering="0"]').count();
    assert.strictEqual(await number('#count-uncovered'), uncoveredRows, 'the uncovered count on top');
    assert.strictEqual(await number('#count-covered'), taskCount - uncoveredRows, 'the covered count on top');
    assert.ok(uncoveredRows > 0 && uncoveredRows < taskCount, `two small plans leave some tasks uncovered, not ${uncoveredRows}`);
  });

  it('lists the tasks no plan covers first', async () => {
    const firstBody = page.locator('#coverage-matrix tbody').first();
    assert.match(await firstBody.getAttribute('class') ?? '', /uncovered/, 'the first group is the uncovered one');
    const covering = await firstBody.locator('tr.task').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-covering')));
    assert.ok(covering.length > 0 && covering.every((c) => c === '0'), `the first group holds only uncovered tasks: ${covering.join(',')}`);
  });

  it('marks each plan\'s cell: cited by both, cited by one, restated, and missing from both', async () => {
    const states = (id: string) => page.locator(`#coverage-matrix tr.task[data-task="${id}"] td.state`).evaluateAll((cells) => cells.map((c) => `${c.getAttribute('data-state')}${c.textContent}`));
    assert.deepStrictEqual(await states('T1.12'), ['cited✓', 'cited✓'], 'T1.12 is cited by both plans');
    assert.deepStrictEqual(await states('T1.35'), ['missing✗', 'cited✓'], 'T1.35 is cited by the second plan only');
    assert.deepStrictEqual(await states('T1.2'), ['missing✗', 'missing✗'], 'T1.2 is cited by neither');
    assert.deepStrictEqual(await states('T1.17'), ['missing✗', 'restated≈'], 'T1.17 is restated by the second plan without its number');
    assert.strictEqual(await page.locator('tr.task[data-task="T1.12"] td.covering').innerText(), '2');
  });

  it('shows each plan\'s findings with their line and the source text of the task', async () => {
    const plan = page.locator('article.plan').first();
    assert.match(await plan.locator('h4.severity.error').innerText(), /错误（2）/, 'the sample plan has two errors');
    const threshold = plan.locator('tr.finding[data-code="threshold-mismatch"]');
    assert.strictEqual(await threshold.locator('td.place').innerText(), '第8行');
    assert.match(await threshold.locator('.source-task').innerText(), /表1第12项\s+允许外商投资社会调查，中方股比不低于67%/);
  });

  it('filters the matrix by words and to the uncovered tasks', async () => {
    await page.fill('#matrix-filter', '数字人民币');
    const visible = await page.locator('#coverage-matrix tr.task:visible').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task')));
    assert.ok(visible.includes('T1.35'), `T1.35 is among the rows about 数字人民币: ${visible.join(',')}`);
    assert.strictEqual(await number('#matrix-shown'), visible.length, 'the shown count follows the filter');
    await page.fill('#matrix-filter', '');
    await page.check('#matrix-uncovered-only');
    assert.strictEqual(await number('#matrix-shown'), await number('#count-uncovered'), 'only the uncovered tasks are shown');
    await page.uncheck('#matrix-uncovered-only');
    assert.strictEqual(await number('#matrix-shown'), taskCount, 'all tasks are back');
  });

  it('lists the lead units with their load and sorts them by a column', async () => {
    const leads = await page.locator('#lead-load tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lead')));
    assert.ok(leads.includes('区商务局'), `区商务局 leads items in both plans: ${leads.join(',')}`);
    const load = page.locator('#lead-load tr[data-lead="区商务局"] td');
    const perPlan = (await load.nth(3).innerText()).match(/（(\d+)）/g)?.map((x) => Number(x.slice(1, -1))) ?? [];
    assert.strictEqual(perPlan.length, 2, `区商务局 leads items in both plans: ${await load.nth(3).innerText()}`);
    assert.strictEqual(Number(await load.nth(0).innerText()), perPlan[0] + perPlan[1], 'its item count is the sum over the plans');
    await page.click('#lead-load thead th:nth-child(1)');
    const sorted = await page.locator('#lead-load tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lead') ?? ''));
    assert.deepStrictEqual(sorted, [...sorted].sort((a, b) => a.localeCompare(b, 'zh')), 'sorted by unit name');
    await page.click('#lead-load thead th:nth-child(2)');
  });

  it(FOR_README ? 'saves a screenshot for the README' : 'saves a screenshot of the page', async () => {
    const screenshot = FOR_README ? path.join(REPO, 'docs/report.png') : path.join(tmp, 'report.png');
    await page.reload(); // as a reviewer first sees it: unfiltered, the busiest lead unit on top
    await page.screenshot({ path: screenshot, fullPage: true });
    assert.ok(fs.statSync(screenshot).size > 10000, `the screenshot ${screenshot} is not written, or nearly empty`);
  });
});
