// place-mismatch: a task the source gives one pilot area (表3第10项, 黄埔区（…中新广州知识城）'s) cited where the plan
// puts it in another: 支持外国专利代理机构在琶洲设立代表机构（表3第10项）, or under a heading of another area
// (## 三、琶洲核心区, # 海珠区……实施方案). The areas and their names come from the tasks' categories (pilotAreas).
// A sentence that names the task's own area too, or names another only to learn from it or work with it (借鉴南沙经验,
// 与南沙联动), a unit (南沙区政府, 黄埔海关) or the units that assign it (（南沙区政府牵头）, 责任单位：…), is not judged by
// its places; an item led by a district or zone of another area (（南沙区政府牵头） for 黄埔区's task) is, by its owner.
// An item that cites nothing but restates a task of an area (uncited-task's restatement) is judged the same three ways.
import { blockCitations } from '../bareNumbers';
import { Finding } from '../findings';
import { AssignmentSource, headingItemTitle, itemAssignmentOf, restatementIn } from '../itemAssignment';
import { Messages } from '../messages';
import { nameAsWritten, PilotArea } from '../pilotAreas';
import { Block, cellSpans, mayBeTaskItem } from '../planModel';
import { districtStem, isAssignmentHeader, isDistrict, isUnitName, leadingDistrict, titleDistricts, Unit } from '../responsibility';
import { ASSIGNMENT_LABELS, headingItemsAbove } from '../scopes';
import { scanReferences } from '../references';
import { formatReference, ResolvedReference } from '../taskIndex';
import { ASSIGNING, judgedSpan, judgeReference } from '../topics';
import { escapeRegExp, NONE } from '../text';
import { Task } from '../types';
import { CheckContext } from './context';
import type { CheckRun } from './registry';
import { itemRange } from './itemRange';
import { relatedTask } from './related';

/** An area's name where the plan writes it: offsets into the paragraph's text. */
interface Mention {
  start: number;
  end: number;
  area: PilotArea;
}

/** Words before a place that make it a model or a partner, not where the work is done: 借鉴南沙, 与南沙. */
const NOT_HERE_BEFORE = /(?:借鉴|学习|参照|参考|对标|复制|比照|对接|联动|协同|携手|会同|联合|衔接|(?<!参)与|(?<![共协会])同)$/;
/** …and after it: 南沙经验, 南沙的做法; or a numbered name (天河二号, a supercomputer). */
const NOT_HERE_AFTER = /^(?:(?:的)?(?:成功|先进|先行先试|典型)?(?:经验|做法|模式|案例)|[一二三四五六七八九十0-9０-９]+号)/;
/** A label that assigns (责任单位：…) governs its line up to the end of the sentence. */
const ASSIGNING_LABEL = new RegExp(`(?:${ASSIGNMENT_LABELS})[ \\t]*(?:\\*\\*)?[ \\t]*[：:][^。；;\\n]*`, 'g');
/** Parentheses, innermost: one that assigns (（南沙区政府牵头）) is not where the work is done. */
const PARENTHESIS = /[（(][^（()）]*[）)]/g;
/** A quotation, however short: a longer one is misquote's, a short one a name (“智慧空港”), neither says where. */
const QUOTED = /“[^“”\n]*”|「[^「」\n]*」|『[^『』\n]*』|‘[^‘’\n]*’|"[^"\n]*"/g;
/** How far after a place its unit's name is looked for. */
const MAX_UNIT = 12;

