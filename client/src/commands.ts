// One function per command the extension contributes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const SEED_FILE = 'seeds/000_a08c9159ea97f61a.txt';

export function registerCommands(context: vscode.ExtensionContext, _client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('policyLens.openSource', (line?: number) => openSource(context, line)),
  );
}

/** Opens the source document, at a (zero-based) line when one is given. */
export async function openSource(context: vscode.ExtensionContext, line?: number): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(context.extensionUri, SEED_FILE);
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = typeof line === 'number' && line >= 0 ? new vscode.Position(Math.min(line, doc.lineCount - 1), 0) : undefined;
  return vscode.window.showTextDocument(doc, { preview: true, selection: at ? new vscode.Range(at, at) : undefined });
}
