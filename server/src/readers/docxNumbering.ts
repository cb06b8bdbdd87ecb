// Word's automatic numbering in a Chinese plan: 一、 （一） 1. （1） ① are numbers Word draws, not text the document
// holds. mammoth keeps only whether a list is ordered, so `（一）商务服务领域` over items numbered `1.` came out as one
// list `1. 商务服务领域`, `2. 允许…`: the section's heading an item, its number gone. Before mammoth reads the body,
// each paragraph numbered in a format other than plain `1.` (a Chinese numeral, brackets, a circle, a letter) gets its
// label written into its text, as Word shows it, and is no longer a list item; `1.` lists and bullets stay lists.

import { toChineseNumeral } from '../core/text';

/** One level of a list's definition (w:lvl). */
interface Level {
  format: string;
  text: string;
  start: number;
  style?: string;
}

/** A list (w:num): its definition (w:abstractNum) and the levels whose numbering it restarts (w:startOverride). */
interface Num {
  abstract: string;
  starts: Map<number, number>;
}

const attr = (xml: string, tag: string): string | undefined => new RegExp(`<w:${tag}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];

function readLevels(numberingXml: string): { abstracts: Map<string, Map<number, Level>>; nums: Map<string, Num> } {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const m of numberingXml.matchAll(/<w:abstractNum\b[^>]*\bw:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const l of m[2].matchAll(/<w:lvl\b[^>]*\bw:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(l[1]), { format: attr(l[2], 'numFmt') ?? 'decimal', text: attr(l[2], 'lvlText') ?? '', start: Number(attr(l[2], 'start') ?? 1), style: attr(l[2], 'pStyle') });
    }
    abstracts.set(m[1], levels);
  }
  const nums = new Map<string, Num>();
  for (const m of numberingXml.matchAll(/<w:num\b[^>]*\bw:numId="([^"]*)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstract = attr(m[2], 'abstractNumId');
    if (abstract === undefined) continue;
    const starts = new Map<number, number>();
    for (const o of m[2].matchAll(/<w:lvlOverride\b[^>]*\bw:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o[2], 'startOverride');
      if (start !== undefined) starts.set(Number(o[1]), Number(start));
    }
    nums.set(m[1], { abstract, starts });
  }
  return { abstracts, nums };
}

const DIGITS = '〇一二三四五六七八九';

const roman = (n: number): string => {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
};
const letter = (n: number): string => String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/** A number in one of Word's formats (w:numFmt); an unknown format as digits. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      // 一, 十, 十二, 二十, 一百零五, as a drafter writes a number
      return n >= 1 && n <= 9999 ? toChineseNumeral(n) : String(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).split('').map((d) => DIGITS[Number(d)]).join('');
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'upperLetter':
      return letter(n);
    case 'lowerLetter':
      return letter(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/**
 * Word's counters of numbered paragraphs, for the .docx and the .doc reader (docNumbering.ts): per list and level a
 * count, a level's use restarting the levels below it, and a start override setting its level the first time its
 * instance (`instance`, the reader's key) is counted.
 */
export class ListCounters {
  private readonly lists = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<string>();

  /** Counts a paragraph at `level` of `list`: the counts of the list's levels, the levels below it cleared. */
  count(list: string, level: number, start: number, instance: string, restart: number | undefined): readonly (number | undefined)[] {
    let counts = this.lists.get(list);
    if (!counts) this.lists.set(list, (counts = []));
    if (restart !== undefined && !this.started.has(instance)) counts[level] = restart;
    else counts[level] = counts[level] === undefined ? start : counts[level]! + 1;
    this.started.add(instance);
    counts.length = level + 1;
    return counts;
  }
}

/** The number a label shows for level `l`: its count, or its level's start before it is counted, in the level's format. */
export function numberOf(counts: readonly (number | undefined)[], l: number, level: { start: number; format: string } | undefined): string {
  return formatNumber(counts[l] ?? level?.start ?? 1, level?.format ?? 'decimal');
}

/** Whether mammoth's list of the level reads as Word shows it: plain `1.` numbers, or bullets. */
const keptAsList = (level: Level) => level.format === 'bullet' || level.format === 'none' || (level.format === 'decimal' && /^%\d[.．]$/.test(level.text));

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The paragraph styles of styles.xml in a list (w:numPr in the style's w:pPr, or its base style's): list and level. */
function styleNumbering(stylesXml: string | undefined): Map<string, { numId: string; level: number }> {
  const out = new Map<string, { numId: string; level: number }>();
  if (!stylesXml || !stylesXml.includes('<w:numPr')) return out;
  const own = new Map<string, { base?: string; numId?: string; level?: number }>();
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr\b[^>]*>([\s\S]*?)<\/w:numPr>/.exec(m[2]);
    const level = numPr ? attr(numPr[1], 'ilvl') : undefined;
    own.set(m[1], { base: attr(m[2], 'basedOn'), numId: numPr ? attr(numPr[1], 'numId') : undefined, level: level === undefined ? undefined : Number(level) });
  }
  for (const [id, style] of own) {
    let numId = style.numId;
    let level = style.level;
    for (let base = style.base, depth = 0; numId === undefined && base !== undefined && depth < 10; depth++) {
      const b = own.get(base);
      numId = b?.numId;
      level ??= b?.level;
      base = b?.base;
    }
    if (numId !== undefined && numId !== '0') out.set(id, { numId, level: level ?? 0 });
  }
  return out;
}

/**
 * Word's body XML with the labels of its numbered paragraphs written into them where mammoth would lose them (see the
 * module's comment): each such paragraph gets a first run holding its label (`（一）`, `一、`, `（1）`, `①`) and its
 * numbering turned off. Counters follow Word: by list definition and level, a level's use restarting those below it,
 * a list's start overrides restarting it. The XML is returned as it is when nothing needs a label.
 */
export function labelNumbering(documentXml: string, numberingXml: string | undefined, stylesXml?: string): string {
  if (!numberingXml || !documentXml.includes('<w:numPr') && !/<w:pStyle\b/.test(documentXml)) return documentXml;
  const { abstracts, nums } = readLevels(numberingXml);
  if (![...abstracts.values()].some((levels) => [...levels.values()].some((l) => !keptAsList(l)))) return documentXml;
  // levels that a paragraph style numbers (a heading style linked to a list), as mammoth finds them, and as the
  // styles themselves say (their own numPr, or their base style's)
  const byStyle = new Map<string, { abstract: string; level: number; numId?: string }>();
  for (const [abstract, levels] of abstracts) for (const [level, l] of levels) if (l.style) byStyle.set(l.style, { abstract, level });
  for (const [style, numbered] of styleNumbering(stylesXml)) {
    const abstract = nums.get(numbered.numId)?.abstract;
    if (abstract !== undefined && !byStyle.has(style)) byStyle.set(style, { abstract, level: numbered.level, numId: numbered.numId });
  }
  const counters = new ListCounters();
  let out = '';
  let last = 0;
  // paragraphs in document order (a text box's paragraphs inside a run are their own: the pattern does not nest)
  for (const m of documentXml.matchAll(/<w:p\b[^>]*>(\s*<w:pPr\b[^>]*>([\s\S]*?)<\/w:pPr>)?/g)) {
    const pPr = m[2] ?? '';
    const numPr = /<w:numPr\b[^>]*>([\s\S]*?)<\/w:numPr>/.exec(pPr);
    let abstract: string | undefined;
    let level: number | undefined;
    let num: Num | undefined;
    let numId: string | undefined;
    if (numPr) {
      numId = attr(numPr[1], 'numId');
      num = numId === undefined ? undefined : nums.get(numId);
      abstract = num?.abstract;
      level = Number(attr(numPr[1], 'ilvl') ?? 0);
    } else {
      const style = attr(pPr, 'pStyle');
      const found = style === undefined ? undefined : byStyle.get(style);
      abstract = found?.abstract;
      level = found?.level;
      numId = found?.numId;
      num = numId === undefined ? undefined : nums.get(numId);
    }
    const def = abstract === undefined || level === undefined ? undefined : abstracts.get(abstract)?.get(level);
    if (!def || abstract === undefined || level === undefined) continue;
    const restart = num && numId !== undefined ? num.starts.get(level) : undefined;
    const count = counters.count(abstract, level, def.start, `${numId}:${level}`, restart);
    if (keptAsList(def)) continue;
    const levels = abstracts.get(abstract);
    const label = def.text.replace(/%(\d)/g, (_, d: string) => numberOf(count, Number(d) - 1, levels?.get(Number(d) - 1)));
    // the paragraph's numbering off (a level and list mammoth finds no definition for), its label its first run
    const end = m.index! + m[0].length;
    const head = m[0].replace(/<w:numPr\b[^>]*>[\s\S]*?<\/w:numPr>|<w:numPr\b[^>]*\/>/, '');
    const off = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
    const withOff = m[1] ? head.replace(/(<w:pPr\b[^>]*>)/, `$1${off}`) : `${head}<w:pPr>${off}</w:pPr>`;
    out += documentXml.slice(last, m.index) + withOff + (label ? `<w:r><w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>` : '');
    last = end;
  }
  return last ? out + documentXml.slice(last) : documentXml;
}
