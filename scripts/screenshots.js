#!/usr/bin/env node
// `npm run screenshots`: the extension at work in a real VS Code (code-server + headless Chromium, installed by
// `npm run setup:editor`), driven like a user would; writes docs/hover.png, docs/completion.png, docs/fuzzy.png,
// docs/threshold-hover.png, docs/mismatch.png (the hover over a reference whose sentence is about another task),
// docs/unknown-hover.png (the hover over a task number its table does not have), docs/domain-hover.png (the hover
// over a heading of domains), docs/quickfix.png,
// docs/mismatch-fix.png (its quick fix), docs/omission-fix.png (the two fixes of a quotation that leaves a clause
// out), docs/reversed.png (the hover over a word of a copied task that says the opposite), docs/swapped.png (over two
// words of a copied task swapped), docs/place.png (over a place a task of another pilot area is put in), docs/problems.png, docs/language-status.png (the plan's
// language status item, opened), docs/coverage.png, docs/restated.png
// (a task the plan restates without citing it, in the coverage view), docs/settings.png (the Settings editor filtered
// to policyLens), docs/word-plan.png (a .docx opened with 打开 Word 方案 from the Explorer, with its Problems),
// docs/workspace-check.png (Check All Plans in Workspace: two district plans never opened, in the Problems panel) and
// docs/sources.png (a second source, policies/shenzhen.txt under the prefix SZ, set in the workspace's
// .vscode/settings.json); then docs/report.png, by the report part of the editor tests (test/editor/run.js report)
// with POLICY_LENS_SCREENSHOTS=1. The plan is a temp copy of examples/*.md: the typing never reaches it, nor do the
// restated line, the Word plan, the Shenzhen source, the workspace settings and the line citing SZ表1第2项 (all in
// the temp workspace).
// The editor runs in Chinese (SCREENSHOT_LOCALE=en for English), the language the drafters write plans in: the
// extension's messages follow VS Code's display language. With no Chinese language pack installed offline, an
// empty one (no translations: VS Code's own menus stay English) makes VS Code report zh-cn to the extension.
// The hovers' ✅/❌ need a colour emoji font (Debian: fonts-noto-color-emoji), or they show as empty boxes.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { startCodeServer, launchBrowser, workbenchUrl } = require('../test/editor/code-server-runner');

const REPO = path.resolve(__dirname, '..');
const DOCS = path.join(REPO, 'docs');
const TIMEOUT_MS = 240000;
const VIEWPORT = { width: 1400, height: 900 };
const LOCALE = (process.env.SCREENSHOT_LOCALE || 'zh-cn').toLowerCase();
const ZH = LOCALE.startsWith('zh');
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

/**
 * Makes VS Code start in `locale` (read from argv.json on each workbench load) with an empty language pack, which is
 * what VS Code needs to report that language (vscode.env.language) to extensions. Untranslated strings stay English.
 */
function useDisplayLanguage(cs, tmp, locale) {
  if (locale.startsWith('en')) return;
  const userDataPath = path.join(cs.dataDir, 'user');
  const translations = path.join(tmp, `empty-language-pack.${locale}.i18n.json`);
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  fs.writeFileSync(path.join(userDataPath, 'languagepacks.json'),
    JSON.stringify({ [locale]: { hash: `screenshots${Date.now()}`, label: locale,
      extensions: [{ extensionIdentifier: { id: 'policy-lens.screenshots-language-pack' }, version: '0.0.0' }], translations: { vscode: translations } } }));
  fs.mkdirSync(path.join(userDataPath, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataPath, 'User/argv.json'), JSON.stringify({ locale }));
}

/** Waits until `locator` is there and resolves true, or resolves false after `timeout` ms. */
function appears(locator, timeout) {
  return locator.waitFor({ timeout }).then(() => true, () => false);
}

/** Moves the pointer to an empty spot of the activity bar (list rows and title bar show tooltips). */
async function parkPointer(page) {
  const bar = await page.locator('.part.activitybar').boundingBox().catch(() => null);
  await page.mouse.move(bar ? bar.x + bar.width / 2 : 22, bar ? bar.y + bar.height * 0.6 : VIEWPORT.height * 0.6);
}

/** Hovers the middle of `text` until a hover containing every one of `expected` shows (the server may still be starting). */
async function hoverUntil(page, text, expected, attempts = 40) {
  const [first, ...rest] = expected;
  let hover = page.locator('.monaco-hover:not(.hidden)', { hasText: first });
  for (const e of rest) hover = hover.filter({ hasText: e });
  for (let attempt = 0; attempt < attempts; attempt++) {
    const box = await textBox(page, text);
    if (!box) throw new Error(`${text} is not visible in the editor`);
    await page.mouse.move(5, 5);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    if (await appears(hover.first(), 2500)) return hover.first();
  }
  throw new Error(`no hover with ${expected.map((e) => `"${e}"`).join(' and ')} appeared over ${text}`);
}

/** Drags the mouse from (x, y) by (dx, dy) in small steps, as a user resizing something by its edge. */
async function drag(page, x, y, dx, dy) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
}

