// Who does a task item and by when: its lead unit (牵头单位), partners (配合单位) and deadline, in the conventions
// plans use — labelled lines, a closing parenthesis, in-sentence 由…牵头/会同…, a heading's parenthesis, table columns.
import { closingParenthesis, Deadline, firstDeadline } from './deadlines';
import { ASSIGNMENT_LABELS } from './scopes';

/** An organisation named in the plan. Offsets are UTF-16 offsets into the text it was read from. */
export interface Unit {
  name: string;
  start: number;
  end: number;
  /** For a table row: the index of the cell the offsets are in. */
  cell?: number;
}

export interface Assignment {
  lead?: Unit;
  /** Further lead units, when several are named as leads (牵头单位：市商务局、市发展改革委). */
  coLeads?: Unit[];
  partners: Unit[];
  /** Units named without a role (（市科技局、市经信局） in a plan that has not said the first one leads). */
  named?: Unit[];
  deadline?: Deadline & { cell?: number };
  /**
   * A labelled 完成时限 (or a deadline column's cell) that names no date: 长期坚持, 持续推进, 按国家部署. Not a deadline
   * (nothing to check against the pilot period), but what the plan says of the item's timing, as the 分工表 shows it.
   */
  term?: Term & { cell?: number };
}

/** Words of a plan where a deadline could stand: offsets into the text they were read from. */
export interface Term {
  text: string;
  start: number;
  end: number;
}

/** A cell or labelled value that says nothing: an empty mark (—, /, 无). */
const NO_TERM = /^[\s—–\-－/／、，,。；;.…]*(?:无|暂无)?[\s—–\-－/／。；;.…]*$/;

/**
 * Timing in words, as a segment of the parenthesis that closes an item says it: （区商务局牵头，持续推进）, a recurring
 * deadline (每年12月底前报送进展, 每季度末), one relative to the year the plan is written in (今年底前完成, 明年6月前), and
 * the period of the pilot or of the plan (试点期内完成, “十四五”期间); ongoing work may say when it started (2023年起持续推进).
 */
const TIMING_WORDS = /^(?:(?:自|从)?[0-9０-９]{4}年(?:[0-9０-９]{1,2}月)?(?:起|开始))?(?:长期坚持|长期推进|长期|持续推进|持续开展|持续实施|持续|常态化(?:推进|开展|实施)?|每年(?:推进|开展|实施)|(?:逐年|按年度|分年度|分阶段)(?:推进|实施)|每(?:年|半年|季度|季|月)[^，,；;]{0,16}?(?:底前|末前|前|底|末)[^，,；;]{0,8}|(?:今年|明年|当年|次年|本年度?)[^，,；;]{0,12}|(?:试点期|试点期限|[“"]?十[四五]五[”"]?(?:规划)?(?:期|时期))(?:内|间)?[^，,；;]{0,8})$/;

/** A segment of the closing parenthesis [from, to) of `text` that states timing in words, if any. */
function closingTerm(text: string, from: number, to: number): Term | undefined {
  SEGMENT.lastIndex = from;
  for (let m = SEGMENT.exec(text); m && m.index < to; m = SEGMENT.exec(text)) {
    const end = Math.min(to, m.index + m[0].length);
    const term = termOf(text, m.index, end);
    if (term && TIMING_WORDS.test(term.text)) return term;
  }
  return undefined;
}

/** The segments of a parenthesis, between its commas and semicolons. */
const SEGMENT = /[^，,；;、]+/g;

/** The timing text[start, end) states in words, trimmed; undefined when it is empty or a placeholder. */
function termOf(text: string, start: number, end: number): Term | undefined {
  while (start < end && /[\s*]/.test(text[start])) start++;
  while (end > start && /[\s*。；;，,.]/.test(text[end - 1])) end--;
  const value = text.slice(start, end);
  return NO_TERM.test(value) ? undefined : { text: value, start, end };
}

// ---------------------------------------------------------------- unit names

/** The endings of an organisation's name. */
const UNIT_ENDING = new RegExp(
  '(?:局|委|办|厅|院|部|署|中心|公司|集团|政府|管委会|委员会|银行|分行|支行|海关|办公室|交易所|研究所|事务所|协会|商会|联合会|' +
    '贸促会|促进会|工商联|妇联|侨联|残联|文联|科协|工会|支队|大队|总队|中队|执法队|实验室|街道|街道办事处|镇|大学|学院|' +
    '居委会|村委会|董事会|监事会|股东大会|股东会|合伙人会议|(?:有关|相关|成员|职能|主管|责任)(?:单位|部门)|' +
    // the 处室, 科室, 站 and 所 of a bureau, a college, a hospital or a 镇 (外资处, 教务处, 医务科, 统计站, 司法所), a
    // name of three characters or more, not a word that ends so (此处, 好处, 学科, 外科, 网站, 场所)
    '(?<=[\\u4e00-\\u9fff]{2})(?:(?<![此到好用深出长短难各某别何去相益])处|(?<![学本专内外工文医牙儿妇眼骨])科|(?<![网车驿])站|(?<![场住处厕诊寓会])所))$',
);
/**
 * A leading group, a joint conference, a task force or its office, the body a plan's programme sets up: its name is the
 * programme's words.
 */
const PROGRAMME_BODY = /(?:领导小组|联席会议|工作专班|指挥部|工作组|专项组)(?:办公室)?$/;
/** The programme's office by its usual short name: 区试点办, 广州市试点办 (its 试点 is no clause's). */
const PILOT_OFFICE = /^(?:[\u4e00-\u9fff]{0,4}[市区县])?试点办(?:公室)?$/;
/** What a clause that assigns work or sets a body up says (区商务局牵头, 成立领导小组), which no body's own name holds. */
const ASSIGNING_WORD = /负责|牵头|配合|会同|的|^(?:成立|组建|设立|建立|健全|完善|加强|强化|发挥|充分|依托|通过|经|由|请)/;
/** Words that end like an organisation but are not one (总部, 内部, 全部, 东部…). */
const NOT_A_UNIT = /(?:全部|内部|外部|总部|干部|局部|东部|西部|南部|北部|中部|大部|顶部|底部|头部|本部|细部|小镇|特色镇|城镇|乡镇)$/;
/** The collective names plans use for all units of a kind (各镇街, 各区, 各有关单位). */
const COLLECTIVE = /^各(?:镇街|镇（街）|镇\(街\)|镇|街道|街|区|县|区县|县区|园区|功能区|片区|开发区|成员单位|有关单位|相关单位|有关部门|相关部门|部门|单位)$/;
/** Verbs and function words that never occur inside an organisation's name: a candidate holding one is a clause. */
const CLAUSE_WORD = /召开|推进|加快|支持|开展|推动|落实|鼓励|探索|完善|深化|实施|负责|牵头|配合|会同|做好|加强|强化|按照|根据|试点|要求|进一步|积极|以及|或者|我们|包括|不含|例如|比如|诸如|其中|的/;

