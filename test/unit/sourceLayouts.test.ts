// The default seed re-laid in the layouts sibling documents come in (Markdown, Word, 附表 titles, 序号 and 牵头单位
// columns, `|`- or space-separated cells): each must index to the same tasks as the original.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { parseSeed, parseSourceText } from '../../server/src/core/seedParser';
import { PolicyIndex, Task, TaskTable } from '../../server/src/core/types';
import { loadSource } from '../../server/src/indexLoader';
import { pilotAreas } from '../../server/src/core/pilotAreas';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED_FILE = 'seeds/000_a08c9159ea97f61a.txt';
const SEED = fs.readFileSync(path.join(ROOT, SEED_FILE), 'utf8');
const ORIGINAL = parseSeed(SEED, { sourceFile: SEED_FILE });
/** The seed's title, body and task-list heading: everything before 表1. */
const BODY = SEED.split('\n').slice(0, ORIGINAL.tables[0].startLine);

/** A task's row as a table shows it: the category and domain written only where they change (merged cells). */
interface Row {
  task: Task;
  category: string;
  domain: string;
}

function rowsOf(table: TaskTable): Row[] {
  let category = '';
  let domain = '';
  return ORIGINAL.tasks.filter((t) => t.table === table.number).map((task) => {
    const row = { task, category: task.category === category ? '' : task.category, domain: (task.domain ?? '') === domain ? '' : task.domain ?? '' };
    category = task.category;
    domain = task.domain ?? '';
    return row;
  });
}

const hasDomain = (table: TaskTable) => ORIGINAL.tasks.some((t) => t.table === table.number && t.domain);
const numbered = (t: Task) => `${t.item}. ${t.text}`;
/** A made-up lead department, so that the extra column has something to carry. */
const lead = (t: Task) => `牵头单位${t.table}-${t.item}`;

/** Lines of a layout: the body, then per table a title, a header and its rows. */
function layout(parts: {
  body?: (line: string) => string;
  title: (table: TaskTable) => string[];
  header: (table: TaskTable) => string[];
  row: (row: Row, table: TaskTable) => string;
}): string {
  const out = BODY.map(parts.body ?? ((l) => l));
  for (const table of ORIGINAL.tables) {
    out.push(...parts.title(table), '', ...parts.header(table));
    for (const row of rowsOf(table)) out.push(parts.row(row, table));
    out.push('');
  }
  return out.join('\n');
}

