#!/usr/bin/env node
// Source of syntaxes/policy-lens.injection.tmLanguage.json.
//
// TextMate grammars cannot share regex fragments, so the number / unit / comparator
// vocabulary would be copy-pasted into several 300-character regexes. This script
// keeps those fragments named in one place and writes the JSON.
//
//   node test/grammar/build-injection-grammar.mjs          # rewrite the JSON
//   node test/grammar/build-injection-grammar.mjs --check  # exit 1 if the JSON is stale
//
// Edit this file, not the JSON; test/grammar/run.sh runs --check.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../../syntaxes/policy-lens.injection.tmLanguage.json', import.meta.url));

// ---- scope names -------------------------------------------------------------
const SC = {
  ref: 'meta.reference.task.policy-lens',
  refRange: 'meta.reference.task.range.policy-lens',
  refList: 'meta.reference.task.list.policy-lens',
  keyword: 'keyword.other.policy-lens', // 表 第 项 T 任务清单
  number: 'constant.numeric.policy-lens', // table / item numbers; threshold quantity (+unit)
  sep: 'punctuation.separator.policy-lens', // . - in 表1.12 / T1-12
  rangeOp: 'keyword.operator.range.policy-lens', // 至 到 - — ~
  listSep: 'punctuation.separator.list.policy-lens', // 、 ， , 和 及 与 以及
  threshold: 'meta.threshold.policy-lens',
  comparator: 'keyword.operator.comparison.policy-lens', // 不低于 以…为限 以上 …
  change: 'keyword.other.change.policy-lens', // 降为 提高至 … (before a comparator)
};

// ---- regex fragments (no capturing groups inside fragments) ------------------
const S = '\\s*';
const alt = (...xs) => `(?:${xs.join('|')})`;

// Task references
const DIGITS = '[0-9０-９]+';
const CN_DIGITS = '[零〇一二两三四五六七八九十百]+';
const N = alt(DIGITS, CN_DIGITS); // 12, １２, 十二
const RANGE_OP = alt('至', '到', '——?', '[-~～〜–－]'); // 至 到 — —— - ~ ～ 〜 – －
const LIST_SEP = alt('、', '，', ',', '以及', '和', '及', '与');
const COMPACT_SEP = '[.．\\-－]';
// rejects 表1.12.3, T1.12a; not T1.12-14 (the scanner reads T1.12 there: a range written short, which nonstandard-reference says)
const NOT_MORE_COMPACT = `(?![0-9０-９A-Za-z_]|[.．][0-9０-９])`;
// T or the full-width Ｔ (as the scanner reads it); rejects ST1.12, /T1.12, v.T1.12, x-T1.12, x_T1.12, but not Markdown's
// underscores of emphasis (__T1.12__: up to three, a lookbehind here being of fixed lengths); not T1.15 after a number's
// hyphen (T1.12-T1.15)
const NOT_AFTER_WORD_OR_PATH = '(?<![A-Za-z0-9./]|[A-Za-z0-9./]_|[A-Za-z0-9./]__|[A-Za-z0-9./]___|[A-Za-z_./-]-)';
// after T1.12, as NOT_MORE_COMPACT, but an underscore may close Markdown's emphasis (__T1.12__)
const NOT_MORE_COMPACT_ID = `(?![0-9０-９A-Za-z]|[.．][0-9０-９])`;