/** A count of things (区属2家三甲医院国际医疗部, 3个街道办事处): what a report says of them, no organisation's name. */
const COUNTED = /[0-9０-９]+(?:家|个|所|名|座|批|项)/;

/** Is the whole string the name of an organisation (or a collective of them)? */
export function isUnitName(s: string): boolean {
  const name = s.trim();
  if (name.length < 2 || name.length > 40) return false;
  // a body named after its programme (从化区服务业扩大开放综合试点工作领导小组办公室), whose name holds a clause's words
  if (PROGRAMME_BODY.test(name) && !ASSIGNING_WORD.test(name) && /^[\u4e00-\u9fff（）()]+$/.test(name)) return true;
  if (PILOT_OFFICE.test(name)) return true;
  // most candidates are clauses: only a collective (各…) or a name with a unit's last character can pass
  if (name.charCodeAt(0) !== GE && !isUnitLast(name.charCodeAt(name.length - 1))) return false;
  if (COLLECTIVE.test(name)) return true;
  if (!/^[\u4e00-\u9fffA-Za-z0-9（）()·]+$/.test(name)) return false;
  if (CLAUSE_WORD.test(name) || NOT_A_UNIT.test(name) || COUNTED.test(name)) return false;
  if (/^[（(]|[（(][^）)]*$/.test(name)) return false;
  return UNIT_ENDING.test(name) || isDistrict(name);
}

/** A district named as a unit (黄埔区负责, 南沙新区、市科技局): its name of two or three characters, then 区, 新区 or 县. */
const DISTRICT = /^([\u4e00-\u9fff]{2,3}?)(?:新区|区|县)$/;
/** Names of that shape that are kinds of area, not a district: 城区, 社区, 园区, 试验区, 大湾区, 中心区… */
const NOT_A_DISTRICT = /^(?:城|市|社|小|园|片|景|校|厂|库|矿|灾|疫|郊|辖|街|老|山|牧|林|湾|大湾|城市|中心|核心|老城|主城|旧城|新城|试验|示范|开发|高新|自贸|功能|重点|保税|商务|经济|综合|合作|先行|试点|产业|集聚|服务|全|本|我|该|各|相关|有关|上述|其他|本区|辖区|行政|边境|民族|自治|特区)$/;

/**
 * …and longer ones: a kind of area with a word before it (重点园区, 核心片区, 各景区, 相关园区: a stem ending with the kind's
 * first character, or opening with a word that picks among areas or a sentence's verb: 依托区人才服务中心), or the writer's
 * own (现将我区, 推动本区: 我区 with the words before it).
 */
const NOT_A_DISTRICT_STEM = /^(?:重点|各|相关|有关|上述|其他|依托|推动|支持)|[园片景校我本该]$/;

/** Whether the whole name is a district's (黄埔区, 南沙新区; not 城区, 开发区, 重点园区). */
export function isDistrict(name: string): boolean {
  const m = DISTRICT.exec(name);
  return !!m && !NOT_A_DISTRICT.test(m[1]) && !NOT_A_DISTRICT_STEM.test(m[1]);
}

/** A district's or zone's own name: 黄埔区 → 黄埔, 南沙新区 → 南沙. */
export const districtStem = (name: string) => name.replace(/(?:新区|区|县)$/, '');

/** A district's name a name opens with, after its city if any (天河区商务局, 广州市天河区商务局 → 天河区). */
const LEADING_DISTRICT = /^(?:[\u4e00-\u9fff]{2,4}?市)?([\u4e00-\u9fff]{2,3}?(?:新区|区|县))/;

/** The district a unit's name or a title opens with (天河区商务局 → 天河区; 南沙新区管委会 → 南沙新区), and where it starts. */
export function leadingDistrict(name: string): { name: string; at: number } | undefined {
  const m = LEADING_DISTRICT.exec(name);
  return m && isDistrict(m[1]) ? { name: m[1], at: m[0].length - m[1].length } : undefined;
}

/** A district's name in a title: at its start, after its city or after another district's (黄埔区, 广州市黄埔区, 越秀区、荔湾区). */
const TITLE_DISTRICT = /(?<=^|[市、和与及，,\s])[\u4e00-\u9fff]{2,3}?(?:新区|区|县)/g;

/** Every district a plan's title names (越秀区、荔湾区联合……: both), in order. */
export function titleDistricts(title: string): string[] {
  return [...title.matchAll(TITLE_DISTRICT)].map((m) => m[0]).filter(isDistrict);
}

/**
 * Whether two names of one unit (mayNameSameUnit) may name it in a plan of the districts `own` (titleDistricts): the
 * district each opens with, the plan's own when it opens with none (区商务局) or with one of `own`, must be the same —
 * 天河区商务局 is not a 黄埔区 plan's 区商务局. Without districts (a city's plan), any.
 */
export function sameDistrictOf(a: string, b: string, own: readonly string[]): boolean {
  if (!own.length) return true;
  const of = (name: string) => {
    const d = leadingDistrict(name)?.name;
    return d === undefined || own.includes(d) ? '' : d;
  };
  return of(a) === of(b);
}

type Role = 'lead' | 'partner';

/** Role words that may follow a unit list: 区商务局牵头, 区财政局配合. Longest first. */
const ROLE_AFTER: [RegExp, Role][] = [
  [/牵头负责|牵头/, 'lead'],
  [/负责/, 'lead'],
  [/配合|参与|协助|协办|协同/, 'partner'],
];
// 协同 only before the work (区财政局协同推进): 区商务局协同区财政局推进 is 会同's sense, the first unit leading
const ROLE_WORD = /牵头负责|牵头|负责|配合|参与|协助|协办|协同(?=推进|配合|实施|落实|开展)/g;

/**
 * The units of text[start, end) when that span is wholly a list of units (区商务局、区财政局等, also joined by 和/及
 * where both sides are units); undefined otherwise. A unit marked （牵头） comes back as `marked`.
 */
export function readUnitList(text: string, start = 0, end = text.length): { units: Unit[]; marked?: Unit } | undefined {
  // trim spaces, bold markers and 由 at the start (on character codes: this runs on every clause of every block)
  while (start < end && (isSpace(text.charCodeAt(start)) || text.charCodeAt(start) === STAR)) start++;
  while (end > start && isListTrailer(text.charCodeAt(end - 1))) end--;
  if (text.startsWith('由', start)) start++;
  else {
    // minutes' and notices' words that give the work (会议要求区金融局牵头, 请区商务局牵头, 会议同意由区商务局牵头)
    LEAD_IN.lastIndex = start;
    const m = LEAD_IN.exec(text);
    if (m && start + m[0].length < end) start += m[0].length;
  }
  // a short name declared after the last unit (区市场监督管理局（以下简称“区市场监管局”）牵头) names it again, no unit of its own
  if (end > start && (text.charCodeAt(end - 1) === 0xff09 || text.charCodeAt(end - 1) === 41)) {
    const open = Math.max(text.lastIndexOf('（', end), text.lastIndexOf('(', end));
    if (open > start && SHORT_NAME_DECLARED.test(text.slice(open + 1, end - 1))) end = open;
  }
  const etc = trailingEtc(text, start, end);
  if (etc > start) end = etc;
  if (start >= end) return undefined;
  const units: Unit[] = [];
  let marked: Unit | undefined;
  let pieceStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && (CHAR_CLASS[text.charCodeAt(i)] & LIST_SEPARATOR) === 0) continue;
    let a = pieceStart;
    let b = i;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    pieceStart = i + 1;
    let isMarked = false;
    if (endsWithLeadMark(text, a, b)) {
      b -= 4;
      isMarked = true;
    }
    // a unit and its other name in a parenthesis before its role (由黄埔区政府（广州开发区管委会）牵头): both names, the
    // first first, as a labelled line reads 牵头单位：黄埔区政府（广州开发区管委会）
    const alias = aliasOf(text, a, b);
    if (alias) {
      units.push({ name: text.slice(a, alias - 1), start: a, end: alias - 1 }, { name: text.slice(alias, b - 1), start: alias, end: b - 1 });
      if (isMarked && !marked) marked = units[units.length - 2];
      continue;
    }
    // a piece that can be neither a unit nor units joined by 和 ends the list before it is cut out
    if (!mayNameUnits(text, a, b)) return undefined;
    const piece = text.slice(a, b);
    // 区财政局和区税务局 splits where every part is a unit; 区文化和旅游局 does not
    const found = splitJoined(text, a, b) ?? (isUnitName(piece) ? [{ name: piece, start: a, end: b }] : splitBlanks(text, a, b));
    if (!found) return undefined;
    units.push(...found);
    if (isMarked && !marked) marked = found[0];
  }
  return units.length ? { units, marked } : undefined;
}

