// policy-lens check --fix (spawns the built dist/cli.js): Markdown and text plans written back with their findings'
// preferred fixes, in their own encoding and line endings; everything else checked but never written.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const PLAN = '# 试点方案\n\n1. 落实表1第12项，中方股比不低于51%（区商务局牵头）。\n2. 探索文化企业贷款“黑名单”制度（表3第17项，区委宣传部牵头）。\n3. 推动会展业发展（表1第58项，区商务局牵头）。\n';
const FIXED = '# 试点方案\n\n1. 落实表1第12项，中方股比不低于67%（区商务局牵头）。\n2. 探索文化企业贷款“白名单”制度（表3第17项，区委宣传部牵头）。\n3. 推动会展业发展（表1第58项，区商务局牵头）。\n';

describe('check --fix', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-fix-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a Markdown plan back with its preferred fixes, and reports what is left', () => {
    fs.writeFileSync(path.join(dir, 'plan.md'), PLAN);
    const r = cli(['check', '--fix', 'plan.md'], dir);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'plan.md'), 'utf8'), FIXED);
    assert.match(r.err, /plan\.md: --fix: applied 2 fixes, wrote the file/);
    // left: 表1第58项, whose nearest task is a question; an error, so exit 1
    assert.deepStrictEqual(r.out.trim().split('\n').map((l) => l.split(' ').slice(0, 3).join(' ')), ['plan.md:5:12 error unknown-task']);
    assert.strictEqual(r.code, 1);
  });

  it('renumbers the headings after a number skipped and repeated, a fix bringing the next, in one run', () => {
    const file = path.join(dir, '方案.txt');
    const headings = (numbers: string[]) => ['一、总体要求', ...numbers.map((n, k) => `（${n}）${['指导思想', '基本原则', '工作目标', '实施步骤', '保障措施'][k]}`)].join('\n\n') + '\n';
    fs.writeFileSync(file, headings(['一', '二', '四', '五', '五']));
    const r = cli(['check', '--fix', '方案.txt'], dir);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), headings(['一', '二', '三', '四', '五']));
    // 四 → 三 and the second 五 → 六 first, then 五 → 四 and 六 → 五 as each number before them changed
    assert.match(r.err, /--fix: applied 4 fixes, wrote the file/);
    assert.strictEqual(r.out, '');
  });

  it('keeps a GB18030 text plan in GB18030 with its CRLF line endings', () => {
    const file = path.join(dir, '方案.txt');
    fs.writeFileSync(file, iconv.encode(PLAN.replace(/\n/g, '\r\n'), 'gb18030'));
    const r = cli(['check', '--fix', '方案.txt'], dir);
    assert.ok(r.err.includes('applied 2 fixes'), r.err);
    assert.strictEqual(iconv.decode(fs.readFileSync(file), 'gb18030'), FIXED.replace(/\n/g, '\r\n'));
  });

  it('fixes a plan copied out of a PDF in GB18030 without joining its lines, reporting each finding on its own line', () => {
    const line = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'heldout', 'pdf-copies-r12.jsonl'), 'utf8').split('\n').find((l) => l.includes('"id":"pc12_04"'))!;
    const copy: string = JSON.parse(line).text.replace(/\n/g, '\r\n');
    const file = path.join(dir, '荔湾区实施方案.txt');
    fs.writeFileSync(file, iconv.encode(copy, 'gb18030'));
    // checked, each finding is reported on the line the file has it (天河区商 ends line 21)
    const unitLine = copy.split('\r\n').findIndex((l) => l.endsWith('天河区商')) + 1;
    assert.match(cli(['check', '荔湾区实施方案.txt'], dir).out, new RegExp(`^荔湾区实施方案\\.txt:${unitLine}:\\d+ \\w+ other-district-unit`, 'm'));
    const r = cli(['check', '--fix', '荔湾区实施方案.txt'], dir);
    assert.match(r.err, /applied 2 fixes, wrote the file/);
    // 外资股比不超过6⏎0% → 5⏎0% and 天河区商⏎务局 → 荔湾区商⏎务局, nothing else: every line break and the page number's line stay
    const fixed = copy.replace('不超过6\r\n0%', '不超过5\r\n0%').replace('天河区商\r\n务局', '荔湾区商\r\n务局');
    assert.notStrictEqual(fixed, copy);
    assert.strictEqual(iconv.decode(fs.readFileSync(file), 'gb18030'), fixed);
  });

  it('keeps a UTF-8 BOM', () => {
    const file = path.join(dir, 'plan.md');
    fs.writeFileSync(file, '\ufeff' + PLAN);
    cli(['check', '--fix', 'plan.md'], dir);
    const bytes = fs.readFileSync(file);
    assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.strictEqual(bytes.subarray(3).toString('utf8'), FIXED);
  });

  it('leaves a plan with nothing to fix untouched, and says nothing of it', () => {
    const file = path.join(dir, 'good.md');
    fs.writeFileSync(file, '落实表4第9项。\n');
    const before = fs.statSync(file).mtimeMs;
    const r = cli(['check', '--fix', 'good.md'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.err, '');
    assert.strictEqual(fs.statSync(file).mtimeMs, before);
  });

  it('checks but never writes a Word plan or standard input, and says so', () => {
    const doc = path.join(dir, 'plan.doc');
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/word97/outline-plan.doc'), doc);
    const bytes = fs.readFileSync(doc);
    const r = cli(['check', '--fix', 'plan.doc'], dir);
    assert.ok(fs.readFileSync(doc).equals(bytes));
    assert.match(r.err, /plan\.doc: --fix: only Markdown and text plans are written; annotate --track-changes/);
    const s = cli(['check', '--fix', '-'], dir, PLAN);
    assert.match(s.err, /-: --fix: standard input is not written back/);
    // its findings are those of the text as it was
    assert.match(s.out, /threshold-mismatch/);
  });

  it('is an option of check only', () => {
    const r = cli(['coverage', '--fix', 'plan.md'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /--fix is an option of check/);
  });
});
