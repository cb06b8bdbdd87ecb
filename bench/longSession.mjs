// The long-session row of the bench: a drafter's day on a 20 KB plan, as seeded random edits (typing, deleting,
// pasting, CRLF, astral characters, selections deleted across paragraphs) with hovers, completions and code actions
// between them, each edit re-checked and its diagnostics published. Reports the server's RSS after a tenth of the
// edits and at the end, and its live heap after a full GC (through bench/memprobe.cjs) at both points.
//
//   node bench/longSession.mjs [--edits 50000] [--seed 20261202] [--server other/dist/server.js]      (after npm run build)
// With --server, another build's server runs the same session on this checkout's plan: an A/B run (the plan is made
// of the fixture cases, so a build's own checkout would make another plan).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspProcess, memprobe, now, serverOptions } from './lsp.mjs';
import { buildPlan, loadPieces, positionAt } from './plan.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A reproducible random source (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPED = ['表', '第', '项', '1', '2', '5', '8', '至', '、', '。', '，', '\n', '\n\n', '\r\n', 'T', '.', '%', '不低于', '中方股比不低于51%', ' ', '“', '”', '😀', '𠮷', '- 落实表1第12项\n', '牵头单位：市商务局\n', '推进', '外资'];

/** An offset where an edit may start or end: not inside a CRLF nor a surrogate pair. */
function boundary(text, offset) {
  while (offset > 0 && offset < text.length) {
    const before = text.charCodeAt(offset - 1);
    const after = text.charCodeAt(offset);
    if ((before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)) offset--;
    else break;
  }
  return offset;
}

/** The edits of the session, made as they are sent (each depends on the text the previous ones left). */
function* editsOf(text, count, seed) {
  const next = random(seed);
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const source = text;
  for (let i = 0; i < count; i++) {
    const start = boundary(text, Math.floor(next() * (text.length + 1)));
    const kind = next();
    let end = start;
    let insert = '';
    if (kind < 0.45) insert = pick(TYPED);
    else if (kind < 0.8) end = boundary(text, Math.min(text.length, start + 1 + Math.floor(next() * 3)));
    else if (kind < 0.85) end = boundary(text, Math.min(text.length, start + Math.floor(next() * 600)));
    else if (kind < 0.9) {
      const from = boundary(source, Math.floor(next() * source.length));
      const piece = source.slice(from, boundary(source, Math.min(source.length, from + Math.floor(next() * 600))));
      insert = next() < 0.3 ? piece.replace(/\r?\n/g, '\r\n') : piece;
    } else {
      end = boundary(text, Math.min(text.length, start + Math.floor(next() * 30)));
      insert = pick(TYPED);
    }
    // a plan is edited, not grown without end: it stays between half and one and a quarter of its size
    if (text.length > 1.25 * source.length) {
      insert = '';
      end = boundary(text, Math.min(text.length, start + 400));
    } else if (text.length < 0.5 * source.length) {
      end = start;
      const from = boundary(source, Math.floor(next() * source.length));
      insert = source.slice(from, boundary(source, Math.min(source.length, from + 800)));
    }
    const range = { start: positionAt(text, start), end: positionAt(text, end) };
    text = text.slice(0, start) + insert + text.slice(end);
    yield { range, insert, text, at: positionAt(text, boundary(text, Math.floor(next() * (text.length + 1)))) };
  }
}

/**
 * Runs the session on a fresh server. `edits` re-checks, one hover per 10 edits, a completion and a code action per
 * 50. Returns memory in MB and the session's length.
 */
