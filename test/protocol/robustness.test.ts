// Hostile documents through the built server (node dist/server.js --stdio): huge, binary, broken Unicode, odd line
// ends, absurd structure, and an edit storm. After each the server must still run, answer a hover, and have published
// diagnostics for the right version. Big inputs are generated here, never committed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LspClient, ROOT } from '../support/lspClient';
import { assertAlive, byCode, diagnosticShape, openAndWait, positionAt, random, Servers, within } from '../fixtures/hostile/hostileServers';

const DEBOUNCE_0 = { initializationOptions: { policyLens: { diagnostics: { debounceMs: 0 } } } };
const PLAN = fs.readFileSync(path.join(ROOT, 'examples', 'sample-plan.md'), 'utf8');
const TASK_COUNTS = new Map<number, number>(
  JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'index.json'), 'utf8')).tables.map((t: any) => [t.number, t.taskCount]),
);
const exists = (table: number, item: number) => item >= 1 && item <= (TASK_COUNTS.get(table) ?? 0);

/** The unknown-task diagnostic that starts at `needle` (its first occurrence) in `text`. */
function assertUnknownAt(text: string, diagnostics: any[], needle: string, where: string): void {
  const at = positionAt(text, text.indexOf(needle));
  const unknown = byCode(diagnostics, 'unknown-task');
  assert.ok(
    unknown.some((d) => d.range.start.line === at.line && d.range.start.character === at.character && d.range.end.line === at.line && d.range.end.character === at.character + needle.length),
    `${where}: expected an unknown-task diagnostic on ${needle} at line ${at.line}, character ${at.character}; got ${JSON.stringify(unknown.map((d) => d.range))}`,
  );
}

