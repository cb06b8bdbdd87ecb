// Quantity reader: finds numbers with unit and comparator (不低于67%, 以5年为限, 两亿美元…) in Chinese text, with exact UTF-16 ranges.

export type Comparator = '>=' | '<=' | '<' | '>' | '=';
export type Unit = 'percent' | 'year' | 'month' | 'day' | 'USD' | 'CNY' | 'count' | 'none';

export interface QuantityPhrase {
  value: number;
  /** A range's lower end (3至5年: 3, `value` being 5), in the unit of its upper end. */
  low?: number;
  unit: Unit;
  counter?: string;
  comparator?: Comparator;
  comparatorText?: string;
  start: number; end: number;
  valueStart: number; valueEnd: number;
  comparatorStart?: number; comparatorEnd?: number;
  text: string;
}

// ---------------------------------------------------------------- vocabulary

const BASE_COMPARATORS: Record<string, Comparator> = {};
const addWords = (c: Comparator, words: string[]) => { for (const w of words) BASE_COMPARATORS[w] = c; };
/** A floor or cap moved (上限放宽至50%, 下限降至51%): still a floor or cap. */
const moved = (bounds: string[]) => bounds.flatMap((w) => ['降为', '降至', '调整为', '调整至', '提高至', '提高到', '放宽至', '放宽为'].map((v) => w + v));
addWords('>=', ['不低于', '不少于', '至少', '不小于', '大于等于', '大于或等于', '不得低于', '不得少于', '不应低于', '最少', '最低', '≥', '⩾', '>=', '＞＝', '下限为', '下限是', '最短', ...moved(['下限', '最低'])]);
addWords('<=', ['不超过', '不高于', '不多于', '至多', '不大于', '小于等于', '小于或等于', '不得超过', '不得高于', '不得多于', '不应超过', '未超过', '最多', '最高', '≤', '⩽', '<=', '＜＝', '上限为', '上限是', '最长', ...moved(['上限', '最高'])]);
addWords('<', ['低于', '少于', '小于', '不足', '不满', '未满', '不到', '<', '＜']);
addWords('>', ['高于', '超过', '多于', '大于', '超出', '>', '＞']);
addWords('=', ['为', '达到', '等于', '=', '＝']);

/** Every word that compares (不低于, 不超过, 以上…): a threshold's form, which says nothing about its topic. */
export function comparatorVocabulary(): string[] {
  return Object.keys(BASE_COMPARATORS).filter((w) => w.length >= 2);
}

/** Verbs that may precede a comparator (降为不低于); alone they mean '='. */
const CMP_PREFIX = '(?:降低?|调整|放宽|提高)[为至到]';
const COUNTERS = ['个', '家', '项', '人次', '人', '所', '次', '名', '位', '件', '条', '批', '类', '座', '艘', '架', '台', '套',
  '种', '户', '场', '款', '只', '支', '辆', '篇', '部', '例', '份', '间', '处', '岁'];

