// The review written into a copy of a PDF plan (policy-lens annotate): each finding a highlight on its text with the
// comment in its note; read back by PDF.js (the reader) and by our own reader.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { annotatePdf, boxesOf, PdfNote, pdfNotesOf } from '../../server/src/report/pdfComments';
import { readPdfPages } from '../../server/src/readers/pdf';
import { readPlanBytes } from '../../server/src/readers/planFile';
import { PdfPage } from '../../server/src/readers/pdfLayout';
import { loadEngine } from '../../server/src/engine';
import { Finding } from '../../server/src/core/findings';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PLAN = path.join(ROOT, 'test', 'fixtures', 'pdf', 'plan.pdf');
// PDF.js is an ES module: imported as one (the tests are CommonJS)
const importModule = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<typeof import('pdfjs-dist')>;

interface Annotation { subtype: string; rect: number[]; quadPoints?: number[][] | Float32Array; contentsObj?: { str: string }; titleObj?: { str: string }; parentId?: string; id: string }

async function annotationsOf(bytes: Buffer): Promise<Annotation[][]> {
  const pdfjs = await importModule(path.join(ROOT, 'node_modules/pdfjs-dist/legacy/build/pdf.mjs'));
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: Annotation[][] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push((await (await doc.getPage(n)).getAnnotations()) as Annotation[]);
  await doc.destroy();
  return pages;
}

describe('PDF highlights (pdfComments.ts)', () => {
  const page: PdfPage = { width: 595, height: 842, items: [
    { s: '4．落实表1第12项，中方股比不低于', x: 100, y: 700, w: 180, h: 12 },
    { s: '51%，由区商务局牵头。', x: 100, y: 680, w: 120, h: 12 },
    { s: '落实表1第12项', x: 100, y: 660, w: 84, h: 12 },
  ] };

  it('finds a note\'s text across the runs it spans, a box a run, its share of each run\'s width', () => {
    const boxes = boxesOf(page, '不低于51%', 0)!;
    assert.strictEqual(boxes.length, 2);
    const share = 180 / page.items[0].s.length;
    assert.deepStrictEqual(boxes.map((b) => [+b.x0.toFixed(2), +b.x1.toFixed(2)]), [[+(100 + share * 15).toFixed(2), 280], [100, +(100 + 3 * 10).toFixed(2)]]);
    assert.ok(boxes[0].y0 < 700 && boxes[0].y1 > 700 + 10, 'around the baseline, the type\'s height');
    assert.strictEqual(boxesOf(page, '表1第12项', 1)![0].x0, 100 + 2 * 84 / 8, 'the second occurrence: the third run');
    assert.strictEqual(boxesOf(page, '表1第13项', 0), undefined);
    assert.strictEqual(boxesOf(page, '', 0), undefined);
  });

  it('places a finding on its line\'s page, counting the occurrences on that page before it', () => {
    const text = '落实表1第12项。\n\n落实表1第12项，表1第12项。\n';
    const second = text.lastIndexOf('表1第12项');
    const f: Finding = { start: second, end: second + 6, code: 'unknown-task', severity: 'error', message: '不存在', related: [], fixes: [] };
    const [n] = pdfNotesOf(text, ['p1', '', 'p2', ''], [f], 'zh');
    assert.deepStrictEqual([n.page, n.text, n.occurrence], [2, '表1第12项', 1], 'the second on page 2 (the one on page 1 does not count)');
    assert.deepStrictEqual(n.comment, ['【错误】不存在', 'Policy Lens 检查项：unknown-task']);
  });
});

describe('a PDF plan annotated', function () {
  this.timeout(60000);

  it('highlights each finding\'s text on its page with its comment, and reads as the plan it was', async () => {
    const bytes = fs.readFileSync(PLAN);
    const plan = await readPlanBytes(bytes, 'plan.pdf');
    const { checker } = loadEngine(ROOT);
    const findings = checker.analyze(plan.text, { locale: 'zh' }).findings;
    const notes = pdfNotesOf(plan.text, plan.rowOfLine ?? [], findings, 'zh');
    const pages = await readPdfPages(bytes, 'plan.pdf');
    const copy = await annotatePdf(bytes, pages, [...notes, { page: 2, text: '没有的文字', occurrence: 0, comment: ['页上找不到的'] } satisfies PdfNote], 'Policy Lens', new Date(Date.UTC(2026, 11, 5)));
    assert.deepStrictEqual(copy.placed, { text: findings.length, page: 1 });
    assert.deepStrictEqual(await readPlanBytes(copy.bytes, 'plan.pdf'), plan, 'the copy reads as the plan');
    const annotations = await annotationsOf(copy.bytes);
    const highlights = annotations.flatMap((a, p) => a.filter((x) => x.subtype === 'Highlight').map((x) => ({ ...x, page: p + 1 })));
    assert.strictEqual(highlights.length, findings.length);
    assert.deepStrictEqual(highlights.map((h) => h.contentsObj?.str).sort(), notes.map((n) => n.comment.join('\n')).sort());
    assert.ok(highlights.every((h) => h.titleObj?.str === 'Policy Lens'));
    // each on its note's page, over its text: the runs its boxes cross hold the text's first character
    for (const h of highlights) {
      // two findings may say the same (a task cited in the body and again in the 分工表): the one on the highlight's page
      const n = notes.find((x) => x.comment.join('\n') === h.contentsObj?.str && x.page === h.page);
      assert.ok(n, `${h.contentsObj?.str} on page ${h.page}: no such note there`);
      const [x0, y0, x1, y1] = h.rect;
      const under = pages[h.page - 1].items.filter((i) => i.y >= y0 && i.y <= y1 && i.x + i.w >= x0 && i.x <= x1).map((i) => i.s).join('').replace(/\s+/g, '');
      assert.ok(under.includes(n.text.slice(0, 1)), `${n.text} under its highlight: ${under.slice(0, 40)}`);
    }
    // each with its popup note; the one whose text is not on its page a sticky note at the page's top
    const popups = annotations.flat().filter((a) => a.subtype === 'Popup');
    assert.strictEqual(popups.length, findings.length + 1);
    const sticky = annotations[1].filter((a) => a.subtype === 'Text');
    assert.deepStrictEqual(sticky.map((a) => a.contentsObj?.str), ['页上找不到的']);
    assert.ok(sticky[0].rect[3] > pages[1].height - 40, 'at the page\'s top');
  });
});
