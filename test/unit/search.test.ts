import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SearchHit, TaskSearch } from '../../server/src/core/search';
import { loadEngine } from '../../server/src/engine';
import { NO_PLACES, placesOf, taskSummary } from '../../server/src/core/summary';
import { PolicyIndex, Task } from '../../server/src/core/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const index: PolicyIndex = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/index.json'), 'utf8'));

type Kind = 'keyword' | 'partial' | 'synonym' | 'abbreviation' | 'pinyin' | 'words';

/**
 * Queries a drafter would type, with the task that should come first (several when the text cannot tell them apart).
 * Every expectation was checked against the task texts of data/index.json.
 */
const QUERIES: [query: string, expected: string | string[], kind: Kind][] = [
  // Keywords as the text writes them
  ['数字人民币', 'T1.35', 'keyword'], // 推动广州市数字人民币试点工作
  ['期货交易所', 'T1.29', 'keyword'], // 高标准建设广州期货交易所 (T1.30 only cooperates with one)
  ['社会调查', 'T1.12', 'keyword'], // 允许外商投资社会调查
  ['家政', 'T1.19', 'keyword'], // 南粤家政
  ['锂电池', 'T3.20', 'keyword'], // 锂电池货物航空托运政策
  ['知识产权证券化', 'T1.3', 'keyword'],
  ['绿色债券', 'T1.31', 'keyword'], // 赴境外发行绿色债券
  ['私募', 'T1.32', 'keyword'], // 私募基金管理人
  ['信用承诺', 'T4.10', 'keyword'], // 全面推广信用承诺制度
  ['公平竞争审查', 'T4.14', 'keyword'], // T4.13 says only 公平竞争
  ['永久居留', 'T5.1', 'keyword'],
  ['无人机', 'T3.15', 'keyword'], // 大湾区无人机物流运营试点
  ['养老', 'T1.44', 'keyword'], // 非营利性养老机构
  ['自动驾驶', 'T1.53', 'keyword'],
  ['律师', ['T1.56', 'T1.57'], 'keyword'], // both are about 律师
  ['单一窗口', 'T4.7', 'keyword'],
  ['电子证照', 'T4.1', 'keyword'],
  ['干细胞', 'T3.8', 'keyword'],
  ['超算', 'T3.4', 'keyword'], // 国家超算中心广州分中心
  ['开源', 'T1.5', 'keyword'],
  ['资金池', 'T3.13', 'keyword'],
  ['结售汇', 'T1.24', 'keyword'],
  ['航权', 'T1.16', 'keyword'], // 扩大货运航权安排
  ['前置安检', 'T1.17', 'keyword'],
  ['保税展示', 'T1.14', 'keyword'],
  ['市场采购', 'T1.10', 'keyword'],
  ['特殊工时', 'T3.11', 'keyword'],
  ['居住证', 'T5.7', 'keyword'],
  ['征信', 'T5.12', 'keyword'],
  ['网络直播', 'T3.24', 'keyword'],
  ['国际医疗部', 'T1.42', 'keyword'],
  ['中医药', 'T1.45', 'keyword'],
  ['专利代理', 'T3.10', 'keyword'], // 专利代理对外开放试点 (T2.15 has 专利代理人才 once)
  ['财务公司', 'T1.34', 'keyword'],
  ['金融控股公司', 'T3.18', 'keyword'],
  ['外债额度', 'T3.3', 'keyword'],
  ['增值电信', 'T1.50', 'keyword'],
  ['电力市场', 'T1.47', 'keyword'],
  ['非营利性医疗机构', 'T1.38', 'keyword'], // T1.44 is 非营利性养老机构
  ['投资性公司', 'T4.9', 'keyword'],
  ['跨境医疗保险', 'T1.28', 'keyword'],
  // Parts of phrases
  ['外籍人员子女', 'T1.21', 'partial'],
  ['建筑设计师负责', 'T4.2', 'partial'],
  ['人工智能伦理', 'T3.23', 'partial'], // 人工智能领域的伦理规范
  ['数据交易流通', 'T5.10', 'partial'],
  ['检验检查结果互认', 'T1.43', 'partial'],
  ['托运人信任制', 'T3.20', 'partial'],
  ['数字人民', 'T1.35', 'partial'],
  ['期货交易', 'T1.29', 'partial'],
  // What a drafter types, not what the text says
  ['外资旅行社', 'T1.13', 'synonym'], // 外商投资旅行社
  ['数据跨境', 'T5.11', 'synonym'], // 跨境数据流动
  ['数字货币', 'T1.35', 'synonym'],
  ['养老院', 'T1.44', 'synonym'], // 养老机构
  ['出境游', 'T1.13', 'synonym'], // 出境旅游业务
  ['外国律师', 'T1.57', 'synonym'], // 外籍律师
  ['无人驾驶汽车', 'T1.53', 'synonym'], // 智能网联汽车（自动驾驶）
  ['低空经济', 'T3.15', 'synonym'], // 低空载人飞行器
  ['VPN', 'T1.49', 'synonym'], // 虚拟专用网业务
  ['建筑师负责制', 'T4.2', 'synonym'], // 建筑设计师负责制
  // English abbreviations in the text, any case
  ['IPv6', 'T3.5', 'abbreviation'],
  ['ipv6', 'T3.5', 'abbreviation'],
  ['REITs', 'T1.27', 'abbreviation'],
  ['QFLP', 'T1.25', 'abbreviation'],
  ['QDLP', 'T1.25', 'abbreviation'],
  ['SaaS', 'T1.51', 'abbreviation'],
  ['saas', 'T1.51', 'abbreviation'],
  ['LNG', 'T1.18', 'abbreviation'],
  ['RCEP', 'T1.48', 'abbreviation'],
  ['AEO', 'T4.8', 'abbreviation'],
  ['CEPA', 'T4.13', 'abbreviation'],
  ['SPV', 'T3.3', 'abbreviation'],
  ['5G车联网', 'T1.53', 'abbreviation'],
  // Pinyin: full, initials, partial, syllables apart
  ['shuzirenminbi', 'T1.35', 'pinyin'],
  ['szrmb', 'T1.35', 'pinyin'],
  ['shuzi', 'T1.35', 'pinyin'],
  ['shu zi ren min bi', 'T1.35', 'pinyin'],
  ['qihuo', 'T1.29', 'pinyin'],
  ['yanglao', 'T1.44', 'pinyin'],
  ['jiazheng', 'T1.19', 'pinyin'],
  ['lidianchi', 'T3.20', 'pinyin'],
  ['zdjs', 'T1.53', 'pinyin'], // 自动驾驶
  ['simu', 'T1.32', 'pinyin'],
  ['wrj', 'T3.15', 'pinyin'], // 无人机
  ['lvxingshe', 'T1.13', 'pinyin'],
  ['gongpingjingzheng', 'T4.14', 'pinyin'],
  ['zscqzqh', 'T1.3', 'pinyin'], // 知识产权证券化
  ['jieshouhui', 'T1.24', 'pinyin'],
  ['Shuzirenminbi', 'T1.35', 'pinyin'],
  // Several words: all should match
  ['外资 旅行社', 'T1.13', 'words'],
  ['港澳 律师', 'T1.56', 'words'],
  ['外籍 律师', 'T1.57', 'words'],
  ['医疗 保险', 'T1.28', 'words'],
  ['期货 交割库', 'T1.29', 'words'],
  ['数据安全 认证', 'T5.9', 'words'],
  ['飞机 租赁', 'T3.19', 'words'], // 飞机融资租赁业务 (T3.3 has 飞机融资 and 融资租赁公司 apart)
  ['QFLP 试点', 'T1.25', 'words'],
  ['中医药 出口', 'T1.45', 'words'],
  ['qihuo jiaogeku', 'T1.29', 'words'],
];

