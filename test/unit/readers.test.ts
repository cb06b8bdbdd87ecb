// The plan readers on real bytes: encodings detected and decoded, binary and foreign text refused, Word turned into Markdown.
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import * as os from 'os';
import * as path from 'path';
import { decodePlanBytes } from '../../server/src/readers/encoding';
import { readDocx, readDocxBeforeRevisions, rejectRevisions } from '../../server/src/readers/docx';
import { markdownOfDocBody } from '../../server/src/readers/doc';
import { readPlanBytes, readPlanFile, readPlanTextFileSync } from '../../server/src/readers/planFile';
import { UnreadableFileError } from '../../server/src/readers/unreadable';
import { CLI_PLAN_FILE, PLAN_FILE } from '../../server/src/planFiles';
import { makeDocx, makeRevisedDocx, MERGED_TABLE_PLAN, ORIGINAL_MARKDOWN, REVISED_MARKDOWN, WORD_PLAN, WORD_PLAN_MARKDOWN, WORD_PLAN_PARAGRAPHS } from '../support/docxFixture';
import { makeWorkbook, WORKBOOK_MARKDOWN, WORKBOOK_ROWS } from '../support/xlsxFixture';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLE = fs.readFileSync(path.join(ROOT, 'examples', 'sample-plan.md'), 'utf8');
const NOT_TEXT = (name: string) => `cannot read ${name}: not UTF-8, UTF-16 or GB18030 text`;

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const withBom = (bom: number[], body: Buffer) => Buffer.concat([Buffer.from(bom), body]);

function refuses(run: () => unknown, message: string, what: string): void {
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof UnreadableFileError, `${what}: threw ${String(e)} instead of an UnreadableFileError`);
    assert.strictEqual(e.message, message, `${what}: wrong message`);
    return true;
  }, `${what} was read as text`);
}

