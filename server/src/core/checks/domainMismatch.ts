// domain-mismatch: a domain or category written next to a reference (科技服务领域（表1第12项）, or 商务服务领域：
// at the head of a list item that cites 表1第12项) that is not the task's own; and a reference under a heading of
// domains (## 一、科技服务领域) to a task of none of them.
import { blockCitations } from '../bareNumbers';
import { Finding } from '../findings';
import { BETWEEN_LISTED } from '../references';
import { Messages } from '../messages';
import { headingItemTitle } from '../itemAssignment';
import { Block, cellSpans } from '../planModel';
import { escapeRegExp } from '../text';
import { headingItemsAbove, ITEM_OPENING, Scope } from '../scopes';
import { formatReference, ResolvedReference } from '../taskIndex';
import { Task } from '../types';
import { CheckContext } from './context';
import { relatedTask } from './related';

/** An item's opening and the bold that may start its text. */
const ITEM_HEAD = new RegExp(ITEM_OPENING.source + String.raw`(?:\*\*)?`);
/** What may stand before a label that frames its item or sentence: nothing, or 在 (在金融服务领域，…). */
const LEAD_IN = /^(?:在|对于|关于|围绕)?$/;
/** What follows a label that frames what comes after it: a colon or comma, after 方面 if written. */
const LEAD_OUT = /^(?:\*\*)?(?:方面)?[：:，,]/;

