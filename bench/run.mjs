// `npm run bench`: how fast the built language server (dist/server.js) is on big plans, against floors measured
// in the same run. Prints a table and writes bench/results.json. See bench/README.md.
//
//   node bench/run.mjs                 the bench (the npm script builds first)
//   node bench/run.mjs --profile       also runs the server under --cpu-prof and summarises where its time goes
//                                      (timings of a profiled run are inflated: read the summary, not the table)
//   node bench/run.mjs --quick         fewer repetitions, for a smoke test
//   node bench/run.mjs --bare-env      starts the servers without the variables the VS Code client gives them
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { closeAndWait, LAUNCH_ENVIRONMENT, LspProcess, launchEnvironment, now, openAndWait, serverOptions } from './lsp.mjs';
import { buildPlan, loadPieces, smallPlan, variant } from './plan.mjs';
import { summarise } from './profile.mjs';
import { longSession } from './longSession.mjs';
import { matcherCost } from './matcher.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const ECHO = join(BENCH, 'echo-server.mjs');
const args = process.argv.slice(2);
// another build's server (an A/B run on this bench's documents): --server path/to/dist/server.js
const SERVER = serverOptions(ROOT).server;
const PROFILE = args.includes('--profile');
const QUICK = args.includes('--quick');
if (args.includes('--bare-env')) process.env.POLICY_LENS_BENCH_BARE_ENV = '1';

const N = {
  spawns: QUICK ? 3 : 10,
  opens: QUICK ? 2 : 7,
  edits: QUICK ? 4 : 15,
  requests: QUICK ? 50 : 500,
  warmup: 10,
  regexPasses: QUICK ? 3 : 7,
};
const PLAN_BYTES = 1024 * 1024;
/** A phase of repeated opens or edits stops after 3 repetitions once it has taken this long. */
const PHASE_BUDGET_MS = 25000;
const SETTINGS = { diagnostics: { debounceMs: 0 } };
const INIT_OPTIONS = { policyLens: SETTINGS };
const TARGET = { readyX: 3, openMs: 100, openX: 4, freshOpenMs: 200, editMs: 20, hoverP95: 2, completionP95: 10, rssMB: 80, sessionMB: 100, sessionGrowth: 1.25 };
/** The long session's edits (--session-edits N to change; the target is stated for at least 50,000). */
const SESSION_EDITS = (() => {
  const i = args.indexOf('--session-edits');
  return i > 0 ? Number(args[i + 1]) : QUICK ? 5000 : 50000;
})();

// ---------------------------------------------------------------------------------------------- helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sorted = (xs) => xs.slice().sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => sorted(xs)[Math.max(0, Math.ceil(0.95 * xs.length) - 1)];
const stats = (xs) => ({ n: xs.length, median: median(xs), p95: p95(xs), min: Math.min(...xs), max: Math.max(...xs) });
const log = (s) => process.stderr.write(s + '\n');

function spawnBareNode() {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const p = spawn(process.execPath, ['-e', ''], { stdio: 'ignore', env: launchEnvironment() });
    p.on('error', reject);
    p.on('exit', () => resolve(now() - t0));
  });
}

function serverProcess(nodeArgs = []) {
  return new LspProcess([SERVER, '--stdio'], { configuration: SETTINGS, nodeArgs });
}

/** initialize + initialized, the settings pulled, and every message before a barrier request handled. */
async function startSession(lsp, isEcho) {
  const init = await lsp.initialize(INIT_OPTIONS);
  const configured = isEcho ? null : lsp.waitFor((m) => m.method === 'workspace/configuration', 'workspace/configuration', 30000);
  lsp.notify('initialized', {});
  if (configured) await configured;
  // a request the server answers after it has applied the settings: messages are handled in order
  await lsp.request('textDocument/hover', { textDocument: { uri: 'file:///bench/none.md' }, position: { line: 0, character: 0 } });
  return init;
}

/** What serialising a publishDiagnostics message costs (median of a few JSON.stringify in the bench process). */
function jsonCost(params) {
  const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params };
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t0 = now();
    Buffer.byteLength(JSON.stringify(message));
    times.push(now() - t0);
  }
  return median(times);
}

