// The loader's V8 code cache (server/src/codeCache.ts): which cache file a bundle and a Node get, that a cache of
// another writing of the bundle is not read, that a damaged one is refused by V8 and the bundle still runs from its
// source, and that a written cache is used by the next start. Bundles here are small CommonJS files run in child
// processes, as the server's is.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bundleStamp, cacheFileOf, cacheKey, codeCacheMode, readCodeCache, writeCodeCache } from '../../server/src/codeCache';

const CODE_CACHE = path.join(__dirname, '..', '..', 'server', 'src', 'codeCache.js');

/** A loader as dist/server.js is one: `node loader.js BUNDLE MODE WRITE_AFTER_MS [LINGER_MS]` (no Node options, as the server's). */
const LOADER = `const [bundle, mode, after, linger] = process.argv.slice(2);
const s = require(${JSON.stringify(CODE_CACHE)}).runBundle(bundle, mode || undefined, after === 'exit' ? 'exit' : Number(after));
console.log('state=' + s);
// lingering, it says whether the cache was written before it exits
if (linger) setTimeout(() => console.log('written-before-exit=' + require('fs').readdirSync(require('path').dirname(bundle)).some((f) => f.endsWith('.cache'))), Number(linger));
`;

/** The key of a Node started without options (the children here, the server). */
const childKey = () => cacheKey(process.versions.v8, process.arch, [], process.env.NODE_OPTIONS ?? '');

/** Runs `bundle` through runBundle in a fresh Node; its output and the state runBundle returned. */
function start(bundle: string, mode = '', writeAfterMs: number | 'exit' = 10000, lingerMs = 0): { out: string; state: string } {
  const loader = path.join(path.dirname(bundle), 'loader.js');
  fs.writeFileSync(loader, LOADER);
  const out = execFileSync(process.execPath, [loader, bundle, mode, String(writeAfterMs), ...(lingerMs ? [String(lingerMs)] : [])], { encoding: 'utf8' });
  return { out, state: /state=(\w+)/.exec(out)![1] };
}

describe('the code cache of the server bundle', () => {
  let dir: string;
  let bundle: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-code-cache-'));
    bundle = path.join(dir, 'bundle.js');
    // a bundle that uses what Node's loader gives a module
    fs.writeFileSync(bundle, "const p = require('path'); module.exports.name = p.basename(__filename); console.log('ran ' + module.exports.name + ' in ' + p.basename(__dirname));\n");
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("names a cache by V8's version, the architecture and the Node options, so that servers started otherwise keep their own", () => {
    const base = cacheKey('11.3.244.8-node.38', 'x64', [], '');
    assert.match(base, /^11\.3\.244\.8_node\.38-x64-[0-9a-f]{8}$/);
    assert.notStrictEqual(cacheKey('11.3.244.8-node.38', 'x64', ['--expose-gc'], ''), base);
    assert.notStrictEqual(cacheKey('11.3.244.8-node.38', 'x64', [], '--max-old-space-size=4096'), base);
    assert.notStrictEqual(cacheKey('12.4.254.21-electron.0', 'x64', [], ''), base);
    assert.strictEqual(cacheKey('11.3.244.8-node.38', 'x64', [], ''), base);
    assert.strictEqual(cacheFileOf('/x/dist/serverBundle.js', base), `/x/dist/serverBundle.js.${base}.cache`);
  });

  it('runs the bundle as a module of its folder, and writes a cache on exit in write mode that the next start uses', () => {
    const first = start(bundle, 'write');
    assert.match(first.out, /^ran bundle\.js in policy-lens-code-cache-/m);
    assert.strictEqual(first.state, 'absent');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cache'));
    assert.strictEqual(files.length, 1, files.join());
    assert.ok(!fs.readdirSync(dir).some((f) => f.endsWith('.tmp')), 'no temporary file left');
    const second = start(bundle);
    assert.strictEqual(second.state, 'used');
    assert.match(second.out, /^ran bundle\.js/m);
  });

  it('writes a cache a while after a start that had none, or as it exits if sooner, and none after a start that used one', () => {
    // the timer keeps no process alive: a process that ends before it writes the cache as it exits
    assert.match(start(bundle, '', 60000, 100).out, /written-before-exit=false/, 'not before its time');
    assert.strictEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.cache')).length, 1);
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.cache'))) fs.rmSync(path.join(dir, f));
    assert.match(start(bundle, '', 50, 300).out, /written-before-exit=true/, 'written by the timer');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cache'));
    assert.strictEqual(files.length, 1);
    const written = fs.statSync(path.join(dir, files[0])).mtimeMs;
    assert.strictEqual(start(bundle, '', 50, 300).state, 'used');
    assert.strictEqual(fs.statSync(path.join(dir, files[0])).mtimeMs, written, 'a used cache is not written again');
  });

  it("the command line's way: a start without a cache writes one as it exits, a start with one does not", () => {
    assert.strictEqual(start(bundle, '', 'exit').state, 'absent');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cache'));
    assert.strictEqual(files.length, 1);
    const written = fs.statSync(path.join(dir, files[0])).mtimeMs;
    assert.strictEqual(start(bundle, '', 'exit').state, 'used');
    assert.strictEqual(fs.statSync(path.join(dir, files[0])).mtimeMs, written);
  });

  it('reads POLICY_LENS_CODE_CACHE: off and write, anything else the default', () => {
    assert.strictEqual(codeCacheMode('off'), 'off');
    assert.strictEqual(codeCacheMode('write'), 'write');
    assert.strictEqual(codeCacheMode(undefined), undefined);
    assert.strictEqual(codeCacheMode('OFF '), undefined);
  });

  it('does not read a cache made of another writing of the bundle', () => {
    start(bundle, 'write');
    const file = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.cache'))!);
    const stamp = bundleStamp(bundle);
    assert.ok(readCodeCache(file, stamp), 'the cache of this writing is read');
    // rebuilt: the same text written again has another time, a changed one another size too
    const later = new Date(fs.statSync(bundle).mtimeMs + 5000);
    fs.utimesSync(bundle, later, later);
    assert.strictEqual(readCodeCache(file, bundleStamp(bundle)), undefined);
    assert.strictEqual(start(bundle).state, 'absent');
    assert.strictEqual(readCodeCache(path.join(dir, 'none.cache'), stamp), undefined, 'no file: no cache');
  });

  it('runs the bundle from its source when V8 refuses a damaged cache, and says so', () => {
    const stamp = bundleStamp(bundle);
    const file = cacheFileOf(bundle, childKey());
    assert.ok(writeCodeCache(file, stamp, Buffer.from('not a V8 code cache at all, only bytes'.repeat(20))));
    const run = start(bundle, '', 50, 300);
    assert.strictEqual(run.state, 'rejected');
    assert.match(run.out, /^ran bundle\.js/m);
    // and replaced by a good one
    assert.strictEqual(start(bundle).state, 'used');
  });

  it('off: neither reads nor writes a cache', () => {
    start(bundle, 'write');
    const run = start(bundle, 'off');
    assert.strictEqual(run.state, 'off');
    assert.match(run.out, /^ran bundle\.js/m);
  });

  it('a cache that cannot be written is no error', () => {
    assert.strictEqual(writeCodeCache(path.join(dir, 'no-such-folder', 'x.cache'), '1:2', Buffer.from('x')), false);
  });
});
