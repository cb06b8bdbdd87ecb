// An OFD plan (GB/T 33190, the fixed-layout format of official documents in China): its pages' placed text and rules
// laid out as the PDF reader lays out a PDF's. The fixtures (test/fixtures/ofd/makeOfd.cjs) are the PDF fixtures'
// pages written as the two kinds of OFD writers write them: a TextObject a run with its advances (DeltaX, `g N d`), or
// a TextObject a character scaled by its CTM; ruled tables as strokes or as filled rectangles in PageBlocks.
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as path from 'path';
import JSZip from 'jszip';
import { advances, ofdPages } from '../../server/src/readers/ofd';
import { readPlanBytes, readPlanFile } from '../../server/src/readers/planFile';
import { UnreadableFileError } from '../../server/src/readers/unreadable';
import { loadEngine } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';

/** An OFD of one page whose Content.xml holds `layer` (the objects of its one layer). */
async function ofdOf(layer: string, options: { page?: string; docRoot?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('OFD.xml', `<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>${options.docRoot ?? 'Doc_0/Document.xml'}</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
  zip.file('Doc_0/Document.xml', `<ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`);
  zip.file('Doc_0/Pages/Page_0/Content.xml', options.page ?? `<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="2">${layer}</ofd:Layer></ofd:Content></ofd:Page>`);
  return zip.generateAsync({ type: 'uint8array' });
}

const text = (id: number, x: number, y: number, s: string, attrs = '') => `<ofd:TextObject ID="${id}" Boundary="${x} ${y} 170 8" Font="1" Size="4"${attrs}><ofd:TextCode X="0" Y="4">${s}</ofd:TextCode></ofd:TextObject>`;

describe('the OFD reader', () => {
  it('reads DeltaX: the advances after each character, `g N d` for N advances of d', () => {
    assert.deepStrictEqual(advances('g 3 4.5'), [4.5, 4.5, 4.5]);
    assert.deepStrictEqual(advances('1 2 g 2 3 4'), [1, 2, 3, 3, 4]);
    assert.deepStrictEqual(advances(null), []);
    assert.deepStrictEqual(advances('  5.2  x 6 '), [5.2, 6], 'what is not a number is skipped');
  });

  it('places text in millimetres from the top left, through its boundary and its CTM, as points from the foot', async () => {
    const pages = await ofdPages(await ofdOf(text(3, 20, 30, '落实表1第12项') + `<ofd:TextObject ID="4" CTM="0.3528 0 0 0.3528 0 0" Boundary="20 40 10 8" Font="1" Size="12"><ofd:TextCode X="0" Y="12">中</ofd:TextCode></ofd:TextObject>`), 'x.ofd');
    assert.strictEqual(pages.length, 1);
    const [a, b] = pages[0].items;
    const pt = 72 / 25.4;
    assert.strictEqual(a.s, '落实表1第12项');
    assert.ok(Math.abs(a.x - 20 * pt) < 0.01 && Math.abs(a.y - (297 - 34) * pt) < 0.01, JSON.stringify(a));
    assert.ok(Math.abs(a.h - 4 * pt) < 0.01);
    // CJK characters as wide as the type, others half: 落实表第项 and 1, 1, 2
    assert.ok(Math.abs(a.w - (5 * 4 + 3 * 2) * pt) < 0.01, String(a.w / pt));
    assert.ok(Math.abs(b.h - 12) < 0.05 && Math.abs(b.y - (297 - 40 - 12 * 0.3528) * pt) < 0.05, JSON.stringify(b));
  });

  it('finds its parts whatever case and leading slash the archive and the references give their names', async () => {
    const zip = new JSZip();
    zip.file('/ofd.xml', `<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
    zip.file('/Doc_0/Document.xml', `<ofd:Document ${NS}><ofd:Pages><ofd:Page ID="1" BaseLoc="pages/page_0/content.xml"/></ofd:Pages></ofd:Document>`);
    zip.file('/Doc_0/Pages/Page_0/Content.xml', `<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="2">${text(3, 20, 30, '落实表1第12项')}</ofd:Layer></ofd:Content></ofd:Page>`);
    const pages = await ofdPages(await zip.generateAsync({ type: 'uint8array' }), 'x.ofd');
    assert.deepStrictEqual(pages[0].items.map((i) => i.s), ['落实表1第12项']);
    assert.ok(Math.abs(pages[0].height - (297 * 72) / 25.4) < 0.01, 'an A4 page when the document does not say');
  });

  it('reads a converter\'s page: a TextObject a glyph in blocks three deep, scaled by CTM 0.05 from a Size of 73.7, with its colour and glyph map', async () => {
    // the shape of the pages a virtual printer's converter writes (numbers as such a file has them; the text ours)
    const glyph = (id: number, x: number, y: number, c: string, w: number) =>
      `<ofd:TextObject ID="${id}" Boundary="${x.toFixed(4)} ${y} ${w} 3.6865" Size="73.73059844970703" CTM="0.05 0 0 0.05 0 0" Fill="true" Font="8">` +
      `<ofd:FillColor Value="0 0 0" Alpha="255" /><ofd:CGTransform GlyphCount="1" CodeCount="1" CodePosition="0"><ofd:Glyphs>${id}</ofd:Glyphs></ofd:CGTransform>` +
      `<ofd:TextCode X="0" Y="63.3622">${c}</ofd:TextCode></ofd:TextObject>`;
    const lines = ['天河区落实试点任务工作简报', '日期:2025-06-30', '落实表1第12项，外资股比不超过50%。'];
    let id = 10;
    const objects = lines.map((line, k) => {
      let x = 31.75;
      return Array.from(line).map((c) => {
        const w = /[\u1100-\uffef]/.test(c) ? 3.6865 : 1.8433;
        const o = glyph(id++, x, 25.9325 + k * 4.826, c, w);
        x += w + (w > 2 ? 0.0386 : 0.0192);
        return o;
      }).join('');
    }).join('');
    const page = `<ofd:Page ${NS}><ofd:Area><ofd:PhysicalBox>0 0 215.9000 279.4000</ofd:PhysicalBox></ofd:Area><ofd:Content ID="1"><ofd:Layer ID="2"><ofd:PageBlock ID="4"><ofd:PageBlock ID="5"><ofd:PageBlock ID="6">${objects}</ofd:PageBlock></ofd:PageBlock></ofd:PageBlock></ofd:Layer></ofd:Content></ofd:Page>`;
    const plan = await readPlanBytes(await ofdOf('', { page }), 'news.ofd');
    // each line's glyphs one run of text, in order, no space put between them (how the lines make paragraphs is the
    // layout's, as for a PDF)
    for (const line of lines) assert.ok(plan.text.includes(line), `${line} in ${JSON.stringify(plan.text)}`);
    assert.strictEqual(plan.text.replace(/\s/g, ''), lines.join(''));
  });

  it('places a TextCode without X or Y at the previous one\'s', async () => {
    const pages = await ofdPages(await ofdOf(`<ofd:TextObject ID="3" Boundary="20 30 170 20" Font="1" Size="4"><ofd:TextCode X="5" Y="4">第一行</ofd:TextCode><ofd:TextCode Y="10">第二行</ofd:TextCode><ofd:TextCode X="30">同行</ofd:TextCode></ofd:TextObject>`), 'x.ofd');
    const [a, b, c] = pages[0].items;
    assert.deepStrictEqual([a.s, b.s, c.s], ['第一行', '第二行', '同行']);
    assert.ok(Math.abs(a.x - b.x) < 1e-9 && b.y < a.y, 'the second under the first, at its X');
    assert.ok(Math.abs(b.y - c.y) < 1e-9 && c.x > b.x, 'the third on the second\'s line');
  });

  it('follows a TextCode into its next line: a step back in DeltaX and a drop in DeltaY (as writers compress it, `g N d`)', async () => {
    // the shape of a real file's TextCode: g 14 4.2333 … -63.4995 … with DeltaY g 16 0 4.2333 g 7 0
    const code = '<ofd:TextCode X="0" Y="4" DeltaX="g 4 4 -16 g 2 4" DeltaY="g 4 0 5 g 2 0">第一行文字第二行</ofd:TextCode>';
    const pages = await ofdPages(await ofdOf(`<ofd:TextObject ID="3" Boundary="20 30 170 20" Font="1" Size="4">${code}</ofd:TextObject>`), 'x.ofd');
    const [a, b] = pages[0].items;
    assert.deepStrictEqual(pages[0].items.map((i) => i.s), ['第一行文字', '第二行']);
    assert.ok(Math.abs(a.x - b.x) < 1e-9, 'the second line starts where the first did');
    assert.ok(Math.abs(a.y - b.y - 5 * (72 / 25.4)) < 1e-9, 'one line (5 mm) under it');
    assert.ok(Math.abs(a.w - 20 * (72 / 25.4)) < 1e-9, 'the first run as wide as its five characters');
  });

  it('parts a line whose characters stand far apart into runs, as a table row written in one TextCode', async () => {
    const pages = await ofdPages(await ofdOf(`<ofd:TextObject ID="3" Boundary="20 30 170 8" Font="1" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="4 40 4">序号牵头</ofd:TextCode></ofd:TextObject>`), 'x.ofd');
    assert.deepStrictEqual(pages[0].items.map((i) => i.s), ['序号', '牵头']);
  });

  it('takes as rules the level and upright lines a path strokes and a thin box it fills, not the edges of a filled shape', async () => {
    const path = (id: number, attrs: string, d: string) => `<ofd:PathObject ID="${id}" Boundary="20 100 150 40"${attrs}><ofd:AbbreviatedData>${d}</ofd:AbbreviatedData></ofd:PathObject>`;
    const rulesOf = async (layer: string) => (await ofdPages(await ofdOf(text(3, 20, 30, '表1第12项') + layer), 'x.ofd'))[0].rules!.length;
    assert.strictEqual(await rulesOf(path(4, '', 'M 0 0 L 150 0 M 0 0 L 0 40 M 0 0 L 150 40')), 2, 'a stroked level and upright line; not the slanted one');
    assert.strictEqual(await rulesOf(path(4, ' Fill="true" Stroke="false"', 'M 0 0 L 150 0 L 150 0.3 L 0 0.3 C')), 1, 'a filled thin box');
    assert.strictEqual(await rulesOf(path(4, ' Fill="true" Stroke="false"', 'M 0 0 L 0 40 L 3 40 L 3 0 C M 10 0 L 10 40 Q 15 45 20 40 L 20 0 C')), 0, 'a filled outline (a letter)');
  });

  it('never throws on objects of any attributes and path data (fuzzed), and reads only finite places', async () => {
    const token = fc.oneof(fc.constantFrom('M', 'L', 'Q', 'B', 'A', 'C', 'S', 'g', 'NaN', '-1e309', ''), fc.double({ noNaN: false }).map(String), fc.integer({ min: -1000, max: 1000 }).map(String));
    const attr = fc.array(token, { maxLength: 8 }).map((t) => t.join(' ').replace(/["<&]/g, ''));
    const object = fc.record({ boundary: attr, ctm: attr, size: attr, x: attr, delta: attr, data: attr, text: fc.string({ maxLength: 12 }).map((t) => t.replace(/[<&]/g, '')) }).map(
      (o) => `<ofd:TextObject ID="1" Boundary="${o.boundary}" CTM="${o.ctm}" Size="${o.size}"><ofd:TextCode X="${o.x}" Y="4" DeltaX="${o.delta}">${o.text}</ofd:TextCode></ofd:TextObject>` +
        `<ofd:PathObject ID="2" Boundary="${o.boundary}" CTM="${o.ctm}"><ofd:AbbreviatedData>${o.data}</ofd:AbbreviatedData></ofd:PathObject>`,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(object, { maxLength: 5 }), async (objects) => {
        const bytes = await ofdOf(objects.join(''));
        const pages = await ofdPages(bytes, 'fuzz.ofd');
        for (const i of pages[0].items) assert.ok([i.x, i.y, i.w, i.h].every(Number.isFinite) && i.h > 0, JSON.stringify(i));
        for (const r of pages[0].rules ?? []) assert.ok([r.x0, r.y0, r.x1, r.y1].every(Number.isFinite), JSON.stringify(r));
        // and laid out as a plan, or said to hold no text that can be read
        await readPlanBytes(bytes, 'fuzz.ofd').catch((e) => assert.ok(e instanceof UnreadableFileError, String(e)));
      }),
      { numRuns: 150 },
    );
  });

  it('is the PDF it was written from: runs with their advances, the pages named beside the document, a template not read', async () => {
    const ofd = await readPlanFile(path.join(FIXTURES, 'ofd', 'plan.ofd'));
    const pdf = await readPlanFile(path.join(FIXTURES, 'pdf', 'plan.pdf'));
    assert.strictEqual(ofd.format, 'ofd');
    assert.strictEqual(ofd.text, pdf.text);
    assert.deepStrictEqual(ofd.rowOfLine, pdf.rowOfLine);
    assert.ok(!ofd.text.includes('天河区人民政府办公室文件'), "the template's running head is not the plan's text");
    assert.strictEqual(ofd.text.split('\n').filter((l) => l.startsWith('| 序号 |')).length, 1, 'the ruled 分工表 is a table, its header read once');
    // and so the Word plan the PDF was saved from: the same findings
    const word = await readPlanFile(path.join(FIXTURES, 'pdf', 'plan.docx'));
    const { checker } = loadEngine(ROOT);
    const said = (t: string) => checker.analyze(t, { locale: 'zh' }).findings.map((f) => `${f.code} ${f.message}`);
    assert.ok(said(ofd.text).length >= 2);
    assert.deepStrictEqual(said(ofd.text), said(word.text));
  });

  it('is the same PDF written a character at a time, scaled by the CTM, the pages named from the root, the rules rectangles in blocks', async () => {
    const ofd = await readPlanFile(path.join(FIXTURES, 'ofd', 'glyphs.ofd'));
    const pdf = await readPlanFile(path.join(FIXTURES, 'pdf', 'plan.pdf'));
    assert.strictEqual(ofd.text, pdf.text);
    assert.deepStrictEqual(ofd.rowOfLine, pdf.rowOfLine);
  });

  it('reads a row that a page end broke as one row, as the Word file has it', async () => {
    const ofd = await readPlanFile(path.join(FIXTURES, 'ofd', 'split.ofd'));
    const word = await readPlanFile(path.join(FIXTURES, 'pdf', 'split.docx'));
    const rows = (t: string) => t.split('\n').filter((l) => l.startsWith('| ')).map((l) => l.replace(/\s+/g, ''));
    assert.strictEqual(rows(ofd.text).length, 11);
    assert.deepStrictEqual(rows(ofd.text), rows(word.text));
  });

  it('says why an OFD cannot be read: not an archive, no OFD.xml, no document, no page, no text (a scan), garbled text', async () => {
    const why = async (bytes: Uint8Array) => {
      try {
        await readPlanBytes(bytes, 'plan.ofd');
      } catch (e) {
        assert.ok(e instanceof UnreadableFileError, String(e));
        return (e as Error).message;
      }
      assert.fail('read');
    };
    assert.match(await why(Buffer.from('not a zip at all')), /^cannot read plan\.ofd: not an OFD document \(an OFD is a ZIP archive\); save the plan as Word/);
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    assert.match(await why(await zip.generateAsync({ type: 'uint8array' })), /not an OFD document \(no OFD\.xml in it\)/);
    assert.match(await why(await ofdOf('', { docRoot: 'Doc_9/Document.xml' })), /its document \(Doc_9\/Document\.xml\) is missing/);
    assert.match(await why(await ofdOf('', { page: '<ofd:Page <<< not xml' })), /lists no page that can be read/);
    assert.match(await why(await ofdOf('<ofd:ImageObject ID="3" ResourceID="9" Boundary="0 0 210 297"/>')), /the OFD holds no text \(a scanned copy, or its text drawn as shapes\)/);
    assert.match(await why(await ofdOf(text(3, 20, 30, '\ue001\ue002\ue003\ue004\ue005\ue006'))), /the OFD's text cannot be read/);
  });

  it('reads what it can of odd pages without throwing: no boundary, bad numbers, curves; blocks nested beyond reason (30 deep) are not read', async () => {
    const layer = [
      '<ofd:TextObject ID="3" Font="1" Size="4"><ofd:TextCode X="0" Y="4">无边界</ofd:TextCode></ofd:TextObject>',
      text(4, 20, 30, '表1第12项', ' CTM="x y z"'),
      '<ofd:PathObject ID="5" Boundary="20 50 100 1"><ofd:AbbreviatedData>M 0 0 B 1 1 2 2 3 3 L nan 0 L 100 0 Q 1</ofd:AbbreviatedData></ofd:PathObject>',
      '<ofd:PageBlock ID="6">'.repeat(30) + text(7, 20, 60, '深处') + '</ofd:PageBlock>'.repeat(30),
    ].join('');
    const pages = await ofdPages(await ofdOf(layer), 'odd.ofd');
    assert.deepStrictEqual(pages[0].items.map((i) => i.s), ['表1第12项']);
    assert.ok(pages[0].rules!.length <= 1);
  });
});
