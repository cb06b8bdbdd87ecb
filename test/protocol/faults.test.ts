// Faults around the server: malformed and unknown messages, documents it never saw, a missing or corrupt task index,
// invalid settings, and a configured source file that disappears. The server must answer, say what is wrong once,
// and stay up.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as support from '../support/lspClient';
import { LspClient, positionOf, ROOT } from '../support/lspClient';
import { assertAlive, byCode, openAndWait, Servers, within } from '../fixtures/hostile/hostileServers';

const NEVER_OPENED = 'file:///nowhere/never-opened.md';
const PLAN = '# 实施方案\n\n一、落实表1第58项。\n二、推进表4第9项，资产总额不低于两亿美元。\n三、按照表1第53项要求，“在确保安全的前提下开展示范运营”。\n';

/** Messages the server showed or logged (window/logMessage, window/showMessage, window/showMessageRequest). */
function shown(client: LspClient): { channel: string; type: number; message: string }[] {
  const notes = client.notifications
    .filter((m) => m.method === 'window/logMessage' || m.method === 'window/showMessage')
    .map((m) => ({ channel: m.method as string, type: m.params.type as number, message: String(m.params.message) }));
  const requests = client.serverRequests
    .filter((m) => m.method === 'window/showMessageRequest')
    .map((m) => ({ channel: m.method as string, type: m.params.type as number, message: String(m.params.message) }));
  return [...notes, ...requests];
}

/** Writes raw bytes to the server's stdin as one framed message. */
function sendFramed(client: LspClient, body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  client.proc.stdin!.write(`Content-Length: ${bytes.length}\r\n\r\n`);
  client.proc.stdin!.write(bytes);
}

/** An LspClient over another copy of the server (the test client always starts ROOT/dist/server.js). */
function clientFor(serverJs: string): LspClient {
  const m = support as { SERVER: string };
  const saved = m.SERVER;
  let client: LspClient;
  try {
    m.SERVER = serverJs;
    client = new LspClient();
  } finally {
    m.SERVER = saved;
  }
  assert.strictEqual(client.proc.spawnargs[1], serverJs, 'the test client started the copied server');
  return client;
}

/** Hover, completion, definition and references at a position of a document, each with a deadline. */
async function askEverything(client: LspClient, uri: string, position: { line: number; character: number }) {
  const at = { textDocument: { uri }, position };
  const ask = (method: string, params: unknown) => within(client.request(method, params), 5000, `answer to ${method} on ${uri}`);
  return {
    hover: await ask('textDocument/hover', at),
    completion: await ask('textDocument/completion', at),
    definition: await ask('textDocument/definition', at),
    references: await ask('textDocument/references', { ...at, context: { includeDeclaration: true } }),
    highlights: await ask('textDocument/documentHighlight', at),
  };
}

const isEmpty = (v: any) => v === null || (Array.isArray(v) && v.length === 0) || (Array.isArray(v?.items) && v.items.length === 0);

