// The checks through the language server: every fixture case of test/fixtures/checks/*.md opened as a document of
// its own, its published diagnostics compared with the fixture, its quick fixes requested, applied with didChange
// and re-checked; severity settings through workspace/configuration; hover on a threshold.
import * as assert from 'assert';
import * as path from 'path';
import { LspClient, positionOf } from '../support/lspClient';
import {
  applyEdit, Case, compare, DEFAULT_SEVERITY, describeCase, fixtureFiles, offsetAt, parseFixture, Seen, whereOf,
} from '../fixtures/checks/cases';

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  source: string;
  message: string;
}

const FAST = { diagnostics: { debounceMs: 0 } };

function seen(text: string, diagnostics: Diagnostic[]): (Seen & { diagnostic: Diagnostic })[] {
  return diagnostics.map((d) => ({
    code: d.code, message: d.message, severity: d.severity, diagnostic: d,
    start: offsetAt(text, d.range.start), end: offsetAt(text, d.range.end),
  }));
}

function show(text: string, s: { code: string; start: number; end: number }): string {
  return `${s.code}@“${text.slice(s.start, s.end)}”`;
}

/** An open document whose text the test changes and whose diagnostics it waits for. */
class Doc {
  version = 1;
  constructor(readonly client: LspClient, readonly uri: string, public text: string) {}

  async open(): Promise<Diagnostic[]> {
    const published = this.client.waitForDiagnostics(this.uri);
    this.client.open(this.uri, this.text, 'markdown', this.version);
    return (await published).diagnostics;
  }

  async set(text: string): Promise<Diagnostic[]> {
    this.text = text;
    this.version++;
    const published = this.client.waitForDiagnostics(this.uri, this.version);
    this.client.change(this.uri, this.version, [{ text }]);
    return (await published).diagnostics;
  }

  close(): void {
    this.client.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
  }
}