// Quantities in threshold phrases
const AR_NUM = '[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?'; // 67 1,000 1.5 ６７
const CN_INT = '[零〇一二两三四五六七八九十百千]+';
const CN_NUM = `${CN_INT}(?:点[零〇一二三四五六七八九]+)?`; // 两 十二 一点五
const SCALE = alt('万亿', '千万', '百万', '万', '亿', '千');
// 六成 is 60%; 成 that begins a word (一成不变, 两成员国, 三成本) is not a unit (as server/src/core/quantity.ts reads it)
// 六成五 is 65%: one Chinese digit after 成 that no more of a number follows is the next place
const PERCENT = alt('[%％‰]', '个百分点', '成(?![员本果立为效功熟绩交都型长品套片就败像不])(?:[一二两三四五六七八九](?![零〇一二两三四五六七八九十百千]))?');
const UNIT = alt(
  '个?(?:工作日|自然日|季度|月|年度|年|周|星期|日|天|小时|分钟)',
  '(?:美元|欧元|港元|港币|日元|英镑|元人民币|元|人民币)',
  '(?:倍|人次|人|名|家|户|项|次|个|台|套|件|份|所|座|吨|公里|千米|平方米|米|亩|公顷|千瓦|兆瓦|岁)',
);
const CURRENCY_PREFIX = `(?:(?:人民币|美元|[￥¥$])${S})?`;
// A bare Chinese numeral (no unit) must not run into more Han text: 高于一般 is not 高于一.
const CN_BARE_END = '(?!(?!以|之|为|及|或)\\p{Han})';
const QTY = alt(
  `${alt(CN_INT, DIGITS)}分之${alt(CN_NUM, AR_NUM)}`, // 百分之六十七, 三分之二, 千分之五
  `${CURRENCY_PREFIX}${AR_NUM}(?:${S}${PERCENT}|(?:${S}${SCALE})?(?:${S}${UNIT})?)`, // 67% 5年 2亿美元 3
  `${CURRENCY_PREFIX}${CN_NUM}(?:${S}${PERCENT}|${S}${SCALE}(?:${S}${UNIT})?|${S}${UNIT}|${CN_BARE_END})`, // 两亿美元 三年
);
const COMP_BEFORE = alt(
  '不低于', '不高于', '不少于', '不多于', '不超过', '不大于', '不小于', '不足', '不满', '未满',
  '至少', '至多', '最少', '最多', '低于', '高于', '超过', '少于', '多于', '大于', '小于', '[≥≤⩾⩽]',
);
const COMP_AFTER = '(?:及|或)?(?:以上|以下|以内|之内|以外)'; // 3年以上 50%以下 30日以内
// A quantity starting the phrase must not continue a number or follow the ordinal 第 (第一项以下简称).
const QTY_START = '(?<![第0-9０-９.．,零〇一二两三四五六七八九十百千万亿])';
const CHANGE = alt(
  '降低为', '降低至', '降低到', '降为', '降至', '降到', '提高为', '提高至', '提高到', '提升至', '上调至', '下调至',
  '调整为', '调整至', '放宽为', '放宽至', '缩短为', '缩短至', '延长为', '延长至', '增至', '减至', '改为',
);

// ---- tiny builder: sequence of raw strings / captures / optional groups --------
const cap = (re, scope, patterns) => ({ re, scope, patterns });
const opt = (...parts) => ({ opt: parts });
function rule(name, comment, ...parts) {
  let src = '';
  let n = 0;
  const captures = {};
  const walk = (p) => {
    if (typeof p === 'string') src += p;
    else if (p.opt) { src += '(?:'; p.opt.forEach(walk); src += ')?'; }
    else {
      n += 1;
      captures[n] = { ...(p.scope && { name: p.scope }), ...(p.patterns && { patterns: p.patterns }) };
      src += `(${p.re})`;
    }
  };
  parts.forEach(walk);
  return { comment, name, match: src, captures };
}