describe('the server under protocol faults', function () {
  this.timeout(30000);
  const servers = new Servers();
  afterEach(() => servers.stopAll());

  it('answers a valid request after a message whose body is not JSON', async () => {
    const client = await servers.start();
    let raw = '';
    client.proc.stdout!.on('data', (c: Buffer) => (raw += c.toString()));
    sendFramed(client, '{not json');
    sendFramed(client, '{"jsonrpc":"2.0","id":');
    await assertAlive(client, 'two messages whose bodies are not JSON');
    assert.ok(!/"id":null/.test(raw) || /"code":-32700/.test(raw), `any answer to the broken messages is a parse error: ${raw.slice(0, 500)}`);
  });

  it('survives bodies that are JSON but not JSON-RPC messages', async () => {
    const client = await servers.start();
    for (const body of ['[1,2,3]', '"hello"', '42', 'null', '{}', '{"jsonrpc":"2.0"}', '{"jsonrpc":"2.0","id":999999,"result":null}', '{"jsonrpc":"2.0","method":42}']) {
      sendFramed(client, body);
    }
    await assertAlive(client, 'JSON bodies that are not JSON-RPC messages');
  });

  it('answers a request with missing or broken params with an error or nothing, and stays up', async () => {
    const client = await servers.start();
    for (const params of [null, {}, { textDocument: {} }, { textDocument: { uri: 42 }, position: 'here' }, { textDocument: { uri: 'untitled:probe.md' }, position: { line: -1, character: -9 } }]) {
      await within(client.request('textDocument/hover', params).catch((e: Error) => e), 5000, `answer to a hover with params ${JSON.stringify(params)}`);
    }
    await assertAlive(client, 'hovers with broken params');
  });

  it('answers requests for a document that was never opened with nothing', async () => {
    const client = await servers.start();
    const answers = await askEverything(client, NEVER_OPENED, { line: 0, character: 0 });
    for (const [method, value] of Object.entries(answers)) assert.ok(isEmpty(value), `${method} on a never-opened document answers null or empty, got ${JSON.stringify(value)}`);
    const others: [string, unknown][] = [
      ['textDocument/documentLink', { textDocument: { uri: NEVER_OPENED } }],
      ['textDocument/documentSymbol', { textDocument: { uri: NEVER_OPENED } }],
      ['textDocument/codeLens', { textDocument: { uri: NEVER_OPENED } }],
      ['textDocument/inlayHint', { textDocument: { uri: NEVER_OPENED }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } }],
      ['textDocument/codeAction', { textDocument: { uri: NEVER_OPENED }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: { diagnostics: [] } }],
    ];
    for (const [method, params] of others) {
      const value = await within(client.request(method, params), 5000, `answer to ${method} on a never-opened document`);
      assert.ok(isEmpty(value), `${method} on a never-opened document answers null or empty, got ${JSON.stringify(value)}`);
    }
    await assertAlive(client, 'requests for a never-opened document');
  });

  it('ignores changes and closes of a document that was never opened', async () => {
    const client = await servers.start();
    client.change(NEVER_OPENED, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '表1第58项' }]);
    client.change(NEVER_OPENED, 3, [{ text: '表1第58项' }]);
    client.notify('textDocument/didClose', { textDocument: { uri: NEVER_OPENED } });
    await assertAlive(client, 'changes and a close of a never-opened document');
    const answers = await askEverything(client, NEVER_OPENED, { line: 0, character: 1 });
    assert.ok(isEmpty(answers.hover), 'a change does not open the document');
  });

  it('survives edits whose ranges lie outside the document, and checks the text they leave', async () => {
    const client = await servers.start({ initializationOptions: { policyLens: { diagnostics: { debounceMs: 0 } } } });
    const uri = 'untitled:out-of-range.md';
    await openAndWait(client, uri, '落实表4第9项。\n');
    const edits: [number, unknown][] = [
      [2, { range: { start: { line: 99, character: 0 }, end: { line: 120, character: 5 } }, text: '表1第58项' }],
      [3, { range: { start: { line: 0, character: 500 }, end: { line: 0, character: 900 } }, text: '' }],
      [4, { range: { start: { line: 1, character: 3 }, end: { line: 0, character: 1 } }, text: 'x' }],
    ];
    for (const [version, change] of edits) {
      const published = client.waitForDiagnostics(uri, version);
      client.change(uri, version, [change]);
      await within(published, 5000, `diagnostics of version ${version} after an edit outside the document (${JSON.stringify(change)})`);
    }
    await assertAlive(client, 'edits outside the document');
  });

  it('answers an unknown method with MethodNotFound (-32601) and stays up', async () => {
    const client = await servers.start();
    const error: any = await within(client.request('policyLens/noSuchMethod', { x: 1 }).then(() => undefined, (e) => e), 5000, 'answer to an unknown method');
    assert.ok(error, 'an unknown method is answered with an error, not a result');
    assert.strictEqual(error.code, -32601, `the error code of an unknown method is -32601 MethodNotFound, got ${error.code}: ${error.message}`);
    await assertAlive(client, 'an unknown method');
  });

  it('ignores an unknown notification without answering it', async () => {
    const client = await servers.start();
    let raw = '';
    client.proc.stdout!.on('data', (c: Buffer) => (raw += c.toString()));
    client.notify('policyLens/noSuchNotification', { x: 1 });
    client.notify('$/noSuchNotification', {});
    await assertAlive(client, 'unknown notifications');
    assert.ok(!/"id":null/.test(raw), `the server answered a notification: ${raw.slice(0, 500)}`);
  });
});

