// A plan and its 分工表 in two files: which file of a folder goes with which plan (core/annexPairing.ts), and a plan
// checked with the rows of its 分工表 (AnalyzeOptions.annex) as with rows of its own.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { annexFileOf } from '../../server/src/annexFiles';
import { namesAssignmentTable, pairAnnexes } from '../../server/src/core/annexPairing';
import { AnalyzeOptions } from '../../server/src/core/analyze';
import { loadEngine } from '../../server/src/engine';
import { ROOT } from '../fixtures/checks/cases';

describe('which 分工表 goes with which plan', () => {
  const pairs = (files: string[], tables: string[]) => Object.fromEntries(pairAnnexes(files, new Set(tables)));

  it('knows a 分工表 by its name', () => {
    for (const f of ['d/重点任务分工表.xlsx', 'd/附件2：任务分工.docx', 'd\\责任分工方案.md']) assert.ok(namesAssignmentTable(f), f);
    for (const f of ['d/实施方案.docx', 'd/分工/实施方案.md', 'd/工作台账.xlsx']) assert.ok(!namesAssignmentTable(f), f);
  });

  it('pairs the only plan of a folder with its only 分工表, whatever their names', () => {
    assert.deepStrictEqual(pairs(['d/实施方案.docx', 'd/附件2 重点任务分工表.xlsx'], ['d/附件2 重点任务分工表.xlsx']), { 'd/实施方案.docx': 'd/附件2 重点任务分工表.xlsx' });
  });

  it('pairs plans and 分工表 of several districts by the beginning of their names', () => {
    const files = ['d/附件1：天河区实施方案.docx', 'd/附件2：天河区任务分工表.xlsx', 'd/越秀区实施方案.docx', 'd/越秀区分工表.xlsx', 'e/广州市海珠区方案.md', 'e/广州市黄埔区方案.md', 'e/广州市海珠区分工表.md'];
    assert.deepStrictEqual(pairs(files, ['d/附件2：天河区任务分工表.xlsx', 'd/越秀区分工表.xlsx', 'e/广州市海珠区分工表.md']), {
      'd/附件1：天河区实施方案.docx': 'd/附件2：天河区任务分工表.xlsx',
      'd/越秀区实施方案.docx': 'd/越秀区分工表.xlsx',
      'e/广州市海珠区方案.md': 'e/广州市海珠区分工表.md',
    }, '附件N is no part of a name; 广州市 is shared by every plan of e/, so 黄埔区 gets none');
  });

  it('pairs the versions of one plan with its 分工表', () => {
    const files = ['d/天河区实施方案.docx', 'd/天河区实施方案（修改稿）.docx', 'd/天河区任务分工表.xlsx', 'd/越秀区实施方案.docx'];
    assert.deepStrictEqual(pairs(files, ['d/天河区任务分工表.xlsx']), {
      'd/天河区实施方案.docx': 'd/天河区任务分工表.xlsx',
      'd/天河区实施方案（修改稿）.docx': 'd/天河区任务分工表.xlsx',
    });
  });

  it('pairs nothing it cannot settle', () => {
    assert.deepStrictEqual(pairs(['d/甲方案.md', 'd/乙方案.md', 'd/分工表.xlsx'], ['d/分工表.xlsx']), {}, 'two plans, a 分工表 named for neither');
    assert.deepStrictEqual(pairs(['d/天河区方案.md', 'd/天河区分工表A.xlsx', 'd/天河区分工表B.xlsx'], ['d/天河区分工表A.xlsx', 'd/天河区分工表B.xlsx']), {}, 'two 分工表 alike');
    assert.deepStrictEqual(pairs(['d/方案.md', 'e/分工表.xlsx'], ['e/分工表.xlsx']), {}, 'another folder');
    assert.deepStrictEqual(pairs(['d/方案.md', 'd/任务分工说明.md'], []), {}, 'a file named 分工 whose rows assign nothing');
  });
});