export function checkPlaces(block: Block, run: CheckRun): Finding[] {
  const ctx = run.context;
  if (!ctx.areas.length || block.tableHeader) return [];
  // its references and the bare numbers its heading, its sentence or their number settles (第10项 under 二、表3任务落实)
  const cited = blockCitations(block);
  if (!citesAreaTask(cited, ctx)) return cited.length ? [] : restatedElsewhere(block, run);
  // a task cited twice in a block (a row's 方案条目 and its 对应任务 cell) is judged once, at its first reference
  const seen = new Set<string>();
  const refs = cited.filter((r) => {
    const fresh = r.tasks.some((t) => ctx.areaOf.has(t.id) && !seen.has(t.id));
    for (const t of r.tasks) seen.add(t.id);
    return fresh;
  });
  if (!refs.length) return [];
  const text = run.model.text;
  const all = mentionsIn(text, block.start, block.end, block, ctx);
  const findings: Finding[] = [];
  const unheaded: Claim[] = [];
  // tasks put in a place, by the place and their own area: a sentence citing two of one area (表3第10项、表3第12项 in
  // 琶洲) gets one finding on the place, as a range (表3第9至11项) does
  const elsewhere = new Map<string, { m: Mention; own: PilotArea; tasks: Task[] }>();
  for (const r of refs) {
    const span = judgedSpan(text, block, r, cited);
    const here = all.filter((m) => m.start >= span.start && m.end <= span.end);
    const open = r.tasks.filter((t) => ctx.areaOf.has(t.id));
    // a sentence about another task than the one it cites is reference-mismatch's: its place (and owner) is that task's
    if (here.length) {
      let wrong = open.filter((t) => !here.some((m) => m.area === ctx.areaOf.get(t.id)));
      // the task's own area named as a partner of the work (推动琶洲与天河中央商务区联动建设……): done with it, not elsewhere
      if (wrong.length) {
        const joint = jointMentionsIn(text, span.start, span.end, block, ctx);
        if (joint.length) wrong = wrong.filter((t) => !joint.some((m) => m.area === ctx.areaOf.get(t.id)));
      }
      if (wrong.length) {
        if (judgeReference(run.model, block, r, ctx.matcher, undefined, cited)?.better) continue;
        for (const [own, tasks] of byArea(wrong, ctx)) {
          const key = `${here[0].start}:${own.title}`;
          const put = elsewhere.get(key);
          if (put) put.tasks.push(...tasks.filter((t) => !put.tasks.includes(t)));
          else elsewhere.set(key, { m: here[0], own, tasks: [...tasks] });
        }
      }
    }
    // led by a district of another area (（南沙区政府牵头） for 黄埔区's task), whatever place the sentence names
    const claim = { tasks: r.tasks, start: r.ref.start, end: r.ref.end };
    const led = open.length ? ledElsewhere(block, { ...claim, tasks: open }, cited, run) : [];
    findings.push(...led);
    if (!led.length && !all.length) unheaded.push(claim);
  }
  for (const { m, own, tasks } of elsewhere.values()) findings.push(putElsewhere(text, m, own, tasks, undefined, run));
  if (unheaded.length) findings.push(...underHeadings(text, block, unheaded, run));
  return findings;
}

/**
 * Tasks a block claims, where a finding about them goes when no place or unit is written (the reference, or the words of
 * an item that restates a task) and how a message names them (the references, or the restated task as such).
 */
interface Claim {
  tasks: readonly Task[];
  start: number;
  end: number;
  /** The tasks' references as a message writes them (表3第10项; 该条目复述的表3第10项): as they are by default. */
  named?: (refs: string) => string;
}

/**
 * An item that cites nothing but restates a task of an area (uncited-task's restatement) is judged as a reference would
 * be: by the places it names, its lead units and the headings above it (支持外国专利代理机构在琶洲设立代表机构 restates
 * 表3第10项, 知识城's).
 */
function restatedElsewhere(block: Block, run: CheckRun): Finding[] {
  const ctx = run.context;
  const restated = restatementIn(block, run.structure);
  // a task its heading cites is the heading's reference, judged there
  if (!restated || restated.citedAbove !== undefined) return [];
  const task = restated.task;
  const own = ctx.areaOf.get(task.id);
  if (!own) return [];
  const text = run.model.text;
  const named = run.msg.restatedTask;
  const here = mentionsIn(text, block.start, block.end, block, ctx);
  if (here.some((m) => m.area === own)) return [];
  if (here.length) return [putElsewhere(text, here[0], own, [task], named, run)];
  const claim: Claim = { tasks: [task], ...itemRange(text, block), named };
  const led = ledElsewhere(block, claim, NONE, run);
  return led.length ? led : underHeadings(text, block, [claim], run);
}

/**
 * Tasks of the area `own` that the text puts in the place `m` names: the finding on the place, with a fix that writes the
 * place the first task's text names. `named`: how the message names the tasks (Claim.named).
 */
function putElsewhere(text: string, m: Mention, own: PilotArea, tasks: readonly Task[], named: Claim['named'], run: CheckRun): Finding {
  return {
    start: m.start, end: m.end, code: 'place-mismatch', severity: 'warning',
    message: run.msg.placeMismatch(namedRefs(tasks, named), own.title, text.slice(m.start, m.end)),
    related: tasks.map((t) => relatedTask(run.context.index, t, run.msg)), fixes: fixesFor(tasks[0], own, m, run.msg),
  };
}

