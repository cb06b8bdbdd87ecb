import * as assert from 'assert';
import { T4_9_TEXT, hoverText, openPlan, poll, positionOf, serverReady } from '../helpers';

describe('Hover', () => {
  before(() => serverReady());

  it('shows the full text of T4.9 over 表4第9项', async () => {
    const doc = await openPlan();
    const text = await poll('a hover over 表4第9项 with the text of T4.9',
      () => hoverText(doc, positionOf(doc, '表4第9项', 2)), (t) => t.includes(T4_9_TEXT), { timeoutMs: 10000 });
    assert.ok(text.includes(T4_9_TEXT));
  });

  it('shows nothing over plain prose', async () => {
    const doc = await openPlan();
    assert.strictEqual(await hoverText(doc, positionOf(doc, '深化高等院校', 2)), '');
  });

  it('shows over a unit\'s name the tasks the plan gives it to lead', async () => {
    const doc = await openPlan();
    const text = await poll('a hover over 区科技局', () => hoverText(doc, positionOf(doc, '由区科技局牵头', 2)), (t) => t.includes('区科技局'), { timeoutMs: 10000 });
    assert.match(text, /(牵头 1 项任务：|leads 1 task: )表1第1项/, text);
  });
});
