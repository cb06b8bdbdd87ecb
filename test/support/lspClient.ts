// A minimal LSP client for tests and benchmarks: spawns the built server over stdio and speaks JSON-RPC to it.
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: any[];
}

export class LspClient {
  readonly proc: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; method: string }>();
  private listeners: ((msg: any) => void)[] = [];
  readonly diagnostics = new Map<string, PublishedDiagnostics>();
  readonly notifications: any[] = [];
  readonly serverRequests: any[] = [];
  stderr = '';
  exited: Promise<number | null>;
  /** Answers to server→client requests such as workspace/configuration. */
  configuration: unknown = {};

  constructor(args: string[] = ['--stdio'], env: NodeJS.ProcessEnv = process.env) {
    this.proc = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.proc.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.proc.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error(`server exited before answering ${p.method}\n${this.stderr}`));
      this.pending.clear();
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  private dispatch(msg: any): void {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(Object.assign(new Error(`${p.method}: ${msg.error.message}`), { code: msg.error.code }));
      else p.resolve(msg.result);
    } else if (msg.id !== undefined) {
      this.serverRequests.push(msg);
      this.answerServerRequest(msg);
    } else {
      this.notifications.push(msg);
      if (msg.method === 'textDocument/publishDiagnostics') this.diagnostics.set(msg.params.uri, msg.params);
    }
    for (const l of this.listeners.slice()) l(msg);
  }

  private answerServerRequest(msg: any): void {
    let result: unknown = null;
    if (msg.method === 'workspace/configuration') result = msg.params.items.map(() => this.configuration);
    this.sendRaw({ jsonrpc: '2.0', id: msg.id, result });
  }

  sendRaw(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin!.write(body);
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.sendRaw({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Sends a request and returns its id, for $/cancelRequest tests. */
  requestWithId<T = any>(method: string, params: unknown): { id: number; result: Promise<T> } {
    const id = this.nextId;
    return { id, result: this.request<T>(method, params) };
  }

  notify(method: string, params: unknown): void {
    this.sendRaw({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first message (notification or server request) that satisfies `test`. */
  waitFor(test: (msg: any) => boolean, timeoutMs = 10000, what = 'a message'): Promise<any> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`timed out waiting for ${what}\nserver stderr:\n${this.stderr}`));
      }, timeoutMs);
      const listener = (msg: any) => {
        if (!test(msg)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(msg);
      };
      this.listeners.push(listener);
    });
  }

  waitForDiagnostics(uri: string, version?: number, timeoutMs = 10000): Promise<PublishedDiagnostics> {
    return this.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version),
      timeoutMs,
      `diagnostics of ${uri}${version !== undefined ? ' version ' + version : ''}`,
    ).then((m) => m.params);
  }

  async initialize(options: { locale?: string; rootPath?: string; initializationOptions?: unknown; configuration?: boolean; workspace?: Record<string, unknown> } = {}): Promise<any> {
    const rootUri = options.rootPath ? pathToFileURL(options.rootPath).toString() : null;
    const result = await this.request('initialize', {
      processId: process.pid,
      locale: options.locale,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: options.configuration ?? false, workspaceFolders: true, ...options.workspace },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async shutdown(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    await Promise.race([this.exited, new Promise((r) => setTimeout(r, 2000))]);
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/** A position of the n-th occurrence of `needle` in `text` (UTF-16 line/character), shifted by `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
