// Completion of task references from the text before the cursor (never from trigger characters alone, since
// a Chinese input method does not fire them): after 表1第 / T1. / T1- the tasks of that table, after a bare 第 those of
// the table its heading or sentence names, inside a list or range (表1第3、 / 第3至) the list's further items, after 表
// the tables.
import { CompletionItem, CompletionItemKind, CompletionList, CompletionParams, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseInteger, shorten } from '../core/text';
import { formatReference } from '../core/taskIndex';
import { lastTableNamed } from '../core/planModel';
import { BARE_RANGE_SEP, MAX_RANGE_ITEMS, RANGE_SEP, SP } from '../core/references';
import type { Task } from '../core/types';
import { FeatureContext, OpenDocumentContext, TaskDescriber } from './featureContext';
import { describeTask } from './hover';
import { fuzzyCompletion } from './fuzzyCompletion';
import { unitCompletion } from './unitCompletion';
import { documentCompletion } from './documentCompletion';

/** What this feature reads of the server's state. */
export type CompletionContext = OpenDocumentContext & TaskDescriber & Pick<FeatureContext, 'search' | 'settings' | 'checker'>;

// 表1第, and 表1中第 / 表1的第 / 表1所列第 (which the scanner reads as references too)
const AFTER_TABLE_DI = /((?:[A-Za-z\u4e00-\u9fff]{1,8}?)?表[ \t\u3000]*([0-9０-９]+|[一二三四五六七八九十]+)[ \t\u3000]*(?:中的|中|的|所列的?)?[ \t\u3000]*第[ \t\u3000]*)([0-9０-９]*)$/;
const AFTER_ID = /(?<![A-Za-z0-9_./-])((?:([A-Za-z\u4e00-\u9fff]{1,8})[:：])?[TＴ]([0-9０-９]+)([.．\-－]))([0-9０-９]*)$/;
const AFTER_TABLE = /((?:[A-Za-z\u4e00-\u9fff]{1,8}?)?表)[ \t\u3000]*$/;

export function completion(ctx: CompletionContext, params: CompletionParams): CompletionList | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.ready) return null;
  const lineStart = doc.offsetAt({ line: params.position.line, character: 0 });
  const cursor = doc.offsetAt(params.position);
  const before = doc.getText().slice(Math.max(lineStart, cursor - 200), cursor);
  const fuzzy = fuzzyCompletion(ctx, params, before);
  if (fuzzy) return fuzzy;
  const units = unitCompletion(ctx, doc, params, before);
  if (units) return units;
  const documents = documentCompletion(ctx, doc, params, before);
  if (documents) return documents;
  const items =
    tableTaskItems(ctx, before, params) ??
    idTaskItems(ctx, before, params) ??
    listTaskItems(ctx, doc, before, params) ??
    bareTaskItems(ctx, doc, before, params) ??
    tableItems(ctx, before, params);
  return items ? { isIncomplete: false, items } : null;
}

function prefixOf(ctx: CompletionContext, head: string): string | undefined {
  const at = head.indexOf('表');
  const written = head.slice(0, at);
  if (!written) return '';
  // the longest configured prefix the written text ends with; other text before 表 is just prose
  const p = ctx.index.prefixes.filter((x) => written.endsWith(x)).sort((a, b) => b.length - a.length)[0];
  return p ?? '';
}

function tableTaskItems(ctx: CompletionContext, before: string, params: CompletionParams): CompletionItem[] | undefined {
  const m = AFTER_TABLE_DI.exec(before);
  if (!m) return undefined;
  const prefix = prefixOf(ctx, m[1]) ?? '';
  const head = m[1].slice(m[1].indexOf('表') - prefix.length);
  const table = parseInteger(m[2]);
  if (table === undefined) return undefined;
  const replaceStart = { line: params.position.line, character: params.position.character - head.length - m[3].length };
  return ctx.index.tasksOf(prefix, table).map((task) => {
    const label = formatReference(task, 'table');
    return taskItem(ctx, task, label, head + `${task.item}项`, { start: replaceStart, end: params.position }, label);
  });
}

function idTaskItems(ctx: CompletionContext, before: string, params: CompletionParams): CompletionItem[] | undefined {
  const m = AFTER_ID.exec(before);
  if (!m) return undefined;
  const prefix = m[2] ?? '';
  const table = parseInteger(m[3]);
  if (table === undefined) return undefined;
  const head = m[1];
  const replaceStart = { line: params.position.line, character: params.position.character - head.length - m[5].length };
  return ctx.index.tasksOf(prefix, table).map((task) => {
    const label = `${head}${task.item}`;
    return taskItem(ctx, task, label, label, { start: replaceStart, end: params.position }, label);
  });
}

/**
 * 第 (and the digits typed after it) where the number would be settled as a bare one: a table named earlier in its
 * sentence (按照表3要求，落实第), else by a heading or a Word plan's outline line above it (二、表1任务落实), else the one
 * table of a task list loaded alone. That table's tasks, written bare (第12项) as the plan writes them there.
 */
function bareTaskItems(ctx: CompletionContext, doc: TextDocument, before: string, params: CompletionParams): CompletionItem[] | undefined {
  const m = AFTER_DI.exec(before);
  if (!m) return undefined;
  const tasks = bareTableTasks(ctx, doc, before.slice(0, m.index), params);
  if (!tasks?.length) return undefined;
  const range = { start: { line: params.position.line, character: params.position.character - m[0].length }, end: params.position };
  return tasks.map((task) => taskItem(ctx, task, `第${task.item}项`, `第${task.item}`, range, `第${task.item}项`));
}

