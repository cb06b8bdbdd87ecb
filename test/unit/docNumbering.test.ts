// Word 97–2003's automatic numbering (server/src/readers/docNumbering.ts, docExtractor.ts): the lists and list
// paragraphs of a .doc LibreOffice wrote, the numbers counted as Word draws them, and the plan read with its outline.
import * as assert from 'assert';
import * as XLSX from '@e965/xlsx';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { docParagraphs, DocLists, labelsOf, readDocLists, readDocStyles } from '../../server/src/readers/docNumbering';
import { docRows } from '../../server/src/readers/docTables';
import { readPlanBytes, readPlanFile } from '../../server/src/readers/planFile';
import { UnreadableFileError } from '../../server/src/readers/unreadable';
import { loadEngine } from '../../server/src/engine';
import { makeDocx, makeStyledOutlineDocx, OUTLINE_LEVELS, OUTLINE_PLAN, OUTLINE_PLAN_MARKDOWN, STYLED_OUTLINE_MARKDOWN } from '../support/docxFixture';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const OUTLINE_DOC = path.join(ROOT, 'test', 'fixtures', 'word97', 'outline-plan.doc');
const STYLED_DOC = path.join(ROOT, 'test', 'fixtures', 'word97', 'styled-plan.doc');

/** The WordDocument and table streams of a .doc. */
function streams(file: string): { word: Buffer; table: Buffer } {
  const cfb = XLSX.CFB.read(fs.readFileSync(file), { type: 'buffer' });
  const get = (name: string) => Buffer.from(XLSX.CFB.find(cfb, name)!.content as Uint8Array);
  const word = get('WordDocument');
  return { word, table: get((word.readUInt16LE(0x0a) & 0x0200) !== 0 ? '1Table' : '0Table') };
}

/**
 * Whether `holds` of a .doc's WordDocument and table streams after 1–12 bytes of either are overwritten (400 seeded
 * runs): the readers take what they can of damaged streams and never throw.
 */
function holdsOnDamagedStreams(file: string, seed: number, holds: (word: Buffer, table: Buffer) => boolean): void {
  const { word, table } = streams(file);
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 12 }), (edits) => {
      const w = Buffer.from(word);
      const t = Buffer.from(table);
      for (const [inTable, at, byte] of edits) (inTable ? t : w)[at % (inTable ? t.length : w.length)] = byte;
      return holds(w, t);
    }),
    { numRuns: 400, seed },
  );
}

/** A list of the outline's levels (一、 （一） 1. ①) as readDocLists gives it, with `starts` overriding levels. */
function outlineLists(instances: { lsid: number; starts?: [number, number][] }[] = [{ lsid: 1 }]): DocLists {
  const levels = [
    { format: 'chineseCounting', start: 1, text: '\u0000、' },
    { format: 'chineseCounting', start: 1, text: '（\u0001）' },
    { format: 'decimal', start: 1, text: '\u0002.' },
    { format: 'decimalEnclosedCircle', start: 1, text: '\u0003' },
    { format: 'bullet', start: 1, text: '\uf0b7' },
    { format: 'decimal', start: 1, text: '(\u0005)' },
  ];
  return { definitions: new Map([[1, levels], [2, levels.map((l) => ({ ...l }))], [7, [{ format: 'upperLetter', start: 3, text: '\u0000)' }]]]), instances: instances.map((i) => ({ lsid: i.lsid, starts: new Map(i.starts ?? []) })) };
}

