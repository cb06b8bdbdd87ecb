// Protocol tests of reading plans from disk: policyLens/extractPlan, the Word plan view, and workspace plans in any encoding.
import * as assert from 'assert';
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ASSIGNMENTS_REQUEST, EXTRACT_PLAN_REQUEST, WORD_PLAN_SCHEME } from '../../server/src/shared/protocol';
import { LspClient, positionOf } from '../support/lspClient';
import { makeDocx, makeRevisedDocx, REVISED_MARKDOWN, WORD_PLAN, WORD_PLAN_MARKDOWN, WORD_PLAN_PARAGRAPHS } from '../support/docxFixture';
import { makeWorkbook, WORKBOOK_MARKDOWN } from '../support/xlsxFixture';

describe('plans read from disk, over the protocol', function () {
  this.timeout(20000);
  let client: LspClient;
  let workspace: string;
  const file = (name: string) => path.join(workspace, name);
  const uri = (name: string) => pathToFileURL(file(name)).toString();
  /** The client's view of a Word plan, as VS Code writes its URI. */
  const view = (name: string) => `${WORD_PLAN_SCHEME}:${uri(name).slice('file://'.length)}`;
  const citedAt = (coverage: any, id: string) => coverage.tasks.find((t: any) => t.id === id).locations.map((l: any) => l.uri);

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-extract-'));
    fs.writeFileSync(file('plan.docx'), await makeDocx(WORD_PLAN));
    fs.writeFileSync(file('分工表.xlsx'), await makeWorkbook());
    fs.writeFileSync(file('~$plan.docx'), Buffer.from([0x0b, 0x41, 0x00, 0x64]));
    fs.writeFileSync(file('gb.md'), iconv.encode('# 区方案\n\n落实表2第7项。\n', 'gb18030'));
    fs.writeFileSync(file('broken.md'), Buffer.from('89504e470d0a1a0a0000', 'hex'));
    fs.writeFileSync(file('fake.docx'), '落实表1第1项。');
    client = new LspClient();
    await client.initialize({ rootPath: workspace });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('answers policyLens/extractPlan with the Markdown of a Word plan and the paragraph of each line', async () => {
    const result = await client.request(EXTRACT_PLAN_REQUEST.method, { uri: uri('plan.docx') });
    assert.deepStrictEqual(result, { text: WORD_PLAN_MARKDOWN, paragraphOfLine: WORD_PLAN_PARAGRAPHS });
  });

  it('says of a Word plan with tracked changes (修订) that its text is Word\'s Final view', async () => {
    fs.writeFileSync(path.join(workspace, '修订稿.docx'), await makeRevisedDocx());
    try {
      const result = await client.request(EXTRACT_PLAN_REQUEST.method, { uri: uri('修订稿.docx') });
      assert.deepStrictEqual([result.text, result.revisions], [REVISED_MARKDOWN, true]);
    } finally {
      fs.rmSync(path.join(workspace, '修订稿.docx'));
    }
  });

  it('answers with the Markdown of an Excel 分工表, which its view checks like any plan', async () => {
    const result = await client.request(EXTRACT_PLAN_REQUEST.method, { uri: uri('分工表.xlsx') });
    assert.deepStrictEqual(result, { text: WORKBOOK_MARKDOWN });
    client.open(view('分工表.xlsx'), result.text);
    const published = await client.waitForDiagnostics(view('分工表.xlsx'));
    assert.deepStrictEqual(published.diagnostics.map((d: any) => d.code), ['threshold-mismatch', 'missing-lead-unit'], 'the 分工表 is not checked as its rows say');
    client.notify('textDocument/didClose', { textDocument: { uri: view('分工表.xlsx') } });
  });

  it('answers with the Markdown of a Word 97–2003 plan (.doc), and counts one in workspace coverage through its view', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-doc-'));
    const other = new LspClient();
    try {
      fs.copyFileSync(path.join(__dirname, '../../../test/fixtures/word97/word-plan.doc'), path.join(folder, '旧方案.doc'));
      await other.initialize({ rootPath: folder });
      const docUri = pathToFileURL(path.join(folder, '旧方案.doc')).toString();
      const result = await other.request(EXTRACT_PLAN_REQUEST.method, { uri: docUri });
      assert.match(result.text, /^# 黄埔区落实服务业扩大开放综合试点实施方案\n/);
      assert.strictEqual(result.paragraphOfLine.length, result.text.split('\n').length);
      const coverage = await other.request('policyLens/coverage', {});
      assert.deepStrictEqual(citedAt(coverage, 'T1.49'), [`${WORD_PLAN_SCHEME}:${docUri.slice('file://'.length)}`]);
    } finally {
      await other.shutdown();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads WPS Office\'s .wps and .et as the .doc and .xls they build on, and counts both in workspace coverage', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-wps-'));
    const other = new LspClient();
    try {
      fs.copyFileSync(path.join(__dirname, '../../../test/fixtures/word97/word-plan.doc'), path.join(folder, '方案.wps'));
      fs.copyFileSync(path.join(__dirname, '../../../test/fixtures/word97/workbook.xls'), path.join(folder, '任务分工表.et'));
      await other.initialize({ rootPath: folder });
      const wpsUri = pathToFileURL(path.join(folder, '方案.wps')).toString();
      const etUri = pathToFileURL(path.join(folder, '任务分工表.et')).toString();
      assert.match((await other.request(EXTRACT_PLAN_REQUEST.method, { uri: wpsUri })).text, /^# 黄埔区落实服务业扩大开放综合试点实施方案\n/);
      assert.strictEqual((await other.request(EXTRACT_PLAN_REQUEST.method, { uri: etUri })).text, WORKBOOK_MARKDOWN);
      const coverage = await other.request('policyLens/coverage', {});
      const inView = (u: string) => `${WORD_PLAN_SCHEME}:${u.slice('file://'.length)}`;
      assert.deepStrictEqual(citedAt(coverage, 'T1.49'), [inView(wpsUri)], 'the .wps plan is not counted');
      assert.deepStrictEqual(citedAt(coverage, 'T1.14'), [inView(etUri)], 'the .et 分工表 is not counted');
    } finally {
      await other.shutdown();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('answers with the decoded text of a GB18030 plan', async () => {
    const result = await client.request(EXTRACT_PLAN_REQUEST.method, { uri: uri('gb.md') });
    assert.strictEqual(result.text, '# 区方案\n\n落实表2第7项。\n');
  });

  it('answers with the reason when a file cannot be read, and never fails the request', async () => {
    assert.deepStrictEqual(await client.request(EXTRACT_PLAN_REQUEST.method, { uri: uri('fake.docx') }),
      { error: `cannot read ${file('fake.docx')}: not a Word .docx document` });
    assert.deepStrictEqual(await client.request(EXTRACT_PLAN_REQUEST.method, { uri: uri('broken.md') }),
      { error: `cannot read ${file('broken.md')}: not UTF-8, UTF-16 or GB18030 text` });
    assert.match((await client.request(EXTRACT_PLAN_REQUEST.method, { uri: uri('missing.docx') })).error, /^cannot read .*missing\.docx: ENOENT$/);
    assert.match((await client.request(EXTRACT_PLAN_REQUEST.method, { uri: 'untitled:x.docx' })).error, /^cannot read untitled:x\.docx: /);
    assert.match((await client.request(EXTRACT_PLAN_REQUEST.method, null)).error, /^cannot read /);
  });

  it('counts Word and GB18030 plans in workspace coverage, skipping files it cannot read, and places Word citations in the view', async () => {
    const coverage = await client.request('policyLens/coverage', {});
    assert.deepStrictEqual(citedAt(coverage, 'T2.7'), [uri('gb.md')], 'the GB18030 plan is not read');
    assert.deepStrictEqual(citedAt(coverage, 'T1.49'), [view('plan.docx')], 'the Word plan\'s citation is not in its view');
    assert.deepStrictEqual(citedAt(coverage, 'T1.1'), [], 'a fake .docx was read as text');
    // an Excel 分工表 (named so) counts, in its view; the 分工表 the extension exported does not (a plan's items again)
    assert.deepStrictEqual(citedAt(coverage, 'T1.14'), [view('分工表.xlsx')], 'the 分工表 workbook is not counted');
  });

  it('leaves out of workspace coverage a workbook not named as a 分工表, and the 分工表 the extension exported', async () => {
    // the export of a draft that is not on disk (opened, exported, closed): only the export cites 表3第5项
    client.open(uri('draft.md'), '1. 落实表3第5项（区商务局牵头）。\n');
    const result = await client.request(ASSIGNMENTS_REQUEST.method, { uris: [uri('draft.md')], format: 'xlsx' });
    client.notify('textDocument/didClose', { textDocument: { uri: uri('draft.md') } });
    fs.writeFileSync(file('导出任务分工表.xlsx'), Buffer.from(result.content, 'base64'));
    fs.writeFileSync(file('统计数据.xlsx'), await makeWorkbook());
    try {
      const coverage = await client.request('policyLens/coverage', {});
      assert.deepStrictEqual(citedAt(coverage, 'T3.5'), [], 'the exported 分工表 was counted');
      assert.deepStrictEqual(citedAt(coverage, 'T1.14'), [view('分工表.xlsx')], 'a workbook not named 分工 was counted');
    } finally {
      fs.rmSync(file('导出任务分工表.xlsx'));
      fs.rmSync(file('统计数据.xlsx'));
    }
  });

  it('checks the open Word plan view like any plan, and counts the file once while it is open', async () => {
    const { text } = await client.request(EXTRACT_PLAN_REQUEST.method, { uri: uri('plan.docx') });
    client.open(view('plan.docx'), text);
    const published = await client.waitForDiagnostics(view('plan.docx'));
    const codes = published.diagnostics.map((d: any) => d.code).sort();
    assert.deepStrictEqual(codes, ['domain-mismatch', 'missing-area-task', 'missing-lead-unit', 'threshold-mismatch', 'threshold-mismatch', 'unknown-task'], JSON.stringify(published.diagnostics));
    const hover = await client.request('textDocument/hover', { textDocument: { uri: view('plan.docx') }, position: positionOf(text, '表4第9项', 2) });
    assert.match(hover.contents.value, /外国投资者资产总额/, 'no hover on 表4第9项 in the Word plan view');
    const coverage = await client.request('policyLens/coverage', {});
    assert.deepStrictEqual(citedAt(coverage, 'T1.49'), [view('plan.docx')], 'the open view and its file are counted twice');
    const refs = await client.request('textDocument/references', {
      textDocument: { uri: view('plan.docx') }, position: positionOf(text, 'T1.49', 1), context: { includeDeclaration: false },
    });
    assert.deepStrictEqual(refs.map((r: any) => r.uri), [view('plan.docx')]);
    client.notify('textDocument/didClose', { textDocument: { uri: view('plan.docx') } });
  });
});