/** What follows an area's name in a unit of it: its district (南沙区政府, 南沙新区管委会), else a zone's committee (空港委). */
const DISTRICT_AFTER = /^(?:区|新区|片区)/;
const COMMITTEE = /(?:管委会|管理委员会|委)$/;

/**
 * The item's lead units (its own, its labelled lines', its row's, its heading's) that belong to an area: a district's
 * government or department (南沙区政府, 海珠区科工信局) or a zone's committee (空港委), not an office of the state named
 * after a place (黄埔海关). When they name areas and none is the task's, the finding is on the lead unit where the item
 * writes it, else on the reference.
 */
function ledElsewhere(block: Block, claim: Claim, cited: readonly ResolvedReference[], run: CheckRun): Finding[] {
  // a sentence of prose that cites its task is judged by a lead it names itself (…（表3第10项，海珠区市场监管局牵头）)
  const prose = !mayBeTaskItem(block);
  if (prose && (block.kind !== 'sentence' || !LEADS.test(run.model.text.slice(block.start, block.end)))) return [];
  const ctx = run.context;
  const assignment = itemAssignmentOf(block, run);
  if (prose && assignment.leadFrom !== 'own') return [];
  const leads = assignment.lead ? [assignment.lead, ...(assignment.coLeads ?? [])] : [];
  const areaLeads = leads.flatMap((unit) => {
    const area = unitArea(unit.name, ctx);
    return area ? [{ unit, area }] : [];
  });
  // a district that is no pilot area (增城区市场监管局) leads elsewhere than an area that is a district by its names
  // (黄埔区, 海珠区); not than one that is not (空港经济区: which districts it spans the source does not say)
  const otherLeads = areaLeads.length ? [] : leads.filter((unit) => isOtherDistrict(unit.name, ctx, run.structure?.title));
  if (!areaLeads.length && !otherLeads.length) return [];
  const wrong = claim.tasks.filter((t) =>
    areaLeads.length ? !areaLeads.some((l) => l.area === ctx.areaOf.get(t.id)) : ctx.areaOf.get(t.id)?.names.some(isDistrict),
  );
  if (!wrong.length) return [];
  const unit = areaLeads.length ? areaLeads[0].unit : otherLeads[0];
  const written = unitRange(unit, assignment.leadFrom);
  // in prose, the lead after the reference (its parenthesis): one before it closes the sentence before
  if (prose && !(written && cited.length && written.start > cited[0].ref.start)) return [];
  const at = written ?? { start: claim.start, end: claim.end };
  return [...byArea(wrong, ctx)].map(([own, ts]) => ({
    ...at, code: 'place-mismatch' as const, severity: 'warning' as const,
    message: run.msg.placeLeadMismatch(namedRefs(ts, claim.named), own.title, unit.name),
    related: ts.map((t) => relatedTask(ctx.index, t, run.msg)), fixes: [],
  }));
}

/** A word that makes a unit a lead: a sentence of prose without one names no lead (told before reading it). */
const LEADS = /牵头|负责|主责/;

/** The area a unit belongs to by its name, if any (see ledElsewhere). */
function unitArea(name: string, ctx: CheckContext): PilotArea | undefined {
  const area = areaNameAtStart(name, ctx);
  if (!area) return undefined;
  const rest = name.slice(area.length);
  return area.endsWith('区') || DISTRICT_AFTER.test(rest) || COMMITTEE.test(name) ? ctx.areaByName.get(area) : undefined;
}

/**
 * Is a unit a district's that is no pilot area's (增城区市场监管局, 广州市番禺区政府), by the district its name opens with,
 * in a plan whose title names that district or none (a city's plan)? In another district's plan, other-district-unit
 * says it (黄埔区落实…… with 越秀区地方金融监督管理局牵头).
 */
function isOtherDistrict(name: string, ctx: CheckContext, title: string | undefined): boolean {
  const district = leadingDistrict(name)?.name;
  if (!district || ctx.areaByName.has(district) || ctx.areaByName.has(districtStem(district))) return false;
  if (!title) return true;
  const named = titleDistricts(title);
  if (named.length) return named.includes(district);
  const pattern = ctx.areaPattern;
  pattern.lastIndex = 0;
  return !pattern.test(title);
}

