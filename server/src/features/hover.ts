// Hover on a reference: each task's full text, both IDs, table, category, domain and a link into the source.
import { Hover, HoverParams, MarkupKind } from 'vscode-languageserver';
import { DocumentAnalysis } from '../core/analyze';
import { messages } from '../core/messages';
import { formatReference } from '../core/taskIndex';
import { Task } from '../core/types';
import { ServerContext } from '../context';

const MAX_TASKS = 12;

export function hover(ctx: ServerContext, params: HoverParams): Hover | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.ready) return null;
  const analysis = ctx.analysis(doc);
  const offset = analysis.lines.offsetAt(params.position);
  const resolved = ctx.referenceAt(doc, offset);
  if (!resolved || !resolved.tasks.length) return thresholdHover(ctx, analysis, offset);
  const shown = resolved.tasks.slice(0, MAX_TASKS).map((t) => describeTask(ctx, t));
  if (resolved.tasks.length > MAX_TASKS) shown.push(`… +${resolved.tasks.length - MAX_TASKS}`);
  return {
    contents: { kind: MarkupKind.Markdown, value: shown.join('\n\n---\n\n') },
    range: analysis.lines.range(resolved.ref.start, resolved.ref.end),
  };
}

/** Hover on a plan quantity tied to a source threshold: the source's words and its task. */
function thresholdHover(ctx: ServerContext, analysis: DocumentAnalysis, offset: number): Hover | null {
  const match = analysis.thresholds.find((t) => offset >= t.start && offset <= t.end);
  if (!match) return null;
  const msg = messages(ctx.locale);
  const task = match.source.task ? ctx.index.task(match.source.task) : undefined;
  const where = task ? `${formatReference(task, 'table')} · ${formatReference(task, 'id')}` : msg.bodyOf;
  const verdict = match.contradicts ? `❌ ${msg.thresholdDisagrees}` : `✅ ${msg.thresholdAgrees}`;
  const lines = [`**${escapeMarkdown(msg.thresholdHover(where, match.source.words))}**`, '', `“${escapeMarkdown(match.planWords)}” — ${verdict}`];
  if (task) lines.push('', describeTask(ctx, task));
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: analysis.lines.range(match.start, match.end) };
}

/** The Markdown block that describes one task (also used as completion documentation). */
export function describeTask(ctx: ServerContext, task: Task, withLink = true): string {
  const msg = messages(ctx.locale);
  const source = ctx.index.sourceOf(task);
  const table = source.tables.find((t) => t.number === task.table);
  const lines = [`**${formatReference(task, 'table')} · ${formatReference(task, 'id')}**`, '', escapeMarkdown(task.text), ''];
  const facts = [`表${task.table} ${table?.title ?? ''}`.trim(), `${msg.category}：${task.category}`];
  if (task.domain) facts.push(`${msg.domain}：${task.domain}`);
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
