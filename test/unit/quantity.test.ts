import * as assert from 'assert';
import fc from 'fast-check';
import {
  Comparator, QuantityPhrase, comparatorWords, contradicts, findQuantities, formatQuantity, readNumber, sameQuantity,
} from '../../server/src/core/quantity';

/** The single quantity in `text` (fails when there is not exactly one). */
function one(text: string): QuantityPhrase {
  const qs = findQuantities(text);
  assert.strictEqual(qs.length, 1, `expected one quantity in ${JSON.stringify(text)}, got ${JSON.stringify(qs.map(q => q.text))}`);
  return qs[0];
}

function reads(text: string, value: number, unit: string, comparator?: Comparator, comparatorText?: string): QuantityPhrase {
  const q = one(text);
  assert.strictEqual(q.value, value, `value of ${text}`);
  assert.strictEqual(q.unit, unit, `unit of ${text}`);
  assert.strictEqual(q.comparator, comparator, `comparator of ${text}`);
  if (comparatorText !== undefined) assert.strictEqual(q.comparatorText, comparatorText);
  return q;
}

describe('readNumber', () => {
  it('reads a range (3至5年, 51%-67%, 1亿至3亿美元) as one quantity: its upper end, and its lower end as low', () => {
    const read = (t: string) => findQuantities(t).map((q) => [q.text, q.low, q.value, q.unit]);
    assert.deepStrictEqual(read('过渡期一般为3至5年'), [['3至5年', 3, 5, 'year']]);
    assert.deepStrictEqual(read('中方股比51%-67%'), [['51%-67%', 51, 67, 'percent']]);
    assert.deepStrictEqual(read('资产总额1亿至3亿美元'), [['1亿至3亿美元', 1e8, 3e8, 'USD']]);
    assert.deepStrictEqual(read('由5年降至3年'), [['5年', undefined, 5, 'year'], ['降至3年', undefined, 3, 'year']], 'a change is no range');
  });

  it('reads Arabic integers, thousands separators and decimals', () => {
    assert.strictEqual(readNumber('67'), 67);
    assert.strictEqual(readNumber('1,000'), 1000);
    assert.strictEqual(readNumber('200,000,000'), 200000000);
    assert.strictEqual(readNumber('1.5'), 1.5);
  });

  it('reads full-width digits and the full-width decimal point', () => {
    assert.strictEqual(readNumber('６７'), 67);
    assert.strictEqual(readNumber('１．５'), 1.5);
  });

  it('reads Chinese numerals with their scales', () => {
    const cases: [string, number][] = [['三', 3], ['十', 10], ['十二', 12], ['二十', 20], ['一百零五', 105], ['〇', 0],
      ['两亿', 2e8], ['五千万', 5e7], ['两亿五千万', 2.5e8], ['一千零十', 1010], ['三万', 30000], ['一万亿', 1e12]];
    for (const [s, v] of cases) assert.strictEqual(readNumber(s), v, s);
  });

  it('reads year-style digit strings such as 二〇二三', () => {
    assert.strictEqual(readNumber('二〇二三'), 2023);
    assert.strictEqual(readNumber('一九九九'), 1999);
  });

  it('applies 万/亿/千万/百万/千 scales to Arabic numbers, with or without a space', () => {
    assert.strictEqual(readNumber('2亿'), 2e8);
    assert.strictEqual(readNumber('2 亿'), 2e8);
    assert.strictEqual(readNumber('1.5万'), 15000);
    assert.strictEqual(readNumber('2千万'), 2e7);
    assert.strictEqual(readNumber('3百万'), 3e6);
    assert.strictEqual(readNumber('5千'), 5000);
    assert.strictEqual(readNumber('0.1亿'), 1e7);
  });

  it('returns undefined for percentages, units and non-numbers', () => {
    for (const s of ['百分之六十七', '67%', '5年', 'abc', '', '1,00', '12a', '第三']) assert.strictEqual(readNumber(s), undefined, s);
    assert.strictEqual(readNumber(undefined as unknown as string), undefined);
  });
});