const ids = (hits: SearchHit[]) => hits.map((h) => h.task.id);
const task = (id: string): Task => {
  const t = index.tasks.find((x) => x.id === id);
  assert.ok(t, `no task ${id} in data/index.json`);
  return t;
};

describe('TaskSearch', () => {
  let search: TaskSearch;
  before(() => {
    // as the server builds it: with the matcher of the checks of meaning blended in
    const { checker } = loadEngine(path.resolve(__dirname, '..', '..', '..'));
    search = new TaskSearch(index.tasks, (text) => checker.context.matcher.scoreAll(text));
  });

  describe('ranking on queries a drafter types', () => {
    it('has at least 40 queries, each expecting tasks that exist', () => {
      assert.ok(QUERIES.length >= 40, `${QUERIES.length} queries`);
      for (const [, expected] of QUERIES) for (const id of [expected].flat()) task(id);
    });

    it('ranks the expected task first in at least 90% of the queries and in the top 3 in all of them', () => {
      const misses: string[] = [];
      let first = 0;
      let top3 = 0;
      for (const [query, expected, kind] of QUERIES) {
        const want = [expected].flat();
        const got = ids(search.search(query, 3));
        const isFirst = want.includes(got[0]);
        const inTop3 = got.some((id) => want.includes(id));
        if (isFirst) first++;
        if (inTop3) top3++;
        if (!isFirst) misses.push(`${inTop3 ? 'not first' : 'NOT IN TOP 3'} [${kind}] ${JSON.stringify(query)} → expected ${want.join('/')}, got ${got.join(', ') || '(nothing)'}`);
      }
      const report = `first ${first}/${QUERIES.length}, top 3 ${top3}/${QUERIES.length}\n  ${misses.join('\n  ')}`;
      assert.ok(first >= 0.9 * QUERIES.length, report);
      assert.strictEqual(top3, QUERIES.length, report);
    });

    it('ranks a task matching all the words of a query above tasks matching one of them', () => {
      const hits = search.search('外资 旅行社', 5);
      assert.strictEqual(hits[0].task.id, 'T1.13');
      // T1.49 and T1.51 say 外资 but nothing about 旅行社.
      for (const h of hits.slice(1)) assert.ok(h.score > hits[0].score + 0.3, `${h.task.id} ${h.score} vs ${hits[0].score}`);
    });

    it('prefers the task that is about the phrase over one that mentions it once', () => {
      // T1.29 builds the 期货交易所 (期货 four times); T1.30 cooperates with it.
      assert.deepStrictEqual(ids(search.search('期货交易所', 2)), ['T1.29', 'T1.30']);
    });

    it('finds a task by its ID', () => {
      assert.strictEqual(search.search('T1.35')[0].task.id, 'T1.35');
      assert.strictEqual(search.search(' t1.35 ')[0].task.id, 'T1.35');
      assert.strictEqual(search.search('T1.35')[0].score, 0);
    });

    it('reads full-width letters and digits as half-width', () => {
      assert.strictEqual(search.search('ＲＥＩＴｓ')[0].task.id, 'T1.27');
      assert.strictEqual(search.search('ＩＰｖ６')[0].task.id, 'T3.5');
    });

    it('matches a Latin prefix of an abbreviation', () => {
      assert.strictEqual(search.search('ipv')[0].task.id, 'T3.5');
      assert.strictEqual(search.search('REIT')[0].task.id, 'T1.27');
    });

    it('matches any reading of a character with several (行 hang/xing), and ü typed as v, u or ü', () => {
      for (const q of ['yinhang', 'yin hang']) {
        const found = ids(search.search(q, 5));
        assert.ok(found.includes('T1.23') && found.includes('T3.2'), `${q}: ${found.join(', ')}`);
      }
      for (const q of ['lvxingshe', 'luxingshe', 'lüxingshe', 'lü xing she']) assert.strictEqual(search.search(q)[0]?.task.id, 'T1.13', q);
    });
  });

  describe('edge cases', () => {
    it('finds nothing for an empty or blank query', () => {
      assert.deepStrictEqual(search.search(''), []);
      assert.deepStrictEqual(search.search('   '), []);
      assert.deepStrictEqual(search.search('\t\n　'), []);
    });

    it('finds nothing for a query of punctuation only', () => {
      assert.deepStrictEqual(search.search('，。、；'), []);
    });

    it('takes a 200-character query without throwing and still finds the task it was copied from', () => {
      const text = task('T1.53').text.replace(/\s+/g, '');
      const query = (text + text).slice(0, 200);
      assert.strictEqual(query.length, 200);
      const hits = search.search(query);
      assert.strictEqual(hits[0].task.id, 'T1.53');
      // Without punctuation it is one long word, which goes to fuse.js in chunks of at most 32 characters.
      const squashed = (text + text).replace(/[，。、（）“”]/g, '').slice(0, 200);
      assert.strictEqual(search.search(squashed)[0].task.id, 'T1.53');
      assert.doesNotThrow(() => search.search('a'.repeat(200)));
      assert.doesNotThrow(() => search.search('数'.repeat(200)));
      assert.doesNotThrow(() => search.search('shu'.repeat(66)));
    });

    it('takes regular-expression metacharacters literally and does not throw', () => {
      for (const q of ['(', ')', '*', '[', ']', '+', '?', '\\', '^$', '.*', '{2}', '|', '(数字人民币', '期货*', '[AEO]', '!外资', "'LNG", '=SPV']) {
        assert.doesNotThrow(() => search.search(q), q);
      }
      assert.strictEqual(search.search('(数字人民币')[0].task.id, 'T1.35');
      assert.strictEqual(search.search('[AEO]')[0].task.id, 'T4.8');
    });

    it('honours the limit', () => {
      assert.strictEqual(search.search('试点', 3).length, 3);
      assert.strictEqual(search.search('试点', 1).length, 1);
      assert.deepStrictEqual(search.search('试点', 0), []);
      assert.ok(search.search('试点').length <= 10, 'default limit of 10');
      assert.ok(search.search('试点', 200).length > 10);
    });

    it('returns the same order for the same query', () => {
      for (const q of ['试点', '广州', '金融', 'sz', '外资 旅行社', '律师']) {
        const a = search.search(q, 20);
        const b = search.search(q, 20);
        assert.deepStrictEqual(ids(a), ids(b), q);
        assert.deepStrictEqual(ids(new TaskSearch(index.tasks).search(q, 20)), ids(a), q);
      }
    });

    it('gives scores between 0 and 1, best (lowest) first', () => {
      for (const q of ['试点', '外资 旅行社', 'szrmb', 'IPv6', '跨境理财']) {
        const hits = search.search(q, 50);
        for (const h of hits) assert.ok(h.score >= 0 && h.score <= 1, `${q}: ${h.score}`);
        for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score <= hits[i].score, q);
      }
    });

    it('works over an empty task list', () => {
      assert.deepStrictEqual(new TaskSearch([]).search('数字人民币'), []);
    });
  });
});

