#!/usr/bin/env node
// `npm run screenshots`: the extension at work in a real VS Code (code-server + headless Chromium, installed by
// `npm run setup:editor`), driven like a user would; writes docs/hover.png, docs/completion.png,
// docs/problems.png and docs/coverage.png. The plan is a temp copy of examples/*.md: the typing never reaches it.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer, launchBrowser, workbenchUrl } = require('../test/editor/code-server-runner');

const REPO = path.resolve(__dirname, '..');
const DOCS = path.join(REPO, 'docs');
const TIMEOUT_MS = 180000;
const t0 = Date.now();
const say = (...a) => console.log(`[screenshots +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

/** The plan to show (the first examples/*.md, else the in-editor tests' plan), copied to a temp workspace. */
function pickPlan(tmp) {
  const examples = path.join(REPO, 'examples');
  const md = fs.existsSync(examples) ? fs.readdirSync(examples).filter((f) => f.endsWith('.md')).sort() : [];
  const source = md.length ? path.join(examples, md[0]) : path.join(REPO, 'test/editor/workspace/plan.md');
  const workspace = path.join(tmp, path.basename(path.dirname(source)));
  fs.mkdirSync(workspace);
  fs.copyFileSync(source, path.join(workspace, path.basename(source)));
  return { source, workspace, file: path.basename(source) };
}

const SETTINGS = {
  'files.autoSave': 'off', // the web workbench's default would save the typing into the plan
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Light Modern',
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.fontSize': 15,
  'editor.wordWrap': 'on',
  'editor.quickSuggestions': { other: true, comments: true, strings: true },
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.showReleaseNotes': false,
};

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10000 });
  await page.waitForTimeout(300);
  if (process.env.SCREENSHOT_DEBUG) await page.screenshot({ path: `/tmp/palette-${title.replace(/\W+/g, '_')}.png` });
  await page.keyboard.press('Enter');
}

/** Screen rectangle of the first occurrence of `text` in the editor's rendered lines (tokens split it into spans). */
function textBox(page, text) {
  return page.evaluate((needle) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const nodes = [];
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let all = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) { nodes.push({ node, at: all.length }); all += node.textContent; }
      const i = all.indexOf(needle);
      if (i < 0) continue;
      const locate = (offset) => { const n = nodes.filter((x) => x.at <= offset).pop(); return [n.node, offset - n.at]; };
      const range = document.createRange();
      range.setStart(...locate(i));
      const end = locate(i + needle.length - 1);
      range.setEnd(end[0], end[1] + 1);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, text);
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-screenshots-'));
  const plan = pickPlan(tmp);
  say('showing a copy of', path.relative(REPO, plan.source));
  fs.mkdirSync(DOCS, { recursive: true });
  const cs = await startCodeServer({ workspace: plan.workspace, settings: SETTINGS });
  let browser;
  const timer = setTimeout(() => { console.error(`TIMEOUT after ${TIMEOUT_MS / 1000} s`); cleanup(124); }, TIMEOUT_MS);
  async function cleanup(code) {
    try { if (browser) await browser.close(); } catch { /* closing anyway */ }
    await cs.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(code);
  }
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await page.goto(workbenchUrl(cs, { workspace: plan.workspace, extensionDevelopmentPaths: [REPO] }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60000 }).catch(() => {});

    // Open the plan with Quick Open.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 20000 });
    await page.keyboard.type(plan.file);
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines', { hasText: '表4第9项' }).waitFor({ timeout: 30000 });
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});

    // 1. Hover over 表4第9项 — retried until the language server is ready and answers.
    let hovered = false;
    for (let attempt = 0; attempt < 40 && !hovered; attempt++) {
      const box = await textBox(page, '表4第9项');
      if (!box) throw new Error('表4第9项 is not visible in the editor');
      await page.mouse.move(5, 5);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      hovered = await page.locator('.monaco-hover:not(.hidden)', { hasText: '放宽外商设立投资性公司' })
        .first().waitFor({ timeout: 2500 }).then(() => true, () => false);
    }
    if (!hovered) throw new Error('no hover with the text of T4.9 appeared over 表4第9项');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(DOCS, 'hover.png') });
    say('docs/hover.png');

    // 2. Completion after typing 表1第 on a new last line.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    const anchor = await textBox(page, '表4第9项');
    await page.mouse.click(anchor.x + 2, anchor.y + anchor.height / 2); // focus the editor
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('14. 参照表1第', { delay: 30 });
    const suggest = page.locator('.suggest-widget.visible', { hasText: '表1第1项' });
    if (!(await suggest.waitFor({ timeout: 3000 }).then(() => true, () => false))) {
      // As with a Chinese input method, typing may not trigger suggestions: ask for them.
      await page.keyboard.press('Control+Space');
      await suggest.waitFor({ timeout: 15000 });
    }
    // Show the task text beside the list (Ctrl+Space again toggles the details pane).
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-details-container .suggest-details', { hasText: '深化' }).first().waitFor({ timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(700);
    await page.screenshot({ path: path.join(DOCS, 'completion.png') });
    say('docs/completion.png');
    await page.keyboard.press('Escape');
    await runCommand(page, 'File: Revert File');
    await page.waitForTimeout(500);

    // 3. The Problems panel.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 20000 });
    await page.mouse.move(22, 500); // to empty activity bar: list rows and title bar show tooltips
    await page.waitForTimeout(700);
    await page.screenshot({ path: path.join(DOCS, 'problems.png') });
    say('docs/problems.png');

    // 4. The Explorer with the coverage view (its title names Policy Lens, when the extension contributes it).
    await runCommand(page, 'View: Close Panel').catch(() => {});
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.explorer-viewlet').first().waitFor({ timeout: 20000 });
    const coverageHeader = page.locator('.pane-header', { hasText: /Policy Lens/ }).first();
    if (await coverageHeader.count()) {
      // Give the view the room of the file list, then wait for its rows.
      const folderHeader = page.locator('.pane-header', { hasText: path.basename(plan.workspace) }).first();
      if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
      if ((await coverageHeader.getAttribute('aria-expanded')) === 'false') await coverageHeader.click();
      const coveragePane = page.locator('.pane', { has: coverageHeader });
      await coveragePane.locator('.monaco-list-row').first().waitFor({ timeout: 20000 })
        .catch(() => say('the coverage view shows no rows'));
      await page.mouse.move(22, 500);
      await page.waitForTimeout(1000);
    } else {
      say('no "Policy Lens" view in the Explorer (yet): docs/coverage.png shows the Explorer only');
    }
    await page.screenshot({ path: path.join(DOCS, 'coverage.png') });
    say('docs/coverage.png');
    clearTimeout(timer);
    await cleanup(0);
  } catch (e) {
    clearTimeout(timer);
    console.error(e && e.stack ? e.stack : e);
    if (browser) {
      const pages = browser.contexts().flatMap((c) => c.pages());
      if (pages[0]) await pages[0].screenshot({ path: path.join(DOCS, 'screenshots-failure.png') }).catch(() => {});
      console.error('the screen at the failure: docs/screenshots-failure.png');
    }
    await cleanup(1);
  }
}

main();