/** What gives the work before the units that do it: 请, 会议要求, 会议同意由, 责成, 本方案由 (由 is trimmed alone, first). */
const LEAD_IN = /(?:(?:会议|会上)?(?:要求|同意|明确|确定|决定|议定|责成)(?:由|请)?|请|本(?:方案|计划|通知)由)/y;

/** Where the other name of text[a, b)'s unit starts, in a parenthesis that ends it (黄埔区政府（广州开发区管委会）), if any. */
function aliasOf(text: string, a: number, b: number): number | undefined {
  const last = text.charCodeAt(b - 1);
  if (b - a < 4 || (last !== 0xff09 && last !== 41)) return undefined;
  const open = text.lastIndexOf(last === 41 ? '(' : '（', b - 1);
  if (open <= a || b - open > MAX_ALIAS || !isUnitLast(text.charCodeAt(open - 1))) return undefined;
  return isUnitName(text.slice(open + 1, b - 1)) && isUnitName(text.slice(a, open)) ? open + 1 : undefined;
}

/** A blank or a line break between units (区统计局 区司法局, a Word cell's paragraphs, 区统计局<br>区司法局, an Excel cell's lines). */
const UNIT_BLANKS = /(?:[ \t\u3000\r\n]|<br\s*\/?>)+/gi;

/** 区统计局 区司法局 → both, when every part between blanks is a unit (and there are two or more). */
function splitBlanks(text: string, a: number, b: number): Unit[] | undefined {
  const piece = text.slice(a, b);
  if (!/[ \t\u3000>\r\n]/.test(piece)) return undefined;
  const parts: Unit[] = [];
  let from = 0;
  UNIT_BLANKS.lastIndex = 0;
  for (let m = UNIT_BLANKS.exec(piece); ; m = UNIT_BLANKS.exec(piece)) {
    const to = m ? m.index : piece.length;
    const name = piece.slice(from, to);
    if (!isUnitName(name)) return undefined;
    parts.push({ name, start: a + from, end: a + to });
    if (!m) break;
    from = m.index + m[0].length;
  }
  return parts.length > 1 ? parts : undefined;
}

/** 区商务局和区财政局 → both, when every part is a unit (区文化和旅游局 stays whole, as it is a unit itself). */
function splitJoined(text: string, a: number, b: number): Unit[] | undefined {
  const piece = text.slice(a, b);
  if (!JOINER_CHAR.test(piece)) return undefined;
  const parts: Unit[] = [];
  let from = 0;
  for (const m of piece.matchAll(/以及|和|及|与/g)) {
    const left = piece.slice(from, m.index);
    if (!isUnitName(left)) continue;
    parts.push({ name: left, start: a + from, end: a + m.index! });
    from = m.index! + m[0].length;
  }
  const rest = piece.slice(from);
  if (!parts.length || !isUnitName(rest)) return undefined;
  parts.push({ name: rest, start: a + from, end: b });
  return parts;
}

/** A character of every joiner splitJoined splits at (以及, 和, 及, 与): without one, a piece is not split. */
const JOINER_CHAR = /[和及与]/;

const GE = 0x5404; // 各
const STAR = 0x2a;

/**
 * Classes of characters by UTF-16 code, a bit each: the readers test every character of every block, and a table
 * look-up costs less than a regex (or a set) per character.
 */