/** One-character range edits at `pos`, alternately inserting a character and deleting it again. */
async function edits(lsp, uri, pos, count, firstVersion, timeoutMs, budgetMs = Infinity) {
  const times = [];
  const counts = [];
  const start = now();
  for (let i = 0; i < count; i++) {
    if (i >= 3 && now() - start > budgetMs) break; // a slow server: fewer repetitions, to keep the run short
    const version = firstVersion + i;
    const change = i % 2 === 0
      ? { range: { start: pos, end: pos }, rangeLength: 0, text: '，' }
      : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, rangeLength: 1, text: '' };
    const diags = lsp.waitForDiagnostics(uri, version, timeoutMs);
    const t0 = now();
    lsp.change(uri, version, [change]);
    const { msg, at } = await diags;
    times.push(at - t0);
    counts.push(msg.params.diagnostics.length);
  }
  return { times, counts, nextVersion: firstVersion + times.length };
}

/** Sequential round trips of one request; the first `warmup` are timed apart (the first one is reported as cold). */
async function roundTrips(lsp, method, params, count, warmup) {
  const times = [];
  let first;
  let cold;
  for (let i = 0; i < warmup + count; i++) {
    const t0 = now();
    const { result, at } = await lsp.request(method, params);
    if (i === 0) {
      cold = at - t0;
      first = result;
    }
    if (i >= warmup) times.push(at - t0);
  }
  return { ...stats(times), cold, first, times };
}

/** The floor of the reference scan: one combined RegExp for every written reference form, one pass. */
function referenceRegExp() {
  const NUM = '(?:[0-9０-９]+|[零〇一二两三四五六七八九十百]+)';
  const SP = '[ \\t\\u3000]*';
  const ELEMENT = `${NUM}(?:${SP}(?:至|到|[-－—–~～‐])${SP}${NUM})?`;
  const LIST = `${SP}[、和及与，,]${SP}`;
  const table = `(?:(?:试点)?任务清单${SP})?表${SP}${NUM}${SP}第${SP}${ELEMENT}(?:${LIST}${ELEMENT})*${SP}项(?:${LIST}第${SP}${ELEMENT}${SP}项)*`;
  const dash = `表${SP}[0-9０-９]+${SP}[-－.．][0-9０-９]+`;
  const id = `(?<![A-Za-z0-9_./\\\\@#-])[TＴ][0-9０-９]+[.．\\-－][0-9０-９]+`;
  return new RegExp(`${table}|${dash}|${id}`, 'g');
}

function regexFloor(text, passes) {
  const re = referenceRegExp();
  const pass = () => {
    let count = 0;
    let sum = 0;
    re.lastIndex = 0;
    const t0 = now();
    for (let m; (m = re.exec(text)); ) {
      count++;
      sum += m.index;
    }
    return { ms: now() - t0, count, sum };
  };
  pass(); // compile and warm up
  pass();
  const runs = Array.from({ length: passes }, pass);
  return { ms: median(runs.map((r) => r.ms)), refs: runs[0].count };
}

// ---------------------------------------------------------------------------------------------- phases

async function startup() {
  const bare = [];
  const init = [];
  const ready = [];
  const sample = readFileSync(join(ROOT, 'examples', 'sample-plan.md'), 'utf8');
  const uri = pathToFileURL(join(ROOT, 'examples', 'sample-plan.md')).toString();
  let diagnostics = 0;
  for (let i = 0; i < N.spawns; i++) {
    // interleaved, so that drift of the machine's load hits both alike
    bare.push(await spawnBareNode());
    const lsp = serverProcess();
    const diags = lsp.waitForDiagnostics(uri, 1, 30000);
    const configured = lsp.waitFor((m) => m.method === 'workspace/configuration', 'workspace/configuration', 30000);
    const { at } = await lsp.initialize(INIT_OPTIONS);
    init.push(at - lsp.spawnedAt);
    // as an editor does: initialized, then the open document, without waiting
    lsp.notify('initialized', {});
    lsp.open(uri, sample, 1);
    const d = await diags;
    ready.push(d.at - lsp.spawnedAt);
    diagnostics = d.msg.params.diagnostics.length;
    await configured;
    await lsp.shutdown();
  }
  return { bare: stats(bare), init: stats(init), ready: stats(ready), diagnostics };
}

