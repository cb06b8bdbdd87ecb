// Hover on a reference: each task's full text, both IDs, table, category, domain and a link into the source.
import { Hover, HoverParams, MarkupKind } from 'vscode-languageserver';
import { DocumentAnalysis } from '../core/analyze';
import { bareTasks, bareTaskAt, bareWithTable } from '../core/bareNumbers';
import { Locale, messages } from '../core/messages';
import { formatReference, ResolvedReference } from '../core/taskIndex';
import { blockAt, markdownHeadingTitle } from '../core/planModel';
import { escapeRegExp, lineEndFrom } from '../core/text';
import { spellingsOf, unitAt } from './planUnits';
import { intendedFor, judgeReference, topicWords } from '../core/topics';
import { taskLabel } from '../core/checks/labels';
import { leadSourceNote, responsibilityMessages } from '../core/responsibilityMessages';
import { headingLikeLine, INDENT, LIST_MARKER_SOURCE } from '../core/scopes';
import { headingCategoryLabel, headingDomainNames } from '../core/checks/domainMismatch';
import { lookAlikeReference, lookAlikesIn } from '../core/checks/nonstandardReference';
import { scanReferences } from '../core/references';
import { DocumentMeta, Task } from '../core/types';
import { docNumbersIn, numberSource, titleSource, titlesIn } from '../core/documentCitations';
import { FeatureContext, OpenDocumentContext, TaskDescriber } from './featureContext';

/** What this feature reads of the server's state. */
export type HoverContext = OpenDocumentContext & TaskDescriber & Pick<FeatureContext, 'checker' | 'referenceAt'>;

/** A list item's marker, or a table row's first cell: where hover shows the item's owner. */
const ITEM_HEAD = new RegExp(String.raw`^${INDENT}(?:${LIST_MARKER_SOURCE}|\|[^|\n]*\|)`);

const MAX_TASKS = 12;

export function hover(ctx: HoverContext, params: HoverParams): Hover | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.ready) return null;
  const analysis = ctx.analysis(doc);
  const offset = analysis.lines.offsetAt(params.position);
  const resolved = ctx.referenceAt(doc, offset);
  if (!resolved || !resolved.tasks.length) {
    return (resolved ? unknownHover(ctx, analysis, offset, resolved) : null)
      ?? lookAlikeHover(ctx, analysis, offset) ?? bareHover(ctx, analysis, offset) ?? thresholdHover(ctx, analysis, offset) ?? domainHeadingHover(ctx, analysis, offset)
      ?? itemHover(ctx, analysis, offset) ?? unitHover(ctx, analysis, offset) ?? areaHover(ctx, analysis, offset) ?? documentHover(ctx, analysis, offset);
  }
  const shown = resolved.tasks.slice(0, MAX_TASKS).map((t) => describeTask(ctx, t));
  if (resolved.tasks.length > MAX_TASKS) shown.push(`… +${resolved.tasks.length - MAX_TASKS}`);
  const topic = topicNote(ctx, analysis, offset);
  const owner = ownerNote(ctx, analysis, offset);
  return {
    contents: { kind: MarkupKind.Markdown, value: [...(topic ? [topic] : []), ...(owner ? [owner] : []), ...shown].join('\n\n---\n\n') },
    range: analysis.lines.range(resolved.ref.start, resolved.ref.end),
  };
}

/** The reference at an offset in its paragraph's model, with its block. */
function referenceInModel(analysis: DocumentAnalysis, offset: number) {
  const at = analysis.modelAt(offset);
  if (!at) return undefined;
  const block = blockAt(at.model.blocks, at.local);
  const ref = block?.references.find((r) => at.local >= r.ref.start && at.local <= r.ref.end);
  return block && ref ? { model: at.model, block, ref } : undefined;
}

/** The words a span shares with a task, as a hover line. */
function matchedWords(ctx: HoverContext, terms: string[]): string {
  const colon = ctx.locale === 'en' ? ': ' : '：';
  return `${messages(ctx.locale).matchedTerms}${colon}${terms.map((t) => `“${escapeMarkdown(t)}”`).join(' ')}`;
}

/**
 * Hover on a reference to a task number its table does not have (表1第64项), or to a table the task list does not
 * have (表6第3项): the task its sentence is about, in full, when the words pick one (the fix unknown-task offers), so
 * that the drafter sees what they are about to cite.
 */