describe('the checks through the language server', function () {
  this.timeout(60000);
  const clients: Partial<Record<'zh' | 'en', LspClient>> = {};
  const files = fixtureFiles();

  before(async () => {
    // one server per locale: the locale is fixed at initialize
    for (const locale of ['zh', 'en'] as const) {
      const client = new LspClient();
      await client.initialize({ locale: locale === 'zh' ? 'zh-cn' : 'en', initializationOptions: FAST });
      clients[locale] = client;
    }
  });

  after(async () => {
    for (const c of Object.values(clients)) await c!.shutdown();
  });

  async function runCase(c: Case): Promise<void> {
    const client = clients[c.locale]!;
    const doc = new Doc(client, `untitled:checks/${c.file.replace(/\.md$/, '')}/line-${c.line}.md`, c.text);
    try {
      const original = await doc.open();
      const found = seen(c.text, original);
      const { problems, matched } = compare(c, found);
      assert.ok(!problems, `the published diagnostics differ from the fixture:\n${problems}`);
      for (const s of found) assert.strictEqual(s.diagnostic.source, 'policy-lens', `${whereOf(c)}: ${show(c.text, s)} has source ${s.diagnostic.source}`);
      for (const [e, s0] of matched) {
        const s = s0 as ReturnType<typeof seen>[number];
        const at = `${whereOf(c)}: ${show(c.text, s)}`;
        assert.strictEqual(s.severity, DEFAULT_SEVERITY[e.code].lsp, `${at} has severity ${s.severity}, not ${DEFAULT_SEVERITY[e.code].lsp}`);
        for (const part of e.message) assert.ok(s.message.includes(part), `${at}: the message ${JSON.stringify(s.message)} does not contain ${JSON.stringify(part)}`);

        // quick fixes: asked for over the diagnostic's range, with the diagnostic in the context
        const actions: any[] = await client.request('textDocument/codeAction', {
          textDocument: { uri: doc.uri },
          range: s.diagnostic.range,
          context: { diagnostics: [s.diagnostic], only: ['quickfix'] },
        });
        const ofThis = actions.filter((a) => a.diagnostics?.some((d: Diagnostic) => d.code === e.code &&
          offsetAt(c.text, d.range.start) === s.start && offsetAt(c.text, d.range.end) === s.end));
        const own = ofThis.filter((a) => a.kind !== 'quickfix.disable' && a.kind !== 'quickfix.all');
        // fixing all of the code at once: offered only where the line has two or more of it, each edit a preferred fix
        const fixAll = ofThis.filter((a) => a.kind === 'quickfix.all');
        const sameCode = found.filter((x) => x.diagnostic.code === e.code).length;
        assert.ok(fixAll.length <= 1 && (fixAll.length === 0 || sameCode >= 2), `${at}: ${fixAll.length} fix-all actions for ${sameCode} findings of its code`);
        if (fixAll.length) assert.ok(fixAll[0].edit.changes[doc.uri].length >= 2, `${at}: “${fixAll[0].title}” makes fewer than two edits`);

        // the directive that silences it on its line: it goes, and every other finding stays
        const silence = ofThis.filter((a) => a.kind === 'quickfix.disable');
        assert.strictEqual(silence.length, 1, `${at}: ${silence.length} actions silence it, not one`);
        const line = s.diagnostic.range.start.line;
        const inserted = silence[0].edit.changes[doc.uri][0];
        assert.strictEqual(inserted.newText, ` <!-- policy-lens-disable-line ${e.code} -->`);
        const quiet = applyEdit(c.text, { start: offsetAt(c.text, inserted.range.start), end: offsetAt(c.text, inserted.range.end), newText: inserted.newText });
        const left = (ds: Diagnostic[]) => ds.filter((d) => !(d.code === e.code && d.range.start.line === line)).map((d) => `${d.code}@${d.range.start.line}`).sort();
        const silenced = await doc.set(quiet);
        assert.ok(!silenced.some((d) => d.code === e.code && d.range.start.line === line), `${at}: still reported after “${silence[0].title}”`);
        assert.deepStrictEqual(left(silenced), left(found.map((x) => x.diagnostic)), `${at}: “${silence[0].title}” changes other findings`);
        await doc.set(c.text);
        const edits = own.map((a) => {
          assert.strictEqual(a.kind, 'quickfix', `${at}: the action “${a.title}” has kind ${a.kind}`);
          const changes = a.edit.changes[doc.uri];
          assert.strictEqual(changes?.length, 1, `${at}: the action “${a.title}” should make one edit in this document`);
          const edit = changes[0];
          return { title: a.title, start: offsetAt(c.text, edit.range.start), end: offsetAt(c.text, edit.range.end), newText: edit.newText as string };
        });
        if (e.fixes) {
          assert.deepStrictEqual(edits.map((x) => x.newText), e.fixes,
            `${at}: the code actions replace with ${JSON.stringify(edits.map((x) => x.newText))}, the fixture expects ${JSON.stringify(e.fixes)}`);
        } else {
          assert.ok(edits.length, `${at}: the server offers no quick fix`);
        }
        for (const edit of edits) {
          const fixed = applyEdit(c.text, edit);
          const after = seen(fixed, await doc.set(fixed));
          const from = Math.min(edit.start, s.start);
          const to = Math.max(edit.start + edit.newText.length, s.start + 1);
          const still = after.filter((x) => x.code === e.code && x.start < to && x.end > from);
          assert.deepStrictEqual(still.map((x) => show(fixed, x)), [],
            `${at}: after “${edit.title}” and didChange the text reads ${JSON.stringify(fixed)}, and the server still publishes ${still.map((x) => show(fixed, x)).join(', ')}`);
          assert.ok(after.length < found.length,
            `${at}: after “${edit.title}” the server publishes ${after.length} diagnostics, no fewer than the ${found.length} before: ${after.map((x) => show(fixed, x)).join(', ')}`);
          await doc.set(c.text);
        }
      }
    } finally {
      doc.close();
    }
  }

  for (const file of files) {
    describe(path.basename(file), () => {
      for (const c of parseFixture(file)) it(describeCase(c), () => runCase(c));
    });
  }

  describe('hover on a threshold', () => {
    it('shows the source threshold over 51% in 中方股比不低于51% next to 表1第12项', async () => {
      const client = clients.zh!;
      const text = '落实表1第12项，允许外商投资社会调查，中方股比不低于51%。';
      const doc = new Doc(client, 'untitled:checks/hover-mismatch.md', text);
      await doc.open();
      try {
        const hover = await client.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: positionOf(text, '51%', 1) });
        assert.ok(hover, 'no hover over 51%');
        const value: string = hover.contents.value;
        assert.ok(value.includes('中方股比不低于67%'), `the hover does not show the source's 中方股比不低于67%: ${value}`);
        assert.ok(value.includes('表1第12项'), `the hover does not name the task: ${value}`);
        assert.ok(value.includes('与原文不符'), `the hover does not say the plan contradicts the source: ${value}`);
        assert.deepStrictEqual(hover.range, { start: positionOf(text, '不低于51%'), end: positionOf(text, '。') });
      } finally {
        doc.close();
      }
    });

    it('shows what a task cited in a form that is not read would be read as (表1（第15项）), in the client\'s locale', async () => {
      for (const [locale, head] of [['zh', '按“表1第15项”理解为'], ['en', 'read as "表1第15项" it names']] as const) {
        const client = clients[locale]!;
        const text = '落实表1（第15项），引进国际化优质项目。';
        const doc = new Doc(client, `untitled:checks/hover-lookalike-${locale}.md`, text);
        await doc.open();
        try {
          const hover = await client.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: positionOf(text, '第15项', 1) });
          assert.ok(hover?.contents.value.includes(head) && hover.contents.value.includes('T1.15'), JSON.stringify(hover));
          assert.deepStrictEqual(hover.range, { start: positionOf(text, '表1（'), end: positionOf(text, '，') });
        } finally {
          doc.close();
        }
      }
    });

    it('says an agreeing threshold agrees', async () => {
      const client = clients.zh!;
      const text = '落实表4第9项，外国投资者资产总额不低于两亿美元。';
      const doc = new Doc(client, 'untitled:checks/hover-agrees.md', text);
      await doc.open();
      try {
        const hover = await client.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: positionOf(text, '两亿', 1) });
        assert.ok(hover, 'no hover over 两亿美元');
        assert.ok(hover.contents.value.includes('与原文一致'), hover.contents.value);
        assert.ok(hover.contents.value.includes('两亿美元'), hover.contents.value);
      } finally {
        doc.close();
      }
    });
  });
});

