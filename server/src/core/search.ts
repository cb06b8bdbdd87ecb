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
// tasks whose pinyin (full syllables, initials, a partial last syllable, any reading of a 多音字) it spells. The
// readings of the tasks' characters are looked up once, in the constructor; the query is never converted.
// The combined relevance r ∈ [0, 1] is returned as score = 1 − r (0 = best).
import Fuse from 'fuse.js';
import { polyphonic } from 'pinyin-pro';
import { toHalfWidth } from './text';
import { Task } from './types';

export interface SearchHit {
  task: Task;
  /** 0 = best, 1 = worst. */
  score: number;
}

/**
 * What a drafter types → what the text says, where bigrams and fuse.js alone do not get there (外资 旅行社 as two
 * words, VPN, 无人驾驶汽车) or only narrowly. A key found inside a query word adds a variant of the word with the key
 * replaced by each value; the word itself is always searched too. Keys lower-case, half-width. Small on purpose: move
 * it to data/synonyms.json if it grows.
 */
const SYNONYMS: Record<string, string[]> = {
  外资: ['外商投资', '外商'],
  外国律师: ['外籍律师'],
  数据跨境: ['跨境数据'],
  数字货币: ['数字人民币'],
  无人驾驶汽车: ['自动驾驶', '智能网联汽车'],
  低空经济: ['低空载人飞行器'],
  养老院: ['养老机构'],
  出境游: ['出境旅游'],
  建筑师: ['建筑设计师'],
  vpn: ['虚拟专用网'],
};

const CJK_RE = /[\u3400-\u9fff\uf900-\ufaff]/;
const isCjk = (c: string) => CJK_RE.test(c);
const isCjkCode = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

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
  /** Every reading of each character of `text` (ü as v and as u), most common first; [] where not Chinese. */
  py: string[][];
}

interface Posting {
  /** Tasks whose text or body holds the gram, with the term frequency (the larger of the two). */
  docs: number[];
  tfs: number[];
  /** Tasks whose domain or category holds the gram and whose text does not. */
  meta: number[];
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
const FUSE_OPTIONS = { ignoreLocation: true, threshold: 0.4 } as const;
const MAX_WORDS = 12;
const MAX_PINYIN_PHRASES = 8;
const MIN_RELEVANCE = 0.12;
/** The share of the relevance the matcher's judgement adds (the best-matching task gets all of it). */
const TOPIC_SHARE = 0.15;
const K1 = 1.2;
const B = 0.5;
/** Positions in a task text are below this (packing task index and position into one number). */
const POS = 1 << 20;

export class TaskSearch {
  private readonly docs: Doc[];
  /** CJK bigram → postings, built in the constructor; other grams (Latin, single characters) are added on demand. */
  private readonly postings = new Map<string, Posting>();
  private readonly avgLen: number;
  /** First letter of a reading → task index × POS + character position, for every Chinese character. */
  private readonly byInitial = new Map<string, number[]>();
  /** Every pinyin syllable of the tasks (shu zi ren min bi typed apart is read as one word). */
  private readonly syllableSet = new Set<string>();
  private readonly byId = new Map<string, number>();

  /**
   * `topics`: the matcher's score of every task (in `tasks` order) for a text — the same judgement as the checks of
   * meaning — blended into the relevance.
   */
  constructor(private readonly tasks: Task[], private readonly topics?: (text: string) => Float64Array) {
    this.docs = tasks.map((task) => {
      const text = normalize(task.text);
      const bodyNorm = task.bodyText ? normalize(task.bodyText) : '';
      const domain = normalize(task.domain ?? '');
      const category = normalize(task.category);
      return { text, body: bodyNorm === text ? '' : bodyNorm, domain, category, meta: domain + '|' + category, len: text.length, py: [] };
    });
    const py = syllablesOf(this.docs.map((d) => d.text));
    this.docs.forEach((doc, ti) => {
      this.byId.set(this.tasks[ti].id.toLowerCase(), ti);
      doc.py = py[ti];
      doc.py.forEach((readings, pos) => {
        for (const r of readings) this.syllableSet.add(r);
        for (const letter of new Set(readings.map((r) => r[0]))) {
          let list = this.byInitial.get(letter);
          if (!list) this.byInitial.set(letter, (list = []));
          list.push(ti * POS + pos);
        }
      });
      this.indexBigrams(ti, doc);
    });
    this.avgLen = this.docs.reduce((n, d) => n + d.len, 0) / Math.max(1, this.docs.length);
  }