const kw = (re) => cap(re, SC.keyword);
const num = (re = N) => cap(re, SC.number);
// 表1中第12项, 表1的第12项, 表1所列第12项: the words between a table and its item are part of the reference
// the words and the blanks after them in one optional group: S, (?:中|的…)?, S would try every split of a run of blanks
// not the plan's own annex table, list or chart (附表1第3项, 列表1第2项), as the scanner reads them
const NOT_OWN_TABLE = '(?<![附列图报])';
const TABLE = [opt(kw('任务清单'), S), NOT_OWN_TABLE, kw('表'), S, num(), S, `(?:(?:中的|中|的|所列的?)${S})?`];

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Policy Lens (injection)',
  scopeName: 'policy-lens.injection',
  comment:
    'GENERATED by test/grammar/build-injection-grammar.mjs (edit that, then run it). ' +
    `Task references: ${SC.ref} | ${SC.refRange} | ${SC.refList} (select all three with "meta.reference.task"); ` +
    `inside them ${SC.keyword} = 表 第 项 T 任务清单, ${SC.number} = table/item numbers, ${SC.sep} = the . or - of 表1.12/T1-12, ` +
    `${SC.rangeOp} = 至 - — ~, ${SC.listSep} = 、 和 及. ` +
    `Thresholds: ${SC.threshold}; inside it ${SC.comparator} = 不低于 以上 以…为限 …, ${SC.number} = quantity with unit ` +
    `(67%, 5 年, 两亿美元), ${SC.change} = 降为 提高至 … before a comparator. ` +
    'No "L:" priority in injectionSelector on purpose: with L: a reference at column 0 beats the Markdown ' +
    'paragraph rule, so the rest of that line loses inline parsing (`code` after it gets highlighted).',
  injectionSelector:
    'text.html.markdown -comment -markup.fenced_code -markup.inline.raw -markup.raw.block -markup.underline.link, text.plain, text.policy-lens.comparison',
  patterns: [{ include: '#task-reference' }, { include: '#threshold' }],
  repository: {
    'task-reference': {
      comment: 'Order matters: at the same start position the first pattern wins (list > range > single > compact).',
      patterns: [
        rule(SC.refList, '表2第3、5项 / 表2第3项、第5项 / 表2第3、5至7项', ...TABLE,
          // as the scanner reads a list: an element's range may follow its 项 (第14项至17项); after a closed element
          // (第12项) the next needs its 第 unless 、 separates them (第12项和13项 is 第12项: 和3项措施 counts something else)
          cap(`第${S}${N}(?:(?:${S}项)?${S}${RANGE_OP}${S}(?:第${S})?${N})?(?:${S}项)?` +
            `(?:${S}(?:(?<!项)${LIST_SEP}|、|${LIST_SEP}(?=${S}第))${S}(?:第${S})?${N}(?:(?:${S}项)?${S}${RANGE_OP}${S}(?:第${S})?${N})?(?:${S}项)?)+(?<=项)`,
          null, [{ include: '#list-items' }])),
        rule(SC.refRange, '表1第12至15项 / 表1第12-15项 / 表1第12项至第15项', ...TABLE,
          kw('第'), S, num(), S, opt(kw('项'), S), cap(RANGE_OP, SC.rangeOp), S, opt(kw('第'), S), num(), S, kw('项')),
        // the table written again: the same as written (a backreference to its number, group 3 of TABLE)
        rule(SC.refRange, '表1第12项至表1第15项 (not 表1第57项至表2第3项)', ...TABLE,
          kw('第'), S, num(), S, kw('项'), S, cap(RANGE_OP, SC.rangeOp), S, kw('表'), S, num('\\3'), S, `(?:(?:中的|中|的|所列的?)${S})?`,
          kw('第'), S, num(), S, kw('项'), `(?!${S}${LIST_SEP}${S}(?:第${S})?${N})`),
        rule(SC.refRange, '表1-12至表1-15', opt(kw('任务清单'), S), NOT_OWN_TABLE, kw('表'), S, num(DIGITS), cap(COMPACT_SEP, SC.sep), num(DIGITS), S,
          cap(RANGE_OP, SC.rangeOp), S, kw('表'), S, num('\\3'), cap(COMPACT_SEP, SC.sep), num(DIGITS), NOT_MORE_COMPACT),
        rule(SC.refRange, 'T1.12至T1.15 / T1.12-T1.15', NOT_AFTER_WORD_OR_PATH, kw('[TＴ]'), num(DIGITS), cap(COMPACT_SEP, SC.sep), num(DIGITS), S,
          cap(RANGE_OP, SC.rangeOp), S, kw('[TＴ]'), num('\\2'), cap(COMPACT_SEP, SC.sep), num(DIGITS), NOT_MORE_COMPACT_ID),
        rule(SC.ref, '表1第12项 / 表 1 第 12 项 / 表一第十二项 / 任务清单表1第12项', ...TABLE,
          kw('第'), S, num(), S, kw('项')),
        rule(SC.ref, '表1.12 / 表1-12 (not 表1.12.3)', opt(kw('任务清单'), S), NOT_OWN_TABLE, kw('表'), S,
          num(DIGITS), cap(COMPACT_SEP, SC.sep), num(DIGITS), NOT_MORE_COMPACT),
        rule(SC.ref, 'T1.12 / T1-12 (not ST1.12, …/T1.12, T1.12.3)', NOT_AFTER_WORD_OR_PATH, kw('[TＴ]'),
          num(DIGITS), cap(COMPACT_SEP, SC.sep), num(DIGITS), NOT_MORE_COMPACT_ID),
      ],
    },
    'list-items': {
      comment: 'Re-tokenizes the 第…项 part of a list reference.',
      patterns: [
        { match: '第|项', name: SC.keyword },
        { match: RANGE_OP, name: SC.rangeOp },
        { match: LIST_SEP, name: SC.listSep },
        { match: N, name: SC.number },
      ],
    },
    threshold: {
      patterns: [
        rule(SC.threshold, '以5年为限 / 以 5 年为限', cap('以', SC.comparator), S, cap(QTY, SC.number), S,
          cap('为(?:上限|下限|限)', SC.comparator)),
        rule(SC.threshold, '不低于67% / 降为不低于两亿美元 / 至少3年(以上)', opt(cap(CHANGE, SC.change), S),
          cap(COMP_BEFORE, SC.comparator), S, cap(QTY, SC.number), opt(S, cap(COMP_AFTER, SC.comparator))),
        rule(SC.threshold, '3年以上 / 50%以下 / 30日以内 (not 第一项以下)', QTY_START, cap(QTY, SC.number), S, cap(COMP_AFTER, SC.comparator)),
      ],
    },
  },
};

const text = `${JSON.stringify(grammar, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(OUT, 'utf8'); } catch { /* missing */ }
  if (current !== text) {
    console.error(`${OUT} is out of date: run node test/grammar/build-injection-grammar.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}
