// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the hottest functions by self time and by total time,
// mapped back to server/src through dist/server.js.map when there is one.
//
//   node bench/profile.mjs bench/profiles/server-….cpuprofile [--top 30]
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const maps = new Map();

function sourceMapOf(url) {
  if (maps.has(url)) return maps.get(url);
  let map = null;
  try {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    if (file && existsSync(file + '.map')) map = new SourceMap(JSON.parse(readFileSync(file + '.map', 'utf8')));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** "function (file:line)", the file relative to `root` and mapped to the TypeScript source if possible. */
function locate(frame, root) {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  let file = frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url;
  let line = frame.lineNumber + 1;
  const map = sourceMapOf(frame.url);
  if (map && frame.lineNumber >= 0) {
    const e = map.findEntry(frame.lineNumber, frame.columnNumber);
    if (e && e.originalSource) {
      file = e.originalSource.startsWith('file:') ? fileURLToPath(e.originalSource) : e.originalSource;
      line = e.originalLine + 1;
    }
  }
  if (root && file.startsWith('/')) file = relative(root, file);
  file = file.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/');
  return `${name} (${file}:${line})`;
}

/**
 * The profile's time by function, self and total (a function counted once per stack), in ms.
 * `window`: [fromUs, toUs] in the profile's clock (CLOCK_MONOTONIC µs, as process.hrtime) to keep only those samples.
 */
export function aggregate(profile, { root, window } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfByNode = new Map();
  let t = profile.startTime;
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const dt = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    if (window && (t < window[0] || t > window[1])) continue;
    selfByNode.set(profile.samples[i], (selfByNode.get(profile.samples[i]) ?? 0) + dt);
    totalUs += dt;
  }
  const keyOf = new Map();
  const key = (id) => {
    if (!keyOf.has(id)) keyOf.set(id, locate(byId.get(id).callFrame, root));
    return keyOf.get(id);
  };
  const self = new Map();
  const total = new Map();
  for (const [id, us] of selfByNode) {
    const k = key(id);
    self.set(k, (self.get(k) ?? 0) + us);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const kk = key(n);
      if (seen.has(kk)) continue;
      seen.add(kk);
      total.set(kk, (total.get(kk) ?? 0) + us);
    }
  }
  const toMs = (m) => [...m].map(([k, us]) => ({ fn: k, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
  const special = (name) => toMs(self).filter((e) => e.fn === name).reduce((s, e) => s + e.ms, 0);
  return {
    totalMs: totalUs / 1000,
    idleMs: special('(idle)'),
    gcMs: special('(garbage collector)'),
    programMs: special('(program)'),
    self: toMs(self).filter((e) => !e.fn.startsWith('(')),
    total: toMs(total).filter((e) => !e.fn.startsWith('(')),
  };
}

export function summarise(profile, { top = 25, root, window, title } = {}) {
  const a = aggregate(profile, { root, window });
  const busy = a.totalMs - a.idleMs;
  const pct = (x) => (busy > 0 ? ((100 * x) / busy).toFixed(1).padStart(5) + '%' : '');
  const lines = [
    `${title ?? 'profile'}: ${a.totalMs.toFixed(0)} ms sampled, ${busy.toFixed(0)} ms busy (GC ${a.gcMs.toFixed(0)} ms, ` +
      `V8/native "(program)" ${a.programMs.toFixed(0)} ms); % of busy time`,
    '  self time:',
    ...a.self.slice(0, top).map((e) => `    ${e.ms.toFixed(1).padStart(9)} ms ${pct(e.ms)}  ${e.fn}`),
    '  total time (callees included):',
    ...a.total.slice(0, top).map((e) => `    ${e.ms.toFixed(1).padStart(9)} ms ${pct(e.ms)}  ${e.fn}`),
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node bench/profile.mjs <file.cpuprofile> [--top N]');
    process.exit(2);
  }
  const i = process.argv.indexOf('--top');
  const top = i > 0 ? Number(process.argv[i + 1]) : 30;
  const root = fileURLToPath(new URL('..', import.meta.url));
  console.log(summarise(JSON.parse(readFileSync(file, 'utf8')), { top, root }));
}
