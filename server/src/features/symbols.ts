// Document symbols: the plan's Markdown headings, each listing the tasks cited under it.
import { DocumentSymbol, DocumentSymbolParams, SymbolKind } from 'vscode-languageserver';
import { formatReference } from '../core/taskIndex';
import { OpenDocumentContext } from './featureContext';

/** What this feature reads of the server's state. */
export type SymbolsContext = OpenDocumentContext;

const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/gm;

export function documentSymbols(ctx: SymbolsContext, params: DocumentSymbolParams): DocumentSymbol[] {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.ready) return [];
  const analysis = ctx.analysis(doc);
  const text = analysis.text; // its offsets are the analysis's (the view the checks read of a plan copied out of a PDF)
  const lines = analysis.lines;
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol; end: number }[] = [];
  const headings = [...text.matchAll(HEADING)].map((m) => ({ level: m[1].length, name: m[2], start: m.index!, lineEnd: m.index! + m[0].length }));
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].level >= until) {
      const s = stack.pop()!;
      s.symbol.range = { start: s.symbol.range.start, end: lines.positionAt(s.end) };
    }
  };
  let r = 0;
  const refs = analysis.references.filter((x) => x.tasks.length);
  const addRefsBefore = (offset: number) => {
    for (; r < refs.length && refs[r].ref.start < offset; r++) {
      const ref = refs[r];
      const range = lines.range(ref.ref.start, ref.ref.end);
      const symbol: DocumentSymbol = {
        name: ref.ref.text,
        detail: ref.tasks.map((t) => `${formatReference(t, 'id')} ${t.domain ?? t.category}`).join('; '),
        kind: SymbolKind.Key,
        range,
        selectionRange: range,
      };
      const parent = stack[stack.length - 1];
      if (parent) (parent.symbol.children ??= []).push(symbol);
      else roots.push(symbol);
    }
  };
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    addRefsBefore(h.start);
    for (const s of stack) s.end = h.start;
    close(h.level);
    const range = lines.range(h.start, h.lineEnd);
    // headings are strings, as in VS Code's own Markdown outline
    const symbol: DocumentSymbol = { name: h.name, kind: SymbolKind.String, range, selectionRange: range, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.symbol.children!.push(symbol);
    else roots.push(symbol);
    stack.push({ level: h.level, symbol, end: text.length });
  }
  addRefsBefore(text.length);
  for (const s of stack) s.end = text.length;
  close(0);
  return roots;
}