describe('findQuantities on phrases from the source document', () => {
  it('reads 中方股比不低于 67% as at least 67 percent', () => {
    reads('中方股比不低于 67%', 67, 'percent', '>=', '不低于');
  });

  it('reads 外资股比不超过50% as at most 50 percent', () => {
    reads('（外资股比不超过50%）', 50, 'percent', '<=', '不超过');
  });

  it('reads 以 5 年为限 as at most 5 years written 以…为限', () => {
    reads('现有建设用地过渡期支持政策以 5 年为限', 5, 'year', '<=', '以…为限');
  });

  it('reads 降为不低于两亿美元 as at least 200 million USD', () => {
    reads('外国投资者资产总额降为不低于两亿美元', 2e8, 'USD', '>=', '降为不低于');
  });

  it('reads 执业不少于3年 as at least 3 years', () => {
    reads('执业不少于3年的资质要求', 3, 'year', '>=', '不少于');
  });

  it('reads 经过3年试点 as 3 years without a comparator', () => {
    const q = reads('经过3年试点', 3, 'year', undefined);
    assert.strictEqual(q.comparatorText, undefined);
    assert.strictEqual(q.text, '3年');
  });

  it('reads every threshold of the seed document and nothing that is a date, ordinal or ID', () => {
    const text = '（商资发〔2022〕212号）\n2022年12月29日\n<p>12. 允许外商投资社会调查，中方股比不低于 67%</p>\n' +
      '开放国内互联网虚拟专用网业务（外资股比不超过 50%），全球 IPv6 测试中心，“5G+车联网”，入围世界 500 强等，“五位一体”';
    assert.deepStrictEqual(findQuantities(text).map(q => q.text), ['不低于 67%', '不超过 50%']);
  });
});

describe('findQuantities on plan phrases', () => {
  it('reads changed thresholds such as 不低于51% and 不超过67%', () => {
    reads('中方股比不低于51%', 51, 'percent', '>=');
    reads('中方股比不超过67%', 67, 'percent', '<=');
  });

  it('reads 不低于2千万美元 and 不低于２亿美元 in USD', () => {
    reads('不低于2千万美元', 2e7, 'USD', '>=');
    reads('不低于２亿美元', 2e8, 'USD', '>=');
  });

  it('reads 以五年为限 with a Chinese numeral', () => {
    reads('以五年为限', 5, 'year', '<=', '以…为限');
  });

  it('reads 投资5亿元 as 500 million CNY without a comparator', () => {
    reads('投资5亿元', 5e8, 'CNY', undefined);
  });

  it('reads 培育10家企业 as a count of 10 that keeps the counter 家', () => {
    const q = reads('培育10家企业', 10, 'count', undefined);
    assert.strictEqual(q.counter, '家');
  });
});

