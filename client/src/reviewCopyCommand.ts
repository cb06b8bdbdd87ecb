// Policy Lens: Write Review into a Copy (审核批注): a Word plan's, Excel 分工表's or PDF's findings as comments (批注), and if
// asked a Word plan's fixes as tracked changes (修订), in a copy the server makes (policyLens/reviewCopy) and this
// command saves where the user says: the reviewing office's marked-up plan, to send back to the district.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REVIEW_COPY_REQUEST, REVIEW_COPY_SUFFIX, WORD_PLAN_SCHEME } from '../../server/src/shared/protocol';

/** The .docx, .xlsx or .pdf the command is about: the Explorer's file, else the plan the active editor's Word, Excel or PDF view shows. */
function planFileOf(uri: unknown): vscode.Uri | undefined {
  const candidate = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!candidate || !/\.(?:docx|xlsx|pdf)$/i.test(candidate.path)) return undefined;
  return candidate.scheme === WORD_PLAN_SCHEME ? candidate.with({ scheme: 'file' }) : candidate.scheme === 'file' ? candidate : undefined;
}

/**
 * Writes the review's copy of a plan; asks (for a Word plan) whether to write the fixes as tracked changes and where to
 * save, unless given (as tests do). Resolves to the file written. The plan itself is never written.
 */
export async function writeReviewCopy(client: LanguageClient | undefined, uri?: unknown, given?: unknown, trackChanges?: unknown): Promise<vscode.Uri | undefined> {
  // the Explorer's menu passes the selection as the second argument: only a test names the target and the choice
  const target = given instanceof vscode.Uri ? given : undefined;
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Policy Lens: the language server is not ready yet.'));
    return undefined;
  }
  const plan = planFileOf(uri);
  if (!plan) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Policy Lens: pick a Word plan (.docx), an Excel 分工表 (.xlsx) or a PDF in the Explorer, or open one, to write its review into a copy.'));
    return undefined;
  }
  const name = plan.path.split('/').pop() ?? '';
  const word = /\.docx$/i.test(name);
  let changes = word && typeof trackChanges === 'boolean' ? trackChanges : word ? undefined : false;
  if (changes === undefined) {
    const comments = { label: vscode.l10n.t('Comments (批注)'), detail: vscode.l10n.t('Each finding as a comment on the text it is about'), changes: false };
    const revisions = { label: vscode.l10n.t('Comments and tracked changes (批注和修订)'), detail: vscode.l10n.t('Each fix as a tracked change too, for the district to accept or reject in Word'), changes: true };
    const pick = await vscode.window.showQuickPick([comments, revisions], { placeHolder: vscode.l10n.t('Write the review of {0} as', name) });
    if (!pick) return undefined;
    changes = pick.changes;
  }
  const extension = name.split('.').pop()!.toLowerCase();
  const file = target ?? (await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(plan, '..', name.replace(/\.(docx|xlsx|pdf)$/i, `${REVIEW_COPY_SUFFIX}.$1`)),
    filters: { [({ docx: 'Word', xlsx: 'Excel', pdf: 'PDF' } as Record<string, string>)[extension] ?? extension]: [extension] },
  }));
  if (!file) return undefined;
  if (file.toString() === plan.toString()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Policy Lens: the review is written into a copy, not into the plan itself: choose another name.'));
    return undefined;
  }
  const result = await client.sendRequest(REVIEW_COPY_REQUEST, { uri: plan.toString(), trackChanges: changes });
  if ('error' in result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Policy Lens: cannot write the review: {0}', result.error));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(file, Buffer.from(result.content, 'base64'));
  if (!target) {
    const message = result.revisions
      ? vscode.l10n.t('Policy Lens: {0} comments and {1} tracked changes written to {2}', result.comments, result.revisions.written, vscode.workspace.asRelativePath(file))
      : vscode.l10n.t('Policy Lens: {0} comments written to {1}', result.comments, vscode.workspace.asRelativePath(file));
    void vscode.window.showInformationMessage(message);
  }
  return file;
}

export function registerReviewCopyCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('policyLens.writeReviewCopy', (uri?: unknown, target?: unknown, trackChanges?: unknown) => writeReviewCopy(client(), uri, target, trackChanges)),
  );
}