describe('Word 97–2003 automatic numbering', () => {
  it('reads the lists and the list paragraphs of a .doc LibreOffice wrote', () => {
    const { word, table } = streams(OUTLINE_DOC);
    const lists = readDocLists(word, table);
    const used = docParagraphs(word, table, readDocStyles(word, table)).filter((p) => p.ilfo > 0);
    assert.deepStrictEqual(used.map((p) => p.ilvl), [0, 1, 2, 2, 1, 2, 3, 3, 2, 2, 0], 'the levels of the outline\'s eleven numbered paragraphs, in order');
    const levels = lists.definitions.get(lists.instances[used[1].ilfo - 1].lsid)!;
    assert.deepStrictEqual(levels.slice(0, 4).map((l) => [l.format, l.text]), [['chineseCountingThousand', '\u0000、'], ['chineseCountingThousand', '（\u0001）'], ['decimal', '\u0002.'], ['decimalEnclosedCircle', '\u0003']]);
    assert.ok(used.every((p, i) => i === 0 || p.fc > used[i - 1].fc), 'in the order of the file');
  });

  it('counts as Word draws: a level restarts those below it, and a plain 1. is a Markdown list item', () => {
    const at = (ilvl: number) => ({ ilfo: 1, ilvl });
    assert.deepStrictEqual(labelsOf([0, 1, 2, 2, 1, 2, 3, 3, 2, 0, 1, 4, 5].map(at), outlineLists()), ['一、', '（一）', '1. ', '2. ', '（二）', '1. ', '①', '②', '2. ', '二、', '（一）', '- ', '(1)']);
  });

  it('restarts a level where a list instance overrides its start, once, and counts two copies of one list as one', () => {
    const lists = outlineLists([{ lsid: 1 }, { lsid: 1, starts: [[2, 5]] }, { lsid: 2 }]);
    const labels = labelsOf([{ ilfo: 1, ilvl: 2 }, { ilfo: 2, ilvl: 2 }, { ilfo: 2, ilvl: 2 }, { ilfo: 3, ilvl: 2 }], lists);
    assert.deepStrictEqual(labels, ['1. ', '5. ', '6. ', '7. '], 'instance 2 starts at 5; list 2 draws what list 1 does and goes on from it (LibreOffice writes a list\'s first paragraph into such a copy)');
  });

  it('starts a list at its level\'s start, and gives no label for a list it does not know', () => {
    const lists = outlineLists([{ lsid: 7 }, { lsid: 99 }]);
    assert.deepStrictEqual(labelsOf([{ ilfo: 1, ilvl: 0 }, { ilfo: 1, ilvl: 0 }, { ilfo: 2, ilvl: 0 }, { ilfo: 5, ilvl: 0 }], lists), ['C)', 'D)', undefined, undefined]);
  });

  it('reads a .doc whose outline is automatic numbering with its numbers, and checks it as the .docx it was saved from', async () => {
    const plan = await readPlanFile(OUTLINE_DOC);
    assert.strictEqual(plan.format, 'doc');
    // the text as the file has it: “两业” and —— stay (word-extractor's own filter would make them " and --)
    assert.strictEqual(plan.text, OUTLINE_PLAN_MARKDOWN);
    assert.match(plan.text, /开展“两业”融合统计调查——建立/);
    const docx = await readPlanBytes(await makeDocx(OUTLINE_PLAN, OUTLINE_LEVELS), 'plan.docx');
    const { checker } = loadEngine(ROOT);
    const codes = (text: string) => checker.analyze(text, { locale: 'zh' }).findings.map((f) => `${f.code} ${text.slice(f.start, f.end)}`).sort();
    assert.deepStrictEqual(codes(plan.text), codes(docx.text));
    assert.ok(codes(plan.text).includes('missing-lead-unit 落实表1第36项，建设理财和资产管理中心。'), 'the numbered item without a lead is a task item');
    assert.ok(codes(plan.text).some((c) => c.startsWith('domain-mismatch')), 'and 一、商务服务领域 a heading of domains');
  });

  it('reads heading styles as Markdown headings, with the numbers their styles\' list gives them', async () => {
    const { word, table } = streams(STYLED_DOC);
    const styles = readDocStyles(word, table);
    const paragraphs = docParagraphs(word, table, styles);
    assert.deepStrictEqual(paragraphs.map((p) => styles.get(p.istd)?.heading ?? 0).filter(Boolean), [1, 2, 1], 'two 标题 1 and a 标题 2');
    assert.ok(paragraphs.filter((p) => styles.get(p.istd)?.heading).every((p) => p.ilfo > 0), 'each in its style\'s list');
    assert.strictEqual((await readPlanFile(STYLED_DOC)).text, STYLED_OUTLINE_MARKDOWN);
    // and the .docx it was saved from, whose styles (styles.xml) name the list, not the list's levels the styles
    assert.strictEqual((await readPlanBytes(await makeStyledOutlineDocx(), 'plan.docx')).text, STYLED_OUTLINE_MARKDOWN);
  });

  it('keeps a private-use character of the text (a 生僻字 a font draws) as it is, its markers being others', async () => {
    const bytes = fs.readFileSync(OUTLINE_DOC);
    const title = Buffer.from('天河区落实', 'utf16le');
    const at = bytes.indexOf(title);
    assert.ok(at > 0, 'the title is in the file as UTF-16');
    const patched = Buffer.from(bytes);
    patched.write('\ue000', at, 'utf16le'); // 天 → U+E000, the first marker the reader would take
    const plan = await readPlanBytes(patched, 'plan.doc');
    assert.strictEqual(plan.text, OUTLINE_PLAN_MARKDOWN.replace('天河区落实', '\ue000河区落实'));
  });

  it('never throws on damaged streams: what it reads of them, or nothing', () => {
    holdsOnDamagedStreams(OUTLINE_DOC, 20261205, (w, t) => {
      const lists = readDocLists(w, t);
      const labels = labelsOf(docParagraphs(w, t, readDocStyles(w, t)).filter((p) => p.ilfo > 0), lists);
      return labels.every((l) => l === undefined || typeof l === 'string');
    });
  });

  it('reads a damaged .doc as text or refuses it as unreadable, never fails otherwise', async function () {
    this.timeout(60000);
    const bytes = fs.readFileSync(OUTLINE_DOC);
    for (let run = 0; run < 12; run++) {
      const damaged = Buffer.from(bytes);
      for (let k = 0; k < 8; k++) damaged[(run * 7919 + k * 104729) % damaged.length] ^= 0x5a;
      await readPlanBytes(damaged, 'damaged.doc').then(
        (plan) => assert.strictEqual(typeof plan.text, 'string'),
        (e: unknown) => assert.ok(e instanceof UnreadableFileError, String(e)),
      );
    }
  });
});