const CN_DIGITS: Record<string, number> = { '〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };
const CN_EXP: Record<string, number> = { '十': 1, '百': 2, '千': 3, '万': 4, '亿': 8 };

// ---------------------------------------------------------------- patterns

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;
const D = '0-9０-９';
const CNC = '〇零一二两三四五六七八九十百千万亿';
const SP = '[ \\t\\u00a0\\u3000]{0,2}';
const sp = (name: string) => `(?<${name}>${SP})`; // captured, so offsets add up without the 'd' flag
const ARABIC = `[${D}]+(?:,[${D}]{3}(?![${D}]))*(?:[.．][${D}]+)?`;
const SCALE = `(?:万亿|[十百千]?[万亿]|千|百(?!分))`;
const CN = `[${CNC}]+`;
const NUMBER = `(?:(?<![${D}A-Za-z.．,#])(?<ar>${ARABIC})(?:${sp('s3')}(?<sc>${SCALE}))?|(?<![${D}${CNC}])(?<cn>${CN}))`;
// ASCII symbols must not be markup (`<p>1.`, `a="2"`)
const cmpWord = (w: string) => (/^[<>=]+$/.test(w) ? `(?<![A-Za-z0-9"'/=<>-])${esc(w)}` : esc(w));
const CMP = `(?:${CMP_PREFIX})?(?:${Object.keys(BASE_COMPARATORS).sort(byLength).map(cmpWord).join('|')})|${CMP_PREFIX}`;
const CURPRE = '(?<![A-Za-z])(?:US\\$|USD|RMB|CNY)|人民币|[$＄￥¥]';
/** 成 after a number is tenths (六成 = 60%), unless it begins a word (一成不变, 两成员国, 三成本). */
const TENTHS = '成(?![员本果立为效功熟绩交都型长品套片就败像不])';
/** A fraction's denominator: 三分之二, 10分之1, 千分之五 (百分之 is a percentage of its own). */
const FRACTION = `(?:[二三四五六七八九十千]|[2-9２-９]|10|１０)分之`;
const UNIT = ['个百分点', '百分点', '%', '％', '个工作日', '工作日', '个月', '年(?!级)', '月', '日', '天', '美元', '美金', 'USD',
  '元人民币', '元', '人民币', TENTHS, ...COUNTERS.map(esc)].join('|');
const POST = '(?:[（(]含[)）])?(?:[及或]?(?:以上(?!述)|以下|以内)|之内|内)';
const QTY = `(?:(?:(?<cmp>${CMP})|(?<yi>以))${sp('s1')})?(?:(?:(?<pct>百分之)|(?<frac>${FRACTION})|(?<cur>${CURPRE}))${sp('s2')})?${NUMBER}` +
  `(?:${sp('s4')}(?<unit>${UNIT}))?(?:${sp('s5')}(?<post>${POST}))?(?:${sp('s6')}(?<wx>为限))?`;
/** Every character of a QTY match lies in exactly one of these groups, in this order. */
const QTY_GROUPS = ['cmp', 'yi', 's1', 'pct', 'frac', 'cur', 's2', 'ar', 's3', 'sc', 'cn', 's4', 'unit', 's5', 'post', 's6', 'wx'];

/**
 * A pattern with its named groups made plain, and each name's group number: exec then builds no `groups` object, which
 * for a pattern of many groups is most of what a match costs. Escapes and classes are copied as they are.
 */
function numberGroups(named: string): { source: string; groups: Record<string, number> } {
  const groups: Record<string, number> = {};
  let source = '', n = 0, inClass = false;
  for (let i = 0; i < named.length; i++) {
    const ch = named[i];
    if (ch === '\\') { source += ch + named[++i]; continue; }
    if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(' && named[i + 1] !== '?') n++;
    else if (ch === '(' && named[i + 2] === '<' && named[i + 3] !== '=' && named[i + 3] !== '!') {
      const close = named.indexOf('>', i);
      groups[named.slice(i + 3, close)] = ++n;
      source += '(';
      i = close;
      continue;
    }
    source += ch;
  }
  if (new RegExp(`${source}|`).exec('')!.length !== n + 1) throw new Error('numberGroups: groups miscounted');
  return { source, groups };
}

// dates and times: never quantities
const Y4 = `(?:[12１２][${D}]{3}|[〇零一二三四五六七八九]{4})`;
const ND = `(?:[${D}]{1,2}|[〇零一二三四五六七八九十]{1,3})`;
const DATE = `(?<![${D}${CNC}])(?:${Y4}年(?:${ND}月(?:${ND}[日号])?)?` +
  `|${ND}年${ND}月(?:${ND}[日号])?|${ND}年(?:底|初|末|度|上半年|下半年)` +
  `|${ND}月(?:${ND}[日号]|底|初|末|[上中下]旬|份|起|前|中|以来)|(?:十[一二]?|[一二三四五六七八九])月` + // 三月 is March; 3个月 a duration
  `|${Y4}[-/.．][${D}]{1,2}(?:[-/.．][${D}]{1,2})?|[${D}]{1,2}[:：][${D}]{2}|${ND}[时点]${ND}分|${ND}时)`;
// ordinals and table references, skipped wholesale (digits glued to Latin words, IPv6/T1.12, never start a number)
const ORD_NUM = `(?:[${D}]+|${CN})`;
const ORD_LINK = '[ \\t]*(?:[至到、~～\\-－–—]|和|及)[ \\t]*'; // 第4至6项, 第1、3项, 表1-12
const SKIP = `第[ \\t]*${ORD_NUM}(?:${ORD_LINK}第?[ \\t]*${ORD_NUM})*` +
  `|(?:(?<![代发])表|附表|附件|附录|图)[ \\t]*[${D}]+(?:(?:[.．]|${ORD_LINK})[${D}]+)*`;

// the leading class lets the engine skip ordinary characters quickly
const FIRST = `[${D}${CNC}URC以第表附图人$＄￥¥${[...new Set(Object.keys(BASE_COMPARATORS).map(w => w[0]))].map(esc).join('')}降调放提]`;
const NUMBERED_SCAN = numberGroups(`(?=${FIRST})(?:(?<date>${DATE})|${QTY}|(?<skip>${SKIP}))`);
const SCAN = new RegExp(NUMBERED_SCAN.source, 'g');
const SCAN_GROUPS = NUMBERED_SCAN.groups;
const DATE_AT = new RegExp(DATE, 'y');
/** A bound word at a given offset, as QTY's post group reads it (its spaces, then the word). */
const POST_AT = new RegExp(`${SP}(${POST})`, 'y');
const WHOLE_NUMBER = new RegExp(`^(?:(?<ar>${ARABIC})(?:${SP}(?<sc>${SCALE}))?|(?<cn>${CN}))$`);
const LATIN = /[A-Za-z]/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CN_NUMERAL_CHAR = new RegExp(`[${CNC}]`);

// ---------------------------------------------------------------- numbers

const FULL_WIDTH_DIGIT = /[０-９．]/;

function toAscii(s: string): string {
  return FULL_WIDTH_DIGIT.test(s) ? s.replace(/[０-９．]/g, ch => ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)) : s;
}

/** Arabic digits times 10^exp, shifted in decimal so 1.5万 is exactly 15000. */
function arabicValue(digits: string, exp: number): number {
  let ascii = toAscii(digits);
  if (ascii.includes(',')) ascii = ascii.replace(/,/g, '');
  return Number(exp === 0 ? ascii : `${ascii}e${exp}`); // 'e0' changes nothing: both read the same decimal
}

/** A short run of ASCII digits only (12, 007): a number exactly, read by Number alone. */
function isShortDigitRun(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function scaleExp(scale: string | undefined): number {
  let e = 0;
  for (const ch of scale ?? '') e += CN_EXP[ch] ?? 0;
  return e;
}

/** Chinese numerals: 两亿, 一百零五, 五千万, 十二, and digit strings such as 二〇二三. */
function chineseValue(s: string): number | undefined {
  if (![...s].some(ch => ch in CN_EXP)) {
    let v = 0;
    for (const ch of s) { if (!(ch in CN_DIGITS)) return undefined; v = v * 10 + CN_DIGITS[ch]; }
    return v;
  }
  let total = 0, section = 0, num = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) num = CN_DIGITS[ch];
    else if (ch === '万') { total += (section + num || 1) * 1e4; section = 0; num = 0; }
    else if (ch === '亿') { total = (total + section + num || 1) * 1e8; section = 0; num = 0; }
    else if (ch in CN_EXP) { section += (num || 1) * 10 ** CN_EXP[ch]; num = 0; }
    else return undefined;
  }
  return total + section + num;
}

