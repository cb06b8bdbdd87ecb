import * as assert from 'assert';
import { referencedItems, scanBareTaskNumbers, scanReferences, TaskReference } from '../../server/src/core/references';
import { LineIndex, parseInteger } from '../../server/src/core/text';
import { headingNumbersIn } from '../../server/src/core/headingNumbers';

function one(text: string): TaskReference {
  const refs = scanReferences(text);
  assert.strictEqual(refs.length, 1, `expected one reference in "${text}", found ${JSON.stringify(refs.map((r) => r.text))}`);
  return refs[0];
}

function shape(text: string) {
  const r = one(text);
  return { table: r.table, items: referencedItems(r), text: r.text };
}

describe('the reference scanner', () => {
  const singles: [string, string][] = [
    ['依据表1第12项开展', '表1第12项'],
    ['依据表 1 第 12 项开展', '表 1 第 12 项'],
    ['依据表一第十二项开展', '表一第十二项'],
    ['依据表１第１２项开展', '表１第１２项'],
    ['见表1-12。', '表1-12'],
    ['见表1.12。', '表1.12'],
    ['见T1.12。', 'T1.12'],
    ['见T1-12。', 'T1-12'],
    ['见Ｔ１．１２。', 'Ｔ１．１２'],
    ['见任务清单表1第12项。', '任务清单表1第12项'],
    ['见试点任务清单表1第12项。', '试点任务清单表1第12项'],
    ['(T1.12)', 'T1.12'],
    ['T1.12', 'T1.12'],
  ];
  for (const [text, written] of singles) {
    it(`finds ${written} as 表1 task 12`, () => {
      assert.deepStrictEqual(shape(text), { table: 1, items: [12], text: written });
    });
  }

  const ranges: string[] = ['表1第12至15项', '表1第12-15项', '表1第12—15项', '表1第12~15项', '表1第12～15项', '表1第十二至十五项', '表1第12到15项', '表1第12项至第15项', '表1第12项到第15项', '表1第12项—第15项', '表1第12至第15项', '表1第十二至第十五项', '表1第12-第15项', '表1第12项至15项', '表1第12项-15项', '表1第十二项至十五项'];
  for (const written of ranges) {
    it(`reads the range ${written} as tasks 12–15`, () => {
      const r = one(`推进${written}落地`);
      assert.deepStrictEqual(referencedItems(r), [12, 13, 14, 15]);
      assert.strictEqual(r.spans.length, 1);
      assert.strictEqual(r.text, written);
    });
  }

  it('reads the lists 表2第3、5项 and 表2第3项、第5项', () => {
    assert.deepStrictEqual(shape('落实表2第3、5项'), { table: 2, items: [3, 5], text: '表2第3、5项' });
    assert.deepStrictEqual(shape('落实表2第3项、第5项'), { table: 2, items: [3, 5], text: '表2第3项、第5项' });
    assert.deepStrictEqual(shape('落实表2第3项和第5项'), { table: 2, items: [3, 5], text: '表2第3项和第5项' });
    assert.deepStrictEqual(shape('落实表2第3、5至7项'), { table: 2, items: [3, 5, 6, 7], text: '表2第3、5至7项' });
    // 第 repeated before each number, 项 once at the end
    assert.deepStrictEqual(shape('落实表2第3、第5项'), { table: 2, items: [3, 5], text: '表2第3、第5项' });
    // 、 and the next number with its 项 but no 第; not after 和 (表1第12项和3项配套措施: three measures)
    assert.deepStrictEqual(shape('落实表2第3项、5项'), { table: 2, items: [3, 5], text: '表2第3项、5项' });
    assert.deepStrictEqual(shape('落实表1第12项和3项配套措施'), { table: 1, items: [12], text: '表1第12项' });
    assert.deepStrictEqual(shape('落实表2第3、第5至第7项'), { table: 2, items: [3, 5, 6, 7], text: '表2第3、第5至第7项' });
  });

  it('reads the words between a table and its item: 表1中第12项, 表1的第12项, 表1所列第12项, 表1中的第12、13项', () => {
    assert.deepStrictEqual(shape('落实表1中第12项'), { table: 1, items: [12], text: '表1中第12项' });
    assert.deepStrictEqual(shape('落实表1的第12项'), { table: 1, items: [12], text: '表1的第12项' });
    assert.deepStrictEqual(shape('落实表1所列第12项任务'), { table: 1, items: [12], text: '表1所列第12项' });
    assert.deepStrictEqual(shape('落实表1中的第12、13项'), { table: 1, items: [12, 13], text: '表1中的第12、13项' });
  });

  it('reads 第…项至第…项 next to a list, and keeps a written range of two ranges apart', () => {
    assert.deepStrictEqual(shape('落实表2第3项至第5项、第7项'), { table: 2, items: [3, 4, 5, 7], text: '表2第3项至第5项、第7项' });
    assert.deepStrictEqual(shape('落实表2第1至2项至第5项'), { table: 2, items: [1, 2, 5], text: '表2第1至2项至第5项' });
    // the end of a range after its 项 without 第, in a list too (as the grammar reads it)
    assert.deepStrictEqual(shape('落实表2第3项、第5项至7项'), { table: 2, items: [3, 5, 6, 7], text: '表2第3项、第5项至7项' });
    assert.deepStrictEqual(shape('落实表1第12项，3项举措'), { table: 1, items: [12], text: '表1第12项' });
    const text = '落实表2第3项至第5项';
    assert.deepStrictEqual(one(text).spans.map((s) => text.slice(s.start, s.end)), ['3项至第5']);
  });

  it('keeps one span per written element, with exact offsets', () => {
    const text = '落实表2第3项、第15项';
    const r = one(text);
    assert.deepStrictEqual(r.spans.map((s) => text.slice(s.start, s.end)), ['3', '15']);
    assert.strictEqual(text.slice(r.tableStart, r.tableEnd), '2');
  });

  it('reads a range that writes its table again, 表1第12项至表1第15项 or T1.12—T1.15, as one range', () => {
    for (const written of ['表1第12项至表1第15项', '表1第12项—表1第15项', '表 1 第 12 项 至 表 1 第 15 项', 'T1.12至T1.15', 'T1.12-T1.15', 'T1.12～T1.15', '表1-12至表1-15', '表一第十二项到表一第十五项']) {
      const text = `推进${written}落地`;
      const r = one(text);
      assert.deepStrictEqual([r.table, referencedItems(r), r.text], [1, [12, 13, 14, 15], written], written);
      assert.deepStrictEqual(r.spans.length, 1, written);
      assert.strictEqual(text.slice(r.spans[0].start, r.spans[0].end).replace(/\s/g, '').slice(-2), /十五/.test(written) ? '十五' : '15', written);
    }
    // not across tables, forms or a list separator; not after a list or before one
    for (const [text, expected] of [
      ['落实表2第1、3项至表2第5项', ['表2第1、3项', '表2第5项']],
      ['落实表1第57项至表2第3项', ['表1第57项', '表2第3项']],
      ['落实表1第12项至T1.15', ['表1第12项', 'T1.15']],
      ['落实表1第12项至表一第15项', ['表1第12项', '表一第15项']], // the table written another way (the grammar's backreference)
      ['落实表1第12项、表1第15项', ['表1第12项', '表1第15项']],
      ['落实表1第12项至表1第15、16项', ['表1第12项', '表1第15、16项']],
      ['落实T1.12，T1.15', ['T1.12', 'T1.15']],
    ] as const) assert.deepStrictEqual(scanReferences(text).map((r) => r.text), expected, text);
    // backwards, as 表1第15至12项: a range that names no task
    assert.deepStrictEqual(referencedItems(one('表1第15项至表1第12项')), []);
  });

  it('keeps a backwards range as written, naming no task', () => {
    const r = one('表1第15至12项');
    assert.deepStrictEqual([r.spans[0].from, r.spans[0].to], [15, 12]);
    assert.deepStrictEqual(referencedItems(r), []);
  });

  it('finds several references in order with UTF-16 offsets, after astral characters', () => {
    const text = '😀表1第1项，𠀀T2.3 和表3-4';
    const refs = scanReferences(text);
    assert.deepStrictEqual(refs.map((r) => r.text), ['表1第1项', 'T2.3', '表3-4']);
    assert.strictEqual(refs[0].start, 2, 'an emoji is two UTF-16 code units');
    assert.strictEqual(text.slice(refs[1].start, refs[1].end), 'T2.3');
    const lines = new LineIndex('第一行\n' + text);
    assert.deepStrictEqual(lines.positionAt(4 + refs[0].start), { line: 1, character: 2 });
  });

  const lookAlikes = [
    'ST1.12 股票', '版本1.12 发布', 'v1.12', 'https://example.com/T1.12', 'http://x.cn/表1第12项', 'www.example.com/T1-12',
    'ABCT1.12', 'T1.12.3 版本', 'T1.12a', '表1.12.3', 'file_T1.12', 'file__T1.12', '@T1.12', '表1', '第12项', 'IT1.2', 'T12', '表格第1项', 'a/T1.12',
  ];
  for (const text of lookAlikes) {
    it(`finds nothing in the look-alike "${text}"`, () => {
      assert.deepStrictEqual(scanReferences(text).map((r) => r.text), []);
    });
  }

  it('finds references in a prefixed extra source only with its prefix', () => {
    const refs = scanReferences('SZ表1第3项与SZ:T1.4及表1第5项', { prefixes: ['SZ'] });
    assert.deepStrictEqual(refs.map((r) => [r.prefix, r.table, referencedItems(r)[0]]), [['SZ', 1, 3], ['SZ', 1, 4], ['', 1, 5]]);
  });

  it('finds task numbers written without a table, but not inside full references', () => {
    const text = '落实第12项、任务3、试点任务第5项，以及表1第12项、第13项。第3季度完成。';
    const refs = scanReferences(text);
    assert.deepStrictEqual(scanBareTaskNumbers(text, refs).map((b) => [b.text, b.item]), [['第12项', 12], ['任务3', 3], ['试点任务第5项', 5]]);
  });

  it('reads a list or range written without its table as one, with its elements as a reference\'s', () => {
    const text = '落实第3、5项；第3至5项；第3项至第5项；第12项、13项；第三至五项。';
    const found = scanBareTaskNumbers(text, scanReferences(text)).map((b) => [b.text, b.item, b.spans?.map((s) => [s.from, s.to, text.slice(s.start, s.end)])]);
    assert.deepStrictEqual(found, [
      ['第3、5项', 3, [[3, 3, '3'], [5, 5, '5']]],
      ['第3至5项', 3, [[3, 5, '3至5']]],
      ['第3项至第5项', 3, [[3, 5, '3项至第5']]],
      ['第12项、13项', 12, [[12, 12, '12'], [13, 13, '13']]],
      ['第三至五项', 3, [[3, 5, '三至五']]],
    ]);
    // a backwards range is read as written, for unknown-task to say so
    const backwards = '落实第15至12项。';
    assert.deepStrictEqual(scanBareTaskNumbers(backwards, []).map((b) => b.spans), [[{ from: 15, to: 12, start: 3, end: 8 }]]);
  });

  it('leaves bare numbers joined by 和 two numbers, 第3-5项 to nonstandard-reference, and a list or range with a 0 unread', () => {
    const text = '围绕第6项和第8项要求；落实第3-5项；第3、0项；第0至2项。';
    const found = scanBareTaskNumbers(text, scanReferences(text)).map((b) => [b.text, b.item, b.spans]);
    assert.deepStrictEqual(found, [['第6项', 6, undefined], ['第8项', 8, undefined]]);
  });

  it('reads a T-form in Markdown\'s underscores of emphasis (__T1.12__, _T1.13_), not after a word\'s underscore', () => {
    assert.deepStrictEqual(scanReferences('- __T1.12__ 与 _T1.13_，非 a_T1.14').map((r) => r.text), ['T1.12', 'T1.13']);
  });

  it('does not read a number counted within a year (2025年第3项重点民生实事, 今年第2项) as a task, but 到2025年第12项任务 is one', () => {
    const text = '列入2025年第3项重点民生实事；今年第2项工作；二〇二五年度第4项；到2025年第12项任务完成。';
    assert.deepStrictEqual(scanBareTaskNumbers(text, scanReferences(text)).map((b) => b.text), ['第12项']);
  });

  it('does not read 任务1.12 or 任务1-12 (a table and a task) as task 1', () => {
    const text = '落实任务1.12、任务2-3和任务１．５，以及任务12。';
    assert.deepStrictEqual(scanBareTaskNumbers(text, scanReferences(text)).map((b) => [b.text, b.item]), [['任务12', 12]]);
  });
});

