// One-character edits of the 1 MB plan, many in a row, as the bench's keystroke row makes them (a 、 typed and deleted
// on the probe's last line), each timed from the change to its re-published diagnostics: for comparing two builds of the
// server on the row the bench's median of fifteen measures.
//
//   node bench/keystrokes.mjs [--server dist/server.js] [--edits 60] [--without CODE] [--node-args '…']
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspProcess, openAndWait, option, serverOptions } from './lsp.mjs';
import { buildPlan, loadPieces } from './plan.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { server, nodeArgs } = serverOptions(ROOT);
const count = Number(option('--edits', 60));
const without = option('--without');
const settings = { diagnostics: { debounceMs: 0, ...(without ? { [without]: { severity: 'off' } } : {}) } };

const plan = buildPlan(loadPieces(ROOT), 1_000_000);
// as the bench starts its server: the settings pulled, and a request answered after they apply
const lsp = new LspProcess([server, '--stdio'], { configuration: settings, nodeArgs });
await lsp.initialize();
const configured = lsp.waitFor((m) => m.method === 'workspace/configuration', 'workspace/configuration', 30000);
lsp.notify('initialized', {});
await configured;
await lsp.request('textDocument/hover', { textDocument: { uri: 'file:///bench/none.md' }, position: { line: 0, character: 0 } });
const uri = 'file:///bench/plan-0.md';
await openAndWait(lsp, uri, plan.text, 120000);
const pos = plan.edit;
const times = [];
for (let i = 0; i < count; i++) {
  const change = i % 2 === 0
    ? { range: { start: pos, end: pos }, rangeLength: 0, text: '，' }
    : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, rangeLength: 1, text: '' };
  const diagnostics = lsp.waitForDiagnostics(uri, 2 + i, 120000);
  const t0 = performance.now();
  lsp.change(uri, 2 + i, [change]);
  const { at } = await diagnostics;
  times.push(at - t0);
}
await lsp.shutdown();
const warm = times.slice(5).sort((a, b) => a - b);
console.log(`${server}: keystrokes ${times.map((t) => t.toFixed(0)).join(' ')} ms; median of the last ${warm.length}: ${warm[warm.length >> 1].toFixed(1)} ms, p90 ${warm[Math.floor(warm.length * 0.9)].toFixed(1)} ms`);
