// The words of another text that a document quotes as such, which no check holds it to: the wording a revision replaces
// (a 修改对照表's 原表述 column, 将“…”修改为“…”), a comment received (a 征求意见汇总表's 意见内容), what a review says a plan
// wrote (将中方股比写作“不低于51%”, 方案原写“…”, 贵局提出的“…”的意见, 原稿误写为40%), the rule a task changed, recited
// (由原来的不低于4亿美元降为…). A finding that lies inside them is about words the document does not say as its own.
import { Block, cellSpans } from './planModel';
import { NONE } from './text';

/** A column of what was there before, or of what others proposed: 原表述, 修改前, 原稿, 意见内容, 修改意见, 建议. */
const PRIOR_COLUMN = /^(?:原(?:方案|稿)?(?:表述|内容|条文|文字)|原稿|修改前(?:表述|内容)?|(?:修改|反馈|征求)?意见(?:内容|建议)?|(?:修改)?建议(?:内容)?)$/;

/**
 * What says the quotation after it is what another text wrote (将中方股比写作“…”, 方案原写“…”, 删除了原稿中“…”) or what the
 * one written to, or a unit, proposed (贵局提出的“…”, 贵单位建议的“…”, 对市规划和自然资源局提出的“…”的意见, 区卫生健康局反馈意见
 * 中的“…”; not 《总体方案》提出的“…”, the source's words, nor a document's, 《…意见》中的“…”).
 */
const AS_WRITTEN = /(?:写作|写为|写成|原写|误写为?|误作|原表述为|原稿中?|原稿的|(?:贵|你|该)[\u4e00-\u9fff]{0,3}?(?:提出|建议)的?|(?:局|委|办|院|厅|中心|政府|单位|部门|处|科|所)(?:提出|建议)的|(?<!》)(?:意见|来函)中的?)[ \t]*$/;
/** What says the quotation before it is the wording replaced (“…”修改为“…”, “…”中的任务编号更正为“…”, 由“…”规范为“…”). */
const REPLACED_BY = /^[^“”「」。；;\n]{0,10}?(?:修改为|修改成|改为|改成|更正为|调整为|修订为|替换为|规范为)/;
/** An unquoted figure or phrase said to have been written wrongly (原稿将外资股比上限误写为40%), to the clause's end. */
const MISWRITTEN = /(?:误写为|误写成|误作)[^，。；,;！？!?\n]*/g;
/** The rule a task changed, recited (资产总额的门槛由原来的不低于4亿美元降为不低于2亿美元): what it was, up to what it became. */
const FORMER_RULE = /(?:由|从)原(?:来|先|有)的?[^，。；,;！？!?\n]{1,24}?(?=降为|降至|降低为|降低至|调整为|改为|提高到|提高至|下调至|上调至|放宽至|放宽为)/g;
/** The same without 原来 when what it was is a figure alone (门槛由4亿美元降至两亿美元, 从5年延长至8年). */
const FORMER_FIGURE = /(?:由|从)(?:不低于|不少于|不超过|不高于)?[0-9０-９.．一二三四五六七八九十两百千万亿]+(?:%|％|亿美元|万美元|美元|亿元|万元|元|年|个月|家|个)?(?=降为|降至|降低为|降低至|调整为|改为|提高到|提高至|下调至|上调至|放宽至|放宽为|延长至|缩短至|减少至|增加至)/g;
/** A quotation in 「」 or “”, without line breaks. */
const QUOTATION = /“[^“”\n]*”|「[^「」\n]*」/g;

const cache = new WeakMap<object, readonly [number, number][]>();

/**
 * The spans of a paragraph's text that hold another text's words (see above), in the paragraph's offsets; cached by its
 * model (`key`), as every check of it asks.
 */
export function priorWording(text: string, blocks: readonly Block[], key: object): readonly [number, number][] {
  let spans = cache.get(key);
  if (!spans) cache.set(key, (spans = readPriorWording(text, blocks)));
  return spans;
}

function readPriorWording(text: string, blocks: readonly Block[]): readonly [number, number][] {
  let out: [number, number][] | undefined;
  // the cells of a table's columns of earlier wording or comments
  for (const b of blocks) {
    if (b.kind !== 'row' || !b.header || b.tableHeader) continue;
    const columns = priorColumns(b.header);
    if (!columns.length) continue;
    const cells = cellSpans(text.slice(b.start, b.end));
    for (const c of columns) if (c < cells.length) (out ??= []).push([b.start + cells[c][0], b.start + cells[c][1]]);
  }
  if (text.includes('“') || text.includes('「')) {
    QUOTATION.lastIndex = 0;
    for (let m = QUOTATION.exec(text); m; m = QUOTATION.exec(text)) {
      const end = m.index + m[0].length;
      if (AS_WRITTEN.test(text.slice(Math.max(0, m.index - 10), m.index)) || REPLACED_BY.test(text.slice(end, end + 16))) (out ??= []).push([m.index, end]);
    }
  }
  if (text.includes('原')) {
    FORMER_RULE.lastIndex = 0;
    for (let m = FORMER_RULE.exec(text); m; m = FORMER_RULE.exec(text)) (out ??= []).push([m.index, m.index + m[0].length]);
  }
  if (text.includes('由') || text.includes('从')) {
    FORMER_FIGURE.lastIndex = 0;
    for (let m = FORMER_FIGURE.exec(text); m; m = FORMER_FIGURE.exec(text)) (out ??= []).push([m.index, m.index + m[0].length]);
  }
  if (text.includes('误')) {
    MISWRITTEN.lastIndex = 0;
    for (let m = MISWRITTEN.exec(text); m; m = MISWRITTEN.exec(text)) (out ??= []).push([m.index, m.index + m[0].length]);
  }
  return out ?? NONE;
}

/** By header row (the list a table's rows share): the columns of earlier wording or comments. */
const columnsCache = new WeakMap<readonly string[], number[]>();

function priorColumns(header: readonly string[]): number[] {
  let columns = columnsCache.get(header);
  if (!columns) {
    columns = [];
    for (let c = 0; c < header.length; c++) if (PRIOR_COLUMN.test(header[c].replace(/\s|\*/g, ''))) columns.push(c);
    columnsCache.set(header, columns);
  }
  return columns;
}

/** Whether [start, end) lies inside one of `spans`. */
export function insidePrior(spans: readonly [number, number][], start: number, end: number): boolean {
  for (let i = 0; i < spans.length; i++) if (start >= spans[i][0] && end <= spans[i][1]) return true;
  return false;
}