export function checkDomains(text: string, scopes: Scope[], refs: readonly ResolvedReference[], ctx: CheckContext, msg: Messages): Finding[] {
  const findings: Finding[] = [];
  if (!refs.length) return findings; // nothing cited, nothing to govern (most blocks)
  const labels = ctx.labelPattern;
  for (const scope of scopes) {
    const inScope = refs.filter((r) => r.ref.start >= scope.start && r.ref.end <= scope.end && r.tasks.length);
    if (!inScope.length) continue;
    const unit = text.slice(scope.start, scope.end);
    const head = ITEM_HEAD.exec(unit)![0].length;
    // exec on the context's global pattern, stepping past an empty match as matchAll does (which would copy the long
    // pattern for every block); nothing below uses the pattern
    labels.lastIndex = 0;
    const found: { name: string; at: number; label: CheckContext['labels'][number] }[] = [];
    for (let m = labels.exec(unit); m !== null; m = labels.exec(unit)) {
      if (m[0] === '') labels.lastIndex++;
      else found.push({ name: m[0], at: m.index, label: ctx.labels.find((l) => l.name === m![0])! });
    }
    // a domain's shorter name where an item, a sentence or a clause opens with it as a label (金融服务：…, 在金融领域，…)
    const short = ctx.shortLabelPattern;
    short.lastIndex = 0;
    for (let m = short.exec(unit); m !== null; m = short.exec(unit)) {
      if (m[0] === '') short.lastIndex++;
      else if (!found.some((f) => m!.index < f.at + f.name.length && f.at < m!.index + m![0].length) && shortLead(unit, head, m.index, m[0])) found.push({ name: m[0], at: m.index, label: ctx.shortLabels.get(m[0])! });
    }
    found.sort((a, b) => a.at - b.at);
    for (let k = 0; k < found.length; k++) {
      const { label, at } = found[k];
      // a label frames what follows it up to the next label (科技服务领域，……；商务服务领域，……)
      const until = scope.start + (found[k + 1]?.at ?? unit.length);
      const start = scope.start + at;
      const end = start + found[k].name.length;
      const after = text.slice(end, end + 3);
      let governed: ResolvedReference[] = [];
      if (/^(?:\*\*)?[（(]/.test(after)) {
        // 科技服务领域（表1第12项）
        const open = end + after.search(/[（(]/) + 1;
        governed = inScope.filter((r) => r.ref.start >= open && r.ref.start <= open + 2);
      } else if (LEAD_IN.test(unit.slice(Math.max(head, clauseStart(unit, at)), at)) && LEAD_OUT.test(text.slice(end, end + 6))) {
        // 商务服务领域：……表1第12项, at the head of an item, a sentence or a clause; 在金融服务领域，……; 科技服务领域方面，……
        governed = inScope.filter((r) => r.ref.start > end && r.ref.start < until);
      } else if (isCell(unit, at, at + found[k].name.length)) {
        // | 科技服务领域 | 表1第12项 |: a label that fills a cell of a table row governs the row
        governed = inScope;
      }
      if (governed.length) findings.push(...judge(label, start, end, governed, ctx, msg));
    }
  }
  return findings;
}

function judge(
  label: CheckContext['labels'][number],
  start: number,
  end: number,
  governed: ResolvedReference[],
  ctx: CheckContext,
  msg: Messages,
): Finding[] {
  const own = (t: Task) => (label.kind === 'domain' ? t.domain : t.category);
  const tasks = governed.flatMap((r) => r.tasks).filter((t) => own(t) !== undefined);
  const wrong = tasks.filter((t) => !label.tasks.has(t.id));
  if (!wrong.length) return [];
  const code = 'domain-mismatch' as const;
  const severity = 'warning' as const;
  const related = (ts: Task[]) => ts.map((t) => relatedTask(ctx.index, t, msg));
  if (wrong.length === tasks.length) {
    const owns = [...new Set(wrong.map(own))] as string[];
    const fixes = owns.length === 1 ? [{ title: msg.replaceWith(owns[0]), start, end, newText: owns[0], preferred: true }] : [];
    const message = msg.domainMismatch(label.name, wrong.map((t) => formatReference(t)).join('、'), owns.join('、'));
    return [{ code, severity, start, end, message, related: related(wrong), fixes }];
  }
  return governed
    .filter((r) => r.tasks.some((t) => wrong.includes(t)))
    .map((r) => {
      const t = r.tasks.find((x) => wrong.includes(x))!;
      return { code, severity, start: r.ref.start, end: r.ref.end, message: msg.domainMismatch(label.name, formatReference(t), own(t)!), related: related([t]), fixes: [] };
    });
}

/**
 * Whether a domain's shorter name at unit[at] labels what follows: at the head of the item, a sentence or a clause (after
 * 在 or the like), then a colon — or, for a name that says 领域 (金融领域), a comma or 方面 too.
 */
function shortLead(unit: string, head: number, at: number, name: string): boolean {
  if (!LEAD_IN.test(unit.slice(Math.max(head, clauseStart(unit, at)), at))) return false;
  const after = unit.slice(at + name.length, at + name.length + 6);
  return name.endsWith('领域') ? LEAD_OUT.test(after) : SHORT_OUT.test(after);
}

/** What follows a domain's name without 领域 that labels (金融服务：): a colon. */
const SHORT_OUT = /^(?:\*\*)?[：:]/;

/** Where the clause that holds unit[at] starts: after the last semicolon before it (0 if none). */
function clauseStart(unit: string, at: number): number {
  // a list item's second sentence opens a clause too (1．推动家政服务提质扩容。商务服务领域方面，……)
  return Math.max(unit.lastIndexOf('；', at - 1), unit.lastIndexOf(';', at - 1), unit.lastIndexOf('。', at - 1)) + 1;
}

/** Is unit[start, end) the whole content of a table cell (between |s, or tabs), but for bold marks? */
function isCell(unit: string, start: number, end: number): boolean {
  if (!unit.includes('|') && !unit.includes('\t')) return false;
  return cellSpans(unit).some(([a, b]) => {
    while (a < b && unit[a] === '*') a++;
    while (b > a && unit[b - 1] === '*') b--;
    return a === start && b === end;
  });
}

type Label = CheckContext['labels'][number];

/**
 * domain-mismatch under a heading: the references of a block under a heading that names domains (## 一、科技服务领域,
 * （三）健康医疗服务, a Word plan's 二、金融服务领域 line) that cite a task of none of them. The innermost heading that names
 * a domain governs; a block that names a domain itself (商务服务领域：…) speaks for itself, and the check above reads it.
 */
export function checkHeadingDomains(
  text: string,
  block: Block,
  ctx: CheckContext,
  msg: Messages,
  around: {
    blocks: readonly Block[];
    outline?: readonly string[];
    /** The task a reference's sentence is clearly about instead of the cited one (reference-mismatch's judgement). */
    betterTask?: (r: ResolvedReference) => Task | undefined;
  },
): Finding[] {
  if (block.kind === 'heading' || block.tableHeader) return [];
  const domains = domainsOf(ctx);
  // its references and the bare numbers its heading, its sentence or their number settles (第12项 under 二、表1任务落实)
  const refs = blockCitations(block).filter((r) => r.tasks.some((t) => t.domain || domains.categoryOf.has(t.id)));
  if (!refs.length) return [];
  const unit = text.slice(block.start, block.end);
  if (domains.domains.some((d) => unit.includes(d.label.name)) || domains.categories.some((c) => unit.includes(c.label.name))) return [];
  // the labels a heading names; a category's table when it names one of a table's categories
  let governing: { title: string; named: Label[]; table?: string } | undefined;
  const consider = (title: string) => {
    const named = headingDomains(title, domains);
    const category = named ? undefined : headingCategory(title, domains);
    if (named) governing = { title: title.replace(/\*\*/g, '').trim(), named };
    else if (category) governing = { title: title.replace(/\*\*/g, '').trim(), named: [category.label], table: category.table };
    return !!governing;
  };
  // innermost first: a table's 领域 column (its own cell, or the filled one above a merged cell), the block itself when it
  // is a heading-like item (（三）健康医疗服务（表1第37至45项）), the heading-like items above in the paragraph, the
  // outline's lines, the Markdown headings
  const column = block.kind === 'row' ? domainCell(around.blocks, around.blocks.indexOf(block)) : undefined;
  const own = block.kind === 'item' ? headingItemTitle(unit) : undefined;
  const inColumn = column !== undefined && consider(column);
  let found = inColumn || (own !== undefined && consider(own));
  const above = block.kind === 'row' || found ? [] : headingItemsAbove(text, around.blocks, around.blocks.indexOf(block)).map((h) => h.title);
  const outline = around.outline ?? [];
  for (let k = 0; k < above.length && !found; k++) found = consider(above[k]);
  for (let k = outline.length - 1; k >= 0 && !found; k--) found = consider(outline[k]);
  for (let k = block.headings.length - 1; k >= 0 && !found; k--) found = consider(block.headings[k]);
  if (!governing) return [];
  const { title, named, table } = governing;
  // a heading of domains governs the tasks that have a domain; one of a table's categories, the tasks of that table (a
  // plan may file a task of another table under it: 优化人才服务 over a 表1 task of talent)
  const governed = table === undefined ? (t: Task) => !!t.domain : (t: Task) => domains.categoryOf.get(t.id)?.table === table;
  const belongsTo = table === undefined ? (t: Task) => t.domain! : (t: Task) => domains.categoryOf.get(t.id)!.label.name;
  const findings: Finding[] = [];
  let listed: Task[] = []; // the wrong tasks of the last finding: references listed together (表1第8项、表1第7项) are one
  for (const r of refs) {
    let wrong = r.tasks.filter((t) => governed(t) && !named.some((l) => l.tasks.has(t.id)));
    if (!wrong.length) continue;
    // a sentence about a task that belongs here, citing another, is reference-mismatch's: the number is wrong, not the place
    const better = around.betterTask?.(r);
    if (better && governed(better) && named.some((l) => l.tasks.has(better.id))) continue;
    let start = r.ref.start;
    const last = findings[findings.length - 1];
    if (last && BETWEEN_LISTED.test(text.slice(last.end, r.ref.start))) {
      findings.pop();
      start = last.start;
      wrong = [...listed, ...wrong.filter((t) => !listed.includes(t))];
    }
    listed = wrong;
    const owns = [...new Set(wrong.map(belongsTo))].join('、');
    findings.push({
      code: 'domain-mismatch', severity: 'warning', start, end: r.ref.end,
      message: (inColumn ? msg.domainColumnMismatch : msg.domainHeadingMismatch)(title, wrong.map((t) => formatReference(t)).join('、'), owns),
      related: wrong.map((t) => relatedTask(ctx.index, t, msg)), fixes: [],
    });
  }
  return findings;
}

/** The header of a table's column of domains: 领域, 重点领域, 行业领域, 行业. */
const DOMAIN_HEADER = /领域|行业/;

/**
 * The domain a table row is filed under: its cell in the column headed 领域, or, when that cell is empty (a merged cell of
 * a Word table, a Markdown table that writes a category once), the nearest filled one above it in the same table.
 */
function domainCell(blocks: readonly Block[], i: number): string | undefined {
  const row = blocks[i];
  const column = row.header?.findIndex((h) => DOMAIN_HEADER.test(h)) ?? -1;
  if (column < 0) return undefined;
  for (let j = i; j >= 0; j--) {
    const b = blocks[j];
    if (b.kind !== 'row' || b.tableHeader || b.header !== row.header) return undefined;
    const cell = b.cells?.[column]?.replace(/\*\*/g, '').trim();
    if (cell) return cell;
  }
  return undefined;
}

/** The domains a heading names, by name (none: not a heading of domains); measured on a labelled set of headings. */
export function headingDomainNames(title: string, ctx: CheckContext): string[] {
  return (headingDomains(title, domainsOf(ctx)) ?? []).map((l) => l.name);
}

/** The category a heading is (（二）优化人才服务), with its tasks' ids; undefined when it is none. */
export function headingCategoryLabel(title: string, ctx: CheckContext): { name: string; tasks: ReadonlySet<string> } | undefined {
  const category = headingCategory(title, domainsOf(ctx));
  return category && { name: category.label.name, tasks: category.label.tasks };
}

/** A domain label with the shorter names a heading may give it. */
interface Domain {
  label: Label;
  /** Without 领域: 健康医疗服务. */
  stem: string;
  /** Without 服务 too (健康医疗), if the stem ends with it; and that core before a list's separator (金融、). */
  core?: string;
  coreInList?: RegExp;
}

/** A category label (a table's 类别 short enough to be a heading: 优化人才服务, 充分竞争性服务业) and the table of its tasks. */
interface Category {
  label: Label;
  /** The source's prefix and the table's number: a category governs the tasks of its own table only. */
  table: string;
}

/** What the headings are read against, per context. */
interface HeadingLabels {
  domains: Domain[];
  categories: Category[];
  /** Each task's category, when that is a category label. */
  categoryOf: Map<string, Category>;
  /** The verdict on each heading title seen (a plan repeats its headings block after block). */
  byTitle: Map<string, Label[] | null>;
}

const domainsCache = new WeakMap<CheckContext, HeadingLabels>();

function domainsOf(ctx: CheckContext): HeadingLabels {
  let found = domainsCache.get(ctx);
  if (!found) {
    const domains = ctx.labels.filter((l) => l.kind === 'domain').map((label) => {
      const stem = label.name.endsWith(DOMAIN_SUFFIX) ? label.name.slice(0, -DOMAIN_SUFFIX.length) : label.name;
      const core = stem.endsWith(SERVICE) ? stem.slice(0, -SERVICE.length) : undefined;
      return { label, stem, ...(core ? { core, coreInList: new RegExp(escapeRegExp(core) + '[、和及与]') } : {}) };
    });
    const tableOf = new Map(ctx.index.tasks.map((t) => [t.id, `${t.id.slice(0, t.id.lastIndexOf(':') + 1)}${t.table}`]));
    const categories: Category[] = [];
    const categoryOf = new Map<string, Category>();
    for (const label of ctx.labels) {
      if (label.kind !== 'category') continue;
      // a name that several tables' tasks share says no one table: it governs none
      const tables = new Set([...label.tasks].map((id) => tableOf.get(id)));
      if (tables.size !== 1) continue;
      const category = { label, table: [...tables][0]! };
      categories.push(category);
      for (const id of label.tasks) categoryOf.set(id, category);
    }
    domainsCache.set(ctx, (found = { domains, categories, categoryOf, byTitle: new Map() }));
  }
  return found;
}

/**
 * The category a heading is, if it is one: its title (numbering and a closing parenthesis aside) is the category's name
 * as the source writes it (（二）优化人才服务, 三、充分竞争性服务业). A heading that only holds the name is not one.
 */
function headingCategory(title: string, of: HeadingLabels): Category | undefined {
  const t = stripNumbering(title).replace(/[（(][^（()）]*[）)]$/, '').trim();
  return of.categories.find((c) => c.label.name === t);
}

const DOMAIN_SUFFIX = '领域';
const SERVICE = '服务';
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:\.\d+)*[、.．]?|第[一二三四五六七八九十]+[章节部分条][、：:]?)[ \t\u3000]*/;