/** A started server that asks its client for settings, answered with `configuration`, and has read them. */
async function configuredClient(configuration: unknown): Promise<LspClient> {
  const client = new LspClient();
  client.configuration = configuration;
  const asked = client.waitFor((m) => m.method === 'workspace/configuration', 10000, 'a workspace/configuration request');
  await client.initialize({ locale: 'zh-cn', configuration: true });
  await asked;
  // a round trip: the server has read the answer before the document opens
  await client.request('textDocument/hover', { textDocument: { uri: 'untitled:none.md' }, position: { line: 0, character: 0 } });
  return client;
}

/** Changes the settings the client answers with, tells the server, and returns the diagnostics it re-publishes for `uri`. */
async function changeSettingsOf(client: LspClient, uri: string, settings: unknown): Promise<Diagnostic[]> {
  client.configuration = settings;
  // the server pulls the settings, then re-publishes: anything published before its request is stale
  const asked = client.waitFor((m) => m.method === 'workspace/configuration', 10000, 'a workspace/configuration request');
  client.notify('workspace/didChangeConfiguration', { settings: null });
  await asked;
  return (await client.waitForDiagnostics(uri)).diagnostics;
}

describe('severity settings through workspace/configuration', function () {
  this.timeout(30000);
  let client: LspClient;
  const text = '1. 科技服务领域：落实表1第12项，中方股比不低于51%，“法定代表人应具有中国国籍”。';
  const byCode = (ds: Diagnostic[]) => Object.fromEntries(ds.map((d) => [d.code, d.severity]));

  before(async () => {
    client = await configuredClient({ diagnostics: { debounceMs: 0, misquote: { severity: 'off' }, 'threshold-mismatch': { severity: 'hint' } } });
  });

  after(async () => {
    await client.shutdown();
  });

  const changeSettings = (settings: unknown) => changeSettingsOf(client, 'untitled:checks/severity.md', settings);

  it('drops a code set to off and publishes a code set to hint with severity 4', async () => {
    const doc = new Doc(client, 'untitled:checks/severity.md', text);
    const diagnostics = await doc.open();
    assert.deepStrictEqual(byCode(diagnostics), { 'domain-mismatch': 2, 'threshold-mismatch': 4 },
      `published: ${JSON.stringify(diagnostics.map((d) => [d.code, d.severity]))}`);
  });

  it('re-publishes with the new severities when the settings change', async () => {
    const diagnostics = await changeSettings({ diagnostics: { debounceMs: 0, misquote: { severity: 'error' }, 'domain-mismatch': { severity: 'off' } } });
    assert.deepStrictEqual(byCode(diagnostics), { 'threshold-mismatch': 1, misquote: 1 },
      `published: ${JSON.stringify(diagnostics.map((d) => [d.code, d.severity]))}`);
  });

  it('keeps the quick fixes of a finding whose severity was changed', async () => {
    const diagnostics = await changeSettings({ diagnostics: { debounceMs: 0, 'threshold-mismatch': { severity: 'hint' } } });
    const hint = diagnostics.find((d) => d.code === 'threshold-mismatch')!;
    assert.strictEqual(hint?.severity, 4);
    const actions: any[] = await client.request('textDocument/codeAction', {
      textDocument: { uri: 'untitled:checks/severity.md' }, range: hint.range, context: { diagnostics: [hint] },
    });
    assert.ok(actions.some((a) => a.edit.changes['untitled:checks/severity.md'][0].newText === '67%'),
      `actions: ${JSON.stringify(actions.map((a) => a.title))}`);
  });
});

describe('policyLens.structure.requireDeadline through workspace/configuration', function () {
  this.timeout(30000);
  let client: LspClient;
  const uri = 'untitled:checks/deadlines.md';
  // one dated item of two: no convention of the plan, so auto flags nothing
  const text = '1. 落实表1第12项。牵头单位：区商务局；完成时限：2024年6月。\n2. 落实表1第13项。牵头单位：区商务局。\n';
  const deadlineFindings = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'missing-deadline').map((d) => [d.range.start.line, d.message]);

  before(async () => {
    client = await configuredClient({ diagnostics: { debounceMs: 0 } });
  });

  after(async () => {
    await client.shutdown();
  });

  it('flags the undated item only while the setting says always', async () => {
    const doc = new Doc(client, uri, text);
    assert.deepStrictEqual(deadlineFindings(await doc.open()), [], 'auto');
    const always = await changeSettingsOf(client, uri, { diagnostics: { debounceMs: 0 }, structure: { requireDeadline: 'always' } });
    assert.deepStrictEqual(deadlineFindings(always), [[1, '表1第13项的任务条目未明确完成时限']], 'always');
    const off = await changeSettingsOf(client, uri, { diagnostics: { debounceMs: 0 }, structure: { requireDeadline: 'off' } });
    assert.deepStrictEqual(deadlineFindings(off), [], 'off');
  });
});
