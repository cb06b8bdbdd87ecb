// The review written into a copy of an Excel 分工表 (policy-lens annotate): each finding a comment on its cell, the
// workbook otherwise as it was; read back by our reader, by exceljs and by LibreOffice.
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { annotateXlsx, CellNote, sharedStrings, workbookNotesOf } from '../../server/src/report/workbookComments';
import { withRelationship } from '../../server/src/report/officeParts';
import { readXlsx } from '../../server/src/readers/xlsx';
import { Finding } from '../../server/src/core/findings';
import { makeWorkbook, WORKBOOK_MARKDOWN, WORKBOOK_ROWS } from '../support/xlsxFixture';

const note = (row: number, text: string, column?: number, sheet = '分工表'): CellNote => ({ sheet, row, column, text, comment: [`关于${text || row}`, '第二行'] });
const finding = (written: string, extra: Partial<Finding> = {}): Finding => {
  const start = WORKBOOK_MARKDOWN.indexOf(written);
  return { start, end: start + written.length, code: 'missing-lead-unit', severity: 'warning', message: `${written}：问题`, related: [], fixes: [], ...extra };
};

async function commentsOf(bytes: Buffer): Promise<Record<string, string>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Record<string, string> = {};
  book.getWorksheet('分工表')!.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => {
    const n = cell.note as string | { texts?: { text: string }[] } | undefined;
    if (n) out[cell.address] = typeof n === 'string' ? n : (n.texts ?? []).map((t) => t.text).join('');
  }));
  return out;
}