/** A whole string that is exactly one number (scales applied), else undefined. Percentages are not numbers here. */
export function readNumber(s: string): number | undefined {
  if (typeof s !== 'string') return undefined;
  if (isShortDigitRun(s)) return Number(s); // most reads: a table or item number (表12, 第3项), as the pattern would read it
  const m = WHOLE_NUMBER.exec(s.trim());
  if (!m?.groups) return undefined;
  const g = m.groups;
  const value = g.ar !== undefined ? arabicValue(g.ar, scaleExp(g.sc)) : chineseValue(g.cn);
  return value !== undefined && Number.isFinite(value) ? value : undefined; // 400 digits are not a number a plan means
}

/** The unit a unit word or currency sign names; a counter (家, 项) is its own word. */
function unitOf(word: string): Unit {
  if (word === '%' || word === '％') return 'percent';
  if (word.startsWith('年')) return 'year';
  if (word === '个月' || word === '月') return 'month';
  if (word === '日' || word === '天' || word.endsWith('工作日')) return 'day';
  if (word === '美元' || word === '美金' || word === 'USD' || word === 'US$' || word === '$' || word === '＄') return 'USD';
  if (word.startsWith('元') || word === '人民币' || word === 'RMB' || word === 'CNY' || word === '￥' || word === '¥') return 'CNY';
  return 'count';
}