describe('the server during initialize', function () {
  this.timeout(30000);
  const servers = new Servers();
  afterEach(() => servers.stopAll());
  const ALLOWED_BEFORE_INIT = ['window/logMessage', 'window/showMessage', 'window/showMessageRequest', 'telemetry/event'];

  it('sends nothing but window messages before it answers initialize, even with settings and a failing source', async () => {
    const client = new LspClient();
    const before: any[] = [];
    let answered = false;
    const listener = (c: Buffer) => {
      for (const body of c.toString().split(/Content-Length: \d+\r\n\r\n/).filter(Boolean)) {
        try {
          const m = JSON.parse(body);
          if (m.id === 1 && m.result) answered = true;
          else if (!answered && m.method) before.push(m);
        } catch {
          // a message split across chunks: not one sent before the answer in these small exchanges
        }
      }
    };
    client.proc.stdout!.on('data', listener);
    try {
      await within(client.initialize({ initializationOptions: { policyLens: { referenceStyle: 42, sources: [{ path: '/nowhere/missing.txt', prefix: 'SZ' }] } } }), 10000, 'the answer to initialize');
      const wrong = before.filter((m) => !ALLOWED_BEFORE_INIT.includes(m.method));
      assert.deepStrictEqual(wrong.map((m) => m.method), [], `before its InitializeResult the server may send only ${ALLOWED_BEFORE_INIT.join(', ')} (LSP 3.17 §initialize), but it sent ${JSON.stringify(wrong)}`);
    } finally {
      client.proc.stdout!.off('data', listener);
      await client.shutdown();
    }
  });

  it('asks for an inlay-hint refresh only from a client that declared workspace.inlayHint.refreshSupport', async () => {
    const client = await servers.start({ initializationOptions: { policyLens: { inlayHints: { enabled: false } } } });
    client.notify('workspace/didChangeConfiguration', { settings: { policyLens: { inlayHints: { enabled: true } } } });
    await assertAlive(client, 'a settings change');
    const refreshes = client.serverRequests.filter((m) => m.method === 'workspace/inlayHint/refresh');
    assert.strictEqual(refreshes.length, 0, `the server sent ${refreshes.length} workspace/inlayHint/refresh requests to a client without refreshSupport`);
  });
});

// ------------------------------------------------------------------ a missing or corrupt task index

