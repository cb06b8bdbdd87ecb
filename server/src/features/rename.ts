// Rename (F2) on a unit's name: the plan writes the unit by the new name everywhere it wrote the old one (区金融局 →
// 区金融工作局), so that one unit is written one way throughout, as the hover's 本方案亦写作 suggests. Only a unit the
// plan assigns items to, and only that spelling: a longer name that holds it (天河区商务局 for 区商务局) is renamed on its own.
import { PrepareRenameParams, Range, RenameParams, ResponseError, ErrorCodes, WorkspaceEdit } from 'vscode-languageserver';
import { WORD_PLAN_SCHEME } from '../shared/protocol';
import { responsibilityMessages } from '../core/responsibilityMessages';
import { FeatureContext, OpenDocumentContext } from './featureContext';
import { placesOf, unitAt } from './planUnits';

/** What this feature reads of the server's state. */
export type RenameContext = OpenDocumentContext & Pick<FeatureContext, 'locale'>;

/** The longest name a unit is renamed to (the longest unit name isUnitName reads). */
const MAX_NAME = 40;

export function prepareRename(ctx: RenameContext, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const found = unitUnder(ctx, params);
  return found ? { range: found.range, placeholder: found.name } : null;
}

export function rename(ctx: RenameContext, params: RenameParams): WorkspaceEdit | null {
  const found = unitUnder(ctx, params);
  if (!found) return null;
  const newName = (params.newName ?? '').trim();
  if (!newName || newName.length > MAX_NAME || /[\r\n|]/.test(newName)) {
    throw new ResponseError(ErrorCodes.InvalidParams, responsibilityMessages(ctx.locale).notUnitName(newName.slice(0, MAX_NAME), MAX_NAME));
  }
  if (newName === found.name) return { changes: {} };
  const { analysis, uri } = found;
  const edits = placesOf(analysis.text, found.name, found.names).map((p) => analysis.sourceEdit(p.start, p.end, newName));
  return { changes: { [uri]: edits } };
}

function unitUnder(ctx: RenameContext, params: PrepareRenameParams) {
  const uri = params.textDocument.uri;
  // a Word or Excel plan's view is read-only
  if (uri.startsWith(`${WORD_PLAN_SCHEME}:`)) return undefined;
  const doc = ctx.documents.get(uri);
  if (!doc || !ctx.ready) return undefined;
  const analysis = ctx.analysis(doc);
  const found = unitAt(analysis, analysis.lines.offsetAt(params.position));
  return found && { uri, analysis, name: found.name, names: found.units.names, range: analysis.lines.range(found.start, found.end) };
}