const POST_CMP = (w: string): Comparator => (w.endsWith('以上') ? '>=' : '<=');

const LEADING_VERB = new RegExp(`^${CMP_PREFIX}`);
function comparatorOf(text: string): Comparator {
  const base = text.replace(LEADING_VERB, '');
  return base === '' ? '=' : BASE_COMPARATORS[base] ?? '=';
}

// ---------------------------------------------------------------- scanning

// SCAN's groups by number (see numberGroups), and where each QTY group of the current match starts: -1 when it did
// not take part. Scratch shared by every call (findQuantities calls nothing that scans again), so no spans are
// allocated per match.
const G = SCAN_GROUPS;
const QTY_NUMBERS = QTY_GROUPS.map((name) => G[name]);
const at = new Int32Array(Math.max(...QTY_NUMBERS) + 1);

/**
 * Every quantity in the text, in order, non-overlapping. Skipped: dates and times (2023年3月, 3月底, 三月), ordinals and
 * references (第3季度, 表1-12, 第4至6项), digits glued to Latin (IPv6, 5G, T1.12), list markers (12.), document numbers
 * (〔2022〕, 212号) and rankings (500强). 以上/以下/以内 after a number include it (≥/≤, as in 民法典 第1259条), but not 以上述.
 * Chinese numerals need a unit or an adjacent comparator, may not start with 百/千/万/亿 (千家万户, 千万), and a lone 一/二 before a
 * counter or 元 is an article or ordinal (一个, 二次开发).
 */
export function findQuantities(text: string): QuantityPhrase[] {
  const out: QuantityPhrase[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  const re = SCAN; // one shared pattern: nothing in the loop scans with it again
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[G.date] !== undefined || m[G.skip] !== undefined) continue;
    for (let i = 0, pos = m.index; i < QTY_NUMBERS.length; i++) {
      const part = m[QTY_NUMBERS[i]];
      if (part === undefined) at[QTY_NUMBERS[i]] = -1;
      else { at[QTY_NUMBERS[i]] = pos; pos += part.length; }
    }
    const ar = m[G.ar];
    const numStart = ar !== undefined ? at[G.ar] : at[G.cn];
    const numEnd = ar === undefined ? numStart + m[G.cn].length : m[G.sc] !== undefined ? at[G.sc] + m[G.sc].length : numStart + ar.length;
    const from = m.index + 1; // never resume where this match started
    // something (comparator, spaces) before the number: a date there wins
    if (numStart > m.index) { DATE_AT.lastIndex = numStart; if (DATE_AT.test(text)) { re.lastIndex = Math.max(numStart, from); continue; } }
    const q = build(text, m, numStart, numEnd);
    if (!q) { re.lastIndex = Math.max(numEnd, from); continue; }
    const last = out[out.length - 1];
    if (last && rangeTo(text, last, q)) out[out.length - 1] = asRange(text, last, q);
    else out.push(q);
    re.lastIndex = Math.max(q.end, from);
  }
  return text.includes('半') ? withHalves(text, out) : out;
}

/**
 * Half as a share (中方持股过半, 不超过半数, 一半以上, 半数以上): 50%, 过半 more than it (不得过半 at most). A comparator
 * before or a bound after it reads as with a number (`过` is then part of the comparator: 超过半数). Not half of a span of
 * time (过半年).
 */
const HALF = new RegExp(`(?:(?<cmp>${CMP})|(?<neg>不得|不能|不可|不应|不宜|未|不))?(?<s1>${SP})(?<half>过半数?|半数|一半)(?![年月天日周旬小个])(?:(?<s2>${SP})(?<post>${POST}))?`, 'g');

