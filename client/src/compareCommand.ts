// Policy Lens: Compare with Earlier Version: what a plan's later version (the 修改稿) changed against the earlier one the
// user picks, as the server says it (policyLens/comparePlans), opened as a Markdown document beside the plan.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { runningClient } from './runningClient';
import { COMPARE_PLANS_REQUEST, PLAN_EXTENSIONS, WORD_PLAN_SCHEME } from '../../server/src/shared/protocol';
import { isPlan } from './config';

/** The comparison's language: Markdown's grammar (syntaxes/comparison.tmLanguage.json), not a plan's language. */
export const COMPARISON_LANGUAGE = 'policy-lens-comparison';


/**
 * Compares `after` (the Explorer's file, else the active plan) with `before` (asked for unless given, as tests do);
 * resolves to the editor of the comparison.
 */
export async function compareWithEarlier(client: LanguageClient | undefined, after?: vscode.Uri, before?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  if (!runningClient(client)) return undefined;
  const active = vscode.window.activeTextEditor?.document;
  const later = after instanceof vscode.Uri ? after : isPlan(active) ? active.uri : undefined;
  if (!later) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Policy Lens: open the later version of a plan first, then compare it with the earlier one.'));
    return undefined;
  }
  const earlier = before instanceof vscode.Uri ? before : await pickEarlier(later);
  if (!earlier) return undefined;
  const result = await client.sendRequest(COMPARE_PLANS_REQUEST, { before: earlier.toString(), after: later.toString() });
  if ('error' in result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Policy Lens: cannot compare the versions: {0}', result.error));
    return undefined;
  }
  // Markdown, in a language of its own (a report, not a plan: the server, which selects documents by language, does not check it)
  const doc = await vscode.workspace.openTextDocument({ language: COMPARISON_LANGUAGE, content: result.markdown });
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

/** The earlier version: a file the user picks, or (a Word plan) the plan itself before its tracked changes (修订). */
async function pickEarlier(later: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (later.path.toLowerCase().endsWith('.docx')) {
    const revisions = { label: vscode.l10n.t('This Word plan before its tracked changes (修订)'), uri: later };
    const file = { label: vscode.l10n.t('Another file…'), uri: undefined };
    const pick = await vscode.window.showQuickPick([revisions, file], { placeHolder: vscode.l10n.t('Compare with') });
    if (!pick) return undefined;
    if (pick.uri) return pick.uri;
  }
  return (await vscode.window.showOpenDialog({
    canSelectMany: false,
    // the plan's folder (a Word or Excel plan's view shows a file too)
    defaultUri: later.scheme === 'file' || later.scheme === WORD_PLAN_SCHEME ? vscode.Uri.joinPath(later.with({ scheme: 'file' }), '..') : undefined,
    filters: { [vscode.l10n.t('Plans')]: [...PLAN_EXTENSIONS.text, ...PLAN_EXTENSIONS.word, ...PLAN_EXTENSIONS.excel, ...PLAN_EXTENSIONS.pdf, ...PLAN_EXTENSIONS.web] },
    openLabel: vscode.l10n.t('Compare with This Version'),
    title: vscode.l10n.t('The earlier version of {0}', later.path.split('/').pop() ?? ''),
  }))?.[0];
}

export function registerCompareCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand('policyLens.comparePlans', (after?: vscode.Uri, before?: vscode.Uri) => compareWithEarlier(client(), after, before)));
}
