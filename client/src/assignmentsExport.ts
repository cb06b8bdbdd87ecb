// The 任务分工表 export from the coverage view: asks for the format and the file, has the server render the rows
// (policyLens/assignments: an xlsx workbook comes back in base64) and writes the file.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { runningClient } from './runningClient';
import { ASSIGNMENTS_REQUEST, AssignmentsFormat } from '../../server/src/shared/protocol';
import { coverageScope, isPlan } from './config';

const FORMATS: { label: string; value: AssignmentsFormat; filter: string }[] = [
  { label: 'Excel (.xlsx)', value: 'xlsx', filter: 'Excel' },
  { label: 'CSV', value: 'csv', filter: 'CSV' },
  { label: 'Markdown', value: 'md', filter: 'Markdown' },
  { label: 'JSON', value: 'json', filter: 'JSON' },
];

/** The plans the coverage view counts: the active plan, or (scope workspace, or no plan active) the whole workspace. */
function scopeUris(): string[] {
  const active = vscode.window.activeTextEditor?.document;
  return coverageScope() === 'activePlan' && isPlan(active) ? [active.uri.toString()] : [];
}

/** Writes the 任务分工表; asks for the format and the file unless given (as tests do). Returns the file written. */
export async function exportAssignments(client: LanguageClient | undefined, format?: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!runningClient(client)) return undefined;
  let kind = FORMATS.find((f) => f.value === format);
  if (!kind) {
    kind = await vscode.window.showQuickPick(FORMATS, { placeHolder: vscode.l10n.t('Export the task assignments (任务分工表) as') });
    if (!kind) return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = target ?? (await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `任务分工表.${kind.value}`) : undefined,
    filters: { [kind.filter]: [kind.value] },
  }));
  if (!uri) return undefined;
  const result = await client.sendRequest(ASSIGNMENTS_REQUEST, { uris: scopeUris(), format: kind.value });
  if ('error' in result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Policy Lens: cannot export the task assignments: {0}', result.error));
    return undefined;
  }
  const bytes = result.encoding === 'base64' ? Buffer.from(result.content, 'base64') : new TextEncoder().encode(result.content);
  await vscode.workspace.fs.writeFile(uri, bytes);
  if (!target) void vscode.window.showInformationMessage(vscode.l10n.t('Policy Lens: {0} rows of task assignments written to {1}', result.rows, vscode.workspace.asRelativePath(uri)));
  return uri;
}

export function registerAssignmentsExport(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(vscode.commands.registerCommand('policyLens.exportAssignments', (format?: string, target?: vscode.Uri) => exportAssignments(client(), format, target)));
}
