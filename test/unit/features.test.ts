// The LSP features without a server: each is handed a plain FeatureContext over the engine (test/support/
// memoryContext.ts) and asked as the client would ask it; the protocol tests ask the same of the real server.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CodeActionParams, MarkupContent, Position } from 'vscode-languageserver';
import { codeActions } from '../../server/src/features/codeActions';
import { completion } from '../../server/src/features/completion';
import { coverage } from '../../server/src/features/coverageRequest';
import { definition } from '../../server/src/features/definition';
import { references } from '../../server/src/features/findReferences';
import { hover } from '../../server/src/features/hover';
import { inlayHints } from '../../server/src/features/inlayHints';
import { status } from '../../server/src/features/status';
import { documentSymbols } from '../../server/src/features/symbols';
import { documentHighlights } from '../../server/src/features/documentHighlight';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { codeLenses } from '../../server/src/features/codeLens';
import { prepareRename, rename } from '../../server/src/features/rename';
import { reviewCopyRequest } from '../../server/src/features/reviewCopyRequest';
import { memoryContext } from '../support/memoryContext';
import { makeDocx, WORD_PLAN } from '../support/docxFixture';
import JSZip from 'jszip';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('the features over a plain context (no server)', () => {
  const ctx = memoryContext(ROOT);
  const uri = 'file:///plan.md';
  const text = '# 一、金融服务\n\n推动数字人民币试点（表1第35项）。\n\n落实表1第99项。\n\n## 二、商务服务\n\n允许外商投资社会调查（T1.12）。\n';
  ctx.open(uri, text);
  const at = (needle: string, after = 0): Position => {
    const offset = text.indexOf(needle);
    assert.ok(offset >= 0, needle);
    return ctx.analysis(ctx.documents.get(uri)!).lines.positionAt(offset + after);
  };
  const document = { textDocument: { uri } };
  const t35 = ctx.index.task('T1.35')!;
  const t35Text = () => t35.text;

  it('hovers a reference with its task: both IDs and the full text', () => {
    const h = hover(ctx, { ...document, position: at('表1第35项', 2) });
    const value = (h?.contents as MarkupContent).value;
    assert.ok(value.includes('**表1第35项 · T1.35**'), value);
    assert.ok(value.includes(t35.text.slice(0, 20)), value);
    assert.strictEqual(hover(ctx, { ...document, position: at('推动数字人民币试点') }), null, 'prose without a reference');
  });

  it('hovers a heading of domains with the tasks of its domains, each marked cited, restated or not yet in the plan', () => {
    const h = hover(ctx, { ...document, position: at('一、金融服务', 3) });
    const value = (h?.contents as MarkupContent).value;
    const finance = ctx.index.tasks.filter((t) => t.domain === '金融服务领域');
    assert.ok(value.startsWith(`**金融服务领域：共 ${finance.length} 项任务，本方案已引用 1 项**`), value);
    assert.ok(value.includes('- ✅ 表1第35项'), value);
    assert.ok(value.includes('- ⬜ 表1第36项'), value);
    assert.strictEqual(value.split('\n- ').length - 1, finance.length, 'one line per task');
    assert.deepStrictEqual(h?.range, { start: at('一、金融服务'), end: at('一、金融服务', 6) });
    assert.strictEqual(hover(ctx, { ...document, position: at('二、商务服务', 3) }) !== null, true, 'a second-level heading too');
    const none = ctx.open('file:///headings.md', '## 三、深化金融服务改革\n\n正文。\n');
    assert.strictEqual(hover(ctx, { textDocument: { uri: none.uri }, position: none.positionAt(5) }), null, 'a heading that names no domain');
  });

  it('hovers a heading that is one of a table\'s categories with that category\'s tasks, marked as a heading of domains marks them', () => {
    const plan = '## （二）优化人才服务\n\n1. 为高层次人才开设进境物品审批绿色通道（表5第2项）。\n';
    const doc = ctx.open('file:///category.md', plan);
    const h = hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(plan.indexOf('人才服务')) });
    const value = (h?.contents as MarkupContent).value;
    const talent = ctx.index.tasks.filter((t) => t.table === 5 && t.category === '优化人才服务');
    assert.ok(talent.length > 1);
    assert.ok(value.startsWith(`**优化人才服务：共 ${talent.length} 项任务，本方案已引用 1 项**`), value);
    assert.ok(value.includes('- ✅ 表5第2项') && value.includes('- ⬜ 表5第1项'), value);
    assert.strictEqual(value.split('\n- ').length - 1, talent.length, 'one line per task');
    const longer = ctx.open('file:///longer.md', '## 二、进一步优化人才服务环境\n\n正文。\n');
    assert.strictEqual(hover(ctx, { textDocument: { uri: longer.uri }, position: longer.positionAt(8) }), null, 'a heading that only holds the name');
  });

  it('hovers a source\'s title or 文号 with the document and its tables, each with the tasks the plan cites', () => {
    const plan = '为贯彻落实商务部《广州市服务业扩大开放综合试点总体方案》（商资发[2022]212号），制定本方案。\n\n1. 推动数字人民币试点（表1第35项）。\n2. 允许外商投资社会调查（T1.12）。\n3. 落实《北京市服务业扩大开放综合试点总体方案》。\n';
    const doc = ctx.open('file:///document.md', plan);
    const hoverAt = (needle: string, after = 1) => hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(plan.indexOf(needle) + after) });
    const value = (hoverAt('广州市服务业')?.contents as MarkupContent).value;
    assert.ok(value.startsWith('**《广州市服务业扩大开放综合试点总体方案》**\n\n商资发〔2022〕212号 · 商务部 · 2022年12月29日印发'), value);
    assert.ok(value.includes('试点任务清单共 130 项任务，本方案已引用 2 项'), value);
    assert.ok(value.includes('- 表1 ') && value.includes('：已引用 2 / 57 项') && value.includes('：已引用 0 / 18 项'), value);
    assert.ok(/\[在原文中打开 · 广州市服务业扩大开放综合试点总体方案\]\(file:.*#L1\)/.test(value), value);
    const start = plan.indexOf('《广州市');
    assert.deepStrictEqual(hoverAt('广州市服务业')?.range, { start: doc.positionAt(start), end: doc.positionAt(plan.indexOf('》') + 1) });
    // its 文号, in other brackets too, over the 文号 alone; not another city's title
    const onNumber = hoverAt('商资发[2022]', 4);
    assert.ok((onNumber?.contents as MarkupContent).value.startsWith('**《广州市服务业扩大开放综合试点总体方案》**'));
    assert.deepStrictEqual(onNumber?.range, { start: doc.positionAt(plan.indexOf('商资发')), end: doc.positionAt(plan.indexOf('212号') + 4) });
    const lead = ctx.open('file:///lead.md', '根据商资发〔2022〕212号文件要求推进。\n');
    assert.deepStrictEqual(hover(ctx, { textDocument: { uri: lead.uri }, position: lead.positionAt(4) })?.range, { start: lead.positionAt(2), end: lead.positionAt(15) }, 'not the words before its 机关代字');
    ctx.close(lead.uri);
    // a short name the plan declares for it (以下简称《总体方案》), wherever the plan writes it; not one it does not declare
    const short = ctx.open('file:///short.md', '落实《广州市服务业扩大开放综合试点总体方案》（商资发〔2022〕212号，以下简称《总体方案》）。\n\n按照《总体方案》和《实施方案》要求推进。\n');
    const shortText = short.getText();
    const onShort = hover(ctx, { textDocument: { uri: short.uri }, position: short.positionAt(shortText.lastIndexOf('总体方案') + 1) });
    assert.ok((onShort?.contents as MarkupContent).value.startsWith('**《广州市服务业扩大开放综合试点总体方案》**'));
    assert.strictEqual(hover(ctx, { textDocument: { uri: short.uri }, position: short.positionAt(shortText.indexOf('实施方案') + 1) }), null);
    ctx.close(short.uri);
    assert.strictEqual(hoverAt('北京市'), null);
    ctx.close(doc.uri);
  });

  it('hovers a pilot area\'s name with the area and its tasks, each marked cited, restated or not yet in the plan', () => {
    const plan = '# 海珠区实施方案\n\n1. 在琶洲加速建设人工智能与数字经济广东省实验室（表3第22项）。\n2. 大力发展数字文化，建设数字创意产业基地。\n';
    const doc = ctx.open('file:///area.md', plan);
    const h = hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(plan.indexOf('琶洲') + 1) });
    const value = (h?.contents as MarkupContent).value;
    assert.ok(value.startsWith('**试点区域 海珠区（广州人工智能与数字经济试验区琶洲核心区）：共 3 项试点任务，本方案已引用 1 项'), value);
    assert.ok(value.includes('- ✅ 表3第22项') && value.includes('- ⬜ 表3第23项'), value);
    assert.deepStrictEqual(h?.range, { start: doc.positionAt(plan.indexOf('琶洲')), end: doc.positionAt(plan.indexOf('琶洲') + 2) });
    // the title's 海珠区 too; not prose beside it
    assert.ok((hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(3) })?.contents as MarkupContent).value.startsWith('**试点区域 海珠区'));
    assert.strictEqual(hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(plan.indexOf('加速建设') + 1) }), null);
  });

  it('hovers a task cited in a form that is not read with what it would be read as, and its tasks', () => {
    const plan = '落实表1（第15项），引进国际化优质项目。落实T1.12～1.14，开展试点。落实表1第99条。\n';
    const doc = ctx.open('file:///lookalike.md', plan);
    const value = (needle: string) => (hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(plan.indexOf(needle) + needle.length - 1) })?.contents as MarkupContent | undefined)?.value;
    const h = hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(plan.indexOf('表1（第15项）') + 3) });
    assert.ok((h?.contents as MarkupContent).value.startsWith('**“表1（第15项）”不是任务引用的写法，未计入引用和覆盖；按“表1第15项”理解为：**'), (h?.contents as MarkupContent).value);
    assert.ok((h?.contents as MarkupContent).value.includes('**表1第15项 · T1.15**'));
    assert.deepStrictEqual(h?.range, { start: doc.positionAt(plan.indexOf('表1（第15项）')), end: doc.positionAt(plan.indexOf('表1（第15项）') + 8) });
    // on the unread end of a range: its three tasks; on its read start, the task that is read
    const range = value('T1.12～1.14');
    assert.ok(range?.startsWith('**“T1.12～1.14”只有一部分计入引用和覆盖；按“T1.12～T1.14”理解为') && ['T1.12', 'T1.13', 'T1.14'].every((id) => range.includes(`· ${id}**`)), range);
    assert.ok(value('T1.12')?.startsWith('**表1第12项 · T1.12**'), value('T1.12'));
    assert.strictEqual(value('表1第99条'), undefined, 'a look-alike of no task has no hover (its diagnostic says so)');
  });

  it('hovers a reference to no task with the task its sentence is about, and with nothing when the words pick none', () => {
    const typo = '推动民营企业以控股或参股形式开展发电、增量配电和售电业务（表1第64项）。\n';
    const doc = ctx.open('file:///typo.md', typo);
    const h = hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(typo.indexOf('表1第64项') + 3) });
    const value = (h?.contents as MarkupContent).value;
    assert.ok(value.startsWith('**该句内容对应 表1第46项'), value);
    assert.ok(value.includes('**表1第46项 · T1.46**') && value.includes(ctx.index.task('T1.46')!.text.slice(0, 20)), value);
    assert.deepStrictEqual(h?.range, { start: doc.positionAt(typo.indexOf('表1第64项')), end: doc.positionAt(typo.indexOf('表1第64项') + 6) });
    assert.strictEqual(hover(ctx, { ...document, position: at('表1第99项', 2) }), null);
    const table = '推动民营企业以控股或参股形式开展发电、增量配电和售电业务（表6第46项）。\n';
    const other = ctx.open('file:///table6.md', table);
    const h6 = hover(ctx, { textDocument: { uri: other.uri }, position: other.positionAt(table.indexOf('表6第46项') + 1) });
    assert.ok((h6?.contents as MarkupContent).value.startsWith('**该句内容对应 表1第46项'), 'a table that does not exist, too');
  });

  it("hovers a task item's marker with its tasks, a reference to no task among them, and its owner", () => {
    const plan = '1. 落实表2第4项、表2第19项，建设“智慧园区”。（牵头单位：区工信局；完成时限：2025年底前）\n';
    const doc = ctx.open('file:///items.md', plan);
    const value = (hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(0) })?.contents as MarkupContent).value;
    assert.ok(value.startsWith('**表2第4项、表2第19项（无此任务）**'), value);
    assert.match(value, /牵头单位：区工信局/);
    const two = '1. 落实表2第4项。牵头单位：区工信局、区科技局；配合单位：区商务局。\n';
    const both = ctx.open('file:///coleads.md', two);
    const owners = (hover(ctx, { textDocument: { uri: both.uri }, position: both.positionAt(0) })?.contents as MarkupContent).value;
    assert.match(owners, /牵头单位：区工信局、区科技局 {2}\n配合单位：区商务局/, 'both units the plan names as lead are the owner');
  });

  it("hovers an item whose lead it takes from elsewhere with where from: a heading, the item it is part of, the end of its enumeration", () => {
    const owner = (plan: string, at: string) => {
      const doc = ctx.open(`file:///lead-source-${plan.length}.md`, plan);
      return (hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(plan.indexOf(at)) })?.contents as MarkupContent).value;
    };
    assert.match(owner('## 一、商务服务（区商务局牵头）\n\n1. 允许外商投资社会调查（表1第12项）。\n', '1.'), /牵头单位：区商务局（见标题“一、商务服务（区商务局牵头）”）/);
    assert.match(owner('1. 推进跨境贸易便利化（区商务局牵头，2025年底前完成）\n   - 支持企业开展保税展示交易业务（表1第14项）。\n', '-'), /牵头单位：区商务局（见上级条目“推进跨境贸易便利化（区商务局牵头，2025年底前完成）”）/);
    const clauses = '（一）做强临空经济。一是培育发展飞机融资租赁业务（表3第19项）；二是融合航空物流信息平台（表3第21项）。（区发展改革局牵头，2025年底前完成）\n';
    // a clause has no marker: the hover over its reference says its owner too
    assert.match(owner(clauses, '表3第19项'), /牵头单位：区发展改革局（见列举之后的说明） {2}\n完成时限：2025年底前/);
    assert.match(owner('1. 允许外商投资社会调查（表1第12项）。（区商务局牵头）\n', '1.'), /牵头单位：区商务局$/, 'its own lead says nothing more');
  });

  it("hovers an item of the body with the lead and deadline its task's row of the plan's 分工表 gives, said so", () => {
    const plan = '1. 允许外商投资社会调查（表1第12项）。\n2. 支持外商投资旅行社从事出境旅游业务（表1第13项）。（区文广旅体局牵头）\n\n附件：分工表\n\n| 任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- |\n| 表1第12项 | 区商务局 | 2025年底 |\n| 表1第13项 | 区文广旅体局 | 持续推进 |\n';
    const doc = ctx.open('file:///annex.md', plan);
    const first = (hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(0) })?.contents as MarkupContent).value;
    assert.match(first, /牵头单位：区商务局（见分工表） {2}\n完成时限：2025年底（见分工表）/);
    const second = (hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(plan.indexOf('2.')) })?.contents as MarkupContent).value;
    assert.match(second, /牵头单位：区文广旅体局$/, 'its own lead, and no date the row does not give');
    const row = (hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(plan.indexOf('| 表1第12项')) })?.contents as MarkupContent | undefined)?.value;
    assert.ok(!row || !row.includes('见分工表'), 'a row of the table is not said to take from itself');
  });

  it("hovers the other side's share with the source threshold and what it means for that side", () => {
    const plan = '落实表1第12项，外资股比不超过49%；落实表1第49项，中方股比不低于50%。\n';
    const doc = ctx.open('file:///sides.md', plan);
    const value = (offset: number) => (hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(offset) })?.contents as MarkupContent).value;
    const wrong = value(plan.indexOf('49%'));
    assert.ok(wrong.startsWith('**原文阈值（表1第12项 · T1.12）：“中方股比不低于67%”，即“外资股比不超过33%”**'), wrong);
    assert.ok(wrong.includes('❌'), wrong);
    const right = value(plan.indexOf('50%'));
    assert.ok(right.includes('即“中方股比不低于50%”') && right.includes('✅'), right);
  });

  it('completes 表1第 with the tasks of 表1, each labelled, in item order', () => {
    const typed = '\n\n见表1第';
    const doc = ctx.open('file:///typing.md', typed);
    const list = completion(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(typed.length) });
    const items = list?.items ?? [];
    assert.strictEqual(items.length, ctx.index.tasksOf('', 1).length);
    assert.deepStrictEqual(items.slice(0, 2).map((i) => i.label), ['表1第1项', '表1第2项']);
    assert.ok(items.every((i, k) => k === 0 || i.sortText! > items[k - 1].sortText!));
    assert.strictEqual(items[34].labelDetails?.detail, ` ${ctx.index.summaryOf(t35)}`);
    const within = '\n\n落实表2中第';
    const other = ctx.open('file:///typing-within.md', within);
    const more = completion(ctx, { textDocument: { uri: other.uri }, position: other.positionAt(within.length) })?.items ?? [];
    assert.strictEqual(more.length, ctx.index.tasksOf('', 2).length, 'after 表2中第, the tasks of 表2');
  });

  it('completes a bare 第 with the tasks of the table its heading, outline line or sentence names, written bare', () => {
    const ask = (name: string, plan: string, at = plan.length) => {
      const doc = ctx.open(`file:///bare-${name}.md`, plan);
      const list = completion(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(at) });
      ctx.close(doc.uri);
      return list?.items ?? [];
    };
    const markdown = ask('markdown', '## 二、表3任务落实\n\n1. 落实第');
    assert.strictEqual(markdown.length, ctx.index.tasksOf('', 3).length, 'the tasks of 表3');
    assert.deepStrictEqual(markdown.slice(0, 2).map((i) => i.label), ['第1项', '第2项']);
    const edit = markdown[9].textEdit as { range: { start: Position; end: Position }; newText: string };
    assert.strictEqual(edit.newText, '第10项');
    assert.strictEqual(edit.range.end.character - edit.range.start.character, 1, 'over the 第 typed');
    // a Word plan's outline line, a paragraph of its own, and digits typed already
    const word = ask('word', '二、表2任务落实\n\n　　1．落实第1');
    assert.strictEqual(word.length, ctx.index.tasksOf('', 2).length);
    assert.strictEqual((word[0].textEdit as { range: { start: Position; end: Position } }).range.start.character, '　　1．落实'.length);
    // the sentence names the table; a later outline line of the level ends a table's section
    assert.strictEqual(ask('sentence', '按照表5要求，落实第').length, ctx.index.tasksOf('', 5).length);
    assert.strictEqual(ask('list', '落实表4第3项、第').length, ctx.index.tasksOf('', 4).length);
    assert.deepStrictEqual(ask('ended', '二、表2任务落实\n\n三、保障措施\n\n　　按照第'), [], 'nothing names a table: nothing offered');
    assert.deepStrictEqual(ask('none', '落实第'), []);
    // the plan's own annex table names no table of the task list, in the sentence as in a heading
    assert.deepStrictEqual(ask('annex', '按照附表1要求，落实第'), [], 'after 附表1, nothing offered');
    assert.strictEqual(ask('annex-heading', '## 二、表3任务落实\n\n按照附表1要求，落实第').length, ctx.index.tasksOf('', 3).length, 'the heading\'s table, not the annex\'s');
    assert.strictEqual(ask('table', '## 二、表3任务落实\n\n落实表1第')[0].label, '表1第1项', 'after 表N, as 表N第 completes');
  });

  it('completes the next element of a list or range, after its table or bare, with the items not written yet', () => {
    const ask = (name: string, plan: string) => {
      const doc = ctx.open(`file:///list-${name}.md`, plan);
      const list = completion(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(plan.length) });
      ctx.close(doc.uri);
      return list?.items ?? [];
    };
    const afterTable = ask('table', '落实表1第3、');
    assert.strictEqual(afterTable.length, ctx.index.tasksOf('', 1).length - 1, 'every task of 表1 but the 3 written');
    assert.deepStrictEqual(afterTable.slice(0, 3).map((i) => i.label), ['表1第1项', '表1第2项', '表1第4项']);
    const edit = afterTable[2].textEdit as { range: { start: Position; end: Position }; newText: string };
    assert.strictEqual(edit.newText, '4项', 'closes the list: 表1第3、4项');
    assert.strictEqual(edit.range.start.character, '落实表1第3、'.length);
    // digits typed already are replaced; a range offers what follows its start; a list of ranges skips their items
    const typed = ask('typed', '落实表2第1、1');
    assert.strictEqual((typed[0].textEdit as { range: { start: Position } }).range.start.character, '落实表2第1、'.length);
    assert.strictEqual(typed[0].filterText, '2');
    assert.deepStrictEqual(ask('range', '落实表4第12至').map((i) => i.label), ['表4第13项', '表4第14项']);
    assert.deepStrictEqual(ask('ranges', '落实表4第1至12、').map((i) => i.label), ['表4第13项', '表4第14项']);
    // bare: the table a heading or the sentence names, written bare; a bare range with a dash is no reference
    const bare = ask('bare', '## 二、表3任务落实\n\n1. 落实第3、5、');
    assert.strictEqual(bare.length, ctx.index.tasksOf('', 3).length - 2);
    assert.strictEqual(bare[0].label, '第1项');
    assert.strictEqual((bare[0].textEdit as { newText: string }).newText, '1项');
    assert.deepStrictEqual(ask('bare-range', '按照表5要求，落实第16至').map((i) => i.label), ['第17项', '第18项']);
    assert.deepStrictEqual(ask('bare-dash', '## 二、表3任务落实\n\n落实第3-'), [], '第3-5项 is nonstandard-reference\'s');
    assert.deepStrictEqual(ask('unsettled', '落实第3、'), [], 'nothing names a table');
    assert.deepStrictEqual(ask('past-end', '落实表4第14至'), [], 'no task follows the last');
  });

  it('completes the source\'s title after 《, with its 文号 or without, over a closing 》 the editor typed', () => {
    const typed = '为贯彻落实《广州';
    const doc = ctx.open('file:///title.md', `${typed}》，制定本方案。`);
    const items = completion(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(typed.length) })?.items ?? [];
    assert.deepStrictEqual(items.map((i) => i.label), [
      '《广州市服务业扩大开放综合试点总体方案》（商资发〔2022〕212号）', '《广州市服务业扩大开放综合试点总体方案》',
      '《商务部关于印发〈广州市服务业扩大开放综合试点总体方案〉的通知》（商资发〔2022〕212号）',
    ]);
    const edit = items[0].textEdit as { range: { start: Position; end: Position }; newText: string };
    assert.deepStrictEqual(edit.range, { start: doc.positionAt(typed.indexOf('《')), end: doc.positionAt(typed.length + 1) });
    assert.ok(((items[0].documentation as MarkupContent).value).includes('商资发〔2022〕212号 · 商务部 · 2022年12月29日印发'));
    // a title closed already is not completed again; nor text without 《
    const closed = ctx.open('file:///closed.md', '《总体方案》的');
    assert.strictEqual(completion(ctx, { textDocument: { uri: closed.uri }, position: closed.positionAt(7) }), null);
    ctx.close(doc.uri);
    ctx.close(closed.uri);
  });

  it('goes from a reference to its task in the source, and from nowhere to nothing', () => {
    const [location] = definition(ctx, { ...document, position: at('T1.12', 1) }) ?? [];
    assert.ok(location.uri.endsWith(`/${ctx.index.sourceOf(t35).sourceFile}`), location.uri);
    assert.strictEqual(location.range.start.line, ctx.index.task('T1.12')!.startLine);
    assert.strictEqual(definition(ctx, { ...document, position: at('推动') }), null);
  });

  it('goes from a bare number read as a task to that task, and from one read as none to nothing', () => {
    const text = '二、表2任务落实\n\n推进第3项任务落地。\n\n推进第99项任务落地。\n';
    const doc = ctx.open('file:///bare-definition.md', text);
    const [location] = definition(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(text.indexOf('第3项') + 1) }) ?? [];
    assert.strictEqual(location?.range.start.line, ctx.index.task('T2.3')!.startLine);
    assert.strictEqual(definition(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(text.indexOf('第99项') + 1) }), null);
    ctx.close(doc.uri);
  });

  it('hovers a bare number with the task it was read as and what settled it: its heading, or being the one table with that number', () => {
    const text = '二、表2任务落实\n\n推进第3项任务落地。\n\n三、其他任务\n\n推进第49项任务落地。\n\n推进第3项任务落地。\n';
    const doc = ctx.open('file:///bare-hover.md', text);
    const say = (needle: string, from = 0) => {
      const h = hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(text.indexOf(needle, from) + 1) });
      return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    };
    assert.match(say('第3项'), /推断为 表2第3项（标题注明了表）/);
    assert.match(say('第49项'), /推断为 表1第49项（其他表没有此项）/);
    // every table has a 第3项: past the heading's section only the table cited before it breaks the tie, and says so
    assert.match(say('第3项', text.indexOf('第49项')), /推断为 表2第3项（根据上文引用的表推断）/);
    ctx.close(doc.uri);
  });

  it('finds every citation of the task under the cursor in the open plans', async () => {
    const other = ctx.open('file:///other.md', '另见T1.35和表2第1项。\n');
    const found = (await references(ctx, { ...document, position: at('表1第35项', 1), context: { includeDeclaration: false } })) ?? [];
    assert.deepStrictEqual(found.map((l) => l.uri).sort(), [other.uri, uri].sort());
  });

  it('labels each reference with an inlay hint', () => {
    const end = ctx.analysis(ctx.documents.get(uri)!).lines.positionAt(text.length);
    const hints = inlayHints(ctx, { ...document, range: { start: { line: 0, character: 0 }, end } });
    assert.deepStrictEqual(hints.map((h) => h.label), [`‹${ctx.index.summaryOf(t35)}›`, `‹${ctx.index.summaryOf(ctx.index.task('T1.12')!)}›`]);
  });

  it('offers the quick fix of a finding under the range, and none where there is no finding', () => {
    const ask = (position: Position): CodeActionParams => ({ ...document, range: { start: position, end: position }, context: { diagnostics: [] } });
    const actions = codeActions(ctx, ask(at('表1第99项', 3)));
    assert.ok(actions.length >= 1, 'a fix for 表1第99项');
    const edit = actions[0].edit!.changes![uri][0];
    assert.match(edit.newText, /^表1第57项$/);
    assert.deepStrictEqual(codeActions(ctx, ask(at('一、金融服务'))), []);
  });

  it('offers to fix every finding of the code under the cursor at once, each by its preferred fix, where there are two or more', () => {
    const plan = '1. 落实表1第12条。\n2. 推进表1第13条和表1第14条。\n3. 落实表1第58项。\n';
    const doc = ctx.open('file:///fix-all.md', plan);
    const ask = (needle: string, only?: string[]): CodeActionParams => {
      const p = doc.positionAt(plan.indexOf(needle) + 2);
      return { textDocument: { uri: doc.uri }, range: { start: p, end: p }, context: { diagnostics: [], ...(only ? { only } : {}) } };
    };
    const all = codeActions(ctx, ask('表1第13条')).filter((a) => a.kind === 'quickfix.all');
    assert.strictEqual(all.length, 1);
    assert.strictEqual(all[0].title, '修复本文件中全部 3 处 nonstandard-reference 问题（各按其首选修复）');
    const edits = all[0].edit!.changes![doc.uri];
    assert.deepStrictEqual(edits.map((e) => e.newText), ['表1第12项', '表1第13项', '表1第14项']);
    // applied back to front, the plan has no nonstandard reference left, and nothing else changed
    let fixed = plan;
    for (const e of [...edits].reverse()) fixed = fixed.slice(0, doc.offsetAt(e.range.start)) + e.newText + fixed.slice(doc.offsetAt(e.range.end));
    assert.strictEqual(fixed, plan.replace(/条/g, '项'));
    assert.deepStrictEqual(codeActions(ctx, ask('表1第58项')).filter((a) => a.kind === 'quickfix.all'), [], 'one finding of its code: its own fix is enough');
    assert.strictEqual(codeActions(ctx, ask('表1第13条', ['quickfix.all'])).length, 1, 'asked for by its kind alone');
    assert.deepStrictEqual(codeActions(ctx, ask('表1第13条', ['quickfix.disable'])).filter((a) => a.kind === 'quickfix.all'), []);
    const view = ctx.open('policy-lens-word:/plans/fix-all.docx', plan);
    const p = view.positionAt(plan.indexOf('表1第13条') + 2);
    assert.deepStrictEqual(codeActions(ctx, { textDocument: { uri: view.uri }, range: { start: p, end: p }, context: { diagnostics: [] } }).filter((a) => a.kind === 'quickfix.all'), [], 'not in a read-only view');
  });

  it('offers every preferred fix of the document as one source action (source.fixAll.policyLens), only when asked for by its kind', () => {
    const plan = '1. 落实表1第12项，中方股比不低于51%。\n2. 探索文化企业贷款“黑名单”制度（表3第17项）。\n3. 落实表1第58项和表1第13条。\n';
    const doc = ctx.open('file:///source-fix-all.md', plan);
    const p = doc.positionAt(0);
    const ask = (only?: string[], u = doc.uri): CodeActionParams => ({ textDocument: { uri: u }, range: { start: p, end: p }, context: { diagnostics: [], ...(only ? { only } : {}) } });
    for (const only of [['source.fixAll'], ['source'], ['source.fixAll.policyLens']]) {
      const actions = codeActions(ctx, ask(only));
      assert.deepStrictEqual(actions.map((a) => a.kind), ['source.fixAll.policyLens'], only.join());
      assert.strictEqual(actions[0].title, 'Policy Lens：修复本文件中全部 3 处可修复的问题（各按其首选修复）');
      // the edits are core/fixes.ts's: the nearest task of 表1第58项 is a question, not applied
      assert.deepStrictEqual(actions[0].edit!.changes![doc.uri].map((e) => e.newText), ['67%', '白名单', '表1第13项']);
    }
    assert.deepStrictEqual(codeActions(ctx, ask()).filter((a) => a.kind === 'source.fixAll.policyLens'), [], 'not in the quick fix menu');
    assert.deepStrictEqual(codeActions(ctx, ask([''])).filter((a) => a.kind === 'source.fixAll.policyLens'), [], 'nor for an empty kind');
    assert.deepStrictEqual(codeActions(ctx, ask(['quickfix'])).filter((a) => a.kind === 'source.fixAll.policyLens'), []);
    const clean = ctx.open('file:///clean.md', '落实表4第9项。\n');
    assert.deepStrictEqual(codeActions(ctx, ask(['source.fixAll'], clean.uri)), [], 'nothing to fix: no action');
    const view = ctx.open('policy-lens-word:/plans/source-fix-all.docx', plan);
    assert.deepStrictEqual(codeActions(ctx, ask(['source.fixAll'], view.uri)), [], 'not in a read-only view');
  });

  it('offers a fix in a read-only Word or Excel view as a command that copies its text, not as an edit', () => {
    const view = ctx.open('policy-lens-word:/plans/方案.docx', text);
    const ask = (position: Position): CodeActionParams => ({ textDocument: { uri: view.uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
    const [action] = codeActions(ctx, ask(view.positionAt(text.indexOf('表1第99项') + 3)));
    assert.strictEqual(action.edit, undefined, 'no edit can apply in a view');
    assert.deepStrictEqual(action.command, { title: '改为 表1第57项（复制，到原文件中修改）', command: 'policyLens.copyFix', arguments: ['表1第57项'] });
    assert.strictEqual(action.title, action.command?.title);
  });

  it('lists the cited tasks under the plan headings', () => {
    type Tree = [string, Tree[]];
    const tree = (symbols: ReturnType<typeof documentSymbols>): Tree[] => symbols.map((s) => [s.name, tree(s.children ?? [])]);
    assert.deepStrictEqual(tree(documentSymbols(ctx, document)), [['一、金融服务', [['表1第35项', []], ['二、商务服务', [['T1.12', []]]]]]]);
  });

  it('highlights every place of the plan that cites the task under the cursor: its other forms, ranges and lists that hold it, a number read as it', () => {
    const plan = '# 一、表1任务\n\n落实表1第12项。\n\n推进T1.12和表1第13项。\n\n统筹表1第10至15项，另见表2第12项。\n\n按照第12项要求推进社会调查。\n';
    const doc = ctx.open('file:///highlights.md', plan);
    const ask = (needle: string, after = 1) => documentHighlights(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(plan.indexOf(needle) + after) });
    const texts = (h: ReturnType<typeof documentHighlights>) => (h ?? []).map((x) => plan.slice(doc.offsetAt(x.range.start), doc.offsetAt(x.range.end)));
    assert.deepStrictEqual(texts(ask('表1第12项')), ['表1第12项', 'T1.12', '表1第10至15项', '第12项']);
    assert.deepStrictEqual(texts(ask('表1第12项', '表1第12项'.length)), texts(ask('表1第12项')), 'the cursor right after the reference');
    assert.deepStrictEqual(texts(ask('表1第13项')), ['表1第13项', '表1第10至15项']);
    assert.deepStrictEqual(texts(ask('表1第10至15项')), ['表1第12项', 'T1.12', '表1第13项', '表1第10至15项', '第12项'], 'a range: each of its tasks');
    assert.deepStrictEqual(texts(ask('按照第12项', 3)), ['表1第12项', 'T1.12', '表1第10至15项', '第12项'], 'a number read as 表1第12项 by the heading');
    assert.deepStrictEqual(texts(ask('表2第12项')), ['表2第12项'], 'the same number of another table is another task');
    assert.strictEqual(ask('推进社会调查'), null, 'prose');
    const units = '1. 落实表1第23项。牵头单位：区金融局；配合单位：天河区金融局。\n2. 落实表1第24项。牵头单位：区金融工作局。\n\n由区金融局统筹。\n';
    const unitDoc = ctx.open('file:///highlight-units.md', units);
    const unitTexts = documentHighlights(ctx, { textDocument: { uri: unitDoc.uri }, position: unitDoc.positionAt(units.indexOf('区金融局') + 1) })!
      .map((x) => [unitDoc.offsetAt(x.range.start), units.slice(unitDoc.offsetAt(x.range.start), unitDoc.offsetAt(x.range.end))]);
    assert.deepStrictEqual(unitTexts, [[units.indexOf('区金融局'), '区金融局'], [units.indexOf('天河区金融局'), '天河区金融局'], [units.indexOf('区金融工作局'), '区金融工作局'], [units.lastIndexOf('区金融局'), '区金融局']],
      'a unit: each place the plan writes it, by any of its names (as assignment-mismatch pairs them), 天河区金融局 once, whole');
    const unknown = ctx.open('file:///unknown.md', '落实表1第99项。\n');
    assert.strictEqual(documentHighlights(ctx, { textDocument: { uri: unknown.uri }, position: unknown.positionAt(3) }), null, 'a reference to no task');
  });

  it('finds the tasks of the sources as workspace symbols, by their words or a reference, each leading to its source lines', () => {
    const names = (query: string) => workspaceSymbols(ctx, { query }).map((s) => s.name.split(' ')[0]);
    assert.deepStrictEqual(names('数字人民币')[0], '表1第35项');
    assert.deepStrictEqual(names('表1第12项').slice(0, 1), ['表1第12项']);
    assert.deepStrictEqual(names('表2第3、5项').slice(0, 2), ['表2第3项', '表2第5项'], 'a list: its tasks first');
    assert.deepStrictEqual(names('T4.9')[0], '表4第9项');
    assert.deepStrictEqual(names('szrmb')[0], '表1第35项', 'pinyin initials, as @ completion');
    assert.strictEqual(workspaceSymbols(ctx, { query: '' }).length, ctx.index.tasks.length, 'an empty query lists every task');
    const [t35] = workspaceSymbols(ctx, { query: '表1第35项' });
    assert.strictEqual(t35.name, `表1第35项 · T1.35 ${t35Text()}`, 'both forms of the reference and the text: an editor filters by the name');
    assert.strictEqual(t35.containerName, '金融服务领域');
    assert.deepStrictEqual(t35.location, definition(ctx, { ...document, position: at('表1第35项', 2) })![0], 'where go to definition leads');
    assert.strictEqual(workspaceSymbols(ctx, { query: 'T2.9' })[0].containerName, ctx.index.task('T2.9')!.category, 'a task of a table without domains: its category');
  });

  it('puts above each task of an open source how many places the plans cite and restate it, listed by a click', async () => {
    const fresh = memoryContext(ROOT);
    const plan = fresh.open('file:///lens-plan.md', '1. 推动数字人民币试点（表1第35项）。\n2. 另见T1.35，以及表1第12项。\n3. 在白云机场试点前置安检，增加货运航班时刻供给。\n');
    const seedUri = pathToFileURL(path.join(ROOT, 'seeds', '000_a08c9159ea97f61a.txt')).toString();
    const seedText = fs.readFileSync(path.join(ROOT, 'seeds', '000_a08c9159ea97f61a.txt'), 'utf8');
    fresh.open(seedUri, seedText, 'plaintext');
    const lenses = (await codeLenses(fresh, { textDocument: { uri: seedUri } }))!;
    assert.strictEqual(lenses.length, fresh.index.tasks.length, 'one lens per task');
    const lensOf = (id: string) => lenses.find((l) => l.range.start.line === fresh.index.task(id)!.startLine)!;
    assert.strictEqual(lensOf('T1.35').command!.title, '引用 2 处');
    assert.strictEqual(lensOf('T1.35').command!.command, 'policyLens.showCitations');
    const [docUri, at, places] = lensOf('T1.35').command!.arguments!;
    assert.strictEqual(docUri, seedUri);
    assert.deepStrictEqual(at, { line: fresh.index.task('T1.35')!.startLine, character: 0 });
    assert.deepStrictEqual(places.map((p: any) => [p.uri, p.range.start.line]), [[plan.uri, 0], [plan.uri, 1]]);
    assert.strictEqual(lensOf('T1.17').command!.title, '复述 1 处', 'an item restating the task without citing it');
    assert.deepStrictEqual([lensOf('T1.1').command!.title, lensOf('T1.1').command!.command, lensOf('T1.1').command!.arguments], ['未引用', '', undefined]);
    assert.strictEqual(await codeLenses(fresh, { textDocument: { uri: plan.uri } }), null, 'a plan has none');
    assert.strictEqual(await codeLenses(fresh, { textDocument: { uri: 'file:///not-open.txt' } }), null);
  });

  it('hovers a unit\'s name with the tasks the plan gives it to lead and those it is a partner of', () => {
    const plan = [
      '1. 落实表1第12项。牵头单位：区商务局；配合单位：区市场监督管理局。',
      '2. 落实表1第13项。牵头单位：区文化广电旅游体育局；配合单位：区商务局。',
      '3. 落实表1第14项（区商务局牵头）。',
      '',
      '由区商务局统筹推进。',
      '',
    ].join('\n');
    const doc = ctx.open('file:///unit-hover.md', plan);
    const ask = (offset: number) => hover(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(offset) });
    const h = ask(plan.indexOf('区商务局') + 1)!;
    assert.strictEqual((h.contents as MarkupContent).value, '**区商务局**  \n牵头 2 项任务：表1第12项、表1第14项  \n配合 1 项任务：表1第13项');
    assert.deepStrictEqual(h.range, { start: doc.positionAt(plan.indexOf('区商务局')), end: doc.positionAt(plan.indexOf('区商务局') + 4) });
    assert.strictEqual((ask(plan.indexOf('区市场监督管理局') + 3)!.contents as MarkupContent).value, '**区市场监督管理局**  \n配合 1 项任务：表1第12项');
    assert.match((ask(plan.indexOf('由区商务局') + 2)!.contents as MarkupContent).value, /^\*\*区商务局\*\*/, 'in prose too');
    assert.strictEqual(ask(plan.indexOf('统筹推进') + 1), null, 'prose');
    const twoWays = '1. 落实表1第23项。牵头单位：区金融工作局。\n2. 落实表1第24项。牵头单位：区金融局。\n3. 落实表1第25项。牵头单位：区财政局。\n';
    const other = ctx.open('file:///unit-names.md', twoWays);
    const both = hover(ctx, { textDocument: { uri: other.uri }, position: other.positionAt(twoWays.indexOf('区金融局') + 1) })!;
    assert.strictEqual((both.contents as MarkupContent).value, '**区金融局**  \n牵头 2 项任务：表1第23项、表1第24项  \n本方案亦写作：区金融工作局', 'one unit written two ways');
    // in a district's plan, another district's unit is not its own (天河区商务局 is no 黄埔区 plan's 区商务局); its own
    // district's is (黄埔区商务局)
    const district = '黄埔区落实服务业扩大开放综合试点实施方案\n\n1. 落实表1第12项。牵头单位：区商务局。\n2. 落实表1第13项。牵头单位：天河区商务局。\n3. 落实表1第14项。牵头单位：黄埔区商务局。\n';
    const plan3 = ctx.open('file:///unit-district.md', district);
    const unitHoverAt = (name: string) => (hover(ctx, { textDocument: { uri: plan3.uri }, position: plan3.positionAt(district.indexOf(name) + name.length - 1) })!.contents as MarkupContent).value;
    assert.strictEqual(unitHoverAt('天河区商务局'), '**天河区商务局**  \n牵头 1 项任务：表1第13项');
    assert.strictEqual(unitHoverAt('黄埔区商务局'), '**黄埔区商务局**  \n牵头 2 项任务：表1第12项、表1第14项  \n本方案亦写作：区商务局');
  });

  it('renames a unit everywhere the plan writes it, not inside a longer name that holds it', () => {
    const plan = [
      '1. 落实表1第23项。牵头单位：区金融局；配合单位：天河区金融局。',
      '2. 落实表1第24项，由区金融局牵头。',
      '3. 落实表1第25项。牵头单位：区金融工作局。',
      '',
      '区金融局会同有关部门统筹推进。',
      '',
    ].join('\n');
    const doc = ctx.open('file:///rename.md', plan);
    const at = (needle: string, after = 1) => ({ textDocument: { uri: doc.uri }, position: doc.positionAt(plan.indexOf(needle) + after) });
    assert.deepStrictEqual(prepareRename(ctx, at('区金融局')), { range: { start: doc.positionAt(plan.indexOf('区金融局')), end: doc.positionAt(plan.indexOf('区金融局') + 4) }, placeholder: '区金融局' });
    const edit = rename(ctx, { ...at('区金融局'), newName: ' 区金融工作局 ' })!;
    let renamed = plan;
    for (const e of [...edit.changes![doc.uri]].reverse()) renamed = renamed.slice(0, doc.offsetAt(e.range.start)) + e.newText + renamed.slice(doc.offsetAt(e.range.end));
    assert.strictEqual(renamed, plan.replace(/(?<!天河)区金融局/g, '区金融工作局'), 'three places; 天河区金融局 is a name of its own, renamed on its own');
    assert.ok(renamed.includes('天河区金融局'));
    assert.strictEqual(prepareRename(ctx, at('区金融局', 4))?.placeholder, '区金融局', 'the cursor right after the name');
    assert.strictEqual(prepareRename(ctx, at('落实表1第23项', 3)), null, 'a reference is not a unit');
    assert.strictEqual(prepareRename(ctx, at('统筹推进')), null, 'prose');
    assert.throws(() => rename(ctx, { ...at('区金融局'), newName: '区金融\n局' }), /不能作为单位名称/);
    assert.throws(() => rename(ctx, { ...at('区金融局'), newName: '  ' }), /不能作为单位名称/);
    const view = ctx.open('policy-lens-word:/plans/rename.docx', plan);
    assert.strictEqual(prepareRename(ctx, { textDocument: { uri: view.uri }, position: view.positionAt(plan.indexOf('区金融局') + 1) }), null, 'not in a read-only view');
  });

  it('completes the units the plan already names where it assigns an item, the most used first', () => {
    const plan = [
      '1. 落实表1第12项。牵头单位：区商务局；配合单位：区市场监督管理局、区财政局。',
      '2. 落实表1第13项。牵头单位：区文化广电旅游体育局；配合单位：区商务局。',
      '3. 落实表1第35项。牵头单位：区金融工作局；配合单位：区财政局、区',
      '',
      '| 序号 | 任务 | 对应任务 | 牵头单位 | 配合单位 |',
      '| --- | --- | --- | --- | --- |',
      '| 1 | 推进跨境电商 | 表1第14项 | 区商 | 区财政局<br>区 |',
      '',
    ].join('\n');
    const doc = ctx.open('file:///units.md', plan);
    const ask = (needle: string, after: number) => completion(ctx, { textDocument: { uri: doc.uri }, position: doc.positionAt(plan.indexOf(needle) + after) });
    const afterLabel = ask('配合单位：区财政局、区\n', '配合单位：区财政局、区'.length)!;
    assert.deepStrictEqual(afterLabel.items.slice(0, 2).map((i) => i.label), ['区商务局', '区财政局'], 'each named twice, the first');
    assert.ok(afterLabel.items.some((i) => i.label === '区市场监督管理局'));
    assert.strictEqual(afterLabel.items[0].labelDetails?.description, '用于 2 处');
    const edit = afterLabel.items[0].textEdit as { range: { start: Position; end: Position }; newText: string };
    assert.strictEqual(doc.offsetAt(edit.range.end) - doc.offsetAt(edit.range.start), 1, 'replaces the 区 typed so far');
    const inColumn = ask('| 区商 |', 4)!;
    assert.ok(inColumn.items.some((i) => i.label === '区商务局'), 'a cell of the 牵头单位 column');
    assert.strictEqual(doc.offsetAt((inColumn.items[0].textEdit as any).range.start), plan.indexOf('| 区商 |') + 2);
    assert.ok(ask('区财政局<br>区', '区财政局<br>区'.length)!.items.length > 0, 'after a <br> in a cell of the 配合单位 column');
    assert.strictEqual(ask('| 推进跨境电商', 4), null, 'a cell of another column');
    assert.strictEqual(ask('落实表1第12项。', 2), null, 'prose');
  });

  it('counts the tasks the given plans cite', async () => {
    const result = await coverage(ctx, { uris: [uri] });
    const cited = result!.tasks.filter((t) => t.locations.length).map((t) => t.id);
    assert.deepStrictEqual(cited.sort(), ['T1.12', 'T1.35']);
    assert.strictEqual(result!.total, ctx.index.source('')!.tasks.length);
  });

  it('reads a list or range written without its table as its tasks: hover on each element, definition, coverage', async () => {
    const text = '## 二、表3任务落实\n\n1. 落实第3、5项任务。\n2. 落实第17至19项任务。\n';
    const doc = ctx.open('file:///bare-list.md', text);
    const position = (needle: string, from = 0) => doc.positionAt(text.indexOf(needle, from));
    const say = (p: Position) => {
      const h = hover(ctx, { textDocument: { uri: doc.uri }, position: p });
      return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    };
    const list = text.indexOf('第3、5项');
    assert.match(say(position('3', list)), /推断为 表3第3、5项（标题注明了表）[\s\S]*表3第3项 · T3\.3/);
    assert.match(say(position('5', list)), /表3第5项 · T3\.5/, 'the element under the cursor');
    const lines = (definition(ctx, { textDocument: { uri: doc.uri }, position: position('17') }) ?? []).map((l) => l.range.start.line);
    assert.deepStrictEqual(lines, ['T3.17', 'T3.18', 'T3.19'].map((id) => ctx.index.task(id)!.startLine), 'a range leads to each of its tasks');
    const cited = (await coverage(ctx, { uris: [doc.uri] }))!.tasks.filter((t) => t.locations.length).map((t) => t.id);
    assert.deepStrictEqual(cited.sort(), ['T3.17', 'T3.18', 'T3.19', 'T3.3', 'T3.5']);
    ctx.close(doc.uri);
  });

  it("counts nothing of a source's own text, and says it was asked only of sources (the client hides its status item)", async () => {
    const seed = path.join(ROOT, 'seeds', fs.readdirSync(path.join(ROOT, 'seeds')).find((f) => f.endsWith('.txt'))!);
    const seedUri = pathToFileURL(seed).toString();
    ctx.open(seedUri, fs.readFileSync(seed, 'utf8'));
    const alone = (await coverage(ctx, { uris: [seedUri] }))!;
    assert.deepStrictEqual([alone.cited, alone.restated, alone.onlySources], [0, 0, true]);
    const withPlan = (await coverage(ctx, { uris: [seedUri, uri] }))!;
    assert.deepStrictEqual([withPlan.cited, withPlan.restated, withPlan.onlySources], [2, 0, undefined]);
  });

  it("gives the status item the sources loaded and the document's findings by severity", () => {
    const source = ctx.index.source('')!;
    const result = status(ctx, { uri });
    assert.deepStrictEqual(result.sources, [{ prefix: '', title: source.meta.title, docNumber: source.meta.docNumber, tasks: source.tasks.length }]);
    const bySeverity = { errors: 0, warnings: 0, others: 0 };
    for (const f of ctx.analysis(ctx.documents.get(uri)!).findings) bySeverity[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'others']++;
    assert.deepStrictEqual(result.document, { ...bySeverity, tooLarge: false, source: false, checkMs: undefined });
    assert.ok(bySeverity.errors >= 1, '表1第99项 is an error');
    assert.strictEqual(status(ctx, { uri: 'file:///not-open.md' }).document, undefined);
  });

  it('answers nothing while the task index is not loaded', async () => {
    const unloaded = memoryContext(ROOT);
    unloaded.open(uri, text);
    unloaded.ready = false;
    assert.strictEqual(hover(unloaded, { ...document, position: at('表1第35项', 2) }), null);
    assert.strictEqual(definition(unloaded, { ...document, position: at('T1.12', 1) }), null);
    assert.deepStrictEqual(documentSymbols(unloaded, document), []);
    assert.strictEqual(documentHighlights(unloaded, { ...document, position: at('表1第35项', 2) }), null);
    assert.deepStrictEqual(workspaceSymbols(unloaded, { query: '数字人民币' }), []);
    assert.strictEqual((await coverage(unloaded, { uris: [uri] }))!.total, 0);
    unloaded.loadError = 'data/index.json: not JSON';
    assert.deepStrictEqual(status(unloaded, { uri }), { ready: false, error: 'data/index.json: not JSON', sources: [], sourceErrors: [] });
  });
});

