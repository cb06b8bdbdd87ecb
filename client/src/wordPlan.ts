// The read-only view of a Word or Excel plan: its text extracted by the server, opened as Markdown so every feature
// works on it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COPY_FIX_COMMAND, EXTRACT_PLAN_REQUEST, PLAN_EXTENSIONS, WORD_PLAN_SCHEME } from '../../server/src/shared/protocol';

/** The view of a .docx, .doc, .wps, .xlsx, .xls or .et file: the same path under the Word plan scheme (the server maps it back the same way). */
export function wordPlanUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: WORD_PLAN_SCHEME });
}

class WordPlanContent implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = this.client();
    if (!client) throw new Error(vscode.l10n.t('Policy Lens: the language server is not ready yet.'));
    const file = uri.with({ scheme: 'file' });
    const result = await client.sendRequest(EXTRACT_PLAN_REQUEST, { uri: file.toString() });
    if ('error' in result) throw new Error(result.error);
    if (result.revisions) this.sayRevisions(file);
    return result.text;
  }

  private readonly toldOfRevisions = new Set<string>();

  /** Once a session per file: the view shows a Word plan's Final view; what its tracked changes change is one command away. */
  private sayRevisions(file: vscode.Uri): void {
    if (this.toldOfRevisions.has(file.toString())) return;
    this.toldOfRevisions.add(file.toString());
    const compare = vscode.l10n.t('Compare');
    void vscode.window
      .showInformationMessage(vscode.l10n.t("{0} has tracked changes (修订): it is checked as Word's Final view shows it, every change accepted.", file.path.split('/').pop() ?? ''), compare)
      .then((choice) => choice === compare && vscode.commands.executeCommand('policyLens.comparePlans', file, file));
  }

  /** The file on disk changed: an open view of it re-reads it. */
  refresh(file: vscode.Uri): void {
    const view = wordPlanUri(file);
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === view.toString())) this.changed.fire(view);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Serves the views' text, and keeps open views in step with their files. */
export function registerWordPlanView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const content = new WordPlanContent(client);
  const watcher = vscode.workspace.createFileSystemWatcher(`**/*.{${[...PLAN_EXTENSIONS.word, ...PLAN_EXTENSIONS.excel, ...PLAN_EXTENSIONS.pdf, ...PLAN_EXTENSIONS.web].join(',')}}`, true, false, true);
  watcher.onDidChange((file) => content.refresh(file));
  context.subscriptions.push(content, watcher, vscode.workspace.registerTextDocumentContentProvider(WORD_PLAN_SCHEME, content));
  context.subscriptions.push(vscode.commands.registerCommand(COPY_FIX_COMMAND, copyFix));
}

/** A quick fix in a view: the view is read-only, so its text is copied for the user to make the change in the file. */
async function copyFix(text: unknown): Promise<string | undefined> {
  if (typeof text !== 'string') return undefined;
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied “{0}”: make the change in the Word or Excel file itself (this view is read-only).', text));
  return text;
}

/**
 * Opens the extracted text of a Word plan, or of an Excel 分工表 (`kind`), the Explorer's file, else one the user picks,
 * as a read-only Markdown document; a file that cannot be read is reported to the user. Resolves to the editor, for tests.
 */
export async function openWordPlan(file?: vscode.Uri, kind: 'word' | 'excel' = 'word'): Promise<vscode.TextEditor | undefined> {
  if (!(file instanceof vscode.Uri)) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      filters: kind === 'excel' ? { [vscode.l10n.t('Excel workbooks')]: [...PLAN_EXTENSIONS.excel] } : { [vscode.l10n.t('Word, PDF and OFD documents, web pages')]: [...PLAN_EXTENSIONS.word, ...PLAN_EXTENSIONS.pdf, ...PLAN_EXTENSIONS.web] },
      openLabel: kind === 'excel' ? vscode.l10n.t('Open Excel Plan') : vscode.l10n.t('Open Word Plan'),
    });
    if (!picked?.length) return undefined;
    file = picked[0];
  }
  try {
    let doc = await vscode.workspace.openTextDocument(wordPlanUri(file));
    // the client's features follow the language, and the extracted text is Markdown
    if (doc.languageId !== 'markdown') doc = await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    return await vscode.window.showTextDocument(doc, { preview: false });
  } catch (e) {
    void vscode.window.showErrorMessage(`Policy Lens: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
