// Where the server's memory goes: heap snapshots of dist/server.js after start and with the 1 MB plan open,
// compared by constructor (live objects only: a snapshot collects garbage first), next to VmRSS.
//
//   npm run build && node bench/heap.mjs [--snapshot] [--top 25]
// Without --snapshot: memoryUsage and V8 heap spaces (via bench/memprobe.cjs), before and after a full GC, after
// start, with the 1 MB plan open, and with it open after 7 other (new-text) 1 MB plans were opened and closed.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspProcess, memprobe } from './lsp.mjs';
import { buildPlan, loadPieces, variant } from './plan.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const DIR = join(BENCH, 'profiles');
const i = process.argv.indexOf('--top');
const TOP = i > 0 ? Number(process.argv[i + 1]) : 25;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Self size by "type:name" (objects by constructor), and the total. */
function byConstructor(file) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const f = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [T, NAME, SIZE] = ['type', 'name', 'self_size'].map((x) => f.indexOf(x));
  const sizes = new Map();
  let total = 0;
  for (let n = 0; n < snap.nodes.length; n += f.length) {
    const type = types[snap.nodes[n + T]];
    const size = snap.nodes[n + SIZE];
    total += size;
    const name = type === 'object' || type === 'closure' || type === 'native' ? snap.strings[snap.nodes[n + NAME]] : '';
    const key = `${type}${name ? ' ' + name.slice(0, 60) : ''}`;
    sizes.set(key, (sizes.get(key) ?? 0) + size);
  }
  return { sizes, total };
}

async function snapshot(lsp, label) {
  const before = new Set(readdirSync(DIR));
  lsp.proc.kill('SIGUSR2');
  for (let waited = 0; waited < 60000; waited += 200) {
    await sleep(200);
    const fresh = readdirSync(DIR).filter((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    if (fresh.length) {
      const file = join(DIR, fresh[0]);
      // written synchronously by the server's main thread: once it answers a request, the file is complete
      await barrier(lsp);
      console.log(`${label}: snapshot ${file} (${(statSync(file).size / 1048576).toFixed(1)} MB)`);
      return byConstructor(file);
    }
  }
  throw new Error('no heap snapshot written');
}

const barrier = (lsp) => lsp.request('textDocument/hover', { textDocument: { uri: 'file:///bench/none.md' }, position: { line: 0, character: 0 } });
const mb = (b) => (b / 1048576).toFixed(2).padStart(8) + ' MB';

/** A fresh server, started as the bench does, with the 1 MB plan open if `plan`. */
async function session(nodeArgs, plan) {
  const lsp = new LspProcess([join(ROOT, 'dist', 'server.js'), '--stdio'], { configuration: { diagnostics: { debounceMs: 0 } }, nodeArgs });
  await lsp.initialize({ policyLens: { diagnostics: { debounceMs: 0 } } });
  const configured = lsp.waitFor((m) => m.method === 'workspace/configuration', 'workspace/configuration');
  lsp.notify('initialized', {});
  await configured;
  await barrier(lsp);
  if (plan) {
    const diags = lsp.waitForDiagnostics('file:///bench/plan.md', 1, 120000);
    lsp.open('file:///bench/plan.md', plan.text, 1);
    await diags;
  }
  await sleep(350);
  return lsp;
}

function printProbe(label, vmrss, p) {
  const row = (u) =>
    `rss ${mb(u.rss)} | heap total ${mb(u.heapTotal)} used ${mb(u.heapUsed)} | external ${mb(u.external)} (array buffers ${mb(u.arrayBuffers).trim()})`;
  console.log(`${label}: VmRSS ${vmrss.toFixed(2)} MB`);
  console.log(`  as left by the server: ${row(p.before)}`);
  console.log(`  after a full GC:       ${row(p.after)}`);
  const spaces = Object.entries(p.before.spaces).filter(([, s]) => s.size > 512 * 1024);
  console.log('  V8 spaces (size/used, before GC): ' + spaces.map(([n, s]) => `${n.replace('_space', '')} ${(s.size / 1048576).toFixed(1)}/${(s.used / 1048576).toFixed(1)}`).join(', '));
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'server.js'))) throw new Error('run `npm run build` first');
  mkdirSync(DIR, { recursive: true });
  const plan = buildPlan(loadPieces(ROOT), 1024 * 1024);
  const probeArgs = ['--expose-gc', '-r', join(BENCH, 'memprobe.cjs')];

  const pieces = loadPieces(ROOT);
  const stages = [['after start', false], ['1 MB plan open', true], ['1 MB plan open, after 7 other new 1 MB plans opened and closed', true]];
  for (const [label, withPlan] of stages) {
    const lsp = await session(probeArgs, withPlan ? plan : undefined);
    if (label.includes('after 7')) {
      for (let k = 1; k <= 7; k++) {
        const uri = `file:///bench/fresh-${k}.md`;
        const diags = lsp.waitForDiagnostics(uri, 1, 120000);
        lsp.open(uri, buildPlan(pieces, 1024 * 1024, variant(k)).text, 1);
        await diags;
        const cleared = lsp.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && !m.params.diagnostics.length, 'clearing');
        lsp.close(uri);
        await cleared;
      }
      await sleep(350);
    }
    const vmrss = lsp.memory().rss;
    printProbe(label, vmrss, await memprobe(lsp));
    await lsp.shutdown();
  }
  const echo = new LspProcess([join(BENCH, 'echo-server.mjs')]);
  await echo.initialize({});
  echo.open('file:///bench/plan.md', plan.text, 1);
  await echo.waitForDiagnostics('file:///bench/plan.md', 1);
  await sleep(350);
  console.log(`echo server with the plan open: VmRSS ${echo.memory().rss.toFixed(2)} MB`);
  await echo.shutdown();

  if (!process.argv.includes('--snapshot')) return;
  // heap snapshots by constructor (they bloat the process: a session of their own)
  const lsp = await session(['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${DIR}`]);
  const a = await snapshot(lsp, 'after start');
  const diags = lsp.waitForDiagnostics('file:///bench/plan.md', 1, 120000);
  lsp.open('file:///bench/plan.md', plan.text, 1);
  await diags;
  const b = await snapshot(lsp, '1 MB plan open');
  await lsp.shutdown();
  console.log(`\nlive JS heap in the snapshots: after start ${mb(a.total)}, with the plan open ${mb(b.total)}`);
  console.log(`largest at start (self size by type and constructor):`);
  for (const [k, v] of [...a.sizes].sort((x, y) => y[1] - x[1]).slice(0, TOP)) console.log(`  ${mb(v)}  ${k}`);
  console.log(`growth with the 1 MB plan open:`);
  const keys = new Set([...a.sizes.keys(), ...b.sizes.keys()]);
  const growth = [...keys].map((k) => [k, (b.sizes.get(k) ?? 0) - (a.sizes.get(k) ?? 0)]).sort((x, y) => y[1] - x[1]);
  for (const [k, v] of growth.slice(0, TOP)) console.log(`  ${mb(v)}  ${k}`);
}

main().catch((e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
