// Policy Lens: Use as the Source Plans Cite: a city's own 总体方案 set as the source that references without a prefix
// cite (policyLens.sources with an empty prefix, in the workspace's settings; the bundled Guangzhou 总体方案 otherwise).
// From the explorer's context menu on the file, from the command palette (a file dialog), and as the quick fix of
// source-not-loaded (a plan that implements another city's 总体方案 checked against Guangzhou's).
import * as path from 'path';
import * as vscode from 'vscode';

interface SourceSetting {
  path: string;
  prefix: string;
}

const SOURCE_FILES = ['txt', 'md', 'docx', 'doc', 'wps', 'pdf', 'ofd'];

/** Sets `uri` (or a file the user picks) as the source bare references cite; false when nothing was chosen. */
export async function useAsSource(uri?: vscode.Uri): Promise<boolean> {
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Use as the Source'),
      title: vscode.l10n.t("Policy Lens: the 总体方案 your plans implement (text, Markdown, Word or PDF)"),
      filters: { [vscode.l10n.t('Policy documents')]: SOURCE_FILES },
    });
    uri = picked?.[0];
    if (!uri) return false;
  }
  // a file of the first workspace folder by its relative path (the server resolves the setting's paths against that
  // folder; the settings stay valid when it moves), any other by its own
  const first = vscode.workspace.workspaceFolders?.[0];
  const inFirst = first && vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === first.uri.toString();
  const file = inFirst ? path.relative(first.uri.fsPath, uri.fsPath).split(path.sep).join('/') : uri.fsPath;
  const config = vscode.workspace.getConfiguration('policyLens');
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<SourceSetting[]>('sources');
  const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  const next = [...current.filter((s) => s.prefix !== ''), { path: file, prefix: '' }];
  await config.update('sources', next, target);
  void vscode.window.showInformationMessage(vscode.l10n.t('Policy Lens: references without a prefix now cite {0}.', path.basename(uri.fsPath)));
  return true;
}

/** The quick fix of source-not-loaded: choose that document's text (the server cannot know where it is). */
class SourceNotLoadedActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(_doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics
      .filter((d) => d.source === 'policy-lens' && (typeof d.code === 'object' ? d.code.value : d.code) === 'source-not-loaded')
      .map((d) => {
        const action = new vscode.CodeAction(vscode.l10n.t('Choose the text of this 总体方案 as the source…'), vscode.CodeActionKind.QuickFix);
        action.command = { command: 'policyLens.useAsSource', title: action.title };
        action.diagnostics = [d];
        action.isPreferred = true;
        return action;
      });
  }
}

export function registerCitySource(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('policyLens.useAsSource', (uri?: vscode.Uri) => useAsSource(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.languages.registerCodeActionsProvider([{ language: 'markdown' }, { language: 'plaintext' }], new SourceNotLoadedActions(), {
      providedCodeActionKinds: SourceNotLoadedActions.kinds,
    }),
  );
}
