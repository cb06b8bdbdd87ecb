// Protocol tests of the drafting workflow: fuzzy completion, coverage, inlay hints, links, symbols, extra sources.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, positionOf } from '../support/lspClient';

describe('the drafting workflow over the protocol', function () {
  this.timeout(20000);
  let client: LspClient;
  let workspace: string;
  let capabilities: any;
  const uri = (name: string) => pathToFileURL(path.join(workspace, name)).toString();
  const planA = '# 方案甲\n\n## 金融\n\n落实表1第35项和表1第12项。\n\n## 人才\n\n推进表5第1至3项。\n';
  const planB = '# 方案乙\n\n落实T1.35，另见表4第9项。\n';

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-flow-'));
    fs.writeFileSync(path.join(workspace, 'a.md'), planA);
    fs.writeFileSync(path.join(workspace, 'b.md'), planB);
    fs.writeFileSync(path.join(workspace, 'notes.txt'), '备忘：表2第1项。\n');
    client = new LspClient();
    client.configuration = {};
    capabilities = (await client.initialize({ rootPath: workspace, configuration: true, workspace: { codeLens: { refreshSupport: true } } })).capabilities;
    client.open(uri('a.md'), planA);
    await client.waitForDiagnostics(uri('a.md'));
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** Changes the settings the client answers with, and waits until the server has re-read them and re-checked. */
  async function changeSettings(settings: unknown) {
    client.configuration = settings;
    const applied = client
      .waitFor((m) => m.method === 'workspace/configuration', 5000, 'the server to ask for settings')
      .then(() => client.waitForDiagnostics(uri('a.md')));
    client.notify('workspace/didChangeConfiguration', { settings: null });
    await applied;
  }

  async function complete(text: string, name = 'untitled:c.md') {
    client.open(name, text);
    const lines = text.split('\n');
    const list = await client.request('textDocument/completion', {
      textDocument: { uri: name },
      position: { line: lines.length - 1, character: lines[lines.length - 1].length },
    });
    client.notify('textDocument/didClose', { textDocument: { uri: name } });
    return list;
  }

  it('ranks 数字人民币 first for @数字人民币 and replaces the @words with a reference', async () => {
    const list = await complete('推动@数字人民币');
    assert.strictEqual(list.isIncomplete, true, 'asks again as the query grows');
    assert.strictEqual(list.items[0].label, '表1第35项');
    assert.strictEqual(list.items[0].textEdit.newText, '表1第35项');
    assert.deepStrictEqual(list.items[0].textEdit.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 8 } });
    assert.strictEqual(list.items[0].detail, '金融服务领域');
    assert.ok(list.items[0].documentation.value.includes('拓展数字人民币应用场景'));
    assert.ok(list.items.every((i: any) => i.filterText === '@数字人民币'), 'every item keeps the typed text as its filter');
    const sorted = [...list.items].sort((a: any, b: any) => a.sortText.localeCompare(b.sortText));
    assert.deepStrictEqual(sorted.map((i: any) => i.label), list.items.map((i: any) => i.label), 'sortText keeps the server order');
  });

  it('matches pinyin and initials', async () => {
    assert.strictEqual((await complete('@shuzirenminbi')).items[0].label, '表1第35项');
    assert.strictEqual((await complete('@szrmb')).items[0].label, '表1第35项');
  });

  it('inserts the reference and the quoted full text for @@', async () => {
    const list = await complete('@@数字人民币');
    assert.strictEqual(list.items[0].textEdit.newText, '表1第35项“推动广州市数字人民币试点工作，拓展数字人民币应用场景，提升支付数字化、便捷化水平”');
  });

  it('follows policyLens.referenceStyle and policyLens.completion.trigger', async () => {
    await changeSettings({ referenceStyle: 'T1.35', completion: { trigger: '#' } });
    const list = await complete('推动#数字人民币');
    assert.strictEqual(list.items[0].label, 'T1.35');
    assert.strictEqual(await complete('推动@数字人民币'), null, 'the old trigger no longer searches');
    await changeSettings({});
  });

  it('still completes 表1第 after the fuzzy search is added', async () => {
    assert.strictEqual((await complete('见表1第')).items.length, 57);
  });

  it('reports coverage of the given documents, and of the whole workspace without any', async () => {
    const some = await client.request('policyLens/coverage', { uris: [uri('a.md')] });
    assert.strictEqual(some.total, 130);
    assert.strictEqual(some.cited, 5);
    const t135 = some.tasks.find((t: any) => t.id === 'T1.35');
    assert.strictEqual(t135.locations.length, 1);
    assert.strictEqual(t135.locations[0].uri, uri('a.md'));
    assert.deepStrictEqual(t135.locations[0].range.start, positionOf(planA, '表1第35项'));
    assert.strictEqual(some.tasks.find((t: any) => t.id === 'T5.2').locations[0].text, '表5第1至3项');
    assert.strictEqual(some.tables.length, 5);
    const all = await client.request('policyLens/coverage', {});
    const cited = new Set(all.tasks.filter((t: any) => t.locations.length).map((t: any) => t.id));
    assert.deepStrictEqual([...cited].sort(), ['T1.12', 'T1.35', 'T2.1', 'T4.9', 'T5.1', 'T5.2', 'T5.3']);
    assert.strictEqual(all.tasks.find((t: any) => t.id === 'T1.35').locations.length, 2, 'cited in a.md and b.md');
  });

  it('gives an inlay hint with a short label after each reference', async () => {
    const hints = await client.request('textDocument/inlayHint', {
      textDocument: { uri: uri('a.md') },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    });
    assert.strictEqual(hints.length, 3);
    const at = positionOf(planA, '表1第12项', '表1第12项'.length);
    const t12 = hints.find((h: any) => h.position.line === at.line && h.position.character === at.character);
    assert.ok(t12, 'a hint sits right after 表1第12项');
    assert.match(t12.label, /^‹商务服务·/);
  });

  it('links each reference to its task line in the source', async () => {
    const links = await client.request('textDocument/documentLink', { textDocument: { uri: uri('a.md') } });
    assert.strictEqual(links.length, 3);
    assert.ok(links[0].target.endsWith('seeds/000_a08c9159ea97f61a.txt#L172'), links[0].target);
  });

  it('lists the cited tasks under the plan headings as document symbols', async () => {
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: uri('a.md') } });
    assert.strictEqual(symbols.length, 1);
    assert.strictEqual(symbols[0].name, '方案甲');
    const [finance, talent] = symbols[0].children;
    assert.deepStrictEqual(finance.children.map((c: any) => c.name), ['表1第35项', '表1第12项']);
    assert.deepStrictEqual(talent.children.map((c: any) => c.name), ['表5第1至3项']);
  });

  it('counts above each task of the open source the places the workspace cites it, and asks again when a plan changes', async () => {
    assert.deepStrictEqual(capabilities.codeLensProvider, { resolveProvider: false });
    const seedFile = path.resolve(__dirname, '..', '..', '..', 'seeds', '000_a08c9159ea97f61a.txt');
    const seedUri = pathToFileURL(seedFile).toString();
    client.open(seedUri, fs.readFileSync(seedFile, 'utf8'), 'plaintext');
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri: seedUri } });
    assert.strictEqual(lenses.length, 130);
    // 表1第35项: a.md and b.md (T1.35), in the workspace's folder
    const t35 = lenses.find((l: any) => l.range.start.line === 171);
    assert.strictEqual(t35.command.title, '引用 2 处');
    assert.deepStrictEqual(t35.command.arguments[2].map((p: any) => p.uri).sort(), [uri('a.md'), uri('b.md')]);
    assert.strictEqual(await client.request('textDocument/codeLens', { textDocument: { uri: uri('a.md') } }), null, 'a plan has none');
    // a plan edited: the client is asked to fetch the counts again, once the typing pauses
    const refreshed = client.waitFor((m) => m.method === 'workspace/codeLens/refresh', 5000, 'a code lens refresh');
    client.change(uri('a.md'), 2, [{ text: planA + '\n另见表1第35项。\n' }]);
    await refreshed;
    const again = await client.request('textDocument/codeLens', { textDocument: { uri: seedUri } });
    assert.strictEqual(again.find((l: any) => l.range.start.line === 171).command.title, '引用 3 处');
    client.change(uri('a.md'), 3, [{ text: planA }]);
    client.notify('textDocument/didClose', { textDocument: { uri: seedUri } });
  });

  it('completes the units the plan names after 配合单位： and a 、, where a trigger character asks', async () => {
    assert.ok(capabilities.completionProvider.triggerCharacters.includes('、') && capabilities.completionProvider.triggerCharacters.includes('：'));
    assert.ok(capabilities.completionProvider.triggerCharacters.includes('《'), 'the sources\' titles after 《');
    const text = '1. 落实表1第12项。牵头单位：区商务局；配合单位：区财政局。\n2. 落实表1第13项。牵头单位：区商务局；配合单位：区财政局、';
    client.open('untitled:units.md', text);
    const list = await client.request('textDocument/completion', { textDocument: { uri: 'untitled:units.md' }, position: positionOf(text, text, text.length), context: { triggerKind: 2, triggerCharacter: '、' } });
    assert.deepStrictEqual(list.items.map((i: any) => i.label).sort(), ['区商务局', '区财政局'].sort());
    assert.deepStrictEqual(list.items.map((i: any) => i.textEdit.range.start), [positionOf(text, text, text.length), positionOf(text, text, text.length)], 'inserted after the 、');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'untitled:units.md' }, position: positionOf(text, '区财政局', 1) });
    assert.strictEqual(hover.contents.value, '**区财政局**  \n配合 1 项任务：表1第12项', 'and a hover over a unit says its share (the list being typed is not read yet)');
    client.notify('textDocument/didClose', { textDocument: { uri: 'untitled:units.md' } });
  });

  it('reads a plan on disk again when the editor\'s watcher says it changed, though its size and time look the same', async () => {
    const file = path.join(workspace, 'b.md');
    const cites = async (id: string) => (await client.request('policyLens/coverage', {})).tasks.find((t: any) => t.id === id).locations.some((l: any) => l.uri === uri('b.md'));
    // a modification time in whole seconds, the same before and after the change (as a save within the resolution)
    const when = new Date(2030, 0, 1);
    fs.utimesSync(file, when, when);
    assert.ok(await cites('T4.9'));
    fs.writeFileSync(file, planB.replace('表4第9项', '表4第8项'));
    fs.utimesSync(file, when, when);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('b.md'), type: 2 }] });
    assert.ok(await cites('T4.8'), 'read again');
    assert.ok(!(await cites('T4.9')));
    fs.writeFileSync(file, planB);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('b.md'), type: 2 }] });
  });

  it('renames a unit throughout the plan, and refuses a name that cannot be one', async () => {
    assert.deepStrictEqual(capabilities.renameProvider, { prepareProvider: true });
    const text = '1. 落实表1第23项。牵头单位：区金融局。\n2. 落实表1第24项，由区金融局牵头。\n';
    client.open('untitled:rename.md', text);
    const at = { textDocument: { uri: 'untitled:rename.md' }, position: positionOf(text, '区金融局', 1) };
    const highlighted = await client.request('textDocument/documentHighlight', at);
    assert.deepStrictEqual(highlighted.map((h: any) => h.range.start.line), [0, 1], 'the unit, highlighted where the plan writes it');
    const prepared = await client.request('textDocument/prepareRename', at);
    assert.strictEqual(prepared.placeholder, '区金融局');
    const edit = await client.request('textDocument/rename', { ...at, newName: '区金融工作局' });
    assert.deepStrictEqual(edit.changes['untitled:rename.md'].map((e: any) => [e.range.start.line, e.newText]), [[0, '区金融工作局'], [1, '区金融工作局']]);
    const refused = await client.request('textDocument/rename', { ...at, newName: '' }).then(() => undefined, (e: any) => e);
    assert.strictEqual(refused?.code, -32602, 'InvalidParams');
    assert.strictEqual(await client.request('textDocument/prepareRename', { ...at, position: positionOf(text, '表1第23项', 2) }), null);
    client.notify('textDocument/didClose', { textDocument: { uri: 'untitled:rename.md' } });
  });

  it('highlights the places that cite the task under the cursor, and finds tasks as workspace symbols', async () => {
    assert.strictEqual(capabilities.documentHighlightProvider, true);
    assert.strictEqual(capabilities.workspaceSymbolProvider, true);
    const highlights = await client.request('textDocument/documentHighlight', { textDocument: { uri: uri('a.md') }, position: positionOf(planA, '表1第12项', 2) });
    assert.deepStrictEqual(highlights, [{ range: { start: positionOf(planA, '表1第12项'), end: positionOf(planA, '表1第12项', 6) }, kind: 1 }]);
    assert.strictEqual(await client.request('textDocument/documentHighlight', { textDocument: { uri: uri('a.md') }, position: positionOf(planA, '方案甲') }), null);
    const symbols = await client.request('workspace/symbol', { query: '数字人民币' });
    assert.match(symbols[0].name, /^表1第35项 · T1\.35 推动广州市数字人民币试点工作/);
    assert.strictEqual(symbols[0].kind, 20);
    assert.ok(symbols[0].location.uri.endsWith('seeds/000_a08c9159ea97f61a.txt'), symbols[0].location.uri);
    assert.strictEqual(symbols[0].location.range.start.line, 171, 'the task\'s line, as the document link leads (#L172)');
  });
});