/** The rectangle of the first element matching `selector` whose rectangle passes `test`, or null. */
function findBox(page, selector, test) {
  return page.evaluate(({ selector, test }) => {
    const pass = new Function('r', `return (${test});`);
    for (const el of document.querySelectorAll(selector)) {
      const r = el.getBoundingClientRect();
      if (r.width && r.height && pass(r)) return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  }, { selector, test });
}

/**
 * Editor hovers are at most max(editor height / 4, 250 px) tall unless the user makes one taller by its edge, which
 * VS Code then remembers for every hover: drag the bottom edge of the hover shown to `bottom` (px from the top).
 */
async function makeHoversTaller(page, hover, bottom) {
  const box = await hover.boundingBox();
  if (!box) return;
  const sash = await findBox(page, '.monaco-resizable-hover .monaco-sash.horizontal',
    `Math.abs(r.y + r.height / 2 - ${box.y + box.height}) < 8`);
  if (!sash) { say('no bottom edge to drag on the hover: it stays at its default height'); return; }
  const y = sash.y + sash.height / 2;
  if (bottom > y) await drag(page, box.x + box.width / 2, y, 0, bottom - y);
}

/** The same for a hover shown above its text: drag its top edge up to `top` (px from the top). */
async function makeHoverTallerUpwards(page, hover, top) {
  const box = await hover.boundingBox();
  if (!box) return;
  const sash = await findBox(page, '.monaco-resizable-hover .monaco-sash.horizontal', `Math.abs(r.y + r.height / 2 - ${box.y}) < 8`);
  if (!sash) { say('no top edge to drag on the hover: it stays at its height'); return; }
  const y = sash.y + sash.height / 2;
  if (top < y) await drag(page, box.x + box.width / 2, y, 0, top - y);
}

/** Gives the side bar `width` px by dragging its edge: the rows of its views not cut off, or the editor more room. */
async function sizeSideBar(page, width) {
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (!bar || Math.abs(bar.width - width) < 4) return;
  const sash = await findBox(page, '.monaco-sash.vertical', `Math.abs(r.x + r.width / 2 - ${bar.x + bar.width}) < 6 && r.height > 200`);
  if (!sash) { say('no side bar edge to drag: the side bar keeps its width'); return; }
  await drag(page, sash.x + sash.width / 2, bar.y + bar.height / 2, width - bar.width, 0);
}

/** Makes the suggest widget show the details (documentation) pane of its focused item: Ctrl+Space toggles it. */
async function showSuggestDetails(page, detailsText) {
  const widget = page.locator('.suggest-widget.visible');
  if (!(await widget.evaluate((el) => el.classList.contains('shows-details')))) await page.keyboard.press('Control+Space');
  await page.locator('.suggest-widget.visible.shows-details').waitFor({ timeout: 5000 });
  await page.locator('.suggest-details-container .suggest-details', { hasText: detailsText }).first().waitFor({ timeout: 5000 });
}

/** Places the cursor at the end of the plan, on a new line, and types `text` (slowly, like a user). */
async function typeOnNewLastLine(page, text) {
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  // focus the editor, wherever its cursor is (its input is an EditContext element, or a textarea in older VS Codes)
  await page.locator('.editor-instance .monaco-editor .native-edit-context, .editor-instance .monaco-editor textarea.inputarea').first().focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text, { delay: 30 });
}

/** Opens the suggest widget (if typing did not: as with a Chinese input method) until its first row shows `first`. */
async function suggestWithFirst(page, first) {
  const row0 = page.locator('.suggest-widget.visible .monaco-list-row[data-index="0"]', { hasText: first });
  if (!(await appears(row0, 3000))) {
    await page.keyboard.press('Control+Space');
    await row0.waitFor({ timeout: 15000 });
  }
  return row0;
}

async function revert(page) {
  await page.keyboard.press('Escape');
  await runCommand(page, 'File: Revert File');
  // the tab loses its dirty dot once the copy on disk is back in the editor
  await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor({ timeout: 10000 });
}

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

/** The second source of docs/sources.png: same format as the seed (title, 表N, tab-separated 类别 and 试点任务). */
const SHENZHEN = [
  '深圳市服务业扩大开放试点方案',
  '',
  '表 1 第一批试点任务',
  '',
  '类别\t试点任务',
  '金融服务\t1. 支持深圳设立跨境理财试点。',
  '\t2. 推动数字人民币在前海的应用。',
  '',
].join('\n');
const SZ_LINE = '16. 对照深圳方案SZ表1第2项，推进数字人民币应用（区金融局牵头）。';
const SZ_TASKS = 2;

/** Writes policies/shenzhen.txt and the workspace settings that load it under the prefix SZ (trust is off in code-server). */
function writeShenzhenSource(workspace) {
  fs.mkdirSync(path.join(workspace, 'policies'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'policies/shenzhen.txt'), SHENZHEN);
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode/settings.json'),
    JSON.stringify({ 'policyLens.sources': [{ path: 'policies/shenzhen.txt', prefix: 'SZ' }] }, null, 2) + '\n');
}

