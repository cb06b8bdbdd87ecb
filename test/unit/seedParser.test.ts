import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseSeed, parseSourceText, SeedParseError } from '../../server/src/core/seedParser';
import { PolicyIndex, Task } from '../../server/src/core/types';
import { buildDefaultIndex, FACTS_FILE, INDEX_FILE, IndexLoadError, loadDefaultIndex, serializeFacts, serializeIndex } from '../../server/src/indexLoader';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED = fs.readFileSync(path.join(ROOT, 'seeds', '000_a08c9159ea97f61a.txt'), 'utf8');

describe('the seed parser', () => {
  let index: PolicyIndex;
  const task = (id: string): Task => {
    const t = index.tasks.find((x) => x.id === id);
    assert.ok(t, `${id} is in the index`);
    return t!;
  };
  before(() => {
    index = parseSeed(SEED, { sourceFile: 'seeds/000_a08c9159ea97f61a.txt' });
  });

  it('reads the document metadata', () => {
    assert.deepStrictEqual(index.meta, {
      title: '广州市服务业扩大开放综合试点总体方案',
      docNumber: '商资发〔2022〕212号',
      issuer: '商务部',
      date: '2022-12-29',
    });
  });

  it('keeps the body\'s paragraphs before the task list, page breaks undone, and the short name the head gives the source', () => {
    const passages = index.facts!.passages!;
    // 聚焦重点领域 stops at a page end after a comma: its paragraph goes on past the blank lines
    const focus = passages.find((p) => p.text.startsWith('聚焦重点领域。'))!;
    assert.ok(focus.endLine > focus.startLine && focus.text.includes('产业变革新机遇，围绕科技服务'), focus.text);
    // a heading, a date and the issuer stand alone; the goal is one paragraph
    for (const alone of ['一、总体要求', '2022年12月29日', '商务部']) assert.ok(passages.some((p) => p.text === alone), alone);
    assert.ok(passages.some((p) => p.text.startsWith('经过3年试点') && p.text.endsWith('发挥示范带动作用。')));
    assert.ok(passages.every((p) => !p.text.includes('**')), 'Markdown bold undone');
    assert.ok(passages[passages.length - 1].endLine < Math.min(...index.tables.map((t) => t.startLine)), 'before the task list');
    assert.deepStrictEqual(index.facts!.shortNames, ['总体方案']);
  });

  it('finds the five tables with their titles and task counts 57/17/24/14/18', () => {
    assert.deepStrictEqual(index.tables.map((t) => [t.number, t.taskCount]), [[1, 57], [2, 17], [3, 24], [4, 14], [5, 18]]);
    assert.strictEqual(index.tables[2].title, '促进服务业扩大开放在重点园区和平台示范发展');
    assert.strictEqual(index.tasks.length, 130);
  });

  it('gives every task a stable ID T{table}.{item} in order', () => {
    for (const t of index.tasks) assert.strictEqual(t.id, `T${t.table}.${t.item}`);
    assert.deepStrictEqual(index.tasks.filter((t) => t.table === 5).map((t) => t.item), Array.from({ length: 18 }, (_, i) => i + 1));
  });

  it('undoes spaces inside numbers and the repeated table headers (表1第12项)', () => {
    assert.strictEqual(task('T1.12').text, '允许外商投资社会调查，中方股比不低于67%，法定代表人应当具有中国国籍。');
    assert.ok(!index.tasks.some((t) => /类别|试点任务$/.test(t.text)));
  });

  it('strips <p> tags from 表3 (表3第1项, 表3第18项)', () => {
    assert.strictEqual(task('T3.1').text, '依托全球溯源体系，建立全球商品数据库，探索建立商品信息自主声明、多维验证的信息共享、协同应用、多元共治共管机制。');
    assert.strictEqual(task('T3.18').text, '支持区内符合条件的非金融企业依法设立金融控股公司。');
    assert.ok(!index.tasks.some((t) => /<\/?p>/.test(t.text + t.category)));
    assert.strictEqual(task('T3.19').category, '在空港经济区全力建设广州国际航空枢纽和临空经济示范区');
  });

  it('keeps the table wording and records the body wording where it differs (表2第3项: 自有土地 / 自有用地)', () => {
    const t = task('T2.3');
    assert.strictEqual(t.text, '支持制造业企业分离发展科技研发、现代物流、贸易营销等现代服务业，为其他市场主体提供专门服务。试点期限内，对制造业企业独立出来的服务型制造子公司，在制造业企业自有土地上经营的，可适用按照原用途和土地权利类型使用土地的过渡期政策。现有建设用地过渡期支持政策以5年为限。');
    assert.ok(t.bodyText?.includes('自有用地上经营'));
    assert.strictEqual(t.category, '创新“两业”融合发展路径');
  });

  it('finds the body wording of a task that crosses a page break in the body (表1第7项)', () => {
    const t = task('T1.7');
    assert.strictEqual(t.text, '探索在建筑、规划、文化旅游等领域建立境外职业资格便利执业认可清单（不含注册会计师、资产评估师、税务师、法律服务）。');
    assert.strictEqual(t.bodyText, undefined, 'the body says the same once the page break is undone');
    assert.deepStrictEqual(t.bodySpan, { startLine: 44, endLine: 46 });
  });

  it('gives the exact text of a task from 表4 and 表5', () => {
    assert.strictEqual(task('T4.9').text, '放宽外商设立投资性公司申请条件，申请前一年外国投资者资产总额降为不低于两亿美元，取消对外国投资者在中国境内已设立外商投资企业的数量要求。');
    assert.strictEqual(task('T5.18').text, '规范发展金融科技，运用大数据、人工智能等技术建立金融风控模型，优化技术监测、预警、处置等手段，提升金融风险防范化解能力。');
    assert.strictEqual(task('T5.5').text, '对入围世界500强等知名榜单企业参展商副总经理及以上高层领导及固定工作人员、会议论坛重要演讲嘉宾等，提供签证办理便利。');
  });

  it('joins category cells broken over lines (充分 竞争 服务 业 → 充分竞争性服务业) and domains (科技服 务领域)', () => {
    assert.strictEqual(task('T1.1').category, '充分竞争性服务业');
    assert.strictEqual(task('T1.1').domain, '科技服务领域');
    assert.strictEqual(task('T1.23').category, '有限竞争性服务业');
    assert.strictEqual(task('T1.37').domain, '健康医疗服务领域');
    assert.strictEqual(task('T1.57').domain, '法律服务领域');
    assert.strictEqual(task('T1.57').category, '特定领域服务业');
  });

  it('carries the domain only where the table has that column', () => {
    assert.ok(index.tasks.filter((t) => t.table === 1).every((t) => t.domain));
    assert.ok(index.tasks.filter((t) => t.table !== 1).every((t) => t.domain === undefined));
  });

  it('records each task line range in the seed (zero-based)', () => {
    const lines = SEED.split('\n');
    for (const t of index.tasks) assert.match(lines[t.startLine], new RegExp(`(^|\\t)(<p>)?${t.item}\\.`), t.id);
  });

  it('reads the body outline: 一/二/三, （一）…（五）, items 1–19, with line ranges', () => {
    assert.deepStrictEqual(index.outline.map((n) => n.label + n.title), ['一总体要求', '二主要任务和措施', '三组织实施']);
    const two = index.outline[1];
    assert.deepStrictEqual(two.children.map((n) => n.label), ['（一）', '（二）', '（三）', '（四）', '（五）']);
    const items = two.children.flatMap((n) => n.children);
    assert.deepStrictEqual(items.map((n) => Number(n.label)), Array.from({ length: 19 }, (_, i) => i + 1));
    assert.strictEqual(items[0].title, '充分竞争性服务业');
    assert.deepStrictEqual([items[0].startLine, items[0].endLine], [44, 48]);
    assert.ok(index.outline[0].endLine < two.startLine);
  });

  it('matches the committed data/index.json (run "npm run index" when this fails)', () => {
    const committed = fs.readFileSync(path.join(ROOT, INDEX_FILE), 'utf8');
    assert.ok(committed === serializeIndex(buildDefaultIndex(ROOT)), 'data/index.json is stale: run npm run index');
  });

  it('names the line of a broken source: a task out of order', () => {
    const broken = '方案\n\n表 1 测试\n\n类别\t试点任务\n甲\t1. 第一项。\n\t3. 第三项。\n';
    assert.throws(() => parseSeed(broken, { sourceFile: 'x.txt' }), (e: unknown) => e instanceof SeedParseError && e.line === 6 && /task 3 where task 2/.test(e.message));
  });

  it('names the problem when a source has no task list', () => {
    assert.throws(() => parseSeed('只有正文。\n', { sourceFile: 'x.txt' }), /no task list found/);
  });

  it('loads source facts without paragraphs (an older file) and refuses malformed ones, naming the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-facts-'));
    try {
      fs.mkdirSync(path.join(dir, 'data'));
      fs.copyFileSync(path.join(ROOT, INDEX_FILE), path.join(dir, INDEX_FILE));
      const facts = JSON.parse(fs.readFileSync(path.join(ROOT, FACTS_FILE), 'utf8'));
      const write = (value: object) => fs.writeFileSync(path.join(dir, FACTS_FILE), JSON.stringify(value));
      write({ ...facts, passages: undefined, shortNames: undefined });
      assert.strictEqual(loadDefaultIndex(dir).facts!.passages, undefined);
      for (const broken of [{ ...facts, passages: [{ startLine: 1 }] }, { ...facts, passages: 'none' }, { ...facts, shortNames: [3] }]) {
        write(broken);
        assert.throws(() => loadDefaultIndex(dir), (e: Error) => e instanceof IndexLoadError && e.message.includes(path.join(dir, FACTS_FILE)));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('matches the committed data/source-facts.json (run "npm run index" when this fails)', () => {
    const committed = fs.readFileSync(path.join(ROOT, FACTS_FILE), 'utf8');
    assert.ok(committed === serializeFacts(buildDefaultIndex(ROOT)), 'data/source-facts.json is stale: run npm run index');
  });

  it('keeps the body lines that state a quantity, so the body thresholds need no second reading of the seed', () => {
    const lines = SEED.split('\n');
    const facts = index.facts!;
    assert.ok(facts.bodyLines.some((b) => b.text.startsWith('经过3年试点')), 'the line of 经过3年试点 is kept');
    for (const b of facts.bodyLines) assert.strictEqual(b.text, lines[b.line], `body line ${b.line} is the seed's own text`);
    assert.ok(facts.bodyLines.every((b) => b.line < index.tables[0].startLine), 'only lines before the task list');
    assert.deepStrictEqual(facts.lineLengths, lines.map((l) => l.length), 'one length per line of the seed');
  });

  it('leaves the facts out of data/index.json', () => {
    assert.ok(!('facts' in JSON.parse(serializeIndex(index))), 'data/index.json keeps its shape');
  });

  it('reads a table title without a space (表1推动…), with 附表, in Chinese numerals, or on the line after the number', () => {
    const doc = (title: string) => `某方案\n\n${title}\n\n类别\t试点任务\n甲类\t1. 第一项任务。\n`;
    for (const [title, name] of [['表1推动开放', '推动开放'], ['附表1 推动开放', '推动开放'], ['附表1：推动开放', '推动开放'], ['表一 推动开放', '推动开放'], ['附表1\n推动开放', '推动开放'], ['表1', '']]) {
      const idx = parseSeed(doc(title), { sourceFile: 'x.txt' });
      assert.deepStrictEqual(idx.tables.map((t) => [t.number, t.title, t.taskCount]), [[1, name, 1]], `the title "${title}"`);
    }
  });

  it('does not take a reference in the body (表1第12项) for a table title', () => {
    const doc = '某方案\n\n表1第2项另有规定。\n\n表 1 推动开放\n\n类别\t试点任务\n甲类\t1. 第一项任务。\n';
    assert.deepStrictEqual(parseSeed(doc, { sourceFile: 'x.txt' }).tables.map((t) => t.startLine), [4]);
  });

  it('maps columns by their header names and keeps other columns as fields of the task', () => {
    const doc = '某方案\n\n表 1 推动开放\n\n序号\t领域\t试点任务\t牵头单位\n1\t金融领域\t支持设立试点。\t市金融局\n2\t\t推进第二项工作。\t市商务局\n';
    const idx = parseSeed(doc, { sourceFile: 'x.txt' });
    assert.deepStrictEqual(idx.tasks.map((t) => [t.id, t.text, t.domain, t.fields]), [
      ['T1.1', '支持设立试点。', '金融领域', { 牵头单位: '市金融局' }],
      ['T1.2', '推进第二项工作。', '金融领域', { 牵头单位: '市商务局' }],
    ]);
  });

  it('reads a Markdown table whose title is followed by a note, and ends it at a 注 or the next heading', () => {
    const doc = [
      '# 某方案', '', '## 附表1 推动开放', '', '（按领域排列）', '',
      '| 序号 | 类别 | 任务 |', '| --- | --- | --- |', '| 1 | 甲类 | 第一项\\|任务。 |', '| 2 | | 第二项<br>任务。 |', '',
      '注：甲类为试点类别。', '', '## 附表2 优化环境', '', '| 类别 | 任务 |', '|:--|:--|', '| 乙类 | 1. 第三项任务。 |', '', '## 三、组织实施', '', '| 备注 | 无 |',
    ].join('\n');
    const idx = parseSourceText(doc, 'x.md', { sourceFile: 'x.md' });
    assert.deepStrictEqual(idx.tables.map((t) => [t.number, t.title, t.taskCount, t.endLine]), [[1, '推动开放', 2, 9], [2, '优化环境', 1, 17]]);
    assert.deepStrictEqual(idx.tasks.map((t) => [t.id, t.text, t.category]), [['T1.1', '第一项|任务。', '甲类'], ['T1.2', '第二项任务。', '甲类'], ['T2.1', '第三项任务。', '乙类']]);
  });

  it('continues a table under 续表1 instead of calling it a second 表1', () => {
    const doc = '某方案\n\n表 1 推动开放\n\n类别\t试点任务\n甲类\t1. 第一项任务。\n\n续表1\n\n类别\t试点任务\n\t2. 第二项任务。\n';
    const idx = parseSeed(doc, { sourceFile: 'x.txt' });
    assert.deepStrictEqual([idx.tables.length, idx.tasks.map((t) => t.id)], [1, ['T1.1', 'T1.2']]);
  });

  it('parses a second document in the same format under a prefix', () => {
    const other = '深圳市试点方案\n\n表 1 第一批\n\n类别\t试点任务\n甲类\t1. 第一项任务。\n\t2. 第二项任务，\n\t继续。\n';
    const idx = parseSeed(other, { sourceFile: 'sz.txt', prefix: 'SZ' });
    assert.deepStrictEqual(idx.tasks.map((t) => [t.id, t.text, t.category]), [['SZ:T1.1', '第一项任务。', '甲类'], ['SZ:T1.2', '第二项任务，继续。', '甲类']]);
    assert.deepStrictEqual([idx.tasks[1].startLine, idx.tasks[1].endLine], [6, 7]);
  });
});
