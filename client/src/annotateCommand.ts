// Policy Lens: Write Review into a Copy (审核批注): a Word plan's findings as comments (批注), and if asked its fixes as
// tracked changes (修订), in a copy of the .docx the server makes (policyLens/annotateWordPlan) and this command saves
// where the user says: the reviewing office's marked-up plan, to send back to the district.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ANNOTATE_WORD_PLAN_REQUEST, REVIEW_COPY_SUFFIX, WORD_PLAN_SCHEME } from '../../server/src/shared/protocol';

/** The .docx the command is about: the Explorer's file, else the Word plan the active editor shows. */
function wordPlanOf(uri: unknown): vscode.Uri | undefined {
  const candidate = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!candidate || !candidate.path.toLowerCase().endsWith('.docx')) return undefined;
  return candidate.scheme === WORD_PLAN_SCHEME ? candidate.with({ scheme: 'file' }) : candidate.scheme === 'file' ? candidate : undefined;
}

/**
 * Writes the review's copy of a Word plan; asks whether to write the fixes as tracked changes and where to save unless
 * given (as tests do). Resolves to the file written. The plan itself is never written.
 */
export async function annotateWordPlan(client: LanguageClient | undefined, uri?: unknown, given?: unknown, trackChanges?: unknown): Promise<vscode.Uri | undefined> {
  // the Explorer's menu passes the selection as the second argument: only a test names the target and the choice
  const target = given instanceof vscode.Uri ? given : undefined;
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Policy Lens: the language server is not ready yet.'));
    return undefined;
  }
  const plan = wordPlanOf(uri);
  if (!plan) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Policy Lens: pick a Word plan (.docx) in the Explorer, or open one with Open Word Plan, to write its review into a copy.'));
    return undefined;
  }
  let changes = typeof trackChanges === 'boolean' ? trackChanges : undefined;
  if (changes === undefined) {
    const comments = { label: vscode.l10n.t('Comments (批注)'), detail: vscode.l10n.t('Each finding as a comment on the text it is about'), changes: false };
    const revisions = { label: vscode.l10n.t('Comments and tracked changes (批注和修订)'), detail: vscode.l10n.t('Each fix as a tracked change too, for the district to accept or reject in Word'), changes: true };
    const pick = await vscode.window.showQuickPick([comments, revisions], { placeHolder: vscode.l10n.t('Write the review of {0} as', plan.path.split('/').pop() ?? '') });
    if (!pick) return undefined;
    changes = pick.changes;
  }
  const name = (plan.path.split('/').pop() ?? 'plan.docx').replace(/\.docx$/i, `${REVIEW_COPY_SUFFIX}.docx`);
  const file = target ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(plan, '..', name), filters: { Word: ['docx'] } }));
  if (!file) return undefined;
  if (file.toString() === plan.toString()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Policy Lens: the review is written into a copy, not into the plan itself: choose another name.'));
    return undefined;
  }
  const result = await client.sendRequest(ANNOTATE_WORD_PLAN_REQUEST, { uri: plan.toString(), trackChanges: changes });
  if ('error' in result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Policy Lens: cannot write the review: {0}', result.error));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(file, Buffer.from(result.content, 'base64'));
  if (!target) {
    const message = changes
      ? vscode.l10n.t('Policy Lens: {0} comments and {1} tracked changes written to {2}', result.comments, result.revisions.written, vscode.workspace.asRelativePath(file))
      : vscode.l10n.t('Policy Lens: {0} comments written to {1}', result.comments, vscode.workspace.asRelativePath(file));
    void vscode.window.showInformationMessage(message);
  }
  return file;
}

export function registerAnnotateCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('policyLens.annotateWordPlan', (uri?: unknown, target?: unknown, trackChanges?: unknown) => annotateWordPlan(client(), uri, target, trackChanges)),
  );
}