describe('numbers and units', () => {
  it('reads every spelling of two hundred million dollars to the same quantity', () => {
    for (const s of ['两亿美元', '2亿美元', '200,000,000美元', '2 亿美元', 'US$200,000,000', '２亿美元', 'USD 200,000,000', '$200,000,000', '2亿美金']) {
      reads(s, 2e8, 'USD');
    }
  });

  it('reads every spelling of sixty-seven percent to 67 percent', () => {
    for (const s of ['67%', '67％', '６７％', '百分之六十七', '百分之67']) reads(s, 67, 'percent');
  });

  it('reads tenths (六成) and fractions (三分之二, 千分之五) as percentages', () => {
    reads('外资股比不超过六成', 60, 'percent', '<=', '不超过');
    reads('3成以上', 30, 'percent', '>=', '以上');
    reads('六成五', 65, 'percent');
    // the bound after a digit read past 成 is the quantity's: 六成五以上 is at least 65%, not 65%
    const q = reads('外资股比六成五以上', 65, 'percent', '>=', '以上');
    assert.strictEqual(q.text, '六成五以上');
    reads('六成五 及以上', 65, 'percent', '>=', '及以上');
    reads('不低于三分之二', Number((200 / 3).toPrecision(15)), 'percent', '>=');
    reads('二分之一以上', 50, 'percent', '>=');
    reads('10分之3', 30, 'percent');
    reads('千分之五', 0.5, 'percent');
    assert.strictEqual(findQuantities('不低于三分之二')[0].valueStart, 3, 'the value is the whole fraction');
  });

  it('reads half (半数, 一半, 过半) as fifty percent, 过 and a comparator before it or a bound after it as its comparator', () => {
    reads('中方持股过半', 50, 'percent', '>', '过');
    reads('外资股比不超过半数', 50, 'percent', '<=', '不超过');
    reads('超过半数的企业', 50, 'percent', '>', '超过');
    reads('中方股比半数以上', 50, 'percent', '>=', '以上');
    reads('过半数以上', 50, 'percent', '>', '以上');
    reads('达到半数以上', 50, 'percent', '>=', '以上');
    assert.strictEqual(findQuantities('外资股比不超过半数')[0].text, '不超过半数');
    // half a span of time, and a half that is no share, are not read
    reads('外资股比不得超过一半', 50, 'percent', '<=', '不得超过');
    reads('外资持股不得过半', 50, 'percent', '<=', '不得过');
    assert.strictEqual(findQuantities('外资持股不得过半')[0].text, '不得过半');
    for (const s of ['过半年后', '半数年', '一半年', '半年']) assert.deepStrictEqual(findQuantities(s).filter((q) => q.unit === 'percent'), [], s);
    // in order among the other quantities
    assert.deepStrictEqual(findQuantities('过半，且不低于67%').map((q) => q.value), [50, 67]);
  });

  it('reads no tenths in words that begin with 成 (一成不变, 两成员国) or past ten, and no fraction over one', () => {
    for (const s of ['一成不变', '两成员国', '三成本', '八十成', '五分之六', '三分之二年', '建成']) {
      assert.deepStrictEqual(findQuantities(s).filter((q) => q.unit === 'percent'), [], s);
    }
  });

  it('reads 年, 个月, 日, 天 and 工作日 as durations', () => {
    reads('期限3年', 3, 'year');
    reads('试行6个月', 6, 'month');
    reads('30日内', 30, 'day', '<=');
    reads('15天', 15, 'day');
    reads('5个工作日', 5, 'day');
  });

  it('normalises 人民币, 元, 万元, 亿元 and ￥ to CNY', () => {
    reads('人民币5亿元', 5e8, 'CNY');
    reads('注册资本3000万元', 3e7, 'CNY');
    reads('2亿元人民币', 2e8, 'CNY');
    reads('人民币1,000', 1000, 'CNY');
    reads('￥50', 50, 'CNY');
    reads('1.5亿元', 1.5e8, 'CNY');
  });

  it('reads counts with their counter word', () => {
    const cases: [string, number, string][] = [['3个', 3, '个'], ['12项', 12, '项'], ['两所', 2, '所'], ['100人', 100, '人'],
      ['五次', 5, '次'], ['1.5万人次', 15000, '人次'], ['十家', 10, '家']];
    for (const [s, v, counter] of cases) assert.strictEqual(reads(s, v, 'count').counter, counter, s);
  });

  it('reads a bare Arabic number as unit none', () => {
    reads('数量为120', 120, 'none', '=');
    reads('共计 1,000 余', 1000, 'none');
  });

  it('keeps decimal values exact after scaling', () => {
    assert.strictEqual(one('1.5万').value, 15000);
    assert.strictEqual(one('0.3亿元').value, 3e7);
    assert.strictEqual(one('12.5%').value, 12.5);
  });

  it('needs a unit or an adjacent comparator before it reads a Chinese numeral', () => {
    assert.deepStrictEqual(findQuantities('统一标准，十四五规划，党的二十大'), []);
    reads('不低于两亿，', 2e8, 'none', '>=');
    assert.deepStrictEqual(findQuantities('不低于一流水平'), []);
  });
});

