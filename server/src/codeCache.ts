// The server's and the command line's start from a V8 code cache. `dist/server.js` and `dist/cli.js` are small loaders:
// each compiles its bundle (`dist/serverBundle.js`, `dist/cliBundle.js`) with the bytecode V8 made for it at an earlier
// start, so that the 1.6 MB of JavaScript is not parsed and its start-up functions are not compiled again (the server's
// spawn → first diagnostics 184 → 148 ms on the bench's machine). The caches are made by `node esbuild.mjs` for the Node
// that builds, and by a server a while after a start that had none usable (another Node, such as VS Code's, or other
// Node options), by the command line as it exits: each Node has its own file. V8 checks
// its version, its flags and the source's length, and refuses a cache that does not fit; this module checks that the
// cache was made of this very bundle (its size and time of writing, in the file's header). A cache that cannot be read
// or written is no error: the bundle is compiled from its source, as without one.
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import Module = require('module');
import type { CodeCacheState } from './shared/protocol';

/**
 * POLICY_LENS_CODE_CACHE: `off` neither reads nor writes a cache; `write` (the build's) writes one when the process
 * exits, whatever it read. Otherwise a start without a usable cache writes one (runBundle).
 */
export type CodeCacheMode = 'off' | 'write' | undefined;

/** The mode POLICY_LENS_CODE_CACHE asks for (anything else is the default). */
export function codeCacheMode(value: string | undefined = process.env.POLICY_LENS_CODE_CACHE): CodeCacheMode {
  return value === 'off' || value === 'write' ? value : undefined;
}

/** Long enough after a start for the first checks to have compiled what a session needs (the cache keeps it). */
export const WRITE_AFTER_MS = 10000;

const MAGIC = 'policy-lens code cache 1';
const STATE = Symbol.for('policy-lens.code-cache');

/** What the loader found, for the server's status (the bundle runs in the same process). */
export function codeCacheState(): CodeCacheState | undefined {
  return (globalThis as Record<symbol, unknown>)[STATE] as CodeCacheState | undefined;
}

/**
 * A cache is V8's for one V8 version, architecture and set of flags: the Node options are part of its file's name, so
 * that a server started with other flags (`--expose-gc`, VS Code's Node) neither refuses nor replaces another's cache.
 */
export function cacheKey(v8Version: string = process.versions.v8, arch: string = process.arch, execArgv: readonly string[] = process.execArgv, nodeOptions: string = process.env.NODE_OPTIONS ?? ''): string {
  // FNV-1a, 32 bits: a name, not a secret
  let h = 0x811c9dc5;
  const text = [v8Version, arch, ...execArgv, nodeOptions].join('\n');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${v8Version.replace(/[^0-9A-Za-z.]/g, '_')}-${arch}-${h.toString(16).padStart(8, '0')}`;
}

export function cacheFileOf(bundle: string, key: string = cacheKey()): string {
  return `${bundle}.${key}.cache`;
}

/** Which writing of the bundle a cache was made of: its size and modification time (a rebuild changes them). */
export function bundleStamp(bundle: string): string {
  const s = fs.statSync(bundle);
  return `${s.size}:${s.mtimeMs}`;
}

/** The V8 data of a cache file made of the bundle with `stamp`; undefined if there is none, or it is another's. */
export function readCodeCache(file: string, stamp: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const header = `${MAGIC}\n${stamp}\n`;
  if (bytes.length <= header.length || bytes.toString('latin1', 0, header.length) !== header) return undefined;
  return bytes.subarray(header.length);
}

/** Writes a cache file whole or not at all (a server starting meanwhile reads the old one or none). */
export function writeCodeCache(file: string, stamp: string, data: Buffer): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, Buffer.concat([Buffer.from(`${MAGIC}\n${stamp}\n`, 'latin1'), data]));
    fs.renameSync(temp, file);
    return true;
  } catch {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // a read-only install: nothing was written
    }
    return false;
  }
}

/**
 * Runs a CommonJS bundle as Node's loader would (its own `require`, `module`, `__filename`, `__dirname`), compiled with
 * its code cache when there is one that fits. Without one, a cache is written `writeAfterMs` later (a server: once the
 * first checks have compiled what a session needs; the timer keeps no process alive) or when the process exits,
 * whichever comes first (`'exit'`: only then, for the command line, whose runs are short). Returns how it was compiled
 * (also kept for codeCacheState).
 */
export function runBundle(bundle: string, mode: CodeCacheMode = undefined, writeAfterMs: number | 'exit' = WRITE_AFTER_MS): CodeCacheState {
  const source = fs.readFileSync(bundle, 'utf8');
  const stamp = mode === 'off' ? '' : bundleStamp(bundle);
  const file = cacheFileOf(bundle);
  const cachedData = mode === 'off' ? undefined : readCodeCache(file, stamp);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const state: CodeCacheState = mode === 'off' ? 'off' : !cachedData ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  (globalThis as Record<symbol, unknown>)[STATE] = state;
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    writeCodeCache(file, stamp, script.createCachedData());
  };
  if (mode === 'write') process.once('exit', write);
  else if (state === 'absent' || state === 'rejected') {
    // a server writes it a while after its start, or as it stops if that comes first (an editor closed at once)
    process.once('exit', write);
    if (writeAfterMs !== 'exit') setTimeout(write, writeAfterMs).unref();
  }
  const module = new Module(bundle);
  module.filename = bundle;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(bundle));
  const run = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
  module.loaded = true;
  return state;
}
