// Policy Lens: Write Review into a Copy in a real VS Code: a Word plan's findings as comments (批注) and its fixes as
// tracked changes (修订) in a copy of the .docx, from the Explorer's file or the open Word view.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import * as vscode from 'vscode';
import { extension, poll, serverReady } from '../helpers';
import { makeDocx, WORD_PLAN } from '../../support/docxFixture';
import { makeWorkbook } from '../../support/xlsxFixture';

describe('Write Review into a Copy', () => {
  let folder: vscode.Uri;
  let plan: vscode.Uri;
  const created: vscode.Uri[] = [];
  const comments = async (file: vscode.Uri) => (await (await JSZip.loadAsync(await vscode.workspace.fs.readFile(file))).file('word/comments.xml')!.async('string'));

  before(async () => {
    await serverReady();
    folder = vscode.workspace.workspaceFolders![0].uri;
    plan = vscode.Uri.joinPath(folder, '黄埔区实施方案.docx');
    await vscode.workspace.fs.writeFile(plan, await makeDocx(WORD_PLAN));
    created.push(plan);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('is offered in the Explorer\'s context menu of a .docx, an .xlsx and a PDF', () => {
    const menu: { command: string; when?: string }[] = extension().packageJSON.contributes?.menus?.['explorer/context'] ?? [];
    assert.ok(menu.some((m) => m.command === 'policyLens.writeReviewCopy' && m.when === 'resourceExtname == .docx || resourceExtname == .xlsx || resourceExtname == .pdf || resourceExtname == .ofd'), JSON.stringify(menu));
  });

  it('writes the Explorer\'s plan with a comment on each finding, in the editor\'s language, and leaves the plan as it was', async () => {
    const before = await vscode.workspace.fs.readFile(plan);
    const target = vscode.Uri.joinPath(folder, '黄埔区实施方案（审核意见）.docx');
    created.push(target);
    // the Explorer passes the selection second: the command takes only a file as its target
    const written = await vscode.commands.executeCommand<vscode.Uri>('policyLens.writeReviewCopy', plan, target, false);
    assert.strictEqual(written?.toString(), target.toString());
    const xml = await comments(target);
    assert.ok((xml.match(/<w:comment /g)?.length ?? 0) >= 5, xml.slice(0, 300));
    assert.match(xml, /\[error\] "中方股比不低于51%" contradicts 表1第12项/);
    assert.doesNotMatch(await (await JSZip.loadAsync(await vscode.workspace.fs.readFile(target))).file('word/document.xml')!.async('string'), /<w:ins /, 'no tracked change unless asked');
    assert.deepStrictEqual(await vscode.workspace.fs.readFile(plan), before);
  });

  it('writes the open Word view\'s plan with its fixes as tracked changes, and never into the plan itself', async () => {
    await vscode.commands.executeCommand('policyLens.openWordPlan', plan);
    const target = vscode.Uri.joinPath(folder, '修订建议.docx');
    created.push(target);
    const written = await vscode.commands.executeCommand<vscode.Uri>('policyLens.writeReviewCopy', undefined, target, true);
    assert.strictEqual(written?.toString(), target.toString(), 'the active Word view\'s plan');
    const body = await (await JSZip.loadAsync(await vscode.workspace.fs.readFile(target))).file('word/document.xml')!.async('string');
    assert.match(body, /<w:del [^>]*w:author="Policy Lens"[^>]*><w:r><w:delText xml:space="preserve">51%<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">67%<\/w:t>/);
    const before = await vscode.workspace.fs.readFile(plan);
    assert.strictEqual(await vscode.commands.executeCommand('policyLens.writeReviewCopy', plan, plan, false), undefined, 'not over the plan');
    assert.deepStrictEqual(await vscode.workspace.fs.readFile(plan), before);
  });

  it('writes an Excel 分工表\'s copy with a comment on each finding\'s cell, without asking about tracked changes', async () => {
    const workbook = vscode.Uri.joinPath(folder, '分工表.xlsx');
    await vscode.workspace.fs.writeFile(workbook, await makeWorkbook());
    const target = vscode.Uri.joinPath(folder, '分工表（审核意见）.xlsx');
    created.push(workbook, target);
    assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>('policyLens.writeReviewCopy', workbook, target))?.toString(), target.toString());
    const xml = await (await JSZip.loadAsync(await vscode.workspace.fs.readFile(target))).file('xl/comments1.xml')!.async('string');
    assert.match(xml, /<comment ref="D4" authorId="0"><text><r><t xml:space="preserve">\[error\] "中方股比不低于51%" contradicts 表1第12项/);
  });

  it('writes a PDF\'s copy with a highlight on each finding\'s text', async () => {
    const pdf = vscode.Uri.joinPath(folder, '征求意见稿.pdf');
    await vscode.workspace.fs.writeFile(pdf, fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/pdf/plan.pdf')));
    const target = vscode.Uri.joinPath(folder, '征求意见稿（审核意见）.pdf');
    created.push(pdf, target);
    assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>('policyLens.writeReviewCopy', pdf, target))?.toString(), target.toString());
    const bytes = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('latin1');
    assert.strictEqual(bytes.match(/\/Subtype \/Highlight/g)?.length, 7, 'a highlight a finding: the threshold, the task that does not exist, two of 广州南沙\'s tasks in the body and the 分工表, and 天河中央商务区\'s tasks left out');
  });

  it('writes an OFD\'s copy with a highlight annotation on each finding\'s text', async () => {
    const ofd = vscode.Uri.joinPath(folder, '征求意见稿.ofd');
    await vscode.workspace.fs.writeFile(ofd, fs.readFileSync(path.resolve(__dirname, '../../../../test/fixtures/ofd/plan.ofd')));
    const target = vscode.Uri.joinPath(folder, '征求意见稿（审核意见）.ofd');
    created.push(ofd, target);
    assert.strictEqual((await vscode.commands.executeCommand<vscode.Uri>('policyLens.writeReviewCopy', ofd, target))?.toString(), target.toString());
    const zip = await JSZip.loadAsync(await vscode.workspace.fs.readFile(target));
    const parts = await Promise.all(Object.keys(zip.files).filter((f) => /Annots\/Page_\d+\/Annotation\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    assert.strictEqual(parts.join('').match(/Type="Highlight"/g)?.length, 7, 'a highlight a finding: the threshold, the task that does not exist, two of 广州南沙\'s tasks in the body and the 分工表, and 天河中央商务区\'s tasks left out');
  });

  it('writes each copy beside its plan for several plans selected in the Explorer, and writes none over', async () => {
    const a = vscode.Uri.joinPath(folder, '天河区方案.docx');
    const b = vscode.Uri.joinPath(folder, '越秀区方案.docx');
    const kept = vscode.Uri.joinPath(folder, '越秀区方案（审核意见）.docx');
    const made = vscode.Uri.joinPath(folder, '天河区方案（审核意见）.docx');
    for (const f of [a, b]) await vscode.workspace.fs.writeFile(f, await makeDocx(WORD_PLAN));
    await vscode.workspace.fs.writeFile(kept, new TextEncoder().encode('the reviewer\'s own'));
    created.push(a, b, kept, made);
    // as the Explorer calls it: the file clicked, then the selection
    const first = await vscode.commands.executeCommand<vscode.Uri>('policyLens.writeReviewCopy', a, [a, b], false);
    assert.strictEqual(first?.toString(), made.toString());
    assert.match(await comments(made), /<w:comment /);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(kept)), 'the reviewer\'s own', 'an existing copy is not written over');
  });

  it('writes the comments as by the office policyLens.review.author names', async () => {
    const settings = vscode.workspace.getConfiguration('policyLens');
    await settings.update('review.author', '市商务局审核组', vscode.ConfigurationTarget.Workspace);
    const target = vscode.Uri.joinPath(folder, '署名.docx');
    created.push(target);
    try {
      // the server hears of the change: the copy it makes afterwards is by the office
      const xml = await poll('a copy by the office', async () => {
        await vscode.commands.executeCommand('policyLens.writeReviewCopy', plan, target, false);
        return comments(target);
      }, (x) => x.includes('w:author="市商务局审核组"'), { timeoutMs: 10000 });
      assert.match(xml, /w:initials="市商"/);
    } finally {
      await settings.update('review.author', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