/** Brings the plan's last line (changed on disk) into view: the editor reloads the file, Ctrl+End scrolls to it. */
async function revealLastLine(page, text) {
  const input = page.locator('.editor-instance .monaco-editor .native-edit-context, .editor-instance .monaco-editor textarea.inputarea').first();
  for (let attempt = 0; attempt < 40; attempt++) {
    await input.focus();
    await page.keyboard.press('Control+End');
    if (await textBox(page, text)) return;
    if (attempt === 10) await runCommand(page, 'File: Revert File').catch(() => {}); // the file watcher missed the change
    await page.waitForTimeout(250);
  }
  throw new Error(`${text} did not show in the editor`);
}

/** Whether the document link over SZ表1第2项 starts at SZ (a link from before the source loaded starts at 表). */
function szLinked(page) {
  return page.evaluate(() => [...document.querySelectorAll('.monaco-editor .view-lines .view-line')]
    .filter((l) => l.textContent.includes('SZ表1第2项'))
    .some((l) => [...l.querySelectorAll('span.detected-link')].some((s) => s.textContent.startsWith('SZ'))));
}

/** Warns when no installed font has ❌ (U+274C): Chromium would draw the hovers' verdicts as empty boxes. */
function checkEmojiFont() {
  let fonts = '';
  try { fonts = execFileSync('fc-list', [':charset=274c'], { encoding: 'utf8' }); } catch { return; /* no fontconfig to ask */ }
  if (!fonts.trim()) say('WARNING: no font has ❌ (apt-get install fonts-noto-color-emoji): the hovers show boxes instead of ✅/❌');
}