describe('Excel comments (workbookComments.ts)', () => {
  it('places a finding by its row and the cell it starts in', () => {
    const [inCell, secondCell, title] = workbookNotesOf(WORKBOOK_MARKDOWN, WORKBOOK_ROWS, [
      finding('不低于51%'),
      finding('区文广旅体局'),
      finding('番禺区任务分工表'),
    ], 'zh');
    assert.deepStrictEqual([inCell.sheet, inCell.row, inCell.column, inCell.text], ['分工表', 4, 4, '不低于51%']);
    assert.deepStrictEqual([secondCell.row, secondCell.column], [5, 5]);
    assert.deepStrictEqual([title.row, title.column], [1, undefined], 'a title row: its cell found by its text');
    assert.deepStrictEqual(inCell.comment, ['【警告】不低于51%：问题', 'Policy Lens 检查项：missing-lead-unit']);
    // a finding past the last row: not dropped, the first sheet's first cell
    const [past] = workbookNotesOf(WORKBOOK_MARKDOWN + '\n尾注\n', [...WORKBOOK_ROWS, '', ''], [{ ...finding('x'), start: WORKBOOK_MARKDOWN.length + 1, end: WORKBOOK_MARKDOWN.length + 3 }], 'zh');
    assert.deepStrictEqual([past.sheet, past.row, past.column], ['', 1, undefined]);
    // a cell's escaped | does not part cells
    const [escaped] = workbookNotesOf(WORKBOOK_MARKDOWN, WORKBOOK_ROWS, [finding('2025年底')], 'zh');
    assert.deepStrictEqual([escaped.row, escaped.column], [6, 6]);
  });

  it('writes each note on its cell, the workbook read as before, in the parts Excel shows comments from', async () => {
    const bytes = await makeWorkbook();
    const copy = await annotateXlsx(bytes, [
      note(4, '不低于51%', 4),
      note(5, '', 2), // 领域 merged down from B4: the comment goes on B4
      note(1, '番禺区任务分工表'),
      note(6, '', 5), // no text to find (an empty cell): its column
      note(5, '区文广旅体局区商务局', 5),
      note(5, '从事出境旅游', 5), // not in E5 but in D5: the cell holding its text
      note(3, '', undefined, '没有的表'),
    ], 'Policy Lens');
    assert.deepStrictEqual(copy.placed, { text: 4, column: 2, row: 1 }, 'the merged cell and the empty one by their column, the unknown sheet\'s on its row');
    assert.deepStrictEqual(await readXlsx(copy.bytes, 'copy.xlsx'), await readXlsx(bytes, 'plan.xlsx'), 'the same text');
    const comments = await commentsOf(copy.bytes);
    assert.deepStrictEqual(Object.keys(comments).sort(), ['A1', 'B4', 'D4', 'D5', 'E5', 'E6']);
    assert.strictEqual(comments.D4, '关于不低于51%\n第二行');
    assert.strictEqual(comments.A1, '关于番禺区任务分工表\n第二行\n\n关于3\n第二行', 'a sheet it does not have: the first sheet\'s first cell, with the note there');
    const zip = await JSZip.loadAsync(copy.bytes);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    assert.match(sheet, /<pageSetup [^>]*\/><legacyDrawing r:id="rId\d+"\/><\/worksheet>$/, 'legacyDrawing in its place, after pageSetup');
    assert.match(await zip.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string'), /relationships\/comments" Target="\.\.\/comments1\.xml"\/>.*relationships\/vmlDrawing" Target="\.\.\/drawings\/vmlDrawing1\.vml"/);
    const vml = await zip.file('xl/drawings/vmlDrawing1.vml')!.async('string');
    assert.strictEqual(vml.match(/<x:ClientData ObjectType="Note">/g)?.length, 6);
    assert.match(vml, /<x:Row>3<\/x:Row><x:Column>3<\/x:Column>/, 'D4 as 0-based row and column');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    assert.match(types, /PartName="\/xl\/comments1\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.comments\+xml"/);
    assert.strictEqual(types.match(/Extension="vml"/g)?.length, 1, 'the vml type once');
    assert.strictEqual(zip.file('xl/worksheets/_rels/sheet2.xml.rels'), null, 'a sheet without notes is left as it was');
  });

  it('keeps a cell\'s own comment and adds to it, and annotates a copy again without doubling its parts', async () => {
    const once = (await annotateXlsx(await makeWorkbook(), [note(4, '不低于51%', 4)], '区商务局')).bytes;
    const twice = await annotateXlsx(once, [note(4, '不低于51%', 4), note(6, '1-14', 3)], 'Policy Lens');
    const comments = await commentsOf(twice.bytes);
    assert.strictEqual(comments.D4, '关于不低于51%\n第二行\n\n关于不低于51%\n第二行');
    assert.ok(comments.C6);
    const zip = await JSZip.loadAsync(twice.bytes);
    assert.deepStrictEqual(Object.keys(zip.files).filter((f) => /comments|vml/i.test(f)).sort(), ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']);
    assert.match(await zip.file('xl/comments1.xml')!.async('string'), /<authors><author>区商务局<\/author><author>Policy Lens<\/author><\/authors>/);
    const vml = await zip.file('xl/drawings/vmlDrawing1.vml')!.async('string');
    const ids = [...vml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => m[1]);
    assert.deepStrictEqual([ids.length, new Set(ids).size], [2, 2], 'one box a commented cell, each id its own');
  });

  it('reads the shared strings as Excel numbers them: an empty one counts, phonetic runs and entities as text', () => {
    const xml = '<sst xmlns="x"><si><t>表1第12项</t></si><si/><si><r><t>区商务局</t></r><r><rPr/><t xml:space="preserve"> &amp; 区统计局&#x3001;</t></r><rPh><t>ク</t></rPh></si></sst>';
    assert.deepStrictEqual(sharedStrings(xml), ['表1第12项', '', '区商务局 & 区统计局、']);
  });

  it('adds a relationship to a part of none, however it is written, under an id it does not use', () => {
    const type = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
    for (const empty of ['<Relationships xmlns="x"/>', '<Relationships xmlns="x" />\n', '<Relationships xmlns="x"></Relationships>']) {
      assert.deepStrictEqual(withRelationship(empty, type, '../comments1.xml'), { xml: `<Relationships xmlns="x"><Relationship Id="rId1" Type="${type}" Target="../comments1.xml"/></Relationships>`, id: 'rId1' }, empty);
    }
    assert.strictEqual(withRelationship('<Relationships><Relationship Id="rId1" Type="t" Target="a"/></Relationships>', type, 'c').id, 'rId2');
  });

  it('says what is wrong with a file that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    await assert.rejects(annotateXlsx(await zip.generateAsync({ type: 'nodebuffer' }), [], 'Policy Lens'), /not an Excel \.xlsx workbook \(no xl\/workbook\.xml\)/);
  });
});

describe('the annotated 分工表 read by LibreOffice', function () {
  this.timeout(120000);
  before(function () {
    if (spawnSync('soffice', ['--version']).status === 0) return;
    if (process.env.POLICY_LENS_REQUIRE_SOFFICE) throw new Error('soffice (LibreOffice) is required here (POLICY_LENS_REQUIRE_SOFFICE): apt-get install libreoffice-calc-nogui');
    this.skip();
  });

  it('shows each comment in its cell', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-annotate-xlsx-'));
    try {
      const copy = await annotateXlsx(await makeWorkbook(), [note(4, '不低于51%', 4), note(6, '1-14', 3)], 'Policy Lens');
      fs.writeFileSync(path.join(dir, 'copy.xlsx'), copy.bytes);
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'fods', '--outdir', dir, path.join(dir, 'copy.xlsx')], { stdio: 'ignore', timeout: 100000 });
      const fods = fs.readFileSync(path.join(dir, 'copy.fods'), 'utf8');
      const cells = [...fods.matchAll(/<table:table-cell\b[^>]*>((?:(?!<\/table:table-cell>)[\s\S])*?<office:annotation(?=[\s>])[\s\S]*?)<\/table:table-cell>/g)].map((m) => m[1]);
      const strip = (s: string) => s.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
      assert.deepStrictEqual(cells.map((c) => [strip(/<office:annotation[\s\S]*<\/office:annotation>/.exec(c)![0]).includes('关于') , strip(c.replace(/<office:annotation[\s\S]*<\/office:annotation>/, ''))]), [
        [true, '允许外商投资社会调查，中方股比不低于51%'],
        [true, '1-14'],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
