// A minimal LSP client over stdio for the bench: spawns a server process, frames JSON-RPC, answers the server's
// requests, and time-stamps every incoming message when its last byte has arrived (before JSON.parse), so that
// timings do not include the bench's own parsing of large messages.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';

export const now = () => performance.now();

/** A script's option `name`'s value (`--opens 12`), or `fallback`. */
export const option = (name, fallback) => {
  const i = process.argv.indexOf(name, 2);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

/** The server a script starts (`--server path`, another build's: an A/B run) and the Node options it starts it with (`--node-args '…'`). */
export const serverOptions = (root) => ({
  server: resolvePath(option('--server', join(root, 'dist', 'server.js'))),
  nodeArgs: option('--node-args', '').split(' ').filter(Boolean),
});

/**
 * The variables the VS Code client adds to the server's environment (server/src/shared/launch.ts): every process the
 * bench starts gets them, as the client would give them (a variable already set is left as it is). Unless
 * POLICY_LENS_BENCH_BARE_ENV is set (`node bench/run.mjs --bare-env`): the server as a bare `node dist/server.js` runs.
 */
export const LAUNCH_ENVIRONMENT = JSON.parse(readFileSync(new URL('../server/src/shared/launchEnvironment.json', import.meta.url), 'utf8'));
export const launchEnvironment = () => (process.env.POLICY_LENS_BENCH_BARE_ENV ? process.env : { ...LAUNCH_ENVIRONMENT, ...process.env });

const PUBLISH = Buffer.from('{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics"');
const isPublish = (body) => body.subarray(0, PUBLISH.length).equals(PUBLISH);

/** A publishDiagnostics message with its uri and version only (skipDiagnosticsBodies: the list is not parsed). */
function publishHead(body) {
  const head = body.subarray(0, 2048).toString('utf8');
  const uri = JSON.parse(/"uri":("(?:[^"\\]|\\.)*")/.exec(head)[1]);
  const version = /"version":(\d+)/.exec(head);
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version: version ? Number(version[1]) : undefined, diagnostics: null } };
}

