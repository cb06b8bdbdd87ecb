// Completion of unit names where a plan assigns its items (牵头单位：, 配合单位：…, and the cells of a table's 牵头单位 or
// 配合单位 column): the units the plan already names, the most used first, so that one unit is written one way
// throughout (区金融工作局, not 区金融工作局 here and 区金融局 there) and a long name is typed once.
import { CompletionItem, CompletionItemKind, CompletionList, CompletionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { messages } from '../core/messages';
import { FeatureContext, OpenDocumentContext } from './featureContext';

/** What this feature reads of the server's state. */
export type UnitCompletionContext = Pick<OpenDocumentContext, 'analysis'> & Pick<FeatureContext, 'locale'>;

/** A label that assigns units, then the units written so far (、-separated) and the one being typed. */
const AFTER_LABEL = /(?:牵头|责任|主责|负责|配合|协办|参与)(?:单位|部门)?[：:][ \t\u3000]*(?:[^，。；;：:、\n]*、)*([^，。；;：:、\n \t\u3000]*)$/;
/** A header cell of a column of units. */
const UNIT_COLUMN = /牵头|责任单位|责任部门|主责|负责单位|负责部门|配合|协办|参与单位/;
/** How far up a table's header is looked for. */
const MAX_TABLE_LINES = 500;

export function unitCompletion(ctx: UnitCompletionContext, doc: TextDocument, params: CompletionParams, before: string): CompletionList | undefined {
  const typed = AFTER_LABEL.exec(before)?.[1] ?? unitCellTyped(doc, params);
  if (typed === undefined) return undefined;
  const counts = new Map<string, number>();
  for (const item of ctx.analysis(doc).taskItems) {
    for (const unit of [item.lead, ...item.coLeads, ...item.partners, ...(item.fromTable?.leads ?? [])]) if (unit) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  if (!counts.size) return undefined;
  const range = { start: { line: params.position.line, character: params.position.character - typed.length }, end: params.position };
  const msg = messages(ctx.locale);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
  const items: CompletionItem[] = ranked.map(([unit, n], rank) => ({
    label: unit,
    kind: CompletionItemKind.Value,
    labelDetails: { description: msg.unitUses(n) },
    sortText: String(rank).padStart(4, '0'),
    filterText: unit,
    textEdit: { range, newText: unit },
  }));
  return { isIncomplete: false, items };
}

/** In a cell of a Markdown table's column of units (its header says 牵头单位, 配合单位…): what the cell's current unit has so far. */
function unitCellTyped(doc: TextDocument, params: CompletionParams): string | undefined {
  const line = params.position.line;
  const head = doc.getText({ start: { line, character: 0 }, end: params.position });
  if (!/^[ \t]*\|/.test(head)) return undefined;
  const cells = head.split('|');
  const column = cells.length - 2;
  // the table's first row is its header
  let headerLine = line;
  for (let l = line - 1; l >= 0 && line - l <= MAX_TABLE_LINES; l--) {
    if (!/^[ \t]*\|/.test(lineText(doc, l))) break;
    headerLine = l;
  }
  if (headerLine === line) return undefined;
  const header = lineText(doc, headerLine).split('|').slice(1).map((c) => c.trim());
  if (!UNIT_COLUMN.test(header[column] ?? '')) return undefined;
  // units in a cell: 、-separated, or on lines of their own (<br>)
  const cell = cells[cells.length - 1];
  return cell.split(/、|<br\s*\/?>/i).pop()!.replace(/^[ \t\u3000]+/, '');
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}