describe('comparators', () => {
  const table: [Comparator, string[]][] = [
    ['>=', ['不低于', '不少于', '至少', '不小于', '≥', '降为不低于', '大于等于']],
    ['<=', ['不超过', '不高于', '不多于', '至多', '≤', '不大于']],
    ['<', ['低于', '少于', '小于', '不足', '<']],
    ['>', ['高于', '超过', '多于', '大于', '>']],
    ['=', ['为', '达到', '=']],
  ];
  for (const [c, words] of table) {
    it(`reads ${words.join(' ')} before a number as '${c}'`, () => {
      for (const w of words) reads(`比例${w}30%`, 30, 'percent', c, w);
    });
  }

  it('prefers the longest words so that 不低于 is not 低于 and 不超过 is not 超过', () => {
    assert.strictEqual(one('不低于5家').comparator, '>=');
    assert.strictEqual(one('不超过5家').comparator, '<=');
    assert.strictEqual(one('不少于5家').comparator, '>=');
    assert.strictEqual(one('大于等于5家').comparator, '>=');
  });

  it('reads 以上 after the number as at least and 以下/以内 as at most', () => {
    reads('3年以上', 3, 'year', '>=', '以上');
    reads('50%以下', 50, 'percent', '<=', '以下');
    // 为 or 达到 before the value and 以上 or 以下 after it: the word after it is the bound
    assert.strictEqual(reads('为67%以上', 67, 'percent', '>=', '以上').text, '为67%以上');
    assert.strictEqual(reads('达到51%及以上', 51, 'percent', '>=', '及以上').text, '达到51%及以上');
    reads('在3年以内', 3, 'year', '<=', '以内');
    reads('10家及以上', 10, 'count', '>=', '及以上');
    reads('5年（含）以上', 5, 'year', '>=', '（含）以上');
  });

  it('does not read 以上述 (the aforesaid) as a comparator', () => {
    reads('3项以上述方式', 3, 'count', undefined);
  });

  it('reads 以 without 为限 as no comparator and leaves it out of the phrase', () => {
    const q = reads('以5亿元投资', 5e8, 'CNY', undefined);
    assert.strictEqual(q.text, '5亿元');
  });

  it('ignores comparators that are not adjacent to the quantity', () => {
    reads('不低于标准的企业投资5亿元', 5e8, 'CNY', undefined);
    reads('超过了预期，达成3年', 3, 'year', undefined);
  });

  it('keeps the word before the number when a phrase also has one after it', () => {
    const q = reads('不少于3年以上', 3, 'year', '>=', '不少于');
    assert.strictEqual(q.text, '不少于3年');
  });

  it('does not read markup such as <p>1. as a comparator', () => {
    assert.deepStrictEqual(findQuantities('<p>1. 依托</p><p>\t19. 发挥'), []);
    assert.deepStrictEqual(findQuantities('> 1. 引用中的列表'), []);
    reads('比例 > 5%', 5, 'percent', '>');
  });
});

describe('things that are not quantities', () => {
  it('skips dates and times', () => {
    for (const s of ['2023年3月', '2025年底前', '2022年12月29日', '3月底', '12月29日', '二〇二三年', '2023-03-01', '10:30', '十二月份', '2023年度', '三月', '一月起']) {
      assert.deepStrictEqual(findQuantities(s), [], s);
    }
  });

  it('skips a date even when a comparator word stands before it', () => {
    assert.deepStrictEqual(findQuantities('时间为2023年3月'), []);
    assert.deepStrictEqual(findQuantities('以2025年底为限'), []);
  });

  it('skips ordinals', () => {
    for (const s of ['第3季度', '第12项', '第三批', '第 5 条']) assert.deepStrictEqual(findQuantities(s), [], s);
  });

  it('skips table references such as 表1, 表1第12项, 表1-12, 表2第4至6项 and 表5第1、3项', () => {
    for (const s of ['表1', '见表1第12项', '表1-12', '附件2', '推动表2第4至6项落地', '落实表5第1、3项', '表1至表3', '第1-3项']) assert.deepStrictEqual(findQuantities(s), [], s);
  });

  it('skips numbers glued to Latin words and IDs', () => {
    for (const s of ['IPv6', '5G', '“5G+车联网”', 'T1.12', 'SaaS', 'RCEP', '3GPP标准']) assert.deepStrictEqual(findQuantities(s), [], s);
  });

  it('treats 500强 as a ranking name, not a quantity', () => {
    assert.deepStrictEqual(findQuantities('入围世界 500 强等知名榜单'), []);
    assert.deepStrictEqual(findQuantities('世界500强企业'), []);
  });

  it('skips list markers and document numbers', () => {
    assert.deepStrictEqual(findQuantities('（商资发〔2022〕212号）'), []);
    assert.deepStrictEqual(findQuantities('12. 允许外商投资\n（1）加强\n3、推进'), []);
  });

  it('skips numerals that are part of words or articles', () => {
    for (const s of ['千家万户', '一个中心', '一批项目', '一次性', '二次开发', '“五位一体”', '百家争鸣', '千万不要']) {
      assert.deepStrictEqual(findQuantities(s), [], s);
    }
  });
});

