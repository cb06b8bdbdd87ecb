// New-text opens of the 1 MB plan, many in a row, and the server's memory after them and after it has been idle: for
// comparing two builds of the server on the row the bench's median of seven measures while the JIT still warms up.
// The plain plan is opened first, as the bench does.
//
//   node bench/freshOpens.mjs [--server dist/server.js] [--opens 12] [--idle-ms 8000] [--same-text] [--node-args '…']
//
// --same-text re-opens the plain plan's own text under fresh URIs instead (the bench's "same text again" row, each
// one in turn rather than their median).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeAndWait, LspProcess, openAndWait, option, serverOptions } from './lsp.mjs';
import { buildPlan, loadPieces, variant } from './plan.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const { server, nodeArgs } = serverOptions(ROOT);
const opens = Number(option('--opens', 12));
const idleMs = Number(option('--idle-ms', 8000));
const settings = { diagnostics: { debounceMs: 0 } };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const pieces = loadPieces(ROOT);
const plain = buildPlan(pieces, 1_000_000).text;
const sameText = args.includes('--same-text');
const texts = Array.from({ length: opens }, (_, k) => (sameText ? plain : buildPlan(pieces, 1_000_000, variant(k + 1)).text));
const lsp = new LspProcess([server, '--stdio'], { configuration: { policyLens: settings }, nodeArgs });
await lsp.initialize({ policyLens: settings });
lsp.notify('initialized', {});
await lsp.request('textDocument/hover', { textDocument: { uri: 'file:///bench/none.md' }, position: { line: 0, character: 0 } });

const first = (await openAndWait(lsp, 'file:///bench/plan-0.md', plain, 120000)).ms;
await sleep(250);
const withPlan = lsp.memory().rss;
const times = [];
for (let i = 0; i < opens; i++) {
  const uri = `file:///bench/fresh-${i + 1}.md`;
  times.push((await openAndWait(lsp, uri, texts[i], 120000)).ms);
  await closeAndWait(lsp, uri);
}
await sleep(250);
const after = lsp.memory().rss;
await sleep(idleMs);
const idle = lsp.memory().rss;
await lsp.shutdown();
const warm = times.slice(3).sort((a, b) => a - b);
console.log(`${server}: plain plan ${first.toFixed(0)} ms, RSS ${withPlan.toFixed(1)} MB`);
console.log(`  ${sameText ? 'same text again' : 'new text'}: ${times.map((t) => t.toFixed(0)).join(' ')} ms; median of the last ${warm.length}: ${warm[warm.length >> 1].toFixed(0)} ms`);
console.log(`  RSS after the opens ${after.toFixed(1)} MB, ${(idleMs / 1000).toFixed(0)} s later ${idle.toFixed(1)} MB`);
