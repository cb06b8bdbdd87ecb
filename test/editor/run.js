#!/usr/bin/env node
// `npm run test:editor` (after the build): the extension proven in real editors.
//   1. dev      — the in-editor suite (out/test/editor/suite) in a real VS Code, extension in development mode;
//   2. vsix     — `npm run package`, the VSIX installed into a fresh VS Code, out/test/editor/installed run there;
//   3. neovim   — Debian's Neovim as an LSP client of dist/server.js (out/test/editor/neovim.test.js);
//   4. report   — the HTML report of `policy-lens report` in headless Chromium (out/test/editor/reportInChromium.test.js).
// `node test/editor/run.js dev neovim` runs only the named parts. The VS Code is code-server's, started by
// test/editor/code-server-runner.js, which @vscode/test-electron launches as if it were VS Code's executable.
'use strict';
const { runTests } = require('@vscode/test-electron');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Mocha = require('mocha');
const { checkInstalled } = require('./code-server-runner');

const REPO = path.resolve(__dirname, '../..');
const OUT = path.join(REPO, 'out/test/editor');
// Tests run on a copy of test/editor/workspace, so that an edit (the quick-fix test) never touches the repository.
const WORKSPACE_SOURCE = path.join(REPO, 'test/editor/workspace');
let WORKSPACE;
const RUNNER = path.join(__dirname, 'code-server-runner.js');
const PARTS = ['dev', 'vsix', 'neovim', 'report'];

const BUILT = { dev: 'out/test/editor/suite/runSuite.js', vsix: 'out/test/editor/installed/runInstalled.js', neovim: 'out/test/editor/neovim.test.js', report: 'out/test/editor/reportInChromium.test.js' };

function requireBuilt(wanted) {
  const missing = ['dist/extension.js', 'dist/server.js', ...wanted.map((p) => BUILT[p])].filter((f) => !fs.existsSync(path.join(REPO, f)));
  if (missing.length) throw new Error(`not built: ${missing.join(', ')} (run \`npm run build && npm run compile-tests\`)`);
}

async function vscodeRun(label, { extensionDevelopmentPath, extensionTestsPath, launchArgs = [] }) {
  console.log(`\n=== ${label} ===`);
  fs.chmodSync(RUNNER, 0o755); // test-electron spawns it directly, as it would spawn VS Code
  try {
    await runTests({
      vscodeExecutablePath: RUNNER,
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [WORKSPACE, ...launchArgs],
      // We start a fresh profile per run ourselves; this keeps test-electron from adding its own dirs.
      reuseMachineInstall: true,
    });
    return true;
  } catch (e) {
    console.error(`${label}: ${e.message}`);
    return false;
  }
}

const parts = {
  dev: () => vscodeRun('VS Code: extension in development mode', {
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(OUT, 'suite/runSuite.js'),
  }),

  vsix: async () => {
    console.log('\n=== VS Code: the packaged VSIX, installed ===');
    const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
    const vsix = path.join(REPO, `policy-lens-${version}.vsix`);
    try {
      execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO, stdio: 'inherit' });
    } catch {
      console.error('npm run package failed');
      return false;
    }
    const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-exts-'));
    try {
      return await vscodeRun(`installed ${path.basename(vsix)}`, {
        // An empty extension: with the repository as development path, it would shadow the installed copy.
        extensionDevelopmentPath: path.join(__dirname, 'installed/harness'),
        extensionTestsPath: path.join(OUT, 'installed/runInstalled.js'),
        launchArgs: [`--extensions-dir=${extensionsDir}`, `--install-extension=${vsix}`],
      });
    } finally {
      fs.rmSync(extensionsDir, { recursive: true, force: true });
    }
  },

  neovim: () => {
    console.log('\n=== Neovim ===');
    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 90000 });
    mocha.addFile(path.join(OUT, 'neovim.test.js'));
    return new Promise((resolve) => mocha.run((failures) => resolve(failures === 0)));
  },

  report: () => {
    console.log('\n=== The HTML report in Chromium ===');
    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60000 });
    mocha.addFile(path.join(OUT, 'reportInChromium.test.js'));
    return new Promise((resolve) => mocha.run((failures) => resolve(failures === 0)));
  },
};

(async () => {
  const t0 = Date.now();
  const wanted = process.argv.slice(2).length ? process.argv.slice(2) : PARTS;
  const unknown = wanted.filter((p) => !PARTS.includes(p));
  if (unknown.length) throw new Error(`unknown part(s) ${unknown.join(', ')}; parts are ${PARTS.join(', ')}`);
  requireBuilt(wanted);
  if (wanted.includes('dev') || wanted.includes('vsix')) checkInstalled();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-editor-tests-'));
  WORKSPACE = path.join(tmp, 'workspace');
  fs.cpSync(WORKSPACE_SOURCE, WORKSPACE, { recursive: true });
  const results = [];
  try {
    for (const part of wanted) {
      const t = Date.now();
      const ok = await parts[part]();
      results.push({ part, ok, seconds: (Date.now() - t) / 1000 });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log('\n=== test:editor summary ===');
  for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.part.padEnd(7)} ${r.seconds.toFixed(1)} s`);
  console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
})().catch((e) => {
  console.error(`test:editor: ${e.message}`);
  process.exit(2);
});
