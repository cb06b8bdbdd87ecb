// Writes real Word files for the reader tests with the `docx` package: a plan with headings, paragraphs, lists and a table.
import * as docx from 'docx';

/** One block of a test document, in the order it appears. */
export type Block =
  | { heading: 1 | 2 | 3; text: string }
  | { paragraph: string | string[] }
  | { numbered: string; level?: number }
  | { bullet: string }
  | { table: (string | { text: string | string[]; columnSpan?: number; rowSpan?: number })[][] };

const HEADINGS = { 1: docx.HeadingLevel.HEADING_1, 2: docx.HeadingLevel.HEADING_2, 3: docx.HeadingLevel.HEADING_3 } as const;

function paragraphOf(block: Exclude<Block, { table: unknown }>): docx.Paragraph {
  if ('heading' in block) return new docx.Paragraph({ text: block.text, heading: HEADINGS[block.heading] });
  if ('numbered' in block) return new docx.Paragraph({ text: block.numbered, numbering: { reference: 'plan-numbers', level: block.level ?? 0 } });
  if ('bullet' in block) return new docx.Paragraph({ text: block.bullet, bullet: { level: 0 } });
  const lines = typeof block.paragraph === 'string' ? [block.paragraph] : block.paragraph;
  // a manual line break (Shift+Enter) between the lines of one paragraph
  return new docx.Paragraph({ children: lines.map((text, i) => new docx.TextRun({ text, break: i ? 1 : 0 })) });
}

