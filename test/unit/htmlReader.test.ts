// A plan saved as a web page (.html, .htm): the page's plan as Markdown, what surrounds it left out, in the charset the
// page declares; and the CLI reading one, named or in a folder.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readHtml } from '../../server/src/readers/html';
import { readPlanBytes } from '../../server/src/readers/planFile';
import { ROOT } from '../fixtures/checks/cases';

const PAGE = path.join(ROOT, 'test', 'fixtures', 'html', 'gov-page.html');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const utf8 = (html: string) => new TextEncoder().encode(html);

describe('reading a web page (readHtml)', () => {
  it('reads a government site\'s page: declared GB2312, the plan set in a layout table, its menu, scripts, footer and form left out', async () => {
    const bytes = fs.readFileSync(PAGE);
    assert.ok(!bytes.includes(Buffer.from('实施方案')), 'the fixture is not UTF-8');
    const { text, paragraphOfLine } = await readHtml(bytes, 'gov-page.html');
    assert.match(text, /^# 某区落实服务业扩大开放综合试点实施方案\n\n为贯彻落实商务部/);
    for (const outside of ['首页', '返回首页', '备案号', '表1第99项', '表1第98项', '表1第97项', '表1第96项', 'line-height']) assert.ok(!text.includes(outside), outside);
    // a line break of the page's source between two hanzi is none (完\n成)
    assert.ok(text.includes('（区文广旅体局牵头，2025年底前完成）'), text);
    // a 分工表 kept as a table, its 牵头单位 merged down (rowspan) each row's
    assert.ok(text.includes('| 序号 | 任务 | 对应清单 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- | --- |\n| 1 | 放宽外商设立投资性公司申请条件 | 表4第9项 | 区商务局 | 2025年6月 |\n| 2 | 探索以保证金方式取代保险 | 表3第3项 | 区商务局 | 2025年13月 |'), text);
    // a <br> starts a line of the same paragraph
    assert.ok(text.endsWith('某区人民政府办公室\n2023年5月10日\n'), text);
    assert.strictEqual(paragraphOfLine.length, text.split('\n').length);
    assert.deepStrictEqual(paragraphOfLine.slice(0, 5), [1, 0, 2, 0, 3]);
  });

  it('reads headings, lists and entities; a page without a charset as a text file is read; <pre> keeps its lines', async () => {
    const { text } = await readHtml(utf8('<html><body><h2>一、重点任务</h2><ol><li>落实表1第12项&nbsp;&amp;&#x8868;述</li><li>落实表1第13项</li></ol><pre>第一行\n第二行</pre></body></html>'), 'p.htm');
    assert.strictEqual(text, '## 一、重点任务\n\n1. 落实表1第12项 &表述\n2. 落实表1第13项\n\n第一行\n第二行\n');
  });

  it('reads a page Word saved (Save as Web Page): a list number Word wrote with no-break spaces, its text in pieces of spans, its conditional comments left out', async () => {
    const page = '<html><head><!--[if gte mso 9]><xml><o:Author>表1第95项</o:Author></xml><![endif]--></head><body lang=ZH-CN><div class=WordSection1>' +
      "<p class=MsoNormal align=center><b><span style='font-size:22.0pt'>某区实施方案<o:p></o:p></span></b></p>" +
      "<p class=MsoListParagraph><![if !supportLists]><span lang=EN-US>1.<span style='font:7.0pt'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>" +
      '<span>允许外商投资社会调查，中方股比不低于<span lang=EN-US>51%</span>（表<span lang=EN-US>1</span>第<span lang=EN-US>12</span>项）。<o:p></o:p></span></p></div></body></html>';
    const { text } = await readHtml(utf8(page), 'word.htm');
    assert.strictEqual(text, '某区实施方案\n\n1. 允许外商投资社会调查，中方股比不低于51%（表1第12项）。\n');
  });

  it('reads a page nested absurdly deep, or broken, without failing', async () => {
    const deep = await readHtml(utf8('<body>' + '<div>'.repeat(20000) + '<p>落实表1第58项。</p>' + '</div>'.repeat(20000) + '</body>'), 'deep.html');
    assert.ok(deep.text.includes('落实表1第58项。'), deep.text);
    const spans = await readHtml(utf8('<body>' + '<span>'.repeat(20000) + '落实表1第58项。' + '</span>'.repeat(20000) + '<p>后文</p></body>'), 'spans.html');
    assert.strictEqual(spans.text, '落实表1第58项。\n\n后文\n');
    const broken = await readHtml(utf8('<p>落实表1第58项<table><tr><td>a<td>b</table><<<>>><p' + 'x'.repeat(100)), 'broken.html');
    assert.ok(broken.text.startsWith('落实表1第58项\n\n| a | b |'), broken.text);
  });

  it('reads a page by its bytes where its charset says otherwise (re-saved in UTF-8, still saying gb2312), and a Big5 page by its charset', async () => {
    const resaved = new TextDecoder('gb18030').decode(fs.readFileSync(PAGE));
    assert.ok(resaved.includes('charset=gb2312'));
    const { text } = await readHtml(utf8(resaved), 'resaved.html');
    assert.ok(text.startsWith('# 某区落实服务业扩大开放综合试点实施方案\n'), text.slice(0, 80));
    const iconv = require('iconv-lite');
    const big5 = await readHtml(iconv.encode('<meta charset="big5"><p>落實表1第12項。</p>', 'big5'), 'big5.html');
    assert.strictEqual(big5.text, '落實表1第12項。\n');
  });

  it('refuses a file named .html that holds no HTML, rather than check it as a page', async () => {
    await assert.rejects(readHtml(utf8('落实表1第12项。'), 'plan.html'), /cannot read plan\.html: not a web page/);
  });

  it('is the reader of .html and .htm files, as format html with paragraphs', async () => {
    for (const name of ['plan.html', 'PLAN.HTM']) {
      const plan = await readPlanBytes(utf8('<p>落实表1第12项。</p>'), name);
      assert.deepStrictEqual([plan.format, plan.text, plan.paragraphOfLine], ['html', '落实表1第12项。\n', [1, 0]]);
    }
  });
});

describe('the CLI on web pages', () => {
  it('checks a page named, locating findings by paragraph', () => {
    const r = spawnSync(process.execPath, [CLI, 'check', PAGE], { encoding: 'utf8' });
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stdout, /gov-page\.html:¶4:18 error threshold-mismatch “中方股比不低于51%”与表1第12项不符/);
    assert.match(r.stdout, /gov-page\.html:¶8:5 error unknown-task 表1第58项不存在/);
  });

  it('checks the pages of a folder, not those of a saved page\'s asset folder (方案_files beside 方案.html) nor the report it wrote', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-html-'));
    try {
      fs.copyFileSync(PAGE, path.join(dir, '方案.html'));
      const report = spawnSync(process.execPath, [CLI, 'report', PAGE, '--out', path.join(dir, 'report.html')], { encoding: 'utf8' });
      assert.strictEqual(report.status, 0, report.stderr);
      fs.mkdirSync(path.join(dir, '方案_files'));
      fs.writeFileSync(path.join(dir, '方案_files', 'frame.htm'), '<p>落实表1第70项。</p>');
      fs.mkdirSync(path.join(dir, '其他_files'));
      fs.writeFileSync(path.join(dir, '其他_files', 'page.htm'), '<p>落实表1第71项。</p>');
      const r = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json'], { encoding: 'utf8' });
      const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => path.relative(dir, f.file));
      assert.deepStrictEqual(files.sort(), ['方案.html', path.join('其他_files', 'page.htm')].sort());
      assert.match(r.stderr, /report\.html is a review report written by policy-lens, not a plan: skipped/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