describe('the server under hostile documents', function () {
  this.timeout(60000);
  const servers = new Servers();
  afterEach(() => servers.stopAll());

  it('skips a 10 MB document, says so once as file-too-large, and keeps answering other documents quickly', async () => {
    const client = await servers.start(DEBOUNCE_0);
    const line = '落实表1第58项，外资股比不超过50%（T1.49）。Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n';
    const text = line.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(line)));
    assert.ok(text.length > 5120 * 1024 && Buffer.byteLength(text) >= 10 * 1024 * 1024, 'the generated document is above 5 MB in every measure');
    const uri = 'untitled:huge.md';
    const first = await openAndWait(client, uri, text, 30000);
    assert.strictEqual(first.diagnostics.length, 1, `one diagnostic for a too-large document, got ${first.diagnostics.length}: ${JSON.stringify(first.diagnostics.slice(0, 3))}`);
    const [d] = first.diagnostics;
    assert.strictEqual(d.code, 'file-too-large', `the one diagnostic is file-too-large, got ${d.code}`);
    assert.strictEqual(d.severity, 3, `file-too-large is an Information diagnostic (3), got severity ${d.severity}`);
    assert.match(d.message, /5120/, 'the message names the limit');

    const again = client.waitForDiagnostics(uri, 2, 20000);
    client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '表1第99项' }]);
    const second = await again;
    assert.deepStrictEqual(second.diagnostics.map((x) => x.code), ['file-too-large'], 'an edit of the too-large document still gives just the one notice');
    const hoverBig = await within(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }), 5000, 'answer to a hover on the too-large document');
    assert.strictEqual(hoverBig, null, 'the too-large document is not analysed, so a hover on it shows nothing');
    const ms = await assertAlive(client, 'a 10 MB document');
    assert.ok(ms < 1000, `a hover on a small document took ${ms} ms next to a 10 MB one`);
  });

  it('publishes an opened document\'s diagnostics once (here the too-large notice), not again when the debounce runs out', async () => {
    const client = await servers.start();
    const uri = 'untitled:too-large-once.md';
    await openAndWait(client, uri, '表1第58项\n'.repeat(800_000));
    await new Promise((r) => setTimeout(r, 600));
    const published = client.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    assert.strictEqual(published.length, 1, `the diagnostics of version 1 were published ${published.length} times: ${JSON.stringify(published.map((m) => [m.params.version, m.params.diagnostics.map((d: any) => d.code)]))}`);
  });

  it('survives random binary bytes decoded as latin1 and as UTF-8, NULs included', async () => {
    const client = await servers.start(DEBOUNCE_0);
    const next = random(7);
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = next() < 0.05 ? 0 : Math.floor(next() * 256);
    for (const [name, text] of [['latin1', bytes.toString('latin1')], ['utf8', bytes.toString('utf8')], ['utf8 with a reference', bytes.toString('utf8', 0, 5000) + '\n\n表1第58项\n\u0000\u0000']] as const) {
      const d = await openAndWait(client, `untitled:binary-${name.replace(/ /g, '-')}.md`, text);
      assert.ok(Array.isArray(d.diagnostics), `diagnostics of the ${name} document are a list`);
      if (name === 'utf8 with a reference') assertUnknownAt(text, d.diagnostics, '表1第58项', 'after binary bytes');
      await assertAlive(client, `random bytes decoded as ${name}`);
    }
  });

  it('survives lone surrogates and still places diagnostics after them in UTF-16 units', async () => {
    const client = await servers.start(DEBOUNCE_0);
    const text = '\ud800开头\udc00落实\udbff表1第58项\n\udfff😀\ud83d\n第二行\ud800表1第58项\udc00\n' + '\ud800'.repeat(1000) + '\n\udc00'.repeat(1000);
    const d = await openAndWait(client, 'untitled:surrogates.md', text);
    assertUnknownAt(text, d.diagnostics, '表1第58项', 'after lone surrogates on line 0');
    const second = text.indexOf('表1第58项', text.indexOf('第二行'));
    const at = positionAt(text, second);
    assert.ok(byCode(d.diagnostics, 'unknown-task').some((x) => x.range.start.line === at.line && x.range.start.character === at.character), `an unknown-task diagnostic at line ${at.line}, character ${at.character}`);
    await assertAlive(client, 'lone surrogates');
  });

  it('checks a 200,000-character line of references and places its diagnostics right', async () => {
    const client = await servers.start(DEBOUNCE_0);
    const unit = '落实表1第12项，推进T4.9与表2第3、5项。';
    let line = '';
    while (line.length < 200_000) line += unit;
    const text = '# 长行\n\n' + line + '最后是表1第58项。\n';
    const d = await openAndWait(client, 'untitled:long-line.md', text);
    assertUnknownAt(text, d.diagnostics, '表1第58项', 'at the end of a 200,000-character line');
    assert.strictEqual(byCode(d.diagnostics, 'unknown-task').length, 1, 'the one unknown task of the long line is reported once');
    await assertAlive(client, 'a 200,000-character line');
  });

  for (const [name, eol] of [['CRLF', '\r\n'], ['lone CR', '\r'], ['mixed CRLF, CR and LF', undefined]] as const) {
    it(`places diagnostics on the right line and character with ${name} line ends`, async () => {
      const client = await servers.start(DEBOUNCE_0);
      const lines = ['# 实施方案', '', '一、推进表1第12项。', '', '二、落实表1第58项，推动会展业发展。', '三、另见T1.99。'];
      const text = eol ? lines.join(eol) : lines.map((l, i) => l + ['\r\n', '\r', '\n'][i % 3]).join('');
      const d = await openAndWait(client, `untitled:eol-${name.replace(/[ ,]+/g, '-')}.md`, text);
      const unknown = byCode(d.diagnostics, 'unknown-task');
      const t158 = unknown.find((x) => x.message.includes('表1第58项'));
      assert.ok(t158, `an unknown-task diagnostic names 表1第58项: ${JSON.stringify(unknown)}`);
      assert.deepStrictEqual(t158.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 10 } }, `表1第58项 with ${name} line ends is on line 4, characters 4–10`);
      const t199 = unknown.find((x) => x.message.includes('T1.99'));
      assert.ok(t199, 'T1.99 is an unknown task');
      assert.deepStrictEqual(t199.range.start, { line: 5, character: 4 }, `T1.99 with ${name} line ends is on line 5, character 4`);
      const hover = await client.request('textDocument/hover', { textDocument: { uri: `untitled:eol-${name.replace(/[ ,]+/g, '-')}.md` }, position: { line: 2, character: 5 } });
      assert.ok(hover?.contents.value.includes('T1.12'), `a hover on 表1第12项 (line 2) with ${name} line ends shows T1.12`);
      await assertAlive(client, `${name} line ends`);
    });
  }

  it('finds the same problems at the same positions in the sample plan whether its lines end in LF, CRLF or a lone CR', async () => {
    const client = await servers.start(DEBOUNCE_0);
    const lf = await openAndWait(client, 'untitled:plan-lf.md', PLAN);
    assert.ok(lf.diagnostics.length >= 5, `the sample plan has its five problems with LF line ends: ${JSON.stringify(lf.diagnostics.map((d) => d.code))}`);
    for (const [name, eol] of [['CRLF', '\r\n'], ['lone CR', '\r']]) {
      const other = await openAndWait(client, `untitled:plan-${eol === '\r' ? 'cr' : 'crlf'}.md`, PLAN.replace(/\n/g, eol));
      assert.deepStrictEqual(
        other.diagnostics.map(diagnosticShape),
        lf.diagnostics.map(diagnosticShape),
        `the diagnostics of the sample plan with ${name} line ends differ from those with LF (codes ${JSON.stringify(other.diagnostics.map((d) => d.code))} vs ${JSON.stringify(lf.diagnostics.map((d) => d.code))})`,
      );
    }
  });

  it('counts a byte order mark as one character and places diagnostics after it right', async () => {
    const client = await servers.start(DEBOUNCE_0);
    const text = '\ufeff落实表1第58项。\n二、T1.99。\n';
    const d = await openAndWait(client, 'untitled:bom.md', text);
    const unknown = byCode(d.diagnostics, 'unknown-task');
    assert.ok(unknown.some((x) => x.range.start.line === 0 && x.range.start.character === 3), `表1第58项 after a BOM starts at character 3 of line 0: ${JSON.stringify(unknown.map((x) => x.range))}`);
    assert.ok(unknown.some((x) => x.range.start.line === 1 && x.range.start.character === 2), 'T1.99 on the next line starts at character 2');
    await assertAlive(client, 'a byte order mark');
  });

  it('reports every unknown task among 10,000 references on one line', async () => {
    const client = await servers.start(DEBOUNCE_0);
    const next = random(42);
    const parts: string[] = [];
    let expectedUnknown = 0;
    for (let i = 0; i < 10_000; i++) {
      const table = 1 + Math.floor(next() * 6); // 表6 does not exist
      const item = 1 + Math.floor(next() * 70);
      parts.push(i % 2 ? `表${table}第${item}项` : `T${table}.${item}`);
      if (!exists(table, item)) expectedUnknown++;
    }
    const text = '落实' + parts.join('；') + '。\n';
    const d = await openAndWait(client, 'untitled:ten-thousand.md', text, 30000);
    assert.strictEqual(byCode(d.diagnostics, 'unknown-task').length, expectedUnknown, `unknown-task diagnostics among 10,000 references (${expectedUnknown} expected)`);
    await assertAlive(client, '10,000 references on one line');
  });

  it('survives Markdown lists nested 200 deep', async () => {
    const client = await servers.start(DEBOUNCE_0);
    const lines: string[] = [];
    for (let depth = 0; depth < 200; depth++) lines.push(`${'  '.repeat(depth)}- 第${depth}层：落实表1第${depth + 1}项`);
    lines.push('', '> '.repeat(200) + '表1第58项');
    const text = lines.join('\n') + '\n';
    const d = await openAndWait(client, 'untitled:nested.md', text);
    assert.strictEqual(byCode(d.diagnostics, 'unknown-task').length, 200 - 57 + 1, 'tasks 58–200 of the nested list and the quoted 表1第58项 are unknown');
    await assertAlive(client, 'lists nested 200 deep');
  });

  it('checks a Markdown table of 1,000 rows of references', async () => {
    const client = await servers.start(DEBOUNCE_0);
    const rows = ['| 任务 | 说明 | 牵头单位 |', '| --- | --- | --- |'];
    for (let n = 1; n <= 1000; n++) rows.push(`| 表1第${n}项 | 落实第${n}条，投资不低于${n}亿元 | 区商务局 |`);
    const text = '# 任务表\n\n' + rows.join('\n') + '\n';
    const d = await openAndWait(client, 'untitled:big-table.md', text);
    assert.strictEqual(byCode(d.diagnostics, 'unknown-task').length, 1000 - 57, 'rows 58–1000 of the table name unknown tasks');
    assertUnknownAt(text, d.diagnostics, '表1第58项', 'in row 58 of the table');
    await assertAlive(client, 'a table of 1,000 rows');
  });

  it('survives a reference to a task number too large for a double (T1.9999999999999999)', async () => {
    // a 512 MB heap, so that a runaway allocation ends the process in seconds rather than minutes
    const client = await servers.start(DEBOUNCE_0, { ...process.env, NODE_OPTIONS: '--max-old-space-size=512' });
    const text = '落实T1.9999999999999999与表1第12345678901234567项。\n';
    const exited = client.exited.then((code) => {
      throw new Error(`the server exited (code ${code}, signal ${client.proc.signalCode}) while checking ${JSON.stringify(text)}\n${client.stderr.slice(-1500)}`);
    });
    const d = await Promise.race([openAndWait(client, 'untitled:huge-number.md', text, 8000), exited]);
    assert.strictEqual(byCode(d.diagnostics, 'unknown-task').length, 2, 'both huge task numbers are unknown tasks');
    await assertAlive(client, 'a reference to task 9999999999999999');
  });
});