const CHAR_CLASS = new Uint8Array(0x10000);
/** The last characters of the unit endings (UNIT_ENDING): a name ends with one of them. */
const UNIT_LAST = 1;
/** What separates the names of a list: 、，,／/ */
const LIST_SEPARATOR = 2;
/** Clause boundaries: punctuation that ends a phrase, and brackets. */
const CLAUSE_BREAK = 4;
for (const [chars, bit] of [['局委办厅院部署心司团府行关室所会联协镇道学位门处队区县科站议', UNIT_LAST], ['、，,／/', LIST_SEPARATOR], ['，,。；;：:（）()\n！？!?', CLAUSE_BREAK]] as const) {
  for (const c of chars) CHAR_CLASS[c.charCodeAt(0)] |= bit;
}
const isUnitLast = (c: number) => (CHAR_CLASS[c] & UNIT_LAST) !== 0;

/** Does the character code match /\s/ (JavaScript's white space and line terminators)? */
function isSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** What is trimmed off the end of a unit list: /[\s*。.]/ */
function isListTrailer(c: number): boolean {
  return isSpace(c) || c === STAR || c === 0x3002 || c === 0x2e;
}

/**
 * What may follow a name without being part of it (区商务局等, 区财政局等部门): /等(?:有关|相关)?(?:单位|部门)?$/, as
 * the tails after its 等, longest first.
 */
const ETC_TAILS = ['有关单位', '有关部门', '相关单位', '相关部门', '有关', '相关', '单位', '部门', ''];

/**
 * Where that pattern matches text[start, end) (an absolute offset), or -1: the leftmost match that reaches the end is
 * the longest tail, so the tails are tried longest first; no slice, no regex.
 */
function trailingEtc(text: string, start: number, end: number): number {
  const last = text.charCodeAt(end - 1);
  // the match ends with 等, 单位, 部门, 有关 or 相关
  if (end <= start || (last !== 0x7b49 && last !== 0x4f4d && last !== 0x95e8 && last !== 0x5173)) return -1;
  for (const tail of ETC_TAILS) {
    const at = end - 1 - tail.length;
    if (at >= start && text.charCodeAt(at) === 0x7b49 /* 等 */ && text.startsWith(tail, at + 1)) return at;
  }
  return -1;
}

/** Does text[a, b) end with （牵头） (/[（(]牵头[）)]$/)? */
function endsWithLeadMark(text: string, a: number, b: number): boolean {
  if (b - a < 4) return false;
  const open = text.charCodeAt(b - 4);
  const close = text.charCodeAt(b - 1);
  return (open === 0xff08 || open === 0x28) && (close === 0xff09 || close === 0x29) && text.startsWith('牵头', b - 3);
}

/**
 * Can text[a, b) (trimmed) be a unit or units joined by 和? Only when it ends with a unit's last character or holds a
 * 各 (a collective, whole or joined): isUnitName and splitJoined would both refuse it otherwise.
 */
function mayNameUnits(text: string, a: number, b: number): boolean {
  // as isUnitName trims (a piece that held （牵头） may end with a space)
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  if (b - a < 2) return false;
  if (isUnitLast(text.charCodeAt(b - 1))) return true;
  for (let i = a; i < b; i++) if (text.charCodeAt(i) === GE) return true;
  return false;
}

/** The longest unit list looked for at the start of a clause, in characters (a few names). */
const MAX_LIST_LENGTH = 120;

/** The longest start of text[start, end) that is a unit list (会同区财政局推进… → 区财政局). */
function leadingUnitList(text: string, start: number, end: number): Unit[] | undefined {
  const collective = text.charCodeAt(start) === GE;
  for (let b = Math.min(end, start + MAX_LIST_LENGTH); b > start + 1; b--) {
    // UNIT_ENDING needs a unit's last character at b - 1: test that before cutting out the candidate
    if (!collective && (!isUnitLast(text.charCodeAt(b - 1)) || !UNIT_ENDING.test(text.slice(start, b)))) continue;
    const list = readUnitList(text, start, b);
    if (list) return list.units;
  }
  return undefined;
}

// ---------------------------------------------------------------- declarations

export const FIRST_LEADS = /(?:列|排|位)(?:在|于|名|序)?(?:第一位|第一|首位)的?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)|第一个?(?:单位|部门)为牵头(?:单位|部门)|首位(?:单位|部门)?(?:为|是)牵头(?:单位|部门)/;

/**
 * Does the text declare that the first unit of a list leads (（市科技局、市经信局，列第一位的为牵头单位，下同）)?
 * Such a declaration applies from there on in the document.
 */
export function declaresFirstLeads(text: string): boolean {
  // every declaration ends with 牵头单位/牵头部门: a string search rules out most texts sooner than the regex
  return text.includes('牵头') && FIRST_LEADS.test(text);
}

/** Where a text declares that the first unit of a list leads, and whether it says so of the whole plan. */
export interface FirstLeadsDeclaration {
  index: number;
  /**
   * A note of the plan's (注：排在第一位的为牵头单位, （各项任务括号内列第一位的为牵头单位）): nothing before it on its line names a
   * unit, and it says neither 以下 nor 下同. It holds for the lists before it too: a plan often closes its list of tasks
   * or its 分工表 with it. One after a list of units (（区商务局、区司法局，列第一位的为牵头单位，下同）) holds from there on.
   */
  plan: boolean;
}

/** What follows a unit that ends an entry of a list: a separator, a comma, a closing parenthesis. */
const LIST_ENTRY_END = /[、，,）)；;]/;
const GENERIC_UNIT = /^(?:单位|部门)$/;

/** The text's first declaration that the first unit of a list leads, if any. */
export function firstLeadsDeclaration(text: string): FirstLeadsDeclaration | undefined {
  const m = text.includes('牵头') ? FIRST_LEADS.exec(text) : null;
  if (!m) return undefined;
  let start = m.index;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  let end = m.index + m[0].length;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  // a unit's last character at the end of a list's entry (区商务局、区司法局，列第一位…), not inside words (各项任务所列单位中，…)
  // nor the words 单位 and 部门 (所列单位，排在第一位的…)
  let namesUnit = false;
  for (let i = start; i < m.index && !namesUnit; i++) {
    namesUnit = isUnitLast(text.charCodeAt(i)) && LIST_ENTRY_END.test(text[i + 1]) && !GENERIC_UNIT.test(text.slice(Math.max(start, i - 1), i + 1));
  }
  return { index: m.index, plan: !namesUnit && !/以下|下同/.test(text.slice(start, end)) };
}

// ---------------------------------------------------------------- labels