/** The tasks of the table a bare 第 written after `textBefore` settles to (see bareTaskItems), or undefined. */
function bareTableTasks(ctx: CompletionContext, doc: TextDocument, textBefore: string, params: CompletionParams) {
  const sentence = textBefore.split(SENTENCE_END).pop()!;
  const named = lastTableNamed(sentence);
  const only = ctx.index.sources.length === 1 && ctx.index.sources[0].tables.length === 1 ? ctx.index.sources[0].tables[0].number : null;
  let table: number | null;
  if (named !== null) table = named;
  else {
    // the headings above the cursor, at its offset in the text the checks read (a PDF copy's lines joined)
    const analysis = ctx.analysis(doc);
    table = analysis.headingTableAt(analysis.lines.offsetAt(params.position)) ?? only;
  }
  return table === null ? undefined : ctx.index.tasksOf('', table);
}

/**
 * The next element of a list or range of items being written, after its table (表1第3、 / 表1第3至) or bare (第3、5、 /
 * 第3至): the tasks of that table not listed yet, or past the range's start, each as the item and 项 that close it
 * (表1第3、5项). A bare range is written with 至 and its kin only, since 第3-5项 is no reference.
 */
function listTaskItems(ctx: CompletionContext, doc: TextDocument, before: string, params: CompletionParams): CompletionItem[] | undefined {
  const m = LIST_OPEN.exec(before);
  if (!m) return undefined;
  const head = before.slice(0, m.index + 1); // up to and with 第
  // the items written so far, a range's each; the next follows the last
  const written = m[1].split('、').flatMap((element) => {
    const [from, to = from] = element.match(/[0-9０-９]+/g)!.map((n) => parseInteger(n)!);
    return Array.from({ length: Math.max(0, Math.min(to - from, MAX_RANGE_ITEMS)) + 1 }, (_, k) => from + k);
  });
  const ranged = m[2] !== '、';
  const afterTable = AFTER_TABLE_DI.exec(head);
  let tasks: Task[] | undefined;
  let prefix = '';
  if (afterTable) {
    const table = parseInteger(afterTable[2]);
    prefix = prefixOf(ctx, afterTable[1]) ?? '';
    tasks = table === undefined ? undefined : ctx.index.tasksOf(prefix, table);
  } else if (AFTER_DI.test(head)) {
    if (ranged && !BARE_RANGE.test(m[2])) return undefined;
    tasks = bareTableTasks(ctx, doc, head.slice(0, -1), params);
  }
  const last = parseInteger(m[1].match(/[0-9０-９]+/g)!.pop()!)!;
  const open = tasks?.filter((t) => (ranged ? t.item > last : !written.includes(t.item)));
  if (!open?.length) return undefined;
  const range = { start: { line: params.position.line, character: params.position.character - m[3].length }, end: params.position };
  const table = afterTable ? `${prefix}表${open[0].table}` : '';
  return open.map((task) => taskItem(ctx, task, `${table}第${task.item}项`, String(task.item), range, `${task.item}项`));
}

/** 第 and the digits typed after it, not after 表N (tableTaskItems') nor after a letter or digit. */
const AFTER_DI = /(?<![表A-Za-z0-9０-９])第[0-9０-９]*$/;
const SENTENCE_END = /[。！？；;!?\n]/;
const DIGITS = '[0-9０-９]+';
// 第, the items written so far (3、5、 or a range 3至5、), and the separator that opens the next with the digits typed of it
const LIST_ELEMENT = `${DIGITS}(?:${SP}${RANGE_SEP}${SP}${DIGITS})?`;
const LIST_OPEN = new RegExp(`第${SP}((?:${LIST_ELEMENT}${SP}、${SP})*${LIST_ELEMENT})${SP}(、|${RANGE_SEP})${SP}([0-9０-９]*)$`);
const BARE_RANGE = new RegExp(`^${BARE_RANGE_SEP}$`);

function taskItem(
  ctx: CompletionContext,
  task: Task,
  label: string,
  filterText: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } },
  newText: string,
): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Reference,
    detail: task.domain ?? task.category,
    labelDetails: { detail: ` ${ctx.index.summaryOf(task)}`, description: task.domain ?? shorten(task.category) },
    documentation: { kind: MarkupKind.Markdown, value: describeTask(ctx, task, false) },
    sortText: String(task.item).padStart(4, '0'),
    filterText,
    textEdit: { range, newText },
    insertTextFormat: InsertTextFormat.PlainText,
  };
}

function tableItems(ctx: CompletionContext, before: string, params: CompletionParams): CompletionItem[] | undefined {
  const m = AFTER_TABLE.exec(before);
  if (!m) return undefined;
  const prefix = prefixOf(ctx, m[1]) ?? '';
  const written = before.length - before.lastIndexOf('表') + prefix.length;
  const range = { start: { line: params.position.line, character: params.position.character - written }, end: params.position };
  const source = ctx.index.source(prefix);
  if (!source) return undefined;
  return source.tables.map((t) => ({
    label: `${prefix}表${t.number}`,
    kind: CompletionItemKind.Module,
    detail: t.title,
    labelDetails: { description: `${t.taskCount}` },
    documentation: `${source.meta.title} · 表${t.number} ${t.title}（${t.taskCount}）`,
    sortText: String(t.number).padStart(4, '0'),
    filterText: `${prefix}表${t.number}`,
    textEdit: { range, newText: `${prefix}表${t.number}第` },
  }));
}
