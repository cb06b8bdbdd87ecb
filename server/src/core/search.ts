// Fuzzy search over the tasks for people who type Chinese without spaces, pinyin, English abbreviations or synonyms.
//
// A query is cut into words (at spaces, punctuation and CJK/Latin boundaries); every word is matched against every
// task, and the words combine AND-ishly. A word's relevance to a task mixes four signals:
//   - coverage: the IDF-weighted share of the word's character bigrams (or Latin tokens) the task contains;
//   - exact: the word occurs verbatim in the task (text or body; domain/category count half);
//   - frequency: BM25-style saturated term frequency of those bigrams, so the task that is *about* 期货 wins;
//   - fuse.js: the Bitap score of the word over text, body, domain and category, which forgives a missing or
//     swapped character (外资旅行社 ~ 外商投资旅行社). Long words go to fuse in chunks of at most 32 characters.
// A word also stands for its synonyms (SYNONYMS) and, when it is all Latin letters, for the Chinese phrases of the
// tasks whose pinyin (full syllables, initials, a partial last syllable) it spells; pinyin is computed once, in the
// constructor, and the query is never converted.
import Fuse from 'fuse.js';
import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from './text';
import { Task } from './types';

export interface SearchHit {
  task: Task;
  /** 0 = best, 1 = worst. */
  score: number;
}

/**
 * What a drafter types → what the text says. A key found inside a query word adds a variant of the word with the
 * key replaced by each value; the word itself is always searched too. Keep keys lower-case, half-width.
 */
const SYNONYMS: Record<string, string[]> = {
  外资: ['外商投资', '外商'],
  外企: ['外商投资企业', '外资'],
  外国律师: ['外籍律师'],
  数据跨境: ['跨境数据'],
  跨境数据流: ['跨境数据流动'],
  数字货币: ['数字人民币'],
  无人驾驶汽车: ['自动驾驶', '智能网联汽车'],
  低空经济: ['低空载人飞行器'],
  养老院: ['养老机构'],
  出境游: ['出境旅游'],
  建筑师: ['建筑设计师'],
  vpn: ['虚拟专用网'],
  云服务: ['云计算'],
};

/** Verbs that open a task; the key phrase is what follows the first of them. Longer first. */
const LEAD_VERBS = [
  '高标准建设', '积极参与', '大力发展', '规范探索', '深入实施', '全面推进', '全面落实', '全面推广', '适度放宽',
  '加速推进', '加速建设', '加快建成', '加快推动', '加快',
  '允许', '支持', '推动', '探索', '建设', '开展', '鼓励', '推进', '深化', '加强', '实施', '完善', '建立', '健全',
  '发挥', '优化', '落实', '促进', '提升', '规范', '培育', '打造', '扩大', '取消', '放宽', '推广', '依托', '联合',
  '推行', '研提', '创新', '营造', '强化', '坚持', '引导', '保障', '防控', '加大', '向', '对', '为', '在',
];
/** Words after which the key phrase stops (a second verb or a purpose). */
const PHRASE_STOPS = ['从事', '作为', '提供', '享受', '开展', '参与', '实现', '通过', '按规定', '依法', '经', '向', '为'];
/** Trailing words that add nothing to a label. */
const TRAILING = ['相关工作', '工作', '有关', '相关', '等'];

const CJK_RE = /[\u3400-\u9fff\uf900-\ufaff]/;
const isCjk = (c: string) => CJK_RE.test(c);

/** Half-width, lower case, no whitespace: the form in which tasks and queries are compared. */
function normalize(s: string): string {
  return toHalfWidth(s).toLowerCase().replace(/\s+/g, '');
}