// a colon after the label, or 为 after one that names units (牵头单位为区商务局, 责任单位为区交通运输局)
const LABEL = new RegExp(String.raw`(${ASSIGNMENT_LABELS})(?:[ \t]*(?:\*\*)?[ \t]*[：:]|(?<=单位|部门|主体)为)[ \t]*(?:\*\*)?`, 'g');
const LEAD_LABEL = /^牵头/;
const RESPONSIBLE_LABEL = /^(?:责任|主责|负责)/;
const PARTNER_LABEL = /^(?:配合|协办|参与)/;

interface Labelled {
  label: string;
  start: number;
  /** The value: from after the colon to the next ；/。/line end/label or the end of the enclosing parenthesis. */
  valueStart: number;
  valueEnd: number;
}

function readLabels(text: string): Labelled[] {
  const found: Labelled[] = [];
  // every label has a colon (or 为); most texts have none
  if (!text.includes('：') && !text.includes(':') && !text.includes('为')) return found;
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    found.push({ label: m[1], start: m.index, valueStart: m.index + m[0].length, valueEnd: text.length });
  }
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    let end = i + 1 < found.length ? found[i + 1].start : text.length;
    const stop = /[；;。\n]/.exec(text.slice(f.valueStart, end));
    if (stop) end = f.valueStart + stop.index;
    // （责任单位：区商务局）: the value ends with the parenthesis that holds the label
    let depth = 0;
    for (let j = f.valueStart; j < end; j++) {
      if (text[j] === '（' || text[j] === '(') depth++;
      else if (text[j] === '）' || text[j] === ')') {
        if (depth === 0) {
          end = j;
          break;
        }
        depth--;
      }
    }
    // 牵头单位：区商务局，配合单位：…: a comma before the next label ends this one too
    while (end > f.valueStart && /[，,\s]/.test(text[end - 1])) end--;
    f.valueEnd = end;
  }
  return found;
}

// ---------------------------------------------------------------- clauses

interface RoleUnits {
  role: Role | undefined;
  units: Unit[];
  at: number;
}

/**
 * The units of a clause and their role: 区商务局牵头, 由区商务局负责推进…, 由区商务局会同区财政局负责, 区财政局配合,
 * 会同区财政局. A clause that is only a unit list comes back with no role.
 */
function readClause(text: string, start: number, end: number): readonly RoleUnits[] {
  if (!hasUnitChar(text, start, end)) return NO_ROLES;
  const out: RoleUnits[] = [];
  const clause = text.slice(start, end);
  const plain = readUnitList(text, start, end);
  if (plain) {
    if (!plain.marked) return [{ role: undefined, units: plain.units, at: start }];
    // 市经信局、市科技局（牵头）: the marked unit leads, the others partner
    out.push({ role: 'lead', units: [plain.marked], at: plain.marked.start });
    const others = plain.units.filter((u) => u !== plain.marked);
    if (others.length) out.push({ role: 'partner', units: others, at: start });
    return out;
  }
  ROLE_WORD.lastIndex = 0;
  const role = ROLE_WORD.exec(clause);
  // 一是区商务局会同区司法局建立…: the clause's label is no part of the unit's name
  const unlabelled = start + (CLAUSE_LABEL.exec(clause)?.[0].length ?? 0);
  let chunkStart = unlabelled;
  const by = clause.lastIndexOf('由', role ? role.index : clause.length);
  if (by >= 0) chunkStart = start + by + 1;
  if (role) {
    // 市商务局、市发展改革委按职责分工负责: the manner before the role word is not part of the names
    const kind = ROLE_AFTER.find(([re]) => re.test(role[0]))![1];
    const before = text.slice(chunkStart, start + role.index);
    const manner = MANNER.exec(before) ?? (kind === 'lead' ? WHEN_LED.exec(before) : null);
    const chunkEnd = start + role.index - (manner ? manner[0].length : 0);
    const together = togetherAt(text.slice(chunkStart, chunkEnd));
    if (together >= 0) {
      // 由区商务局会同区财政局负责: the first leads, the others partner
      const first = readUnitList(text, chunkStart, chunkStart + together);
      const others = readUnitList(text, chunkStart + together + 2, chunkEnd);
      if (first && others) {
        out.push({ role: kind, units: first.units, at: chunkStart });
        out.push({ role: 'partner', units: others.units, at: chunkStart + together + 2 });
        return out;
      }
    }
    const list = readUnitList(text, chunkStart, chunkEnd);
    if (list) {
      out.push({ role: kind, units: list.units, at: chunkStart });
      return out;
    }
  }
  // 区商务局会同区财政局推进… / …，会同区财政局制定… (or 协同)
  const together = togetherAt(clause);
  if (together >= 0) {
    // (区委宣传部已于2023年8月会同区金融工作局发布…: a report's units that did the work, before 已)
    const before = readUnitList(text, chunkStart, start + together) ?? reportedDoers(text, clause, start, unlabelled, together);
    if (before) out.push({ role: 'lead', units: before.units, at: chunkStart });
    const after = leadingUnitList(text, start + together + 2, end);
    if (after) out.push({ role: 'partner', units: after, at: start + together + 2 });
    return out;
  }
  // 区金融工作局已于2024年2月完成…: the units a report says did the work lead it (a government's bureaus: not 医疗部)
  const doers = reportedDoers(text, clause, start, unlabelled, clause.length);
  if (doers) out.push({ role: 'lead', units: doers.units, at: unlabelled });
  return out;
}

/**
 * The units a report's clause says did the work, before its 已 (区金融工作局已于2024年2月完成…) and before `limit` in the
 * clause: a government's bureaus only (not 医疗部).
 */
function reportedDoers(text: string, clause: string, start: number, unlabelled: number, limit: number): ReturnType<typeof readUnitList> {
  // how a unit does the work only after a clause that opens with a government's unit (a cheap test first: most clauses
  // do not, and the words of DID are in most)
  const opens = GOVERNMENT_LEVEL.test(clause.slice(unlabelled - start, unlabelled - start + OPENING_REACH));
  const did = opens ? clause.search(DID) : clause.indexOf('已');
  if (did < 2 || did >= limit || start + did <= unlabelled) return undefined;
  const doers = readUnitList(text, unlabelled, start + did);
  // (a unit's name, not a district's alone: 在黄埔区推动…, 成立区…专班 name none)
  return doers && doers.units.every((u) => (GOVERNMENT_LEVEL.test(u.name) || ZONE_COMMITTEE.test(u.name)) && !isDistrict(u.name)) ? doers : undefined;
}