describe('numerals', () => {
  it('reads Arabic, full-width and Chinese numerals', () => {
    const cases: [string, number][] = [['12', 12], ['１２', 12], ['十二', 12], ['十', 10], ['二十', 20], ['五十七', 57], ['一百零五', 105], ['〇', 0], ['两', 2], ['二〇二二', 2022]];
    for (const [s, n] of cases) assert.strictEqual(parseInteger(s), n, s);
    assert.strictEqual(parseInteger('十二a'), undefined);
  });
});

describe('LineIndex', () => {
  it('treats \\n, \\r\\n and a lone \\r as line breaks, as LSP does', () => {
    const li = new LineIndex('a\r\nb\rc\nd');
    assert.strictEqual(li.lineCount, 4);
    assert.deepStrictEqual(li.positionAt(5), { line: 2, character: 0 });
    assert.strictEqual(li.offsetAt({ line: 3, character: 0 }), 7);
    assert.strictEqual(li.offsetAt({ line: 0, character: 99 }), 1, 'clamps to the line end');
  });

  it('reads the numbers that open lines broken by LF, CRLF or a lone CR alike (heading-numbering)', () => {
    const numbers = (eol: string) => headingNumbersIn(['标题', '一、总体要求', '二、重点任务', '（一）商务服务'].join(eol))?.map((n) => [n.level, n.value, n.start]);
    assert.deepStrictEqual(numbers('\r'), [[1, 1, 3], [1, 2, 10], [2, 1, 18]]);
    assert.deepStrictEqual(numbers('\n'), numbers('\r'));
    assert.deepStrictEqual(numbers('\r\n'), [[1, 1, 4], [1, 2, 12], [2, 1, 21]]);
  });
});
