// The review written into a copy of an OFD plan (policy-lens annotate): each finding a highlight annotation over its
// text with the comment as its Remark, in the annotation parts GB/T 33190 lists (the document's Annotations, a file of
// each page's), the pages themselves untouched; read back by our own reader and parsed as XML.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { annotateOfd } from '../../server/src/report/ofdComments';
import { boxesOf, pdfNotesOf } from '../../server/src/report/pdfComments';
import { ofdPages } from '../../server/src/readers/ofd';
import { readPlanBytes } from '../../server/src/readers/planFile';
import { loadEngine } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PLAN = path.join(ROOT, 'test', 'fixtures', 'ofd', 'plan.ofd');
const PT = 72 / 25.4;

/** The elements named `local` in an XML part, whatever their prefix. */
function elements(xml: string, local: string): Element[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  return Array.from(doc.getElementsByTagName('*') as unknown as Element[]).filter((e) => e.localName === local);
}

async function findingsOf(bytes: Uint8Array, name: string) {
  const plan = await readPlanBytes(bytes, name);
  const { checker } = loadEngine(ROOT);
  return { plan, findings: checker.analyze(plan.text, { locale: 'zh' }).findings };
}

describe('an OFD plan annotated', function () {
  this.timeout(30000);

  it('highlights each finding\'s text on its page with its comment as the remark, and reads as the plan it was', async () => {
    const bytes = fs.readFileSync(PLAN);
    const { plan, findings } = await findingsOf(bytes, PLAN);
    assert.ok(findings.length >= 2);
    const notes = pdfNotesOf(plan.text, plan.rowOfLine ?? [], findings, 'zh');
    const copy = await annotateOfd(bytes, PLAN, notes, '审核处', new Date('2026-12-05T08:00:00Z'));
    assert.deepStrictEqual(copy.placed, { text: notes.length, page: 0 }, 'every finding on its text');
    // the plan reads as it was: the annotations are no part of its text
    const again = await readPlanBytes(copy.bytes, 'copy.ofd');
    assert.strictEqual(again.text, plan.text);
    const zip = await JSZip.loadAsync(copy.bytes);
    const document = await zip.file('Doc_0/Document.xml')!.async('string');
    assert.deepStrictEqual(elements(document, 'Annotations').map((e) => e.textContent), ['Annots/Annotations.xml']);
    const list = await zip.file('Doc_0/Annots/Annotations.xml')!.async('string');
    const pages = await ofdPages(bytes, PLAN);
    const annots: { page: string; annot: Element }[] = [];
    for (const entry of elements(list, 'Page')) {
      const loc = elements(new (require('@xmldom/xmldom').XMLSerializer)().serializeToString(entry), 'FileLoc')[0].textContent!;
      const part = await zip.file(`Doc_0/Annots/${loc}`)!.async('string');
      for (const annot of elements(part, 'Annot')) annots.push({ page: entry.getAttribute('PageID')!, annot });
    }
    assert.strictEqual(annots.length, notes.length);
    notes.forEach((note, k) => {
      const { page, annot } = annots[k];
      assert.strictEqual(page, pages[note.page - 1].id, 'on the page of its finding');
      assert.strictEqual(annot.getAttribute('Type'), 'Highlight');
      assert.strictEqual(annot.getAttribute('Creator'), '审核处');
      assert.strictEqual(annot.getAttribute('LastModDate'), '2026-12-05');
      assert.strictEqual(Array.from(annot.childNodes).find((n) => (n as Element).localName === 'Remark')!.textContent, note.comment.join('\n'));
      // over its text: the appearance's box is the text's boxes, in the page's millimetres from its top
      const boxes = boxesOf(pages[note.page - 1], note.text, note.occurrence)!;
      const [x, y, w, h] = (Array.from(annot.childNodes).find((n) => (n as Element).localName === 'Appearance') as Element).getAttribute('Boundary')!.split(' ').map(Number);
      const height = pages[note.page - 1].height;
      assert.ok(Math.abs(x - Math.min(...boxes.map((b) => b.x0)) / PT) < 0.01, `${x}`);
      assert.ok(Math.abs(y - (height - Math.max(...boxes.map((b) => b.y1))) / PT) < 0.01, `${y}`);
      assert.ok(w > 0 && h > 0);
    });
    // every ID unique (the fixture's too), MaxUnitID above them all
    const ids: number[] = [];
    for (const file of Object.keys(zip.files).filter((f) => f.endsWith('.xml'))) for (const m of (await zip.file(file)!.async('string')).matchAll(/\bID="(\d+)"/g)) ids.push(Number(m[1]));
    assert.strictEqual(new Set(ids).size, ids.length, `IDs unique: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
    assert.ok(Number(elements(document, 'MaxUnitID')[0].textContent) >= Math.max(...ids));
  });

  it('keeps the annotations a page has (a stamp) and adds its own after them, the Annotations listed before Attachments', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(PLAN));
    const document = await zip.file('Doc_0/Document.xml')!.async('string');
    const firstPage = /<ofd:Page ID="(\d+)"/.exec(document)![1];
    zip.file('Doc_0/Document.xml', document.replace('</ofd:Pages>', '</ofd:Pages><ofd:Annotations>Annots/Annotations.xml</ofd:Annotations><ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>'));
    zip.file('Doc_0/Annots/Annotations.xml', `<?xml version="1.0" encoding="UTF-8"?><ofd:Annotations xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Page PageID="${firstPage}"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>`);
    zip.file('Doc_0/Annots/Page_0/Annotation.xml', '<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Annot ID="900000" Type="Stamp" Creator="天河区人民政府"><ofd:Appearance Boundary="150 250 40 40"/></ofd:Annot></ofd:PageAnnot>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const { plan, findings } = await findingsOf(bytes, 'stamped.ofd');
    const notes = pdfNotesOf(plan.text, plan.rowOfLine ?? [], findings, 'zh');
    const copy = await JSZip.loadAsync((await annotateOfd(bytes, 'stamped.ofd', notes, 'Policy Lens', new Date('2026-12-05T08:00:00Z'))).bytes);
    const written = await copy.file('Doc_0/Document.xml')!.async('string');
    assert.strictEqual(elements(written, 'Annotations').length, 1, 'the list is not added twice');
    assert.ok(written.indexOf('Annotations>') < written.indexOf('<ofd:Attachments'), 'Annotations before Attachments');
    const first = await copy.file('Doc_0/Annots/Page_0/Annotation.xml')!.async('string');
    const types = elements(first, 'Annot').map((a) => `${a.getAttribute('Type')} ${a.getAttribute('ID')}`);
    assert.strictEqual(types[0], 'Stamp 900000', 'the stamp kept, first');
    assert.ok(types.length >= 1);
    assert.ok(types.slice(1).every((t) => t.startsWith('Highlight ') && Number(t.split(' ')[1]) > 900000), types.join(', '));
    const list = await copy.file('Doc_0/Annots/Annotations.xml')!.async('string');
    assert.strictEqual(elements(list, 'Page').filter((p) => p.getAttribute('PageID') === firstPage).length, 1, 'one entry for the page');
  });

  it('puts a finding whose text is not on its page at the page\'s top left', async () => {
    const bytes = fs.readFileSync(PLAN);
    const copy = await annotateOfd(bytes, PLAN, [{ page: 2, text: '这段文字不在此页', occurrence: 0, comment: ['【提示】某项'] }], 'Policy Lens', new Date('2026-12-05T08:00:00Z'));
    assert.deepStrictEqual(copy.placed, { text: 0, page: 1 });
    const zip = await JSZip.loadAsync(copy.bytes);
    const part = Object.keys(zip.files).find((f) => /Annots\/Page_\d+\/Annotation\.xml$/.test(f))!;
    const [annot] = elements(await zip.file(part)!.async('string'), 'Annot');
    const [x, y] = (Array.from(annot.childNodes).find((n) => (n as Element).localName === 'Appearance') as Element).getAttribute('Boundary')!.split(' ').map(Number);
    assert.ok(x < 20 && y < 20, `${x} ${y}`);
  });
});
