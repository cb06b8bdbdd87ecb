// Completion of unit names where a plan assigns its items (牵头单位：, 配合单位：…, and the cells of a table's 牵头单位 or
// 配合单位 column): the units the plan already names, the most used first, so that one unit is written one way
// throughout (区金融工作局, not 区金融工作局 here and 区金融局 there) and a long name is typed once.
import { CompletionItem, CompletionItemKind, CompletionList, CompletionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../core/analyze';
import { messages } from '../core/messages';
import { blockAt } from '../core/planModel';
import { FeatureContext, OpenDocumentContext } from './featureContext';
import { planUnits } from './planUnits';

/** What this feature reads of the server's state. */
export type UnitCompletionContext = Pick<OpenDocumentContext, 'analysis'> & Pick<FeatureContext, 'locale'>;

/** A label that assigns units, then the units written so far (、-separated) and the one being typed. */
const AFTER_LABEL = /(?:牵头|责任|主责|负责|配合|协办|参与)(?:单位|部门)?[：:][ \t\u3000]*(?:[^，。；;：:、\n]*、)*([^，。；;：:、\n \t\u3000]*)$/;
/** A header cell of a column of units. */
const UNIT_COLUMN = /牵头|责任单位|责任部门|主责|负责单位|负责部门|配合|协办|参与单位/;

export function unitCompletion(ctx: UnitCompletionContext, doc: TextDocument, params: CompletionParams, before: string): CompletionList | undefined {
  // the plan is read only where a unit may be typed: most completions are of references
  const typed = AFTER_LABEL.exec(before)?.[1] ?? unitCellTyped(() => ctx.analysis(doc), doc, params);
  if (typed === undefined) return undefined;
  const { uses } = planUnits(ctx.analysis(doc));
  if (!uses.size) return undefined;
  const range = { start: { line: params.position.line, character: params.position.character - typed.length }, end: params.position };
  const msg = messages(ctx.locale);
  const ranked = [...uses].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
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

/**
 * In a cell of a Markdown table's column of units (its header, as the plan model reads it, says 牵头单位, 配合单位…):
 * what the cell's current unit has so far.
 */
function unitCellTyped(analysis: () => DocumentAnalysis, doc: TextDocument, params: CompletionParams): string | undefined {
  const head = doc.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
  if (!/^[ \t]*\|/.test(head)) return undefined;
  const cells = head.split('|');
  // the row the cursor is in (it may stand at the row's very end, where the row's block ends)
  const checked = analysis();
  const at = checked.modelAt(Math.max(0, checked.lines.offsetAt(params.position) - 1));
  const header = at && blockAt(at.model.blocks, at.local)?.header;
  if (!UNIT_COLUMN.test(header?.[cells.length - 2] ?? '')) return undefined;
  // units in a cell: 、-separated, or on lines of their own (<br>)
  return cells[cells.length - 1].split(/、|<br\s*\/?>/i).pop()!.replace(/^[ \t\u3000]+/, '');
}