// ------------------------------------------------------------------ edit storms

const ALPHABET = ['表', '第', '项', '1', '5', '8', '至', '、', '。', '\n', '\n\n', 'T', '.', '%', '不低于', ' ', '“', '”', '😀'];

/**
 * Random single-character edits of `text` as incremental didChange events, the text tracked locally. An LSP position
 * cannot point between the \r and \n of a CRLF, so edits never start or end there (a CRLF is deleted whole).
 */
function storm(client: LspClient, uri: string, text: string, edits: number, seed: number, hoverEvery: number, alphabet = ALPHABET): { text: string; version: number; hovers: Promise<unknown>[] } {
  const next = random(seed);
  const hovers: Promise<unknown>[] = [];
  const insideCrlf = (o: number) => o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10;
  let version = 1;
  for (let i = 0; i < edits; i++) {
    let offset = Math.floor(next() * (text.length + 1));
    if (insideCrlf(offset)) offset--;
    const start = positionAt(text, offset);
    if (next() < 0.45 && offset < text.length) {
      const length = text.startsWith('\r\n', offset) ? 2 : 1;
      const end = positionAt(text, offset + length);
      text = text.slice(0, offset) + text.slice(offset + length);
      client.change(uri, ++version, [{ range: { start, end }, text: '' }]);
    } else {
      const insert = alphabet[Math.floor(next() * alphabet.length)];
      text = text.slice(0, offset) + insert + text.slice(offset);
      client.change(uri, ++version, [{ range: { start, end: start }, text: insert }]);
    }
    if (i % hoverEvery === 0) {
      let o = Math.floor(next() * (text.length + 1));
      if (insideCrlf(o)) o--;
      hovers.push(client.request('textDocument/hover', { textDocument: { uri }, position: positionAt(text, o) }));
    }
  }
  return { text, version, hovers };
}

