// The CLI reads plans as people have them: every encoding and Word file gives the findings of its UTF-8 Markdown twin.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import * as os from 'os';
import * as path from 'path';
import { makeDocx, OUTLINE_LEVELS, WORD_PLAN, WORD_PLAN_MARKDOWN, WORD_PLAN_PARAGRAPHS } from '../support/docxFixture';
import { makeWorkbook } from '../support/xlsxFixture';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'sample-plan.md'), 'utf8');

function cli(args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8') };
}

/** The diagnostics `check --format json` gives for one file. */
function findings(file: string): any[] {
  const r = cli(['check', file, '--format', 'json']);
  assert.ok(r.code === 0 || r.code === 1, `check ${path.basename(file)} exited ${r.code}: ${r.err}`);
  const parsed = JSON.parse(r.out);
  assert.strictEqual(parsed.length, 1, `one result for ${file}`);
  return parsed[0].diagnostics;
}

const brief = (ds: any[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);

describe('the CLI reading plans in every supported form', function () {
  this.timeout(30000);
  let dir: string;
  const at = (...parts: string[]) => path.join(dir, ...parts);
  let twin: any[];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-reading-'));
    fs.writeFileSync(at('utf8.md'), SAMPLE);
    fs.writeFileSync(at('utf8-bom.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]));
    fs.writeFileSync(at('gb18030.md'), iconv.encode(SAMPLE, 'gb18030'));
    fs.writeFileSync(at('utf16le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]));
    fs.writeFileSync(at('utf16be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SAMPLE, 'utf16le').swap16()]));
    fs.writeFileSync(at('binary.md'), Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));
    fs.writeFileSync(at('latin1.txt'), iconv.encode('Plan für Müller: café, naïve, résumé.\n', 'latin1'));
    fs.mkdirSync(at('word'));
    fs.writeFileSync(at('word', 'plan.docx'), await makeDocx(WORD_PLAN));
    fs.writeFileSync(at('word', '~$plan.docx'), Buffer.from([0x0b, 0x41, 0x00, 0x64])); // Word's lock file: not a plan
    fs.writeFileSync(at('twin.md'), WORD_PLAN_MARKDOWN);
    fs.mkdirSync(at('empty'));
    fs.writeFileSync(at('分工表.xlsx'), await makeWorkbook());
    fs.writeFileSync(at('plan.pdf'), Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n', 'latin1'));
    twin = findings(path.join(ROOT, 'examples', 'sample-plan.md'));
    assert.ok(twin.length > 0, 'the sample plan has its planted mistakes, or the comparisons below prove nothing');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const name of ['utf8.md', 'utf8-bom.md', 'gb18030.md', 'utf16le.txt', 'utf16be.md']) {
    it(`gives a ${name.replace(/\..*/, '')} plan the same findings as its UTF-8 twin`, () => {
      assert.deepStrictEqual(findings(at(name)), twin, `${name} is not checked like examples/sample-plan.md`);
    });
  }

  it('decodes standard input the same way', () => {
    const r = cli(['check', '-', '--format', 'json'], iconv.encode(SAMPLE, 'gb18030'));
    assert.strictEqual(r.code, 1, r.err);
    assert.deepStrictEqual(JSON.parse(r.out)[0].diagnostics, twin, 'GB18030 on standard input is not checked like its twin');
  });

  it('gives a Word plan the findings of the Markdown it extracts, at the same lines of that text', () => {
    const word = findings(at('word', 'plan.docx'));
    const markdown = findings(at('twin.md'));
    assert.ok(markdown.length >= 4, `the twin has its planted mistakes: ${brief(markdown).join('\n')}`);
    assert.deepStrictEqual(brief(word), brief(markdown), 'the .docx and its twin differ');
  });

  it('prints a Word plan\'s findings as file.docx:¶N:col, N being the Word paragraph of the line', () => {
    const r = cli(['check', at('word', 'plan.docx')]);
    assert.strictEqual(r.code, 1, r.err);
    const expected = findings(at('twin.md')).map((d) =>
      `${at('word', 'plan.docx')}:¶${WORD_PLAN_PARAGRAPHS[d.range.start.line]}:${d.range.start.character + 1} ${d.code}`);
    const printed = r.out.trim().split('\n').map((l) => l.replace(/ (error|warning|information|hint) /, ' ').split(' ').slice(0, 2).join(' '));
    assert.deepStrictEqual(printed, expected, `the text format does not locate by paragraph:\n${r.out}`);
    assert.match(r.out, /plan\.docx:¶10:\d+ error threshold-mismatch/, 'the table row (¶10) has its threshold mismatch');
  });

  it('settles a Word plan\'s bare numbers by its outline paragraph, typed or numbered by Word (二、表3任务落实), as a Markdown heading does', async () => {
    const items = ['落实第10项，支持外国专利代理机构在琶洲设立代表机构。', '落实第11项，支持外国专利代理机构在琶洲设立代表机构。'];
    const title = '广州市重点园区落实服务业扩大开放综合试点实施方案';
    fs.writeFileSync(at('typed.docx'), await makeDocx([{ paragraph: title }, { paragraph: '一、总体要求' }, { paragraph: '　　聚焦重点园区，推动试点任务落地。' }, { paragraph: '二、表3任务落实' }, ...items.map((t, k) => ({ paragraph: `　　${k + 1}．${t}` }))]));
    fs.writeFileSync(at('numbered.docx'), await makeDocx([{ paragraph: title }, { numbered: '总体要求', level: 0 }, { paragraph: '聚焦重点园区，推动试点任务落地。' }, { numbered: '表3任务落实', level: 0 }, ...items.map((t) => ({ numbered: t, level: 2 }))], OUTLINE_LEVELS));
    for (const file of ['typed.docx', 'numbered.docx']) {
      const r = cli(['check', at(file), '--locale', 'zh']);
      const printed = r.out.trim().split('\n').map((l) => l.replace(at(file), file).replace(/:\d+ /, ' '));
      // 第10项 is 表3第10项, 黄埔区's, put in 琶洲; 第11项's item is 表3第10项's words (of the table the line names)
      assert.deepStrictEqual(printed.map((l) => l.split(' ').slice(0, 3).join(' ')), [`${file}:¶5 warning place-mismatch`, `${file}:¶6 warning reference-mismatch`], r.out);
      assert.match(printed[1], /更接近表3第10项/);
    }
  });

  it('reads an Excel 分工表 with a sheet for each table, its 任务编号 cells the items alone (Excel numbers), as those tables\' tasks', async () => {
    const wb = new ExcelJS.Workbook();
    const one = wb.addWorksheet('表1');
    one.addRow(['任务编号', '工作任务', '牵头单位', '完成时限']);
    one.addRow([12, '允许外商投资社会调查，中方股比不低于51%', '区商务局', '2025年底']);
    one.addRow([36, '拓展数字人民币应用场景，积极推进数字人民币试点', '区金融局', '2025年底']);
    const three = wb.addWorksheet('表3');
    three.addRow(['任务编号', '工作任务', '牵头单位', '完成时限']);
    three.addRow([10, '开展专利代理对外开放试点', '黄埔区市场监管局', '2025年底']);
    three.addRow([5, '建设IPv6测试中心', '区工信局', '2025年底']);
    fs.writeFileSync(at('sheets.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const r = cli(['check', at('sheets.xlsx'), '--format', 'json', '--locale', 'zh']);
    const ds = JSON.parse(r.out)[0].diagnostics;
    // 12 is 表1第12项 (its threshold), 36 表1第36项 about 表1第35项; 表3's rows cite 表3第10项 and 表3第5项, nothing uncited
    assert.deepStrictEqual(ds.map((d: any) => d.code).sort(), ['reference-mismatch', 'threshold-mismatch'], r.out);
    assert.match(ds.find((d: any) => d.code === 'reference-mismatch').message, /表1第36项.*表1第35项/);
    const coverage = cli(['coverage', at('sheets.xlsx'), '--format', 'json']);
    const cited = JSON.parse(coverage.out).tasks.filter((t: any) => t.state === 'cited').map((t: any) => t.id);
    assert.deepStrictEqual(cited, ['T1.12', 'T1.36', 'T3.5', 'T3.10'], coverage.out.slice(0, 300));
  });

  it('checks a Word 97–2003 plan (.doc) and locates its findings by Word paragraph too', () => {
    const doc = path.join(ROOT, 'test/fixtures/word97/word-plan.doc');
    const r = cli(['check', doc]);
    assert.strictEqual(r.code, 1, r.err);
    const printed = r.out.trim().split('\n').map((l) => l.replace(doc, 'plan.doc').split(' ').slice(0, 3).join(' '));
    // its items' automatic numbers read (1. 2. 3.), they are task items as in the .docx: the findings of the .docx
    assert.deepStrictEqual(printed, ['plan.doc:¶1:3 information missing-area-task', 'plan.doc:¶4:35 error threshold-mismatch', 'plan.doc:¶5:4 warning domain-mismatch', 'plan.doc:¶5:4 warning missing-lead-unit', 'plan.doc:¶6:6 error unknown-task', 'plan.doc:¶10:30 error threshold-mismatch']);
  });

  it('checks an Excel 97–2003 分工表 (.xls) and locates its findings by sheet and row', () => {
    const xls = path.join(ROOT, 'test/fixtures/word97/workbook.xls');
    const r = cli(['check', xls]);
    assert.strictEqual(r.code, 1, r.err);
    const printed = r.out.trim().split('\n').map((l) => l.replace(xls, 'workbook.xls').split(' ').slice(0, 3).join(' '));
    assert.deepStrictEqual(printed, ['workbook.xls:分工表!4:36 error threshold-mismatch', 'workbook.xls:分工表!6:14 warning missing-lead-unit']);
  });

  it('takes a folder\'s WPS Writer plan (.wps) and WPS Spreadsheets 分工表 (.et), reads them as .doc and .xls, and pairs them', () => {
    const folder = at('wps');
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/word97/word-plan.doc'), path.join(folder, '番禺区实施方案.wps'));
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/word97/workbook.xls'), path.join(folder, '番禺区任务分工表.et'));
    const r = cli(['check', folder]);
    assert.strictEqual(r.code, 1, r.err);
    assert.match(r.err, /^policy-lens: \S+番禺区实施方案\.wps: checked with its 分工表 \S+番禺区任务分工表\.et\n$/);
    const printed = r.out.trim().split('\n').map((l) => l.replace(folder + path.sep, '').split(' ').slice(0, 3).join(' '));
    assert.deepStrictEqual(printed, [
      '番禺区任务分工表.et:分工表!4:36 error threshold-mismatch', '番禺区任务分工表.et:分工表!6:14 warning missing-lead-unit',
      // the item without a lead in the plan has one in its 分工表's row
      '番禺区实施方案.wps:¶1:3 information missing-area-task', '番禺区实施方案.wps:¶4:35 error threshold-mismatch', '番禺区实施方案.wps:¶5:4 warning domain-mismatch', '番禺区实施方案.wps:¶6:6 error unknown-task', '番禺区实施方案.wps:¶10:30 error threshold-mismatch',
    ]);
  });

  it('keeps 1-based lines of the extracted text in SARIF for a Word plan', () => {
    const sarif = JSON.parse(cli(['check', at('word', 'plan.docx'), '--format', 'sarif']).out);
    const lines = sarif.runs[0].results.map((x: any) => x.locations[0].physicalLocation.region.startLine);
    assert.deepStrictEqual(lines, findings(at('twin.md')).map((d) => d.range.start.line + 1));
  });

  for (const [name, what] of [['binary.md', 'a binary file'], ['latin1.txt', 'a Latin-1 file']]) {
    it(`refuses ${what} with one message and exit code 2, still checking the other files`, () => {
      const r = cli(['check', at(name), at('utf8.md')]);
      assert.strictEqual(r.code, 2, `exit code 2 wins over the 1 of utf8.md's errors (got ${r.code})`);
      assert.strictEqual(r.err, `policy-lens: cannot read ${at(name)}: not UTF-8, UTF-16 or GB18030 text\n`);
      assert.strictEqual(r.out.trim().split('\n').filter((l) => l.startsWith(at('utf8.md'))).length, twin.length, `utf8.md was not checked:\n${r.out}`);
      assert.ok(!r.out.includes(name), `${name} has findings although it could not be read`);
    });
  }

  it('checks an Excel 分工表 and prints its findings as file.xlsx:sheet!row:col', () => {
    const r = cli(['check', at('分工表.xlsx')]);
    assert.strictEqual(r.code, 1, r.err);
    const printed = r.out.trim().split('\n').map((l) => l.replace(at('') + path.sep, '').split(' ').slice(0, 3).join(' '));
    // 中方股比不低于51% under 1-12 (its 任务清单编号), and the row of 1-14 with an empty 牵头单位 cell
    assert.deepStrictEqual(printed.map((l) => l.replace(/:\d+ /, ' ')), ['分工表.xlsx:分工表!4 error threshold-mismatch', '分工表.xlsx:分工表!6 warning missing-lead-unit']);
    const table = cli(['assignments', at('分工表.xlsx'), '--format', 'json']);
    const rows = JSON.parse(table.out)[0].rows;
    assert.deepStrictEqual(rows.map((row: any) => [row.row, row.tasks.map((t: any) => t.id).join(), row.lead, row.deadline]), [
      ['分工表!4', 'T1.12', '区商务局', '2025年12月31日'],
      ['分工表!5', 'T1.13', '区文广旅体局', '2025年6月'],
      ['分工表!6', 'T1.14', '', '2025年底'],
    ]);
  });

  it('reads a General-format task number that lost its zero (1.10 stored as 1.1) as its column\'s order says, and says so', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工表');
    ws.addRow(['序号', '任务编号', '牵头单位', '完成时限']);
    // what Excel keeps of 1.8, 1.9, 1.10 and 1.11 typed into General cells: numbers
    for (const [n, number, lead] of [[1, 1.8, '区司法局'], [2, 1.9, '区人力资源社会保障局'], [3, 1.1, '区商务局'], [4, 1.11, '区商务局']] as const) {
      ws.addRow([n, number, lead, '2025年底']);
    }
    fs.writeFileSync(at('编号分工表.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const r = cli(['check', at('编号分工表.xlsx')]);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(r.out.trim().split('\n').map((l) => l.replace(at('') + path.sep, '')), [
      '编号分工表.xlsx:分工表!4:7 warning truncated-task-number 任务编号“1.1”排在“1.9”之后，按次序读作表1第10项（市场采购贸易方式）：Excel 常规格式的单元格会把输入的 1.10 存成数字 1.1；请把该列设为文本格式，写作“1.10”',
    ]);
    const rows = JSON.parse(cli(['assignments', at('编号分工表.xlsx'), '--format', 'json']).out)[0].rows;
    assert.deepStrictEqual(rows.map((row: any) => row.tasks.map((t: any) => t.id).join()), ['T1.8', 'T1.9', 'T1.10', 'T1.11']);
    const { tasks } = JSON.parse(cli(['coverage', at('编号分工表.xlsx'), '--format', 'json']).out);
    const state = (id: string) => tasks.find((t: any) => t.id === id).state;
    assert.deepStrictEqual(['T1.1', 'T1.10'].map(state), ['missing', 'cited']);
  });

  it('reads a task number a General-format cell stored as a date (1-12 as 12 January) as the task it was typed as, and says so', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工表');
    ws.addRow(['序号', '任务编号', '牵头单位', '完成时限']);
    // 1-12 as Excel keeps it when typed into a General cell: the date 12 January (shown 1月12日); its neighbours were
    // typed into cells formatted as Text
    ws.addRow([1, '1-11', '区商务局', '2025年底']);
    const date = ws.addRow([2, new Date(Date.UTC(2026, 0, 12)), '区商务局', '2025年底']);
    date.getCell(2).numFmt = 'm"月"d"日"';
    ws.addRow([3, '1-13', '区文广旅体局', '2025年底']);
    fs.writeFileSync(at('日期编号.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const r = cli(['check', at('日期编号.xlsx')]);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(r.out.trim().split('\n').map((l) => l.replace(at('') + path.sep, '')), [
      '日期编号.xlsx:分工表!3:7 warning task-number-as-date 任务编号“2026年1月12日”是日期：Excel 常规格式的单元格会把输入的 1-12 存成日期，按表1第12项（外商投资社会调查）读取；请把该列设为文本格式，写作“1-12”',
    ]);
    const rows = JSON.parse(cli(['assignments', at('日期编号.xlsx'), '--format', 'json']).out)[0].rows;
    assert.deepStrictEqual(rows.map((row: any) => row.tasks.map((t: any) => t.id).join()), ['T1.11', 'T1.12', 'T1.13']);
  });

  it('checks the 分工表 it exported as the plan it came from, its 检查结果 column not read as plan text', () => {
    const written = cli(['assignments', at('分工表.xlsx'), '--format', 'xlsx', '--out', at('exported.xlsx')]);
    assert.strictEqual(written.code, 0, written.err);
    const codes = (file: string) => findings(file).map((d) => `${d.code} ${d.message}`);
    assert.deepStrictEqual(codes(at('exported.xlsx')), codes(at('分工表.xlsx')));
  });

  it('refuses a damaged PDF with what to do instead (exit code 2)', () => {
    const r = cli(['check', at('plan.pdf')]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /not a PDF document that can be read \(.*\); save the plan as Word \(\.docx\), Markdown or text/);
  });

  it('gives a PDF saved from a Word plan the Word plan\'s findings, each located by its page (plan.pdf:p2:5)', () => {
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'pdf');
    const pdf = path.join(fixtures, 'plan.pdf');
    const codes = (file: string) => findings(file).map((d) => `${d.code} ${d.message}`);
    assert.deepStrictEqual(codes(pdf), codes(path.join(fixtures, 'plan.docx')));
    const r = cli(['check', pdf]);
    assert.strictEqual(r.code, 1, r.err);
    const pages = new Set([...r.out.matchAll(/plan\.pdf:p(\d+):\d+ /g)].map((m) => Number(m[1])));
    assert.ok(pages.has(1) && pages.size >= 2, `the findings' pages: ${[...pages].join(', ')}\n${r.out}`);
    // a folder's PDFs are plans too, for the CLI
    const folder = cli(['check', fixtures, '--format', 'json']);
    assert.deepStrictEqual(JSON.parse(folder.out).map((f: { file: string }) => path.basename(f.file)).sort(), ['plan.docx', 'plan.pdf', 'printed.md', 'printed.pdf', 'restricted.pdf', 'shenzhen.pdf', 'split.docx', 'split.pdf']);
    assert.match(folder.err, /cannot read .*password\.pdf: a password-protected PDF is not read/);
    assert.strictEqual(folder.code, 2);
  });

  it('gives an OFD written from that PDF the Word plan\'s findings, located by page (plan.ofd:p2:5), and reads a folder\'s OFDs', () => {
    const ofd = path.join(ROOT, 'test', 'fixtures', 'ofd', 'plan.ofd');
    const codes = (file: string) => findings(file).map((d) => `${d.code} ${d.message}`);
    assert.deepStrictEqual(codes(ofd), codes(path.join(ROOT, 'test', 'fixtures', 'pdf', 'plan.docx')));
    const r = cli(['check', ofd]);
    assert.strictEqual(r.code, 1, r.err);
    const pages = new Set([...r.out.matchAll(/plan\.ofd:p(\d+):\d+ /g)].map((m) => Number(m[1])));
    assert.ok(pages.has(1) && pages.size >= 2, `the findings' pages: ${[...pages].join(', ')}\n${r.out}`);
    const folder = cli(['check', path.dirname(ofd), '--format', 'json']);
    assert.deepStrictEqual(JSON.parse(folder.out).map((f: { file: string }) => path.basename(f.file)).sort(), ['glyphs.ofd', 'plan.ofd', 'split.ofd']);
    // from standard input too (no name to go by: the archive holds OFD.xml)
    const piped = cli(['check', '-', '--format', 'json'], fs.readFileSync(ofd));
    assert.deepStrictEqual(JSON.parse(piped.out)[0].diagnostics.map((d: { code: string }) => d.code), codes(ofd).map((c) => c.split(' ')[0]));
    fs.writeFileSync(at('damaged.ofd'), 'PK\x03\x04 not really');
    const damaged = cli(['check', at('damaged.ofd')]);
    assert.strictEqual(damaged.code, 2);
    assert.match(damaged.err, /cannot read .*damaged\.ofd: not an OFD document \(an OFD is a ZIP archive\)/);
  });

  it('refuses a file named .docx that is not a Word document', () => {
    fs.writeFileSync(at('fake.docx'), SAMPLE);
    const r = cli(['check', at('fake.docx')]);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.err, `policy-lens: cannot read ${at('fake.docx')}: not a Word .docx document\n`);
  });

  it('takes the .docx files of a folder and skips Word\'s lock files', () => {
    const r = cli(['check', at('word'), '--format', 'json']);
    assert.strictEqual(r.code, 1, `the lock file was read: ${r.err}`);
    assert.deepStrictEqual(JSON.parse(r.out).map((f: any) => path.basename(f.file)), ['plan.docx']);
    const glob = cli(['check', `${dir}/word/*.docx`, '--format', 'json']);
    assert.strictEqual(glob.code, 1, `the glob took the lock file: ${glob.err}`);
    assert.deepStrictEqual(JSON.parse(glob.out).map((f: any) => path.basename(f.file)), ['plan.docx']);
  });

  it('takes the workbooks of a folder, but not a 分工表 it wrote itself nor Excel\'s lock files', () => {
    fs.mkdirSync(at('excel'));
    fs.copyFileSync(at('分工表.xlsx'), at('excel', '分工表.xlsx'));
    fs.writeFileSync(at('excel', '~$分工表.xlsx'), Buffer.from([0x0b, 0x41, 0x00, 0x64]));
    const written = cli(['assignments', at('excel', '分工表.xlsx'), '--format', 'xlsx', '--out', at('excel', '导出.xlsx')]);
    assert.strictEqual(written.code, 0, written.err);
    const r = cli(['check', at('excel'), '--format', 'json']);
    assert.strictEqual(r.code, 1, r.err);
    assert.deepStrictEqual(JSON.parse(r.out).map((f: any) => path.basename(f.file)), ['分工表.xlsx']);
    assert.match(r.err, /导出\.xlsx is a 任务分工表 written by policy-lens, not a plan: skipped/);
  });

  it('treats an empty folder and a glob that matches nothing as usage errors', () => {
    const empty = cli(['check', at('empty')]);
    assert.strictEqual(empty.code, 2);
    assert.match(empty.err, new RegExp(`^policy-lens: no plan files in ${at('empty').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}\\n`));
    const glob = cli(['check', `${dir}/**/*.rst`]);
    assert.strictEqual(glob.code, 2);
    assert.match(glob.err, /^policy-lens: no file matches .*\*\*\/\*\.rst\n/);
  });

  it('counts the citations of a Word plan in coverage, located by paragraph', () => {
    const r = cli(['coverage', at('word', 'plan.docx')]);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /✓ 表1第49项\u3000* \S*plan\.docx:¶10:\d+/, `T1.49 is cited in the table row ¶10:\n${r.out}`);
    const unreadable = cli(['coverage', at('binary.md'), at('utf8.md')]);
    assert.strictEqual(unreadable.code, 2, 'coverage exits 2 when a file cannot be read');
    assert.match(unreadable.out, /覆盖 \d+\/130/, 'the readable file is still counted');
  });
});
