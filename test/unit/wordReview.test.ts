// The review written into a copy of a Word plan (policy-lens annotate): comments (批注) on the text each finding is about,
// preferred fixes as tracked changes (修订), on hand-written Word XML, on real .docx files, and read back by LibreOffice.
import * as assert from 'assert';
import * as fc from 'fast-check';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { annotateWordXml, WORD_NS, WordNote } from '../../server/src/report/wordComments';
import { annotateDocx, wordNotesOf } from '../../server/src/report/wordReview';
import { readDocx, readDocxBeforeRevisions, rejectRevisions } from '../../server/src/readers/docx';
import { loadEngine } from '../../server/src/engine';
import { Finding } from '../../server/src/core/findings';
import { makeDocx, WORD_PLAN } from '../support/docxFixture';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const OPTS = { author: 'Policy Lens', initials: 'PL', date: '2026-12-05T10:00:00Z' };
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${WORD_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr/></w:body></w:document>`;
const run = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr>${runs.join('')}</w:p>`;
const note = (paragraph: number, text: string, occurrence = 0, extra: Partial<WordNote> = {}): WordNote => ({ anchor: { paragraph, text, occurrence }, comment: [`关于${text}`], ...extra });

/** Each paragraph's text (Word's w:t, not deleted text) and, per comment id, the text between its range marks. */
function read(xml: string) {
  const d = new DOMParser().parseFromString(xml, 'text/xml');
  const paragraphs: string[] = [];
  const ranges = new Map<string, string>();
  const open = new Set<string>();
  const walk = (n: Node, deleted: boolean) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      const id = e.getAttributeNS(WORD_NS, 'id') ?? '';
      if (e.localName === 'commentRangeStart') open.add(id);
      else if (e.localName === 'commentRangeEnd') open.delete(id);
      else if (e.localName === 't' && !deleted) {
        const text = e.textContent ?? '';
        paragraphs[paragraphs.length - 1] += text;
        for (const o of open) ranges.set(o, (ranges.get(o) ?? '') + text);
      } else if (e.localName === 'p') {
        paragraphs.push('');
        walk(e, deleted);
      } else walk(e, deleted || e.localName === 'del');
    }
  };
  walk(d.documentElement, false);
  return { paragraphs, ranges, doc: d };
}