/**
 * What follows the units a report says did the work: 已 (区金融工作局已于…), or how they do it (区人社局为外籍人才…提供…,
 * 区商务局推动…, …正在…). Not 统筹 (…，区教育局统筹推进，… after an item is no part of it).
 */
const DID = /已|为(?![主牵配责])|正在|积极|持续|推动|推进|依托|组织|开展|制定|举办/;
/** How much of a clause's opening GOVERNMENT_LEVEL needs to see (黄埔新区…: five characters). */
const OPENING_REACH = 6;

/** An enumeration's label that opens a clause: 一是, 二是, 首先, 其次 (and a comma after it). */
const CLAUSE_LABEL = /^[ \t\u3000]*(?:[一二三四五六七八九十]+是|首先|其次|再次|最后)[，,]?/;

/** The inside of a parenthesis that declares a short name: 以下简称“区市场监管局”, 简称区市场监管局. */
const SHORT_NAME_DECLARED = /^(?:以下|下)?简称/;

/** A zone's committee, a government's too (天河中央商务区管委会, 广州空港经济区管理委员会). */
const ZONE_COMMITTEE = /(?:管委会|管理委员会)$/;
/** A government's unit by its name's opening: its level (区商务局, 市科技局) or its district (黄埔区人社局). */
const GOVERNMENT_LEVEL = /^(?:省|市|区|县|[\u4e00-\u9fff]{2,3}(?:新区|区|县|市)(?![场内域]))/;

/**
 * Where 会同 (or 协同, or 联合 before a level: 区委网信办联合区市场监管局, not 工商业联合会) joins the leading units to their
 * partners (区商务局会同区财政局), or -1; each is two characters.
 */
function togetherAt(s: string): number {
  return s.search(TOGETHER);
}
/** 会同, 协同, or 联合 before a level (the units after it open with theirs). */
const TOGETHER = /会同|协同|联合(?=[区市县省])/;

/** How units do a task, written between their names and the role word (按职责分工负责, 共同牵头, 具体负责, 为牵头单位). */
const MANNER = /(?:按照?职责分工|按照?职责|依职责|分别|共同|联合|具体|主要|全面|统筹|为)$/;
/** …and when a lead did (区金融工作局于2024年4月牵头…): not a partner's (区商务局已于2024年9月协助2家企业…, the doer's). */
const WHEN_LED = /(?:已|将)?于[0-9０-９]{4}年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?(?:底|初|中旬|上旬|下旬)?$/;

const NO_ROLES: readonly RoleUnits[] = Object.freeze([]);

/**
 * A clause without any of these characters names no unit: the last characters of every unit ending (UNIT_LAST), and
 * 各. Tested on character codes, as most clauses have none and need not be cut out. Every unit the readers return
 * passed this test, so a text without such a character has no lead.
 */
export function hasUnitChar(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isUnitLast(c) || c === GE) return true;
  }
  return false;
}

/** The longest other name of a unit a parenthesis after it gives (（广州开发区管委会）), with its marks. */
const MAX_ALIAS = 24;
/** A role word right after such a parenthesis. */
const ROLE_NEXT = /^(?:牵头|负责|配合|参与|协助|协办|会同|协同)/;

/** The clauses of text[from, to), as flat [start, end, start, end, …] (one array, not one per clause). */
function clausesOf(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  let s = from;
  // on character codes: this runs over every character of every block
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : -1;
    if ((c === 0xff08 || c === 0x28) && endsWithLeadMark(text, i, i + 4)) {
      i += 3; // 市科技局（牵头） is one unit, not a clause break
      continue;
    }
    if ((c === 0xff08 || c === 0x28) && SHORT_NAME_DECLARED.test(text.slice(i + 1, i + 5))) {
      // 由区市场监督管理局（以下简称“区市场监管局”）牵头: the declaration is a part of its unit's name, not a clause break
      const close = text.indexOf(c === 0xff08 ? '）' : ')', i);
      if (close > i && close < to) {
        i = close;
        continue;
      }
    }
    if ((c === 0xff08 || c === 0x28) && i > from && isUnitLast(text.charCodeAt(i - 1))) {
      // 由黄埔区政府（广州开发区管委会）牵头: the unit's other name in its parenthesis, before its role, is a part of its
      // clause, not a break
      const close = text.indexOf(c === 0xff08 ? '）' : ')', i);
      if (close > i + 1 && close < to && close - i <= MAX_ALIAS && ROLE_NEXT.test(text.slice(close + 1, close + 3)) && isUnitName(text.slice(i + 1, close))) {
        i = close;
        continue;
      }
    }
    if (i === to || (CHAR_CLASS[c] & CLAUSE_BREAK) !== 0) {
      if (i > s) out.push(s, i);
      s = i + 1;
    }
  }
  return out;
}

// ---------------------------------------------------------------- assignments