/** The echo server re-publishing the server's own diagnostics list of the 1 MB plan on each edit: the wire's floor. */
async function echoEditsWithList(plan, list) {
  const lsp = new LspProcess([ECHO]);
  await lsp.initialize({ echoDiagnostics: list });
  lsp.notify('initialized', {});
  await lsp.request('textDocument/hover', { textDocument: { uri: 'file:///bench/none.md' }, position: { line: 0, character: 0 } });
  await openAndWait(lsp, 'file:///bench/echo-list.md', plan.text, 60000);
  const edit = await edits(lsp, 'file:///bench/echo-list.md', plan.edit, N.edits, 2, 60000);
  await lsp.shutdown();
  return stats(edit.times);
}

async function echoSession(plan) {
  const lsp = new LspProcess([ECHO]);
  await startSession(lsp, true);
  await sleep(100);
  const memStart = lsp.memory();
  const first = await openAndWait(lsp, 'file:///bench/echo-0.md', plan.text, 60000);
  await sleep(250);
  const memOpen = lsp.memory();
  const opens = [];
  for (let i = 1; i <= N.opens; i++) {
    const uri = `file:///bench/echo-${i}.md`;
    opens.push((await openAndWait(lsp, uri, plan.text, 60000)).ms);
    await closeAndWait(lsp, uri, true);
  }
  const edit = await edits(lsp, 'file:///bench/echo-0.md', plan.edit, N.edits, 2, 60000);
  const rtt = await roundTrips(lsp, 'textDocument/hover', { textDocument: { uri: 'file:///bench/echo-0.md' }, position: plan.hover }, N.requests, N.warmup);
  await lsp.shutdown();
  return { memStart, memOpen, firstOpen: first.ms, open: stats(opens), edit: stats(edit.times), rtt };
}

