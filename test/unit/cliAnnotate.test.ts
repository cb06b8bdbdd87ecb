// `policy-lens annotate`: a reviewed copy beside each Word plan (spawns the built dist/cli.js).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { makeWorkbook } from '../support/xlsxFixture';
import JSZip from 'jszip';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const PLAN = path.join(ROOT, 'test', 'fixtures', 'pdf', 'plan.docx');

const COPY = '（审核意见）.docx';

describe('policy-lens annotate', function () {
  this.timeout(60000);
  let dir: string;
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const findings = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => l.replace(/^[^:]*:/, ''));
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-annotate-'));
    fs.mkdirSync(path.join(dir, 'plans'));
    fs.copyFileSync(PLAN, path.join(dir, 'plans', '天河区实施方案.docx'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes PLAN（审核意见）.docx beside the plan with a comment per finding, the plan untouched', () => {
    const plan = path.join('plans', '天河区实施方案.docx');
    const before = fs.readFileSync(path.join(dir, plan));
    const checked = cli('check', plan);
    const count = findings(checked.out).length;
    // a threshold, a task that does not exist, two of 广州南沙's tasks in 天河区's plan, in its body and its 分工表, and none
    // of 天河中央商务区's own
    assert.strictEqual(count, 7, `the fixture plan's findings (${checked.out})`);
    const r = cli('annotate', plan);
    assert.strictEqual(r.code, 0, r.err);
    const copy = path.join('plans', `天河区实施方案${COPY}`);
    assert.strictEqual(r.err, `policy-lens: wrote ${copy}: ${count} comments\n`);
    assert.strictEqual(r.out, '');
    assert.deepStrictEqual(fs.readFileSync(path.join(dir, plan)), before, 'the plan is not written');
    // the copy is the plan again: the same text, the same findings; a folder's check leaves it out
    assert.deepStrictEqual(findings(cli('check', copy).out), findings(checked.out));
    assert.deepStrictEqual(cli('check', 'plans').out.split('\n').filter((l) => l.includes(COPY)), [], 'not checked as a second plan');
    assert.strictEqual(findings(cli('check', 'plans').out).length, count);
  });

  it('with --track-changes writes the fixes as tracked changes: accepted, they resolve the findings', () => {
    const r = cli('annotate', 'plans/天河区实施方案.docx', '--track-changes');
    assert.strictEqual(r.code, 0, r.err);
    const changes = Number(/, (\d+) tracked changes/.exec(r.err)?.[1]);
    assert.strictEqual(changes, 2, r.err);
    const copy = cli('check', `plans/天河区实施方案${COPY}`);
    assert.match(copy.err, /has tracked changes \(修订\)/);
    assert.ok(findings(copy.out).length <= findings(cli('check', 'plans/天河区实施方案.docx').out).length - changes, copy.out);
    // compare says what they change: the findings the fixes resolve
    const compared = cli('compare', `plans/天河区实施方案${COPY}`, '--format', 'json');
    assert.strictEqual(compared.code, 0, compared.err);
    assert.strictEqual(JSON.parse(compared.out).findings.resolved.length, changes);
  });

  it('never writes over a copy it did not name, and writes over one --out names', () => {
    assert.strictEqual(cli('annotate', 'plans').code, 0);
    const copy = path.join(dir, 'plans', `天河区实施方案${COPY}`);
    fs.writeFileSync(copy, 'the reviewer\'s own edits');
    const again = cli('annotate', 'plans/天河区实施方案.docx');
    assert.strictEqual(again.code, 2);
    assert.match(again.err, /（审核意见）\.docx exists: not written over \(delete it, or name it with --out\)/);
    assert.strictEqual(fs.readFileSync(copy, 'utf8'), 'the reviewer\'s own edits');
    const named = cli('annotate', 'plans/天河区实施方案.docx', '--out', copy);
    assert.strictEqual(named.code, 0, named.err);
    assert.notStrictEqual(fs.readFileSync(copy, 'utf8'), 'the reviewer\'s own edits');
  });

  it('writes several plans\' copies into the --out folder, and says which plans it cannot annotate', () => {
    fs.copyFileSync(PLAN, path.join(dir, 'plans', '越秀区实施方案.docx'));
    fs.writeFileSync(path.join(dir, 'plans', '海珠区实施方案.md'), '落实表1第58项。\n');
    const r = cli('annotate', 'plans', '--out', 'review');
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'review')).sort(), [`天河区实施方案${COPY}`, `越秀区实施方案${COPY}`]);
    assert.match(r.err, /plans\/海珠区实施方案\.md: not annotated: comments are written into a Word \.docx, an Excel \.xlsx, a PDF or an OFD/);
    const none = cli('annotate', 'plans/海珠区实施方案.md');
    assert.strictEqual(none.code, 2);
    assert.match(none.err, /annotate found no Word \.docx, Excel \.xlsx, PDF or OFD plan to write comments into/);
  });

  it('writes an Excel 分工表\'s copy with its findings as cell comments, and says tracked changes are Word\'s', async () => {
    fs.writeFileSync(path.join(dir, 'plans', '分工表.xlsx'), await makeWorkbook());
    const count = findings(cli('check', 'plans/分工表.xlsx').out).length;
    assert.ok(count >= 1, 'the workbook fixture\'s findings');
    const r = cli('annotate', 'plans/分工表.xlsx', '--track-changes');
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.err, `policy-lens: wrote plans/分工表${COPY.replace('docx', 'xlsx')}: ${count} ${count === 1 ? 'comment' : 'comments'} (tracked changes are Word's: the comments say the fixes)\n`);
    assert.deepStrictEqual(findings(cli('check', `plans/分工表${COPY.replace('docx', 'xlsx')}`).out), findings(cli('check', 'plans/分工表.xlsx').out), 'the same rows');
    assert.deepStrictEqual(cli('check', 'plans').out.split('\n').filter((l) => l.includes('审核意见')), [], 'a folder\'s check leaves the copy out');
  });

  for (const [format, ext, marks] of [['a PDF', 'pdf', 'a highlight and its note'], ['an OFD', 'ofd', 'a highlight annotation and its remark']]) {
    it(`writes ${format}'s copy with each finding ${marks}, the copy left out of a folder's check`, () => {
      fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', ext, `plan.${ext}`), path.join(dir, 'plans', `征求意见稿.${ext}`));
      const before = cli('check', `plans/征求意见稿.${ext}`).out;
      const r = cli('annotate', `plans/征求意见稿.${ext}`);
      assert.strictEqual(r.code, 0, r.err);
      assert.strictEqual(r.err, `policy-lens: wrote plans/征求意见稿（审核意见）.${ext}: ${findings(before).length} comments\n`);
      assert.deepStrictEqual(findings(cli('check', `plans/征求意见稿（审核意见）.${ext}`).out), findings(before), 'the copy reads as the plan');
      assert.deepStrictEqual(cli('check', 'plans').out.split('\n').filter((l) => l.includes('审核意见')), []);
    });
  }

  it('says why it writes no copy of a PDF whose author restricted changes, and writes the other plans\' copies', () => {
    fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'pdf', 'restricted.pdf'), path.join(dir, 'plans', '受限.pdf'));
    const r = cli('annotate', 'plans');
    assert.strictEqual(r.code, 2, r.err);
    assert.match(r.err, /plans\/受限\.pdf: not annotated: the PDF is encrypted \(its author restricted changes to it\): no copy with comments is written/);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, 'plans')).filter((f) => f.includes('审核意见')), ['天河区实施方案（审核意见）.docx']);
  });

  it('writes the comments and changes as by the reviewing office the settings name (policyLens.review.author)', async () => {
    fs.mkdirSync(path.join(dir, '.vscode'));
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{ "policyLens.review.author": "市商务局审核组" }');
    const r = cli('annotate', 'plans/天河区实施方案.docx', '--track-changes');
    assert.strictEqual(r.code, 0, r.err);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'plans', `天河区实施方案${COPY}`)));
    assert.match(await zip.file('word/comments.xml')!.async('string'), /<w:comment w:id="\d+" w:author="市商务局审核组" w:date="[^"]+" w:initials="市商">/);
    assert.match(await zip.file('word/document.xml')!.async('string'), /<w:ins w:id="\d+" w:author="市商务局审核组"/);
  });

  it('refuses what it cannot do, with a usage error', () => {
    for (const [args, message] of [
      [['annotate'], /annotate needs at least one FILE/],
      [['annotate', '-'], /name the \.docx, \.xlsx, \.pdf and \.ofd files, not standard input/],
      [['annotate', 'plans', '--format', 'md'], /annotate writes Word, Excel and PDF files: it has no --format/],
      [['check', 'plans', '--track-changes'], /--track-changes is an option of annotate/],
    ] as const) {
      const r = cli(...args);
      assert.strictEqual(r.code, 2, args.join(' '));
      assert.match(r.err, message);
    }
  });
});