describe('decodePlanBytes', () => {
  it('reads a plan in UTF-8 without a BOM as utf-8', () => {
    assert.deepStrictEqual(decodePlanBytes(Buffer.from(SAMPLE, 'utf8'), 'plan.md'), { text: SAMPLE, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and strips the BOM from the text', () => {
    assert.deepStrictEqual(decodePlanBytes(withBom([0xef, 0xbb, 0xbf], Buffer.from(SAMPLE, 'utf8')), 'plan.md'), { text: SAMPLE, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with their BOMs', () => {
    assert.deepStrictEqual(decodePlanBytes(withBom([0xff, 0xfe], Buffer.from(SAMPLE, 'utf16le')), 'le.md'), { text: SAMPLE, encoding: 'utf-16le' });
    assert.deepStrictEqual(decodePlanBytes(withBom([0xfe, 0xff], utf16be(SAMPLE)), 'be.md'), { text: SAMPLE, encoding: 'utf-16be' });
  });

  it('reads a GB18030 plan as saved by WPS', () => {
    assert.deepStrictEqual(decodePlanBytes(iconv.encode(SAMPLE, 'gb18030'), 'gb.md'), { text: SAMPLE, encoding: 'gb18030' });
  });

  it('reads short GB18030 files as GB18030, including bytes that happen to be valid UTF-8', () => {
    // 陆 is C2 BD in GBK, which is also UTF-8 for ½ (实十 for ʵʮ, 小学 for Сѧ); 落实 and 表1第58项 are not valid UTF-8 at all
    for (const text of ['陆', '落实', '表1第58项', '中文\n', '第十二项：', '（一）', '陆海', '实十', '小学']) {
      const bytes = iconv.encode(text, 'gb18030');
      assert.deepStrictEqual(decodePlanBytes(bytes, 'short.txt'), { text, encoding: 'gb18030' }, `GB18030 ${JSON.stringify(text)} (${bytes.toString('hex')})`);
    }
  });

  it('keeps valid UTF-8 as UTF-8, whether Chinese, European or empty', () => {
    for (const text of ['', 'plain ASCII', 'café', 'naïve résumé', 'Москва', 'Ελλάδα', '落实表4第9项。', '¥200 万元', '25°C', 'm²', 'Größe', 'Ελλάδα και Κύπρος', 'Привет, мир']) {
      assert.deepStrictEqual(decodePlanBytes(Buffer.from(text, 'utf8'), 'u.md'), { text, encoding: 'utf-8' }, `UTF-8 ${JSON.stringify(text)}`);
    }
  });

  it('refuses binary files: NUL bytes, control characters, a PNG header', () => {
    refuses(() => decodePlanBytes(Buffer.from([0x25, 0x50, 0x00, 0x44, 0x46]), 'nul.md'), NOT_TEXT('nul.md'), 'a file with a NUL byte');
    refuses(() => decodePlanBytes(Buffer.from('ab\x01\x02\x03cd'), 'ctl.md'), NOT_TEXT('ctl.md'), 'a file of control characters');
    refuses(() => decodePlanBytes(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'image.md'), NOT_TEXT('image.md'), 'a PNG');
    refuses(() => decodePlanBytes(Buffer.from(SAMPLE, 'utf16le'), 'nobom.md'), NOT_TEXT('nobom.md'), 'UTF-16 without a BOM (its ASCII has NUL bytes)');
  });

  it('refuses a Latin-1 file, which is none of UTF-8, UTF-16 or GB18030', () => {
    const latin1 = iconv.encode('Müller café naïve résumé, Größe: 12 m²\n', 'latin1');
    refuses(() => decodePlanBytes(latin1, 'latin.txt'), NOT_TEXT('latin.txt'), 'a Latin-1 file');
    refuses(() => decodePlanBytes(iconv.encode('Müller\n', 'latin1'), 'name.txt'), NOT_TEXT('name.txt'), 'Latin-1 ü before a letter (a valid but rare GBK character)');
  });

  it('refuses broken encodings behind a BOM rather than guessing', () => {
    refuses(() => decodePlanBytes(withBom([0xff, 0xfe], Buffer.from([0x41, 0x00, 0x42])), 'odd.md'), NOT_TEXT('odd.md'), 'UTF-16 with an odd number of bytes');
    refuses(() => decodePlanBytes(withBom([0xff, 0xfe], Buffer.from([0x00, 0xd8, 0x41, 0x00])), 'lone.md'), NOT_TEXT('lone.md'), 'UTF-16 with a lone surrogate');
    refuses(() => decodePlanBytes(withBom([0xef, 0xbb, 0xbf], iconv.encode('落实', 'gb18030')), 'mixed.md'), NOT_TEXT('mixed.md'), 'a UTF-8 BOM before GBK bytes');
  });

  it('reads any Chinese plan text back exactly from GB18030, UTF-16 and UTF-8', () => {
    // hanzi next to Latin letters are left out: `牵a` is also valid UTF-8 (`ǣa`), which is then kept
    const chars = [...'落实表第项一二三四五六七八九十外资股比不低于万元年月日区商务局牵头陆海服务业扩大开放（）：；，。、“”《》', '1', ' ', '\n', '%'];
    const planText = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 60 }).map((a) => a.join(''));
    fc.assert(fc.property(planText, (text) => {
      const gb = decodePlanBytes(iconv.encode(text, 'gb18030'), 'p.md');
      assert.strictEqual(gb.text, text, `GB18030 ${JSON.stringify(text)} read back differently`);
      assert.strictEqual(decodePlanBytes(withBom([0xfe, 0xff], utf16be(text)), 'p.md').text, text, 'UTF-16 BE read back differently');
      const utf8 = decodePlanBytes(Buffer.from(text, 'utf8'), 'p.md');
      assert.deepStrictEqual(utf8, { text, encoding: 'utf-8' }, `UTF-8 ${JSON.stringify(text)} not kept as UTF-8`);
    }), { numRuns: 1000 });
  });
});

describe('readDocx', () => {
  it('turns headings, paragraphs, numbered items and a table into Markdown, with each line\'s Word paragraph', async () => {
    const plan = await readDocx(await makeDocx(WORD_PLAN), 'plan.docx');
    assert.strictEqual(plan.text, WORD_PLAN_MARKDOWN, 'the extracted Markdown differs');
    assert.deepStrictEqual(plan.paragraphOfLine, WORD_PLAN_PARAGRAPHS, 'a line has the wrong ¶');
    assert.strictEqual(plan.paragraphOfLine.length, plan.text.split('\n').length, 'one paragraph number per line');
  });

  it('writes bullets as "- ", keeps visible numbering typed in the text, and indents nested numbered items', async () => {
    const plan = await readDocx(await makeDocx([
      { bullet: '完善工作机制' },
      { bullet: '（一）加强组织领导' },
      { paragraph: '正文' },
      { numbered: '推进试点' },
      { numbered: '试点细则', level: 1 },
      { numbered: '总结经验' },
    ]), 'lists.docx');
    assert.strictEqual(plan.text, '- 完善工作机制\n（一）加强组织领导\n\n正文\n\n1. 推进试点\n   1. 试点细则\n2. 总结经验\n');
    assert.deepStrictEqual(plan.paragraphOfLine, [1, 2, 0, 3, 0, 4, 5, 6, 0]);
  });

  it('keeps table columns aligned across merged cells (one merged down repeated in each row), counts each row as one paragraph and escapes | in cells', async () => {
    const plan = await readDocx(await makeDocx([
      { table: [
        ['序号', { text: '任务与单位', columnSpan: 2 }],
        [{ text: '1', rowSpan: 2 }, 'a|b', 'x'],
        ['y', 'z & <w>'],
      ] },
    ]), 'merged.docx');
    assert.strictEqual(plan.text, '| 序号 | 任务与单位 | |\n| --- | --- | --- |\n| 1 | a\\|b | x |\n| 1 | y | z & <w> |\n');
    assert.deepStrictEqual(plan.paragraphOfLine, [1, 1, 2, 3, 0]);
  });

  it('gives an empty document no text', async () => {
    const plan = await readDocx(await makeDocx([]), 'empty.docx');
    assert.deepStrictEqual(plan, { text: '', paragraphOfLine: [0] });
  });

  it('refuses files that are not a Word document: text, a truncated .docx, a ZIP without a document', async () => {
    const whole = await makeDocx(WORD_PLAN);
    const JSZip = require('jszip');
    const zip = new JSZip();
    zip.file('readme.txt', 'not a document');
    const otherZip: Buffer = await zip.generateAsync({ type: 'nodebuffer' });
    for (const [bytes, what] of [[Buffer.from(SAMPLE), 'Markdown'], [whole.subarray(0, whole.length / 2), 'a truncated .docx'], [otherZip, 'a ZIP without word/document.xml']] as const) {
      await assert.rejects(readDocx(bytes, 'bad.docx'), (e: unknown) => {
        assert.ok(e instanceof UnreadableFileError, `${what}: ${String(e)}`);
        assert.strictEqual(e.message, 'cannot read bad.docx: not a Word .docx document');
        return true;
      }, `${what} was read as a Word document`);
    }
  });
});

describe('readXlsx', () => {
  it('turns a 分工表 workbook into Markdown: titles and section lines as paragraphs, rows under the header, each line\'s sheet and row', async () => {
    const plan = await readPlanBytes(await makeWorkbook(), 'plan.xlsx');
    assert.strictEqual(plan.format, 'xlsx');
    assert.strictEqual(plan.text, WORKBOOK_MARKDOWN);
    assert.deepStrictEqual(plan.rowOfLine, WORKBOOK_ROWS);
  });

  it('gives a workbook of empty sheets no text', async () => {
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const plan = await readPlanBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'empty.xlsx');
    assert.deepStrictEqual([plan.text, plan.rowOfLine], ['', []]);
  });

  it('writes a number as its cell shows it when the format fixes the decimals (1.10 under 0.00)', async () => {
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分工表');
    ws.addRow(['任务编号', '工作任务']);
    ws.addRow([1.1, '推动技术转移']);
    ws.getCell('A2').numFmt = '0.00';
    ws.addRow([1.5, '推进试点']);
    const plan = await readPlanBytes(Buffer.from(await wb.xlsx.writeBuffer()), 'numbers.xlsx');
    assert.deepStrictEqual(plan.text.split('\n').slice(4, 6), ['| 1.10 | 推动技术转移 |', '| 1.5 | 推进试点 |']);
  });

  it('refuses a file named .xlsx that is not a workbook', async () => {
    const whole = await makeWorkbook();
    for (const [bytes, what] of [[Buffer.from(SAMPLE), 'Markdown'], [whole.subarray(0, whole.length / 2), 'a truncated .xlsx']] as const) {
      await assert.rejects(readPlanBytes(bytes, 'bad.xlsx'), (e: unknown) => {
        assert.ok(e instanceof UnreadableFileError, `${what}: ${String(e)}`);
        assert.strictEqual(e.message, 'cannot read bad.xlsx: not an Excel .xlsx workbook');
        return true;
      }, `${what} was read as a workbook`);
    }
  });
});

describe('a Word plan with tracked changes (修订)', () => {
  it('is read as Word\'s Final view shows it, and as it was before its changes when asked', async () => {
    const bytes = await makeRevisedDocx();
    assert.strictEqual((await readDocx(bytes, 'plan.docx')).text, REVISED_MARKDOWN);
    const asked = { revisions: true };
    assert.deepStrictEqual([(await readPlanBytes(bytes, 'plan.docx', asked)).revisions, (await readPlanBytes(await makeDocx(WORD_PLAN), 'plan.docx', asked)).revisions], [true, undefined]);
    assert.strictEqual((await readPlanBytes(bytes, 'plan.docx')).revisions, undefined, 'looked for only when asked');
    const before = await readDocxBeforeRevisions(bytes, 'plan.docx');
    assert.deepStrictEqual([before?.text, before?.paragraphOfLine.length], [ORIGINAL_MARKDOWN, ORIGINAL_MARKDOWN.split('\n').length]);
    assert.strictEqual(await readDocxBeforeRevisions(await makeDocx(WORD_PLAN), 'plan.docx'), undefined, 'a plan without changes has no earlier text');
    await assert.rejects(readDocxBeforeRevisions(Buffer.from('not a zip'), 'fake.docx'), /cannot read fake\.docx: not a Word \.docx document/);
  });

  it('rejects each kind of change: insertions and moved-to text go, deletions and moved-from text come back', () => {
    const xml = '<w:p><w:pPr><w:rPr><w:ins w:id="9" w:author="a"/></w:rPr></w:pPr><w:r><w:t>甲</w:t></w:r>' +
      '<w:ins w:id="1" w:author="a"><w:r><w:t>乙</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>丙</w:delText></w:r></w:del>' +
      '<w:moveFrom w:id="3"><w:r><w:t>丁</w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>戊</w:t></w:r></w:moveTo>' +
      '<w:moveFromRangeStart w:id="5"/><w:tblBorders><w:insideH w:val="single"/></w:tblBorders></w:p>';
    assert.strictEqual(rejectRevisions(xml), '<w:p><w:pPr><w:rPr></w:rPr></w:pPr><w:r><w:t>甲</w:t></w:r><w:r><w:t>丙</w:t></w:r>' +
      '<w:r><w:t>丁</w:t></w:r><w:moveFromRangeStart w:id="5"/><w:tblBorders><w:insideH w:val="single"/></w:tblBorders></w:p>');
  });
});

describe('readDoc (Word 97–2003)', () => {
  const WORD97 = path.join(__dirname, '../../../test/fixtures/word97');

  it('reads the .doc LibreOffice wrote of WORD_PLAN as readDocx reads the .docx, but for what the .doc text does not keep', async () => {
    const plan = await readPlanFile(path.join(WORD97, 'word-plan.doc'));
    assert.strictEqual(plan.format, 'doc');
    const lines = WORD_PLAN_MARKDOWN.split('\n');
    // headings and automatic numbers as the .docx reader writes them (the .doc's styles and list tables), but each numbered
    // item a paragraph of its own and a manual line break ending one
    const expected = [...lines.slice(0, 6), ...lines.slice(6, 9).flatMap((l, k) => [...(k ? [''] : []), l]), ...lines.slice(9, 17), lines[17], '', ...lines.slice(18)];
    assert.strictEqual(plan.text, expected.join('\n'));
    assert.deepStrictEqual(plan.paragraphOfLine, [1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 8, 9, 10, 0, 11, 0, 12, 0]);
  });

  it('joins the paragraphs of a cell, keeps rows of empty cells, and leaves prose with a tab in it as prose', () => {
    const body = '标题\n序号\t任务\t牵头单位\t\n1\t表1第12项\t区商务局\n区市场监管局\t\n2\t\t\t\n1.\t落实表1第13项。\n下一段\n';
    assert.deepStrictEqual(markdownOfDocBody(body).text.split('\n'), [
      '标题', '', '| 序号 | 任务 | 牵头单位 |', '| --- | --- | --- |', '| 1 | 表1第12项 | 区商务局 区市场监管局 |', '| 2 |  |  |', '', '1. 落实表1第13项。', '', '下一段', '',
    ]);
    assert.deepStrictEqual(markdownOfDocBody(''), { text: '', paragraphOfLine: [0] });
  });

  it('lays a table out on its columns as readDocx does: a cell merged across, cells merged down (the .doc LibreOffice wrote of MERGED_TABLE_PLAN)', async () => {
    const doc = await readPlanFile(path.join(WORD97, 'merged-table.doc'));
    const docx = await readDocx(await makeDocx(MERGED_TABLE_PLAN), 'merged-table.docx');
    // (an empty cell written with one space or two: the same Markdown)
    assert.strictEqual(doc.text.replace(/\| {2}\|/g, '| |'), docx.text);
    for (const row of ['| 领域 | 任务 | 责任单位 |  | 完成时限 |', '| 领域 | 任务 | 牵头单位 | 配合单位 | 完成时限 |', '| 金融服务 | 开展金融领域管理信息共享（表5第15项） | 区金融局 | 区商务局 | 2024年12月 |', '| 商务服务 | 支持企业开展保税展示交易业务（表1第14项） | 区商务局 | 黄埔海关 | 2024年12月 |']) {
      assert.ok(doc.text.includes(row), `${row}\n${doc.text}`);
    }
  });

  it("lays out a table only where the text's rows are the document's; else reads the text as it is", () => {
    const body = '序号\t牵头单位\t\n1\t区金融局\t\n2\t\t\n3\t\t\n';
    const row = (continued: number[], bounds = [0, 800, 3000]) => ({ cells: bounds.length - 1, bounds, continued });
    const rows = [row([]), row([]), row([1]), row([1])];
    const cells = (text: string) => text.split('\n').filter((l) => /^\| \d/.test(l));
    assert.deepStrictEqual(cells(markdownOfDocBody(body, rows).text), ['| 1 | 区金融局 |', '| 2 | 区金融局 |', '| 3 | 区金融局 |']);
    // bounds a few twips apart are one column's
    assert.deepStrictEqual(cells(markdownOfDocBody(body, [row([]), row([], [0, 810, 3000]), row([1], [0, 795, 3000]), row([1])]).text), ['| 1 | 区金融局 |', '| 2 | 区金融局 |', '| 3 | 区金融局 |']);
    const asText = ['| 1 | 区金融局 |', '| 2 |  |', '| 3 |  |'];
    // a row more or fewer than the text's, a merged cell with text of its own, a row of another width: as the text has it
    assert.deepStrictEqual(cells(markdownOfDocBody(body, rows.slice(1)).text), asText);
    assert.deepStrictEqual(cells(markdownOfDocBody(body.replace('2\t\t', '2\t区商务局\t'), rows).text), ['| 1 | 区金融局 |', '| 2 | 区商务局 |', '| 3 |  |']);
    assert.deepStrictEqual(cells(markdownOfDocBody(body, [...rows.slice(0, 3), row([1], [0, 800, 1500, 3000])]).text), asText);
    assert.deepStrictEqual(cells(markdownOfDocBody(body).text), asText);
  });
});

describe('readXls (Excel 97–2003)', () => {
  it('reads the .xls LibreOffice wrote of makeWorkbook as readXlsx reads the .xlsx: merged cells, dates, rows and all', async () => {
    const plan = await readPlanFile(path.join(__dirname, '../../../test/fixtures/word97/workbook.xls'));
    assert.deepStrictEqual([plan.format, plan.text, plan.rowOfLine], ['xls', WORKBOOK_MARKDOWN, WORKBOOK_ROWS]);
  });

  it('reports a damaged .xls that makes SheetJS allocate without end as unreadable, and goes on (its worker dies, not us)', async function () {
    this.timeout(60000);
    // workbook.xls with a few bytes changed (a fuzz run's): read in this process, SheetJS ran out of a 4 GB heap
    const damaged = path.join(__dirname, '../../../test/fixtures/word97/damaged.xls');
    await assert.rejects(readPlanFile(damaged), (e: unknown) => e instanceof UnreadableFileError && e.message === `cannot read ${damaged}: not an Excel 97–2003 workbook`);
    assert.strictEqual((await readPlanFile(path.join(__dirname, '../../../test/fixtures/word97/workbook.xls'))).text, WORKBOOK_MARKDOWN, 'the next file is read');
  });
});

describe('files no reader reads', () => {
  it('says what to do with a damaged PDF, an RTF or presentation, or an old Office or WPS file that is not what its name says', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /Length 20 >> stream\nBT (plan) Tj ET\nendstream\n', 'latin1')]);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('表1第12项 plan text'.repeat(20))]);
    const rtf = Buffer.from('{\\rtf1\\ansi\\ansicpg936 {\\fonttbl} 表1第12项}', 'utf8');
    const xls = fs.readFileSync(path.join(__dirname, '../../../test/fixtures/word97/workbook.xls'));
    for (const [bytes, name, said] of [
      [pdf, 'plan.pdf', 'not a PDF document that can be read'], [pdf, 'plan.md', 'not a PDF document that can be read'], [rtf, 'plan.doc', 'an RTF document is not read'],
      [ole, 'plan.doc', 'not a Word 97–2003 document'], [ole, 'workbook.xls', 'not an Excel 97–2003 workbook'],
      // a Microsoft Works .wps is another format than WPS Writer's
      [ole, 'plan.wps', 'not a WPS Writer or Word 97–2003 document'], [ole, 'sheet.et', 'not a WPS Spreadsheets or an Excel 97–2003 workbook'],
      [ole, 'slides.dps', 'a presentation is not read'], [ole, 'slides.ppt', 'a presentation is not read'],
      [xls, 'workbook.doc', 'not a Word 97–2003 document'], [ole, 'plan.xlsx', 'a password-protected document is not read'],
    ] as const) {
      await assert.rejects(readPlanBytes(bytes, name), (e: unknown) => e instanceof UnreadableFileError && e.message.startsWith(`cannot read ${name}: ${said}`), name);
    }
  });
});

