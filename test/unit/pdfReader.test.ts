// A PDF plan: its placed text laid out again as the Markdown the Word reader writes (pdfLayout.ts, on pages made up
// here), and the fixture saved from a Word plan by LibreOffice read as that Word plan is (test/fixtures/pdf/makePdf.cjs).
import * as assert from 'assert';
import * as fc from 'fast-check';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { garbledText, markdownOfPdfPages, PdfItem, PdfPage } from '../../server/src/readers/pdfLayout';
import { readPlanBytes, readPlanFile } from '../../server/src/readers/planFile';
import { UnreadableFileError } from '../../server/src/readers/unreadable';
import { loadEngine } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'pdf');

/** A line of runs at height y: each [x, text], a CJK character 10 points wide (h the type's height). */
function line(y: number, runs: [number, string][], h = 10): PdfItem[] {
  return runs.map(([x, s]) => ({ s, x, y, w: s.length * h, h }));
}
const page = (...lines: PdfItem[][]): PdfPage => ({ width: 595, height: 842, items: lines.flat() });
/** A body line that fills the measure from x = 72 to 522 (45 characters). */
const full = (y: number, text: string, x = 72) => line(y, [[x, text.padEnd(Math.round((522 - x) / 10), '续')]]);

describe('the PDF layout reader', () => {
  it('joins the lines of a paragraph, across a page end too, and starts one at an indent, a marker or a short line', () => {
    const pages = [
      page(
        full(700, '为贯彻落实总体方案', 92),
        line(686, [[72, '制定本方案。']]),
        full(660, '一是落实表1第12项', 92),
        full(646, '允许外商投资社会调查'),
        line(632, [[72, '1．第二条'], [122, '以后的文字。']]),
        full(100, '二是支持企业依托综合保税区', 92),
        line(40, [[290, '— 1 —']]),
      ),
      page(line(760, [[72, '开展保税展示交易业务。']]), line(40, [[290, '— 2 —']])),
    ];
    const { text, rowOfLine } = markdownOfPdfPages(pages);
    const paragraphs = text.trim().split('\n\n');
    assert.strictEqual(paragraphs.length, 4, text);
    assert.ok(paragraphs[0].startsWith('为贯彻落实总体方案') && paragraphs[0].endsWith('制定本方案。'), paragraphs[0]);
    assert.ok(paragraphs[1].startsWith('一是落实表1第12项') && paragraphs[1].includes('允许外商投资社会调查'), 'the next line at the margin goes on');
    assert.strictEqual(paragraphs[2], '1．第二条以后的文字。', 'a marker starts one; a narrow gap is no cell');
    assert.ok(paragraphs[3].endsWith('开展保税展示交易业务。'), 'a sentence broken by the page end is one paragraph');
    assert.ok(!text.includes('— 1 —') && !text.includes('— 2 —'), 'page numbers go');
    assert.strictEqual(rowOfLine[text.split('\n').indexOf(paragraphs[0])], 'p1');
  });

  it('goes on after a line broken early before a number that did not fit, where paragraphs start indented, not after a sentence\'s end', () => {
    const { text } = markdownOfPdfPages([page(
      full(700, '一是落实表1第12项', 92),
      line(686, [[72, '允许外商投资社会调查，中方股比不低于']]),
      line(672, [[72, '51%，法定代表人应当具有中国国籍。']]),
      full(640, '二是开展试点', 92),
      line(626, [[72, '完成。']]),
      line(612, [[72, '附注说明']]),
      full(580, '三是其他', 92),
    )]);
    assert.ok(text.includes('中方股比不低于51%，法定代表人'), text);
    assert.ok(text.includes('完成。\n\n附注说明'), text);
  });

  it('reads a title in larger type, wrapped over two lines, as one heading', () => {
    const { text } = markdownOfPdfPages([page(
      line(760, [[80, '天河区贯彻落实总体方案的']], 22),
      line(734, [[110, '实施方案']], 22),
      full(700, '正文第一段', 92),
      line(686, [[72, '结束。']]),
    )]);
    assert.ok(text.startsWith('# 天河区贯彻落实总体方案的实施方案\n\n正文第一段'), text);
  });

  it('reads a table: its header once on every page, a cell\'s wrapped text joined and its paragraphs parted, a running head dropped', () => {
    const header = (y: number) => line(y, [[78, '序号'], [120, '重点任务'], [300, '牵头单位'], [400, '完成时限']]);
    const { text } = markdownOfPdfPages([
      page(
        line(800, [[250, '天河区实施方案']]),
        line(770, [[72, '附件：重点任务分工表']]),
        header(750),
        line(736, [[78, '1'], [120, '允许外商投资社会调查和外商投资旅'], [300, '区发展改革局'], [400, '2025年底前']]),
        line(722, [[120, '行社出境业务'], [300, '区统计局']]),
        line(708, [[78, '2'], [120, '支持外商投资旅行社'], [300, '区文广旅体局'], [400, '2024年底前']]),
        line(40, [[290, '— 1 —']]),
      ),
      page(
        line(800, [[250, '天河区实施方案']]),
        header(760),
        line(746, [[78, '3'], [120, '开展保税展示交易'], [300, '区商务局'], [400, '2025年6月']]),
        line(40, [[290, '— 2 —']]),
      ),
    ]);
    assert.strictEqual(text, [
      '附件：重点任务分工表',
      '',
      '| 序号 | 重点任务 | 牵头单位 | 完成时限 |',
      '| --- | --- | --- | --- |',
      '| 1 | 允许外商投资社会调查和外商投资旅行社出境业务 | 区发展改革局 区统计局 | 2025年底前 |',
      '| 2 | 支持外商投资旅行社 | 区文广旅体局 | 2024年底前 |',
      '| 3 | 开展保税展示交易 | 区商务局 | 2025年6月 |',
      '',
    ].join('\n'));
  });

  it('reads a header cell merged over two columns with the row of headers under it, as the Word reader writes it, and ends the table at prose', () => {
    const { text } = markdownOfPdfPages([page(
      line(750, [[78, '序号'], [120, '工作任务'], [300, '责任单位'], [440, '完成时限']]),
      line(736, [[300, '牵头单位'], [370, '配合单位']]),
      line(722, [[78, '1'], [120, '允许外商投资社会调查'], [300, '区商务局'], [370, '区统计局'], [440, '2024年6月']]),
      line(708, [[78, '2'], [120, '推动数字人民币试点'], [370, '区商务局'], [440, '2024年底']]),
      line(694, [[72, '二、保障措施']]),
    )]);
    assert.strictEqual(text, [
      '| 序号 | 工作任务 | 责任单位 |  | 完成时限 |',
      '| --- | --- | --- | --- | --- |',
      '|  |  | 牵头单位 | 配合单位 |  |',
      '| 1 | 允许外商投资社会调查 | 区商务局 | 区统计局 | 2024年6月 |',
      '| 2 | 推动数字人民币试点 |  | 区商务局 | 2024年底 |',
      '',
      '二、保障措施',
      '',
    ].join('\n'));
  });

  it('reads an automatically numbered item, its label parted from its text by a tab, as one paragraph, not a table', () => {
    const { text } = markdownOfPdfPages([page(
      line(750, [[72, '1.'], [108, '允许外商投资社会调查，中方股比不低于51%（表1第12项）。（区商务局牵头，2024年6月'.slice(0, 41)]]),
      line(736, [[72, '底前完成）']]),
      line(722, [[72, '（二）'], [108, '金融服务领域']]),
    )]);
    assert.ok(text.startsWith('1.允许外商投资社会调查'), text);
    assert.ok(text.includes('\n\n（二）金融服务领域\n'), text);
    assert.ok(!text.includes('|'), text);
  });

  it('reads a table drawn with rules by its rules: cells centred in their rows, a header that wraps, a number near the page foot', () => {
    // rows between y = 760, 720, 682 and 40; columns between x = 70, 100, 300 and 400
    const rules = [760, 720, 682, 40].map((y) => ({ x0: 70, y0: y, x1: 400, y1: y + 0.5 }))
      .concat([70, 100, 300, 400].map((x) => ({ x0: x, y0: 40, x1: x + 0.5, y1: 760 })));
    const { text } = markdownOfPdfPages([{ ...page(
      line(790, [[72, '附表1 推动重点行业领域扩大开放']]),
      line(748, [[80, '序']]),
      line(740, [[150, '试点任务'], [320, '牵头单位']]),
      line(732, [[80, '号']]),
      line(708, [[110, '允许外商投资设立人力资源服务机构，'], [310, '市人力资源']]),
      line(697, [[80, '1'], [110, '注册资本不低于']]),
      line(686, [[110, '1000万元。'], [310, '局']]),
      line(50, [[80, '2'], [110, '支持在前海设立国际商事调解组织。'], [310, '市司法局']]),
    ), rules }]);
    assert.strictEqual(text, [
      '附表1推动重点行业领域扩大开放',
      '',
      '| 序号 | 试点任务 | 牵头单位 |',
      '| --- | --- | --- |',
      '| 1 | 允许外商投资设立人力资源服务机构，注册资本不低于1000万元。 | 市人力资源局 |',
      '| 2 | 支持在前海设立国际商事调解组织。 | 市司法局 |',
      '',
    ].join('\n'));
  });

  it('reads a category cell merged over rows by its rules: its text, centred, goes to the first of them, and a border it straddles still parts two rows', () => {
    // rows between y = 760, 740 | 700, 660, 620 | 580, 540 (the 类别 column, x 100–200, has no border between merged rows)
    const full = (y: number) => ({ x0: 70, y0: y, x1: 400, y1: y + 0.5 });
    const parted = (y: number) => [{ x0: 70, y0: y, x1: 100, y1: y + 0.5 }, { x0: 200, y0: y, x1: 400, y1: y + 0.5 }];
    const rules = [full(760), full(740), ...parted(700), ...parted(660), full(620), ...parted(580), full(540)]
      .concat([70, 100, 200, 400].map((x) => ({ x0: x, y0: 540, x1: x + 0.5, y1: 760 })));
    const { text } = markdownOfPdfPages([{ ...page(
      line(790, [[72, '表1 推动重点行业领域扩大开放']]),
      line(746, [[75, '序号'], [130, '类别'], [250, '试点任务']]),
      line(724, [[80, '1'], [210, '深化科技成果赋权改革。']]),
      line(684, [[80, '2'], [210, '构建技术交易服务网络。']]),
      // a category of three rows, centred: in its second row
      line(676, [[110, '科技服务领域']]),
      line(644, [[80, '3'], [210, '开展知识产权证券化试点。']]),
      line(604, [[80, '4'], [210, '允许境外专业人才备案执业。']]),
      // a category of two rows, centred on the border between them
      line(577, [[110, '专业服务领域']]),
      line(564, [[80, '5'], [210, '支持专业服务机构设立分支机构。']]),
    ), rules }]);
    assert.strictEqual(text, [
      '表1推动重点行业领域扩大开放',
      '',
      '| 序号 | 类别 | 试点任务 |',
      '| --- | --- | --- |',
      '| 1 | 科技服务领域 | 深化科技成果赋权改革。 |',
      '| 2 |  | 构建技术交易服务网络。 |',
      '| 3 |  | 开展知识产权证券化试点。 |',
      '| 4 | 专业服务领域 | 允许境外专业人才备案执业。 |',
      '| 5 |  | 支持专业服务机构设立分支机构。 |',
      '',
    ].join('\n'));
  });

  it('reads two ruled tables one right under the other, their columns apart, as two tables', () => {
    // the first: rows between y = 760, 740, 720, columns at x = 70, 200, 400; the second: 720, 700, 680 at 70, 300, 400
    const rules = [760, 740, 720].map((y) => ({ x0: 70, y0: y, x1: 400, y1: y + 0.5 })).concat([700, 680].map((y) => ({ x0: 70, y0: y, x1: 400, y1: y + 0.5 })))
      .concat([70, 200, 400].map((x) => ({ x0: x, y0: 720, x1: x + 0.5, y1: 760 })), [70, 300, 400].map((x) => ({ x0: x, y0: 680, x1: x + 0.5, y1: 720 })));
    const { text } = markdownOfPdfPages([{ ...page(
      line(746, [[75, '对应任务'], [205, '牵头单位']]),
      line(726, [[75, '表1第12项'], [205, '区商务局']]),
      line(706, [[75, '对应任务'], [305, '上限']]),
      line(686, [[75, '表1第49项'], [305, '60%']]),
    ), rules }]);
    assert.strictEqual(text, ['| 对应任务 | 牵头单位 |', '| --- | --- |', '| 表1第12项 | 区商务局 |', '', '| 对应任务 | 上限 |', '| --- | --- |', '| 表1第49项 | 60% |', ''].join('\n'));
  });

  it('keeps a line of prose with a wide gap in it (a signature) as a paragraph, not a table of one row', () => {
    const { text } = markdownOfPdfPages([page(full(700, '正文', 92), line(686, [[72, '结束。']]), line(640, [[300, '天河区人民政府'], [420, '2023年1月5日']]))]);
    assert.ok(text.endsWith('\n\n天河区人民政府 2023年1月5日\n'), text);
  });

  it('never throws, on pages of any runs and rules (fuzzed), and gives each line of its text a page', () => {
    const item = fc.record({
      s: fc.oneof(fc.constantFrom('表1第12项', '1', '序号', '区商务局', '— 2 —', '一、', '51%', '|', '#'), fc.string({ maxLength: 12 })),
      x: fc.double({ min: -50, max: 700, noNaN: true }), y: fc.double({ min: -50, max: 900, noNaN: true }),
      w: fc.double({ min: 0, max: 500, noNaN: true }), h: fc.double({ min: 0, max: 40, noNaN: true }),
    });
    const rule = fc.record({ x0: fc.double({ min: 0, max: 600, noNaN: true }), y0: fc.double({ min: 0, max: 850, noNaN: true }), x1: fc.double({ min: 0, max: 600, noNaN: true }), y1: fc.double({ min: 0, max: 850, noNaN: true }) });
    const pages = fc.array(fc.record({ width: fc.constant(595), height: fc.constant(842), items: fc.array(item, { maxLength: 40 }), rules: fc.array(rule, { maxLength: 12 }) }), { maxLength: 4 });
    fc.assert(fc.property(pages, (ps) => {
      const { text, rowOfLine } = markdownOfPdfPages(ps);
      assert.strictEqual(typeof text, 'string');
      if (text) assert.strictEqual(rowOfLine.length, text.split('\n').length);
      assert.ok(rowOfLine.every((p) => p === '' || /^p[1-4]$/.test(p)), rowOfLine.join(','));
    }), { numRuns: 500, seed: 12 });
  });

  it('gives nothing for pages without text', () => {
    assert.deepStrictEqual(markdownOfPdfPages([page(), page()]), { text: '', rowOfLine: [] });
  });
});