async function serverSession(plan, small, variants) {
  const profileDir = join(BENCH, 'profiles');
  let nodeArgs = [];
  if (PROFILE) {
    mkdirSync(profileDir, { recursive: true });
    nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=server-${Date.now()}.cpuprofile`];
  }
  const startUs = Number(process.hrtime.bigint() / 1000n);
  const lsp = serverProcess(nodeArgs);
  const tStart = now();
  await startSession(lsp, false);
  await sleep(100);
  const memStart = lsp.memory();
  // phase marks in ms since the session started, and in µs of CLOCK_MONOTONIC: the clock of the CPU profile
  const marks = [{ phase: 'start-up', at: 0, us: startUs }];
  const mark = (phase) => marks.push({ phase, at: now() - tStart, us: Number(process.hrtime.bigint() / 1000n) });

  mark('cold open');
  const uri0 = 'file:///bench/plan-0.md';
  const first = await openAndWait(lsp, uri0, plan.text, 120000);
  log(`  cold open of the 1 MB plan: ${first.ms.toFixed(2)} ms, ${first.count} diagnostics (${(first.bytes / 1024).toFixed(0)} KB)`);
  await sleep(250);
  const memOpen = lsp.memory();
  const json = jsonCost(first.params);
  const publishedList = first.params.diagnostics;
  delete first.params;
  // a slow server still finishes in about two minutes
  const slow = first.ms > 3000;
  const reps = slow ? { opens: 3, edits: 5, requests: Math.min(N.requests, 100) } : N;
  if (slow) log('  the server is slow: fewer repetitions');

  mark('opens');
  // the same text again under fresh URIs: the server's paragraph cache is warm
  const opens = [];
  const opensStart = now();
  for (let i = 1; i <= reps.opens; i++) {
    if (i > 3 && now() - opensStart > PHASE_BUDGET_MS) break;
    const uri = `file:///bench/plan-${i}.md`;
    opens.push((await openAndWait(lsp, uri, plan.text, 120000)).ms);
    await closeAndWait(lsp, uri, false);
  }
  log(`  opens, same text: ${opens.map((t) => t.toFixed(1)).join(' ')} ms`);

  mark('edits');
  const edit = await edits(lsp, uri0, plan.edit, reps.edits, 2, 120000, PHASE_BUDGET_MS);
  log(`  edits: ${edit.times.map((t) => t.toFixed(1)).join(' ')} ms`);

  mark('requests');
  const doc = { uri: uri0 };
  const hover = await roundTrips(lsp, 'textDocument/hover', { textDocument: doc, position: plan.hover }, reps.requests, N.warmup);
  const table = await roundTrips(lsp, 'textDocument/completion', { textDocument: doc, position: plan.tableCompletion }, reps.requests, N.warmup);
  const fuzzy = await roundTrips(lsp, 'textDocument/completion', { textDocument: doc, position: plan.fuzzyCompletion }, reps.requests, N.warmup);

  mark('fresh opens');
  // texts the server has never seen (last: they evict the paragraph cache the edits above rely on)
  const fresh = [];
  let freshCount = 0;
  const freshStart = now();
  for (let i = 1; i <= reps.opens; i++) {
    if (i > 3 && now() - freshStart > PHASE_BUDGET_MS) break;
    const uri = `file:///bench/fresh-${i}.md`;
    const { params, ...r } = await openAndWait(lsp, uri, variants[i - 1].text, 120000);
    fresh.push(r.ms);
    freshCount = r.count;
    await closeAndWait(lsp, uri, false);
  }
  log(`  opens, new text: ${fresh.map((t) => t.toFixed(1)).join(' ')} ms`);

  mark('small plan');
  const smallUri = 'file:///bench/small.md';
  const smallOpen = await openAndWait(lsp, smallUri, small.text, 30000);
  const sdoc = { uri: smallUri };
  const sHover = await roundTrips(lsp, 'textDocument/hover', { textDocument: sdoc, position: small.hover }, reps.requests, N.warmup);
  const sTable = await roundTrips(lsp, 'textDocument/completion', { textDocument: sdoc, position: small.tableCompletion }, reps.requests, N.warmup);
  const sFuzzy = await roundTrips(lsp, 'textDocument/completion', { textDocument: sdoc, position: small.fuzzyCompletion }, reps.requests, N.warmup);
  mark('end');
  const memEnd = lsp.memory();
  await lsp.shutdown();

  let profile;
  if (PROFILE) {
    const files = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(profileDir, f));
    profile = files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  }
  return {
    memStart, memOpen, memEnd, json, publishedList, firstOpen: first, open: stats(opens), opens, fresh: stats(fresh), freshTimes: fresh, freshCount, edit: { ...stats(edit.times), counts: edit.counts },
    hover, table, fuzzy, smallOpen, sHover, sTable, sFuzzy, reps, marks, profile, stderr: lsp.stderr,
  };
}

// ---------------------------------------------------------------------------------------------- output

const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : 'n/a');
const mb = (v) => (Number.isFinite(v) ? `${v.toFixed(2)} MB` : 'n/a');

function row(measure, value, unit, floor, target, pass, note) {
  const fmt = unit === 'MB' ? mb : unit === 'ms' ? ms : (v) => (Number.isFinite(v) ? `${v.toFixed(unit === 'B' ? 0 : 1)} ${unit}` : 'n/a');
  return {
    measure,
    value,
    unit,
    floor: floor ?? null,
    ratio: floor ? value / floor : null,
    target: target ?? null,
    result: pass === undefined ? null : pass ? 'PASS' : 'MISS',
    note: note ?? null,
    text: [measure, fmt(value), floor ? fmt(floor) : '', floor ? `${(value / floor).toFixed(2)}×` : '', target ?? '', pass === undefined ? '' : pass ? 'PASS' : 'MISS'],
  };
}

