// `@words` completion: tasks ranked by fuzzy search over their text, domain and category (and pinyin); accepting
// replaces `@words` with a reference in the configured style. `@@words` inserts the reference and the quoted text.
import { CompletionItem, CompletionItemKind, CompletionList, CompletionParams, MarkupKind } from 'vscode-languageserver';
import { formatReference } from '../core/taskIndex';
import { escapeRegExp, shorten } from '../core/text';
import { FeatureContext, TaskDescriber } from './featureContext';
import { describeTask } from './hover';

/** What this feature reads of the server's state. */
export type FuzzyCompletionContext = TaskDescriber & Pick<FeatureContext, 'search' | 'settings'>;

const MAX_QUERY = 40;
const LIMIT = 20;


/** The `@query` the cursor stands after, if any: trigger offset within `before`, and whether it is `@@`. */
export function triggerQuery(before: string, trigger: string): { at: number; query: string; quote: boolean } | undefined {
  const t = escapeRegExp(trigger);
  const m = new RegExp(`(?<![A-Za-z0-9._%+\\-])(${t})(${t})?([^\\n\\r${t}]{0,${MAX_QUERY}})$`).exec(before);
  if (!m) return undefined;
  const query = m[3];
  if (/^\s/.test(query)) return undefined;
  return { at: m.index, query, quote: m[2] !== undefined };
}

export function fuzzyCompletion(ctx: FuzzyCompletionContext, params: CompletionParams, before: string): CompletionList | undefined {
  const found = triggerQuery(before, ctx.settings.completionTrigger);
  if (!found) return undefined;
  const typed = before.slice(found.at);
  const range = { start: { line: params.position.line, character: params.position.character - typed.length }, end: params.position };
  const query = found.query.trim();
  const tasks = query ? ctx.search.search(query, LIMIT).map((h) => h.task) : [];
  const items: CompletionItem[] = tasks.map((task, rank) => {
    const reference = formatReference(task, ctx.settings.referenceStyle);
    const newText = found.quote ? `${reference}“${task.text.replace(/。$/, '')}”` : reference;
    return {
      label: reference,
      labelDetails: { detail: ` ${ctx.index.summaryOf(task)}`, description: task.domain ?? shorten(task.category) },
      kind: CompletionItemKind.Reference,
      detail: task.domain ?? task.category,
      documentation: { kind: MarkupKind.Markdown, value: describeTask(ctx, task, false) },
      // the editor filters by `filterText` and sorts by `sortText`: give every item the typed text and the rank
      filterText: typed,
      sortText: String(rank).padStart(4, '0'),
      preselect: rank === 0,
      textEdit: { range, newText },
    };
  });
  return { isIncomplete: true, items };
}
