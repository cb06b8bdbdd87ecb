// Word's automatic numbering in Chinese formats (一、 （一） （1） ①): the Word reader writes the labels Word shows
// (docxNumbering.ts), where mammoth alone made `（一）商务服务领域` one more `1.` item of the list under it.
import * as assert from 'assert';
import * as docx from 'docx';
import * as path from 'path';
import { formatNumber, labelNumbering } from '../../server/src/readers/docxNumbering';
import { readDocx } from '../../server/src/readers/docx';
import { loadEngine } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** A plan numbered as Chinese plans are: 一、 over （一） over 1. over （1）, in one multilevel list, and ① items. */
async function numberedPlan(): Promise<Buffer> {
  const levels = [
    { level: 0, format: docx.LevelFormat.CHINESE_COUNTING, text: '%1、' },
    { level: 1, format: docx.LevelFormat.CHINESE_COUNTING, text: '（%2）' },
    { level: 2, format: docx.LevelFormat.DECIMAL, text: '%3.' },
    { level: 3, format: docx.LevelFormat.DECIMAL, text: '（%4）' },
  ].map((l) => ({ ...l, alignment: docx.AlignmentType.START }));
  const circles = [{ level: 0, format: docx.LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1', alignment: docx.AlignmentType.START }];
  const item = (text: string, level: number, reference = 'plan') => new docx.Paragraph({ text, numbering: { reference, level } });
  const document = new docx.Document({
    numbering: { config: [{ reference: 'plan', levels }, { reference: 'circles', levels: circles }] },
    sections: [{
      children: [
        new docx.Paragraph('天河区实施方案'),
        item('主要任务', 0),
        item('商务服务领域', 1),
        item('允许外商投资社会调查，中方股比不低于51%（表1第12项）。（区商务局牵头，2024年6月底前完成）', 2),
        item('细化准入条件', 3),
        item('支持企业依托综合保税区开展保税展示交易业务（表1第14项）。（区商务局牵头，2024年底前完成）', 2),
        item('金融服务领域', 1),
        item('推动数字人民币试点（表1第35项）。（区金融局牵头，2024年底前完成）', 2),
        item('支持外商投资旅行社从事出境旅游业务（表1第13项）。（区文广旅体局牵头，2024年底前完成）', 2),
        item('保障措施', 0),
        item('加强组织领导', 0, 'circles'),
        item('强化督促检查', 0, 'circles'),
      ],
    }],
  });
  return docx.Packer.toBuffer(document);
}

describe('Word\'s automatic numbering in Chinese formats', function () {
  this.timeout(20000);

  it('formats numbers as Word does: Chinese counting, circled, full-width, letters, Roman', () => {
    assert.deepStrictEqual([1, 2, 10, 11, 20, 21, 105].map((n) => formatNumber(n, 'chineseCounting')), ['一', '二', '十', '十一', '二十', '二十一', '一百零五']);
    assert.deepStrictEqual([1, 20].map((n) => formatNumber(n, 'decimalEnclosedCircle')), ['①', '⑳']);
    assert.deepStrictEqual([formatNumber(12, 'decimalFullWidth'), formatNumber(3, 'ideographTraditional'), formatNumber(28, 'upperLetter'), formatNumber(14, 'lowerRoman')], ['１２', '丙', 'BB', 'xiv']);
  });

  it('writes the labels Word shows (一、 （一） （1） ①), a level restarting the levels below it, and keeps plain 1. lists as lists', async () => {
    const { text } = await readDocx(await numberedPlan(), 'plan.docx');
    const lines = text.split('\n').filter((l) => l.trim());
    assert.deepStrictEqual(lines, [
      '天河区实施方案',
      '一、主要任务',
      '（一）商务服务领域',
      '1. 允许外商投资社会调查，中方股比不低于51%（表1第12项）。（区商务局牵头，2024年6月底前完成）',
      '（1）细化准入条件',
      '1. 支持企业依托综合保税区开展保税展示交易业务（表1第14项）。（区商务局牵头，2024年底前完成）',
      '（二）金融服务领域',
      '1. 推动数字人民币试点（表1第35项）。（区金融局牵头，2024年底前完成）',
      '2. 支持外商投资旅行社从事出境旅游业务（表1第13项）。（区文广旅体局牵头，2024年底前完成）',
      '二、保障措施',
      '①加强组织领导',
      '②强化督促检查',
    ]);
  });

  it('lets the checks see the sections the numbering makes: a task under the heading of another domain', async () => {
    const { text } = await readDocx(await numberedPlan(), 'plan.docx');
    const { checker } = loadEngine(ROOT);
    const findings = checker.analyze(text, { locale: 'zh' }).findings.map((f) => `${f.code} ${f.message}`);
    // 表1第13项 (商务服务) stands under （二）金融服务领域, 表1第35项 (金融服务) in its own domain
    assert.deepStrictEqual(findings.filter((f) => f.startsWith('domain-mismatch')), ['domain-mismatch 表1第13项列在标题“金融服务领域”下，但该任务属于商务服务领域']);
    assert.ok(findings.some((f) => f.startsWith('threshold-mismatch')), findings.join('\n'));
  });

  it('leaves a body whose lists are plain 1. lists and bullets as it is', () => {
    const numbering = '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const body = '<w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>一项</w:t></w:r></w:p></w:body>';
    assert.strictEqual(labelNumbering(body, numbering), body);
    assert.strictEqual(labelNumbering(body, undefined), body);
  });
});