describe('readPlanFile', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-readers-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('dispatches on the extension: .docx to the Word reader, .md and .txt to the decoder', async () => {
    fs.writeFileSync(path.join(dir, 'plan.docx'), await makeDocx(WORD_PLAN));
    fs.writeFileSync(path.join(dir, 'plan.md'), iconv.encode(SAMPLE, 'gb18030'));
    fs.writeFileSync(path.join(dir, 'plan.txt'), withBom([0xff, 0xfe], Buffer.from(SAMPLE, 'utf16le')));
    const word = await readPlanFile(path.join(dir, 'plan.docx'));
    assert.deepStrictEqual({ ...word, name: path.basename(word.name) }, { name: 'plan.docx', text: WORD_PLAN_MARKDOWN, format: 'docx', paragraphOfLine: WORD_PLAN_PARAGRAPHS });
    const md = await readPlanFile(path.join(dir, 'plan.md'));
    assert.deepStrictEqual([md.format, md.encoding, md.text === SAMPLE], ['markdown', 'gb18030', true]);
    const txt = readPlanTextFileSync(path.join(dir, 'plan.txt'));
    assert.deepStrictEqual([txt.format, txt.encoding, txt.text === SAMPLE], ['text', 'utf-16le', true]);
  });

  it('reads a Word 97–2003 document by its signature, whatever its name, and a .docx named .doc as one', async () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../../test/fixtures/word97/word-plan.doc'));
    assert.strictEqual((await readPlanBytes(doc, 'standard input')).format, 'doc');
    const docx = await readPlanBytes(await makeDocx(WORD_PLAN), 'plan.doc');
    assert.deepStrictEqual([docx.format, docx.text], ['docx', WORD_PLAN_MARKDOWN]);
  });

  it('reads WPS Office\'s own files as the Office 97–2003 formats they build on: .wps as a .doc, .et as an .xls', async () => {
    const word97 = (name: string) => fs.readFileSync(path.join(__dirname, '../../../test/fixtures/word97', name));
    const asDoc = await readPlanBytes(word97('word-plan.doc'), 'plan.doc');
    const asWps = await readPlanBytes(word97('word-plan.doc'), '方案.WPS');
    assert.deepStrictEqual([asWps.format, asWps.text, asWps.paragraphOfLine], ['doc', asDoc.text, asDoc.paragraphOfLine]);
    const asEt = await readPlanBytes(word97('workbook.xls'), '分工表.et');
    assert.deepStrictEqual([asEt.format, asEt.text, asEt.rowOfLine], ['xls', WORKBOOK_MARKDOWN, WORKBOOK_ROWS]);
    // WPS saves the newer formats under its own names too
    assert.deepStrictEqual((await readPlanBytes(await makeDocx(WORD_PLAN), '方案.wps')).text, WORD_PLAN_MARKDOWN);
    assert.deepStrictEqual((await readPlanBytes(await makeWorkbook(), '分工表.et')).text, WORKBOOK_MARKDOWN);
  });

  it('reads Word bytes without a name by their ZIP signature (standard input)', async () => {
    const plan = await readPlanBytes(await makeDocx(WORD_PLAN), 'standard input');
    assert.strictEqual(plan.format, 'docx');
    assert.strictEqual(plan.text, WORD_PLAN_MARKDOWN);
  });

  it('reports a missing file as unreadable, naming it', async () => {
    const missing = path.join(dir, 'missing.md');
    await assert.rejects(readPlanFile(missing), (e: unknown) => e instanceof UnreadableFileError && e.message === `cannot read ${missing}: ENOENT`);
  });

  it('counts Word files as plan files but not the lock files Word leaves next to them', () => {
    assert.ok(PLAN_FILE.test(path.join('plans', '方案.docx')), '.docx is a plan file');
    assert.ok(PLAN_FILE.test(path.join('plans', '方案.doc')) && CLI_PLAN_FILE.test('方案.DOC') && !PLAN_FILE.test('~$方案.doc'), '.doc too');
    assert.ok(CLI_PLAN_FILE.test('分工表.xls') && !PLAN_FILE.test('分工表.xls'), '.xls as .xlsx');
    assert.ok(PLAN_FILE.test('方案.wps') && CLI_PLAN_FILE.test('方案.WPS') && !PLAN_FILE.test('~$方案.wps'), 'WPS Writer\'s .wps as .doc');
    assert.ok(CLI_PLAN_FILE.test('分工表.et') && !PLAN_FILE.test('分工表.et'), 'WPS Spreadsheets\' .et as .xls');
    assert.ok(CLI_PLAN_FILE.test('天河区方案.PDF') && !PLAN_FILE.test('天河区方案.pdf'), 'a PDF in the CLI\'s folders, not in the editor\'s workspace scans');
    assert.ok(!PLAN_FILE.test(path.join('plans', '~$方案.docx')), 'a Word lock file is not a plan');
    assert.ok(PLAN_FILE.test('plan.md') && PLAN_FILE.test('notes.TXT') && !PLAN_FILE.test('image.png'));
    // the CLI takes a folder's workbooks too (not Excel's lock files); the editor's workspace scan does not
    assert.ok(CLI_PLAN_FILE.test(path.join('plans', '分工表.xlsx')) && !CLI_PLAN_FILE.test(path.join('plans', '~$分工表.xlsx')));
    assert.ok(!PLAN_FILE.test('分工表.xlsx') && CLI_PLAN_FILE.test('plan.docx') && CLI_PLAN_FILE.test('plan.md'));
  });
});