describe('Word 97–2003 table rows', () => {
  const MERGED_DOC = path.join(__dirname, '../../../test/fixtures/word97/merged-table.doc');

  it('reads each row\'s cells, their bounds and the cells merged down, from the .doc LibreOffice wrote of MERGED_TABLE_PLAN', () => {
    const { word, table } = streams(MERGED_DOC);
    const rows = docRows(word, table);
    // the header's 责任单位 spans two columns (four cells), its second row five; 领域, 牵头单位 and 完成时限 merged down
    assert.deepStrictEqual(rows.map((r) => [r.cells, r.continued]), [[4, []], [5, [0, 1, 4]], [5, []], [5, [0, 2]], [5, []], [5, [0, 4]], [5, [0, 4]]]);
    for (const r of rows) assert.ok(r.bounds.length === r.cells + 1 && r.bounds.every((b, c) => !c || b > r.bounds[c - 1]), JSON.stringify(r));
    assert.deepStrictEqual(rows[0].bounds.filter((b) => !rows[1].bounds.includes(b)), [], 'the header\'s bounds are the columns\' too');
  });

  it('never throws on damaged streams: the rows it reads of them, or none', () => {
    holdsOnDamagedStreams(MERGED_DOC, 20261206, (w, t) => docRows(w, t).every((r) => r.continued.every((c) => c < r.cells) && r.bounds.length <= r.cells + 1));
  });
});