/** The levels of a Chinese plan's outline as Word numbers them: 一、 （一） 1. ①. */
export const OUTLINE_LEVELS = [
  { format: docx.LevelFormat.CHINESE_COUNTING, text: '%1、' },
  { format: docx.LevelFormat.CHINESE_COUNTING, text: '（%2）' },
  { format: docx.LevelFormat.DECIMAL, text: '%3.' },
  { format: docx.LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%4' },
];

/**
 * The bytes of a .docx holding `blocks`; numbered paragraphs use Word's automatic numbering, by default 1., 2., … at
 * every level (`levels`: the formats of the levels, OUTLINE_LEVELS for a Chinese outline).
 */
export async function makeDocx(blocks: Block[], levels: readonly { format: (typeof docx.LevelFormat)[keyof typeof docx.LevelFormat]; text: string }[] = DECIMAL_LEVELS): Promise<Buffer> {
  const children: (docx.Paragraph | docx.Table)[] = blocks.map((block) => {
    if (!('table' in block)) return paragraphOf(block);
    return new docx.Table({
      rows: block.table.map((row) => new docx.TableRow({
        children: row.map((cell) => {
          const c = typeof cell === 'string' ? { text: cell } : cell;
          const texts = typeof c.text === 'string' ? [c.text] : c.text;
          return new docx.TableCell({ children: texts.map((t) => new docx.Paragraph(t)), columnSpan: c.columnSpan, rowSpan: c.rowSpan });
        }),
      })),
    });
  });
  const document = new docx.Document({
    numbering: { config: [{ reference: 'plan-numbers', levels: levels.map((l, level) => ({ ...l, level, alignment: docx.AlignmentType.START })) }] },
    sections: [{ children }],
  });
  return docx.Packer.toBuffer(document);
}

const DECIMAL_LEVELS = [0, 1, 2].map((level) => ({ format: docx.LevelFormat.DECIMAL, text: `%${level + 1}.` }));

/** A plan whose outline is all Word's automatic numbering (OUTLINE_LEVELS), as many district plans are typed. */
export const OUTLINE_PLAN: Block[] = [
  { paragraph: '天河区落实服务业扩大开放综合试点实施方案' },
  { paragraph: '为贯彻落实总体方案，制定本方案。' },
  { numbered: '商务服务领域', level: 0 },
  { numbered: '推进商务服务开放', level: 1 },
  { numbered: '落实表1第12项，中方股比不低于51%，由区商务局牵头，2024年底前完成。', level: 2 },
  { numbered: '落实表1第13项，由区文广旅体局牵头，2025年底前完成。', level: 2 },
  { numbered: '深化金融服务', level: 1 },
  { numbered: '落实表1第35项，推动数字人民币试点，由区金融局牵头，2025年底前完成。', level: 2 },
  { numbered: '在商圈拓展应用场景。', level: 3 },
  { numbered: '在政务缴费拓展应用场景。', level: 3 },
  { numbered: '落实表1第36项，建设理财和资产管理中心。', level: 2 },
  { numbered: '开展“两业”融合统计调查——建立统计指标体系（表2第1项），由区统计局牵头，2025年底前完成。', level: 2 },
  { numbered: '保障措施', level: 0 },
  { paragraph: '加强组织领导。' },
];

/** What the reader of a Word 97–2003 .doc makes of OUTLINE_PLAN: every number as Word draws it, a paragraph a line. */
export const OUTLINE_PLAN_MARKDOWN = [
  '天河区落实服务业扩大开放综合试点实施方案',
  '为贯彻落实总体方案，制定本方案。',
  '一、商务服务领域',
  '（一）推进商务服务开放',
  '1. 落实表1第12项，中方股比不低于51%，由区商务局牵头，2024年底前完成。',
  '2. 落实表1第13项，由区文广旅体局牵头，2025年底前完成。',
  '（二）深化金融服务',
  '1. 落实表1第35项，推动数字人民币试点，由区金融局牵头，2025年底前完成。',
  '①在商圈拓展应用场景。',
  '②在政务缴费拓展应用场景。',
  '2. 落实表1第36项，建设理财和资产管理中心。',
  '3. 开展“两业”融合统计调查——建立统计指标体系（表2第1项），由区统计局牵头，2025年底前完成。',
  '二、保障措施',
  '加强组织领导。',
].join('\n\n') + '\n';

/**
 * A plan whose headings are Word's heading styles, numbered by the list the styles are linked to (标题 1 一、, 标题 2
 * （一）), as a template for official documents sets them up: the numbers are the styles', not the paragraphs'.
 */
export async function makeStyledOutlineDocx(): Promise<Buffer> {
  const levels = OUTLINE_LEVELS.slice(0, 2).map((l, level) => ({ ...l, level, alignment: docx.AlignmentType.START }));
  const heading = (text: string, level: 1 | 2) => new docx.Paragraph({ text, heading: level === 1 ? docx.HeadingLevel.HEADING_1 : docx.HeadingLevel.HEADING_2 });
  const document = new docx.Document({
    numbering: { config: [{ reference: 'outline', levels }] },
    styles: {
      paragraphStyles: [1, 2].map((n) => ({ id: `Heading${n}`, name: `Heading ${n}`, basedOn: 'Normal', next: 'Normal', paragraph: { numbering: { reference: 'outline', level: n - 1 } } })),
    },
    sections: [{ children: [
      new docx.Paragraph('天河区落实服务业扩大开放综合试点实施方案'),
      heading('商务服务领域', 1),
      heading('推进商务服务开放', 2),
      new docx.Paragraph('落实表1第12项，中方股比不低于51%，由区商务局牵头，2024年底前完成。'),
      heading('金融服务领域', 1),
      new docx.Paragraph('落实表1第35项，推动数字人民币试点，由区金融局牵头，2025年底前完成。'),
    ] }],
  });
  return docx.Packer.toBuffer(document);
}

/** What the reader of a Word 97–2003 .doc makes of makeStyledOutlineDocx's plan: the headings' levels and numbers. */
export const STYLED_OUTLINE_MARKDOWN = [
  '天河区落实服务业扩大开放综合试点实施方案',
  '# 一、商务服务领域',
  '## （一）推进商务服务开放',
  '落实表1第12项，中方股比不低于51%，由区商务局牵头，2024年底前完成。',
  '# 二、金融服务领域',
  '落实表1第35项，推动数字人民币试点，由区金融局牵头，2025年底前完成。',
].join('\n\n') + '\n';

/** A district plan as drafters write it in Word, with the same kinds of planted mistakes as examples/sample-plan.md. */
export const WORD_PLAN: Block[] = [
  { heading: 1, text: '黄埔区落实服务业扩大开放综合试点实施方案' },
  { paragraph: '为贯彻落实商务部《广州市服务业扩大开放综合试点总体方案》（商资发〔2022〕212号），经过3年试点，制定本实施方案。' },
  { heading: 2, text: '一、商务服务' },
  { numbered: '商务服务领域：落实表1第12项，允许外商投资社会调查，中方股比不低于51%，由区商务局牵头。' },
  { numbered: '居民服务领域：支持外商投资旅行社从事出境旅游业务（表1第13项）。' },
  { numbered: '落实表1第58项，推动会展业高质量发展。' },
  { heading: 2, text: '二、任务分工' },
  {
    table: [
      ['序号', '任务', '牵头单位'],
      ['1', '放宽外商设立投资性公司申请条件（表4第9项），申请前一年外国投资者资产总额不低于两亿美元。', '区商务局'],
      ['2', { text: ['向外资开放国内互联网虚拟专用网业务，', '外资股比不超过60%（T1.49）。'] }, '区工信局|区科技局'],
    ],
  },
  { paragraph: ['开展金融领域管理信息共享（第15项），', '由区金融局牵头。'] },
];

/** What readDocx makes of WORD_PLAN: the Markdown a drafter would have written. */
export const WORD_PLAN_MARKDOWN = [
  '# 黄埔区落实服务业扩大开放综合试点实施方案',
  '',
  '为贯彻落实商务部《广州市服务业扩大开放综合试点总体方案》（商资发〔2022〕212号），经过3年试点，制定本实施方案。',
  '',
  '## 一、商务服务',
  '',
  '1. 商务服务领域：落实表1第12项，允许外商投资社会调查，中方股比不低于51%，由区商务局牵头。',
  '2. 居民服务领域：支持外商投资旅行社从事出境旅游业务（表1第13项）。',
  '3. 落实表1第58项，推动会展业高质量发展。',
  '',
  '## 二、任务分工',
  '',
  '| 序号 | 任务 | 牵头单位 |',
  '| --- | --- | --- |',
  '| 1 | 放宽外商设立投资性公司申请条件（表4第9项），申请前一年外国投资者资产总额不低于两亿美元。 | 区商务局 |',
  '| 2 | 向外资开放国内互联网虚拟专用网业务， 外资股比不超过60%（T1.49）。 | 区工信局\\|区科技局 |',
  '',
  '开展金融领域管理信息共享（第15项），',
  '由区金融局牵头。',
  '',
].join('\n');

/** The Word paragraph (¶) of each line of WORD_PLAN_MARKDOWN; 0 for blank lines. */
export const WORD_PLAN_PARAGRAPHS = [1, 0, 2, 0, 3, 0, 4, 5, 6, 0, 7, 0, 8, 8, 9, 10, 0, 11, 11, 0];

/**
 * A 分工表 as district plans write it in Word: a header of two rows (责任单位 merged across 牵头单位 and 配合单位), its
 * 领域, 牵头单位 and 完成时限 cells merged down over the rows they hold for (the .doc of it:
 * test/fixtures/word97/merged-table.doc).
 */
export const MERGED_TABLE_PLAN: Block[] = [
  { paragraph: '附件：重点任务分工表' },
  {
    table: [
      [{ text: '领域', rowSpan: 2 }, { text: '任务', rowSpan: 2 }, { text: '责任单位', columnSpan: 2 }, { text: '完成时限', rowSpan: 2 }],
      ['牵头单位', '配合单位'],
      [{ text: '金融服务', rowSpan: 2 }, '推动数字人民币试点扩面（表1第35项）', { text: '区金融局', rowSpan: 2 }, '区财政局', '2025年6月'],
      ['开展金融领域管理信息共享（表5第15项）', '区商务局', '2024年12月'],
      [{ text: '商务服务', rowSpan: 3 }, '允许外商投资社会调查（表1第12项）', '区商务局', '区市场监管局', { text: '2024年12月', rowSpan: 3 }],
      ['支持外商投资旅行社从事出境旅游业务（表1第13项）', '区文广旅局', '区商务局'],
      ['支持企业开展保税展示交易业务（表1第14项）', '区商务局', '黄埔海关'],
    ],
  },
  { paragraph: '各牵头单位于每季度末报送进展。' },
];

/**
 * A plan revised in Word's track changes (修订): 51% deleted for 67%, 表1第58项 made 表1第57项, and a third item inserted
 * whole. Word's Final view (every change accepted) is REVISED_MARKDOWN; with every change rejected, ORIGINAL_MARKDOWN.
 */
export async function makeRevisedDocx(): Promise<Buffer> {
  const change = { author: '审核人', date: '2026-11-30T10:00:00Z' };
  const ins = (text: string, id: number) => new docx.InsertedTextRun({ text, id, ...change });
  const del = (text: string, id: number) => new docx.DeletedTextRun({ text, id, ...change });
  const p = (...children: docx.ParagraphChild[]) => new docx.Paragraph({ children });
  const t = (text: string) => new docx.TextRun(text);
  const document = new docx.Document({
    sections: [{
      children: [
        new docx.Paragraph({ text: '天河区实施方案', heading: docx.HeadingLevel.HEADING_1 }),
        p(t('1. 落实表1第12项，中方股比不低于'), del('51%', 1), ins('67%', 2), t('，由区商务局牵头，2024年底前完成。')),
        p(t('2. 落实表1第'), del('58', 3), ins('57', 4), t('项，由区司法局牵头，2024年底前完成。')),
        p(ins('3. 落实表1第13项，由区文广旅体局牵头，2025年6月前完成。', 5)),
      ],
    }],
  });
  return docx.Packer.toBuffer(document);
}

export const REVISED_MARKDOWN = '# 天河区实施方案\n\n1. 落实表1第12项，中方股比不低于67%，由区商务局牵头，2024年底前完成。\n\n2. 落实表1第57项，由区司法局牵头，2024年底前完成。\n\n3. 落实表1第13项，由区文广旅体局牵头，2025年6月前完成。\n';
export const ORIGINAL_MARKDOWN = '# 天河区实施方案\n\n1. 落实表1第12项，中方股比不低于51%，由区商务局牵头，2024年底前完成。\n\n2. 落实表1第58项，由区司法局牵头，2024年底前完成。\n';
