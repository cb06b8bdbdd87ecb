// policyLens/report over the protocol: the built server renders the reviewer's HTML report of a plan on disk (a Word
// plan among them) or of the whole workspace, and says why when a plan named cannot be read.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { REPORT_REQUEST, ReportResult } from '../../server/src/shared/protocol';
import { LspClient, ROOT } from '../support/lspClient';

describe('policyLens/report, over the protocol', function () {
  this.timeout(20000);
  let client: LspClient;
  let workspace: string;
  const uri = (name: string) => pathToFileURL(path.join(workspace, name)).toString();

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-report-'));
    fs.copyFileSync(path.join(ROOT, 'examples/sample-plan.md'), path.join(workspace, 'sample-plan.md'));
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/pdf/plan.docx'), path.join(workspace, '天河区实施方案.docx'));
    client = new LspClient();
    await client.initialize({ rootPath: workspace });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('renders the report of a plan on disk, with its nine findings', async () => {
    const result: ReportResult = await client.request(REPORT_REQUEST.method, { uris: [uri('sample-plan.md')] });
    assert.ok('html' in result, JSON.stringify(result));
    assert.deepStrictEqual([result.plans, result.findings], [1, 9]);
    assert.match(result.html, /^<!DOCTYPE html>/i);
    assert.match(result.html, /中方股比不低于51%/);
  });

  it("renders the workspace's plans when none is named, a Word plan among them", async () => {
    const result: ReportResult = await client.request(REPORT_REQUEST.method, null);
    assert.ok('html' in result, JSON.stringify(result));
    assert.strictEqual(result.plans, 2);
    assert.match(result.html, /天河区实施方案\.docx/);
  });

  it('answers why when a plan named cannot be read', async () => {
    const result: ReportResult = await client.request(REPORT_REQUEST.method, { uris: [uri('missing.md')] });
    assert.ok('error' in result && /missing\.md/.test(result.error), JSON.stringify(result));
  });
});
