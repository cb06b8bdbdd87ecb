// Quick fixes for the findings under the requested range, recomputed from the document's analysis (so they do
// not depend on the client echoing diagnostic data back).
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../core/analyze';
import { toDiagnostic } from '../convert';
import { Messages, messages } from '../core/messages';
import { lineEndFrom } from '../core/text';
import { preferredFixes } from '../core/fixes';
import { COPY_FIX_COMMAND, WORD_PLAN_SCHEME } from '../shared/protocol';
import { FeatureContext, OpenDocumentContext } from './featureContext';

/** What this feature reads of the server's state. */
export type CodeActionsContext = OpenDocumentContext & Pick<FeatureContext, 'isTooLarge' | 'sources' | 'locale'>;

/**
 * The kind of the action that silences a finding on its line with a directive, as linters offer (a quick fix, so it
 * shows in the quick fix menu, and a kind of its own, so a client can ask for the fixes alone).
 */
export const DISABLE_KIND = `${CodeActionKind.QuickFix}.disable`;

/** The kind of the action that applies every preferred fix of one code in the document (a quick fix, as ESLint's). */
export const FIX_ALL_OF_CODE_KIND = `${CodeActionKind.QuickFix}.all`;

/**
 * The kind of the action that applies every preferred fix in the document at once, as `check --fix` does: a source
 * action, offered only when asked for by kind (VS Code's `editor.codeActionsOnSave`, its *Source Action…* menu, another
 * editor's `only: ["source.fixAll"]`), never in the quick fix menu.
 */
export const SOURCE_FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.policyLens`;

export function codeActions(ctx: CodeActionsContext, params: CodeActionParams): CodeAction[] {
  const uri = params.textDocument.uri;
  const doc = ctx.documents.get(uri);
  if (!doc || !ctx.ready || ctx.isTooLarge(doc)) return [];
  const only = params.context.only;
  const wanted = (kind: string) => !only || only.some((k) => k === CodeActionKind.Empty || kind === k || kind.startsWith(k + '.'));
  // a Word or Excel plan's view is read-only: its fixes copy their text, for the user to make the change in the file
  const view = uri.startsWith(`${WORD_PLAN_SCHEME}:`);
  // the source action only when asked for by its kind (not by an empty or absent `only`, as the quick fix menu asks)
  const wantsSource = !view && !!only?.some((k) => k !== CodeActionKind.Empty && (SOURCE_FIX_ALL_KIND === k || SOURCE_FIX_ALL_KIND.startsWith(k + '.')));
  const quick = wanted(CodeActionKind.QuickFix) || wanted(DISABLE_KIND) || wanted(FIX_ALL_OF_CODE_KIND);
  if (!quick && !wantsSource) return [];
  const analysis = ctx.analysis(doc);
  const msg = messages(ctx.locale);
  const source = wantsSource ? sourceFixAll(analysis, uri, msg) : undefined;
  if (!quick) return source ? [source] : [];
  const from = analysis.lines.offsetAt(params.range.start);
  const to = analysis.lines.offsetAt(params.range.end);
  // a directive is an HTML comment: invisible in Markdown, but text in a plain-text plan and not writable in a Word view
  const canSilence = doc.languageId === 'markdown' && !view && wanted(DISABLE_KIND);
  const actions: CodeAction[] = [];
  const silences: CodeAction[] = [];
  const silenced = new Set<string>();
  const fixedAll = new Set<string>();
  for (const finding of analysis.findings) {
    if (finding.end < from || finding.start > to) continue;
    const fresh = toDiagnostic(finding, analysis.lines, ctx.sources);
    const sent = params.context.diagnostics.find((d) => d.code === finding.code && sameRange(d, fresh)) ?? fresh;
    if (wanted(CodeActionKind.QuickFix)) {
      for (const fix of finding.fixes) {
        actions.push({
          title: view ? msg.copyFix(fix.title) : fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [sent],
          isPreferred: fix.preferred,
          ...(view
            ? { command: { title: msg.copyFix(fix.title), command: COPY_FIX_COMMAND, arguments: [fix.newText] } }
            : { edit: { changes: { [uri]: [analysis.sourceEdit(fix.start, fix.end, fix.newText)] } } }),
        });
      }
    }
    // and all of its code at once, where the document has more than one with a preferred fix (not in a read-only view)
    if (!view && wanted(FIX_ALL_OF_CODE_KIND) && !fixedAll.has(finding.code) && finding.fixes.some((f) => f.preferred)) {
      fixedAll.add(finding.code);
      const all = fixAllOf(analysis, finding.code, uri, [sent], msg);
      if (all) actions.push(all);
    }
    // one per code and line: 表1第12项 with two findings of one code is silenced by one comment
    const line = fresh.range.start.line;
    if (!canSilence || silenced.has(`${finding.code}@${line}`)) continue;
    silenced.add(`${finding.code}@${line}`);
    const end = lineEndFrom(analysis.text, analysis.lines.offsetAt({ line, character: 0 }));
    silences.push({
      title: msg.disableOnLine(finding.code),
      kind: DISABLE_KIND,
      diagnostics: [sent],
      edit: { changes: { [uri]: [{ range: analysis.lines.range(end, end), newText: ` <!-- policy-lens-disable-line ${finding.code} -->` }] } },
    });
  }
  // the fixes first: a menu lists them in this order
  return [...actions, ...silences, ...(source ? [source] : [])];
}

/** Every preferred fix of the document as one edit (core/fixes.ts), undefined when it has none. */
function sourceFixAll(analysis: DocumentAnalysis, uri: string, msg: Messages): CodeAction | undefined {
  const edits: TextEdit[] = preferredFixes(analysis.findings).map((fix) => analysis.sourceEdit(fix.start, fix.end, fix.newText));
  if (!edits.length) return undefined;
  return { title: msg.fixAllInFile(edits.length), kind: SOURCE_FIX_ALL_KIND, edit: { changes: { [uri]: edits } } };
}

/**
 * The preferred fix of every finding of `code` in the document, as one edit: undefined unless there are two or more. A
 * fix that overlaps one before it (two findings of one place) is left out: the edits of one action must not overlap.
 */
function fixAllOf(analysis: DocumentAnalysis, code: string, uri: string, diagnostics: Diagnostic[], msg: Messages): CodeAction | undefined {
  const edits: TextEdit[] = preferredFixes(analysis.findings, code).map((fix) => analysis.sourceEdit(fix.start, fix.end, fix.newText));
  if (edits.length < 2) return undefined;
  return { title: msg.fixAllOfCode(code, edits.length), kind: FIX_ALL_OF_CODE_KIND, diagnostics, edit: { changes: { [uri]: edits } } };
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}
