// Rules per source (data/rules.json): keyed by prefix and task, guarded by the document, the shared subjects otherwise.
import * as assert from 'assert';
import * as path from 'path';
import { CheckContext } from '../../server/src/core/checks/context';
import { TaskIndex } from '../../server/src/core/taskIndex';
import { mergeSubjects, RuleData, rulesFor } from '../../server/src/core/thresholds';
import { PolicyIndex } from '../../server/src/core/types';
import { buildEngine } from '../../server/src/engine';
import { loadDefaultIndex, loadExtraSource, loadRules } from '../../server/src/indexLoader';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SZ_FILE = path.join(ROOT, 'test', 'fixtures', 'sources', 'shenzhen.md');

describe('rules per source', () => {
  let base: PolicyIndex;
  let sz: PolicyIndex;
  let rules: RuleData;
  before(() => {
    base = loadDefaultIndex(ROOT);
    sz = loadExtraSource(SZ_FILE, 'SZ');
    rules = loadRules(ROOT);
  });
  /** The threshold findings of a text (the other checks have their own tests). */
  const findings = (data: RuleData, text: string) =>
    buildEngine([base, sz], data).checker.analyze(text, { locale: 'zh' }).findings
      .filter((f) => f.code === 'threshold-mismatch')
      .map((f) => `${f.code} ${text.slice(f.start, f.end)}`);

  it('checks the thresholds of a sibling source with the shared subjects (注册资本, 外资比例, 从业年限)', () => {
    assert.deepStrictEqual(findings(rules, '落实SZ表1第1项，注册资本不低于500万元。'), ['threshold-mismatch 不低于500万元']);
    assert.deepStrictEqual(findings(rules, '落实SZ表1第3项，外资比例不超过60%。'), ['threshold-mismatch 不超过60%']);
    assert.deepStrictEqual(findings(rules, '落实SZ表1第4项，从业年限不少于3年。'), ['threshold-mismatch 不少于3年']);
    assert.deepStrictEqual(findings(rules, '落实SZ表1第3项，外资比例不超过49%；SZ表1第1项注册资本不低于1000万元。'), [], 'the source values agree');
  });

  it('keeps the default source rule of 表1第50项 to the default source', () => {
    const ctx = new CheckContext(new TaskIndex([base, sz]), rules);
    assert.deepStrictEqual([...ctx.rulesByTask.keys()], ['T1.50']);
    assert.deepStrictEqual(findings(rules, '落实表1第50项，外资股比不超过50%。'), ['threshold-mismatch 不超过50%'], 'the removed cap is still reported');
  });

  it('gives a source its own rules under its prefix, with its task IDs, only for its document', () => {
    const rule = { task: 'T1.2', subject: '股比', side: '外资', kind: 'removed' as const, zh: '不设上限', en: 'no cap' };
    const data: RuleData = { subjects: rules.subjects, sources: [{ prefix: 'SZ', document: '深试发〔2024〕9号', rules: [rule] }] };
    assert.deepStrictEqual(rulesFor(sz, data).rules.map((r) => r.task), ['SZ:T1.2']);
    assert.deepStrictEqual(rulesFor(base, data).rules, [], 'not for the default source');
    const other: RuleData = { ...data, sources: [{ ...data.sources![0], document: '另一个文号' }] };
    assert.deepStrictEqual(rulesFor(sz, other).rules, [], 'not for another document loaded under the same prefix');
    assert.deepStrictEqual(findings(data, '落实SZ表1第2项，外资股比不超过50%。'), ['threshold-mismatch 不超过50%']);
  });

  it('reads a source with its own subjects with those alone, and plans with every subject', () => {
    const data: RuleData = { subjects: rules.subjects, sources: [...(rules.sources ?? []), { prefix: 'SZ', subjects: [{ head: '注册资本' }] }] };
    assert.deepStrictEqual(findings(data, '落实SZ表1第3项，外资比例不超过60%。'), [], 'SZ sets no 股比 threshold under its own subjects');
    assert.deepStrictEqual(findings(data, '落实SZ表1第1项，注册资本不低于500万元。'), ['threshold-mismatch 不低于500万元']);
    assert.deepStrictEqual(findings(data, '落实表1第12项，中方股比不低于51%。'), ['threshold-mismatch 不低于51%'], 'the default source keeps the shared subjects');
  });

  it('merges the words of subjects with the same head', () => {
    const merged = mergeSubjects([[{ head: '股比', aliases: ['持股比例'], sides: { 外资: ['外资'] } }], [{ head: '股比', aliases: ['外资比例'], sides: { 外资: ['外方'], 中方: ['中方'] } }, { head: '注册资本' }]]);
    assert.deepStrictEqual(merged, [
      { head: '股比', aliases: ['持股比例', '外资比例'], sides: { 外资: ['外资', '外方'], 中方: ['中方'] } },
      { head: '注册资本' },
    ]);
    const sided = mergeSubjects([[{ head: '股比', sidedAliases: ['持股'] }], [{ head: '股比', sidedAliases: ['占股'], complementary: true }]]);
    assert.deepStrictEqual(sided, [{ head: '股比', aliases: [], sidedAliases: ['持股', '占股'], complementary: true }]);
  });
});
