// A short label of a task for inlay hints and completion (商务服务·外商投资社会调查): words, no pinyin or fuzzy search.
import { afterCity, categoryPlace, cityOf } from './pilotAreas';
import { escapeRegExp } from './text';
import { PolicyIndex, Task } from './types';

/** Verbs (and set phrases) that open a task; the key phrase is what follows them. Longer first where they overlap. */
const LEAD_VERBS = [
  '高标准建设', '积极参与', '大力发展', '规范探索', '深入实施', '全面推进', '全面落实', '全面推广', '适度放宽', '加速推进',
  '加速建设', '加快建成', '加快推动', '按相关规定', '按规定', '加快', '允许', '支持', '推动', '探索', '建设', '开展', '鼓励',
  '推进', '深化', '加强', '实施', '完善', '建立', '健全', '发挥', '优化', '落实', '促进', '提升', '规范', '培育', '打造',
  '扩大', '取消', '放宽', '推广', '依托', '联合', '推行', '研提', '创新', '营造', '强化', '坚持', '引导', '保障', '防控',
  '加大', '作为', '设立', '举办', '引进', '试点', '降低', '研究', '成立', '融合', '提供',
];
/** Words at which a long key phrase stops (a second verb or a purpose). */
const PHRASE_STOPS = ['从事', '作为', '提供', '享受', '开展', '参与', '实现', '通过', '按规定', '依法', '经备案'];
/** Trailing words that add nothing to a label. */
const TRAILING = ['相关工作', '工作', '经备案后', '有关', '相关', '等'];
/** Generic last words dropped from a label that is too long. */
const GENERIC_TAIL = ['体系', '试点', '机制', '制度', '建设', '发展', '业务', '应用'];
/** Nouns that end a word: a label still too long is cut after the last of them that fits. */
const HEAD_NOUNS = [
  '中心', '机构', '企业', '公司', '平台', '基地', '业务', '试点', '制度', '机制', '体系', '资格', '产品', '市场', '基金', '银行',
  '政策', '服务', '模式', '改革', '项目', '城市', '窗口', '科技', '技术', '医疗', '保险', '账户', '合作', '投资', '贸易', '管理',
  '方式', '人才', '资本', '医院', '标准', '院校', '园区', '节点', '互认', '审批', '品牌', '数据', '经济', '运营', '汽车',
  '解析', '转让',
];

/**
 * A short label of a task for inlay hints: its domain without 领域 (or a short form of its category) and the key
 * phrase of its text (at most `maxChars` characters), joined by `·` — T1.12 → 商务服务·外商投资社会调查,
 * T1.35 → 金融服务·数字人民币试点. Heuristic: the object of the first verb of the first clause that is not a
 * condition, with places, conditions and generic words taken off.
 */
export function taskSummary(task: Task, places: Places = NO_PLACES, maxChars = 12): string {
  const head = task.domain ? task.domain.replace(/领域$/, '') : shortCategory(task.category, places);
  // A place named by the category (黄埔区) is dropped from the text's phrase (支持黄埔区试点… → …).
  const place = !task.domain && task.category.startsWith('在') ? head : '';
  let words = keyPhrase(task.text, Math.max(2, maxChars), place, places);
  // 数据安全·数据安全、个人信息保护 → 数据安全·个人信息保护
  const rest = words.startsWith(head) ? words.slice(head.length).replace(/^[、和及与]/, '') : '';
  if (rest.length >= 2) words = rest;
  return [head, words].filter(Boolean).join('·');
}