function stripNumbering(title: string): string {
  return title.replace(/\*\*/g, '').trim().replace(NUMBERING, '').trim();
}

/**
 * The domains a heading names, if it is a heading of domains: one that writes a domain in full (二、金融服务领域, 科技服务和
 * 专业服务领域), ends with 等领域 (科技服务、专业服务等领域), or is a domain's name without 领域 (（三）健康医疗服务), or without
 * 服务 too (二、电信, 二、金融领域, （三）金融业); then every domain whose name it holds counts, a list's first names by their core (金融、商务服务领域). A
 * heading that only mentions a field in passing (三、深化金融服务改革) names none. A closing parenthesis (区商务局牵头) is
 * not part of the name.
 */
function headingDomains(title: string, of: HeadingLabels): Label[] | undefined {
  let found = of.byTitle.get(title);
  if (found === undefined) {
    found = readHeadingDomains(title, of.domains) ?? null;
    if (of.byTitle.size > 1000) of.byTitle.clear();
    of.byTitle.set(title, found);
  }
  return found ?? undefined;
}

function readHeadingDomains(title: string, domains: Domain[]): Label[] | undefined {
  const t = stripNumbering(title).replace(/[（(][^（()）]*[）)]$/, '').trim();
  const named = domains.filter((d) => t.includes(d.stem) || d.coreInList?.test(t));
  if (named.length) {
    const ofDomains = t.endsWith('等' + DOMAIN_SUFFIX) || named.some((d) => t.includes(d.label.name) || t === d.stem || t === d.stem + '业');
    return ofDomains ? named.map((d) => d.label) : undefined;
  }
  // the name without 服务, as the whole heading: （四）健康医疗, 二、电信, 二、金融领域, （三）金融业
  const bare = domains.filter((d) => d.core && (t === d.core || t === d.core + DOMAIN_SUFFIX || t === d.core + '业'));
  return bare.length ? bare.map((d) => d.label) : undefined;
}