function width(s) {
  let w = 0;
  for (const c of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1;
  return w;
}
const pad = (s, n) => s + ' '.repeat(Math.max(0, n - width(s)));

function printTable(sections) {
  const head = ['measure', 'value', 'floor', '×floor', 'target', 'result'];
  const all = [...sections.flatMap((s) => s.rows.map((r) => r.text)), ...sections.map((s) => [`**${s.title}**`, '', '', '', '', ''])];
  const w = head.map((h, i) => Math.max(width(h), ...all.map((t) => width(t[i]))));
  const line = (cells) => '| ' + cells.map((c, i) => pad(c, w[i])).join(' | ') + ' |';
  const out = [line(head), '|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|'];
  for (const s of sections) {
    out.push(line([`**${s.title}**`, '', '', '', '', '']));
    for (const r of s.rows) out.push(line(r.text));
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------- main

async function main() {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first (npm run bench does)`);
  const t0 = now();
  const loadBefore = loadavg()[0];
  const pieces = loadPieces(ROOT);
  const plan = buildPlan(pieces, PLAN_BYTES);
  const small = smallPlan(pieces);
  const variants = Array.from({ length: N.opens }, (_, k) => buildPlan(pieces, PLAN_BYTES, variant(k + 1)));
  log(`Policy Lens bench — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}${PROFILE ? ', PROFILED (timings inflated)' : ''}${QUICK ? ', QUICK' : ''}`);
  log(`plan: ${(plan.bytes / 1024).toFixed(0)} KB UTF-8, ${plan.chars} UTF-16 chars, ${plan.lines} lines, ${plan.copies} copies of ${pieces.map((p) => p.name).join(' + ')}`);

  log('start-up …');
  const st = await startup();
  log('echo server …');
  const echo = await echoSession(plan);
  log('RegExp floor …');
  const re = regexFloor(plan.text, N.regexPasses);
  log('server …');
  const sv = await serverSession(plan, small, variants);
  log('echo server with the 1 MB plan\'s diagnostics …');
  const echoList = await echoEditsWithList(plan, sv.publishedList);
  delete sv.publishedList;
  log('matcher …');
  const matcher = await matcherCost({ passes: QUICK ? 5 : 31 });
  log(`long session (${SESSION_EDITS} edits) …`);
  const session = await longSession({ edits: SESSION_EDITS, idleMs: 100 });

  const openFloor = echo.open.median + re.ms;
  const v = variants[0];
  const rttFloor = echo.rtt;
  const sections = [
    {
      title: `start-up (median of ${N.spawns} spawns)`,
      rows: [
        row('node -e "" spawn → exit (floor)', st.bare.median, 'ms'),
        row('spawn → initialize answered', st.init.median, 'ms', st.bare.median, `≤ ${TARGET.readyX}× floor`, st.init.median <= TARGET.readyX * st.bare.median),
        row('spawn → first diagnostics (sample-plan.md)', st.ready.median, 'ms', st.bare.median, `≤ ${TARGET.readyX}× floor`, st.ready.median <= TARGET.readyX * st.bare.median),
      ],
    },
    {
      title: `1 MB plan (${(plan.bytes / 1024).toFixed(0)} KB, ${plan.lines} lines, ${sv.firstOpen.count} diagnostics)`,
      rows: [
        row(`RegExp floor: one pass, ${re.refs} refs`, re.ms, 'ms'),
        row(`echo didOpen → diagnostics (floor)`, echo.open.median, 'ms'),
        row(`didOpen → diagnostics, new text (median of ${sv.fresh.n})`, sv.fresh.median, 'ms', openFloor, `≤ ${TARGET.freshOpenMs} ms`, sv.fresh.median <= TARGET.freshOpenMs),
        row(`didOpen → diagnostics, same text again (median of ${sv.open.n})`, sv.open.median, 'ms', openFloor, `≤ ${TARGET.openMs} ms & ≤ ${TARGET.openX}× floor`,
          sv.open.median <= TARGET.openMs && sv.open.median <= TARGET.openX * openFloor),
        row('didOpen → diagnostics, first of the run', sv.firstOpen.ms, 'ms', openFloor),
        row(`JSON.stringify of the ${(sv.firstOpen.bytes / 1048576).toFixed(1)} MB diagnostics (information)`, sv.json, 'ms'),
        row(`bytes per diagnostic on the wire (information)`, sv.firstOpen.bytes / sv.firstOpen.count, 'B'),
        row(`echo 1-char didChange → diagnostics (floor)`, echo.edit.median, 'ms'),
        row(`echo 1-char didChange → the same ${(sv.firstOpen.bytes / 1048576).toFixed(1)} MB diagnostics (floor of the wire)`, echoList.median, 'ms'),
        row(`1-char didChange → diagnostics (median of ${sv.edit.n})`, sv.edit.median, 'ms', echoList.median, `≤ ${TARGET.editMs} ms`, sv.edit.median <= TARGET.editMs),
        row(`1-char didChange → diagnostics, max`, sv.edit.max, 'ms', echo.edit.max),
      ],
    },
    {
      title: `requests on the 1 MB plan (${sv.reps.requests} each, after ${N.warmup} warm-up)`,
      rows: [
        row('echo request round trip, median (floor)', rttFloor.median, 'ms'),
        row('echo request round trip, p95 (floor)', rttFloor.p95, 'ms'),
        row('hover 表1第12项, median', sv.hover.median, 'ms', rttFloor.median),
        row('hover 表1第12项, p95', sv.hover.p95, 'ms', rttFloor.p95, `≤ ${TARGET.hoverP95} ms`, sv.hover.p95 <= TARGET.hoverP95),
        row('completion after 表1第, median', sv.table.median, 'ms', rttFloor.median),
        row('completion after 表1第, p95', sv.table.p95, 'ms', rttFloor.p95, `≤ ${TARGET.completionP95} ms`, sv.table.p95 <= TARGET.completionP95),
        row('completion @数字人民币, median', sv.fuzzy.median, 'ms', rttFloor.median),
        row('completion @数字人民币, p95', sv.fuzzy.p95, 'ms', rttFloor.p95, `≤ ${TARGET.completionP95} ms`, sv.fuzzy.p95 <= TARGET.completionP95),
      ],
    },
    {
      title: 'the same requests on the small plan (information)',
      rows: [
        row('hover 表1第12项, p95', sv.sHover.p95, 'ms', rttFloor.p95),
        row('completion after 表1第, p95', sv.sTable.p95, 'ms', rttFloor.p95),
        row('completion @数字人民币, p95', sv.sFuzzy.p95, 'ms', rttFloor.p95),
      ],
    },
    {
      title: `the matcher (TaskMatcher.match, ${matcher.spans} spans of examples/sample-plan.md, in the bench process)`,
      rows: [row('µs per span (information)', matcher.usPerSpan, 'µs')],
    },
    {
      title: `long session: ${session.edits} seeded random edits on a ${(session.planBytes / 1024).toFixed(0)} KB plan, hovers, completions, code actions (${session.seconds.toFixed(0)} s)`,
      rows: [
        row('VmRSS after the features were first used', session.rssStart, 'MB'),
        row('VmRSS after a tenth of the edits', session.rssTenth, 'MB'),
        row(`VmRSS at the end (${(session.rssEnd / session.rssTenth).toFixed(2)}× the tenth)`, session.rssEnd, 'MB', session.rssTenth,
          `≤ ${TARGET.sessionMB} MB & ≤ ${TARGET.sessionGrowth}× tenth`, session.rssEnd <= TARGET.sessionMB && session.rssEnd <= TARGET.sessionGrowth * session.rssTenth),
        row('live heap after a full GC, after a tenth', session.heapTenth, 'MB'),
        row('live heap after a full GC, at the end', session.heapEnd, 'MB', session.heapTenth),
      ],
    },
    {
      title: 'memory (VmRSS)',
      rows: [
        row('after start (floor: echo server)', sv.memStart.rss, 'MB', echo.memStart.rss),
        row('1 MB plan open (floor: echo server)', sv.memOpen.rss, 'MB', echo.memOpen.rss, `≤ ${TARGET.rssMB} MB`, sv.memOpen.rss <= TARGET.rssMB),
        row('end of the run, 2 plans open', sv.memEnd.rss, 'MB', echo.memOpen.rss),
        row('peak of the run (VmHWM)', sv.memEnd.hwm, 'MB', echo.memOpen.hwm),
      ],
    },
  ];

  const table = printTable(sections);
  const misses = sections.flatMap((s) => s.rows).filter((r) => r.result === 'MISS').map((r) => r.measure);
  const sanity = [
    `hover answered: ${sv.hover.first ? 'yes' : 'NO (null)'}; 表1第 completion items: ${sv.table.first?.items?.length ?? 0}; ` +
      `@数字人民币 items: ${sv.fuzzy.first?.items?.length ?? 0} (first: ${sv.fuzzy.first?.items?.[0]?.label ?? '-'} ${sv.fuzzy.first?.items?.[0]?.labelDetails?.detail?.trim().slice(0, 24) ?? ''})`,
    `cold first requests: hover ${ms(sv.hover.cold)}, 表1第 ${ms(sv.table.cold)}, @数字人民币 ${ms(sv.fuzzy.cold)}; ` +
      `completion answers: 表1第 ${(sv.table.first ? JSON.stringify(sv.table.first).length / 1024 : 0).toFixed(0)} KB, @ ${(sv.fuzzy.first ? JSON.stringify(sv.fuzzy.first).length / 1024 : 0).toFixed(0)} KB`,
    `diagnostics after each edit: ${[...new Set(sv.edit.counts)].join(', ')} (open: ${sv.firstOpen.count}); of each new text: ${sv.freshCount} ` +
      `(${(v.bytes / 1024).toFixed(0)} KB, ${v.copies} copies, every paragraph made unique by a trailing comment); start-up diagnostics of sample-plan.md: ${st.diagnostics}`,
  ];
  const elapsed = (now() - t0) / 1000;
  const load = [loadBefore, loadavg()[0]];
  const busy = Math.max(...load) > cpus().length * 0.75;
  const env = process.env.POLICY_LENS_BENCH_BARE_ENV ? 'none (--bare-env)' : Object.keys(LAUNCH_ENVIRONMENT).map((k) => `${k}=${launchEnvironment()[k]}`).join(' ');
  console.log(`Policy Lens bench: node ${process.version}, ${cpus().length} CPUs, servers' added environment ${env}, load average ${load.map((l) => l.toFixed(2)).join(' → ')}` +
    (busy ? ' — the machine was busy: absolute figures are inflated, ratios to floors less so' : ''));
  console.log(table);
  console.log('');
  for (const s of sanity) console.log(s);
  console.log(misses.length ? `\nMISSED ${misses.length} target(s): ${misses.join('; ')}` : '\nall targets met');
  console.log(`(${elapsed.toFixed(1)} s${PROFILE ? ', PROFILED: timings are inflated' : ''}${sv.reps !== N ? ', fewer repetitions: the server was slow' : ''})`);
  if (sv.stderr.trim()) console.log(`\nserver stderr:\n${sv.stderr.trim().slice(0, 2000)}`);

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    profiled: PROFILE,
    quick: QUICK,
    elapsedSeconds: elapsed,
    loadAverage: load,
    plan: { bytes: plan.bytes, chars: plan.chars, lines: plan.lines, copies: plan.copies, pieces: pieces.map((p) => p.name), references: re.refs },
    newTextPlans: variants.map((x) => ({ bytes: x.bytes, chars: x.chars, lines: x.lines, copies: x.copies })),
    targets: TARGET,
    misses,
    rows: sections.flatMap((s) => s.rows.map(({ text, ...r }) => ({ section: s.title, ...r }))),
    raw: {
      startup: st,
      echo: { ...echo, rtt: { ...echo.rtt, times: undefined, first: undefined } },
      regex: re,
      matcher,
      session,
      echoEditWithList: echoList,
      server: {
        opens: sv.opens, freshOpens: sv.freshTimes, firstOpen: sv.firstOpen, edit: sv.edit, memStart: sv.memStart, memOpen: sv.memOpen, memEnd: sv.memEnd,
        hover: { ...sv.hover, first: undefined, times: undefined }, table: { ...sv.table, first: undefined, times: undefined },
        fuzzy: { ...sv.fuzzy, first: undefined, times: undefined }, phases: sv.marks,
      },
    },
  };
  writeFileSync(join(BENCH, 'results.json'), JSON.stringify(results, null, 2) + '\n');

  if (PROFILE && sv.profile) {
    console.log(`\nCPU profile of the server: ${sv.profile} (per phase of the run; node bench/profile.mjs <file> for the whole)`);
    const profile = JSON.parse(readFileSync(sv.profile, 'utf8'));
    for (let i = 0; i + 1 < sv.marks.length; i++) {
      const [a, b] = [sv.marks[i], sv.marks[i + 1]];
      if (a.phase === 'small plan') continue;
      console.log('\n' + summarise(profile, { top: 15, root: ROOT, window: [a.us, b.us], title: `phase "${a.phase}"` }));
    }
  }
}

main().catch((e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