describe('offsets', () => {
  it('gives exact ranges for the whole phrase, the value and the comparator', () => {
    const text = '中方股比不低于 67%';
    const q = one(text);
    assert.deepStrictEqual([q.start, q.end, q.valueStart, q.valueEnd, q.comparatorStart, q.comparatorEnd], [4, 11, 8, 11, 4, 7]);
    assert.strictEqual(text.slice(q.valueStart, q.valueEnd), '67%');
    assert.strictEqual(q.text, text.slice(q.start, q.end));
  });

  it('spans 以…为限 from 以 to 为限 and keeps the value range inside it', () => {
    const text = '政策以 5 年为限。';
    const q = one(text);
    assert.strictEqual(text.slice(q.comparatorStart, q.comparatorEnd), '以 5 年为限');
    assert.strictEqual(text.slice(q.valueStart, q.valueEnd), '5 年');
    assert.strictEqual(q.text, '以 5 年为限');
  });

  it('covers a postfix comparator in the phrase but not in the value', () => {
    const text = '执业3年以上';
    const q = one(text);
    assert.strictEqual(q.text, '3年以上');
    assert.strictEqual(text.slice(q.valueStart, q.valueEnd), '3年');
    assert.strictEqual(text.slice(q.comparatorStart, q.comparatorEnd), '以上');
  });

  it('counts UTF-16 units correctly after astral characters and emoji', () => {
    const text = '😀𠀀👨‍👩‍👧 股比不低于67%，投资US$2亿';
    const qs = findQuantities(text);
    assert.deepStrictEqual(qs.map(q => text.slice(q.start, q.end)), ['不低于67%', 'US$2亿']);
    assert.deepStrictEqual(qs.map(q => q.text), ['不低于67%', 'US$2亿']);
    assert.strictEqual(qs[0].start, text.indexOf('不低于'));
    assert.strictEqual(text.slice(qs[1].valueStart, qs[1].valueEnd), 'US$2亿');
  });

  it('returns several quantities in order and without overlap', () => {
    const qs = findQuantities('外资股比不超过50%，注册资本不低于5000万元，培育10家企业，经过3年试点');
    assert.deepStrictEqual(qs.map(q => q.text), ['不超过50%', '不低于5000万元', '10家', '3年']);
    for (let i = 1; i < qs.length; i++) assert.ok(qs[i - 1].end <= qs[i].start);
  });
});

describe('robustness', () => {
  it('returns nothing for empty and non-string input', () => {
    assert.deepStrictEqual(findQuantities(''), []);
    assert.deepStrictEqual(findQuantities(null as unknown as string), []);
  });

  it('never throws and always returns in-range, ordered ranges that do not split surrogate pairs', () => {
    const vocab = ['不低于', '以', '为限', '年', '个月', '%', '两亿', '美元', '第', '表', '1', '67', ',', '.', '２', 'US$', '百分之',
      '以上', '<', 'G', '😀', '\uD800', '\uDC00', ' ', '家', '一', '〇', '万', '亿', '月', '日', '-'];
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...vocab) }),
      fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(...vocab))).map(a => a.join('')));
    const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
    const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
    fc.assert(fc.property(text, s => {
      const qs = findQuantities(s);
      let last = 0;
      for (const q of qs) {
        assert.ok(q.start >= last && q.start < q.end && q.end <= s.length);
        assert.ok(q.valueStart >= q.start && q.valueStart < q.valueEnd && q.valueEnd <= q.end);
        if (q.comparatorStart !== undefined) assert.ok(q.comparatorStart >= q.start && q.comparatorEnd! <= q.end);
        for (const at of [q.start, q.end]) assert.ok(!(isHigh(s.charCodeAt(at - 1)) && isLow(s.charCodeAt(at))));
        assert.strictEqual(q.text, s.slice(q.start, q.end));
        assert.ok(Number.isFinite(q.value));
        last = q.end;
      }
    }), { numRuns: 2000 });
  });

  // (how fast: npm run bench, which opens 1 MB plans; a test asserts what is read, not how long it took)
  it('reads the quantities of every line of a 1 MB document, and no date, item number or code', function () {
    this.timeout(10000);
    const chunk = '外资股比不超过50%，注册资本不低于5000万元，2023年3月，第12项，IPv6，统一推进服务业扩大开放综合试点工作。\n';
    const text = chunk.repeat(Math.ceil(1e6 / chunk.length));
    const qs = findQuantities(text);
    assert.strictEqual(qs.length, 2 * Math.ceil(1e6 / chunk.length));
  });
});