  /** Tasks matching `query`, best first, at most `limit`. An empty or blank query finds nothing. */
  search(query: string, limit = 10): SearchHit[] {
    if (limit <= 0) return [];
    const words = this.splitQuery(query);
    const n = this.docs.length;
    const hits: { i: number; rel: number }[] = [];
    // A task ID (T1.35, t1.35, SZ:T1.3) finds that task first.
    const id = this.byId.get(toHalfWidth(query ?? '').trim().toLowerCase());
    if (id !== undefined) hits.push({ i: id, rel: 1.01 });
    if (words.length > 0) {
      const total = new Float64Array(n);
      const matched = new Uint16Array(n);
      for (const word of words) {
        const rel = this.wordRelevance(word, words.length);
        for (let i = 0; i < n; i++) {
          total[i] += rel[i];
          if (rel[i] >= 0.3) matched[i]++;
        }
      }
      // what the checks of meaning say the words are about (the matcher): a share of the relevance, so the search and
      // the checks agree on the task a phrase names; the best-matching task gets the whole share
      const topic = this.topics?.(query);
      let top = 0;
      if (topic) for (let i = 0; i < n; i++) top = Math.max(top, topic[i]);
      for (let i = 0; i < n; i++) {
        // AND-ish: the mean over the words, discounted by the share of words the task leaves unmatched.
        let rel = words.length === 1 ? total[i] : (total[i] / words.length) * (0.4 + (0.6 * matched[i]) / words.length);
        if (topic && top > 0 && rel >= MIN_RELEVANCE) rel += TOPIC_SHARE * (topic[i] / top);
        if (rel >= MIN_RELEVANCE && i !== id) hits.push({ i, rel });
      }
    }
    hits.sort((a, b) => b.rel - a.rel || a.i - b.i);
    return hits.slice(0, limit).map(({ i, rel }) => ({ task: this.tasks[i], score: Math.max(0, Math.min(1, 1 - rel)) }));
  }

  /**
   * The words of a query: split at whitespace and punctuation, and between Chinese and Latin runs; single pinyin
   * syllables typed apart (shu zi ren min bi) joined into one word; at most MAX_WORDS.
   */
  private splitQuery(query: string): string[] {
    const raw = toHalfWidth(query ?? '').toLowerCase().replace(/ü/g, 'v').match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g) ?? [];
    const words: string[] = [];
    let run: string[] = [];
    const flush = () => {
      if (run.length >= 2) words.push(run.join(''));
      else words.push(...run);
      run = [];
    };
    for (const w of raw) {
      if (/^[a-z]+$/.test(w) && (this.syllableSet.has(w) || this.syllableSet.has(w.replace(/u/g, 'v')))) run.push(w);
      else {
        flush();
        words.push(w);
      }
    }
    flush();
    return [...new Set(words)].slice(0, MAX_WORDS);
  }

  private indexBigrams(ti: number, doc: Doc): void {
    const counts = new Map<string, number>();
    const count = (s: string, into: Map<string, number>) => {
      for (let i = 0; i + 1 < s.length; i++) {
        if (isCjkCode(s.charCodeAt(i)) && isCjkCode(s.charCodeAt(i + 1))) {
          const g = s.slice(i, i + 2);
          into.set(g, (into.get(g) ?? 0) + 1);
        }
      }
    };
    count(doc.text, counts);
    if (doc.body) {
      const body = new Map<string, number>();
      count(doc.body, body);
      for (const [g, c] of body) if (c > (counts.get(g) ?? 0)) counts.set(g, c);
    }
    for (const [g, c] of counts) {
      const p = this.posting(g);
      p.docs.push(ti);
      p.tfs.push(c);
    }
    const meta = new Map<string, number>();
    count(doc.meta, meta);
    for (const g of meta.keys()) if (!counts.has(g)) this.posting(g).meta.push(ti);
  }