function unknownHover(ctx: HoverContext, analysis: DocumentAnalysis, offset: number, resolved: ResolvedReference): Hover | null {
  const found = referenceInModel(analysis, offset);
  const missing = found?.ref.problems[0];
  if (!found || !missing) return null;
  const matcher = ctx.checker.context.matcher;
  const intended = intendedFor(found.model, found.block, found.ref, missing, matcher);
  if (!intended) return null;
  const msg = messages(ctx.locale);
  const terms = matcher.explain(topicWords(found.model.text.slice(intended.span.start, intended.span.end)), intended.task.id, 5).terms;
  const head = `**${escapeMarkdown(msg.meant(formatReference(intended.task), taskLabel(ctx.index, intended.task)))}**  \n${matchedWords(ctx, terms)}`;
  const value = `${head}\n\n---\n\n${describeTask(ctx, intended.task)}`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: analysis.lines.range(resolved.ref.start, resolved.ref.end) };
}

/** Whether the reference's sentence fits its task: the words they share, or the task it is closer to. */
function topicNote(ctx: HoverContext, analysis: DocumentAnalysis, offset: number): string | undefined {
  const found = referenceInModel(analysis, offset);
  if (!found) return undefined;
  const { model, block, ref } = found;
  const matcher = ctx.checker.context.matcher;
  const verdict = judgeReference(model, block, ref, matcher);
  if (!verdict) return undefined;
  const msg = messages(ctx.locale);
  const span = topicWords(model.text.slice(verdict.span.start, verdict.span.end));
  if (verdict.better) {
    const terms = matcher.explain(span, verdict.better.id, 5).terms;
    return `⚠️ **${escapeMarkdown(msg.closerTo(formatReference(verdict.better), taskLabel(ctx.index, verdict.better)))}**  \n${matchedWords(ctx, terms)}`;
  }
  const terms = matcher.explain(span, verdict.cited.id, 5).terms;
  return terms.length ? matchedWords(ctx, terms) : undefined;
}

/** The owner and deadline of the task item at an offset: 牵头单位, 配合单位, 完成时限. */
function ownerNote(ctx: HoverContext, analysis: DocumentAnalysis, offset: number): string | undefined {
  const item = analysis.taskItemAt(offset);
  if (!item) return undefined;
  const msg = responsibilityMessages(ctx.locale);
  // what the plan's 分工表 gives the task where the item names none, said so
  const tableLeads = item.fromTable?.leads;
  const source = item.leadSource ? leadSourceNote(item.leadSource.from, item.leadSource.heading, msg) : '';
  const owner = item.lead ? [item.lead, ...item.coLeads].join('、') + source : tableLeads ? tableLeads.join('、') + msg.fromTable : msg.none;
  const lines = [`${msg.owner}${msg.colon}${owner}`];
  if (item.partners.length) lines.push(`${msg.partners}${msg.colon}${item.partners.join('、')}`);
  const deadline = item.deadline ?? (item.fromTable?.deadline && item.fromTable.deadline + msg.fromTable);
  if (deadline) lines.push(`${msg.deadline}${msg.colon}${deadline}`);
  return lines.map(escapeMarkdown).join('  \n');
}

/** Hover on a task item's list marker (or a table row's first cell): its tasks, owner and deadline. */
function itemHover(ctx: HoverContext, analysis: DocumentAnalysis, offset: number): Hover | null {
  const item = analysis.taskItemAt(offset);
  if (!item) return null;
  const head = analysis.text.slice(item.start, item.end).match(ITEM_HEAD);
  if (!head || offset > item.start + head[0].length) return null;
  const none = responsibilityMessages(ctx.locale).noSuchTask;
  const tasks = [...[...item.cited, ...item.restated].map((t) => formatReference(t)), ...item.unresolved.map((r) => r + none)].join('、');
  const value = `**${escapeMarkdown(tasks)}**\n\n${ownerNote(ctx, analysis, offset)}`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: analysis.lines.range(item.start, item.start + head[0].length) };
}

/**
 * Hover on a unit's name where the plan names it (区商务局 in 牵头单位：区商务局, or anywhere in the text): the tasks the
 * plan gives it to lead and those it is a partner of, so that a reviewer sees each unit's share without the 分工表.
 */