function withHalves(text: string, found: QuantityPhrase[]): QuantityPhrase[] {
  const out = found.slice();
  HALF.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HALF.exec(text)) !== null) {
    const { cmp, neg, s1, half, post } = m.groups!;
    if (cmp !== undefined && half[0] === '过') continue; // 超过过半: not a phrase
    if (neg !== undefined && (half[0] !== '过' || post !== undefined)) continue; // 不半数: not one either
    const valueStart = m.index + (cmp?.length ?? neg?.length ?? 0) + s1.length;
    const valueEnd = valueStart + half.length;
    let comparator: Comparator | undefined, comparatorText: string | undefined, comparatorStart = 0, comparatorEnd = 0;
    if (cmp !== undefined && !(comparatorOf(cmp) === '=' && post !== undefined)) {
      comparator = comparatorOf(cmp); comparatorText = cmp; comparatorStart = m.index; comparatorEnd = m.index + cmp.length;
    } else if (post !== undefined) {
      comparator = half[0] === '过' && POST_CMP(post) === '>=' ? '>' : POST_CMP(post); comparatorText = post;
      comparatorEnd = m.index + m[0].length; comparatorStart = comparatorEnd - post.length;
    } else if (neg !== undefined) {
      // 不得过半: at most half
      comparator = '<='; comparatorText = neg + '过'; comparatorStart = m.index; comparatorEnd = valueStart + 1;
    } else if (half[0] === '过') {
      comparator = '>'; comparatorText = '过'; comparatorStart = valueStart; comparatorEnd = valueStart + 1;
    }
    const start = cmp !== undefined || neg !== undefined ? m.index : valueStart;
    const end = post !== undefined ? m.index + m[0].length : valueEnd;
    if (out.some((q) => q.start < end && start < q.end)) continue;
    const q: QuantityPhrase = { value: 50, unit: 'percent', start, end, valueStart, valueEnd, text: text.slice(start, end) };
    if (comparator !== undefined) {
      q.comparator = comparator; q.comparatorText = comparatorText; q.comparatorStart = comparatorStart; q.comparatorEnd = comparatorEnd;
    }
    out.push(q);
  }
  return out.length === found.length ? found : out.sort((a, b) => a.start - b.start);
}

/** What stands between a range's two ends (3至5年, 51%-67%). */
const RANGE_BETWEEN = /^[ \t]*(?:至|到|~|～|-|－|—|–)[ \t]*$/;

/** Whether `low` and `high` are the two ends of one range: 3至5年, 为51%至67% (the first end has no unit or the second's). */
function rangeTo(text: string, low: QuantityPhrase, high: QuantityPhrase): boolean {
  return (low.unit === 'none' || low.unit === high.unit) && high.comparator === undefined && (low.comparator === undefined || low.comparator === '=') &&
    low.value < high.value && RANGE_BETWEEN.test(text.slice(low.valueEnd, high.valueStart));
}

/** A range as one quantity: its upper end's value and unit, its lower end's value as `low`, from where the range starts. */
function asRange(text: string, low: QuantityPhrase, high: QuantityPhrase): QuantityPhrase {
  const start = low.valueStart;
  return { value: high.value, low: low.value, unit: high.unit, ...(high.counter !== undefined ? { counter: high.counter } : {}), start, end: high.end, valueStart: start, valueEnd: high.valueEnd, text: text.slice(start, high.end) };
}

