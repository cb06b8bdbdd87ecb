// A source with no table of tasks whose body numbers them (the programme's work plans): which numbered items are its
// tasks, how they group into tables, their categories and domains, and what the checks read of it, loaded under a
// prefix or in the default's place.
import * as assert from 'assert';
import * as path from 'path';
import { bodyTaskList } from '../../server/src/core/bodyTasks';
import { buildEngine } from '../../server/src/engine';
import { loadDefaultIndex, loadExtraSource, loadRules } from '../../server/src/indexLoader';
import { ROOT } from '../fixtures/meaning/meaningSpans';

const SOURCES = path.join(ROOT, 'test', 'fixtures', 'sources');
const ids = (tasks: { id: string }[]) => tasks.map((t) => t.id);

describe('a source whose body numbers its tasks', () => {
  describe('numbered on from section to section (text from a PDF)', () => {
    const index = loadExtraSource(path.join(SOURCES, 'workplan-pdf.txt'), 'GF');

    it('reads one table of the sections\' items, none of 总体要求 or 保障措施', () => {
      assert.deepStrictEqual(ids(index.tasks), ['GF:T1.1', 'GF:T1.2', 'GF:T1.3', 'GF:T1.4', 'GF:T1.5']);
      assert.deepStrictEqual(index.tables.map((t) => [t.number, t.taskCount, t.title]), [[1, 5, '服务业开放试点提质工作方案']]);
    });

    it('joins an item broken over lines and a page number, and ends it at the next heading', () => {
      const [first, second] = index.tasks;
      assert.strictEqual(first.text, '取消互联网接入服务业务的外商投资股比限制，外资股比不超过50%的业务向外资开放。');
      assert.deepStrictEqual([first.startLine, first.endLine], [15, 16]);
      assert.strictEqual(second.text, '支持试点地区建设国际数据港，开展数据跨境流动安全评估便利化试点。');
    });

    it('gives each task the 一、 heading as its category and the （一） heading as its domain', () => {
      assert.deepStrictEqual(
        index.tasks.map((t) => [t.category, t.domain]),
        [['推进重点领域开放', '电信服务'], ['推进重点领域开放', '电信服务'], ['推进重点领域开放', '医疗健康'], ['完善制度保障', undefined], ['完善制度保障', undefined]],
      );
    });

    it('reads the notice\'s title (its first line the issuer\'s), 文号, date and short name', () => {
      assert.deepStrictEqual(index.meta, { title: '服务业开放试点提质工作方案', docNumber: '商资函〔2025〕12号', issuer: '商务部', date: '2025-03-10' });
      assert.deepStrictEqual(index.facts?.shortNames, ['工作方案']);
    });
  });

  describe('numbered again in each section, （1） items under 1. headings (Word\'s text)', () => {
    const index = loadExtraSource(path.join(SOURCES, 'workplan-runs.txt'), '');

    it('makes each run from 1 a table, titled by the heading over it', () => {
      assert.deepStrictEqual(ids(index.tasks), ['T1.1', 'T1.2', 'T2.1', 'T2.2', 'T2.3', 'T3.1']);
      assert.deepStrictEqual(index.tables.map((t) => t.title), ['推进电信服务开放', '推进医疗服务开放', '便利人员往来']);
    });

    it('takes the 1. headings as the domains, and no item of 组织实施', () => {
      assert.deepStrictEqual([...new Set(index.tasks.map((t) => t.domain))], ['推进电信服务开放', '推进医疗服务开放', '便利人员往来']);
      assert.ok(!index.tasks.some((t) => t.text.includes('组织领导')));
    });
  });

  it('takes a line of the tasks\' kind whose number does not follow for the rest of the item before it', () => {
    const lines = ['二、主要任务', '1．推进跨境服务贸易开放，对标国际规则', '8．条款，形成制度成果。', '2．支持专业服务机构开展跨境执业。', '3．探索建设国际数据港。'];
    const list = bodyTaskList(lines, 0, '');
    assert.ok(list);
    assert.deepStrictEqual(list.tasks.map((t) => t.text), ['推进跨境服务贸易开放，对标国际规则8.条款，形成制度成果。', '支持专业服务机构开展跨境执业。', '探索建设国际数据港。']);
  });

  it('reads the tasks of a section that names a goal and tasks together (二、主要目标和重点任务)', () => {
    const lines = ['一、总体要求', '1．坚持问题导向，聚焦企业关切。', '二、主要目标和重点任务', '1．推进跨境服务贸易开放。', '2．支持专业服务机构开展跨境执业。', '3．探索建设国际数据港。', '三、保障措施', '1．加强组织领导，建立工作机制。'];
    assert.deepStrictEqual(bodyTaskList(lines, 0, '')?.tasks.map((t) => [t.id, t.text]), [['T1.1', '推进跨境服务贸易开放。'], ['T1.2', '支持专业服务机构开展跨境执业。'], ['T1.3', '探索建设国际数据港。']]);
  });

  it('is not read from a body with fewer than three numbered sentences, and its error names both layouts', () => {
    assert.strictEqual(bodyTaskList(['二、主要任务', '1．推进开放。', '2．深化改革。'], 0, ''), undefined);
    assert.throws(() => loadExtraSource(path.join(SOURCES, 'workplan-none.txt'), ''), /no task list found.*numbered 1\. 2\./);
  });

  it('leaves a source with tables as it was: the seed read by the generic reader is the bundled index', () => {
    const data = loadDefaultIndex(ROOT);
    const seed = loadExtraSource(path.join(ROOT, 'seeds', '000_a08c9159ea97f61a.txt'), '');
    assert.deepStrictEqual(ids(seed.tasks), ids(data.tasks));
  });

  describe('checked against', () => {
    const rules = loadRules(ROOT);
    const plan = [
      '为贯彻落实《服务业开放试点提质工作方案》（商资函〔2025〕12号），制定本方案。',
      '',
      '1. 允许外商投资设立独资医院，注册资本不低于500万元（表1第3项）。（区卫生健康局牵头，2026年底前完成）',
      '2. 推进互联网接入服务业务开放，外资股比不超过60%（第1项）。（区工信局牵头，2026年底前完成）',
      '3. 探索建立跨境服务贸易负面清单管理制度（表1第9项）。（区商务局牵头，2029年底前完成）',
    ].join('\n');

    it('in the default\'s place: thresholds by table and bare number, a task past the end, the pilot from 经过3年试点', () => {
      const checker = buildEngine([loadExtraSource(path.join(SOURCES, 'workplan-pdf.txt'), '')], rules).checker;
      const found = checker.analyze(plan, { locale: 'zh' }).findings.map((f) => `${f.code} ${f.message}`);
      // a bare number with no words of its task is its one table's
      const bare = checker.analyze('推进第2项。', { locale: 'zh' });
      assert.deepStrictEqual(bare.bareReferences.map((b) => [b.resolved?.id, b.by]), [['T1.2', 'only']]);
      assert.deepStrictEqual(bare.findings.map((f) => f.code), []);
      assert.deepStrictEqual(found.filter((f) => !f.startsWith('uncited')), [
        'threshold-mismatch “注册资本不低于500万元”与表1第3项不符：原文为“注册资本不低于1000万元”',
        'threshold-mismatch “外资股比不超过60%”与表1第1项不符：原文为“外资股比不超过50%”',
        'unknown-task 表1第9项不存在：表1共有第1–5项。该句内容对应表1第4项（跨境服务贸易负面清单管理）：匹配“探索建立跨境服务贸易负面清单管理制度”',
        'deadline-outside-pilot 完成时限“2029年底前”超出试点期（2025年3月—2028年3月）',
      ]);
    });

    it('under a prefix, next to the bundled source: GF表1第3项 and GF:T1.3 are its tasks', () => {
      const checker = buildEngine([loadDefaultIndex(ROOT), loadExtraSource(path.join(SOURCES, 'workplan-pdf.txt'), 'GF')], rules).checker;
      const found = checker.analyze('允许外商投资设立独资医院，注册资本不低于500万元（GF表1第3项）。\n\n推进医疗开放（GF:T1.6）。', { locale: 'zh' }).findings;
      assert.deepStrictEqual(found.map((f) => f.code), ['threshold-mismatch', 'unknown-task']);
      assert.match(found[0].message, /GF表1第3项/);
    });

    it('reads a bare number after the name the work plan gives itself (《工作方案》) as its task, not the 总体方案\'s', () => {
      const checker = buildEngine([loadDefaultIndex(ROOT), loadExtraSource(path.join(SOURCES, 'workplan-pdf.txt'), 'GF')], rules).checker;
      const named = checker.analyze('按照《工作方案》要求，落实第3项任务。', { locale: 'zh' });
      assert.deepStrictEqual(named.bareReferences.map((b) => [b.resolved?.id, b.by, b.candidates.length]), [['GF:T1.3', 'document', 1]]);
      assert.deepStrictEqual(named.findings.map((f) => f.code), []);
      // and cites it: its sentence's threshold is judged against it
      const quoted = checker.analyze('按照《工作方案》要求，落实第3项任务，注册资本不低于500万元。', { locale: 'zh' }).findings;
      assert.deepStrictEqual(quoted.map((f) => f.message), ['“注册资本不低于500万元”与GF表1第3项不符：原文为“注册资本不低于1000万元”']);
      // unnamed, every loaded table with a 第3项 is a candidate, and nothing settles it; 《总体方案》 names the bundled
      // source alone
      const unnamedAnalysis = checker.analyze('落实第3项任务。', { locale: 'zh' });
      const unnamed = unnamedAnalysis.bareReferences[0];
      assert.deepStrictEqual(unnamed.candidates.map((c) => c.task.id), ['T1.3', 'T2.3', 'T3.3', 'T4.3', 'T5.3', 'GF:T1.3']);
      assert.deepStrictEqual(unnamedAnalysis.findings.map((f) => f.code), ['ambiguous-reference']);
      const bundled = checker.analyze('落实《总体方案》第3项任务。', { locale: 'zh' }).bareReferences[0];
      assert.deepStrictEqual(bundled.candidates.map((c) => c.task.id), ['T1.3', 'T2.3', 'T3.3', 'T4.3', 'T5.3']);
    });
  });
});