async function assertSameAsFresh(client: LspClient, final: { diagnostics: any[] }, text: string, name: string): Promise<void> {
  const fresh = await openAndWait(client, `untitled:fresh-${name}.md`, text);
  assert.ok(fresh.diagnostics.length > 0, `the ${name} storm leaves a text with findings, so that the comparison means something`);
  assert.deepStrictEqual(
    final.diagnostics.map(diagnosticShape),
    fresh.diagnostics.map(diagnosticShape),
    `the diagnostics after the ${name} edit storm differ from those of the same text opened fresh:\n${JSON.stringify(text)}`,
  );
}

describe('the server under an edit storm', function () {
  this.timeout(60000);
  const servers = new Servers();
  afterEach(() => servers.stopAll());

  it('ends 1,000 incremental edits, interleaved with hovers, with the diagnostics of the final text opened fresh', async () => {
    const client = await servers.start(DEBOUNCE_0);
    const uri = 'untitled:storm.md';
    await openAndWait(client, uri, PLAN);
    const result = storm(client, uri, PLAN, 1000, 2024, 10);
    // 1,000 random edits may leave nothing to find: end with a line that has a problem, so the comparison means something
    const tail = '\n\n落实表1第58项。\n';
    const end = positionAt(result.text, result.text.length);
    client.change(uri, ++result.version, [{ range: { start: end, end }, text: tail }]);
    result.text += tail;
    const final = await client.waitForDiagnostics(uri, result.version, 30000);
    const settled = await within(Promise.allSettled(result.hovers), 10000, `answers to all ${result.hovers.length} hovers of the storm`);
    const failed = settled.filter((s) => s.status === 'rejected') as PromiseRejectedResult[];
    assert.strictEqual(failed.length, 0, `${failed.length} of ${settled.length} hovers failed: ${failed.slice(0, 3).map((f) => f.reason?.message).join('; ')}`);
    assert.strictEqual(settled.length, 100, 'one hover for every 10 edits');
    await assertSameAsFresh(client, final, result.text, 'debounce-0');
    await assertAlive(client, 'an edit storm');
  });

  it('ends 500 edits that make and break CRLF, CR and LF line ends with the diagnostics of the final text opened fresh', async () => {
    const client = await servers.start(DEBOUNCE_0);
    const uri = 'untitled:storm-crlf.md';
    const start = PLAN.split('\n').map((l, i) => l + ['\r\n', '\r', '\n'][i % 3]).join('');
    await openAndWait(client, uri, start);
    const result = storm(client, uri, start, 500, 7, 10, [...ALPHABET, '\r', '\r\n', '\r', '\n', '\r\r\n']);
    // 500 random edits leave little of the plan: end with lines that have problems, after a lone CR
    const tail = '\r\r二、落实表1第58项。\r三、推进表1第12项，中方股比不低于51%。\r\n';
    const end = positionAt(result.text, result.text.length);
    client.change(uri, ++result.version, [{ range: { start: end, end }, text: tail }]);
    result.text += tail;
    const final = await client.waitForDiagnostics(uri, result.version, 30000);
    const settled = await within(Promise.allSettled(result.hovers), 10000, `answers to all ${result.hovers.length} hovers`);
    assert.ok(settled.every((s) => s.status === 'fulfilled'), 'every hover of the line-end storm is answered');
    await assertSameAsFresh(client, final, result.text, 'line-end');
  });

  it('ends a burst of edits with the default debounce with the diagnostics of the final text', async () => {
    const client = await servers.start();
    const uri = 'untitled:storm-debounced.md';
    await openAndWait(client, uri, PLAN);
    const result = storm(client, uri, PLAN, 300, 99, 25);
    const final = await client.waitForDiagnostics(uri, result.version, 30000);
    const settled = await within(Promise.allSettled(result.hovers), 10000, `answers to all ${result.hovers.length} hovers`);
    assert.ok(settled.every((s) => s.status === 'fulfilled'), 'every hover of the debounced storm is answered');
    await new Promise((r) => setTimeout(r, 400));
    const latest = client.diagnostics.get(uri)!;
    assert.strictEqual(latest.version, result.version, `the last diagnostics published are for the final version ${result.version}, not ${latest.version}`);
    await assertSameAsFresh(client, final, result.text, 'debounced');
  });
});
