// policyLens/reviewCopy over the protocol: a Word plan's review as a copy, its findings as comments and its fixes as
// tracked changes, and an Excel 分工表's with cell comments, for the client to save.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import JSZip from 'jszip';
import { REVIEW_COPY_REQUEST, WORD_PLAN_SCHEME } from '../../server/src/shared/protocol';
import { readDocx, readDocxBeforeRevisions } from '../../server/src/readers/docx';
import { LspClient } from '../support/lspClient';
import { makeDocx, WORD_PLAN } from '../support/docxFixture';
import { makeWorkbook } from '../support/xlsxFixture';

describe('policyLens/reviewCopy, over the protocol', function () {
  this.timeout(20000);
  let client: LspClient;
  let workspace: string;
  let plan: Buffer;
  const uri = (name: string) => pathToFileURL(path.join(workspace, name)).toString();

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-annotate-'));
    plan = await makeDocx(WORD_PLAN);
    fs.writeFileSync(path.join(workspace, '黄埔区实施方案.docx'), plan);
    fs.writeFileSync(path.join(workspace, '方案.md'), '落实表1第58项。\n');
    fs.writeFileSync(path.join(workspace, '分工表.xlsx'), await makeWorkbook());
    client = new LspClient();
    await client.initialize({ rootPath: workspace });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('gives the copy with a comment per finding, and the plan on disk is not written', async () => {
    const result = await client.request(REVIEW_COPY_REQUEST.method, { uri: uri('黄埔区实施方案.docx') });
    assert.ok(!('error' in result), result.error);
    assert.ok(result.comments >= 5, `the fixture's findings (${result.comments})`);
    assert.strictEqual(result.onText, result.comments);
    assert.strictEqual(result.revisions, undefined, 'no tracked changes unless asked');
    const copy = Buffer.from(result.content, 'base64');
    const comments = await (await JSZip.loadAsync(copy)).file('word/comments.xml')!.async('string');
    assert.strictEqual(comments.match(/<w:comment /g)?.length, result.comments);
    assert.match(comments, /【错误】“中方股比不低于51%”与表1第12项不符/);
    assert.deepStrictEqual(await readDocx(copy, 'copy.docx'), await readDocx(plan, 'plan.docx'), 'the same text');
    assert.deepStrictEqual(fs.readFileSync(path.join(workspace, '黄埔区实施方案.docx')), plan);
  });

  it('writes the fixes as tracked changes when asked, from the Word view\'s URI too', async () => {
    const view = uri('黄埔区实施方案.docx').replace(/^file:/, `${WORD_PLAN_SCHEME}:`);
    const result = await client.request(REVIEW_COPY_REQUEST.method, { uri: view, trackChanges: true });
    assert.ok(!('error' in result), result.error);
    assert.ok(result.revisions.written >= 3, JSON.stringify(result.revisions));
    const copy = Buffer.from(result.content, 'base64');
    assert.deepStrictEqual(await readDocxBeforeRevisions(copy, 'copy.docx'), await readDocx(plan, 'plan.docx'), 'rejected, the plan');
    assert.match((await readDocx(copy, 'copy.docx')).text, /中方股比不低于67%/, 'accepted, the fixes');
  });

  it('gives an Excel 分工表\'s copy with a comment on each finding\'s cell', async () => {
    const result = await client.request(REVIEW_COPY_REQUEST.method, { uri: uri('分工表.xlsx'), trackChanges: true });
    assert.ok(!('error' in result), result.error);
    assert.deepStrictEqual([result.comments, result.onText, result.revisions], [2, 2, undefined]);
    const zip = await JSZip.loadAsync(Buffer.from(result.content, 'base64'));
    assert.match(await zip.file('xl/comments1.xml')!.async('string'), /<comment ref="D4" authorId="0"><text><r><t xml:space="preserve">【错误】“中方股比不低于51%”/);
  });

  it('gives a PDF\'s copy with a highlight and its note on each finding', async () => {
    fs.copyFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'pdf', 'plan.pdf'), path.join(workspace, '征求意见稿.pdf'));
    const result = await client.request(REVIEW_COPY_REQUEST.method, { uri: uri('征求意见稿.pdf') });
    assert.ok(!('error' in result), result.error);
    assert.ok(result.comments >= 2 && result.onText === result.comments, JSON.stringify({ ...result, content: undefined }));
    const copy = Buffer.from(result.content, 'base64');
    assert.strictEqual(copy.toString('latin1').match(/\/Subtype \/Highlight/g)?.length, result.comments);
  });

  it('says why when the plan is not a .docx, .xlsx or PDF or cannot be read', async () => {
    assert.match((await client.request(REVIEW_COPY_REQUEST.method, { uri: uri('方案.md') })).error, /方案\.md: comments are written into a Word \.docx, an Excel \.xlsx, a PDF or an OFD$/);
    assert.match((await client.request(REVIEW_COPY_REQUEST.method, { uri: uri('无.docx') })).error, /^cannot read .*无\.docx: ENOENT$/);
    assert.match((await client.request(REVIEW_COPY_REQUEST.method, {})).error, /needs the URI of a Word, Excel or PDF plan/);
  });
});
