// 5,000 seeded random edits of a 20 KB plan through the built server, as a long editing session makes them (typing,
// pastes, CRLF, surrogate pairs, deletions across paragraphs), with hovers, completions, code actions and pulled
// diagnostics between them: the final diagnostics must be those of the same text opened in a fresh server.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, ROOT } from '../support/lspClient';
import { diagnosticShape, openAndWait, positionAt, random, Servers, within } from '../fixtures/hostile/hostileServers';

/** The sample plan and the check fixtures, cut to about 20 KB at a paragraph break. */
function startText(): string {
  const dir = path.join(ROOT, 'test', 'fixtures', 'checks');
  const files = [path.join(ROOT, 'examples', 'sample-plan.md'), ...fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort().map((f) => path.join(dir, f))];
  const all = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n\n');
  return all.slice(0, all.indexOf('\n\n', 20000 / 3) + 1);
}

/** What a pasted or typed insertion can be: characters, line ends of every kind, astral characters, whole lines. */
const TYPED = ['表', '第', '项', '1', '2', '5', '8', '至', '、', '。', '，', '\n', '\n\n', '\r\n', '\r\n\r\n', 'T', '.', '%', '不低于', '中方股比不低于51%', ' ', '“', '”', '😀', '𠮷', '<!-- policy-lens-disable-next-line -->\n', '## 表2 任务\n', '- 落实表1第12项\n', '牵头单位：市商务局\n', '| 表1第12项 | 区财政局 | 2024年底 |\n', '"', '\t'];

interface Storm {
  text: string;
  version: number;
  answers: Promise<unknown>[];
}

/** An offset where an edit may start or end: not inside a CRLF (no LSP position is there) nor a surrogate pair. */
function boundary(text: string, offset: number): number {
  while (offset > 0 && offset < text.length) {
    const before = text.charCodeAt(offset - 1);
    const after = text.charCodeAt(offset);
    if ((before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff)) offset--;
    else break;
  }
  return offset;
}

function editStorm(client: LspClient, uri: string, text: string, edits: number, seed: number): Storm {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const source = text;
  const answers: Promise<unknown>[] = [];
  let version = 1;
  for (let i = 0; i < edits; i++) {
    const start = boundary(text, Math.floor(next() * (text.length + 1)));
    const kind = next();
    let end = start;
    let insert = '';
    if (kind < 0.4) insert = pick(TYPED); // typing
    else if (kind < 0.7) end = boundary(text, Math.min(text.length, start + 1 + Math.floor(next() * 3))); // backspace, delete
    else if (kind < 0.8) end = boundary(text, Math.min(text.length, start + Math.floor(next() * 800))); // a selection deleted, across paragraphs
    else if (kind < 0.9) {
      // a paste: a piece of the starting plan, its line ends as they are or as CRLF
      const from = boundary(source, Math.floor(next() * source.length));
      const piece = source.slice(from, boundary(source, Math.min(source.length, from + Math.floor(next() * 1500))));
      insert = next() < 0.3 ? piece.replace(/\r?\n/g, '\r\n') : piece;
      if (next() < 0.5) end = boundary(text, Math.min(text.length, start + Math.floor(next() * 300)));
    } else {
      end = boundary(text, Math.min(text.length, start + Math.floor(next() * 40))); // a word replaced
      insert = pick(TYPED);
    }
    // the plan stays about its size: a long session edits a plan, it does not grow it without end
    if (text.length > 2 * source.length) {
      insert = '';
      end = boundary(text, Math.min(text.length, start + 2000));
    }
    const range = { start: positionAt(text, start), end: positionAt(text, end) };
    text = text.slice(0, start) + insert + text.slice(end);
    client.change(uri, ++version, [{ range, text: insert }]);
    const at = { textDocument: { uri }, position: positionAt(text, boundary(text, Math.floor(next() * (text.length + 1)))) };
    if (i % 10 === 0) answers.push(client.request('textDocument/hover', at));
    if (i % 50 === 25) answers.push(client.request('textDocument/completion', at));
    if (i % 50 === 40) answers.push(client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at.position, end: at.position }, context: { diagnostics: [] } }));
    if (i % 100 === 99) answers.push(client.request('textDocument/diagnostic', { textDocument: { uri } }));
  }
  return { text, version, answers };
}

/** A server whose client pulls diagnostics (textDocument/diagnostic) instead of having them pushed. */
async function pullingServer(servers: LspClient[]): Promise<LspClient> {
  const client = new LspClient();
  servers.push(client);
  await within(client.request('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
  }), 15000, 'the answer to initialize');
  client.notify('initialized', {});
  return client;
}

const shape = (d: any) => ({ ...diagnosticShape(d), related: d.relatedInformation });