describe('taskSummary', () => {
  const places = placesOf(index);
  const summary = (id: string, maxChars?: number) => taskSummary(task(id), places, maxChars);

  it('joins the domain without 领域 and the key phrase of the text', () => {
    assert.strictEqual(summary('T1.12'), '商务服务·外商投资社会调查');
    assert.strictEqual(summary('T1.35'), '金融服务·数字人民币试点');
    assert.strictEqual(summary('T1.3'), '科技服务·知识产权证券化');
    assert.strictEqual(summary('T1.29'), '金融服务·期货交易所');
  });

  it('takes off conditions, places and second verbs', () => {
    assert.strictEqual(summary('T1.13'), '商务服务·外商投资旅行社'); // 支持在广州市设立并符合有关条件的…从事…
    assert.strictEqual(summary('T1.32'), '金融服务·私募基金管理人'); // 符合条件的外商独资企业申请成为…
    assert.strictEqual(summary('T1.53'), '电信服务·智能网联汽车有序示范运营'); // 在确保安全的前提下，…
  });

  it('uses a short form of the category when there is no domain', () => {
    assert.strictEqual(summary('T4.14'), '规则制度体系·公平竞争审查制度');
    assert.strictEqual(summary('T3.20'), '空港经济区·锂电池货物航空托运政策');
    assert.strictEqual(summary('T3.13'), '黄埔区·本外币合一跨境资金池业务');
    assert.ok(summary('T2.6').startsWith('两业融合·'), summary('T2.6'));
  });

  it('takes off the places its own source names (its title, its categories), not those of another source', () => {
    const other = {
      meta: { title: '深圳市服务业扩大开放综合试点总体方案', docNumber: '', issuer: '', date: '' },
      tasks: [
        { ...task('T3.13'), id: 'SZ:T3.1', category: '在前海深港现代服务业合作区（深圳前海蛇口片区）打造开放新高地', text: '支持前海蛇口片区国际仲裁中心建设。' },
        { ...task('T1.35'), id: 'SZ:T1.1', text: '推动深圳市数字人民币试点工作。' },
      ],
    };
    const [inCategory, inTitle] = other.tasks;
    assert.deepStrictEqual(
      [taskSummary(inCategory, placesOf(other)), taskSummary(inTitle, placesOf(other))],
      ['前海深港现代服务业合作区·国际仲裁中心建设', '金融服务·数字人民币试点'],
    );
    // without its places, or with the default source's, the city stays in the phrase
    assert.strictEqual(taskSummary(inCategory, NO_PLACES), '前海深港现代服务业合作区·前海蛇口片区国际仲裁中心');
    assert.strictEqual(taskSummary(inTitle, NO_PLACES), '金融服务·深圳市数字人民币试点');
    assert.strictEqual(taskSummary(inTitle, placesOf(index)), '金融服务·深圳市数字人民币试点');
    assert.strictEqual(placesOf({ ...other, meta: { ...other.meta, title: '关于服务业扩大开放的总体方案' }, tasks: [] }), NO_PLACES);
  });

  it('falls back on the Latin abbreviations when the phrase is too long', () => {
    assert.strictEqual(summary('T1.25'), '金融服务·QDLP/QFLP');
  });

  it('keeps the words part within maxChars for every task', () => {
    for (const maxChars of [4, 6, 8, 12, 20]) {
      for (const t of index.tasks) {
        const label = taskSummary(t, places, maxChars);
        const [head, ...rest] = label.split('·');
        const words = rest.join('·');
        assert.ok(words.length >= 2 && words.length <= maxChars, `${t.id} @${maxChars}: ${label}`);
        assert.ok(!head.endsWith('领域'), label);
      }
    }
  });
});