function unitHover(ctx: HoverContext, analysis: DocumentAnalysis, offset: number): Hover | null {
  const found = unitAt(analysis, offset);
  if (!found) return null;
  const { leads, partners } = found.units;
  const name = found.name;
  // the unit as the plan writes it elsewhere too (区金融局 and 区金融工作局): its share is theirs together, and said
  const same = spellingsOf(found.units, name);
  const union = (from: Map<string, Set<Task>>) => new Set(same.flatMap((u) => [...(from.get(u) ?? [])]));
  const msg = responsibilityMessages(ctx.locale);
  const list = (tasks: Set<Task> | undefined, say: (n: number) => string) => {
    if (!tasks?.size) return [];
    const sorted = ctx.index.tasks.filter((t) => tasks.has(t)); // in the order of the task list
    const shown = sorted.slice(0, MAX_TASKS * 2).map((t) => formatReference(t)).join('、') + (sorted.length > MAX_TASKS * 2 ? ` … +${sorted.length - MAX_TASKS * 2}` : '');
    return [`${say(sorted.length)}${msg.colon}${shown}`];
  };
  const others = same.filter((u) => u !== name);
  const lines = [...list(union(leads), msg.unitLeads), ...list(union(partners), msg.unitPartners)];
  if (!lines.length) return null;
  if (others.length) lines.push(msg.unitAlsoWritten(others.join('、')));
  const value = `**${escapeMarkdown(name)}**  \n${lines.map(escapeMarkdown).join('  \n')}`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: analysis.lines.range(found.start, found.end) };
}

/**
 * Hover on a heading of domains (## 一、科技服务领域, a text plan's 二、金融服务领域 line), or of one of a table's categories
 * (（二）优化人才服务): the domain's (or category's) tasks, each marked cited (✅), restated (≈) or not yet in the plan (⬜),
 * so that the drafter sees what the section still lacks.
 */
function domainHeadingHover(ctx: HoverContext, analysis: DocumentAnalysis, offset: number): Hover | null {
  const { line } = analysis.lines.positionAt(offset);
  const start = analysis.lines.offsetAt({ line, character: 0 });
  const text = analysis.text.slice(start, lineEndFrom(analysis.text, start));
  const title = markdownHeadingTitle(text) ?? headingLikeLine(text)?.title;
  if (!title) return null;
  const domains = headingDomainNames(title, ctx.checker.context);
  // or one of a table's categories (（二）优化人才服务): its tasks, in the same way
  const category = domains.length ? undefined : headingCategoryLabel(title, ctx.checker.context);
  if (!domains.length && !category) return null;
  const tasks = category ? ctx.index.tasks.filter((t) => category.tasks.has(t.id)) : ctx.index.tasks.filter((t) => t.domain && domains.includes(t.domain));
  const name = category ? category.name : domains.join('、');
  const at = start + Math.max(text.indexOf(title), 0);
  return tasksHover(ctx, analysis, tasks, (cited, restated) => messages(ctx.locale).domainTasks(name, tasks.length, cited, restated), at, at + title.length);
}

/**
 * A hover that lists tasks, each marked cited ✅, restated ≈ or not yet in the plan ⬜, under a head that counts them
 * (`head(cited, restated)`), over text[start, end).
 */
function tasksHover(ctx: HoverContext, analysis: DocumentAnalysis, tasks: readonly Task[], head: (cited: number, restated: number) => string, start: number, end: number): Hover {
  const cited = new Set([...analysis.references.flatMap((r) => r.tasks), ...analysis.bareReferences.flatMap(bareTasks)]);
  const restated = new Set(analysis.restatements.map((r) => r.task));
  const mark = (t: Task) => (cited.has(t) ? '✅' : restated.has(t) ? '≈' : '⬜');
  const lines = tasks.map((t) => `- ${mark(t)} ${formatReference(t)} · ${escapeMarkdown(taskLabel(ctx.index, t))}`);
  const counted = head(tasks.filter((t) => cited.has(t)).length, tasks.filter((t) => !cited.has(t) && restated.has(t)).length);
  return { contents: { kind: MarkupKind.Markdown, value: `**${escapeMarkdown(counted)}**\n\n${lines.join('\n')}` }, range: analysis.lines.range(start, end) };
}

/**
 * Hover on a pilot area's name (知识城, 南沙新区, 琶洲): the area the source gives tasks to, and those tasks, each marked
 * cited, restated or not yet in the plan (as a heading of domains shows its domains').
 */
function areaHover(ctx: HoverContext, analysis: DocumentAnalysis, offset: number): Hover | null {
  const { areaPattern, areaByName } = ctx.checker.context;
  if (!areaByName.size) return null;
  const { line } = analysis.lines.positionAt(offset);
  const start = analysis.lines.offsetAt({ line, character: 0 });
  const text = analysis.text.slice(start, lineEndFrom(analysis.text, start));
  areaPattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = areaPattern.exec(text)) !== null && start + m.index + m[0].length < offset);
  if (!m || start + m.index > offset) return null;
  const area = areaByName.get(m[0])!;
  const tasks = ctx.index.tasks.filter((t) => area.tasks.has(t.id));
  return tasksHover(ctx, analysis, tasks, (cited, restated) => messages(ctx.locale).areaTasks(area.title, tasks.length, cited, restated), start + m.index, start + m.index + m[0].length);
}

