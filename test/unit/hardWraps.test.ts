// A plan copied out of a PDF into a text file: its lines joined again (hardWrapView), its findings placed on the lines
// the user has, its fixes written into them without joining them, and every other plan read as it always was.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Checker } from '../../server/src/core/analyze';
import { applyFixes, preferredFixes } from '../../server/src/core/fixes';
import { hardWrapView, hardWrapViewAfterEdit } from '../../server/src/core/hardWraps';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/core/text';
import { loadEngine } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const PDF_COPIES = path.join(FIXTURES, 'heldout', 'pdf-copies-r12.jsonl');
const HARD_COPIES = path.join(FIXTURES, 'heldout', 'pdf-copies-hard-r13.jsonl');
const R162_COPIES = path.join(FIXTURES, 'heldout', 'adversarial-pdf-copies-r162.jsonl');

interface Sample {
  id: string;
  text: string;
}

function samplesOf(file: string): Sample[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

function pdfCopy(id: string): string {
  const found = [...samplesOf(PDF_COPIES), ...samplesOf(HARD_COPIES), ...samplesOf(R162_COPIES)].find((s) => s.id === id);
  assert.ok(found, id);
  return found.text;
}

/** A page's lines of about `width` characters, broken inside words, and a page number after the `pageAfter`th. */
function hardWrapped(paragraphs: readonly string[], width: number, pageAfter = -1): string {
  const lines: string[] = [];
  for (const p of paragraphs) {
    const text = `\u3000\u3000${p}`;
    for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  }
  if (pageAfter >= 0) lines.splice(pageAfter + 1, 0, '— 1 —');
  return lines.join('\n');
}

const PARAGRAPHS = [
  '为贯彻落实商务部印发的《广州市服务业扩大开放综合试点总体方案》，推动我区服务业高水平对外开放，结合我区实际，制定本实施方案。',
  '积极争取国内互联网虚拟专用网业务向外资开放，外资股比不超过50%，吸引海外电信运营商设立合资公司（表1第49项）。牵头单位：区科技工业和信息化局；完成时限：2025年12月底前。',
  '支持外商投资社会调查，中方股比不低于51%（表1第12项）。牵头单位：区商务局；完成时限：2024年6月底前。',
  '坚持稳中求进、守正创新，坚持制度型开放与产业发展相结合，坚持问题导向和目标导向相统一，聚焦企业和群众反映集中的堵点难点，以改革创新激发市场活力，推动各项试点任务在我区落地见效。',
  '各牵头单位要结合职能制定具体工作措施，明确责任分工和时间节点，于每年12月10日前将年度进展报送区商务局，区市场监督管理局等配合单位要加强协同，形成工作合力。',
];

describe('a plan copied out of a PDF (hardWrapView)', function () {
  this.timeout(60000);
  const { checker } = loadEngine(ROOT);

  it('joins the lines a page broke, and takes out a page number between two halves of a sentence', () => {
    const text = pdfCopy('pc12_03');
    const view = hardWrapView(text);
    assert.ok(view, 'the copy is read as hard-wrapped');
    assert.ok(text.includes('表\n— 1 —\n1第43项'), 'the fixture breaks 表1第43项 across a page number');
    assert.ok(view.text.includes('表1第43项'), view.text);
    assert.ok(view.text.includes('2025年12月底前'), 'a date broken over two lines');
    assert.ok(!view.text.includes('— 1 —'), 'the page number inside the sentence is gone');
    // headings and list items stay lines of their own
    assert.match(view.text, /\n（一）[^\n]*\n1．/);
  });

  it('maps every offset of the view back to the same character of the text, and every offset of the text into the view', () => {
    for (const { id, text } of [...samplesOf(PDF_COPIES), ...samplesOf(HARD_COPIES)]) {
      const view = hardWrapView(text)!;
      assert.ok(view, id);
      for (let v = 0; v < view.text.length; v++) {
        // the same character, or a tab for the blank between two cells of a table
        const [was, is] = [text[view.toOriginal(v)], view.text[v]];
        assert.ok(was === is || (is === '\t' && /[ \u3000]/.test(was)), `${id} @${v}: ${JSON.stringify(was)} as ${JSON.stringify(is)}`);
      }
      let last = -1;
      for (let o = 0; o <= text.length; o++) {
        const v = view.toView(o);
        assert.ok(v >= last && v <= view.text.length, `${id}: toView is monotone (${o} → ${v})`);
        last = v;
        if (view.toOriginal(v) === o) continue;
        // an offset inside what was taken out (a line's break, a page's line) goes to the joint, which goes back to the
        // character after it
        assert.ok(view.toOriginal(v, true) < view.toOriginal(v) && view.toOriginal(v, true) <= o && o < view.toOriginal(v), `${id} @${o}`);
      }
    }
  });

  it('reads a page broken every 20, 30 or 38 characters, with CRLF or LF, the same as the paragraphs it came from', () => {
    const whole = checker.analyze(PARAGRAPHS.map((p) => `\u3000\u3000${p}`).join('\n'), { locale: 'zh' });
    const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code).sort();
    assert.ok(codes(whole.findings).includes('threshold-mismatch'), 'the planted 51% for 67%');
    assert.strictEqual(whole.text, whole.source, 'read as written');
    for (const width of [20, 30, 38]) {
      for (const eol of ['\n', '\r\n']) {
        // a PDF viewer's copy may end each line with a blank
        const text = hardWrapped(PARAGRAPHS, width, 2).replace(/\n/g, (width === 30 ? ' ' : '') + eol);
        const analysis = checker.analyze(text, { locale: 'zh' });
        assert.notStrictEqual(analysis.text, analysis.source, `width ${width}: read with its lines joined`);
        // the paragraphs again, each a line (a paragraph's last line keeps its trailing blank: it ends no sentence's half),
        // and no page number
        assert.strictEqual(analysis.text.replace(/ (?=\r?\n|$)/g, ''), PARAGRAPHS.map((p) => `\u3000\u3000${p}`).join(eol));
        assert.deepStrictEqual(codes(analysis.findings), codes(whole.findings), `width ${width} ${JSON.stringify(eol)}`);
        assert.deepStrictEqual(analysis.references.map((r) => r.tasks.map((t) => t.id)), whole.references.map((r) => r.tasks.map((t) => t.id)));
      }
    }
  });

  it('joins a clause a page left open, however short its line, past the page\'s number and a running head seen once', () => {
    const text = pdfCopy('pd162_05');
    assert.ok(text.includes('同步探索以保\n险方式取代保证金，\n- 1 -\n南沙区服务业扩大开放综合试点实施方案\n提升船舶'));
    const view = hardWrapView(text)!;
    assert.ok(view.text.includes('同步探索以保险方式取代保证金，提升船舶和飞机融资服务水平。（区金融局牵头'));
  });

  it('takes out a running head repeated at every page break with the page number, between two halves of a sentence', () => {
    const text = pdfCopy('ph13_03');
    assert.ok(text.includes('探索以保险方式\n第 1 页\n广州市南沙区人民政府办公室文件\n取代保证金'));
    const view = hardWrapView(text)!;
    assert.ok(view.text.includes('探索以保险方式取代保证金（表3第3项）'));
    // between two paragraphs, the page's lines go too; the 落款 (not the running head) stays
    assert.ok(view.text.includes('三、保障措施\n　　（一）加强组织领导'), view.text.slice(-400));
    assert.ok(view.text.endsWith('\n广州市南沙区人民政府办公室\n2023年4月6日\n'), JSON.stringify(view.text.slice(-40)));
  });

  it('reads a table copied out of a PDF as lines of cells parted by blanks as a table, and joins none of its lines', () => {
    const text = pdfCopy('ph13_06');
    const view = hardWrapView(text)!;
    assert.ok(view.text.includes('\n序号\t对应任务\t工作内容\t牵头单位\t完成时限\r\n1\t表1第39项\t设立研究型病房\t区卫生健康局\t2025年6月底前\r\n2\t表1第44项'), view.text.slice(-400));
    // the row that gives 表1第44项 to another lead than the body's item is compared with it
    const analysis = checker.analyze(text, { locale: 'zh' });
    const mismatch = analysis.findings.filter((f) => f.code === 'assignment-mismatch');
    assert.strictEqual(mismatch.length, 1);
    // without 序号 at its head, or with rows of another count of cells, it is no such table
    const rows = ['工作任务 牵头单位 完成时限', '落实表1第39项 区卫生健康局 2025年6月底前'];
    assert.strictEqual(hardWrapView(rows.join('\n')), undefined);
    assert.strictEqual(hardWrapView(['序号 工作任务 牵头单位 完成时限', '1 落实表1第39项 区卫生健康局'].join('\n')), undefined);
    assert.ok(hardWrapView(['序号 工作任务 牵头单位 完成时限', '1 落实表1第39项 区卫生健康局 2025年6月底前'].join('\n')));
  });

  it('joins the lines of a Markdown list item wrapped by an editor, indented to where its text starts', () => {
    const item = (n: number, words: string) => `${n}. 深化高校和科研机构职务科技成果赋权改革，探索成果权益分享、约定收益等方\n   式，${words}（表1第1项）。（市科技局牵头，市教育局配合，2025年6\n   月底前完成）`;
    const text = ['# 方案', '', ...[1, 2, 3, 4, 5].flatMap((n) => [item(n, '完善市场化赋权和收益分配制度'), ''])].join('\n');
    const view = hardWrapView(text);
    assert.ok(view, 'read as wrapped');
    assert.ok(view.text.includes('约定收益等方式，完善市场化赋权和收益分配制度（表1第1项）。（市科技局牵头，市教育局配合，2025年6月底前完成）'), view.text);
    // a nested list under an item, or a code block, is not its text
    const nested = text.replace('   式，', '   - 式，');
    assert.ok(!hardWrapView(nested)?.text.includes('等方- 式'));
  });

  it('keeps the document\'s title a line of its own, however wide, when the paragraphs under it lost their indent', () => {
    const line = (k: number) => `推动服务业扩大开放综合试点任务${k}落地见效并形成可复制经验，由区商`;
    const text = ['越秀区落实服务业扩大开放综合试点实施方案', ...Array.from({ length: 9 }, (_, k) => line(k)), '务局牵头。'].join('\n');
    const view = hardWrapView(text)!;
    assert.ok(view, 'hard-wrapped');
    assert.ok(view.text.startsWith('越秀区落实服务业扩大开放综合试点实施方案\n推动服务业'), view.text.slice(0, 60));
  });

  it('joins two halves of an English word with the space the break stood for', () => {
    const line = '落实支持跨境电商发展的各项任务并加快推进跨境电商综合试验区建设Cross';
    const text = Array.from({ length: 6 }, () => `${line}\nborder试点工作有序推进，形成一批可复制推广的经验做法和典型案例报送市`).join('\n') + '\n商务局。';
    const view = hardWrapView(text);
    assert.ok(view);
    assert.ok(view.text.includes('Cross border'), view.text.slice(0, 120));
    assert.strictEqual(view.toOriginal(view.text.indexOf('border')), text.indexOf('border'));
  });

  it('reads lines justified to one width as a page\'s, though none breaks inside a word; lines of a list\'s lengths not', () => {
    const words = '推动服务业扩大开放综合试点任务落地见效';
    const page = ['　　为贯彻落实总体方案，结合实际制定本方案。', ...Array.from({ length: 10 }, () => words), '推动落地。'].join('\n');
    const view = hardWrapView(page);
    assert.ok(view, 'justified lines');
    assert.ok(view.text.includes(words.repeat(10) + '推动落地。'));
    const list = ['　　为贯彻落实总体方案，结合实际制定本方案。', ...Array.from({ length: 10 }, (_, k) => words.slice(0, 12 + ((k * 5) % 9))), '推动落地。'].join('\n');
    assert.strictEqual(hardWrapView(list), undefined);
  });

  it('reads no list of items a line each, without markers or full stops, and no table copied a cell a line, as a page\'s lines', () => {
    const rows = [
      ['1', '表1第39项', '鼓励医疗机构设立研究型病房开展临床试验', '区卫生健康局', '2025年6月底前'],
      ['2', '表1第44项', '支持外商捐资举办非营利性养老机构', '区民政局', '2025年12月底前'],
      ['3', '表1第41项', '落实放宽小剂量特殊化学制剂管理', '区卫生健康局', '2024年12月底前'],
      ['4', '表1第13项', '支持外资旅行社申请经营出境旅游业务', '区文化广电旅游体育局', '2025年6月底前'],
      ['5', '表1第20项', '推动职业院校开展国际交流合作', '区教育局', '2025年12月底前'],
    ];
    // the long cells (their lines nearly as wide as the widest) end where a cell ends, and the next cell goes on
    assert.strictEqual(hardWrapView(['序号', '对应任务', '工作内容', '牵头单位', '完成时限', ...rows.flat()].join('\n')), undefined);
    assert.strictEqual(hardWrapView(['重点任务清单', ...rows.map((r) => `${r[2]}（${r[1]}）`), ...rows.map((r) => `${r[3]}牵头`)].join('\n')), undefined);
  });

  it('joins a break a page made inside a token, a quotation or a bracket, or across a page number, in a plan not hard-wrapped', () => {
    const view = (text: string) => hardWrapView(text)?.text;
    // a paragraph copied out of a PDF into a plan typed a paragraph to a line
    assert.strictEqual(view('　　1．支持民营企业开展售电业务（表1第6\n4项）。（区发展改革局牵头）\n'), '　　1．支持民营企业开展售电业务（表1第64项）。（区发展改革局牵头）\n');
    assert.strictEqual(view('为贯彻落实《总体方案》（商资发〔2022〕\r\n212号），制定本方案。'), '为贯彻落实《总体方案》（商资发〔2022〕212号），制定本方案。');
    assert.strictEqual(view('　　1．开展保税展示交易业务（表1第14项）。（区商务局牵\r头，2025年底前完成）'), '　　1．开展保税展示交易业务（表1第14项）。（区商务局牵头，2025年底前完成）');
    assert.strictEqual(view('　　5．推进测试中心建设，鼓励政府网站支持IPv6永\n- 7 -\n久访问。（区工业和信息化局牵头）'), '　　5．推进测试中心建设，鼓励政府网站支持IPv6永久访问。（区工业和信息化局牵头）');
    // (a line narrower than a page's is the writer's own)
    assert.strictEqual(view('支持IPv6永\n- 7 -\n久访问。'), undefined);
    // a clause left open (，) at a page's end, however short the line, goes on past the page's number and a running head
    // seen once (the document's short title); a sentence's end there does not, nor a clause before a line that opens a block
    assert.strictEqual(
      view('　　2．推进国际消费中心城市建设（表4第6项），\n—1—\n服务业扩大开放综合试点工作方案\n打造一批国际消费新场景。\n'),
      '　　2．推进国际消费中心城市建设（表4第6项），打造一批国际消费新场景。\n',
    );
    assert.strictEqual(view('　　2．推进国际消费中心城市建设（表4第6项）。\n—1—\n服务业扩大开放综合试点工作方案\n　　3．打造一批国际消费新场景。'), undefined);
    assert.strictEqual(view('　　2．推进国际消费中心城市建设（表4第6项），\n—1—\n　　3．打造一批国际消费新场景。'), undefined);
    // a table's number at a line's end goes on with 第 and its item (落实表4⏎第9项)
    assert.strictEqual(view('　　5．放宽外商设立投资性公司申请条件，全面推动落实表4\n第9项，推动资产总额门槛降至2亿美元。'), '　　5．放宽外商设立投资性公司申请条件，全面推动落实表4第9项，推动资产总额门槛降至2亿美元。');
    assert.strictEqual(view('服务型制造子公司的过渡期支持政策一般为3至\n5年，按规定办理。'), '服务型制造子公司的过渡期支持政策一般为3至5年，按规定办理。');
    // not the writer's own breaks: a heading over its text, a table's title over its first cell, short lines, a sentence's end
    for (const text of ['一、总体要求\n为深入贯彻落实试点任务', '附件：重点任务分工表\n1\t1-12', '序号\n1\n2\n3', '落实表1第12项。\n2025年底前完成。', '目标：引进企业10\n牵头单位：区商务局']) {
      assert.strictEqual(view(text), undefined, text);
    }
  });

  it('leaves every other plan as it is: the sample plan, every fixture case and labelled or held-out text but the PDF copies and a wrapped Markdown plan', () => {
    const texts: { where: string; text: string }[] = [];
    for (const file of fs.readdirSync(path.join(ROOT, 'examples'))) {
      if (/\.(md|txt)$/.test(file)) texts.push({ where: file, text: fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8') });
    }
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) walk(file);
        else if (e.name.endsWith('.jsonl') && !e.name.startsWith('pdf-copies')) {
          fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).forEach((l, i) => {
            const s = JSON.parse(l);
            if (typeof s.text === 'string') texts.push({ where: `${e.name}:${s.id ?? i}`, text: s.text });
          });
        } else if (/\.md$/.test(e.name) && e.name.toLowerCase() !== 'readme.md') {
          fs.readFileSync(file, 'utf8').split(/\r?\n---\r?\n/).forEach((c, i) => texts.push({ where: `${e.name}#${i}`, text: c }));
        }
      }
    };
    walk(FIXTURES);
    assert.ok(texts.length > 1000, `${texts.length} texts`);
    const joined = texts.filter((t) => hardWrapView(t.text)).map((t) => t.where);
    // the six PDF copies of the mixed set (its six plans saved from Word, WPS or as Markdown are not joined), and a
    // Markdown plan an editor wrapped at 74 columns (its list items' lines indented to their text): joined as a page's
    // lines are, as CommonMark reads it; rounds 162's and 164's eight PDF copies each; a quotation a PDF's line cut (qs163_05:
    // “…国家文化出口基⏎地…”, left open at the line's end); round 177's plan copied out of a PDF (wr177_05); and the four of
    // round 193's PDF copies whose lines break mid-sentence in the items (its others break only in the frame's prose, or
    // are one page)
    const mixedCopies = ['01', '03', '05', '07', '09', '11'].map((n) => `mixed-r15.jsonl:mx15_${n}`);
    const eight = ['01', '02', '03', '04', '05', '06', '07', '08'];
    const r162 = eight.map((n) => `adversarial-pdf-copies-r162.jsonl:pd162_${n}`);
    const r164 = eight.map((n) => `adversarial-pdf-pages-r164.jsonl:pc164_${n}`);
    const joinedToo = ['adversarial-quotations-r163.jsonl:qs163_05', 'adversarial-whole-plans-recall-r177.jsonl:wr177_05'];
    const r193 = ['03', '08', '13', '14'].map((n) => `adversarial-pdf-copies-r193.jsonl:pd193_${n}`);
    assert.deepStrictEqual(joined, [...r162, ...r193, ...r164, ...joinedToo, ...mixedCopies, 'short-lines-r14.jsonl:sl14_07']);
  });

  it('places each finding on the lines the user has, with the same ranges for diagnostics and for every other reader', () => {
    const text = pdfCopy('pc12_04');
    const analysis = checker.analyze(text, { locale: 'zh' });
    const lines = new LineIndex(text);
    const threshold = analysis.findings.find((f) => f.code === 'threshold-mismatch');
    assert.ok(threshold);
    const range = analysis.lines.range(threshold.start, threshold.end);
    const broken = text.indexOf('不超过6\n0%');
    assert.ok(broken > 0);
    // 不超过6⏎0%: the range starts on the 6's line and ends on the next, after the %
    assert.strictEqual(range.start.line, lines.positionAt(broken).line);
    assert.deepStrictEqual(range.end, lines.positionAt(broken + '不超过6\n0%'.length));
    const inSource = analysis.sourceFindings.find((f) => f.code === 'threshold-mismatch')!;
    assert.deepStrictEqual(range, { start: lines.positionAt(inSource.start), end: lines.positionAt(inSource.end) });
    const placed: unknown[] = [];
    analysis.forEachFinding((f, _s, line, r) => {
      if (f.code === 'threshold-mismatch') placed.push({ start: { line: line + r.startLine, character: r.startCharacter }, end: { line: line + r.endLine, character: r.endCharacter } });
    });
    assert.deepStrictEqual(placed, [range]);
    const unit = analysis.findings.find((f) => f.code === 'other-district-unit')!;
    assert.strictEqual(analysis.text.slice(unit.start, unit.end), '天河区商务局');
    const source = analysis.sourceFindings.find((f) => f.code === 'other-district-unit')!;
    assert.strictEqual(text.slice(source.start, source.end), '天河区商\n务局');
  });

  it('writes a fix into the text without joining its lines: 6⏎0% becomes 5⏎0%', () => {
    const text = pdfCopy('pc12_04');
    const analysis = checker.analyze(text, { locale: 'zh' });
    const fixes = preferredFixes(analysis.sourceFindings, 'threshold-mismatch');
    assert.strictEqual(fixes.length, 1);
    const fixed = applyFixes(analysis.source, fixes);
    assert.strictEqual(fixed, text.replace('不超过6\n0%', '不超过5\n0%'));
    // the quick fix's edit (codeActions): the one character it changes
    const fix = analysis.findings.find((f) => f.code === 'threshold-mismatch')!.fixes[0];
    const edit = analysis.sourceEdit(fix.start, fix.end, fix.newText);
    assert.strictEqual(edit.newText, '5');
    assert.deepStrictEqual(edit.range, { start: new LineIndex(text).positionAt(text.indexOf('不超过6') + 3), end: new LineIndex(text).positionAt(text.indexOf('不超过6') + 4) });
    // an edit over a break keeps it, and a page number's line, after the new text
    const pc3 = checker.analyze(pdfCopy('pc12_03'), { locale: 'zh' });
    const at = pc3.text.indexOf('表1第43项');
    assert.ok(at > 0);
    const source = pdfCopy('pc12_03');
    const edit3 = pc3.sourceEdit(at, at + '表1第43项'.length, '表2第9项');
    const positions = new LineIndex(source);
    const written = source.slice(0, positions.offsetAt(edit3.range.start)) + edit3.newText + source.slice(positions.offsetAt(edit3.range.end));
    assert.strictEqual(written, source.replace('表\n— 1 —\n1第43项', '表\n— 1 —\n2第9项'));
    // and a change that spans the joint keeps what was taken out after its new text
    const spanning = pc3.sourceEdit(at, at + '表1第43项'.length, '第43项');
    assert.strictEqual(spanning.newText, '\n— 1 —\n');
  });

  it('checks an edited copy as a fresh check would, whatever the edits do to its lines', () => {
    const options = { locale: 'zh' as const };
    const signature = (a: ReturnType<typeof checker.analyze>) => JSON.stringify([a.findings.map((f) => [f.start, f.end, f.code, f.message]), a.findings.map((f) => a.lines.range(f.start, f.end))]);
    let text = pdfCopy('pc12_05');
    let previous = checker.analyze(text, options);
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const pieces = ['\n', '表1第', '5', '— 2 —\n', '。', '\r\n', '区商务局', ''];
    for (let i = 0; i < 150; i++) {
      const at = random(text.length);
      const cut = random(4);
      text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at + cut);
      const incremental = checker.analyze(text, options, undefined, previous);
      // a checker with a cache of its own: a wrong cache key in the incremental one cannot pass unnoticed
      const fresh = new Checker(checker.index, undefined, checker.context).analyze(text, options);
      assert.strictEqual(signature(incremental), signature(fresh), `edit ${i}`);
      previous = incremental;
    }
  });
});

