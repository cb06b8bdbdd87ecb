// Document highlights: with the cursor on a reference (or a task number read as one, 第5项), every place of the
// plan that cites one of its tasks — a range or list that holds it too (表1第10至15项 for 表1第12项). On a unit's name,
// every place the plan writes that unit, by that name or another it writes it by (区金融局, 区金融工作局).
import { DocumentHighlight, DocumentHighlightKind, DocumentHighlightParams } from 'vscode-languageserver';
import type { Task } from '../core/types';
import type { DocumentAnalysis } from '../core/analyze';
import { bareTasks } from '../core/bareNumbers';
import { OpenDocumentContext } from './featureContext';
import { placesOf, spellingsOf, unitAt } from './planUnits';

/** What this feature reads of the server's state. */
export type HighlightContext = OpenDocumentContext;

export function documentHighlights(ctx: HighlightContext, params: DocumentHighlightParams): DocumentHighlight[] | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.ready) return null;
  const analysis = ctx.analysis(doc);
  const offset = analysis.lines.offsetAt(params.position);
  // the cursor may sit right after a reference, as it does after typing one
  const at = (start: number, end: number) => offset >= start && offset <= end;
  const places: { start: number; end: number; tasks: readonly Task[] }[] = [
    ...analysis.references.map((r) => ({ start: r.ref.start, end: r.ref.end, tasks: r.tasks })),
    ...analysis.bareReferences.flatMap((b) => (b.resolved ? [{ start: b.start, end: b.end, tasks: bareTasks(b) }] : [])),
  ];
  const under = places.find((p) => p.tasks.length && at(p.start, p.end));
  if (!under) return places.some((p) => at(p.start, p.end)) ? null : unitHighlights(analysis, offset);
  const wanted = new Set(under.tasks.map((t) => t.id));
  return places
    .filter((p) => p.tasks.some((t) => wanted.has(t.id)))
    .sort((a, b) => a.start - b.start)
    .map((p) => ({ range: analysis.lines.range(p.start, p.end), kind: DocumentHighlightKind.Text }));
}

/** The places the plan writes the unit under the cursor (and the other names it writes it by), if one is there. */
function unitHighlights(analysis: DocumentAnalysis, offset: number): DocumentHighlight[] | null {
  const unit = unitAt(analysis, offset);
  if (!unit) return null;
  return spellingsOf(unit.units, unit.name)
    .flatMap((u) => placesOf(analysis.text, u, unit.units.names))
    .sort((a, b) => a.start - b.start)
    .map((p) => ({ range: analysis.lines.range(p.start, p.end), kind: DocumentHighlightKind.Text }));
}
