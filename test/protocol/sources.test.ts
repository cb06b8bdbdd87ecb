// A sibling source (a Markdown 总体方案 with 附表, 序号 and 牵头单位 columns, its own subjects) checked end to end:
// the editor's diagnostics over LSP and `policy-lens check` with the same settings must be the same.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspClient, positionOf, ROOT } from '../support/lspClient';
import { byPosition, withSourceWorkspace } from '../support/sourceWorkspace';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'sources');
/** A plan with a wrong 外资比例 for SZ表1第3项, a wrong 从业年限, an unknown SZ task and a misquote of 表1第12项. */
const PLAN = fs.readFileSync(path.join(FIXTURES, 'shenzhen-plan.md'), 'utf8') +
  '\n六、落实表1第12项：“允许外商投资社会调查，中方股比不低于67%，法定代表人应具有中国国籍”。\n';

/** The editor's settings section, as VS Code sends it for the flat keys of .vscode/settings.json below. */
const SECTION = {
  sources: [{ path: 'policies/shenzhen.md', prefix: 'SZ' }],
  diagnostics: { 'unknown-task': { severity: 'warning' }, misquote: { severity: 'off' } },
};
const SETTINGS_JSON = `{
  // Policy Lens: the Shenzhen 总体方案 next to the default source
  "policyLens.sources": [{ "path": "policies/shenzhen.md", "prefix": "SZ" }],
  "policyLens.diagnostics.unknown-task.severity": "warning",
  "policyLens.diagnostics.misquote.severity": "off",
}
`;

describe('a sibling source through the server and the CLI', function () {
  this.timeout(30000);
  const ws = withSourceWorkspace(SETTINGS_JSON, SECTION, PLAN);

  it('reports the wrong 外资比例 of SZ表1第3项 against the sibling source, in the editor', () => {
    const mismatch = ws.diagnostics.filter((d) => d.code === 'threshold-mismatch');
    assert.deepStrictEqual(mismatch.map((d) => d.range.start), [positionOf(PLAN, '不超过60%'), positionOf(PLAN, '不少于3年')], JSON.stringify(ws.diagnostics));
    assert.match(mismatch[0].message, /与SZ表1第3项不符：原文为“外资比例不超过49%”/);
    assert.strictEqual(mismatch[0].relatedInformation[0].location.uri, pathToFileURL(path.join(ws.dir, 'policies', 'shenzhen.md')).toString(), 'the related location is the sibling source');
  });

  it('shows on hover the sibling task with its source\'s own columns (牵头单位)', async () => {
    const hover = await ws.client.request('textDocument/hover', { textDocument: { uri: ws.planUri }, position: positionOf(PLAN, 'SZ表1第3项', 3) });
    assert.match(hover.contents.value, /外资比例不超过49%/);
    assert.match(hover.contents.value, /牵头单位：市司法局/);
  });

  it('counts the sibling source\'s tasks in the coverage, under their prefix', async () => {
    const coverage = await ws.client.request('policyLens/coverage', { uris: [ws.planUri] });
    assert.deepStrictEqual(coverage.sources.map((x: any) => x.prefix), ['', 'SZ']);
    assert.strictEqual(coverage.tasks.find((t: any) => t.id === 'SZ:T1.3').state, 'cited');
    assert.strictEqual(coverage.total, 130 + coverage.tasks.filter((t: any) => t.prefix === 'SZ').length);
  });

  it("leaves the source's own text unchecked: opened in the editor, walked for the workspace's coverage or by the CLI", async () => {
    const file = path.join(ws.dir, 'policies', 'shenzhen.md');
    const sourceUri = pathToFileURL(file).toString();
    ws.client.open(sourceUri, fs.readFileSync(file, 'utf8'));
    assert.deepStrictEqual((await ws.client.waitForDiagnostics(sourceUri)).diagnostics, [], 'no finding on the source itself');
    const workspace = await ws.client.request('policyLens/coverage', {});
    const places = workspace.tasks.flatMap((t: any) => [...t.locations, ...t.restatedAt].map((l: any) => l.uri));
    assert.ok(places.length && places.every((uri: string) => uri === ws.planUri), [...new Set(places)].join(' '));
    ws.client.notify('textDocument/didClose', { textDocument: { uri: sourceUri } });
    const walked = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: ws.dir, encoding: 'utf8' });
    assert.deepStrictEqual(JSON.parse(walked.stdout).map((r: any) => r.file), ['plan.md'], walked.stderr);
    const named = spawnSync(process.execPath, [CLI, 'check', 'policies/shenzhen.md'], { cwd: ws.dir, encoding: 'utf8' });
    assert.deepStrictEqual([named.status, named.stdout, named.stderr], [0, '', 'policy-lens: policies/shenzhen.md is the text of a policy source, not a plan: not checked\n']);
  });

  it('follows the severities of the settings: unknown-task a warning, misquote off', () => {
    const unknown = ws.diagnostics.filter((d) => d.code === 'unknown-task');
    assert.strictEqual(unknown.length, 1, JSON.stringify(ws.diagnostics));
    assert.strictEqual(unknown[0].severity, 2, 'unknown-task is a warning');
    assert.ok(!ws.diagnostics.some((d) => d.code === 'misquote'), 'misquote is off');
    fs.writeFileSync(path.join(ws.dir, 'lens.json'), JSON.stringify({ 'policyLens.sources': SECTION.sources }));
    const r = spawnSync(process.execPath, [CLI, 'check', 'plan.md', '--config', 'lens.json'], { cwd: ws.dir, encoding: 'utf8' });
    assert.match(r.stdout, /warning misquote/, 'without the setting the plan has a misquote to turn off');
  });

  it('shows a task of the sibling source on hover', async () => {
    const hover = await ws.client.request('textDocument/hover', { textDocument: { uri: ws.planUri }, position: positionOf(PLAN, 'SZ表1第3项', 3) });
    assert.ok(hover.contents.value.includes('支持外商投资设立律师事务所联营机构'), hover.contents.value);
  });

  it('gives exactly the editor diagnostics from policy-lens check in the folder (.vscode/settings.json)', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', 'plan.md', '--format', 'json'], { cwd: ws.dir, encoding: 'utf8' });
    assert.strictEqual(r.status, 1, r.stderr);
    const cli = JSON.parse(r.stdout)[0].diagnostics.slice().sort(byPosition);
    assert.deepStrictEqual(cli, ws.diagnostics, 'the CLI and the editor agree');
  });

  it('gives exactly the editor diagnostics from policy-lens check --config elsewhere', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', path.join(ws.dir, 'plan.md'), '--format', 'json', '--config', path.join(ws.dir, '.vscode', 'settings.json')], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 1, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout)[0].diagnostics.slice().sort(byPosition), ws.diagnostics, 'the CLI and the editor agree');
  });
});

