// Policy Lens: Write Review Report (审查报告): the reviewer's one-page HTML report (findings, the task matrix, lead
// units) of the active plan or of every plan in the workspace, rendered by the server (policyLens/report, as
// `policy-lens report` writes it) and saved where the user says; then offered to open in the browser.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { runningClient } from './runningClient';
import { REPORT_REQUEST } from '../../server/src/shared/protocol';
import { isPlan } from './config';

type Scope = 'activePlan' | 'workspace';

/** Which plans: asked when a plan is active (it, or the workspace's), else the workspace's. Undefined: cancelled. */
async function askScope(given: unknown): Promise<Scope | undefined> {
  if (given === 'activePlan' || given === 'workspace') return given;
  const active = vscode.window.activeTextEditor?.document;
  if (!isPlan(active)) return 'workspace';
  const name = vscode.workspace.asRelativePath(active.uri);
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Every plan in the workspace'), scope: 'workspace' as const },
      { label: vscode.l10n.t('This plan: {0}', name), scope: 'activePlan' as const },
    ],
    { placeHolder: vscode.l10n.t('Write the review report (审查报告) of') },
  );
  return picked?.scope;
}

/**
 * Writes the report; asks which plans and where unless given (as tests do). Resolves to the file written. The plans
 * are never written.
 */
export async function writeReport(client: LanguageClient | undefined, scope?: unknown, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!runningClient(client)) return undefined;
  const which = await askScope(scope);
  if (!which) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = target ?? (await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, '审查报告.html') : undefined,
    filters: { HTML: ['html'] },
  }));
  if (!uri) return undefined;
  const active = vscode.window.activeTextEditor?.document;
  if (which === 'activePlan' && !isPlan(active)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Policy Lens: open a plan to write its review report, or choose every plan in the workspace.'));
    return undefined;
  }
  const uris = which === 'activePlan' && active ? [active.uri.toString()] : [];
  const result = await client.sendRequest(REPORT_REQUEST, { uris });
  if ('error' in result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Policy Lens: cannot write the review report: {0}', result.error));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.html));
  if (!target) {
    const open = vscode.l10n.t('Open in Browser');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Policy Lens: the review report of {0} plans ({1} findings) written to {2}', result.plans, result.findings, vscode.workspace.asRelativePath(uri)), open)
      .then((choice) => choice === open && vscode.env.openExternal(uri));
  }
  return uri;
}

export function registerReportCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand('policyLens.writeReport', (scope?: unknown, target?: vscode.Uri) => writeReport(client(), scope, target)));
}
