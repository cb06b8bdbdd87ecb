// A plan whose 分工表 is a file of its own, over the protocol: the Excel 分工表 beside an open plan is read and compared
// with its body; a change of the file on disk (workspace/didChangeWatchedFiles) or of a 分工表 open in the editor is
// followed by the plan's diagnostics, at the same version.
import * as assert from 'assert';
import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ASSIGNMENTS_REQUEST, STATUS_REQUEST } from '../../server/src/shared/protocol';
import { LspClient, PublishedDiagnostics, ROOT } from '../support/lspClient';
import { makeWorkbook } from '../support/xlsxFixture';

const BODY = [
  '# 番禺区实施方案',
  '',
  '1. 允许外商投资社会调查（表1第12项）。（区发展改革局牵头）',
  '2. 支持外商投资旅行社从事出境旅游业务（表1第13项）。（区文广旅体局牵头，2024年6月底前完成）',
  '',
].join('\n');

const codes = (d: PublishedDiagnostics) => d.diagnostics.map((x: any) => `${x.code}@${x.range.start.line}`).sort();

/**
 * Runs `test` with a server over a new folder holding `files` (path below the folder → contents), and `uri` of a path
 * in it; the server stops and the folder goes, whatever happens.
 */
async function inFolder(
  files: Record<string, string | Buffer>,
  test: (client: LspClient, uri: (name: string) => string, file: (name: string) => string) => Promise<void>,
  initializationOptions?: unknown,
): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-annex-'));
  const file = (name: string) => path.join(folder, name);
  const client = new LspClient();
  try {
    for (const [name, contents] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(file(name)), { recursive: true });
      fs.writeFileSync(file(name), contents);
    }
    await client.initialize({ rootPath: folder, initializationOptions });
    await test(client, (name) => pathToFileURL(file(name)).toString(), file);
  } finally {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

describe('a plan and its 分工表 in two files, over the protocol', function () {
  this.timeout(20000);
  let client: LspClient;
  let folder: string;
  const uri = (name: string) => pathToFileURL(path.join(folder, name)).toString();

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-annex-'));
    fs.writeFileSync(path.join(folder, '番禺区实施方案.md'), BODY);
    fs.writeFileSync(path.join(folder, '番禺区任务分工表.xlsx'), await makeWorkbook());
    client = new LspClient();
    await client.initialize({ rootPath: folder });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The next diagnostics of the plan (version 1) that satisfy `test`. */
  const next = (test: (d: PublishedDiagnostics) => boolean, what: string) =>
    client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri('番禺区实施方案.md') && test(m.params), 10000, what).then((m) => m.params as PublishedDiagnostics);

  it('compares the plan with the Excel 分工表 beside it: a lead and a deadline that differ from its rows', async () => {
    const compared = next((d) => d.diagnostics.some((x: any) => x.code === 'assignment-mismatch'), 'the comparison with the 分工表');
    client.open(uri('番禺区实施方案.md'), BODY);
    const d = await compared;
    assert.strictEqual(d.version, 1);
    const found = d.diagnostics.filter((x: any) => x.code === 'assignment-mismatch').map((x: any) => BODY.split('\n')[x.range.start.line].slice(x.range.start.character, x.range.end.character));
    assert.deepStrictEqual(found, ['区发展改革局', '2024年6月底前']);
    assert.match(d.diagnostics.find((x: any) => x.code === 'assignment-mismatch').message, /分工表为“区商务局”/);
    const status = await client.request(STATUS_REQUEST.method, { uri: uri('番禺区实施方案.md') });
    assert.strictEqual(status.document.annex, '番禺区任务分工表.xlsx', 'the status item names the 分工表');
  });

  it('follows the 分工表 when it changes on disk', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await makeWorkbook()) as unknown as ArrayBuffer);
    wb.getWorksheet('分工表')!.getCell('E4').value = '区发展改革局';
    fs.writeFileSync(path.join(folder, '番禺区任务分工表.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const again = next((d) => d.diagnostics.filter((x: any) => x.code === 'assignment-mismatch').length === 1, 'the plan checked with the new 分工表');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('番禺区任务分工表.xlsx'), type: 2 }] });
    const d = await again;
    assert.strictEqual(d.version, 1, 'the same version, published again');
    assert.deepStrictEqual(codes(d).filter((c) => c.startsWith('assignment-mismatch')), ['assignment-mismatch@3']);
  });

  it('reads a 分工表 open in the editor as it stands there, and follows its edits', async () => {
    const table = ['| 序号 | 任务 | 牵头单位 | 完成时限 |', '| --- | --- | --- | --- |', '| 1 | 表1第12项 | 区商务局 | 2025年底 |', '| 2 | 表1第13项 | 区文广旅体局 | 2024年6月 |', ''].join('\n');
    fs.writeFileSync(path.join(folder, '番禺区任务分工表.md'), table);
    fs.rmSync(path.join(folder, '番禺区任务分工表.xlsx'));
    const fromMarkdown = next((d) => codes(d).filter((c) => c.startsWith('assignment-mismatch')).join() === 'assignment-mismatch@2', 'the plan checked with the Markdown 分工表');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('番禺区任务分工表.xlsx'), type: 3 }, { uri: uri('番禺区任务分工表.md'), type: 1 }] });
    await fromMarkdown;
    client.open(uri('番禺区任务分工表.md'), table);
    const edited = next((d) => !d.diagnostics.some((x: any) => x.code === 'assignment-mismatch'), 'the plan checked with the edited 分工表');
    const line = 2;
    const at = table.split('\n')[line].indexOf('区商务局');
    client.change(uri('番禺区任务分工表.md'), 2, [{ range: { start: { line, character: at }, end: { line, character: at + 4 } }, text: '区发展改革局' }]);
    assert.strictEqual((await edited).version, 1);
  });
});

