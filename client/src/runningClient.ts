// The language client a command sends its request to: running, or the user is told the server is not ready yet.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Whether the client runs; when it does not, says so to the user (a command then does nothing). */
export function runningClient(client: LanguageClient | undefined): client is LanguageClient {
  if (client && client.isRunning()) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('Policy Lens: the language server is not ready yet.'));
  return false;
}
