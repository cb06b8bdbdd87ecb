// The matcher row of the bench: what TaskMatcher.match (which task a span of plan text is about) costs per span, over
// the sentences and clauses of examples/sample-plan.md, in the bench process. The engine is bundled from server/src
// with esbuild (a dev dependency) into bench/profiles/, as dist/server.js does not export it.
//
//   node bench/matcher.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { now } from './lsp.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');

/** The spans the checks score: each sentence and each clause of the sample plan, markup and blanks left out. */
function spansOf(text) {
  const spans = [];
  for (const sentence of text.split(/[。；;\n]+/)) {
    const s = sentence.replace(/^[\s#>*|-]+|[\s|]+$/g, '');
    if (s.length < 4) continue;
    spans.push(s);
    const clauses = s.split(/[，,、：:]/).filter((c) => c.trim().length >= 4);
    if (clauses.length > 1) spans.push(...clauses);
  }
  return spans;
}

/** µs per span of TaskMatcher.match (median of passes over every span, after warm-up passes). */
export async function matcherCost({ passes = 31, plugins = [], name = 'engine-bench' } = {}) {
  const esbuild = await import('esbuild');
  const dir = join(BENCH, 'profiles');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}.cjs`);
  await esbuild.build({
    stdin: { contents: "export { loadEngine } from './server/src/engine';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins,
  });
  const { loadEngine } = createRequire(import.meta.url)(outfile);
  const { checker } = loadEngine(ROOT);
  const matcher = checker.context.matcher;
  const spans = spansOf(readFileSync(join(ROOT, 'examples', 'sample-plan.md'), 'utf8'));
  let found = 0;
  const pass = () => {
    const t0 = now();
    for (const s of spans) found += matcher.match(s).length;
    return now() - t0;
  };
  for (let i = 0; i < 5; i++) pass(); // warm-up: the JIT
  const times = Array.from({ length: passes }, pass).sort((a, b) => a - b);
  const ms = times[times.length >> 1];
  return { spans: spans.length, usPerSpan: (1000 * ms) / spans.length, meanChars: spans.reduce((n, s) => n + s.length, 0) / spans.length, found };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await matcherCost();
  console.log(`TaskMatcher.match: ${r.usPerSpan.toFixed(1)} µs per span (${r.spans} spans of examples/sample-plan.md, ${r.meanChars.toFixed(0)} characters on average)`);
}