/**
 * Hover on a source's title (《广州市…总体方案》, or a slip of it) or its 文号 (商资发〔2022〕212号, in any brackets): the
 * document — its title, 文号, issuer and date — and its task list, table by table, with how many tasks the plan cites.
 */
function documentHover(ctx: HoverContext, analysis: DocumentAnalysis, offset: number): Hover | null {
  const documents = ctx.checker.context.documents;
  if (!documents.length) return null;
  const { line } = analysis.lines.positionAt(offset);
  const start = analysis.lines.offsetAt({ line, character: 0 });
  const end = lineEndFrom(analysis.text, start);
  const title = titlesIn(analysis.text, start, end).find((t) => offset >= t.start - 1 && offset <= t.end + 1);
  const number = title ? undefined : docNumbersIn(analysis.text, start, end).find((n) => offset >= n.start && offset <= n.end);
  const document = title
    ? (titleSource(title.title, documents) ?? titleSource(declaredTitle(analysis.text, title.title) ?? '', documents))?.source
    : number && numberSource(number, documents);
  const source = document && ctx.index.sources.find((s) => s.meta === document.meta);
  if (!source || !(title ?? number)) return null;
  const msg = messages(ctx.locale);
  const cited = new Set([...analysis.references.flatMap((r) => r.tasks), ...analysis.bareReferences.flatMap(bareTasks)]);
  const restated = new Set(analysis.restatements.map((r) => r.task));
  const tasks = ctx.index.tasks.filter((t) => ctx.index.sourceOf(t) === source);
  const { meta } = source;
  const facts = documentFacts(ctx.locale, meta);
  const lines = [`**《${escapeMarkdown(meta.title)}》**`, ''];
  if (facts) lines.push(escapeMarkdown(facts), '');
  const citedOf = (list: readonly Task[]) => list.filter((t) => cited.has(t)).length;
  lines.push(escapeMarkdown(msg.documentTasks(tasks.length, citedOf(tasks), tasks.filter((t) => !cited.has(t) && restated.has(t)).length)), '');
  for (const table of source.tables) {
    const own = tasks.filter((t) => t.table === table.number);
    lines.push(`- ${escapeMarkdown(msg.tableCited(table.number, table.title, citedOf(own), own.length))}`);
  }
  lines.push('', `[${msg.openSource} · ${escapeMarkdown(meta.title)}](${ctx.sources.uri(source.sourceFile)}#L1)`);
  // the 文号 from its 机关代字 (not the words before it: 根据商资发…)
  const [from, to] = title ? [title.start - 1, title.end + 1] : [number!.yearStart - document!.number!.agency.length, number!.end];
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: analysis.lines.range(from, to) };
}

/**
 * The full title a plan declares a short one for: 《广州市…总体方案》（商资发〔2022〕212号，以下简称《总体方案》） makes
 * 《总体方案》 that title, wherever the plan writes it.
 */
function declaredTitle(text: string, short: string): string | undefined {
  const declared = new RegExp(`《([^《》\\n]{2,80})》[（(][^）)\\n]{0,40}?简称[《“"]${escapeRegExp(short)}[》”"]`).exec(text);
  return declared?.[1];
}

/** A source's 文号, issuer and date, as one line: 商资发〔2022〕212号 · 商务部 · 2022年12月29日印发. */
export function documentFacts(locale: Locale, meta: DocumentMeta): string {
  return [meta.docNumber, meta.issuer, meta.date && messages(locale).issuedOn(meta.date)].filter(Boolean).join(' · ');
}

/**
 * Hover on a task cited in a form that is not read (表1第12条, 表1（第15项）, T1.12～1.14): what it would be read as in
 * the form that is (nonstandard-reference says so and writes it), and those tasks.
 */