export class LspProcess {
  /**
   * @param {string[]} args arguments of `node` (the script and its options)
   * @param {{ configuration?: unknown, nodeArgs?: string[] }} options
   */
  constructor(args, options = {}) {
    this.configuration = options.configuration ?? {};
    this.spawnedAt = now();
    this.proc = spawn(process.execPath, [...(options.nodeArgs ?? []), ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: launchEnvironment() });
    this.pid = this.proc.pid;
    this.chunks = [];
    this.total = 0;
    this.bodyLength = -1;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.serverRequests = [];
    this.stderr = '';
    this.proc.stdout.on('data', (c) => this.onData(c));
    this.proc.stderr.on('data', (c) => (this.stderr += c.toString()));
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve(code ?? signal)));
    this.proc.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error(`server exited before answering ${p.method}\n${this.stderr}`));
      this.pending.clear();
    });
    this.proc.stdin.on('error', () => undefined);
  }

  onData(chunk) {
    this.chunks.push(chunk);
    this.total += chunk.length;
    for (;;) {
      if (this.bodyLength < 0) {
        const buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.total);
        this.chunks = [buf];
        const headerEnd = buf.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const m = /Content-Length:\s*(\d+)/i.exec(buf.subarray(0, headerEnd).toString('ascii'));
        if (!m) throw new Error('bad header from server: ' + buf.subarray(0, headerEnd).toString());
        this.bodyLength = Number(m[1]);
        const rest = buf.subarray(headerEnd + 4);
        this.chunks = rest.length ? [rest] : [];
        this.total = rest.length;
      }
      if (this.total < this.bodyLength) return;
      const at = now();
      const buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.total);
      const body = buf.subarray(0, this.bodyLength);
      const rest = buf.subarray(this.bodyLength);
      const bytes = this.bodyLength;
      this.chunks = rest.length ? [rest] : [];
      this.total = rest.length;
      this.bodyLength = -1;
      this.dispatch(this.skipDiagnosticsBodies && isPublish(body) ? publishHead(body) : JSON.parse(body.toString('utf8')), at, bytes);
    }
  }

  dispatch(msg, at, bytes) {
    if (msg.method === 'textDocument/publishDiagnostics') (this.lastPublished ??= {})[msg.params.uri] = msg.params.version;
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(Object.assign(new Error(`${p.method}: ${msg.error.message}`), { code: msg.error.code }));
      else p.resolve({ result: msg.result, at, bytes });
      return;
    }
    if (msg.id !== undefined) {
      this.serverRequests.push(msg.method);
      let result = null;
      if (msg.method === 'workspace/configuration') result = msg.params.items.map(() => this.configuration);
      this.send({ jsonrpc: '2.0', id: msg.id, result });
    }
    for (const l of this.listeners.slice()) l(msg, at, bytes);
  }

  send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Resolves with { result, at, bytes }; `at` is when the answer had fully arrived. */
  request(method, params, timeoutMs = 60000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for the answer to ${method}\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with { msg, at, bytes } for the first message that satisfies `test`. Register it before sending. */
  waitFor(test, what, timeoutMs = 60000) {
    return new Promise((resolve, reject) => {
      const listener = (msg, at, bytes) => {
        if (!test(msg)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve({ msg, at, bytes });
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nserver stderr:\n${this.stderr}`));
      }, timeoutMs);
      this.listeners.push(listener);
    });
  }

  /** Resolves once the diagnostics of `version` (or a later one) of `uri` have arrived, at once if they have. */
  async diagnosticsUpTo(uri, version, timeoutMs) {
    if ((this.lastPublished?.[uri] ?? -1) >= version) return;
    await this.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version >= version, `diagnostics of ${uri} version ${version}`, timeoutMs);
  }

  waitForDiagnostics(uri, version, timeoutMs) {
    return this.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version),
      `diagnostics of ${uri}${version === undefined ? '' : ' version ' + version}`,
      timeoutMs,
    );
  }

  initialize(initializationOptions) {
    return this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'policy-lens-bench' },
      locale: 'zh-cn',
      rootUri: null,
      workspaceFolders: null,
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: false, dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        },
      },
    });
  }

  open(uri, text, version = 1) {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri, version, contentChanges) {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri) {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resident and peak memory of the process, in MB (from /proc/<pid>/status). */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (name) => Number(new RegExp(`^${name}:\\s*(\\d+)\\s*kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
    } catch {
      return { rss: NaN, hwm: NaN };
    }
  }

  async shutdown() {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    try {
      await this.request('shutdown', null, 5000);
      this.notify('exit', null);
    } catch {
      // gone already, or stuck: killed below
    }
    const timeout = new Promise((r) => setTimeout(() => r('timeout'), 5000));
    if ((await Promise.race([this.exited, timeout])) === 'timeout') {
      this.proc.kill();
      await this.exited;
    }
  }
}

/** Opens a document (version 1) and waits for its diagnostics: the time to them, their count and bytes, the message. */
export async function openAndWait(lsp, uri, text, timeoutMs) {
  const diags = lsp.waitForDiagnostics(uri, 1, timeoutMs);
  const t0 = now();
  lsp.open(uri, text, 1);
  const { msg, at, bytes } = await diags;
  return { ms: at - t0, count: msg.params.diagnostics.length, bytes, params: msg.params };
}

/** Closes a document and waits for its diagnostics to be cleared (the echo server clears nothing: `isEcho`). */
export async function closeAndWait(lsp, uri, isEcho = false) {
  const cleared = isEcho ? null : lsp.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && !m.params.diagnostics.length, `clearing of ${uri}`);
  lsp.close(uri);
  if (cleared) await cleared;
}

/**
 * memoryUsage and heap spaces before and after a full GC, which bench/memprobe.cjs (preloaded into the server with
 * --require) prints on SIGUSR2.
 */
export async function memprobe(lsp, timeoutMs = 10000) {
  const from = lsp.stderr.length;
  lsp.proc.kill('SIGUSR2');
  for (let waited = 0; waited < timeoutMs; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
    const m = /memprobe (\{.*\})\n/.exec(lsp.stderr.slice(from));
    if (m) return JSON.parse(m[1]);
  }
  throw new Error('no answer from bench/memprobe.cjs');
}