/** The name of a pilot area a unit's name opens with (南沙区商务局, 广州开发区管委会), if any. */
export function areaNameAtStart(name: string, ctx: CheckContext): string | undefined {
  const pattern = ctx.areaPattern;
  pattern.lastIndex = 0;
  const m = pattern.exec(name);
  return m && m.index === 0 ? m[0] : undefined;
}

/** Where a lead unit stands in the paragraph: in the item's own text, its lines or its row (not a heading, nor the next paragraph). */
function unitRange(unit: Unit, from: AssignmentSource | undefined): { start: number; end: number } | undefined {
  return from === 'own' || from === 'lines' || from === 'row' ? { start: unit.start, end: unit.end } : undefined;
}

/** Do a block's citations name a task of an area? Most do not: told without allocating. */
export function citesAreaTask(cited: readonly ResolvedReference[], ctx: CheckContext): boolean {
  for (const r of cited) for (const t of r.tasks) if (ctx.areaOf.has(t.id)) return true;
  return false;
}

/** Tasks as a message names them: their references, or as `named` writes those. */
function namedRefs(tasks: readonly Task[], named: Claim['named']): string {
  const refs = tasks.map((t) => formatReference(t)).join('、');
  return named ? named(refs) : refs;
}

/** Tasks by their area, in the order the areas first come. */
function byArea(tasks: readonly Task[], ctx: CheckContext): Map<PilotArea, Task[]> {
  const out = new Map<PilotArea, Task[]>();
  for (const t of tasks) {
    const area = ctx.areaOf.get(t.id)!;
    out.set(area, [...(out.get(area) ?? []), t]);
  }
  return out;
}

/**
 * The place the task's own text writes (在知识城设立 for 表3第10项, 南沙新区内 for 表3第8项), else the area's name, as a fix;
 * not preferred: the reference may be what is wrong.
 */
function fixesFor(t: Task, own: PilotArea, m: Mention, msg: Messages): Finding['fixes'] {
  const pattern = new RegExp(own.names.map(escapeRegExp).join('|'));
  const found = pattern.exec(t.text);
  const name = found ? nameAsWritten(t.text, found.index, found[0]) : own.title.replace(/（.*$/, '');
  return [{ title: msg.replaceWith(name), start: m.start, end: m.end, newText: name, preferred: false }];
}

/**
 * A reference in a block that names no area, under the innermost heading that does (the block's own heading-like item,
 * those above it in the paragraph, the plan's outline, its Markdown headings): a task of another area is out of place.
 */
function underHeadings(text: string, block: Block, claims: readonly Claim[], run: CheckRun): Finding[] {
  const ctx = run.context;
  const blocks = run.model.blocks;
  const i = blocks.indexOf(block);
  const titles: string[] = [];
  if (block.kind === 'item') {
    const own = headingItemTitle(text.slice(block.start, block.end));
    if (own !== undefined) titles.push(own);
  }
  if (block.kind !== 'row') titles.push(...headingItemsAbove(text, blocks, i).map((h) => h.title));
  const outline = run.structure?.outline ?? [];
  for (let k = outline.length - 1; k >= 0; k--) titles.push(outline[k]);
  for (let k = block.headings.length - 1; k >= 0; k--) titles.push(block.headings[k]);
  // the plan's title, which a text or Word plan writes as its first paragraph (a Markdown plan's is a heading above)
  if (run.structure?.title) titles.push(run.structure.title);
  for (const title of titles) {
    // a heading-like item that cites a task is that task's item (（二）加速推进天河中央商务区……（表3第16项）): its place is its own
    if (scanReferences(title, { prefixes: ctx.index.prefixes }).length) continue;
    const named = mentionsIn(title, 0, title.length, undefined, ctx);
    if (!named.length) continue;
    const heading = title.replace(/\*\*/g, '').trim();
    const findings: Finding[] = [];
    for (const claim of claims) {
      const wrong = claim.tasks.filter((t) => ctx.areaOf.has(t.id) && !named.some((m) => m.area === ctx.areaOf.get(t.id)));
      for (const [own, tasks] of byArea(wrong, ctx)) {
        findings.push({
          start: claim.start, end: claim.end, code: 'place-mismatch', severity: 'warning',
          message: run.msg.placeHeadingMismatch(heading, namedRefs(tasks, claim.named), own.title),
          related: tasks.map((t) => relatedTask(ctx.index, t, run.msg)), fixes: [],
        });
      }
    }
    return findings;
  }
  return [];
}

