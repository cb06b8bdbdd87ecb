// policyLens/report without a server (server/src/features/reviewReport.ts): the reviewer's HTML report of the plans
// named, or of the workspace's, and a clear error for a plan that cannot be read or no plan at all.
import * as assert from 'assert';
import * as path from 'path';
import { reviewReport } from '../../server/src/features/reviewReport';
import { memoryContext } from '../support/memoryContext';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NOW = () => new Date('2026-12-06T08:00:00Z');

describe('the review report request (policyLens/report)', () => {
  it('renders the named plan as policy-lens report does: its findings and its tasks in the matrix', async () => {
    const ctx = memoryContext(ROOT);
    ctx.open('file:///ws/番禺区.md', '# 番禺区实施方案\n\n1. 允许外商投资社会调查，中方股比不低于51%（表1第12项）。（区商务局牵头，2024年底前完成）\n');
    ctx.open('file:///ws/other.md', '# 越秀区实施方案\n\n1. 落实表1第58项。\n');
    const result = await reviewReport(ctx, { uris: ['file:///ws/番禺区.md'] }, NOW);
    assert.ok('html' in result, JSON.stringify(result));
    assert.strictEqual(result.plans, 1);
    assert.strictEqual(result.findings, 1);
    assert.match(result.html, /<title>实施方案审查报告<\/title>/);
    assert.match(result.html, /2026-12-06 08:00:00 UTC/);
    assert.match(result.html, /中方股比不低于67%/);
    assert.ok(!result.html.includes('越秀区实施方案'), 'only the plan named');
  });

  it("reports on every plan of the workspace when none is named", async () => {
    const ctx = memoryContext(ROOT);
    ctx.open('file:///ws/a.md', '# 天河区实施方案\n\n1. 落实表1第12项。\n');
    ctx.open('file:///ws/b.md', '# 番禺区实施方案\n\n1. 落实表1第58项。\n');
    const result = await reviewReport(ctx, null, NOW);
    assert.ok('html' in result);
    assert.deepStrictEqual([result.plans, result.findings], [2, 2], 'unknown-task in b.md, missing-area-task in a.md');
    assert.ok(result.html.includes('番禺区实施方案') && result.html.includes('天河区实施方案'));
  });

  it('says why there is no report: a named plan that cannot be read, no plan, no index', async () => {
    const ctx = memoryContext(ROOT);
    assert.match((await reviewReport(ctx, { uris: ['file:///no/such/plan.md'] }) as { error: string }).error, /plan\.md/);
    assert.deepStrictEqual(await reviewReport(ctx, {}), { error: 'no plan to report on: the workspace has no Markdown, text or Word plan' });
    ctx.ready = false;
    assert.deepStrictEqual(await reviewReport(ctx, {}), { error: 'the task index is not loaded' });
  });
});