describe('Word comments (wordComments.ts)', () => {
  it('marks exactly the text a note is about, splitting runs without losing their formatting or any text', () => {
    const xml = doc(p(run('中方股比不低于', true), run('51%，由区商务局牵头。')));
    const out = annotateWordXml(xml, undefined, [note(1, '不低于51%')], OPTS);
    const { paragraphs, ranges, doc: d } = read(out.documentXml);
    assert.deepStrictEqual(paragraphs, ['中方股比不低于51%，由区商务局牵头。'], 'the text is the same');
    assert.deepStrictEqual([...ranges.values()], ['不低于51%']);
    assert.deepStrictEqual(out.placed, { text: 1, paragraph: 0, document: 0 });
    const bold = Array.from(d.getElementsByTagNameNS(WORD_NS, 't')).filter((t) => (t.parentNode as Element).getElementsByTagNameNS(WORD_NS, 'b').length).map((t) => t.textContent);
    assert.deepStrictEqual(bold, ['中方股比', '不低于'], 'both halves of the bold run stay bold');
    assert.ok(out.documentXml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'), 'the declaration is kept');
    assert.match(out.documentXml, /<w:commentRangeEnd w:id="0"\/><w:r><w:commentReference w:id="0"\/><\/w:r>/, 'the reference right after the range');
    const comments = new DOMParser().parseFromString(out.commentsXml, 'text/xml');
    const comment = comments.getElementsByTagNameNS(WORD_NS, 'comment')[0];
    assert.strictEqual(comment.getAttributeNS(WORD_NS, 'author'), 'Policy Lens');
    assert.strictEqual(comment.getAttributeNS(WORD_NS, 'date'), OPTS.date);
    assert.strictEqual(comment.textContent, '关于不低于51%');
    assert.strictEqual(comment.getElementsByTagNameNS(WORD_NS, 'annotationRef').length, 1);
  });

  it('finds the occurrence a note names, and never deleted text or a field code', () => {
    const xml = doc(p(run('落实表1第12项和'), run('表1第12项'), '<w:del w:id="3" w:author="区商务局"><w:r><w:delText>表1第12项</w:delText></w:r></w:del>', '<w:r><w:instrText>表1第12项</w:instrText></w:r>', run('。')));
    const second = read(annotateWordXml(xml, undefined, [note(1, '表1第12项', 1)], OPTS).documentXml);
    assert.deepStrictEqual([...second.ranges.values()], ['表1第12项']);
    const out = annotateWordXml(xml, undefined, [note(1, '表1第12项', 1)], OPTS).documentXml;
    assert.ok(out.indexOf('commentRangeStart') > out.indexOf('>落实表1第12项和<'), 'the second occurrence, after the first');
    assert.ok(out.indexOf('commentRangeEnd') < out.indexOf('<w:del '), 'not the deleted one');
    // a third occurrence is not there: the last one is taken
    const past = annotateWordXml(xml, undefined, [note(1, '表1第12项', 5)], OPTS);
    assert.deepStrictEqual(past.placed, { text: 1, paragraph: 0, document: 0 });
  });

  it('counts ¶N as the Word reader does (a table row is one paragraph, an empty paragraph none) and looks near it', () => {
    const table = `<w:tbl><w:tr><w:tc><w:p>${run('序号')}</w:p></w:tc><w:tc><w:p>${run('任务')}</w:p></w:tc></w:tr><w:tr><w:tc><w:p>${run('1')}</w:p></w:tc><w:tc><w:p>${run('落实表1第58项')}</w:p><w:p>${run('推动会展业发展')}</w:p></w:tc></w:tr></w:tbl>`;
    const xml = doc(p(run('一、商务服务')) + '<w:p/>' + table + p(run('落实表1第58项。')));
    const at = (paragraph: number, text: string) => {
      const out = annotateWordXml(xml, undefined, [note(paragraph, text)], OPTS).documentXml;
      // which paragraph of the document holds the start of the range
      const start = out.indexOf('commentRangeStart');
      return out.slice(0, start).split('<w:p>').length - 1;
    };
    assert.strictEqual(at(3, '表1第58项'), 5, '¶3 is the second row: its second cell\'s first paragraph');
    assert.strictEqual(at(4, '表1第58项'), 7, '¶4 is the paragraph after the table');
    assert.strictEqual(at(2, '推动会展业发展'), 6, 'a ¶N one off finds the text in the paragraph next to it');
    assert.strictEqual(at(3, '1落实表1第58项推动会展业'), 4, 'across the cells of a row');
    // an empty row is a row the reader counts: the text two rows on, and a paragraph's, one off would be found anyway,
    // so a text that stands in both the paragraph it names and the one before tells them apart
    const rows = `<w:tbl><w:tr><w:tc><w:p>${run('序号')}</w:p></w:tc></w:tr><w:tr><w:tc><w:p/></w:tc></w:tr><w:tr><w:tc><w:p>${run('落实表1第58项')}</w:p></w:tc></w:tr></w:tbl>`;
    const withEmpty = doc(rows + p(run('落实表1第58项。')));
    const start = (paragraph: number) => {
      const out = annotateWordXml(withEmpty, undefined, [note(paragraph, '表1第58项')], OPTS).documentXml;
      return out.slice(0, out.indexOf('commentRangeStart')).split('<w:p>').length - 1;
    };
    assert.strictEqual(start(3), 2, '¶3 is the third row');
    assert.strictEqual(start(4), 3, '¶4 the paragraph after the table');
  });

  it('puts a note whose text is not there on its whole paragraph, or at the document\'s start; no note is dropped', () => {
    const xml = doc(p(run('一、商务服务')) + p(run('（一）落实'), run('表1第12项')));
    const out = annotateWordXml(xml, undefined, [note(2, '表1第99项'), note(9, '没有的文字'), note(2, '表1第12项')], OPTS);
    assert.deepStrictEqual(out.placed, { text: 1, paragraph: 1, document: 1 });
    const { ranges } = read(out.documentXml);
    assert.deepStrictEqual(Object.fromEntries(ranges), { 0: '（一）落实表1第12项', 1: '一、商务服务', 2: '表1第12项' });
    assert.strictEqual(new DOMParser().parseFromString(out.commentsXml, 'text/xml').getElementsByTagNameNS(WORD_NS, 'comment').length, 3);
  });

  it('keeps the document\'s own comments and numbers ours above every annotation id it uses', () => {
    const own = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${WORD_NS}"><w:comment w:id="5" w:author="区商务局"><w:p><w:r><w:t>请核实</w:t></w:r></w:p></w:comment></w:comments>`;
    const xml = doc(p('<w:bookmarkStart w:id="7" w:name="a"/>', run('落实表1第12项'), '<w:bookmarkEnd w:id="7"/>'));
    const out = annotateWordXml(xml, own, [note(1, '表1第12项')], OPTS);
    const comments = Array.from(new DOMParser().parseFromString(out.commentsXml, 'text/xml').getElementsByTagNameNS(WORD_NS, 'comment'));
    assert.deepStrictEqual(comments.map((c) => [c.getAttributeNS(WORD_NS, 'id'), c.getAttributeNS(WORD_NS, 'author')]), [['5', '区商务局'], ['8', 'Policy Lens']]);
  });

  it('writes a fix as a tracked change: accepted, the plan reads the fix; rejected, it reads as it was', () => {
    const text = '允许外商投资社会调查，中方股比不低于51%，落实表1第12项。';
    const xml = doc(p(run('允许外商投资社会调查，中方股比不低于', true), run('51%，落实表1第12项。')));
    const out = annotateWordXml(xml, undefined, [
      note(1, '不低于51%', 0, { revision: { anchor: { paragraph: 1, text: '51%', occurrence: 0 }, mode: 'replace', newText: '67%' } }),
      note(1, '落实表1第12项。', 0, { revision: { anchor: { paragraph: 1, text: '表1第12项', occurrence: 0 }, mode: 'after', newText: '（外商投资社会调查）' } }),
    ], OPTS);
    assert.deepStrictEqual(out.revisions, { written: 2, skipped: 0 });
    assert.deepStrictEqual(read(out.documentXml).paragraphs, ['允许外商投资社会调查，中方股比不低于67%，落实表1第12项（外商投资社会调查）。'], 'accepted');
    assert.deepStrictEqual(read(rejectRevisions(out.documentXml)).paragraphs, [text], 'rejected');
    assert.match(out.documentXml, /<w:del w:id="\d+" w:author="Policy Lens" w:date="2026-12-05T10:00:00Z"><w:r><w:t xml:space="preserve"|<w:del w:id="\d+" w:author="Policy Lens" w:date="2026-12-05T10:00:00Z"><w:r><w:delText xml:space="preserve">51%<\/w:delText><\/w:r><\/w:del>/);
    assert.ok(!/<w:del\b[^>]*>(?:(?!<\/w:del>).)*<w:t\b/.test(out.documentXml), 'deleted text is w:delText');
    const ids = [...out.documentXml.matchAll(/w:id="(\d+)"/g)].map((m) => m[1]);
    assert.strictEqual(new Set(ids.filter((id, i) => ids.indexOf(id) === i)).size, new Set(ids).size);
    assert.deepStrictEqual(read(out.documentXml).ranges.get('0'), '不低于67%', 'the comment spans the change');
  });

  it('leaves to the comment a fix that crosses a link, or whose text is not there', () => {
    const xml = doc(p(run('详见'), `<w:hyperlink r:id="rId9"><w:r><w:t>表1第12</w:t></w:r></w:hyperlink>`, run('项。')));
    const out = annotateWordXml(xml, undefined, [
      note(1, '表1第12项', 0, { revision: { anchor: { paragraph: 1, text: '表1第12项', occurrence: 0 }, mode: 'replace', newText: 'T1.12' } }),
      note(1, '详见', 0, { revision: { anchor: { paragraph: 1, text: '没有', occurrence: 0 }, mode: 'replace', newText: '有' } }),
    ], OPTS);
    assert.deepStrictEqual(out.revisions, { written: 0, skipped: 2 });
    assert.deepStrictEqual(out.placed, { text: 2, paragraph: 0, document: 0 });
    assert.deepStrictEqual(read(out.documentXml).paragraphs, ['详见表1第12项。']);
  });

  it('puts a note on a document of no text into a paragraph of its own, not loose in the body', () => {
    const out = annotateWordXml(doc('<w:p/>'), undefined, [note(1, '表1第12项')], OPTS);
    assert.deepStrictEqual(out.placed, { text: 0, paragraph: 0, document: 1 });
    assert.match(out.documentXml, /<w:body><w:p><w:commentRangeStart w:id="0"\/><w:commentRangeEnd w:id="0"\/><w:r><w:commentReference w:id="0"\/><\/w:r><\/w:p><w:p\/>/);
  });

  it('says what is wrong with a part that is not XML', () => {
    assert.throws(() => annotateWordXml('<w:document', undefined, [], OPTS), /word\/document\.xml is not well-formed XML/);
    assert.throws(() => annotateWordXml(doc(p(run('x'))), '<w:comments', [], OPTS), /word\/comments\.xml is not well-formed XML/);
  });
});

describe('Word comments on any document (property)', () => {
  // paragraphs of runs of Chinese, digits, punctuation and spaces, some bold, some with a tab; notes on text each holds
  // (and some on text none holds), half with a change
  const text = fc.string({ unit: fc.constantFrom(...'表第项落实中方股比不低于51%，。区商务局牵头 12（）'.split('')), minLength: 1, maxLength: 12 });
  const runOf = fc.record({ t: text, bold: fc.boolean(), tab: fc.boolean() });
  const docOf = fc.array(fc.array(runOf, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
  const xmlEscape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

  it('keeps the text, writes every note, and gives the document back when its changes are rejected', () => {
    const seen = { onText: 0, written: 0 };
    fc.assert(fc.property(docOf, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(3), fc.boolean()), { maxLength: 8 }), (paragraphs, picks) => {
      const xml = doc(paragraphs.map((runs) => p(...runs.map((r) => `<w:r>${r.bold ? '<w:rPr><w:b/></w:rPr>' : ''}${r.tab ? '<w:tab/>' : ''}<w:t xml:space="preserve">${xmlEscape(r.t)}</w:t></w:r>`))).join(''));
      const plainOf = (k: number) => paragraphs[k].map((r) => r.t).join('').replace(/\s+/g, '');
      const withText = paragraphs.map((_, k) => k).filter((k) => plainOf(k));
      const notes: WordNote[] = picks.map(([a, b, c, occurrence, change]) => {
        const k = withText.length ? withText[a % withText.length] : 0;
        const whole = withText.length ? plainOf(k) : '';
        const start = whole.length ? b % whole.length : 0;
        const piece = whole.slice(start, start + 1 + (c % 6)) || '无此文字';
        const paragraph = withText.indexOf(k) + 1;
        return { anchor: { paragraph, text: piece, occurrence }, comment: [piece], ...(change ? { revision: { anchor: { paragraph, text: piece, occurrence }, mode: 'replace' as const, newText: '改' } } : {}) };
      });
      const out = annotateWordXml(xml, undefined, notes, OPTS);
      const strip = (x: string) => read(x).paragraphs.map((t) => t.replace(/\s+/g, ''));
      assert.deepStrictEqual(strip(rejectRevisions(out.documentXml)), strip(xml), 'every change rejected: the document');
      if (!notes.some((n) => n.revision)) assert.deepStrictEqual(strip(out.documentXml), strip(xml), 'no change: the same text');
      assert.strictEqual(out.placed.text + out.placed.paragraph + out.placed.document, notes.length);
      assert.strictEqual((out.commentsXml.match(/<w:comment /g) ?? []).length, notes.length);
      assert.strictEqual(out.revisions.written + out.revisions.skipped, notes.filter((n) => n.revision).length);
      const ids = [...out.documentXml.matchAll(/<w:commentRangeStart w:id="(\d+)"/g)].map((m) => m[1]);
      assert.deepStrictEqual([...ids].sort(), [...new Set(ids)].sort(), 'each comment\'s range once');
      seen.onText += out.placed.text;
      seen.written += out.revisions.written;
    }), { numRuns: 300, seed: 20261205 });
    // the runs placed notes on their text and wrote changes, not only fell back
    assert.ok(seen.onText > 500 && seen.written > 200, JSON.stringify(seen));
  });
});

describe('Word notes of a plan\'s findings (wordNotesOf)', () => {
  const finding = (text: string, written: string, extra: Partial<Finding> = {}): Finding => {
    const start = text.indexOf(written);
    return { start, end: start + written.length, code: 'unknown-task', severity: 'error', message: `${written}不存在`, related: [], fixes: [], ...extra };
  };

  it('anchors a finding by its paragraph, its text as Word has it (no cell pipes, no escapes) and its occurrence', () => {
    const text = '# 标题\n\n落实表1第58项和表1第58项。\n\n| 序号 | 任务 |\n| --- | --- |\n| 1 | a\\|b 表1第58项 |\n';
    const paragraphOfLine = [1, 0, 2, 0, 3, 3, 4, 0];
    const second = text.indexOf('表1第58项', text.indexOf('表1第58项') + 1);
    const [inProse, inCell, acrossCells] = wordNotesOf(text, paragraphOfLine, [
      { ...finding(text, '表1第58项'), start: second, end: second + 6 },
      finding(text, 'a\\|b 表1第58项'),
      finding(text, '1 | a\\|b'),
    ], 'zh');
    assert.deepStrictEqual(inProse.anchor, { paragraph: 2, text: '表1第58项', occurrence: 1 });
    assert.deepStrictEqual(inCell.anchor, { paragraph: 4, text: 'a|b表1第58项', occurrence: 0 });
    assert.deepStrictEqual(acrossCells.anchor, { paragraph: 4, text: '1a|b', occurrence: 0 });
  });

  it('says the severity, the message, the preferred fix and the check, in the plan\'s language', () => {
    const text = '落实表1第58项。\n';
    const f = finding(text, '表1第58项', { fixes: [{ title: '改为 表1第57项', start: 2, end: 8, newText: '表1第57项', preferred: true }] });
    assert.deepStrictEqual(wordNotesOf(text, [1, 0], [f], 'zh')[0].comment, ['【错误】表1第58项不存在', '修改建议：改为 表1第57项', 'Policy Lens 检查项：unknown-task']);
    assert.deepStrictEqual(wordNotesOf(text, [1, 0], [f], 'en')[0].comment, ['[error] 表1第58项不存在', 'Suggested fix: 改为 表1第57项', 'Policy Lens check: unknown-task']);
    assert.strictEqual(wordNotesOf(text, [1, 0], [f], 'zh')[0].revision, undefined, 'no tracked change unless asked');
    const quote = { ...f, code: 'misquote' as const, fixes: [{ title: '改为原文表述', start: 0, end: 8, newText: '落实表1第57项', preferred: true }] };
    assert.strictEqual(wordNotesOf(text, [1, 0], [quote], 'zh')[0].comment[1], '修改建议：改为原文表述：“落实表1第57项”', 'a title that does not say the text: the text too');
    assert.deepStrictEqual(wordNotesOf(text, [1, 0], [f], 'zh', { revisions: true })[0].revision, { anchor: { paragraph: 1, text: '表1第58项', occurrence: 0 }, mode: 'replace', newText: '表1第57项' });
  });

  it('anchors an inserted fix by the text before it (or after it at a paragraph\'s start), and leaves out fixes that write Markdown', () => {
    const text = '在白云机场试点前置安检。\n\n| 1 | 任务 |\n';
    const end = text.indexOf('。') + 1;
    const insert = (at: number, newText: string) => finding(text, '白云机场', { code: 'uncited-task', severity: 'hint', fixes: [{ title: '引用', start: at, end: at, newText, preferred: true }] });
    const [after, before, cells] = wordNotesOf(text, [1, 0, 2, 0], [insert(end, '（表5第1项）'), insert(0, '表5第1项：'), insert(text.indexOf('任务'), '表5第1项 | ')], 'zh', { revisions: true });
    assert.deepStrictEqual(after.revision, { anchor: { paragraph: 1, text: '点前置安检。', occurrence: 0 }, mode: 'after', newText: '（表5第1项）' });
    assert.deepStrictEqual(before.revision, { anchor: { paragraph: 1, text: '在白云机场试', occurrence: 0 }, mode: 'before', newText: '表5第1项：' });
    assert.strictEqual(cells.revision, undefined, 'a fix that writes a cell of its own is left to the comment');
  });
});

describe('a Word plan annotated (annotateDocx)', function () {
  this.timeout(60000);
  const { checker } = loadEngine(ROOT);
  const check = (text: string) => checker.analyze(text, { locale: 'zh' }).findings;

  async function annotated(bytes: Buffer, revisions: boolean) {
    const plan = await readDocx(bytes, 'plan.docx');
    const findings = check(plan.text);
    const notes = wordNotesOf(plan.text, plan.paragraphOfLine, findings, 'zh', { revisions });
    return { plan, findings, notes, ...(await annotateDocx(bytes, notes, OPTS)) };
  }

  it('writes every finding as a comment on its text and changes nothing of the text', async () => {
    const bytes = await makeDocx(WORD_PLAN);
    const { plan, findings, bytes: out, placed } = await annotated(bytes, false);
    assert.ok(findings.length >= 5, `the fixture plan has its planted findings (${findings.length})`);
    assert.deepStrictEqual(placed, { text: findings.length, paragraph: 0, document: 0 });
    assert.deepStrictEqual(await readDocx(out, 'copy.docx'), plan, 'the copy reads as the plan');
    const zip = await JSZip.loadAsync(out);
    const { ranges } = read(await zip.file('word/document.xml')!.async('string'));
    assert.deepStrictEqual([...ranges.values()], findings.map((f) => plan.text.slice(f.start, f.end).replace(/\s+/g, '').replace(/\|/g, '')), 'each comment on its finding\'s text');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    assert.strictEqual(rels.match(/relationships\/comments"/g)?.length, 1);
    assert.match(await zip.file('[Content_Types].xml')!.async('string'), /PartName="\/word\/comments\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.comments\+xml"/);
    // annotated again: the first round's comments stay, the part and its relationship are not doubled
    const again = await annotateDocx(out, wordNotesOf(plan.text, plan.paragraphOfLine, findings, 'zh'), OPTS);
    const zip2 = await JSZip.loadAsync(again.bytes);
    assert.strictEqual((await zip2.file('word/comments.xml')!.async('string')).match(/<w:comment /g)?.length, 2 * findings.length);
    assert.strictEqual((await zip2.file('word/_rels/document.xml.rels')!.async('string')).match(/relationships\/comments"/g)?.length, 1);
  });

  it('with tracked changes: accepted, the fixes resolve their findings; rejected, the plan is as it was', async () => {
    const bytes = await makeDocx(WORD_PLAN);
    const { plan, findings, notes, bytes: out, revisions } = await annotated(bytes, true);
    const fixed = notes.filter((n) => n.revision).length;
    assert.ok(fixed >= 3, `fixes to write (${fixed})`);
    assert.deepStrictEqual(revisions, { written: fixed, skipped: 0 });
    const before = await readDocxBeforeRevisions(out, 'copy.docx');
    assert.deepStrictEqual(before, plan, 'every change rejected: the plan');
    const after = check((await readDocx(out, 'copy.docx')).text);
    const revised = findings.filter((_, i) => notes[i].revision);
    for (const f of revised) assert.ok(!after.some((a) => a.code === f.code && a.message === f.message), `${f.code} ${f.message} resolved`);
  });
});

describe('the annotated copy read by LibreOffice', function () {
  this.timeout(120000);
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  before(function () {
    if (soffice.status === 0) return;
    if (process.env.POLICY_LENS_REQUIRE_SOFFICE) throw new Error('soffice (LibreOffice) is required here (POLICY_LENS_REQUIRE_SOFFICE): apt-get install libreoffice-writer-nogui');
    this.skip();
  });

  it('shows each comment on its text and each tracked change, as Word would', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-annotate-'));
    try {
      const { checker } = loadEngine(ROOT);
      const bytes = await makeDocx(WORD_PLAN);
      const plan = await readDocx(bytes, 'plan.docx');
      const findings = checker.analyze(plan.text, { locale: 'zh' }).findings;
      const notes = wordNotesOf(plan.text, plan.paragraphOfLine, findings, 'zh', { revisions: true });
      const { bytes: out, revisions } = await annotateDocx(bytes, notes, OPTS);
      fs.writeFileSync(path.join(dir, 'copy.docx'), out);
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'fodt', '--outdir', dir, path.join(dir, 'copy.docx')], { stdio: 'ignore', timeout: 100000 });
      const fodt = fs.readFileSync(path.join(dir, 'copy.fodt'), 'utf8');
      // each annotation (its body) and the text up to its end mark; comments on overlapping text nest
      const annotations = [...fodt.matchAll(/<office:annotation(?=[\s>])[^>]*office:name="([^"]+)"[^>]*>([\s\S]*?)<\/office:annotation>/g)].map((m) => {
        const end = fodt.indexOf(`<office:annotation-end office:name="${m[1]}"/>`, m.index);
        return { body: m[2], range: end < 0 ? undefined : fodt.slice(m.index + m[0].length, end).replace(/<office:annotation(?=[\s>])[\s\S]*?<\/office:annotation>/g, '') };
      });
      assert.strictEqual(annotations.length, findings.length, 'every comment');
      const strip = (s: string) => s.replace(/<text:deletion>[\s\S]*?<\/text:deletion>/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, '');
      const ranges = annotations.map((a) => a.range !== undefined && strip(a.range));
      // in the order of their ranges' starts, which nest where findings overlap: compared as sets
      const heads = annotations.map((a) => strip(a.body)).map((body) => notes.findIndex((n) => body.includes(strip(n.comment.join('')))));
      assert.deepStrictEqual([...heads].sort((a, b) => a - b), notes.map((_, i) => i), 'each note\'s comment, whole');
      annotations.forEach((a, i) => {
        assert.match(a.body, /<dc:creator>Policy Lens<\/dc:creator>/);
        assert.ok(ranges[i], `comment ${i} has its range`);
      });
      assert.ok(ranges.includes('不低于51%67%'), `a comment on the threshold it fixes, deleted and inserted: ${JSON.stringify(ranges)}`);
      assert.ok(ranges.includes('表1第58项'), 'a reference to no task: its comment asks about the nearest, no change is written');
      // a replacement is a deletion and an insertion; an insertion one region
      const replaced = notes.filter((n) => n.revision?.mode === 'replace').length;
      assert.strictEqual((fodt.match(/<text:changed-region\b/g) ?? []).length, revisions.written + replaced);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