describe('the view of a plan after an edit (hardWrapViewAfterEdit), looked for around the edit', () => {
  // lines of the kinds that make a view, or nearly: a token broken at a line's end, a quotation or bracket left open, a
  // page's number, a table's 序号 header and rows copied out of a PDF, lines as wide as a page's and plain ones
  const WIDE = '推进服务业扩大开放综合试点各项任务落地见效，加快形成可复制可推广的制度创新成果';
  const LINES = [
    WIDE + '表1第6', '4项任务。', WIDE + '（区商务局牵', '头）', '- 7 -', WIDE + '“支持', '企业”', '序号 工作任务 牵头单位 完成时限',
    '1 设立研究型病房 区卫生健康局 2025年6月底前', '一、总体要求', '', '# 标题', '落实表1第12项。', WIDE + '。', WIDE + '第', '8项', 'T1.', '49',
  ];
  const PIECES = ['\n', '\r\n', '表1第', '1', '。', '（', '）', '“', '- 3 -', ' ', '号', WIDE, WIDE + '表1第1\n2项', '\n- 5 -\n', WIDE + '（'];
  // past the lines that tell whether a text is hard-wrapped (two hundred), where the edit is looked at alone; or short
  const HEAD = Array.from({ length: 210 }, (_, k) => `${k + 1}. 落实表1第12项。`).join('\n') + '\n';
  const text = fc.tuple(fc.boolean(), fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 60 })).map(([long, ls]) => (long ? HEAD : '') + ls.join('\n'));
  const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join('')) });

  it('is the view hardWrapView makes of the whole text, whenever the text before it had none', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let old = start;
        for (const e of edits) {
          const at = old.startsWith(HEAD) ? HEAD.length + (e.at % (old.length - HEAD.length + 1)) : e.at % (old.length + 1);
          const next = old.slice(0, at) + e.insert + old.slice(Math.min(old.length, at + e.length));
          if (hardWrapView(old) === undefined) {
            const after = hardWrapViewAfterEdit(next, old);
            assert.strictEqual(after?.text, hardWrapView(next)?.text, `after ${JSON.stringify(old)} became ${JSON.stringify(next)}`);
          }
          old = next;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives no view for an edit far down a long plan that has none, and sees the break such an edit makes', () => {
    const long = Array.from({ length: 400 }, (_, k) => `${k + 1}. 落实表1第12项，允许外商投资社会调查。`).join('\n\n');
    const edited = long.replace('300. 落实', '300. 抓紧落实');
    assert.strictEqual(hardWrapView(long), undefined);
    assert.strictEqual(hardWrapViewAfterEdit(edited, long), undefined);
    // an edit there that breaks a reference at a line's end as a page would is seen
    const broken = long.replace('300. 落实表1第12项，允许外商投资社会调查。', `300. ${WIDE}表1第1\n2项，允许外商投资社会调查。`);
    assert.notStrictEqual(hardWrapViewAfterEdit(broken, long), undefined);
    // and a table copied out of a PDF that an edit there completes: a 序号 header over a line that becomes its row
    const header = long.replace('300. 落实表1第12项，允许外商投资社会调查。', '序号 工作任务 牵头单位 完成时限\n设立研究型病房');
    const row = header.replace('\n设立研究型病房', '\n1 设立研究型病房 区卫生健康局 2025年6月底前');
    assert.strictEqual(hardWrapView(header), undefined);
    assert.strictEqual(hardWrapViewAfterEdit(row, header)?.text, hardWrapView(row)?.text);
    assert.notStrictEqual(hardWrapView(row), undefined);
  });
});
