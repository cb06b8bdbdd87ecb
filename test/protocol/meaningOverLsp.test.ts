// The checks of meaning and structure over the protocol: a wrong valid citation (diagnostic, hover with the matching
// words, quick fix), a bare number resolved by its content (hover says so), an uncited restatement (hint and fix),
// the task item's owner and deadline on hover, and coverage's third state.
import * as assert from 'assert';
import { LspClient, positionOf } from '../support/lspClient';

describe('what each sentence is about, over the protocol', function () {
  this.timeout(20000);
  let client: LspClient;
  const uri = 'untitled:meaning.md';
  const text = [
    '# 实施方案',
    '',
    '1. 支持外商投资旅行社从事出境旅游业务（表1第31项），由区文化广电旅游局牵头，2025年6月底前完成。',
    '2. 落实表1第12项，允许外商投资社会调查（区商务局牵头）。',
    '3. 在白云机场试点前置安检，增加货运航班时刻供给。',
    '',
    '按照第5项要求推进IPv6测试中心建设。',
  ].join('\n');
  let diagnostics: any[];

  before(async () => {
    client = new LspClient();
    await client.initialize({ initializationOptions: { policyLens: { diagnostics: { debounceMs: 0 } } } });
    client.open(uri, text);
    diagnostics = (await client.waitForDiagnostics(uri)).diagnostics;
  });
  after(() => client.shutdown());

  it('reports the wrong valid citation, names both tasks and the words they share, and relates the better task', () => {
    const d = diagnostics.find((x) => x.code === 'reference-mismatch');
    assert.ok(d, `a reference-mismatch diagnostic: ${JSON.stringify(diagnostics)}`);
    assert.deepStrictEqual(d.range.start, positionOf(text, '表1第31项', 0));
    assert.strictEqual(d.severity, 2);
    assert.match(d.message, /该条目内容与表1第31项（.+）不符，更接近表1第13项（外商投资旅行社）/);
    assert.match(d.message, /外商投资旅行社/);
    assert.match(d.relatedInformation[0].message, /表1第13项/);
  });

  it('shows on the mismatched reference the task the sentence is closer to and the words it shares', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '表1第31项', 2) });
    const value: string = hover.contents.value;
    assert.match(value, /内容更接近 表1第13项/);
    assert.match(value, /匹配词：.*外商投资旅行社/);
    assert.match(value, /表1第31项 · T1\.31/, 'the cited task is still shown');
  });

  it('shows the matching words on a reference that fits its sentence', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '表1第12项', 2) });
    assert.match(hover.contents.value, /匹配词：.*外商投资社会调查/);
    assert.doesNotMatch(hover.contents.value, /内容更接近/);
  });

  it('offers the better task as the quick fix of the mismatch', async () => {
    const d = diagnostics.find((x) => x.code === 'reference-mismatch');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a: any) => a.title.includes('表1第13项'));
    assert.ok(fix, `a quick fix writes 表1第13项: ${JSON.stringify(actions.map((a: any) => a.title))}`);
    assert.strictEqual(fix.isPreferred, true);
    assert.strictEqual(fix.edit.changes[uri][0].newText, '表1第13项');
  });

  it('resolves a bare number by its content, with no diagnostic, and says so on hover', async () => {
    assert.ok(!diagnostics.some((x) => x.code === 'ambiguous-reference'), '第5项 about IPv6 is not ambiguous');
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '第5项', 1) });
    assert.match(hover.contents.value, /推断为 表3第5项（根据内容推断）/);
    assert.match(hover.contents.value, /IPv6/);
  });

  it('hints at an item that restates a task without citing it, and its fix appends the reference', async () => {
    const d = diagnostics.find((x) => x.code === 'uncited-task');
    assert.ok(d, 'an uncited-task hint');
    assert.strictEqual(d.severity, 4);
    assert.match(d.message, /复述了表1第17项/);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.strictEqual(actions[0].edit.changes[uri][0].newText, '（表1第17项）');
    assert.deepStrictEqual(actions[0].edit.changes[uri][0].range.start, positionOf(text, '。\n\n按照', 0), 'before the item\'s full stop');
  });

  it('flags the item without a lead unit in a plan that names them elsewhere, and shows each item\'s owner on hover', async () => {
    const missing = diagnostics.filter((x) => x.code === 'missing-lead-unit');
    assert.strictEqual(missing.length, 1, JSON.stringify(missing));
    assert.strictEqual(missing[0].range.start.line, 4, 'the restated item (line 5) names no lead unit');
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '表1第12项', 2) });
    assert.match(hover.contents.value, /牵头单位：区商务局/);
    const first = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '表1第31项', 2) });
    assert.match(first.contents.value, /牵头单位：区文化广电旅游局/);
    assert.match(first.contents.value, /完成时限：2025年6月底前/);
  });

  it('counts the restated task as restated in the coverage, a third state', async () => {
    const coverage = await client.request('policyLens/coverage', { uris: [uri] });
    assert.strictEqual(coverage.restated, 1);
    const t117 = coverage.tasks.find((t: any) => t.id === 'T1.17');
    assert.strictEqual(t117.state, 'restated');
    assert.strictEqual(t117.restatedAt[0].range.start.line, 4);
    const t35 = coverage.tasks.find((t: any) => t.id === 'T3.5');
    assert.strictEqual(t35.state, 'cited', 'a bare number resolved by its content counts as a citation');
    assert.strictEqual(t35.locations[0].text, '第5项');
  });
});