/** The quantity of a QTY match, or undefined when it is not one; `at` holds where its groups start. */
function build(text: string, m: RegExpExecArray, numStart: number, numEnd: number): QuantityPhrase | undefined {
  const cn = m[G.cn], ar = m[G.ar], cur = m[G.cur], unitWord = m[G.unit], cmpText = m[G.cmp];
  if ((cn ?? ar).length > 40) return undefined;                                         // not a written number
  let value = ar !== undefined ? arabicValue(ar, scaleExp(m[G.sc])) : chineseValue(cn);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  let unit: Unit = 'none';
  let counter: string | undefined;
  const frac = m[G.frac];
  const valueStart = at[G.pct] >= 0 ? at[G.pct] : at[G.frac] >= 0 ? at[G.frac] : at[G.cur] >= 0 ? at[G.cur] : numStart;
  const unitEnd = unitWord !== undefined ? at[G.unit] + unitWord.length : numEnd;
  let valueEnd = numEnd;
  /** A bound after the value that the pattern could not see (六成五以上: after the digit read past 成). */
  let lateBound: RegExpExecArray | null = null;
  if (m[G.pct] !== undefined) unit = 'percent';
  else if (frac !== undefined) {
    // 三分之二 is 2/3 of the whole: a percentage; a unit after it (三分之二年) is not one this reader compares
    if (unitWord !== undefined) return undefined;
    const denominator = frac[0] === '千' ? 1000 : readNumber(toAscii(frac.slice(0, -2))) ?? chineseValue(frac[0]);
    if (!denominator || value > denominator) return undefined;
    unit = 'percent';
    value = (value * 100) / denominator;
  } else if (unitWord === '成') {
    if (cur !== undefined || value > 10) return undefined;                             // 八十成, ￥3成
    unit = 'percent'; value *= 10; valueEnd = unitEnd;
    // 六成五 is 65%: one digit after 成 is the next place (not when more of a number follows, as in 六成五十)
    const digit = CN_DIGITS[text.charAt(unitEnd)];
    if (digit !== undefined && digit > 0 && !CN_NUMERAL_CHAR.test(text.charAt(unitEnd + 1))) {
      value += digit; valueEnd++;
      POST_AT.lastIndex = valueEnd;
      lateBound = POST_AT.exec(text);
    }
  } else {
    if (cur !== undefined) unit = unitOf(cur);
    if (unitWord !== undefined && !(cur !== undefined && unitOf(unitWord) === 'count')) {
      unit = unitOf(unitWord); counter = unitWord; valueEnd = unitEnd;
    }
  }
  const next = text.charAt(valueEnd);
  let post = lateBound ? lateBound[1] : valueEnd === unitEnd ? m[G.post] : undefined;
  const postStart = lateBound ? lateBound.index + lateBound[0].length - lateBound[1].length : at[G.post];
  if (post !== undefined && post.endsWith('内') && !post.endsWith('以内') && !post.endsWith('之内') &&
      !(unit === 'year' || unit === 'month' || unit === 'day')) post = undefined;
  const weixian = m[G.yi] !== undefined && m[G.wx] !== undefined && !lateBound && (post === undefined || postStart + post.length <= at[G.wx]);
  const hasCmp = cmpText !== undefined || post !== undefined || weixian;

  // ---- rejections
  if (LATIN.test(next) && unit !== 'USD' && unit !== 'CNY') return undefined;           // 5G, 3GPP
  if (cn !== undefined) {
    if ('百千万亿'.includes(cn[0])) return undefined;                                   // 千家万户, 百万, 万人
    if (unit === 'none' && !(hasCmp && !CJK.test(next))) return undefined;              // 统一, 十四五, 不低于一流
    if ((cn === '一' || cn === '二') && (unit === 'count' || unit === 'CNY')) return undefined; // 一个, 一批, 二次开发
  }
  if (unit === 'count' && CN_NUMERAL_CHAR.test(next)) return undefined;                // 五位一体
  if (unit === 'none' && cur === undefined && /^[.．、]/.test(next)) return undefined;     // 12. 列表, > 1. (Markdown)
  if (unit === 'none' && !hasCmp && cur === undefined) {
    if (/^[)）〕\]】号]/.test(next) || /^[ \t\u3000]*强/.test(text.slice(valueEnd, valueEnd + 4))) return undefined; // （1）, 212号, 500强
    if (/[(（〔[【]/.test(text.charAt(numStart - 1))) return undefined;                 // 〔2022〕, （1）
  }

  // ---- comparator and ranges
  let comparator: Comparator | undefined, comparatorText: string | undefined;
  let comparatorStart = 0, comparatorEnd = 0;
  let start = valueStart, end = valueEnd;
  if (cmpText !== undefined) {
    comparator = comparatorOf(cmpText); comparatorText = cmpText;
    comparatorStart = at[G.cmp]; comparatorEnd = comparatorStart + cmpText.length; start = comparatorStart;
    if (comparator === '=' && post !== undefined) {
      // 为67%以上, 达到51%及以上: the bound is the word after the value
      comparator = POST_CMP(post); comparatorText = post;
      comparatorStart = postStart; comparatorEnd = comparatorStart + post.length; end = comparatorEnd;
    }
  } else if (weixian) {
    comparator = '<='; comparatorText = '以…为限';
    comparatorStart = at[G.yi]; comparatorEnd = at[G.wx] + m[G.wx].length; start = comparatorStart; end = comparatorEnd;
  } else if (post !== undefined) {
    comparator = POST_CMP(post); comparatorText = post;
    comparatorStart = postStart; comparatorEnd = comparatorStart + post.length; end = comparatorEnd;
  }
  if (unit !== 'count') counter = undefined;
  value = Number.isInteger(value) ? value : Number(value.toPrecision(15));
  const q: QuantityPhrase = { value, unit, start, end, valueStart, valueEnd, text: text.slice(start, end) };
  if (counter !== undefined) q.counter = counter;
  if (comparator !== undefined) {
    q.comparator = comparator; q.comparatorText = comparatorText; q.comparatorStart = comparatorStart; q.comparatorEnd = comparatorEnd;
  }
  return q;
}