describe('the server with a missing or corrupt task index', function () {
  this.timeout(30000);
  const clients: LspClient[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.shutdown().catch(() => undefined)));
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  /** A copy of the project (dist/server.js and its bundle, package.json, seeds/, data/) whose data/index.json is `index` (or absent). */
  function copyProject(index: string | undefined): { serverJs: string; indexFile: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-broken-'));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, 'dist'));
    for (const f of ['server.js', 'serverBundle.js']) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(dir, 'dist', f));
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
    fs.cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
    const indexFile = path.join(dir, 'data', 'index.json');
    if (index === undefined) fs.rmSync(indexFile);
    else fs.writeFileSync(indexFile, index);
    return { serverJs: path.join(dir, 'dist', 'server.js'), indexFile };
  }

  const cases: [string, string | undefined][] = [
    ['deleted', undefined],
    ['not JSON ({not json)', '{not json'],
    ['empty', ''],
    ['JSON of another shape', '{"version": 999, "tasks": "none"}'],
  ];
  for (const [name, index] of cases) {
    it(`says once which file is wrong when data/index.json is ${name}, answers with nothing, and stays up`, async () => {
      const { serverJs, indexFile } = copyProject(index);
      const client = clientFor(serverJs);
      clients.push(client);
      await within(client.initialize({}), 10000, 'the answer to initialize');
      const uri = 'untitled:plan-without-index.md';
      const published = await openAndWait(client, uri, PLAN, 10000);
      assert.deepStrictEqual(published.diagnostics, [], 'no diagnostics without a task index');
      const answers = await askEverything(client, uri, positionOf(PLAN, '表4第9项', 2));
      for (const [method, value] of Object.entries(answers)) assert.ok(isEmpty(value), `${method} without a task index answers null or empty, got ${JSON.stringify(value)}`);
      assert.deepStrictEqual(await within(client.request('workspace/symbol', { query: '数字人民币' }), 5000, 'workspace symbols without a task index'), []);
      await new Promise((r) => setTimeout(r, 500));
      assert.strictEqual(client.proc.exitCode, null, `the server exited (code ${client.proc.exitCode}) without a task index\n${client.stderr}`);

      const errors = shown(client).filter((m) => m.type === 1);
      const naming = errors.filter((m) => m.message.includes(indexFile));
      const inStderr = client.stderr.split(indexFile).length - 1;
      assert.ok(naming.length + inStderr >= 1, `an error names ${indexFile}; the server said: ${JSON.stringify(shown(client))}\nstderr: ${client.stderr}`);
      for (const channel of new Set(naming.map((m) => m.channel))) {
        assert.strictEqual(naming.filter((m) => m.channel === channel).length, 1, `the missing index is reported once on ${channel}, not ${naming.filter((m) => m.channel === channel).length} times`);
      }
      assert.ok(inStderr <= 1, `the missing index is reported once on stderr, not ${inStderr} times`);
    });
  }
});

// ------------------------------------------------------------------ invalid settings and vanishing sources

describe('the server with invalid settings', function () {
  this.timeout(30000);
  const servers = new Servers();
  afterEach(() => servers.stopAll());

  const INVALID = { maxFileSizeKB: 'big', diagnostics: { debounceMs: -5, misquote: { severity: 'loud' } }, referenceStyle: 42 };
  const NAMES = ['policyLens.maxFileSizeKB', 'policyLens.diagnostics.debounceMs', 'policyLens.diagnostics.misquote.severity', 'policyLens.referenceStyle'];

  it('warns once about each invalid value, falls back to the defaults, and keeps checking', async () => {
    const client = await servers.start({ initializationOptions: { policyLens: INVALID } });
    await new Promise((r) => setTimeout(r, 200));
    const warnings = shown(client).filter((m) => m.type === 2);
    for (const name of NAMES) {
      const about = warnings.filter((w) => w.message.includes(name + ':') || w.message.includes(name + ' '));
      assert.ok(about.length >= 1, `a warning names ${name}; warnings: ${JSON.stringify(warnings.map((w) => w.message))}`);
      for (const channel of new Set(about.map((w) => w.channel))) {
        assert.strictEqual(about.filter((w) => w.channel === channel).length, 1, `${name} is warned about once on ${channel}`);
      }
    }
    const uri = 'untitled:plan-invalid-settings.md';
    const d = await openAndWait(client, uri, PLAN);
    const unknown = byCode(d.diagnostics, 'unknown-task');
    assert.strictEqual(unknown.length, 1, `表1第58项 is still an unknown task: ${JSON.stringify(d.diagnostics)}`);
    assert.strictEqual(unknown[0].severity, 1, 'unknown-task keeps its default severity, error');
    for (const m of byCode(d.diagnostics, 'misquote')) assert.strictEqual(m.severity, 2, 'misquote falls back to its default severity, warning');
    const next = client.waitForDiagnostics(uri, 2);
    client.change(uri, 2, [{ range: { start: { line: 2, character: 7 }, end: { line: 2, character: 9 } }, text: '57' }]);
    assert.strictEqual(byCode((await next).diagnostics, 'unknown-task').length, 0, 'an edit is re-checked with the default debounce');
    const big = await openAndWait(client, 'untitled:six-mb.md', 'x'.repeat(6 * 1024 * 1024));
    assert.deepStrictEqual(big.diagnostics.map((x: any) => x.code), ['file-too-large'], 'maxFileSizeKB falls back to 5120 KB');
    assert.match(big.diagnostics[0].message, /5120/);

    const before = shown(client).length;
    client.notify('workspace/didChangeConfiguration', { settings: { policyLens: INVALID } });
    await assertAlive(client, 'the same invalid settings again');
    const repeated = shown(client).slice(before).filter((m) => m.type === 2 && NAMES.some((n) => m.message.includes(n)));
    assert.deepStrictEqual(repeated.map((m) => m.message), [], 'the same invalid values are not warned about again');
  });
});