/** The areas text[from, to) names as where the work is done (not a model, a partner, a unit or who is assigned). */
function mentionsIn(text: string, from: number, to: number, block: Block | undefined, ctx: CheckContext): Mention[] {
  return placesIn(text, from, to, block, ctx, (unit, a, b) => !NOT_HERE_BEFORE.test(unit.slice(Math.max(0, a - 2), a)) && !NOT_HERE_AFTER.test(unit.slice(b, b + 8)));
}

/**
 * The places of text[from, to) named as partners of the work (与天河中央商务区联动, 协同南沙): not where it is done
 * (mentionsIn leaves them out), but the work is done with them. Not a model (借鉴南沙, 南沙经验): the work is done elsewhere.
 */
function jointMentionsIn(text: string, from: number, to: number, block: Block | undefined, ctx: CheckContext): Mention[] {
  return placesIn(text, from, to, block, ctx, (unit, a) => PARTNER_BEFORE.test(unit.slice(Math.max(0, a - 2), a)));
}

/**
 * The areas text[from, to) names, outside the spans no place in which is judged (skippedSpans) and not opening a unit's
 * name (南沙区政府), that `keep` keeps (by the words around the name at unit[a, b)).
 */
function placesIn(text: string, from: number, to: number, block: Block | undefined, ctx: CheckContext, keep: (unit: string, a: number, b: number) => boolean): Mention[] {
  const unit = text.slice(from, to);
  const pattern = ctx.areaPattern;
  pattern.lastIndex = 0;
  let found: Mention[] | undefined;
  for (let m = pattern.exec(unit); m !== null; m = pattern.exec(unit)) {
    (found ??= []).push({ start: from + m.index, end: from + m.index + nameAsWritten(unit, m.index, m[0]).length, area: ctx.areaByName.get(m[0])! });
  }
  if (!found) return [];
  const skipped = skippedSpans(unit, block);
  return found.filter((m) => {
    const a = m.start - from;
    const b = m.end - from;
    if (skipped.some(([s, e]) => a >= s && b <= e)) return false;
    return keep(unit, a, b) && !opensUnit(unit, a, b);
  });
}
/** Words before a place that make it a partner of the work (NOT_HERE_BEFORE's, but for a model's). */
const PARTNER_BEFORE = /(?:联动|协同|携手|会同|联合|(?<!参)与|(?<![共协会])同)$/;

/** The spans of a block's text no place in which is judged: quotations, assigning parentheses and labels, a row's cells of units and deadlines. */
function skippedSpans(unit: string, block: Block | undefined): [number, number][] {
  const spans: [number, number][] = [];
  for (const re of [QUOTED, ASSIGNING_LABEL]) {
    re.lastIndex = 0;
    for (let m = re.exec(unit); m !== null; m = re.exec(unit)) spans.push([m.index, m.index + m[0].length]);
  }
  PARENTHESIS.lastIndex = 0;
  for (let m = PARENTHESIS.exec(unit); m !== null; m = PARENTHESIS.exec(unit)) if (ASSIGNING.test(m[0])) spans.push([m.index, m.index + m[0].length]);
  if (block?.kind === 'row' && block.header) {
    const cells = cellSpans(unit);
    block.header.forEach((h, k) => {
      if (cells[k] && isAssignmentHeader(h)) spans.push(cells[k]);
    });
  }
  return spans;
}

/** What follows a place that opens an organisation's name: 区政府, 新区管委会, 区商务局, 海关 (a short name, then a unit's ending). */
const UNIT_AFTER = /^(?:区|新区|片区)?[\u4e00-\u9fff]{0,4}?(?:人民政府|政府|管委会|管理委员会|委员会|海关|街道办事处|街道|办事处|分局|局|委|办)/;

/** Does the place at unit[a, b) open the name of an organisation (南沙区政府, 黄埔海关, 天河区商务局)? */
function opensUnit(unit: string, a: number, b: number): boolean {
  const m = UNIT_AFTER.exec(unit.slice(b, b + MAX_UNIT));
  return !!m && isUnitName(unit.slice(a, b + m[0].length));
}