function lookAlikeHover(ctx: HoverContext, analysis: DocumentAnalysis, offset: number): Hover | null {
  const at = analysis.modelAt(offset);
  const block = at && blockAt(at.model.blocks, at.local);
  if (!at || !block) return null;
  const look = lookAlikesIn(at.model.text, block.start, block.end).find((l) => at.local >= l.start && at.local <= l.end);
  const tasks = look && lookAlikeReference(look, ctx.index)?.tasks;
  if (!look || !tasks?.length) return null;
  // a look-alike whose first task is read (T1.12～1.14, 表1第12项和13项) is counted in part
  const msg = messages(ctx.locale);
  const partly = scanReferences(look.written).some((r) => r.start === 0);
  const head = `**${escapeMarkdown((partly ? msg.lookAlikePartHover : msg.lookAlikeHover)(look.written, look.rewritten))}**`;
  const shown = tasks.slice(0, MAX_TASKS).map((t) => describeTask(ctx, t));
  if (tasks.length > MAX_TASKS) shown.push(`… +${tasks.length - MAX_TASKS}`);
  return { contents: { kind: MarkupKind.Markdown, value: [head, ...shown].join('\n\n---\n\n') }, range: analysis.lines.range(at.start + look.start, at.start + look.end) };
}

/** Hover on a task number without its table: the task it was read as and how, or the candidates best first. */
function bareHover(ctx: HoverContext, analysis: DocumentAnalysis, offset: number): Hover | null {
  const bare = analysis.bareAt(offset);
  if (!bare) return null;
  const msg = messages(ctx.locale);
  const range = analysis.lines.range(bare.start, bare.end);
  if (bare.resolved) {
    // a list or range (第3、5项) is read as a whole; the task shown is the one under the cursor
    const head = `**${escapeMarkdown(msg.bareInferred(bareWithTable(bare, bare.resolved), msg.bareBy[bare.by ?? 'content']))}**`;
    return { contents: { kind: MarkupKind.Markdown, value: `${head}\n\n---\n\n${describeTask(ctx, bareTaskAt(bare, offset) ?? bare.resolved)}` }, range };
  }
  const written = bare.candidates.map((c) => bareWithTable(bare, c.task));
  const lines = bare.candidates.map((c, i) => `- ${written[i]} · ${escapeMarkdown(taskLabel(ctx.index, c.task))}`);
  const head = `**${escapeMarkdown(msg.ambiguous(bare.text, written.join(bare.spans ? '；' : '、')))}**`;
  return { contents: { kind: MarkupKind.Markdown, value: `${head}\n\n${msg.bareCandidates}：\n\n${lines.join('\n')}` }, range };
}

/** Hover on a plan quantity tied to a source threshold: the source's words and its task. */
function thresholdHover(ctx: HoverContext, analysis: DocumentAnalysis, offset: number): Hover | null {
  const match = analysis.thresholds.find((t) => offset >= t.start && offset <= t.end);
  if (!match) return null;
  const msg = messages(ctx.locale);
  const task = match.source.task ? ctx.index.task(match.source.task) : undefined;
  const where = task ? `${formatReference(task, 'table')} · ${formatReference(task, 'id')}` : msg.bodyOf;
  const verdict = match.contradicts ? `❌ ${msg.thresholdDisagrees}` : `✅ ${msg.thresholdAgrees}`;
  const stated = msg.thresholdHover(where, match.source.words) + (match.equivalent ? msg.thresholdEquivalent(match.equivalent) : '');
  const lines = [`**${escapeMarkdown(stated)}**`, '', `“${escapeMarkdown(match.planWords)}” — ${verdict}`];
  if (task) lines.push('', describeTask(ctx, task));
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: analysis.lines.range(match.start, match.end) };
}

/** The Markdown block that describes one task (also used as completion documentation). */
export function describeTask(ctx: TaskDescriber, task: Task, withLink = true): string {
  const msg = messages(ctx.locale);
  const source = ctx.index.sourceOf(task);
  const table = source.tables.find((t) => t.number === task.table);
  const lines = [`**${formatReference(task, 'table')} · ${formatReference(task, 'id')}**`, '', escapeMarkdown(task.text), ''];
  const facts = [`表${task.table} ${table?.title ?? ''}`.trim(), `${msg.category}：${task.category}`];
  if (task.domain) facts.push(`${msg.domain}：${task.domain}`);
  // the source's own extra columns (牵头单位, 完成时限…), as its table gives them
  for (const [name, value] of Object.entries(task.fields ?? {})) if (value) facts.push(`${name}：${value}`);
  lines.push(facts.map(escapeMarkdown).join('  \n'));
  if (task.bodyText) lines.push('', `*${msg.bodyWording}*：${escapeMarkdown(task.bodyText)}`);
  if (withLink) {
    const uri = ctx.sources.uri(source.sourceFile);
    lines.push('', `[${msg.openSource} · ${source.meta.title} L${task.startLine + 1}](${uri}#L${task.startLine + 1})`);
  }
  return lines.join('\n');
}

function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}\[\]<>#|])/g, '\\$1');
}
