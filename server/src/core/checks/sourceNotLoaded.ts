// source-not-loaded: a plan that implements another place's document of the programme (为贯彻落实《南京市服务业扩大开放
// 综合试点总体方案》) while the source its bare references cite is another place's (the bundled one, Guangzhou's): every
// bare reference, threshold and area of the plan is then checked against a document that is not the plan's. Said where
// the plan names the document it implements (after 贯彻落实, 根据, 按照…, or given a short name right after: 以下简称《总体方案》),
// with what to load. A document the plan only compares itself with (借鉴《北京市…总体方案》, …的经验做法, …可供借鉴), one named
// in a paragraph that also names the loaded source (what the plan implements), and one loaded under a prefix (the
// user's own choice) are not.
import { paragraphCitations, SourceDocument, titleRelation, within, WrittenTitle } from '../documentCitations';
import { Finding } from '../findings';
import { Block, sentenceAround } from '../planModel';
import type { CheckRun } from './registry';

export function checkSourceNotLoaded(block: Block, run: CheckRun): Finding[] {
  const primary = run.context.index.source('')?.meta.title;
  if (!primary) return [];
  const cited = paragraphCitations(run.model).titles;
  const broken = brokenTitles(run.model.text);
  const titles = broken.length ? [...cited, ...broken] : cited;
  if (!titles.length) return [];
  const text = run.model.text;
  // a paragraph that names a loaded source (or a slip of its title) says what the plan implements: another place's
  // document beside it is context (与《北京市…》相衔接, 南京按照《南京市…》要求…)
  if (titles.some((t) => namesLoadedSource(innerTitle(t).title, run.context.documents))) return [];
  const findings: Finding[] = [];
  for (const written of within(titles, block.start, block.end)) {
    const t = innerTitle(written);
    if (!sameDocumentOfAnotherPlace(t.title, primary)) continue;
    const before = text.slice(sentenceAround(text, written.start, block.start, block.end).start, written.start);
    const after = text.slice(written.end, sentenceEnd(text, written.end, block.end));
    if (COMPARES.test(before) || MODEL_AFTER.test(after)) continue;
    if (!IMPLEMENTS.test(before) && !SHORT_NAME_AFTER.test(text.slice(written.end + 1, written.end + 40))) continue;
    // a title a line break cuts: said on its first line (the squiggle stays on one line, however the lines are indented)
    const cut = text.indexOf('\n', t.start);
    const end = cut >= 0 && cut < t.end ? text.slice(t.start, cut).trimEnd().length + t.start : t.end;
    findings.push({
      start: t.start, end, code: 'source-not-loaded', severity: 'warning',
      message: run.msg.sourceNotLoaded(t.title, primary),
      related: [],
      fixes: [],
    });
  }
  return findings;
}

/**
 * Titles a line break cuts inside their 《》 (a title copied out of a PDF: 《南京市服务业扩大开放综合试⏎点总体方案》), which
 * the citations of a paragraph leave out: the title without the break, its span the written one (the finding stands on
 * its first line).
 */
function brokenTitles(text: string): readonly WrittenTitle[] {
  // every block of a paragraph asks in turn: the paragraph is searched once
  if (lastBroken.text === text) return lastBroken.titles;
  const out: WrittenTitle[] = [];
  if (text.includes('《')) {
    for (const m of text.matchAll(/《([^《》\n]{1,60}[ \t\u3000]*\r?\n[ \t\u3000]*[^《》\n]{1,60})》/g)) {
      out.push({ start: m.index! + 1, end: m.index! + 1 + m[1].length, title: m[1].replace(/\s+/g, '') });
    }
  }
  lastBroken = { text, titles: out };
  return out;
}

/** The last paragraph brokenTitles searched, and what it found. */
let lastBroken: { text: string; titles: readonly WrittenTitle[] } = { text: '', titles: [] };

/** Whether a title is a loaded source's (or a slip of it): by its full title, not the short name any may give itself. */
function namesLoadedSource(title: string, documents: readonly SourceDocument[]): boolean {
  return documents.some((d) => !!d.meta.title && titleRelation(title, d.meta.title) !== 'other');
}

/** The title a title names inside it in angle brackets of another kind (《商务部关于印发<X>的通知》, as typed): X. */
function innerTitle(t: WrittenTitle): WrittenTitle {
  const m = /[<＜]([^<>＜＞]{6,80})[>＞]/.exec(t.title);
  return m ? { start: t.start + m.index + 1, end: t.start + m.index + 1 + m[1].length, title: m[1] } : t;
}

/** Where the sentence holding `from` ends (its 。！？ or the block's end; past its semicolons: a model may be named in a later clause). */
function sentenceEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if ('。！？\n'.includes(text[i])) return i;
  return to;
}

/** The place a title opens with (南京市, 湖北省, 浦东新区) and the rest. */
const PLACE = /^([\u4e00-\u9fff]{1,7}?(?:自治区|省|市|新区|区|县))(.{6,})$/;

/**
 * Whether `written` is the title of the same document as `source` for another place: 《南京市服务业扩大开放综合试点总体方案》
 * to 《广州市服务业扩大开放综合试点总体方案》 (the rest after the place the same, whitespace aside).
 */
export function sameDocumentOfAnotherPlace(written: string, source: string): boolean {
  const w = PLACE.exec(written.replace(/\s+/g, ''));
  const s = PLACE.exec(source.replace(/\s+/g, ''));
  return !!w && !!s && w[1] !== s[1] && w[2] === s[2];
}

/** A short name given right after the title (（商资发〔2023〕63号，以下简称《总体方案》）): the plan's own basis. */
const SHORT_NAME_AFTER = /^[（(][^（()）]{0,24}以下简称/;

/** Words before a title that make it the document a plan implements, and words that make it one it compares itself with. */
const IMPLEMENTS = /贯彻|落实|根据|按照|依据|遵照|依照/;
const COMPARES = /借鉴|学习|参照|参考|对标|比照|比较|相比|复制|推广|结合|衔接/;
/** …and words after it in its sentence that make it a model (《北京市…》中已复制推广的经验做法, …可供我市借鉴, …衔接互鉴). */
const MODEL_AFTER = /可供.{0,4}借鉴|互鉴|经验做法/;