describe('sameQuantity', () => {
  it('tolerates float noise', () => {
    assert.ok(sameQuantity({ value: 0.1 + 0.2, unit: 'percent' }, { value: 0.3, unit: 'percent' }));
    assert.ok(sameQuantity(one('两亿美元'), one('US$200,000,000')));
  });

  it('distinguishes different values and different units', () => {
    assert.ok(!sameQuantity({ value: 67, unit: 'percent' }, { value: 51, unit: 'percent' }));
    assert.ok(!sameQuantity({ value: 5, unit: 'year' }, { value: 5, unit: 'month' }));
  });
});

describe('formatQuantity', () => {
  it('writes canonical Chinese for each unit', () => {
    assert.strictEqual(formatQuantity({ value: 67, unit: 'percent' }), '67%');
    assert.strictEqual(formatQuantity({ value: 2e8, unit: 'USD' }), '2亿美元');
    assert.strictEqual(formatQuantity({ value: 2e7, unit: 'USD' }), '2000万美元');
    assert.strictEqual(formatQuantity({ value: 5, unit: 'year' }, 'zh'), '5年');
    assert.strictEqual(formatQuantity({ value: 3, unit: 'year' }), '3年');
    assert.strictEqual(formatQuantity({ value: 6, unit: 'month' }), '6个月');
    assert.strictEqual(formatQuantity({ value: 30, unit: 'day' }), '30日');
    assert.strictEqual(formatQuantity({ value: 5e8, unit: 'CNY' }), '5亿元');
    assert.strictEqual(formatQuantity({ value: 10, unit: 'count', counter: '家' }), '10家');
    assert.strictEqual(formatQuantity({ value: 12345, unit: 'none' }), '12345');
    assert.strictEqual(formatQuantity({ value: 0.1 + 0.2, unit: 'percent' }), '0.3%');
  });

  it('writes text that reads back to the same quantity', () => {
    const samples = [{ value: 67, unit: 'percent' }, { value: 2e8, unit: 'USD' }, { value: 1.5e4, unit: 'CNY' },
      { value: 5, unit: 'year' }, { value: 6, unit: 'month' }, { value: 30, unit: 'day' }, { value: 123456789, unit: 'CNY' }] as const;
    for (const q of samples) assert.ok(sameQuantity(one(formatQuantity(q)), q), formatQuantity(q));
  });
});

describe('comparatorWords', () => {
  it('gives the canonical words for each comparator', () => {
    assert.deepStrictEqual((['>=', '<=', '<', '>', '='] as Comparator[]).map(comparatorWords), ['不低于', '不超过', '低于', '高于', '为']);
  });

  it('gives words that read back to the same comparator', () => {
    for (const c of ['>=', '<=', '<', '>', '='] as Comparator[]) assert.strictEqual(one(comparatorWords(c) + '67%').comparator, c);
  });
});

describe('contradicts', () => {
  const source = { comparator: '>=' as Comparator, value: 67, unit: 'percent' as const };

  it('accepts a plan that restates the source threshold', () => {
    assert.ok(!contradicts(one('中方股比不低于６７％'), source));
    assert.ok(!contradicts(one('不低于百分之六十七'), source));
  });

  it('flags a different value', () => {
    assert.ok(contradicts(one('中方股比不低于51%'), source));
  });

  it('flags a flipped or different comparator', () => {
    assert.ok(contradicts(one('中方股比不超过67%'), source));
    assert.ok(contradicts(one('中方股比低于67%'), source));
  });

  it('flags a bare number only when its value or unit differs', () => {
    assert.ok(!contradicts({ value: 67, unit: 'percent' }, source));
    assert.ok(contradicts({ value: 60, unit: 'percent' }, source));
    assert.ok(!contradicts({ value: 67, unit: 'none' }, source));
  });

  it('compares years with months and flags a different currency', () => {
    assert.ok(!contradicts({ comparator: '<=', value: 60, unit: 'month' }, { comparator: '<=', value: 5, unit: 'year' }));
    assert.ok(contradicts({ comparator: '<=', value: 3, unit: 'year' }, { comparator: '<=', value: 5, unit: 'year' }));
    assert.ok(contradicts(one('不低于两亿元'), { comparator: '>=', value: 2e8, unit: 'USD' }));
  });

  it('does not compare quantities of unrelated kinds', () => {
    assert.ok(!contradicts(one('培育10家企业'), source));
    assert.ok(!contradicts(one('经过3年试点'), { comparator: '>=', value: 2e8, unit: 'USD' }));
  });
});