describe('a PDF plan read from its file', function () {
  this.timeout(30000);

  it('is the Word plan it was saved from: the same findings, each on its page', async () => {
    const pdf = await readPlanFile(path.join(FIXTURES, 'plan.pdf'));
    const word = await readPlanFile(path.join(FIXTURES, 'plan.docx'));
    assert.strictEqual(pdf.format, 'pdf');
    assert.ok(!/— \d+ —/.test(pdf.text), 'no page numbers');
    assert.strictEqual(pdf.text.split('\n').filter((l) => l.startsWith('| 序号 |')).length, 1, 'the header repeated on each page of the 分工表 is read once');
    const { checker } = loadEngine(ROOT);
    const said = (text: string) => checker.analyze(text, { locale: 'zh' }).findings.map((f) => `${f.code} ${f.message}`);
    const findings = said(pdf.text);
    assert.ok(findings.length >= 2, `the fixture's findings: ${findings.length}`);
    assert.deepStrictEqual(findings, said(word.text));
    // the pages: the first line on p1, the 分工表 after the body's pages
    const lines = pdf.text.split('\n');
    assert.strictEqual(pdf.rowOfLine?.[0], 'p1');
    assert.ok(Number(pdf.rowOfLine?.[lines.findIndex((l) => l.startsWith('| 序号 |'))].slice(1)) >= 3, 'the 分工表 stands on a later page');
  });

  it('reads a row that the end of a page broke (Word lets long rows break) as one row, as the Word file has it', async () => {
    const pdf = await readPlanFile(path.join(FIXTURES, 'split.pdf'));
    const word = await readPlanFile(path.join(FIXTURES, 'split.docx'));
    const rows = (text: string) => text.split('\n').filter((l) => l.startsWith('| ')).map((l) => l.replace(/\s+/g, ''));
    assert.ok(new Set(pdf.rowOfLine).size >= 3, `the table runs over pages: ${[...new Set(pdf.rowOfLine)].join(', ')}`);
    assert.strictEqual(rows(pdf.text).length, 11, 'the header, its separator and nine rows');
    assert.deepStrictEqual(rows(pdf.text), rows(word.text));
  });

  it('is the plan it was printed from by another engine (Chromium, from a web page): the same findings', async () => {
    const pdf = await readPlanFile(path.join(FIXTURES, 'printed.pdf'));
    const { checker } = loadEngine(ROOT);
    const said = (text: string) => checker.analyze(text, { locale: 'zh' }).findings.map((f) => `${f.code} ${f.message}`).sort();
    const findings = said(pdf.text);
    assert.ok(findings.length >= 8, findings.join('\n'));
    assert.deepStrictEqual(findings, said(fs.readFileSync(path.join(FIXTURES, 'printed.md'), 'utf8')));
  });

  it('serves as a source of the programme (Chromium, its cells centred in their rows): a plan citing it gets the findings it gets with the Markdown source', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-pdf-source-'));
    try {
      fs.mkdirSync(path.join(dir, '.vscode'));
      fs.copyFileSync(path.join(ROOT, 'test/fixtures/sources/shenzhen-plan.md'), path.join(dir, 'plan.md'));
      const check = (source: string) => {
        fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'policyLens.sources': [{ path: source, prefix: 'SZ' }] }));
        const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', 'plan.md'], { cwd: dir, encoding: 'utf8' });
        assert.ok(!/cannot|no task list/.test(r.stderr), r.stderr);
        return r.stdout;
      };
      const fromPdf = check(path.join(FIXTURES, 'shenzhen.pdf'));
      assert.match(fromPdf, /“外资比例不超过60%”与SZ表1第3项不符：原文为“外资比例不超过49%”/);
      assert.strictEqual(fromPdf, check(path.join(ROOT, 'test/fixtures/sources/shenzhen.md')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tells text that is not words (private-use, replacement and control characters) from a plan\'s', () => {
    assert.strictEqual(garbledText('落实表1第12项，允许外商投资社会调查。\n\n| 1 | 区商务局 |'), false);
    assert.strictEqual(garbledText('\uE001\uE002\uE003\uE004 落实表1第12项'), true);
    assert.strictEqual(garbledText('落实表1第12项，允许外商投资社会调查，中方股比不低于67%\uFFFD'), false, 'one stray character is no garbled text');
    assert.strictEqual(garbledText(' \n'), false);
  });

  it('says why a PDF cannot be read: a password, no text (a scan), garbled text, or damage', async () => {
    const refused = async (bytes: Buffer, name: string, said: string) =>
      assert.rejects(readPlanBytes(bytes, name), (e: unknown) => e instanceof UnreadableFileError && e.message.startsWith(`cannot read ${name}: ${said}`), name);
    await refused(fs.readFileSync(path.join(FIXTURES, 'password.pdf')), 'password.pdf', 'a password-protected PDF is not read; save a copy without the password');
    await refused(pdfWithoutText(), 'scan.pdf', 'the PDF holds no text (a scanned copy)');
    await refused(fs.readFileSync(path.join(FIXTURES, 'garbled.pdf')), 'garbled.pdf', "the PDF's text cannot be extracted (its fonts do not say which characters they draw)");
    await refused(Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n', 'latin1'), 'damaged.pdf', 'not a PDF document that can be read');
  });
});

/** A valid one-page PDF that draws a square and holds no text, as a scanned page holds none. */
function pdfWithoutText(): Buffer {
  const stream = '0 0 1 rg 100 100 200 200 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