const TEXT_LAYOUTS: { name: string; file: string; text: () => string; fields?: (t: Task) => Record<string, string> | undefined }[] = [
  {
    name: 'Markdown tables with a header row',
    file: 'gz.md',
    text: () => layout({
      title: (t) => [`## 表${t.number} ${t.title}`],
      header: (t) => (hasDomain(t) ? ['| 类别 | 领域 | 试点任务 |', '| --- | --- | --- |'] : ['| 类别 | 试点任务 |', '| :-- | :-- |']),
      row: (r, t) => (hasDomain(t) ? `| ${r.category} | ${r.domain} | ${numbered(r.task)} |` : `| ${r.category} | ${numbered(r.task)} |`),
    }),
  },
  {
    name: '附表N titles without a space, tab-separated rows as extracted from a PDF',
    file: 'gz.txt',
    text: () => layout({
      title: (t) => [`附表${t.number}${t.title}`],
      header: (t) => [hasDomain(t) ? '类别\t领域\t试点任务' : '类别\t试点任务'],
      row: (r, t) => (hasDomain(t) ? [r.category, r.domain, numbered(r.task)] : [r.category, numbered(r.task)]).join('\t'),
    }),
  },
  {
    name: 'a header starting with 序号, the number in its own cell, cells separated by |',
    file: 'gz.txt',
    text: () => layout({
      title: (t) => [`表 ${t.number} ${t.title}`],
      header: (t) => [hasDomain(t) ? '序号 | 类别 | 领域 | 试点任务' : '序号 | 类别 | 试点任务'],
      row: (r, t) => (hasDomain(t) ? [r.task.item, r.category, r.domain, r.task.text] : [r.task.item, r.category, r.task.text]).join(' | '),
    }),
  },
  {
    name: 'an extra column after the task (牵头单位), kept as a field of the task',
    file: 'gz.txt',
    text: () => layout({
      title: (t) => [`表 ${t.number} ${t.title}`],
      header: (t) => [hasDomain(t) ? '类别\t领域\t试点任务\t牵头单位' : '类别\t试点任务\t牵头单位'],
      row: (r, t) => (hasDomain(t) ? [r.category, r.domain, numbered(r.task), lead(r.task)] : [r.category, numbered(r.task), lead(r.task)]).join('\t'),
    }),
    fields: (t) => ({ 牵头单位: lead(t) }),
  },
  {
    name: 'cells separated by spaces, merged cells left out of the row',
    file: 'gz.txt',
    text: () => layout({
      title: (t) => [`表${t.number}　${t.title}`],
      header: (t) => [hasDomain(t) ? '类别    领域    试点任务' : '类别    试点任务'],
      row: (r) => [r.category, r.domain, numbered(r.task)].filter(Boolean).join('  '),
    }),
  },
  {
    name: 'titles in Chinese numerals with the title on the next line (表一), rows as Markdown tables',
    file: 'gz.md',
    text: () => layout({
      title: (t) => [`**表${'一二三四五'[t.number - 1]}**`, '', `**${t.title}**`],
      header: (t) => (hasDomain(t) ? ['| 类别 | 领域 | 主要内容 |', '|---|---|---|'] : ['| 类别 | 主要内容 |', '|---|---|']),
      row: (r, t) => (hasDomain(t) ? `| ${r.category} | ${r.domain} | ${numbered(r.task)} |` : `| ${r.category} | ${numbered(r.task)} |`),
    }),
  },
  {
    name: 'Markdown tables in a .txt file (Markdown saved as text)',
    file: 'gz.txt',
    text: () => layout({
      title: (t) => [`表${t.number} ${t.title}`],
      header: (t) => (hasDomain(t) ? ['| 类别 | 领域 | 试点任务 |', '| --- | --- | --- |'] : ['| 类别 | 试点任务 |', '| --- | --- |']),
      row: (r, t) => (hasDomain(t) ? `| ${r.category} | ${r.domain} | ${numbered(r.task)} |` : `| ${r.category} | ${numbered(r.task)} |`),
    }),
  },
  {
    name: "tab-separated rows with a page's number on a line of its own every few rows (— 7 —, 第8页)",
    file: 'gz.txt',
    text: () => {
      let n = 0;
      return layout({
        title: (t) => [`表${t.number} ${t.title}`],
        header: (t) => [hasDomain(t) ? '类别\t领域\t试点任务' : '类别\t试点任务'],
        row: (r, t) => {
          const row = (hasDomain(t) ? [r.category, r.domain, numbered(r.task)] : [r.category, numbered(r.task)]).join('\t');
          return ++n % 7 ? row : `${row}\n\n${n % 2 ? `— ${n / 7} —` : `第${n / 7}页`}\n`;
        },
      });
    },
  },
];

/** What must not change from one layout to another. */
function essence(index: PolicyIndex) {
  return {
    meta: index.meta,
    tables: index.tables.map((t) => [t.number, t.title, t.taskCount]),
    tasks: index.tasks.map((t) => ({ id: t.id, text: t.text, category: t.category, domain: t.domain, bodyText: t.bodyText })),
  };
}

function assertSameTasks(index: PolicyIndex, what: string): void {
  const expected = essence(ORIGINAL);
  const actual = essence(index);
  assert.deepStrictEqual(actual.tables, expected.tables, `${what}: the same five tables with the same titles and counts`);
  assert.strictEqual(actual.tasks.length, 130, `${what}: 130 tasks`);
  for (let i = 0; i < expected.tasks.length; i++) assert.deepStrictEqual(actual.tasks[i], expected.tasks[i], `${what}: task ${expected.tasks[i].id}`);
  assert.deepStrictEqual(actual.meta, expected.meta, `${what}: the same title, 文号, issuer and date`);
}