/** A category as labels and places read it: without quotation marks and white space. */
function plainCategory(category: string): string {
  return category.replace(/[“”"‘’\s]/g, '');
}

/**
 * The places a source is about, as it names them itself: the city its title opens with (广州市… → 广州) and the
 * places its categories are set in (在黄埔区（广州开发区、中新广州知识城）… → 黄埔区, 广州开发区, 中新广州知识城),
 * each also as written after the city (开发区, 知识城). A label's key phrase does not open with one of them, nor with
 * one followed by 市, 新区 or 区 (南沙新区).
 */
export interface Places {
  /** The names, longest first. */
  readonly names: readonly string[];
  /** At the start of a phrase: a place, with 在/向/对/为 before it and 内/属 after it (在广州市内…). */
  readonly leading: RegExp;
}

/** A source that names no place (no label loses a word to one). */
export const NO_PLACES: Places = { names: [], leading: /(?!)/ };

const placesCache = new WeakMap<object, Places>();

/** The places of a source (see Places), worked out once per source. */
export function placesOf(source: Pick<PolicyIndex, 'meta' | 'tasks'> | undefined): Places {
  if (!source) return NO_PLACES;
  let places = placesCache.get(source);
  if (!places) placesCache.set(source, (places = readPlaces(source)));
  return places;
}

function readPlaces(source: Pick<PolicyIndex, 'meta' | 'tasks'>): Places {
  const city = cityOf(source.meta.title);
  const names = new Set<string>(city ? [city] : []);
  for (const { category } of source.tasks) {
    const found = categoryPlace(plainCategory(category));
    if (!found) continue;
    for (const name of [found.place, ...found.others]) {
      if (name.length < 2) continue;
      names.add(name);
      const after = afterCity(name, city);
      if (after) names.add(after);
    }
  }
  if (!names.size) return NO_PLACES;
  const sorted = [...names].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return { names: sorted, leading: new RegExp(`^(?:在|向|对|为)?(?:${sorted.map(escapeRegExp).join('|')})(?:市|新区|区)?(?:内|属)?`) };
}

function shortCategory(category: string, places: Places): string {
  let s = plainCategory(category);
  const place = categoryPlace(s);
  if (place) return place.place;
  s = stripLead(s, '', places);
  if (s.length > 6) {
    for (const stop of ['发展', '有序', '市场化', '自由化', '工作', '路径', '环境', '体系']) {
      const at = s.indexOf(stop, 2);
      if (at >= 2) return s.slice(0, at);
    }
    return s.slice(0, 6);
  }
  return s;
}

/** Takes lead verbs, places, conditions and prepositional openings off the start of a phrase (≥ 2 characters stay). */
function stripLead(s: string, place: string, places: Places): string {
  const cut = (n: number) => {
    if (n <= 0 || s.length - n < 2) return false;
    s = s.slice(n);
    return true;
  };
  for (let again = true; again; ) {
    again =
      cut(LEAD_VERBS.find((v) => s.startsWith(v))?.length ?? 0) ||
      (place.length >= 2 && s.startsWith(place) && cut(place.length)) ||
      // 在X开展Y, 依托X开展Y, 结合X建设和Y → Y
      cut(/^(?:在|依托|结合|围绕)[^在，]{1,30}?(?:开展|设立|建立|建设|推行|实施|取消|取得|布局|试点(?!区))/.exec(s)?.[0].length ?? 0) ||
      // the source's places: X市…, 在X市…, X市属…, Y新区内…
      cut(places.leading.exec(s)?.[0].length ?? 0) ||
      // 通过X等方式Y → Y
      cut(/^通过.*?方式(?=.{2})/.exec(s)?.[0].length ?? 0) ||
      // 向外资开放X → X; 和推广X → X; 根据…开展 → 开展…
      cut(/^向.{1,6}?开放/.exec(s)?.[0].length ?? 0) ||
      cut(/^[和及与并]/.test(s) && (s.length > 12 || LEAD_VERBS.some((v) => s.startsWith(v, 1))) ? 1 : 0) ||
      cut(/^[^，]{0,14}?根据[^，]*?(?=开展|实施|提供)/.exec(s)?.[0].length ?? 0) ||
      // 地方采取灵活方式X → X
      cut(/^[^，]{0,4}采取[^，]{1,8}?方式/.exec(s)?.[0].length ?? 0) ||
      // 不同混行环境下X → X
      cut(/^[^，]{2,10}?(?:环境|条件|情况)下/.exec(s)?.[0].length ?? 0);
  }
  return s;
}

function keyPhrase(text: string, maxChars: number, place: string, places: Places): string {
  const raw = text.replace(/\s+/g, '');
  const clauses = raw.split(/[，。；：]/).filter((c) => c.length >= 2);
  const phrase = clausePhrase(clauses, maxChars, place, places);
  // 探索相关标准，… → the next clause says more.
  if (/^(相关|有关)/.test(phrase) && phrase.length <= 4 && clauses.length > 1) {
    const next = clausePhrase(clauses.slice(1), maxChars, place, places);
    if (next.length >= 4) return next;
  }
  return phrase;
}

function clausePhrase(clauses: string[], maxChars: number, place: string, places: Places): string {
  const isCondition = (c: string) => {
    const v = LEAD_VERBS.find((x) => c.startsWith(x));
    const bare = v ? c.slice(v.length) : c;
    return /(前提下|情况下|基础上)$/.test(c) || /^(按程序|在.*中)$/.test(c) || /^以.*(方式|为抓手)$/.test(bare);
  };
  let k = clauses.findIndex((c) => !isCondition(c));
  if (k < 0) k = 0;
  // 对X（无动词），提供Y → Y
  if (/^对/.test(clauses[k] ?? '') && /^(提供|给予)/.test(clauses[k + 1] ?? '')) k++;
  const clause = clauses[k] ?? clauses.join('，');
  // 经认证的经营者（AEO） → 经认证的AEO
  let s = clause.replace(/的[\u4e00-\u9fff]{2,8}[（(]([A-Za-z][A-Za-z0-9]{1,7})[）)]/g, '的$1');
  s = s.replace(/[（(][^）)]*[）)]/g, '').replace(/[“”"《》]/g, '');
  // 为X提供Y → Y, or X when Y is generic (为船舶和飞机融资提供更加优质高效的金融服务 → 船舶和飞机融资); 对X提供Y → Y
  const forWhom = /^为(.{2,}?)提供(.{4,})$/.exec(s);
  if (forWhom) s = forWhom[2].slice(forWhom[2].lastIndexOf('的') + 1).length >= 6 ? forWhom[2] : forWhom[1];
  const toWhom = /^对.{2,}?提供(.{4,})$/.exec(s);
  if (toWhom) s = toWhom[1];
  // Enumerations and blanket conditions say little: 金融、建筑设计、规划等领域 → 领域; 符合条件的 → ''
  s = s.replace(/[^、，的]{1,8}(?:、[^、，的]{1,8}){2,}等(?:重点)?(?:领域)?/g, '').replace(/(?:符合条件|有条件)的/g, '');
  // The object of the first lead verb near the start (鼓励有条件的… → 有条件的…).
  let at = -1;
  let verbLen = 0;
  for (const v of LEAD_VERBS) {
    const i = s.indexOf(v);
    if (i >= 0 && i <= 6 && (at < 0 || i < at || (i === at && v.length > verbLen))) {
      at = i;
      verbLen = v.length;
    }
  }
  if (at >= 0 && s.length - at - verbLen >= 2) s = s.slice(at + verbLen);
  s = stripLead(s, place, places);
  // 关于X的Y → X; 对X的Y → XY; 为X提供Y → Y; 与X的Y → Y; 在X方面 → X
  const about = /关于(.{2,12}?)的/.exec(s);
  if (about) s = about[1];
  const of = /^对(.{1,6})的(.{2,})$/.exec(s);
  if (of) s = of[1] + of[2];
  const withWhom = /^[与和同].{2,}的(.{4,})$/.exec(s);
  if (withWhom) s = withWhom[1];
  const aspect = /在(.{4,12}?)方面/.exec(s);
  if (aspect && s.length > maxChars) s = aspect[1];
  // A condition before 的 goes (符合条件的外商独资企业 → 外商独资企业).
  const cond = /^[^的]*(?:符合|条件|具有|认可|有关|相关|前提|资质)[^的]*的/.exec(s);
  if (cond && s.length - cond[0].length >= 4) s = s.slice(cond[0].length);
  s = stripLead(s, place, places);
  // Subject + verb + object: keep the object (证券经营机构…有序开展结售汇业务 → 结售汇业务).
  const svo = /^.{0,14}?(?:机构|企业|公司|外资|外商|人才|主体|资本|银行)(?:在.{0,8}?)?(?:有序|依法依规|依法合规|依法|可按规定|可|积极|捐资)?(?:开展|设立或参股|设立|参与|申请成为|申请|举办|从事|提供|引进|合作开发|办理)([^、，].{2,})$/.exec(s);
  if (s.length > maxChars && svo) s = svo[1];
  // Stop at a second verb (外商投资旅行社从事… → 外商投资旅行社) or a place (外籍律师在中国境外… → 外籍律师).
  for (const stop of [...PHRASE_STOPS, '在']) {
    if (s.length <= maxChars) break;
    const i = s.indexOf(stop, 4);
    if (i >= 4) s = s.slice(0, i);
  }
  // Still long: without 的 if that fits, else what follows the last 的 (服务业企业聘用的高精尖缺外国人才 → 高精尖缺外国人才).
  if (s.length > maxChars) {
    const de = s.lastIndexOf('的');
    const without = s.replace(/的/g, '');
    s = without.length > maxChars && de >= 0 && s.length - de - 1 >= 5 ? s.slice(de + 1) : without;
  }
  // 基础设施领域不动产投资信托基金 → 不动产投资信托基金; 数据安全、个人信息保护领域法规制度 → 数据安全、个人信息保护
  const field = s.indexOf('领域');
  if (s.length > maxChars && field >= 0) s = s.length - field - 2 >= 5 ? s.slice(field + 2) : s.slice(0, field);
  // Stop at an enumeration, or at a further verb.
  for (const stop of ['、', '或', ...LEAD_VERBS]) {
    if (s.length <= maxChars) break;
    const i = s.indexOf(stop, 4);
    if (i >= 4) s = s.slice(0, i).replace(/[和及与并]$/, '');
  }
  for (const t of TRAILING) if (s.endsWith(t) && s.length - t.length >= 2) s = s.slice(0, -t.length);
  for (let again = true; again && s.length > maxChars; ) {
    const t = GENERIC_TAIL.find((g) => s.endsWith(g) && s.length - g.length >= 4);
    again = t !== undefined;
    if (t) s = s.slice(0, -t.length);
  }
  if (s.length > maxChars) {
    // Latin abbreviations of the clause say it shortest (QDLP/QFLP).
    const abbrs = (clause.match(/[（(][A-Za-z][A-Za-z0-9]{1,7}[）)]/g) ?? []).map((m) => m.slice(1, -1));
    const short = [...new Set(abbrs)].join('/');
    if (short && short.length <= maxChars) return short;
    // A noun phrase's head is at its end: keep what follows a conjunction if that fits, else cut after a noun.
    const and = Math.max(s.lastIndexOf('和'), s.lastIndexOf('与'), s.lastIndexOf('及'));
    if (and >= 0 && s.length - and - 1 >= 5 && s.length - and - 1 <= maxChars) s = s.slice(and + 1);
    else {
      let end = 0;
      for (const noun of HEAD_NOUNS) {
        for (let i = s.indexOf(noun); i >= 0; i = s.indexOf(noun, i + 1)) {
          if (i + noun.length <= maxChars) end = Math.max(end, i + noun.length);
        }
      }
      s = s.slice(0, end >= 4 ? end : maxChars);
    }
  }
  return s;
}