/** Grams of a normalized string: CJK bigrams (a lone CJK character as itself) and Latin/digit tokens. */
function gramsOf(s: string): string[] {
  const out: string[] = [];
  for (const run of s.match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g) ?? []) {
    if (!isCjk(run[0])) out.push(run);
    else if (run.length === 1) out.push(run);
    else for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** Occurrences of `needle` in `hay` (non-overlapping). */
function countOf(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

interface Doc {
  /** Normalized text. */
  text: string;
  /** Normalized body wording ('' when the same as the text). */
  body: string;
  domain: string;
  category: string;
  /** Normalized domain and category, joined by |. */
  meta: string;
  /** Length used for the BM25 length norm. */
  len: number;
  /** Pinyin of each character of `text` (ü as v), '' for anything that is not Chinese. */
  py: string[];
}

interface Posting {
  /** Task index → term frequency in text or body. */
  tf: Map<number, number>;
  /** Task indexes whose domain or category contains the gram. */
  meta: Set<number>;
}

interface Variant {
  text: string;
  /** Multiplies the relevance (synonyms and pinyin count a little less than what was typed). */
  quality: number;
  /** Whether to ask fuse.js (pinyin phrases are verbatim task text already). */
  fuzzy: boolean;
}

const FUSE_MAX = 32;
const FUSE_CANDIDATES = 24;
/** Bitap over the whole field (not only near its start), at most 40% of the pattern wrong. */
const FUSE_OPTIONS = { ignoreLocation: true, threshold: 0.4, includeMatches: false } as const;
const MAX_WORDS = 12;
const MAX_PINYIN_PHRASES = 8;
const MIN_RELEVANCE = 0.2;
const K1 = 1.2;
const B = 0.5;

export class TaskSearch {
  private readonly docs: Doc[];
  private readonly postings = new Map<string, Posting>();
  private readonly avgLen: number;
  /** First letter of a syllable → [task index, character position] of every Chinese character with it. */
  private readonly byInitial = new Map<string, [number, number][]>();

  constructor(private readonly tasks: Task[]) {
    const pinyinCache = new Map<string, string[]>();
    this.docs = tasks.map((task, ti) => {
      const text = normalize(task.text);
      const bodyNorm = task.bodyText ? normalize(task.bodyText) : '';
      const body = bodyNorm === text ? '' : bodyNorm;
      const domain = normalize(task.domain ?? '');
      const category = normalize(task.category);
      const doc: Doc = { text, body, domain, category, meta: domain + '|' + category, len: text.length, py: syllables(text, pinyinCache) };
      doc.py.forEach((s, pos) => {
        if (!s) return;
        let list = this.byInitial.get(s[0]);
        if (!list) this.byInitial.set(s[0], (list = []));
        list.push([ti, pos]);
      });
      this.indexGrams(ti, doc);
      return doc;
    });
    this.avgLen = this.docs.reduce((n, d) => n + d.len, 0) / Math.max(1, this.docs.length);
  }

  /** Tasks matching `query`, best first, at most `limit`. An empty or blank query finds nothing. */
  search(query: string, limit = 10): SearchHit[] {
    const words = splitQuery(query);
    if (words.length === 0 || limit <= 0) return [];
    const n = this.docs.length;
    const total = new Float64Array(n);
    const matched = new Uint16Array(n);
    for (const word of words) {
      const rel = this.wordRelevance(word);
      for (let i = 0; i < n; i++) {
        total[i] += rel[i];
        if (rel[i] >= 0.3) matched[i]++;
      }
    }
    const hits: { i: number; rel: number }[] = [];
    for (let i = 0; i < n; i++) {
      // AND-ish: the mean over the words, discounted by the share of words the task leaves unmatched.
      const rel = (total[i] / words.length) * (0.4 + (0.6 * matched[i]) / words.length);
      if (rel >= MIN_RELEVANCE) hits.push({ i, rel });
    }
    hits.sort((a, b) => b.rel - a.rel || a.i - b.i);
    return hits.slice(0, limit).map(({ i, rel }) => ({ task: this.tasks[i], score: Math.max(0, Math.min(1, 1 - rel)) }));
  }

  private indexGrams(ti: number, doc: Doc): void {
    const seen = new Map<string, number>();
    for (const g of gramsOf(doc.text)) seen.set(g, (seen.get(g) ?? 0) + 1);
    for (const c of doc.text) if (isCjk(c)) seen.set(c, (seen.get(c) ?? 0) + 1);
    if (doc.body) {
      const bodyCounts = new Map<string, number>();
      for (const g of gramsOf(doc.body)) bodyCounts.set(g, (bodyCounts.get(g) ?? 0) + 1);
      for (const [g, c] of bodyCounts) if (c > (seen.get(g) ?? 0)) seen.set(g, c);
    }
    for (const [g, c] of seen) this.posting(g).tf.set(ti, c);
    for (const g of gramsOf(doc.meta)) this.posting(g).meta.add(ti);
    for (const c of doc.meta) if (isCjk(c)) this.posting(c).meta.add(ti);
  }

  private posting(g: string): Posting {
    let p = this.postings.get(g);
    if (!p) this.postings.set(g, (p = { tf: new Map(), meta: new Set() }));
    return p;
  }

  /** Postings of a gram; Latin tokens are looked up as substrings (ipv → IPv6) and cached. */
  private lookup(g: string): Posting | undefined {
    const p = this.postings.get(g);
    if (p || isCjk(g[0])) return p;
    const q: Posting = { tf: new Map(), meta: new Set() };
    this.docs.forEach((d, i) => {
      const c = Math.max(countOf(d.text, g), countOf(d.body, g));
      if (c) q.tf.set(i, c);
      if (d.meta.includes(g)) q.meta.add(i);
    });
    if (this.postings.size < 50000) this.postings.set(g, q);
    return q;
  }

  private idf(p: Posting | undefined): number {
    const n = this.docs.length;
    const df = p ? p.tf.size : 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Relevance in [0, 1] of one query word to every task: the best over the word's variants. */
  private wordRelevance(word: string): Float64Array {
    const best = new Float64Array(this.docs.length);
    for (const v of this.variants(word)) {
      const rel = this.variantRelevance(v);
      for (let i = 0; i < best.length; i++) if (rel[i] * v.quality > best[i]) best[i] = rel[i] * v.quality;
    }
    return best;
  }

  private variants(word: string): Variant[] {
    const out: Variant[] = [{ text: word, quality: 1, fuzzy: true }];
    const seen = new Set([word]);
    for (const [key, values] of Object.entries(SYNONYMS)) {
      if (!word.includes(key)) continue;
      for (const value of values) {
        const text = word.split(key).join(value);
        if (!seen.has(text)) {
          seen.add(text);
          out.push({ text, quality: 0.98, fuzzy: true });
        }
      }
    }
    if (/^[a-z]{2,40}$/.test(word)) {
      for (const { phrase, quality } of this.pinyinPhrases(word)) {
        if (!seen.has(phrase)) {
          seen.add(phrase);
          out.push({ text: phrase, quality: 0.97 * quality, fuzzy: false });
        }
      }
    }
    return out;
  }

  private variantRelevance(v: Variant): Float64Array {
    const n = this.docs.length;
    const cov = new Float64Array(n);
    const tf = new Float64Array(n);
    const grams = gramsOf(v.text);
    let idfSum = 0;
    for (const g of grams) {
      const p = this.lookup(g);
      const idf = this.idf(p);
      idfSum += idf;
      if (!p) continue;
      for (const [i, c] of p.tf) {
        cov[i] += idf;
        const norm = K1 * (1 - B + (B * this.docs[i].len) / this.avgLen);
        tf[i] += (idf * c) / (c + norm);
      }
      for (const i of p.meta) if (!p.tf.has(i)) cov[i] += 0.5 * idf;
    }
    const rel = new Float64Array(n);
    if (idfSum === 0) return rel;
    const exact = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const d = this.docs[i];
      exact[i] = d.text.includes(v.text) || (d.body !== '' && d.body.includes(v.text)) ? 1 : d.meta.includes(v.text) ? 0.5 : 0;
    }
    const fuzzy = v.fuzzy && v.text.length >= 3 ? this.fuseRelevance(v.text, this.candidates(v.text, cov)) : exact;
    for (let i = 0; i < n; i++) rel[i] = 0.45 * (cov[i] / idfSum) + 0.2 * exact[i] + 0.15 * (tf[i] / idfSum) + 0.2 * fuzzy[i];
    return rel;
  }

  /**
   * The tasks worth asking fuse.js about: those sharing a gram with the word (best covered first), and for a Latin
   * word those sharing a trigram with it (a typo such as QFPL). At most FUSE_CANDIDATES.
   */
  private candidates(text: string, cov: Float64Array): number[] {
    const out: number[] = [];
    for (let i = 0; i < cov.length; i++) if (cov[i] > 0) out.push(i);
    out.sort((a, b) => cov[b] - cov[a] || a - b);
    if (/^[a-z0-9]{4,}$/.test(text)) {
      const tri: string[] = [];
      for (let k = 0; k + 3 <= text.length; k++) tri.push(text.slice(k, k + 3));
      const have = new Set(out);
      this.docs.forEach((d, i) => {
        if (!have.has(i) && tri.some((t) => d.text.includes(t))) out.push(i);
      });
    }
    return out.slice(0, FUSE_CANDIDATES);
  }

  /**
   * 1 − fuse.js's score of `text` in each candidate's text or body (domain and category count 0.4 as much), 0 for
   * the others; words longer than 32 characters go in chunks, their scores averaged.
   */
  private fuseRelevance(text: string, candidates: number[]): Float64Array {
    const rel = new Float64Array(this.docs.length);
    const chunks: string[] = [];
    for (let i = 0; i < text.length && chunks.length < 8; i += FUSE_MAX) chunks.push(text.slice(i, i + FUSE_MAX));
    for (const chunk of chunks) {
      for (const i of candidates) {
        const d = this.docs[i];
        let best = 0;
        for (const [field, weight] of [[d.text, 1], [d.body, 1], [d.domain, 0.4], [d.category, 0.4]] as const) {
          if (!field || weight <= best) continue;
          const m = Fuse.match(chunk, field, FUSE_OPTIONS);
          if (m.isMatch) best = Math.max(best, weight * (1 - m.score));
        }
        rel[i] += best / chunks.length;
      }
    }
    return rel;
  }

  /**
   * The Chinese phrases of the tasks whose pinyin `q` spells: full syllables (shuzirenminbi), initials (szrmb), a mix,
   * or a prefix of the last syllable (shuzire). At least two characters; best spelled and most frequent first.
   */
  private pinyinPhrases(q: string): { phrase: string; quality: number }[] {
    const found = new Map<string, { quality: number; count: number }>();
    for (const [ti, pos] of this.byInitial.get(q[0]) ?? []) {
      const doc = this.docs[ti];
      const m = matchPinyin(doc.py, pos, q);
      if (!m || m.end - pos < 2) continue;
      const phrase = doc.text.slice(pos, m.end);
      const f = found.get(phrase);
      if (!f) found.set(phrase, { quality: m.quality, count: 1 });
      else {
        f.quality = Math.max(f.quality, m.quality);
        f.count++;
      }
    }
    return [...found]
      .sort((a, b) => b[1].quality - a[1].quality || b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_PINYIN_PHRASES)
      .map(([phrase, { quality }]) => ({ phrase, quality }));
  }
}

/** Pinyin of every character of a normalized text, '' for non-Chinese characters; cached per string. */
function syllables(text: string, cache: Map<string, string[]>): string[] {
  const hit = cache.get(text);
  if (hit) return hit;
  const chars = Array.from(text);
  let py: string[] = pinyin(text, { toneType: 'none', type: 'array' });
  if (py.length !== chars.length) py = chars.map((c) => (isCjk(c) ? pinyin(c, { toneType: 'none', type: 'array' })[0] ?? '' : c));
  // Characters are one UTF-16 unit each here (BMP), so positions in `py` are positions in the string.
  const out = chars.map((c, i) => (isCjk(c) ? (py[i] ?? '').toLowerCase().replace(/ü/g, 'v') : ''));
  cache.set(text, out);
  return out;
}

/**
 * Whether `q` spells the pinyin of `py` from `start` on, each syllable given in full or by its first letter, the
 * last one possibly cut short. Returns where the match ends and its quality (1 all full … 0.85 mixed), or null.
 */
function matchPinyin(py: string[], start: number, q: string): { end: number; quality: number } | null {
  let best: { end: number; quality: number } | null = null;
  let budget = 200;
  const rec = (j: number, qi: number, full: number, initials: number, partial: boolean): void => {
    if (--budget < 0) return;
    if (qi === q.length) {
      const quality = initials === 0 ? (partial ? 0.95 : 1) : full === 0 && !partial ? 0.9 : 0.85;
      if (!best || quality > best.quality || (quality === best.quality && j < best.end)) best = { end: j, quality };
      return;
    }
    const s = py[j];
    if (!s) return;
    const forms = s.includes('v') ? [s, s.replace(/v/g, 'u')] : [s];
    for (const f of forms) if (q.startsWith(f, qi)) rec(j + 1, qi + f.length, full + 1, initials, partial);
    const rest = q.length - qi;
    if (rest >= 2) for (const f of forms) if (rest < f.length && f.startsWith(q.slice(qi))) rec(j + 1, q.length, full, initials, true);
    if (q[qi] === s[0]) rec(j + 1, qi + 1, full, initials + 1, partial);
  };
  rec(start, 0, 0, 0, false);
  return best;
}

/** The words of a query: split at whitespace and punctuation, and between Chinese and Latin runs; at most 12. */
function splitQuery(query: string): string[] {
  const norm = toHalfWidth(query ?? '').toLowerCase();
  return (norm.match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g) ?? []).slice(0, MAX_WORDS);
}

/**
 * A short label of a task for inlay hints: its domain without 领域 (or a short form of its category) and the key
 * phrase of its text, joined by `·` — T1.12 → 商务服务·外商投资社会调查, T1.35 → 金融服务·数字人民币试点.
 */
export function taskSummary(task: Task, maxChars = 12): string {
  const head = task.domain ? task.domain.replace(/领域$/, '') : shortCategory(task.category);
  const words = keyPhrase(task.text, maxChars);
  return [head, words].filter(Boolean).join('·');
}

function shortCategory(category: string): string {
  let s = category.replace(/[“”"‘’\s]/g, '');
  const place = /^在(.+?)(?:[（(]|加快|深化|全力|强化|打造|建设)/.exec(s);
  if (place) return place[1];
  s = stripVerbs(s);
  if (s.length > 6) {
    for (const stop of ['发展', '有序', '市场化', '自由化', '工作', '路径', '环境', '体系']) {
      const at = s.indexOf(stop, 2);
      if (at >= 2) return s.slice(0, at);
    }
    return s.slice(0, 6);
  }
  return s;
}

/** Removes lead verbs, places and conditions from the start of a phrase while at least two characters remain. */
function stripVerbs(s: string): string {
  for (let again = true; again; ) {
    again = false;
    for (const v of LEAD_VERBS) {
      if (v.length >= 2 && s.startsWith(v) && s.length - v.length >= 2) {
        s = s.slice(v.length);
        again = true;
        break;
      }
    }
    const place = /^(?:在|向|对|为)?(?:广州市?|南沙新区|知识城)(?:内|)/.exec(s);
    if (place && place[0].length > 0 && s.length - place[0].length >= 2) {
      s = s.slice(place[0].length);
      again = true;
    }
    // 在X开展Y, 在X设立Y → Y
    const where = /^在[^在]{1,14}?(开展|设立|建立|建设|推行|实施|试点|取消|取得)/.exec(s);
    if (where && s.length - where[0].length >= 2) {
      s = s.slice(where[0].length);
      again = true;
    }
  }
  return s;
}

function keyPhrase(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]/g, '').replace(/[“”"《》]/g, '');
  const clauses = flat.split(/[，。；：]/).filter((c) => c.length >= 2);
  const isCondition = (c: string) => /(前提下|情况下|基础上)$/.test(c) || /^(按程序|在.*中)$/.test(c);
  let s = clauses.find((c) => !isCondition(c)) ?? clauses[0] ?? flat;
  // The object of the first lead verb near the start (支持在广州市设立… → 在广州市设立…).
  let at = -1;
  let verbLen = 0;
  for (const v of LEAD_VERBS) {
    if (v.length < 2) continue;
    const i = s.indexOf(v);
    if (i >= 0 && i <= 6 && (at < 0 || i < at || (i === at && v.length > verbLen))) {
      at = i;
      verbLen = v.length;
    }
  }
  if (at >= 0 && s.length - at - verbLen >= 2) s = s.slice(at + verbLen);
  s = stripVerbs(s);
  // Drop a leading condition or modifier: …符合条件的X, 具有…的X (when enough is left).
  const de = s.lastIndexOf('的');
  if (de >= 0 && s.length - de - 1 >= 4) s = s.slice(de + 1);
  // Stop at a second verb or an enumeration when the phrase is still long.
  if (s.length > maxChars) {
    for (const stop of [...PHRASE_STOPS, '、']) {
      const i = s.indexOf(stop, 2);
      if (i >= 4) s = s.slice(0, i);
      if (s.length <= maxChars) break;
    }
  }
  for (const t of TRAILING) if (s.endsWith(t) && s.length - t.length >= 2) s = s.slice(0, -t.length);
  if (s.length > maxChars) {
    // A noun phrase's head is at its end: keep what follows a conjunction, or else the tail.
    const and = Math.max(s.lastIndexOf('和'), s.lastIndexOf('与'), s.lastIndexOf('及'));
    s = and >= 0 && s.length - and - 1 >= 4 && s.length - and - 1 <= maxChars ? s.slice(and + 1) : s.slice(s.length - maxChars);
  }
  return s;
}
