// Policy Lens: Check All Plans in Workspace: the server checks every plan of the workspace (policyLens/checkWorkspace)
// and pushes the findings of those that are not open, so that the Problems panel lists the whole folder's — a
// reviewing office's folder of district plans — and not only the open documents'. Says what it found, and which files
// it could not read.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { runningClient } from './runningClient';
import { CHECK_WORKSPACE_REQUEST, CheckWorkspaceResult } from '../../server/src/shared/protocol';

/** How many unreadable files the warning names before it says "and N more". */
const NAMED = 3;

/** Runs the check with a cancellable progress notification; the result, or undefined (cancelled, or no server). */
export async function checkWorkspace(client: LanguageClient | undefined): Promise<CheckWorkspaceResult | undefined> {
  if (!runningClient(client)) return undefined;
  let result: CheckWorkspaceResult | null;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Policy Lens: checking the workspace's plans…"), cancellable: true },
      (_progress, token) => client.sendRequest(CHECK_WORKSPACE_REQUEST, null, token),
    );
  } catch (e) {
    // cancelled by the user: what was checked so far stays in the Problems panel
    if (e instanceof vscode.CancellationError || (e as { code?: number }).code === -32800) return undefined;
    void vscode.window.showErrorMessage(vscode.l10n.t('Policy Lens: cannot check the workspace: {0}', (e as Error).message));
    return undefined;
  }
  if (!result) return undefined;
  tell(result);
  return result;
}

function tell(result: CheckWorkspaceResult): void {
  if (result.unreadable.length) {
    const named = result.unreadable.slice(0, NAMED).map((u) => `${vscode.workspace.asRelativePath(u.file)} (${u.error})`).join('; ');
    const more = result.unreadable.length > NAMED ? vscode.l10n.t(' and {0} more', result.unreadable.length - NAMED) : '';
    void vscode.window.showWarningMessage(vscode.l10n.t('Policy Lens could not check {0} of the workspace\'s files: {1}{2}', result.unreadable.length, named, more));
  }
  if (!result.plans.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Policy Lens found no plan in the workspace (Markdown, text, Word, or an Excel 分工表 named as one).'));
    return;
  }
  let errors = 0;
  let warnings = 0;
  let others = 0;
  for (const p of result.plans) {
    errors += p.errors;
    warnings += p.warnings;
    others += p.others;
  }
  const withFindings = result.plans.filter((p) => p.errors + p.warnings + p.others > 0).length;
  const show = vscode.l10n.t('Show Problems');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Policy Lens checked {0} plans: {1} errors, {2} warnings and {3} other findings, in {4} of them.', result.plans.length, errors, warnings, others, withFindings), show)
    .then((choice) => choice === show && vscode.commands.executeCommand('workbench.actions.view.problems'));
}

export function registerWorkspaceCheckCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand('policyLens.checkWorkspace', () => checkWorkspace(client())));
}