describe('a long editing session', function () {
  this.timeout(180000);
  const servers = new Servers();
  const pulling: LspClient[] = [];
  afterEach(async () => {
    await servers.stopAll();
    await Promise.all(pulling.splice(0).map((c) => c.shutdown().catch(() => undefined)));
  });

  it('ends 5,000 random edits (pastes, CRLF, surrogate pairs, deletions across paragraphs) with the diagnostics of the final text opened fresh', async () => {
    const client = await pullingServer(pulling);
    const uri = 'untitled:long-session.md';
    const text = startText();
    client.open(uri, text);
    const first = await within(client.request('textDocument/diagnostic', { textDocument: { uri } }), 30000, 'the first pulled diagnostics');
    assert.strictEqual(first.kind, 'full', `the first pull is a full report, got ${JSON.stringify(first).slice(0, 200)}`);
    assert.ok(first.items.length > 0, 'the starting plan has findings');
    assert.ok(!client.notifications.some((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri), 'a client that pulls diagnostics gets none pushed');

    const storm = editStorm(client, uri, text, 5000, 20261202);
    // end with a line that has a problem, so that the comparison means something whatever the storm left
    const tail = '\r\n\r\n落实表1第58项，中方股比不低于51%（表1第12项）。😀\r\n';
    const end = positionAt(storm.text, storm.text.length);
    client.change(uri, ++storm.version, [{ range: { start: end, end }, text: tail }]);
    storm.text += tail;
    const settled = await within(Promise.allSettled(storm.answers), 120000, `answers to the ${storm.answers.length} requests of the storm`);
    const failed = settled.filter((s) => s.status === 'rejected') as PromiseRejectedResult[];
    assert.strictEqual(failed.length, 0, `${failed.length} of ${settled.length} requests failed: ${failed.slice(0, 3).map((f) => f.reason?.message).join('; ')}`);

    const final = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.strictEqual(final.kind, 'full', 'the pull after the storm is a full report');
    const again = await client.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: final.resultId });
    assert.strictEqual(again.kind, 'unchanged', `a pull with the latest resultId is answered "unchanged", got ${again.kind}`);

    const fresh = await servers.start({ initializationOptions: { policyLens: { diagnostics: { debounceMs: 0 } } } });
    const opened = await openAndWait(fresh, 'untitled:long-session-fresh.md', storm.text, 30000);
    assert.ok(opened.diagnostics.length > 0, 'the final text has findings');
    assert.deepStrictEqual(final.items.map(shape), opened.diagnostics.map(shape),
      `the diagnostics after 5,000 edits differ from those of the final text opened in a fresh server; the text:\n${JSON.stringify(storm.text)}`);

    // the same text opened under another URI in the stormed server is checked as an edit of the open plan (it builds on
    // that analysis): its diagnostics too are a fresh server's, and so are those of a copy with a paragraph added
    const copyUri = 'untitled:long-session-copy.md';
    client.open(copyUri, storm.text);
    const copy = await client.request('textDocument/diagnostic', { textDocument: { uri: copyUri } });
    assert.deepStrictEqual(copy.items.map(shape), opened.diagnostics.map(shape), 'a copy of the stormed plan opened in the same server');
    const middle = storm.text.indexOf('\n\n', storm.text.length >> 1) + 2;
    const changed = storm.text.slice(0, middle) + '## 表2 任务\n\n第3项，外资股比不超过50%。\n\n' + storm.text.slice(middle);
    const changedUri = 'untitled:long-session-changed.md';
    client.open(changedUri, changed);
    const changedOwn = await client.request('textDocument/diagnostic', { textDocument: { uri: changedUri } });
    const changedFresh = await openAndWait(fresh, 'untitled:long-session-changed-fresh.md', changed, 30000);
    assert.deepStrictEqual(changedOwn.items.map(shape), changedFresh.diagnostics.map(shape), 'a copy with a heading and a paragraph added in the middle');
  });

  it('keeps no earlier version alive: the live heap after 600 checked edits is that after 100', async function () {
    // bench/memprobe.cjs writes the heap after a full collection on SIGUSR2; no code cache for these node options
    const env = { ...process.env, NODE_OPTIONS: `--require ${path.join(ROOT, 'bench', 'memprobe.cjs')}`, POLICY_LENS_CODE_CACHE: 'off' };
    const client = await servers.start({ initializationOptions: { policyLens: { diagnostics: { debounceMs: 0 } } } }, env);
    const uri = 'untitled:kept-versions.md';
    let text = startText();
    await openAndWait(client, uri, text, 30000);
    const next = random(7);
    let version = 1;
    // the bench's reader of bench/memprobe.cjs's answer (an ES module, imported as one)
    const { memprobe } = await import(pathToFileURL(path.join(ROOT, 'bench', 'lsp.mjs')).href);
    const liveHeap = async () => (await memprobe(client, 10000)).after.heapUsed / 1048576;
    // each edit checked and published before the next (a typist the server keeps up with), then probed
    const edit = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const at = boundary(text, Math.floor(next() * text.length));
        const insert = TYPED[Math.floor(next() * TYPED.length)];
        const position = positionAt(text, at);
        text = text.slice(0, at) + insert + text.slice(at);
        const published = client.waitForDiagnostics(uri, ++version, 10000);
        client.change(uri, version, [{ range: { start: position, end: position }, text: insert }]);
        await published;
      }
    };
    await edit(100);
    const early = await liveHeap();
    await edit(500);
    const late = await liveHeap();
    // a version kept alive by the next (a closure over the previous analysis) costs ~45 KB an edit here: 500 of them 20 MB
    assert.ok(late - early < 8, `the live heap grew from ${early.toFixed(1)} to ${late.toFixed(1)} MB over 500 edits of a 20 KB plan`);
  });
});