describe('a sibling source without a task list, in the editor and the CLI', function () {
  this.timeout(30000);
  it('gives one error naming the file and why in both', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-notasks-'));
    const client = new LspClient();
    try {
      fs.writeFileSync(path.join(dir, 'notes.md'), '# 会议纪要\n\n只有正文。\n');
      fs.writeFileSync(path.join(dir, 'plan.md'), '落实表4第9项。\n');
      fs.writeFileSync(path.join(dir, 'lens.json'), JSON.stringify({ 'policyLens.sources': [{ path: 'notes.md', prefix: 'NO' }] }));
      const why = `${path.join(dir, 'notes.md')}:1: no task list found`;
      client.configuration = { sources: [{ path: 'notes.md', prefix: 'NO' }] };
      await client.initialize({ rootPath: dir, configuration: true });
      const isError = (m: any) => /^window\/showMessage/.test(m.method) && m.params.type === 1;
      const seen = () => [...client.notifications, ...client.serverRequests].find(isError);
      const shown = seen() ?? (await client.waitFor(isError, 8000, 'an error message'));
      assert.ok(shown.params.message.includes(why), shown.params.message);
      const r = spawnSync(process.execPath, [CLI, 'check', 'plan.md', '--config', 'lens.json'], { cwd: dir, encoding: 'utf8' });
      assert.strictEqual(r.status, 2);
      assert.ok(r.stderr.includes(why), r.stderr);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the default source opened in the editor (go to definition opens it)', function () {
  this.timeout(30000);
  it('publishes no finding on its text (its status says it is a source), and still checks a plan', async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      const seed = path.join(ROOT, 'seeds', fs.readdirSync(path.join(ROOT, 'seeds')).find((f) => f.endsWith('.txt'))!);
      const seedUri = pathToFileURL(seed).toString();
      client.open(seedUri, fs.readFileSync(seed, 'utf8'), 'plaintext');
      assert.deepStrictEqual((await client.waitForDiagnostics(seedUri)).diagnostics, []);
      // and the language status says why
      assert.deepStrictEqual((await client.request('policyLens/status', { uri: seedUri })).document, { errors: 0, warnings: 0, others: 0, tooLarge: false, source: true });
      client.open('untitled:plan.md', '落实表1第99项。\n');
      assert.strictEqual((await client.waitForDiagnostics('untitled:plan.md')).diagnostics.length, 1);
    } finally {
      await client.shutdown();
    }
  });
});

describe('a sibling source kept as PDF', function () {
  this.timeout(30000);
  it('is read from the PDF, and go to definition leads into the editor\'s view of its text (unchecked), at the task\'s line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-pdf-sibling-'));
    const client = new LspClient();
    try {
      fs.mkdirSync(path.join(dir, 'policies'));
      const pdf = path.join(dir, 'policies', 'shenzhen.pdf');
      fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'pdf', 'shenzhen.pdf'), pdf);
      client.configuration = { sources: [{ path: 'policies/shenzhen.pdf', prefix: 'SZ' }] };
      await client.initialize({ rootPath: dir, configuration: true });
      const planUri = pathToFileURL(path.join(dir, 'plan.md')).toString();
      client.open(planUri, PLAN);
      const ds = (await client.waitForDiagnostics(planUri)).diagnostics;
      assert.ok(ds.some((d: any) => d.code === 'threshold-mismatch' && d.message.includes('SZ表1第3项')), JSON.stringify(ds));
      const [target] = await client.request('textDocument/definition', { textDocument: { uri: planUri }, position: positionOf(PLAN, 'SZ表1第3项', 3) });
      const view = `policy-lens-word:${pathToFileURL(pdf).toString().slice('file://'.length)}`;
      assert.strictEqual(target.uri, view);
      // the view's text is the PDF's, as the server reads it: the task stands on the line the definition names
      const { text } = await client.request('policyLens/extractPlan', { uri: pathToFileURL(pdf).toString() });
      assert.match(text.split('\n')[target.range.start.line], /^\| 3 \| 商务服务领域 \| 支持外商投资设立律师事务所联营机构/);
      client.open(view, text, 'markdown');
      assert.deepStrictEqual((await client.waitForDiagnostics(view)).diagnostics, [], 'the source is not checked as a plan');
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