describe('the 分工表 of a plan file on disk', () => {
  it('is found beside the plan, or in an annex folder (附件/) under its folder, the one beside winning a name both have', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-annex-files-'));
    try {
      const plan = path.join(folder, '天河区实施方案.md');
      fs.writeFileSync(plan, '1. 落实表1第12项。\n');
      fs.mkdirSync(path.join(folder, '附件'));
      fs.writeFileSync(path.join(folder, '附件', '天河区任务分工表.md'), '| 任务 | 牵头单位 |\n| --- | --- |\n| 表1第12项 | 区商务局 |\n');
      const asked: string[] = [];
      const kindOf = (f: string) => (asked.push(path.relative(folder, f)), 'table' as const);
      assert.strictEqual(await annexFileOf(plan, kindOf), path.join(folder, '附件', '天河区任务分工表.md'));
      assert.deepStrictEqual(asked, [path.join('附件', '天河区任务分工表.md')], 'only the files named 分工 are asked about');
      fs.writeFileSync(path.join(folder, '天河区任务分工表.md'), '| 任务 | 牵头单位 |\n| --- | --- |\n| 表1第12项 | 区商务局 |\n');
      assert.strictEqual(await annexFileOf(plan, kindOf), path.join(folder, '天河区任务分工表.md'));
      assert.strictEqual(await annexFileOf(path.join(folder, '天河区任务分工表.md'), kindOf), undefined, 'a 分工表 has none');
      assert.strictEqual(await annexFileOf(path.join(folder, 'none', '方案.md'), kindOf), undefined, 'a folder that cannot be listed has none');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('a plan checked with its 分工表 in a file of its own', () => {
  const { checker } = loadEngine(ROOT);
  const base: AnalyzeOptions = { locale: 'zh' };
  const table = ['| 序号 | 任务 | 牵头单位 | 完成时限 |', '| --- | --- | --- | --- |', '| 1 | 表1第12项 | 区商务局 | 2025年底 |', '| 2 | 表1第14项 | 区商务局 | 2025年底 |', '| 3 | 表1第35项 | 区金融工作局 | 2025年底 |'].join('\n');
  const body = [
    '1. 允许外商投资社会调查（表1第12项）。（区发展改革局牵头）',
    '2. 支持企业依托综合保税区开展保税展示交易业务（表1第14项）。',
    '3. 推动数字人民币试点扩面，拓展应用场景（表1第35项）。（区金融局牵头，2024年6月底前完成）',
  ].join('\n');
  const annexed: AnalyzeOptions = { ...base, annex: { name: '分工表.md', rows: checker.analyze(table, base).tableRows() } };
  const found = (options: AnalyzeOptions) => checker.analyze(body, options).findings.map((f) => `${f.code}@${body.slice(f.start, f.end)}`).filter((f) => /^(assignment-mismatch|missing-lead-unit|missing-deadline)/.test(f));

  it('finds what the same rows find in the plan itself', () => {
    assert.deepStrictEqual(found(annexed), ['assignment-mismatch@区发展改革局', 'assignment-mismatch@2024年6月底前']);
    assert.deepStrictEqual(found(annexed), checker.analyze(`${body}\n\n${table}`, base).findings.map((f) => `${f.code}@${(`${body}\n\n${table}`).slice(f.start, f.end)}`).filter((f) => /^(assignment-mismatch|missing-lead-unit|missing-deadline)/.test(f)));
  });

  it('without it, an item the 分工表 leads is unowned, and nothing is compared', () => {
    assert.deepStrictEqual(found(base), ['missing-lead-unit@支持企业依托综合保税区开展保税展示交易业务（表1第14项）。']);
  });

  it('a plan that names no lead in its body assigns leads through its 分工表', () => {
    const bare = '1. 允许外商投资社会调查（表1第12项）。\n2. 推进跨境电商发展（表1第15项）。';
    const codes = checker.analyze(bare, annexed).findings.map((f) => f.code);
    assert.ok(codes.includes('missing-lead-unit'), `表1第15项 has no lead anywhere: ${codes}`);
    assert.ok(!checker.analyze(bare, base).findings.some((f) => f.code === 'missing-lead-unit'), 'alone, the plan names no lead: none is asked for');
  });

  it("says a unit the body writes another way than its 分工表 does, counting the 分工表's leads as the plan's", () => {
    const spelled = (options: AnalyzeOptions) => checker.analyze(body, options).findings.filter((f) => f.code === 'inconsistent-unit-name').map((f) => `${body.slice(f.start, f.end)}: ${f.message}`);
    // the 分工表 writes 区金融工作局 once, the body 区金融局 once: the shorter gives way
    assert.deepStrictEqual(spelled(annexed), ['区金融局: 同一单位名称前后不一致：此处写作“区金融局”（全文 1 处），本方案另有 1 处写作“区金融工作局”']);
    assert.deepStrictEqual(spelled(base), []);
  });

  it('a 分工表 of no rows is none', () => {
    assert.deepStrictEqual(checker.analyze('# 分工说明\n\n各单位按职责分工落实。', base).tableRows(), []);
  });
});