// ---------------------------------------------------------------- comparing and formatting

/** Same unit and the same value, tolerant to float noise. */
export function sameQuantity(a: { value: number; unit: Unit }, b: { value: number; unit: Unit }): boolean {
  return a.unit === b.unit && closeEnough(a.value, b.value);
}

function closeEnough(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function plain(n: number): string {
  // an integer of at most 12 digits (67, 2e8) is its own 12-digit rounding: no detour through toPrecision
  if (Number.isInteger(n) && Math.abs(n) < 1e12) return String(n);
  return String(Number(n.toPrecision(12)));
}

/** 2e8 → '2亿', 15000 → '1.5万', 2e7 → '2000万'; only when the mantissa has at most 2 decimals. */
function scaled(n: number): string {
  for (const [s, word] of [[1e8, '亿'], [1e4, '万']] as const) {
    const x = n / s;
    if (Math.abs(n) >= s && Math.abs(Math.round(x * 100) - x * 100) < 1e-6) return plain(x) + word;
  }
  return plain(n);
}

/** Canonical Chinese rendering: 67%, 2亿美元, 5年, 6个月, 30日, 5亿元, 10家. */
export function formatQuantity(q: { value: number; unit: Unit; counter?: string }, _style: 'zh' = 'zh'): string {
  switch (q.unit) {
    case 'percent': return `${plain(q.value)}%`;
    case 'year': return `${plain(q.value)}年`;
    case 'month': return `${plain(q.value)}个月`;
    case 'day': return `${plain(q.value)}日`;
    case 'USD': return `${scaled(q.value)}美元`;
    case 'CNY': return `${scaled(q.value)}元`;
    case 'count': return `${scaled(q.value)}${q.counter ?? ''}`;
    default: return plain(q.value);
  }
}

/** Canonical words: '>=' 不低于, '<=' 不超过, '<' 低于, '>' 高于, '=' 为. */
export function comparatorWords(c: Comparator): string {
  return { '>=': '不低于', '<=': '不超过', '<': '低于', '>': '高于', '=': '为' }[c];
}

type Family = 'percent' | 'duration' | 'currency' | 'count' | 'none';
const FAMILY: Record<Unit, Family> = {
  percent: 'percent', year: 'duration', month: 'duration', day: 'duration',
  USD: 'currency', CNY: 'currency', count: 'count', none: 'none',
};

/**
 * Does the plan's statement disagree with the source threshold?
 * Units of different families (percent vs 年) are not about the same thing: false.
 * 'none' compares by value only; 年/个月 convert (5年 = 60个月); 日 vs 年/月 and USD vs CNY count as a mismatch.
 * A plan comparator must equal the source's and the value must match; a bare plan number, or one stated with 为 or
 * 达到 ('=': 外资股比为50%, 中方股比达到67%), only needs the value, unless the source's threshold is itself a value; a
 * range (3至5年) is compared by its lower end with a minimum and by its upper end with a maximum.
 */
export function contradicts(plan: { comparator?: Comparator; value: number; low?: number; unit: Unit },
  source: { comparator: Comparator; value: number; unit: Unit }): boolean {
  const pf = FAMILY[plan.unit], sf = FAMILY[source.unit];
  // a range (3至5年) is held to a minimum by its lower end, to a maximum or a value by its upper end
  let pv = plan.low !== undefined && (source.comparator === '>=' || source.comparator === '>') ? plan.low : plan.value, sv = source.value;
  // a share written as a fraction of one, without a unit (中方股比下限为0.67): the same as 67%
  if (plan.unit === 'none' && source.unit === 'percent' && pv > 0 && pv < 1) pv *= 100;
  if (pf !== 'none' && sf !== 'none') {
    if (pf !== sf) return false;
    if (plan.unit !== source.unit) {
      const months = (u: Unit) => (u === 'year' ? 12 : u === 'month' ? 1 : 0);
      if (!months(plan.unit) || !months(source.unit)) return true;
      pv *= months(plan.unit); sv *= months(source.unit);
    }
  }
  if (!closeEnough(pv, sv)) return true;
  if (plan.comparator === '=' && source.comparator !== '=') return false;
  return plan.comparator !== undefined && plan.comparator !== source.comparator;
}
