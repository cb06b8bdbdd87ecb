import * as assert from 'assert';
import { extension, openPlan, poll } from '../helpers';

describe('Activation', () => {
  it('activates when a Markdown plan is opened', async () => {
    const doc = await openPlan();
    assert.strictEqual(doc.languageId, 'markdown', 'plan.md should open as Markdown');
    const ext = extension();
    await poll('the extension to be active', () => ext.isActive, (active) => active, { timeoutMs: 30000 });
  });
});