describe('sources in other layouts', () => {
  for (const l of TEXT_LAYOUTS) {
    it(`indexes the seed laid out as ${l.name} to the same 130 tasks`, () => {
      const index = parseSourceText(l.text(), l.file, { sourceFile: l.file });
      assertSameTasks(index, l.name);
      for (const t of index.tasks) assert.deepStrictEqual(t.fields, l.fields?.(t), `${l.name}: the extra columns of ${t.id}`);
    });
  }

  describe('a Word document', function () {
    this.timeout(20000);
    let dir: string;
    before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-layouts-'))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('indexes the seed as a Word document with tables (body paragraphs, titles, header rows) to the same 130 tasks', async () => {
      const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
      const children: (Paragraph | Table)[] = BODY.filter((l) => l.trim()).map((l) => new Paragraph(l.replace(/\*\*/g, '')));
      for (const table of ORIGINAL.tables) {
        children.push(new Paragraph(`表${table.number} ${table.title}`));
        const header = hasDomain(table) ? ['类别', '领域', '试点任务'] : ['类别', '试点任务'];
        const rows = rowsOf(table).map((r) => (hasDomain(table) ? [r.category, r.domain, numbered(r.task)] : [r.category, numbered(r.task)]));
        children.push(new Table({ rows: [header, ...rows].map((cells) => new TableRow({ children: cells.map(cell) })) }));
      }
      const file = path.join(dir, 'gz.docx');
      fs.writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children }] })));
      const index = await loadSource(file, '');
      assertSameTasks(index, 'a Word document');
    });
  });

  it('reads a .txt source in GB18030 or in UTF-16 with a BOM as the same 130 tasks', async () => {
    const iconv = require('iconv-lite') as typeof import('iconv-lite');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-layouts-'));
    try {
      for (const [encoding, bytes] of [['GB18030', iconv.encode(SEED, 'gb18030')], ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SEED, 'utf16le')])]] as const) {
        const file = path.join(dir, `gz-${encoding}.txt`);
        fs.writeFileSync(file, bytes);
        assertSameTasks(await loadSource(file, ''), `the seed in ${encoding}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a table whose one classifying column is 领域 with its cells as the categories too, an area among them', () => {
    const text = [
      '商务部关于印发《某市服务业扩大开放综合试点总体方案》的通知',
      '商资发〔2023〕1号',
      '',
      '试点任务清单',
      '',
      '表1 推动重点领域开放',
      '',
      '| 序号 | 领域 | 试点任务 |',
      '| --- | --- | --- |',
      '| 1 | 科技服务领域 | 深化科技成果赋权改革。 |',
      '| 2 |  | 构建技术交易服务网络。 |',
      '| 3 | 在东湖新技术开发区（东湖高新区、中国（湖北）自由贸易试验区武汉片区）加快建设科技创新中心 | 发展跨境融资租赁。 |',
    ].join('\n');
    const index = parseSourceText(text, 'city.txt', { sourceFile: 'city.txt' });
    assert.deepStrictEqual(index.tasks.map((t) => [t.category, t.domain]), [
      ['科技服务领域', '科技服务领域'],
      ['科技服务领域', '科技服务领域'],
      ['在东湖新技术开发区（东湖高新区、中国（湖北）自由贸易试验区武汉片区）加快建设科技创新中心', '在东湖新技术开发区（东湖高新区、中国（湖北）自由贸易试验区武汉片区）加快建设科技创新中心'],
    ]);
    const [area] = pilotAreas([index]);
    assert.deepStrictEqual([area?.title, [...(area?.tasks ?? [])]], ['东湖新技术开发区（东湖高新区、中国（湖北）自由贸易试验区武汉片区）', ['T1.3']]);
    assert.ok(area.names.includes('中国（湖北）自由贸易试验区武汉片区') && area.names.includes('东湖高新区'), area.names.join(' '));
  });

  it('says which file has no task list and why', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-layouts-'));
    try {
      const file = path.join(dir, 'notes.md');
      fs.writeFileSync(file, '# 会议纪要\n\n只有正文，没有任务清单的表格。\n');
      await assert.rejects(loadSource(file, 'NO'), (e: Error) => e.message.startsWith(`${file}:1: no task list found`), 'the error names the file, the line and the problem');
      await assert.rejects(loadSource(path.join(dir, 'missing.md'), 'NO'), (e: Error) => e.message === `${path.join(dir, 'missing.md')}: cannot read: no such file`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
