import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EXTENSION_ID, extension, hoverText, openPlan, poll, positionOf, REPO_ROOT, T4_9_TEXT } from '../helpers';

describe('The packaged VSIX, installed', () => {
  it('is loaded from the extensions folder, not from the repository', () => {
    const ext = extension();
    assert.ok(!path.resolve(ext.extensionPath).startsWith(REPO_ROOT + path.sep),
      `${EXTENSION_ID} runs from ${ext.extensionPath}, inside the repository: the VSIX was not what got tested`);
  });

  it('ships the bundles and data but no sources, tests or node_modules', () => {
    const root = extension().extensionPath;
    for (const needed of ['package.json', 'dist/extension.js', 'dist/server.js']) {
      assert.ok(fs.existsSync(path.join(root, needed)), `the VSIX lacks ${needed}`);
    }
    for (const unwanted of ['node_modules', 'client', 'server', 'test', 'out', 'tsconfig.json']) {
      assert.ok(!fs.existsSync(path.join(root, unwanted)), `the VSIX contains ${unwanted}`);
    }
  });

  it('shows the full text of T4.9 over 表4第9项', async () => {
    const doc = await openPlan();
    await poll('the installed extension to be active', () => extension().isActive, (a) => a, { timeoutMs: 30000 });
    await poll('a hover over 表4第9项 with the text of T4.9', () => hoverText(doc, positionOf(doc, '表4第9项', 2)),
      (t) => t.includes(T4_9_TEXT), { timeoutMs: 30000 });
  });
});