describe('the server when a configured source file is missing or disappears', function () {
  this.timeout(30000);
  const servers = new Servers();
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-sources-'));
  });
  afterEach(async () => {
    await servers.stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const SOURCE = '深圳市试点方案\n\n表 1 第一批任务\n\n类别\t试点任务\n金融\t1. 支持深圳设立试点。\n';
  const TEXT = '落实SZ表1第1项和表4第9项。\n';

  it('keeps answering hover and definition on SZ表1第1项 after its source file is deleted', async () => {
    const file = path.join(dir, 'shenzhen.txt');
    fs.writeFileSync(file, SOURCE);
    const client = await servers.start({ rootPath: dir, initializationOptions: { policyLens: { sources: [{ path: file, prefix: 'SZ' }] } } });
    const uri = 'untitled:sz-plan.md';
    const d = await openAndWait(client, uri, TEXT);
    assert.strictEqual(byCode(d.diagnostics, 'unknown-task').length, 0, `SZ表1第1项 is known while its source exists: ${JSON.stringify(d.diagnostics)}`);
    const at = positionOf(TEXT, 'SZ表1第1项', 3);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: at });
    assert.ok(hover?.contents.value.includes('支持深圳设立试点'), `the hover shows the Shenzhen task: ${JSON.stringify(hover)}`);

    fs.rmSync(file);
    const after = await askEverything(client, uri, at);
    assert.ok(after.hover === null || typeof after.hover.contents?.value === 'string', `hover after the source is deleted answers a hover or null, got ${JSON.stringify(after.hover)}`);
    for (const loc of [after.definition ?? []].flat()) assert.ok(typeof loc.uri === 'string' && loc.range, `a definition after the source is deleted is a location: ${JSON.stringify(loc)}`);
    const next = client.waitForDiagnostics(uri, 2);
    client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '一、' }]);
    await next;
    client.notify('workspace/didChangeConfiguration', { settings: { policyLens: { sources: [{ path: file, prefix: 'SZ' }, { path: path.join(dir, 'also-missing.txt'), prefix: 'GZ' }] } } });
    await assertAlive(client, 'its source file was deleted and the sources were re-read');
    // the sources are read asynchronously (a Word source takes a while): wait for the error rather than race it
    const isError = (m: any) => /window\/showMessage/.test(m.method) && m.params.type === 1 && m.params.message.includes(file);
    if (![...client.notifications, ...client.serverRequests].some(isError)) await client.waitFor(isError, 8000, `an error naming ${file}`);
    const errors = shown(client).filter((m) => m.type === 1 && m.message.includes(file));
    assert.ok(errors.length >= 1, `re-reading the sources says that ${file} cannot be read: ${JSON.stringify(shown(client))}`);
    await askEverything(client, uri, at);
  });

  it('says which source file is missing at start-up, once, and checks the rest', async () => {
    const file = path.join(dir, 'never-written.txt');
    const client = await servers.start({ rootPath: dir, initializationOptions: { policyLens: { sources: [{ path: file, prefix: 'SZ' }] } } });
    const uri = 'untitled:sz-missing.md';
    await openAndWait(client, uri, TEXT);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, '表4第9项', 2) });
    assert.ok(hover?.contents.value.includes('T4.9'), 'the default source still answers hovers');
    const errors = shown(client).filter((m) => m.type === 1 && m.message.includes(file));
    assert.ok(errors.length >= 1, `an error names ${file}: ${JSON.stringify(shown(client))}`);
    for (const channel of new Set(errors.map((m) => m.channel))) assert.strictEqual(errors.filter((m) => m.channel === channel).length, 1, `the missing source is reported once on ${channel}`);
    await assertAlive(client, 'a missing source file');
  });
});