/** The text with the given ordered, disjoint spans replaced by spaces (offsets unchanged). */
function blank(text: string, spans: [number, number][]): string {
  if (!spans.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [a, b] of spans) {
    parts.push(text.slice(at, a), ' '.repeat(b - a));
    at = b;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** A lead that names no unit in particular: 各有关部门, 相关单位, 区直各有关单位 (not 各区政府, 各街道: each of a set). */
const VAGUE_UNIT = /^(?:区直|市直|区属|市属|区|市)?各?(?:有关|相关|其他)?(?:单位|部门|机构|职能部门)$/;

/** Whether a unit as named is no unit in particular (各有关部门): as a lead, it leaves the task unowned. */
export function namesNoUnit(name: string): boolean {
  return VAGUE_UNIT.test(name);
}

/** A city bureau's branch in a district, named from the city (市生态环境局某区分局): the district's 区生态环境分局. */
const CITY_BRANCH = /^(?:\p{Script=Han}{2,3}市|市)(\p{Script=Han}+?)局\p{Script=Han}{0,4}区分局$/u;

/**
 * A name that ends as a unit's does: a longer name that starts with it and goes on names a part of it (区政府办公室, 区委宣传部;
 * a street's or a town's offices, 街道平安建设办公室, 镇公共服务办公室, in its own plan).
 */
const UNIT_END = /(?:府|委|局|办|会|部|院|厅|中心|集团|街道|镇)$/;
/** …unless what goes on only writes its last word in full: 办 for 办公室 (区口岸物流办), 委 for 委员会 or 委会 (区管委). */
const WRITTEN_IN_FULL = /(?:办公室|委员会|委会)$/;

/**
 * Whether two names may name the same unit: the same, or one written shorter with the other's characters in order
 * (区金融局 for 区金融工作局, 区市场监管局 for 区市场监督管理局, 区口岸办 in 区商务局（区口岸办）, 区生态环境分局 for
 * 市生态环境局某区分局). 市商务局 and 区商务局 do not, nor a unit and a part of it (区政府, 区政府办公室).
 */
export function mayNameSameUnit(a: string, b: string): boolean {
  const branch = (name: string) => name.replace(CITY_BRANCH, '区$1分局');
  const [short, long] = a.length <= b.length ? [branch(a), branch(b)] : [branch(b), branch(a)];
  if (short !== long && long.startsWith(short) && UNIT_END.test(short) && !/^[（(]/.test(long.slice(short.length))
    && !(WRITTEN_IN_FULL.test(long) && long.length - short.length <= 2 && WRITTEN_IN_FULL.exec(long)!.index === short.length - 1)) return false;
  let at = 0;
  for (const ch of short) {
    at = long.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

export function dedupe(units: Unit[], except: (Unit | undefined)[] = []): Unit[] {
  const out: Unit[] = [];
  if (!units.length) return out; // most blocks name none
  const seen = new Set(except.filter(Boolean).map((u) => u!.name));
  for (const u of units) {
    if (seen.has(u.name)) continue;
    seen.add(u.name);
    out.push(u);
  }
  return out;
}

/**
 * The lead unit, partners and deadline of a task item (a list item with its continuation lines, a sentence, or a
 * heading). Labelled values come first (牵头单位：…；配合单位：…；完成时限：…), then roles in the text (由…牵头, …配合,
 * 会同…), then a parenthesis that closes the item and only lists units: with `firstLeads` (or a declaration in the
 * item itself) its first unit leads and the rest partner; a lone unit there leads; several without a declaration are
 * `named`. The deadline is a labelled one, else the first deadline in the text (see readDeadlines).
 */
export function readAssignment(text: string, options: { firstLeads: boolean }): Assignment {
  const firstLeads = options.firstLeads || declaresFirstLeads(text);
  let lead: Unit | undefined;
  const coLeads: Unit[] = [];
  const partners: Unit[] = [];
  const responsible: Unit[] = [];
  let named: Unit[] = [];
  let deadline: Deadline | undefined;
  let term: Term | undefined;

  // labelled values
  const labels = readLabels(text);
  const hasLeadLabel = labels.some((l) => LEAD_LABEL.test(l.label));
  for (const l of labels) {
    if (/时限|时间|期限|节点|进度/.test(l.label)) {
      if (!deadline) {
        const d = firstDeadline(text.slice(l.valueStart, l.valueEnd), { standalone: true });
        if (d) deadline = shift(d, l.valueStart);
        else term ??= termOf(text, l.valueStart, l.valueEnd);
      }
      continue;
    }
    const clauses = clausesOf(text, l.valueStart, l.valueEnd);
    const roles: RoleUnits[] = [];
    for (let k = 0; k < clauses.length; k += 2) roles.push(...readClause(text, clauses[k], clauses[k + 1]));
    for (const r of roles) {
      const role: Role | 'responsible' | undefined = r.role ?? (LEAD_LABEL.test(l.label) ? 'lead' : PARTNER_LABEL.test(l.label) ? 'partner' : RESPONSIBLE_LABEL.test(l.label) ? (hasLeadLabel ? 'partner' : 'responsible') : undefined);
      if (role === 'lead') {
        if (!lead) lead = r.units[0];
        coLeads.push(...r.units.filter((u) => u !== lead));
      } else if (role === 'partner') partners.push(...r.units);
      else if (role === 'responsible') responsible.push(...r.units);
    }
  }
  if (!lead && responsible.length) {
    // 责任单位 alone names the lead first
    lead = responsible[0];
    (firstLeads ? partners : coLeads).push(...responsible.slice(1));
  } else partners.push(...responsible);

  // roles in the text
  const rest = labels.length ? blank(text, labels.map((l) => [l.start, l.valueEnd] as [number, number])) : text;
  let closing = closingParenthesis(rest);
  // a unit's other name (市市场监管局（市知识产权局）, a table's cell of who gave an opinion) assigns nothing
  if (closing && isUnitName(rest.slice(0, closing[0] - 1).trim())) closing = undefined;
  const clauses = clausesOf(rest, 0, rest.length);
  for (let k = 0; k < clauses.length; k += 2) {
    const a = clauses[k];
    const b = clauses[k + 1];
    const inClosing = closing !== undefined && a >= closing[0] && b <= closing[1];
    for (const r of readClause(rest, a, b)) {
      if (r.role === 'lead') {
        if (!lead) lead = r.units[0];
        else if (lead.name !== r.units[0].name) coLeads.push(r.units[0]);
        coLeads.push(...r.units.slice(1));
      } else if (r.role === 'partner') partners.push(...r.units);
      else if (inClosing) {
        // （区商务局） / （市科技局、市经信局，列第一位的为牵头单位）
        if (r.units.length === 1 || firstLeads) {
          if (!lead) lead = r.units[0];
          partners.push(...r.units.slice(1));
        } else named = named.concat(r.units);
      }
    }
  }
  deadline ??= firstDeadline(text);
  if (!deadline && !term && closing) term = closingTerm(rest, closing[0], closing[1]);

  const result: Assignment = { partners: dedupe(partners, [lead]) };
  if (lead) result.lead = lead;
  const co = dedupe(coLeads, [lead]);
  if (co.length) result.coLeads = co;
  if (named.length) named = dedupe(named, [lead, ...partners]);
  if (named.length) result.named = named;
  if (deadline) result.deadline = deadline;
  else if (term) result.term = term;
  return result;
}

function shift<T extends { start: number; end: number }>(x: T, by: number): T {
  return { ...x, start: x.start + by, end: x.end + by };
}

/**
 * The assignment a heading gives the items under it: 一、商务服务（区商务局牵头）, （二）金融服务（牵头单位：区金融局）.
 * Only its closing parenthesis and labels count: a heading's own words are a title, not a sentence.
 */
export function readHeadingAssignment(title: string, options: { firstLeads: boolean } = { firstLeads: false }): Assignment {
  const closing = closingParenthesis(title);
  const hasLabel = HAS_LABEL.test(title);
  if (!closing && !hasLabel) return { partners: [] };
  const from = closing && !hasLabel ? closing[0] - 1 : 0;
  return readAssignment(blank(title, [[0, from]]), options);
}

/** LABEL without its global flag, for a test (made once, not per heading). */
const HAS_LABEL = new RegExp(LABEL.source);

// ---------------------------------------------------------------- table rows

/** Column headers of a responsibility table, by what their cells hold. */
const LEAD_HEADER = /^(?:牵头单位|牵头部门|牵头)$/;
const RESPONSIBLE_HEADER = /^(?:责任单位|责任部门|主责单位|负责单位)$/;
const PARTNER_HEADER = /^(?:配合单位|配合部门|协办单位|参与单位)$/;
const DEADLINE_HEADER = /^(?:完成时限|完成时间|完成期限|时间|时间节点|时限)$/;

function headerName(h: string): string {
  return h.replace(/[\s*]/g, '');
}

/** Is this header a column of a responsibility table (牵头单位, 责任单位, 配合单位, 完成时限, 时间…)? */
export function isAssignmentHeader(h: string): boolean {
  const name = headerName(h);
  return [LEAD_HEADER, RESPONSIBLE_HEADER, PARTNER_HEADER, DEADLINE_HEADER].some((re) => re.test(name));
}

/**
 * A row of a table that assigns tasks (a 分工表): its header names a lead, responsible or partner column, or a deadline
 * column as such (完成时限; not a bare 时间, which a table of the plan's stages has: | 阶段 | 时间 | 主要工作 | 涉及任务 |).
 */
export function assigningTable(row: { header?: readonly string[] }): boolean {
  return !!row.header?.some((h) => {
    const name = headerName(h);
    return LEAD_HEADER.test(name) || RESPONSIBLE_HEADER.test(name) || PARTNER_HEADER.test(name) || TASK_DEADLINE_HEADER.test(name);
  });
}
const TASK_DEADLINE_HEADER = /^(?:完成时限|完成时间|完成期限|时限)$/;

/**
 * The assignment of a table row, its columns found by their header. Offsets are into the cell the unit or deadline is
 * in, named by `cell`. With both 牵头单位 and 责任单位 columns, 责任单位 are partners; 责任单位 alone names the lead first.
 * Cells of other columns are read as text (a task cell ending with （区商务局牵头）) when the columns name no lead.
 */
export function readRowAssignment(header: string[], cells: string[], options: { firstLeads: boolean } = { firstLeads: false }): Assignment {
  const names = header.map(headerName);
  const column = (re: RegExp) => names.findIndex((n) => re.test(n));
  const inCell = (i: number) => <T extends { start: number; end: number }>(x: T): T & { cell: number } => ({ ...x, cell: i });
  const leadCol = column(LEAD_HEADER);
  const respCol = column(RESPONSIBLE_HEADER);
  const partnerCol = column(PARTNER_HEADER);
  const deadlineCol = column(DEADLINE_HEADER);
  // a | inside a cell (escaped \| in Markdown, as a Word cell's own | becomes) separates units like 、; same length, same offsets
  const cellText = (i: number) => {
    if (i < 0 || i >= cells.length) return '';
    // most cells hold no \|, and need no regex
    return cells[i].includes('\\|') ? cells[i].replace(/\\\|/g, '、 ') : cells[i];
  };

  const unitsOf = (i: number) => {
    if (i < 0) return { lead: undefined, units: [] as Unit[], assigned: undefined as Assignment | undefined };
    const text = cellText(i);
    const a = readAssignment(text, options);
    const list = readUnitList(text);
    // a list whose unit is marked （牵头） names that one first (区统计局、区商务局（牵头） → 区商务局, 区统计局)
    const units = (list?.units ?? []).map(inCell(i));
    const marked = list?.marked ? units.findIndex((u) => u.start === list.marked!.start) : -1;
    if (marked > 0) units.unshift(...units.splice(marked, 1));
    return { lead: a.lead && inCell(i)(a.lead), units, assigned: a };
  };
  const leadCell = unitsOf(leadCol);
  const respCell = unitsOf(respCol);
  const partnerCell = unitsOf(partnerCol);

  let lead: Unit | undefined;
  const coLeads: Unit[] = [];
  const partners: Unit[] = [];
  if (leadCol >= 0) {
    // a 牵头单位 column decides, empty or not; 责任单位 beside it partner
    if (leadCell.units.length) {
      lead = leadCell.units[0];
      coLeads.push(...leadCell.units.slice(1));
    } else if (leadCell.lead) {
      lead = leadCell.lead;
      partners.push(...(leadCell.assigned?.partners ?? []).map(inCell(leadCol)));
    }
    partners.push(...respCell.units);
  } else if (respCol >= 0) {
    const own = respCell.assigned;
    if (own?.lead && !readUnitList(cellText(respCol))) {
      // 责任单位 | 区商务局牵头，区财政局配合
      lead = inCell(respCol)(own.lead);
      partners.push(...own.partners.map(inCell(respCol)));
    } else if (respCell.units.length) {
      lead = respCell.units[0];
      partners.push(...respCell.units.slice(1));
    }
  }
  partners.push(...partnerCell.units);

  let deadline: (Deadline & { cell?: number }) | undefined;
  let term: (Term & { cell?: number }) | undefined;
  if (deadlineCol >= 0) {
    const cell = cellText(deadlineCol);
    const d = firstDeadline(cell, { standalone: true });
    if (d) deadline = inCell(deadlineCol)(d);
    else {
      const t = termOf(cell, 0, cell.length);
      if (t) term = inCell(deadlineCol)(t);
    }
  }

  // the other cells: a task text may carry its own parenthesis or labels
  const used = new Set([leadCol, respCol, partnerCol, deadlineCol]);
  for (let i = 0; i < cells.length; i++) {
    if (used.has(i)) continue;
    if (!lead || !deadline) {
      const a = readAssignment(cells[i], options);
      if (!lead && a.lead) {
        lead = inCell(i)(a.lead);
        partners.push(...a.partners.map(inCell(i)));
      }
      if (!deadline && deadlineCol < 0 && a.deadline) deadline = inCell(i)(a.deadline);
      if (!term && deadlineCol < 0 && a.term) term = inCell(i)(a.term);
    }
  }

  const result: Assignment = { partners: dedupe(partners, [lead]) };
  if (lead) result.lead = lead;
  const co = dedupe(coLeads, [lead]);
  if (co.length) result.coLeads = co;
  if (deadline) result.deadline = deadline;
  else if (term) result.term = term;
  return result;
}
