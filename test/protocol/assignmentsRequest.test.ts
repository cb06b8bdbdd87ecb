// policyLens/assignments over the protocol: the 任务分工表 of an open plan, of a plan on disk, of the workspace, and as a workbook.
import * as assert from 'assert';
import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ASSIGNMENTS_REQUEST } from '../../server/src/shared/protocol';
import { LspClient, ROOT } from '../support/lspClient';

describe('policyLens/assignments, over the protocol', function () {
  this.timeout(20000);
  let client: LspClient;
  let workspace: string;
  const uri = (name: string) => pathToFileURL(path.join(workspace, name)).toString();

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-assignments-'));
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/plans/district-table-plan.md'), path.join(workspace, 'table.md'));
    fs.writeFileSync(path.join(workspace, 'broken.md'), Buffer.from('89504e470d0a1a0a0000', 'hex'));
    client = new LspClient();
    await client.initialize({ rootPath: workspace });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('renders the rows of an open plan as it stands in the editor, not on disk', async () => {
    client.open(uri('open.md'), '1. 落实表1第12项，中方股比不低于51%。\n   牵头单位：区商务局；完成时限：2024年6月。\n');
    const result = await client.request(ASSIGNMENTS_REQUEST.method, { uris: [uri('open.md')], format: 'json' });
    assert.strictEqual(result.encoding, 'utf8');
    assert.deepStrictEqual([result.plans, result.rows], [1, 1]);
    const [table] = JSON.parse(result.content);
    assert.strictEqual(table.file, 'open.md', 'the file is named relative to the workspace');
    assert.deepStrictEqual([table.rows[0].lead, table.rows[0].deadline], ['区商务局', '2024年6月']);
    assert.deepStrictEqual(table.rows[0].findings.map((f: any) => f.code), ['threshold-mismatch']);
  });

  it('reads a plan that is not open from disk, and renders CSV with its BOM', async () => {
    const result = await client.request(ASSIGNMENTS_REQUEST.method, { uris: [uri('table.md')], format: 'csv' });
    assert.ok(result.content.startsWith('\uFEFF序号,方案条目'), 'CSV with BOM and header');
    assert.strictEqual(result.rows, 9, 'seven rows of the table and list, two items under a heading');
  });

  it('returns an xlsx workbook in base64 that exceljs reads', async () => {
    const result = await client.request(ASSIGNMENTS_REQUEST.method, { uris: [uri('table.md')], format: 'xlsx' });
    assert.strictEqual(result.encoding, 'base64');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(result.content, 'base64') as unknown as ArrayBuffer);
    assert.strictEqual(book.worksheets[0].getRow(2).getCell(4).value, '区商务局');
  });

  it('exports every plan of the workspace when given no URI, skipping files it cannot read', async () => {
    const result = await client.request(ASSIGNMENTS_REQUEST.method, { format: 'md' });
    assert.strictEqual(result.plans, 2, 'the open plan and table.md');
    assert.match(result.content, /## 任务分工表：某区服务业扩大开放综合试点任务分工方案/);
  });

  it('answers with the reason for an unknown format or a plan it cannot read', async () => {
    assert.match((await client.request(ASSIGNMENTS_REQUEST.method, { uris: [], format: 'pdf' })).error, /unknown format pdf/);
    assert.match((await client.request(ASSIGNMENTS_REQUEST.method, { uris: [uri('broken.md')], format: 'md' })).error, /^cannot read .*broken\.md/);
    assert.match((await client.request(ASSIGNMENTS_REQUEST.method, null)).error, /unknown format/);
  });
});