describe('extra policy sources (policyLens.sources)', function () {
  this.timeout(20000);
  it('indexes a second document under its prefix, and names the file and line of a broken one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-src-'));
    fs.writeFileSync(path.join(dir, 'sz.txt'), '深圳市试点方案\n\n表 1 第一批任务\n\n类别\t试点任务\n金融\t1. 支持深圳设立试点。\n\t2. 推进第二项工作。\n');
    fs.writeFileSync(path.join(dir, 'broken.txt'), '某方案\n\n表 1 任务\n\n类别\t试点任务\n甲\t1. 第一项。\n\t3. 跳号了。\n');
    const client = new LspClient();
    try {
      client.configuration = { sources: [{ path: 'sz.txt', prefix: 'SZ' }, { path: 'broken.txt', prefix: 'BR' }] };
      await client.initialize({ rootPath: dir, configuration: true });
      // asked at once, before the server has read its settings: the answer must already know the SZ source
      client.open('untitled:early.md', '对照SZ表1第2项。');
      const early = await client.request('textDocument/documentLink', { textDocument: { uri: 'untitled:early.md' } });
      assert.strictEqual(early.length, 1);
      assert.deepStrictEqual(early[0].range, { start: { line: 0, character: 2 }, end: { line: 0, character: 9 } }, 'the link covers SZ表1第2项');
      assert.match(early[0].target, /sz\.txt#L7$/);
      const isError = (m: any) => (m.method === 'window/showMessage' || m.method === 'window/showMessageRequest') && m.params.type === 1;
      if (![...client.notifications, ...client.serverRequests].some(isError)) await client.waitFor(isError, 8000, 'an error message');
      const shown = [...client.notifications, ...client.serverRequests].filter((m) => /window\/showMessage/.test(m.method) && m.params.type === 1);
      assert.strictEqual(shown.length, 1, 'one error for the broken source');
      assert.match(shown[0].params.message, /broken\.txt:7: /);
      client.open('untitled:p.md', '落实SZ表1第2项和表1第12项，以及SZ:T1.3。见BR表1第1项。');
      const published = await client.waitForDiagnostics('untitled:p.md');
      const unknown = published.diagnostics.filter((d) => d.code === 'unknown-task');
      assert.strictEqual(unknown.length, 2, JSON.stringify(published.diagnostics));
      assert.match(unknown[0].message, /SZ:T1\.3/);
      assert.match(unknown[1].message, /“BR”的政策文件未能加载/, 'a reference to the source that failed is not read as the default source');
      const hover = await client.request('textDocument/hover', { textDocument: { uri: 'untitled:p.md' }, position: { line: 0, character: 4 } });
      assert.ok(hover.contents.value.includes('推进第二项工作'));
      assert.ok(hover.contents.value.includes('sz.txt'));
      const coverage = await client.request('policyLens/coverage', { uris: ['untitled:p.md'] });
      assert.deepStrictEqual(coverage.tasks.filter((t: any) => t.locations.length).map((t: any) => t.id), ['T1.12', 'SZ:T1.2'],
        'SZ表1第2项 is counted under its own source, not as the default 表1第2项');
      assert.deepStrictEqual(coverage.sources.map((s: any) => s.prefix), ['', 'SZ'], 'coverage groups the tasks by source');
      assert.ok(client.notifications.some((m) => m.method === 'policyLens/indexChanged'), 'the client is told that derived answers are stale');
      const [sz] = await client.request('workspace/symbol', { query: 'SZ表1第2项' });
      assert.match(sz.name, /^SZ表1第2项 · SZ:T1\.2 推进第二项工作/, 'a task of the extra source, under its prefix');
      assert.ok(sz.location.uri.endsWith('/sz.txt'), sz.location.uri);
      assert.match(sz.containerName, /^SZ · /);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
