// policyLens/comparePlans over the protocol: two versions of a plan, the later open in the editor, the earlier on disk.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { COMPARE_PLANS_REQUEST } from '../../server/src/shared/protocol';
import { LspClient } from '../support/lspClient';
import { makeRevisedDocx } from '../support/docxFixture';

describe('policyLens/comparePlans, over the protocol', function () {
  this.timeout(20000);
  let client: LspClient;
  let workspace: string;
  const uri = (name: string) => pathToFileURL(path.join(workspace, name)).toString();
  const EARLIER = '# 方案（征求意见稿）\n\n1. 落实表1第12项，中方股比不低于51%，由区商务局牵头，2024年底前完成。\n2. 落实表1第13项，由区文广旅体局牵头，2024年底前完成。\n';

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-compare-'));
    fs.writeFileSync(path.join(workspace, '征求意见稿.md'), EARLIER);
    // on disk the later version is the earlier one: the open document is what is compared
    fs.writeFileSync(path.join(workspace, '修改稿.md'), EARLIER);
    client = new LspClient();
    await client.initialize({ rootPath: workspace });
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('compares the earlier version on disk with the later one as it stands in the editor', async () => {
    client.open(uri('修改稿.md'), EARLIER.replace('（征求意见稿）', '（修改稿）').replace('51%', '67%').replace('区文广旅体局', '区商务局') + '3. 落实表1第57项，由区司法局牵头，2025年底前完成。\n');
    const result = await client.request(COMPARE_PLANS_REQUEST.method, { before: uri('征求意见稿.md'), after: uri('修改稿.md') });
    assert.deepStrictEqual([result.coverageChanges, result.assignmentChanges, result.resolved, result.added, result.kept], [1, 1, 1, 0, 0], result.markdown ?? result.error);
    assert.match(result.markdown, /^## 修改对照：征求意见稿\.md → 修改稿\.md\n/);
    assert.match(result.markdown, /\n- 新增 表1第57项（外籍律师）：引用\n/);
    assert.match(result.markdown, /\n- 表1第13项（外商投资旅行社） 牵头单位：区文广旅体局 → 区商务局\n/);
    assert.match(result.markdown, /\n {2}- 征求意见稿\.md 第3行 错误 threshold-mismatch：/);
  });

  it('compares a Word plan named twice as it was before its tracked changes (修订) and as it is with them', async () => {
    fs.writeFileSync(path.join(workspace, '修订稿.docx'), await makeRevisedDocx());
    const docx = uri('修订稿.docx');
    const result = await client.request(COMPARE_PLANS_REQUEST.method, { before: docx, after: docx });
    assert.deepStrictEqual([result.coverageChanges, result.resolved, result.added], [2, 2, 0], result.markdown ?? result.error);
    assert.match(result.markdown, /^## 修改对照：修订稿\.docx（修订前） → 修订稿\.docx（修订后）\n/);
    assert.match(result.markdown, /\n {2}- 修订稿\.docx（修订前） ¶2 错误 threshold-mismatch：/);
    assert.match((await client.request(COMPARE_PLANS_REQUEST.method, { before: uri('征求意见稿.md'), after: uri('征求意见稿.md') })).error, /征求意见稿\.md has no tracked changes \(修订\) to compare$/);
  });

  it('says why when a version cannot be read or the request is malformed', async () => {
    assert.match((await client.request(COMPARE_PLANS_REQUEST.method, { before: uri('无.md'), after: uri('修改稿.md') })).error, /^cannot read .*无\.md: /);
    assert.match((await client.request(COMPARE_PLANS_REQUEST.method, { before: uri('征求意见稿.md') })).error, /needs the URIs of two versions/);
  });
});