describe('the first diagnostics of a plan with its 分工表 beside it', function () {
  this.timeout(20000);
  it('already count the 分工表 (no warning the 分工表 answers that vanishes a moment later)', async () => {
    const body = '1. 允许外商投资社会调查（表1第12项）。（区发展改革局牵头）\n2. 支持外商投资旅行社从事出境旅游业务（表1第13项）。\n';
    const table = '| 任务 | 牵头单位 |\n| --- | --- |\n| 表1第12项 | 区商务局 |\n| 表1第13项 | 区文广旅体局 |\n';
    await inFolder({ '方案.md': body, '分工表.md': table }, async (client, uri) => {
      const first = client.waitForDiagnostics(uri('方案.md'));
      client.open(uri('方案.md'), body);
      // without the 分工表 the second item has no lead (missing-lead-unit) and nothing is compared
      assert.deepStrictEqual(codes(await first), ['assignment-mismatch@0']);
    });
  });
});

describe('a plan whose 分工表 is in its annex folder (附件/)', function () {
  this.timeout(20000);
  it('is checked with it, and follows it when it changes on disk', async () => {
    const body = '1. 允许外商投资社会调查（表1第12项）。（区发展改革局牵头）\n';
    const table = (lead: string) => `| 任务 | 牵头单位 |\n| --- | --- |\n| 表1第12项 | ${lead} |\n`;
    await inFolder({ '方案.md': body, '附件/分工表.md': table('区商务局') }, async (client, uri, file) => {
      const compared = client.waitForDiagnostics(uri('方案.md'));
      client.open(uri('方案.md'), body);
      assert.deepStrictEqual(codes(await compared), ['assignment-mismatch@0']);
      fs.writeFileSync(file('附件/分工表.md'), table('区发展改革局'));
      const again = client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri('方案.md') && !m.params.diagnostics.length, 10000, 'the plan checked with the changed 分工表');
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('附件/分工表.md'), type: 2 }] });
      assert.strictEqual((await again).params.version, 1);
    });
  });
});

describe('the 任务分工表 export of a plan on disk with its 分工表 beside it', function () {
  this.timeout(20000);
  it('checks the plan with the 分工表, as the CLI does', async () => {
    await inFolder({ '番禺区实施方案.md': BODY, '番禺区任务分工表.xlsx': await makeWorkbook() }, async (client, uri) => {
      const result = await client.request(ASSIGNMENTS_REQUEST.method, { uris: [uri('番禺区实施方案.md')], format: 'json' });
      const [table] = JSON.parse(result.content);
      assert.deepStrictEqual(table.rows.map((r: any) => r.findings.map((f: any) => f.code)), [['assignment-mismatch'], ['assignment-mismatch']]);
    });
  });
});

describe('a plan and its 分工表 in two files, when the sources change', function () {
  this.timeout(20000);
  const source = (prefix: string) => ({ path: path.join(ROOT, 'test/fixtures/sources/shenzhen.md'), prefix });

  it('reads the 分工表 again: its rows name the tasks of the sources it was read with', async () => {
    const body = '1. 支持外商投资设立律师事务所联营机构（SZ表1第3项）。（区发展改革局牵头）\n';
    const table = '| 任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- |\n| SZ表1第3项 | 区司法局 | 2025年底 |\n';
    await inFolder({ '方案.md': body, '分工表.md': table }, async (client, uri) => {
      const mismatch = (d: PublishedDiagnostics) => d.diagnostics.some((x: any) => x.code === 'assignment-mismatch' && /分工表为“区司法局”/.test(x.message));
      const published = (what: string) => client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri('方案.md') && mismatch(m.params), 10000, what);
      const compared = published('the comparison');
      client.open(uri('方案.md'), body);
      await compared;
      // the sources load again (one more): SZ表1第3项 is a task of the new index, and so must the 分工表's row be
      const again = published('the comparison with the new sources');
      client.notify('workspace/didChangeConfiguration', { settings: { policyLens: { sources: [source('SZ'), source('SZB')] } } });
      await again;
    }, { policyLens: { sources: [source('SZ')] } });
  });
});