  private posting(g: string): Posting {
    let p = this.postings.get(g);
    if (!p) this.postings.set(g, (p = { docs: [], tfs: [], meta: [] }));
    return p;
  }

  /** Postings of a gram: CJK bigrams from the index, anything else (ipv → IPv6, 律) by a scan, then cached. */
  private lookup(g: string): Posting | undefined {
    const p = this.postings.get(g);
    if (p || (g.length === 2 && isCjkCode(g.charCodeAt(0)) && isCjkCode(g.charCodeAt(1)))) return p;
    const q: Posting = { docs: [], tfs: [], meta: [] };
    this.docs.forEach((d, i) => {
      const c = Math.max(countOf(d.text, g), countOf(d.body, g));
      if (c) {
        q.docs.push(i);
        q.tfs.push(c);
      } else if (d.meta.includes(g)) q.meta.push(i);
    });
    if (g.length <= 16 && this.postings.size < 100000) this.postings.set(g, q);
    return q;
  }

  /** BM25's IDF; a gram no task holds (typically one across a word boundary: 跨境|理财 → 境理) weighs 1. */
  private idf(p: Posting | undefined): number {
    const n = this.docs.length;
    const df = p ? p.docs.length : 0;
    return df === 0 ? 1 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Relevance in [0, 1] of one query word to every task: the best over the word's variants. */
  private wordRelevance(word: string, wordCount: number): Float64Array {
    const best = new Float64Array(this.docs.length);
    const chunks = Math.ceil(word.length / FUSE_MAX);
    const budget = Math.max(4, Math.floor(FUSE_CANDIDATES / Math.max(1, wordCount - 1) / chunks));
    for (const v of this.variants(word)) {
      const rel = this.variantRelevance(v, budget);
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

  /** `budget`: how many tasks fuse.js may look at for this variant (long queries get fewer per word and chunk). */
  private variantRelevance(v: Variant, budget: number): Float64Array {
    const n = this.docs.length;
    const cov = new Float64Array(n);
    const tf = new Float64Array(n);
    let idfSum = 0;
    for (const g of gramsOf(v.text)) {
      const p = this.lookup(g);
      const idf = this.idf(p);
      idfSum += idf;
      if (!p) continue;
      for (let k = 0; k < p.docs.length; k++) {
        const i = p.docs[k];
        const c = p.tfs[k];
        cov[i] += idf;
        tf[i] += (idf * c) / (c + K1 * (1 - B + (B * this.docs[i].len) / this.avgLen));
      }
      for (const i of p.meta) cov[i] += 0.5 * idf;
    }
    const rel = new Float64Array(n);
    if (idfSum === 0) return rel;
    const exact = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const d = this.docs[i];
      exact[i] = d.text.includes(v.text) || (d.body !== '' && d.body.includes(v.text)) ? 1 : d.meta.includes(v.text) ? 0.5 : 0;
    }
    const fuzzy = v.fuzzy && v.text.length >= 3 ? this.fuseRelevance(v.text, this.candidates(v.text, cov, budget)) : exact;
    for (let i = 0; i < n; i++) rel[i] = 0.45 * (cov[i] / idfSum) + 0.2 * exact[i] + 0.15 * (tf[i] / idfSum) + 0.2 * fuzzy[i];
    return rel;
  }

  /**
   * The tasks worth asking fuse.js about: those sharing a gram with the word (best covered first), and for a Latin
   * word those sharing a letter pair with it (a typo such as QFPL). At most FUSE_CANDIDATES.
   */
  private candidates(text: string, cov: Float64Array, budget: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < cov.length; i++) if (cov[i] > 0) out.push(i);
    out.sort((a, b) => cov[b] - cov[a] || a - b);
    if (/^[a-z0-9]{3,}$/.test(text) && out.length < budget) {
      const pairs: string[] = [];
      for (let k = 0; k + 2 <= text.length; k++) pairs.push(text.slice(k, k + 2));
      const have = new Set(out);
      this.docs.forEach((d, i) => {
        if (!have.has(i) && pairs.some((t) => d.text.includes(t))) out.push(i);
      });
    }
    return out.slice(0, budget);
  }

  /**
   * 1 − fuse.js's score of `text` in each candidate's text or body (domain and category count 0.4 as much), 0 for
   * the others; words longer than 32 characters go in chunks, their scores averaged.
   */
  private fuseRelevance(text: string, candidates: number[]): Float64Array {
    const rel = new Float64Array(this.docs.length);
    const chunks: string[] = [];
    // Even chunks of at most 32 characters (Bitap's limit), at most 8 of them.
    const size = Math.ceil(text.length / Math.ceil(text.length / FUSE_MAX));
    for (let i = 0; i < text.length && chunks.length < 8; i += size) chunks.push(text.slice(i, i + size));
    for (const chunk of chunks) {
      for (const i of candidates) {
        const d = this.docs[i];
        let best = 0;
        const fields = chunk.length <= 16 ? [d.text, d.body, d.domain, d.category] : [d.text, d.body];
        for (let f = 0; f < fields.length; f++) {
          const field = fields[f];
          const weight = f < 2 ? 1 : 0.4;
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
    for (const at of this.byInitial.get(q[0]) ?? []) {
      const ti = Math.floor(at / POS);
      const pos = at % POS;
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

/**
 * Every reading of every UTF-16 position of each text ([] where not Chinese), ü written both v and u. One call to
 * pinyin-pro's `polyphonic` over the distinct characters (a few ms) instead of converting every text in context
 * (tens of ms, plus its phrase dictionary on first use); keeping all readings lets 银行 match yinhang (and 旅行 lvxing)
 * without knowing the context, and forgives a drafter who picks the other reading.
 */
function syllablesOf(texts: string[]): string[][][] {
  const chars = [...new Set(texts.join(''))].filter(isCjk);
  const all: string[][] = chars.length ? polyphonic(chars.join(''), { toneType: 'none', type: 'array' }) : [];
  const readings = new Map<string, string[]>();
  chars.forEach((c, i) => {
    const forms = new Set<string>();
    for (const r of all[i] ?? []) {
      const v = r.toLowerCase().replace(/ü/g, 'v');
      if (!/^[a-z]+$/.test(v)) continue;
      forms.add(v);
      if (v.includes('v')) forms.add(v.replace(/v/g, 'u'));
    }
    readings.set(c, [...forms]);
  });
  return texts.map((text) => {
    const out: string[][] = [];
    for (const c of text) {
      out.push(readings.get(c) ?? []);
      if (c.length === 2) out.push([]);
    }
    return out;
  });
}

/**
 * Whether `q` spells the pinyin of `py` from `start` on, each syllable given in full or by its first letter (any
 * reading of the character), the last one possibly cut short. Returns where the match ends and its quality (1 all
 * in full, main readings … 0.85 mixed), or null.
 */
function matchPinyin(py: string[][], start: number, q: string): { end: number; quality: number } | null {
  let best: { end: number; quality: number } | null = null;
  let budget = 300;
  const rec = (j: number, qi: number, full: number, initials: number, partial: boolean, other: boolean): void => {
    if (--budget < 0) return;
    if (qi === q.length) {
      let quality = initials === 0 ? (partial ? 0.95 : 1) : full === 0 && !partial ? 0.9 : 0.85;
      if (other) quality -= 0.02;
      if (!best || quality > best.quality || (quality === best.quality && j < best.end)) best = { end: j, quality };
      return;
    }
    const readings = py[j];
    if (!readings || readings.length === 0) return;
    const rest = q.length - qi;
    const tail = q.slice(qi);
    const initialsTried = new Set<string>();
    readings.forEach((r, k) => {
      const alt = other || k > 0;
      if (q.startsWith(r, qi)) rec(j + 1, qi + r.length, full + 1, initials, partial, alt);
      else if (rest >= 2 && rest < r.length && r.startsWith(tail)) rec(j + 1, q.length, full, initials, true, alt);
      if (q[qi] === r[0] && !initialsTried.has(r[0])) {
        initialsTried.add(r[0]);
        rec(j + 1, qi + 1, full, initials + 1, partial, other);
      }
    });
  };
  rec(start, 0, 0, 0, false, false);
  return best;
}