export async function longSession({ edits = 50000, seed = 20261202, planBytes = 20 * 1024, idleMs = 12000, server = join(ROOT, 'dist', 'server.js') } = {}) {
  const settings = { diagnostics: { debounceMs: 0 } };
  const lsp = new LspProcess([server, '--stdio'], { configuration: settings, nodeArgs: ['--expose-gc', ...(process.env.SESSION_NODE_ARGS ? process.env.SESSION_NODE_ARGS.split(' ') : []), '-r', join(BENCH, 'memprobe.cjs')] });
  lsp.skipDiagnosticsBodies = true; // 50,000 lists: the bench would spend its time parsing them
  await lsp.initialize({ policyLens: settings });
  const configured = lsp.waitFor((m) => m.method === 'workspace/configuration', 'workspace/configuration');
  lsp.notify('initialized', {});
  await configured;
  const plan = buildPlan(loadPieces(ROOT), planBytes);
  const uri = 'file:///bench/long-session.md';
  const opened = lsp.waitForDiagnostics(uri, 1, 60000);
  lsp.open(uri, plan.text, 1);
  await opened;
  // every feature used once first (the fuzzy search loads its pinyin dictionary on first use): what follows is the
  // session's own growth
  const docId = { uri };
  await lsp.request('textDocument/hover', { textDocument: docId, position: plan.hover });
  await lsp.request('textDocument/completion', { textDocument: docId, position: plan.fuzzyCompletion });
  await lsp.request('textDocument/completion', { textDocument: docId, position: plan.tableCompletion });
  await lsp.request('textDocument/codeAction', { textDocument: docId, range: { start: plan.hover, end: plan.hover }, context: { diagnostics: [] } });
  await sleep(200);
  const start = { ...lsp.memory(), probe: await memprobe(lsp, 20000) };
  const t0 = now();
  let version = 1;
  let tenth;
  let published = 0;
  lsp.listeners.push((m) => (m.method === 'textDocument/publishDiagnostics' ? published++ : undefined));
  const doc = { uri };
  for (const edit of editsOf(plan.text, edits, seed)) {
    lsp.change(uri, ++version, [{ range: edit.range, text: edit.insert }]);
    const i = version - 1;
    const pending = [];
    if (i % 50 === 25) pending.push(lsp.request('textDocument/completion', { textDocument: doc, position: edit.at }));
    if (i % 50 === 40) pending.push(lsp.request('textDocument/codeAction', { textDocument: doc, range: { start: edit.at, end: edit.at }, context: { diagnostics: [] } }));
    // a hover every 10 edits, awaited: the server keeps up as it would with a typist
    if (i % 10 === 0) pending.push(lsp.request('textDocument/hover', { textDocument: doc, position: edit.at }));
    if (pending.length) await Promise.all(pending);
    if (i === Math.floor(edits / 10)) {
      await lsp.diagnosticsUpTo(uri, version, 60000);
      await sleep(100);
      tenth = { rss: lsp.memory().rss, probe: await memprobe(lsp, 20000) };
    }
  }
  await lsp.diagnosticsUpTo(uri, version, 60000);
  const ms = now() - t0;
  await sleep(100);
  const rssEnd = lsp.memory().rss;
  // and after a pause, as the drafter makes: V8's memory reducer returns the heap's slack to the system
  await sleep(idleMs);
  const end = { rss: rssEnd, idle: lsp.memory().rss, hwm: lsp.memory().hwm, probe: await memprobe(lsp, 20000) };
  await lsp.shutdown();
  const MB = 1048576;
  return {
    edits,
    planBytes: plan.bytes,
    seconds: ms / 1000,
    published,
    rssStart: start.rss,
    rssTenth: tenth.rss,
    rssEnd: end.rss,
    rssIdle: end.idle,
    hwm: end.hwm,
    heapTenth: tenth.probe.after.heapUsed / MB,
    heapEnd: end.probe.after.heapUsed / MB,
    heapTotalEnd: end.probe.before.heapTotal / MB,
    rssEndAfterGc: end.probe.after.rss / MB,
    heapTotalStart: start.probe.before.heapTotal / MB,
    spacesStart: Object.fromEntries(Object.entries(start.probe.before.spaces).map(([k, v]) => [k, `${(v.size / MB).toFixed(1)}/${(v.used / MB).toFixed(1)}`])),
    spacesEnd: Object.fromEntries(Object.entries(end.probe.before.spaces).map(([k, v]) => [k, `${(v.size / MB).toFixed(1)}/${(v.used / MB).toFixed(1)}`])),
    externalEnd: end.probe.before.external / MB,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, d) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : d;
  };
  const r = await longSession({ edits: arg('--edits', 50000), seed: arg('--seed', 20261202), idleMs: arg('--idle', 12000), server: serverOptions(ROOT).server });
  console.log(JSON.stringify(r, null, 2));
  console.log(`RSS: start ${r.rssStart.toFixed(1)} MB, after a tenth ${r.rssTenth.toFixed(1)} MB, end ${r.rssEnd.toFixed(1)} MB (${(r.rssEnd / r.rssTenth).toFixed(2)}× the tenth), ${r.rssIdle.toFixed(1)} MB after a pause; ` +
    `live heap after a full GC: tenth ${r.heapTenth.toFixed(1)} MB, end ${r.heapEnd.toFixed(1)} MB; ${r.edits} edits in ${r.seconds.toFixed(1)} s`);
}