describe('the review copy request over a plain context (no server)', () => {
  it('makes the copy with its comments and its fixes as tracked changes when asked; says why for another format', async () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'policy-lens-review-feature-'));
    try {
      const file = path.join(dir, '黄埔区实施方案.docx');
      fs.writeFileSync(file, await makeDocx(WORD_PLAN));
      const ctx = memoryContext(ROOT);
      const uri = pathToFileURL(file).toString();
      const result = await reviewCopyRequest(ctx, { uri, trackChanges: true });
      assert.ok(!('error' in result), 'error' in result ? result.error : '');
      assert.ok(result.comments >= 5 && result.onText === result.comments);
      assert.ok(result.revisions && result.revisions.written >= 3, JSON.stringify(result.revisions));
      const comments = await (await JSZip.loadAsync(Buffer.from(result.content, 'base64'))).file('word/comments.xml')!.async('string');
      assert.match(comments, /【错误】“中方股比不低于51%”与表1第12项不符[^<]*<\/w:t><\/w:r><\/w:p><w:p><w:r><w:t xml:space="preserve">修改建议：改为 67%/);
      assert.deepStrictEqual(await reviewCopyRequest(ctx, { uri: pathToFileURL(path.join(dir, 'plan.md')).toString() }), { error: `${path.join(dir, 'plan.md')}: comments are written into a Word .docx, an Excel .xlsx, a PDF or an OFD` });
      assert.deepStrictEqual(await reviewCopyRequest(ctx, null), { error: 'reviewCopy needs the URI of a Word, Excel or PDF plan' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