/** Puts the cursor on `text` and opens the quick fix menu (Ctrl+.) until it offers `fixTitle`. */
async function quickFixMenu(page, text, fixTitle) {
  const box = await textBox(page, text);
  if (!box) throw new Error(`${text} is not visible in the editor`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await parkPointer(page);
  await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
  const menu = page.locator('.action-widget', { hasText: fixTitle });
  for (let attempt = 0; attempt < 3 && !(await menu.isVisible()); attempt++) {
    await page.keyboard.press('Control+.');
    if (await appears(menu, 5000)) break;
    await page.keyboard.press('Escape');
  }
  await menu.waitFor({ timeout: 1000 });
  return menu;
}

/** The line of docs/restated.png: it says what 表1第17项 says without citing it (and names its lead unit). */
const RESTATED_LINE = '15. 在白云机场试点前置安检，增加货运航班时刻供给（区交通运输局牵头）。';
const RESTATED_TASK = '表1第17项';

/** The district plans of docs/workspace-check.png, on disk and never opened: a Markdown plan and a GB18030 text plan. */
function writeDistrictPlans(workspace) {
  const iconv = require('iconv-lite');
  fs.writeFileSync(path.join(workspace, '天河区实施方案.md'), [
    '# 天河区落实服务业扩大开放综合试点实施方案', '', '## 一、重点任务', '',
    '1. 加速推进天河中央商务区国家数字服务出口基地建设（表3第16项）。（区商务局牵头，2024年底前完成）',
    '2. 支持区内符合条件的非金融企业依法设立金融控股公司（表3第19项）。（区金融局牵头，2024年底前完成）',
    '3. 探索文化企业贷款“白名单”制度（表3第17项）。（区委宣传部牵头，2026年底前完成）', '',
  ].join('\n'));
  fs.writeFileSync(path.join(workspace, '海珠区工作方案.txt'), iconv.encode([
    '海珠区服务业扩大开放综合试点工作方案', '', '一、重点任务',
    '1. 加速建设人工智能与数字经济广东省实验室（表3第22项）。（区科工信局牵头，2024年底前完成）',
    '2. 支持外国专利代理机构在琶洲设立代表机构（表3第10项）。（区市场监管局牵头，2024年底前完成）',
    '3. 大力发展数字文化，促进动漫游戏消费（表3第25项）。（区文广旅体局牵头，2025年底前完成）', '',
  ].join('\r\n'), 'gb18030'));
}

/** The Word plan of docs/word-plan.png: the reader tests' plan (test/support/docxFixture.ts), with its planted mistakes. */
const WORD_FILE = '黄埔区实施方案.docx';
async function writeWordPlan(workspace) {
  const fixture = path.join(REPO, 'out/test/support/docxFixture.js');
  if (!fs.existsSync(fixture)) throw new Error(`${path.relative(REPO, fixture)} is not built (npm run compile-tests)`);
  const { makeDocx, WORD_PLAN } = require(fixture);
  fs.writeFileSync(path.join(workspace, WORD_FILE), await makeDocx(WORD_PLAN));
}

/** `npm run compile-tests`: the Word plan's fixture and the report test run from out/. Type errors elsewhere still emit. */
function compileTests() {
  const r = spawnSync('npm', ['run', '--silent', 'compile-tests'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) say(`WARNING: npm run compile-tests failed; using what it emitted:\n${(r.stdout + r.stderr).trim().split('\n').slice(0, 10).join('\n')}`);
}

/** docs/report.png: the report part of the editor tests, told to write its screenshot there. Resolves to its success. */
function reportShot() {
  say('docs/report.png: node test/editor/run.js report, with POLICY_LENS_SCREENSHOTS=1');
  const r = spawnSync(process.execPath, [path.join(REPO, 'test/editor/run.js'), 'report'],
    { cwd: REPO, encoding: 'utf8', env: { ...process.env, POLICY_LENS_SCREENSHOTS: '1' } });
  const ok = r.status === 0 && /saves a screenshot for the README/.test(r.stdout);
  if (!ok) console.error(`${r.stdout}${r.stderr}\nthe report part failed: docs/report.png may be old`);
  else say('docs/report.png');
  return ok;
}

/** The 覆盖 cited/total of the status bar, as numbers (null when it shows none). */
function coverageCounts(text) {
  const m = /覆盖 (\d+)\/(\d+)/.exec(text);
  return m ? { cited: Number(m[1]), total: Number(m[2]) } : null;
}

async function main() {
  checkEmojiFont();
  compileTests();
  // first, while no VS Code runs (one browser at a time on a small machine)
  const reportOk = reportShot();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-screenshots-'));
  const plan = pickPlan(tmp);
  say('showing a copy of', path.relative(REPO, plan.source), 'in VS Code with the display language', LOCALE);
  fs.mkdirSync(DOCS, { recursive: true });
  const cs = await startCodeServer({ workspace: plan.workspace, settings: SETTINGS });
  useDisplayLanguage(cs, tmp, LOCALE);
  let browser;
  const timer = setTimeout(() => { console.error(`TIMEOUT after ${TIMEOUT_MS / 1000} s`); cleanup(124); }, TIMEOUT_MS);
  async function cleanup(code) {
    try { if (browser) await browser.close(); } catch { /* closing anyway */ }
    await cs.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    say(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    process.exit(code || (reportOk ? 0 : 1));
  }
  let barAt = null;
  const shot = async (page, name) => {
    // a click in a list can scroll the page itself by a few pixels (the workbench is as tall as the window): undo that
    const unscrolled = await page.evaluate(() => {
      const moved = [];
      // whatever holds the title bar or the activity bar, up to the document
      const boxes = [document.scrollingElement];
      for (const part of ['.part.titlebar', '.part.activitybar']) {
        for (let el = document.querySelector(part)?.parentElement; el; el = el.parentElement) boxes.push(el);
      }
      for (const el of boxes) {
        if (el && (el.scrollTop || el.scrollLeft)) { moved.push(`${el.className || el.tagName} ${el.scrollLeft},${el.scrollTop}`); el.scrollTop = 0; el.scrollLeft = 0; }
      }
      return moved;
    });
    if (unscrolled.length && process.env.SCREENSHOT_DEBUG) say(`scrolled back: ${unscrolled.join('; ')}`);
    const bar = await page.locator('.part.activitybar').boundingBox().catch(() => null);
    barAt = barAt || bar; // where the first shot has it
    if (bar && barAt && (bar.x !== barAt.x || bar.y !== barAt.y)) say(`WARNING: the workbench is shifted (activity bar at ${bar.x},${bar.y}, was ${barAt.x},${barAt.y}) in docs/${name}`);
    await page.screenshot({ path: path.join(DOCS, name) });
    say(`docs/${name}`);
  };
  /** docs/<file>: `line` typed on a new last line, the hover over `target` showing `expected`, then the plan reverted. */
  const shootTypedHover = async (page, line, target, expected, file) => {
    await typeOnNewLastLine(page, line);
    await page.keyboard.press('Escape');
    await hoverUntil(page, target, [expected]);
    await page.waitForTimeout(300);
    await shot(page, file);
    await revert(page);
  };
  /** docs/<file>: the quick fix menu opened on `text` (offering `fixTitle`), then closed. */
  const shootQuickFixMenu = async (page, text, fixTitle, file) => {
    await quickFixMenu(page, text, fixTitle);
    await page.waitForTimeout(300);
    await shot(page, file);
    await page.keyboard.press('Escape');
  };
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: ZH ? 'zh-CN' : 'en-US' });
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
    await hoverUntil(page, '表4第9项', ['放宽外商设立投资性公司']);
    await page.waitForTimeout(300); // the hover fades in
    await shot(page, 'hover.png');

    // 2. Completion after typing 表1第 on a new last line, the task text beside the list.
    await typeOnNewLastLine(page, '14. 参照表1第');
    await suggestWithFirst(page, '表1第1项');
    await showSuggestDetails(page, '深化');
    await page.waitForTimeout(300);
    await shot(page, 'completion.png');
    await revert(page);

    // 3. Fuzzy completion: @ and a few words of a task; the best match first, its text beside the list.
    await typeOnNewLastLine(page, '推动@数字人民币');
    await suggestWithFirst(page, '表1第35项');
    await showSuggestDetails(page, '数字人民币');
    await page.waitForTimeout(300);
    await shot(page, 'fuzzy.png');
    await revert(page);

    // 4. Hover over the threshold 51% of line 8: the source says 67%. The diagnostic's part comes first: make the hover
    // tall enough for the whole of Policy Lens's part, then hover again.
    const verdict = ZH ? '与原文不符' : 'contradicts the source';
    const thresholdHover = await hoverUntil(page, '51%', ['中方股比不低于67%', '表1第12项', verdict]);
    await page.waitForTimeout(300);
    await makeHoversTaller(page, thresholdHover, VIEWPORT.height - 60);
    await parkPointer(page);
    await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
    await hoverUntil(page, '51%', ['中方股比不低于67%', '表1第12项', verdict]);
    await page.waitForTimeout(300);
    await shot(page, 'threshold-hover.png');

    // 4b. Hover over 表1第36项 of line 31 (资产管理中心), in a sentence about 数字人民币试点: the hover names the task the
    // sentence is closer to, and the words they share (the hovers are tall enough since step 4).
    const closer = ZH ? '内容更接近 表1第35项' : 'closer to 表1第35项';
    const mismatchHover = await hoverUntil(page, '表1第36项', [closer, ZH ? '匹配词' : 'Matching words']);
    await page.waitForTimeout(300);
    // shown above the line, it is only as tall as before: make it as tall as its content, then hover again
    await makeHoverTallerUpwards(page, mismatchHover, 110);
    await parkPointer(page);
    await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
    await hoverUntil(page, '表1第36项', [closer, ZH ? '匹配词' : 'Matching words']);
    await page.waitForTimeout(300);
    await shot(page, 'mismatch.png');

    // 4c. Hover over a task number 表1 does not have (表1第64项), in a sentence about 表1第46项: the hover shows the
    // task the sentence is about, in full (what the unknown-task quick fix writes). Typed on a new last line, reverted.
    await typeOnNewLastLine(page, '15. 推动民营企业以控股或参股形式开展发电、增量配电和售电业务（表1第64项）。');
    await page.keyboard.press('Escape');
    await hoverUntil(page, '表1第64项', [ZH ? '该句内容对应 表1第46项' : 'is about 表1第46项', '增量配电']);
    await page.waitForTimeout(300);
    await shot(page, 'unknown-hover.png');
    await revert(page);

    // 4d. Hover over the heading 二、电信服务: the domain's tasks, each marked cited, restated or not yet in the plan.
    await hoverUntil(page, '二、电信服务', [ZH ? '电信服务领域：共' : '电信服务领域: ', '表1第53项']);
    await page.waitForTimeout(300);
    await shot(page, 'domain-hover.png');

    // 5. The quick fix of 51%: Ctrl+. with the cursor on it.
    await shootQuickFixMenu(page, '51%', ZH ? '改为 67%' : 'Change to 67%', 'quickfix.png');

    // 5b. The quick fix of 表1第36项: cite the task the sentence is about.
    await shootQuickFixMenu(page, '表1第36项', ZH ? '改为 表1第35项' : 'Change to 表1第35项', 'mismatch-fix.png');

    // 5c. A quotation that leaves a clause out without …… : its two quick fixes (the full text, or …… where it was).
    // Typed on a new last line, reverted.
    await typeOnNewLastLine(page, '15. 落实表1第12项，“允许外商投资社会调查，法定代表人应当具有中国国籍”。');
    await page.keyboard.press('Escape');
    await shootQuickFixMenu(page, '法定代表人应当具有中国国籍', ZH ? '在省略处加省略号' : 'Mark the omission with an ellipsis', 'omission-fix.png');
    await revert(page);

    // 5d. A task copied but for a word that says the opposite (黑名单 for the task's 白名单): the hover over it, with the
    // finding and its quick fix. Typed on a new last line, reverted.
    await shootTypedHover(page, '15. 探索文化企业贷款“黑名单”制度，加快建设国家文化出口基地（表3第17项，区委宣传部牵头）。', '黑名单', ZH ? '意思相反' : 'says the opposite', 'reversed.png');

    // 5e. Two words of a copied task swapped (保证金 and 保险: what replaces what): the hover over them.
    await shootTypedHover(page, '15. 探索以保证金方式取代保险，降低融资租赁企业资金占用（表3第3项，区金融局牵头）。', '方式取代', ZH ? '互换了位置' : 'swaps', 'swapped.png');

    // 5f. A task of one pilot area put in another (表3第10项 is 黄埔区's, the line says 琶洲): the hover over the place,
    // with the diagnostic and the area's tasks.
    await shootTypedHover(page, '16. 支持外国专利代理机构在琶洲设立代表机构（表3第10项，区市场监管局牵头）。', '琶洲', ZH ? '试点任务' : 'pilot task', 'place.png');

    // 5g. A unit written another way than the plan writes it elsewhere (区金融工作局, where the plan writes 区金融局 twice):
    // the hover over it, with the finding, its share of the plan's tasks and its other name.
    await shootTypedHover(page, '16. 拓展数字人民币在跨境贸易中的应用场景（表1第35项）。（区金融工作局牵头，2025年底前完成）', '区金融工作局', ZH ? '名称前后不一致' : 'written two ways', 'unit-name.png');

    // 5h. A lead unit of another district in this district's plan (天河区商务局 in 黄埔区's): the hover over it, with the
    // finding and its quick fix.
    await shootTypedHover(page, '16. 支持企业依托综合保税区开展保税展示交易业务（表1第14项）。（天河区商务局牵头，2025年底前完成）', '天河区商务局', ZH ? '其他区方案' : "another district's plan", 'other-district.png');

    // 5i. The source cited with a slip of its title (综合 left out): the hover over it, with the finding and the source's
    // card (its 文号, issuer, date, and the tasks the plan cites of each table).
    await shootTypedHover(page, '16. 本方案依据《广州市服务业扩大开放试点总体方案》（商资发〔2022〕212号）制定。', '扩大开放试点', ZH ? '缺少' : 'differs from the source', 'document.png');

    // 6. The Problems panel.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 20000 });
    await parkPointer(page);
    await page.waitForTimeout(700);
    await shot(page, 'problems.png');

    // 6b. The plan's language status: the {} item beside the language mode, opened (sources, findings, check time).
    await runCommand(page, 'View: Close Panel').catch(() => {});
    const languageStatus = page.locator('[id="status.languageStatus"]').first();
    if (await languageStatus.count()) {
      await page.waitForTimeout(500); // the item follows the published diagnostics
      await languageStatus.click();
      await page.locator('.hover-language-status', { hasText: /Policy Lens/ }).first().waitFor({ timeout: 10000 })
        .catch(() => say('the language status shows no Policy Lens item'));
      await page.waitForTimeout(500);
      await shot(page, 'language-status.png');
      await page.keyboard.press('Escape');
    } else {
      say('no language status item in the status bar');
    }

    // 7. The Explorer with the coverage view (its title names Policy Lens, when the extension contributes it).
    await runCommand(page, 'View: Close Panel').catch(() => {});
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.explorer-viewlet').first().waitFor({ timeout: 20000 });
    const coverageHeader = page.locator('.pane-header', { hasText: /Policy Lens/ }).first();
    if (await coverageHeader.count()) {
      // Give the view the room of the file list, then wait for its rows: cited (✓) and not cited tasks.
      const folderHeader = page.locator('.pane-header', { hasText: path.basename(plan.workspace) }).first();
      if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
      if ((await coverageHeader.getAttribute('aria-expanded')) === 'false') await coverageHeader.click();
      await sizeSideBar(page, 480);
      const coveragePane = page.locator('.pane', { has: coverageHeader });
      await coveragePane.locator('.monaco-list-row .codicon-pass-filled').first().waitFor({ timeout: 20000 })
        .catch(() => say('the coverage view shows no cited task'));
      await page.locator('.statusbar-item', { hasText: /覆盖 \d+\/\d+/ }).first().waitFor({ timeout: 10000 })
        .catch(() => say('no 覆盖 N/M in the status bar'));
      await parkPointer(page);
      await page.waitForTimeout(700);
    } else {
      say('no "Policy Lens" view in the Explorer (yet): docs/coverage.png shows the Explorer only');
    }
    await shot(page, 'coverage.png');
    // the plan's 覆盖 cited/total, for step 9 (the restated line of 7b adds 复述 only; other editors show their own)
    const coverageItem = page.locator('.statusbar-item', { hasText: /覆盖 \d+\/\d+/ }).first();
    const coverageBefore = (await appears(coverageItem, 10000)) ? (await coverageItem.innerText()).trim() : '';
    const coverageNow = async () => (await coverageItem.innerText().catch(() => '')).trim();

    // 7b. A line that says what 表1第17项 says without citing it: in the coverage view the task is restated (≈), with
    // the place that restates it; the status bar counts it (复述 1).
    fs.appendFileSync(path.join(plan.workspace, plan.file), `${RESTATED_LINE}\n`);
    await revealLastLine(page, '白云机场试点前置安检');
    if (await coverageHeader.count()) {
      const coveragePane = page.locator('.pane', { has: coverageHeader });
      const restatedRow = coveragePane.locator('.monaco-list-row', { hasText: RESTATED_TASK })
        .filter({ has: page.locator('.codicon-circle-large-filled') }).first();
      if (!(await appears(restatedRow, 20000))) throw new Error(`the coverage view does not show ${RESTATED_TASK} as restated`);
      if ((await restatedRow.getAttribute('aria-expanded')) === 'false') await restatedRow.locator('.monaco-tl-twistie').click();
      await coveragePane.locator('.monaco-list-row', { hasText: `${plan.file}:` }).filter({ hasText: '白云机场' }).first()
        .waitFor({ timeout: 10000 }).catch(() => say(`the coverage view does not show where ${RESTATED_TASK} is restated`));
      await page.locator('.statusbar-item', { hasText: /复述 1/ }).first().waitFor({ timeout: 10000 })
        .catch(() => say('no 复述 1 in the status bar'));
      await parkPointer(page);
      await page.waitForTimeout(700);
      await shot(page, 'restated.png');
    } else {
      say('no "Policy Lens" view in the Explorer: no docs/restated.png');
    }

    // 8. The Settings editor filtered to policyLens: the descriptions come from package.nls.<language>.json.
    await runCommand(page, 'View: Close Primary Side Bar').catch(() => {});
    await page.keyboard.press('Control+,');
    const settingsEditor = page.locator('.settings-editor');
    await settingsEditor.waitFor({ timeout: 20000 });
    await settingsEditor.locator('.settings-header .suggest-input-container .monaco-editor').first().click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('policyLens');
    const settingRow = (text) => settingsEditor.locator('.setting-item-contents', { hasText: text }).first();
    // policyLens.completion.trigger (the first row) in both languages: the one shown says which package.nls VS Code read
    const either = /在补全中开始模糊搜索任务的字符|The character\(s\) that start a fuzzy task search/;
    const shown = ZH ? '在补全中开始模糊搜索任务的字符' : 'The character(s) that start a fuzzy task search';
    await settingRow(either).waitFor({ timeout: 20000 });
    await settingsEditor.locator('.setting-item-contents').nth(5).waitFor({ timeout: 10000 }).catch(() => {});
    if (!(await settingRow(shown).count())) {
      say(`WARNING: the Settings editor shows policyLens.completion.trigger as "${
        (await settingRow(either).innerText()).split('\n').join(' | ')}", not "${shown}…" (${LOCALE})`);
    }
    await parkPointer(page);
    await page.waitForTimeout(700);
    await shot(page, 'settings.png');
    // close the Settings tab by its own close button (the plan's tab stays open)
    const settingsTab = page.locator('.tabs-container .tab', { has: page.locator('.codicon-settings-editor-label-icon, .codicon-settings') })
      .or(page.locator('.tabs-container .tab.active')).first();
    await settingsTab.hover();
    await settingsTab.locator('.tab-actions .action-label').first().click();
    await settingsEditor.waitFor({ state: 'detached', timeout: 10000 });

    // 8b. A Word plan in the workspace, opened from the Explorer's context menu (打开 Word 方案, which passes the file's
    // URI): its text as a read-only Markdown view with the squiggles of its planted mistakes, and the Problems panel.
    await writeWordPlan(plan.workspace);
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.explorer-viewlet').first().waitFor({ timeout: 20000 });
    const folderPane = page.locator('.pane-header', { hasText: path.basename(plan.workspace) }).first();
    if ((await folderPane.getAttribute('aria-expanded')) === 'false') await folderPane.click();
    if ((await coverageHeader.count()) && (await coverageHeader.getAttribute('aria-expanded')) === 'true') await coverageHeader.click();
    const docxRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: WORD_FILE }).first();
    await docxRow.waitFor({ timeout: 20000 });
    await sizeSideBar(page, 320); // two files: the Word plan's text gets the room
    await docxRow.click({ button: 'right' });
    const openWordItem = page.locator('.context-view .monaco-menu .action-item', { hasText: ZH ? '打开 Word 方案' : 'Open Word Plan' }).first();
    await openWordItem.waitFor({ timeout: 10000 });
    // the menu acts on a pointer that moved onto the item and then went down and up on it
    await openWordItem.hover();
    await page.waitForTimeout(200);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForTimeout(300);
    if (await openWordItem.isVisible()) { say('the menu stays open: choosing its item with the keyboard'); await page.keyboard.press('Enter'); }
    const wordEditor = page.locator('.editor-instance .monaco-editor', { has: page.locator('.view-lines', { hasText: '不超过60%' }) }).first();
    await wordEditor.waitFor({ timeout: 30000 });
    await wordEditor.locator('.squiggly-error').first().waitFor({ timeout: 30000 })
      .catch(() => say('no error squiggle in the Word plan\'s view'));
    await page.keyboard.press('Control+Shift+M');
    const markers = page.locator('.markers-panel');
    // the Word plan's findings only: fold the plan's (which, sorted first, may hide the Word plan's below the fold)
    const planMarkers = markers.locator('.monaco-list-row[aria-level="1"]', { hasText: plan.file }).first();
    await markers.locator('.monaco-list-row[aria-level="1"]').first().waitFor({ timeout: 20000 });
    if ((await planMarkers.count()) && (await planMarkers.getAttribute('aria-expanded')) === 'true') {
      await planMarkers.locator('.monaco-tl-twistie').click();
    }
    await markers.locator('.monaco-list-row', { hasText: WORD_FILE }).first().waitFor({ timeout: 20000 });
    await parkPointer(page);
    await page.waitForTimeout(700);
    await shot(page, 'word-plan.png');
    await runCommand(page, 'View: Close Panel').catch(() => {});
    // close the Word plan's tab by its own close button: the plan's tab becomes the active one again
    const wordTab = page.locator('.tabs-container .tab', { hasText: WORD_FILE }).first();
    await wordTab.hover();
    await wordTab.locator('.tab-actions .action-label').first().click();
    await wordEditor.waitFor({ state: 'detached', timeout: 10000 });
    await page.locator('.tabs-container .tab.active', { hasText: plan.file }).waitFor({ timeout: 10000 });

    // 8c. Check All Plans in Workspace: two district plans on disk that were never opened, their problems listed in the
    // Problems panel (the open plan's folded), and the command's summary in its notification.
    writeDistrictPlans(plan.workspace);
    await runCommand(page, ZH ? '检查工作区中的全部方案' : 'Check All Plans in Workspace');
    await page.keyboard.press('Control+Shift+M');
    const checkedMarkers = page.locator('.markers-panel');
    await checkedMarkers.locator('.monaco-list-row', { hasText: '海珠区工作方案.txt' }).first().waitFor({ timeout: 30000 });
    // fold the plan's and the Word plan's (a row below the fold is not rendered until those above it are folded)
    for (let pass = 0; pass < 2; pass++) {
      for (const folded of [WORD_FILE, plan.file]) {
        const row = checkedMarkers.locator('.monaco-list-row[aria-level="1"]', { hasText: folded }).first();
        if ((await row.count()) && (await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
        await page.waitForTimeout(200);
      }
    }
    // the summary, in the notification centre (a toast may have gone by now)
    await runCommand(page, 'Notifications: Show Notifications').catch(() => {});
    await page.locator('.notifications-center', { hasText: ZH ? '已检查' : 'checked' }).first().waitFor({ timeout: 20000 })
      .catch(() => say('no summary in the notification centre'));
    await parkPointer(page);
    await page.waitForTimeout(700);
    await shot(page, 'workspace-check.png');
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
    await runCommand(page, 'Notifications: Hide Notifications').catch(() => {});
    await runCommand(page, 'View: Close Panel').catch(() => {});
    for (const name of ['天河区实施方案.md', '海珠区工作方案.txt']) fs.rmSync(path.join(plan.workspace, name));

    // 9. A second policy source under the prefix SZ (workspace settings, as a user would write them), a line of the
    // plan citing it, and the hover over that reference with the Shenzhen task.
    // with SZ loaded, coverage counts its tasks too, and SZ表1第2项 as one of them
    const before = coverageCounts(coverageBefore);
    const expected = before && `覆盖 ${before.cited + 1}/${before.total + SZ_TASKS}`;
    const counted = async () => !expected || (await coverageNow()).startsWith(expected);
    writeShenzhenSource(plan.workspace);
    fs.appendFileSync(path.join(plan.workspace, plan.file), `${SZ_LINE}\n`);
    // the Explorer with the workspace's files (policies/shenzhen.txt, .vscode/settings.json) rather than the coverage view
    await page.keyboard.press('Control+Shift+E');
    await page.locator('.explorer-viewlet').first().waitFor({ timeout: 20000 });
    const filesHeader = page.locator('.pane-header', { hasText: path.basename(plan.workspace) }).first();
    if ((await filesHeader.getAttribute('aria-expanded')) === 'false') await filesHeader.click();
    if ((await coverageHeader.count()) && (await coverageHeader.getAttribute('aria-expanded')) === 'true') await coverageHeader.click();
    for (const folder of ['.vscode', 'policies']) { // open both folders: settings.json and shenzhen.txt show
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: folder }).first();
      if (!(await appears(row, 20000))) { say(`${folder}/ does not show in the Explorer`); continue; }
      if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
    }
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'shenzhen.txt' }).first().waitFor({ timeout: 10000 })
      .catch(() => say('policies/shenzhen.txt does not show in the Explorer'));
    await revealLastLine(page, 'SZ表1第2项');
    await hoverUntil(page, 'SZ表1第2项', ['推动数字人民币在前海的应用', '深圳市服务业扩大开放试点方案']);
    // The server now knows SZ, but what VS Code asked for before it did may stay: the link under the reference (without
    // SZ, to the Guangzhou task) and the 覆盖 count (SZ表1第2项 counted as 表1第2项, of the Guangzhou tasks only). Neither
    // is asked for again when the server loads a source; an edit, undone, makes VS Code ask again.
    const fresh = async () => (await szLinked(page)) && (await counted());
    for (let i = 0; i < 8 && !(await fresh()); i++) await page.waitForTimeout(250);
    if (!(await fresh())) {
      say(`from before the SZ source loaded: ${(await szLinked(page)) ? '' : 'the link under SZ表1第2项 (it leaves out SZ), '}` +
        `the status bar's "${await coverageNow()}" (was "${coverageBefore}", expected "${expected}"); typing and undoing a space to refresh them`);
      await page.keyboard.press('Escape');
      await revealLastLine(page, 'SZ表1第2项');
      await page.keyboard.type(' ');
      await page.keyboard.press('Control+Z');
      await page.locator('.tabs-container .tab.active:not(.dirty)').waitFor({ timeout: 10000 });
      for (let i = 0; i < 40 && !(await fresh()); i++) await page.waitForTimeout(250);
      if (!(await szLinked(page))) say('WARNING: the link under SZ表1第2项 still leaves out SZ');
      if (!(await counted())) say(`WARNING: the status bar says "${await coverageNow()}", not "${expected}"`);
      await hoverUntil(page, 'SZ表1第2项', ['推动数字人民币在前海的应用', '深圳市服务业扩大开放试点方案']);
    }
    await page.waitForTimeout(300);
    await shot(page, 'sources.png');

    // 10. Go to definition from 表4第9项 into the source: above each task, how many places the workspace's plans cite it.
    await page.keyboard.press('Escape');
    const input = page.locator('.editor-instance .monaco-editor .native-edit-context, .editor-instance .monaco-editor textarea.inputarea').first();
    await input.focus();
    // find it (the selection is then on it), close the find widget, and go to its definition
    await page.keyboard.press('Control+F');
    await page.locator('.find-widget.visible').waitFor({ timeout: 10000 });
    await page.keyboard.type('表4第9项');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F12');
    await page.locator('.codelens-decoration a:visible', { hasText: ZH ? '引用' : 'citation' }).first().waitFor({ timeout: 30000 });
    await parkPointer(page);
    await page.waitForTimeout(700);
    await shot(page, 'source-lens.png');
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
