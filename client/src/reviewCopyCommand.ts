// Policy Lens: Write Review into a Copy (审核批注): a Word plan's, Excel 分工表's, PDF's or OFD's findings as comments (批注), and if
// asked a Word plan's fixes as tracked changes (修订), in a copy the server makes (policyLens/reviewCopy) and this
// command saves where the user says: the reviewing office's marked-up plan, to send back to the district. Several
// plans selected in the Explorer: each copy beside its plan.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { runningClient } from './runningClient';
import { REVIEW_COPY_EXTENSIONS, REVIEW_COPY_REQUEST, REVIEW_COPY_SUFFIX, WORD_PLAN_SCHEME } from '../../server/src/shared/protocol';

const REVIEWABLE = new RegExp(`\\.(${REVIEW_COPY_EXTENSIONS.join('|')})$`, 'i');

/** A .docx, .xlsx, .pdf or .ofd on disk: the file itself, or the one a Word, Excel, PDF or OFD view shows. */
function planFileOf(candidate: vscode.Uri | undefined): vscode.Uri | undefined {
  if (!candidate || !REVIEWABLE.test(candidate.path)) return undefined;
  return candidate.scheme === WORD_PLAN_SCHEME ? candidate.with({ scheme: 'file' }) : candidate.scheme === 'file' ? candidate : undefined;
}

/** The copy's name beside the plan: `plan（审核意见）.docx`. */
const copyOf = (plan: vscode.Uri) => vscode.Uri.joinPath(plan, '..', (plan.path.split('/').pop() ?? '').replace(REVIEWABLE, `${REVIEW_COPY_SUFFIX}.$1`));

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/** Whether to write a Word plan's fixes as tracked changes: asked, unless given; undefined when the user cancels. */
async function askTrackChanges(trackChanges: unknown, name: string): Promise<boolean | undefined> {
  if (typeof trackChanges === 'boolean') return trackChanges;
  const comments = { label: vscode.l10n.t('Comments (批注)'), detail: vscode.l10n.t('Each finding as a comment on the text it is about'), changes: false };
  const revisions = { label: vscode.l10n.t('Comments and tracked changes (批注和修订)'), detail: vscode.l10n.t('Each fix as a tracked change too, for the district to accept or reject in Word'), changes: true };
  return (await vscode.window.showQuickPick([comments, revisions], { placeHolder: vscode.l10n.t('Write the review of {0} as', name) }))?.changes;
}

/** The copy of one plan, from the server, written to `file`; its result, or an error said to the user. */
async function writeCopy(client: LanguageClient, plan: vscode.Uri, file: vscode.Uri, trackChanges: boolean) {
  const result = await client.sendRequest(REVIEW_COPY_REQUEST, { uri: plan.toString(), trackChanges });
  if ('error' in result) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Policy Lens: cannot write the review: {0}', result.error));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(file, Buffer.from(result.content, 'base64'));
  return result;
}

/**
 * Writes the review's copy of a plan; asks (for a Word plan) whether to write the fixes as tracked changes and where to
 * save, unless given (as tests do). Resolves to the file written (the first, for several). The plans are never written.
 * `given`: the file to write, or the Explorer's selection (several plans: each copy beside its plan, none written over).
 */
export async function writeReviewCopy(client: LanguageClient | undefined, uri?: unknown, given?: unknown, trackChanges?: unknown): Promise<vscode.Uri | undefined> {
  if (!runningClient(client)) return undefined;
  const selection = Array.isArray(given) ? given.filter((u): u is vscode.Uri => u instanceof vscode.Uri).map(planFileOf).filter((u): u is vscode.Uri => !!u) : [];
  if (selection.length > 1) return writeReviewCopies(client, selection, trackChanges);
  const plan = planFileOf(uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri);
  if (!plan) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Policy Lens: pick a Word plan (.docx), an Excel 分工表 (.xlsx), a PDF or an OFD in the Explorer, or open one, to write its review into a copy.'));
    return undefined;
  }
  const name = plan.path.split('/').pop() ?? '';
  const changes = /\.docx$/i.test(name) ? await askTrackChanges(trackChanges, name) : false;
  if (changes === undefined) return undefined;
  const extension = name.split('.').pop()!.toLowerCase();
  const target = given instanceof vscode.Uri ? given : undefined;
  const file = target ?? (await vscode.window.showSaveDialog({
    defaultUri: copyOf(plan),
    filters: { [({ docx: 'Word', xlsx: 'Excel', pdf: 'PDF', ofd: 'OFD' } as Record<string, string>)[extension] ?? extension]: [extension] },
  }));
  if (!file) return undefined;
  if (file.toString() === plan.toString()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Policy Lens: the review is written into a copy, not into the plan itself: choose another name.'));
    return undefined;
  }
  const result = await writeCopy(client, plan, file, changes);
  if (!result) return undefined;
  if (!target) {
    const message = result.revisions
      ? vscode.l10n.t('Policy Lens: {0} comments and {1} tracked changes written to {2}', result.comments, result.revisions.written, vscode.workspace.asRelativePath(file))
      : vscode.l10n.t('Policy Lens: {0} comments written to {1}', result.comments, vscode.workspace.asRelativePath(file));
    void vscode.window.showInformationMessage(message);
  }
  return file;
}

/** Several plans' copies, each beside its plan; a copy that exists is not written over (it may hold the reviewer's own comments). */
async function writeReviewCopies(client: LanguageClient, plans: vscode.Uri[], trackChanges: unknown): Promise<vscode.Uri | undefined> {
  const word = plans.find((p) => /\.docx$/i.test(p.path));
  const changes = word ? await askTrackChanges(trackChanges, vscode.l10n.t('{0} plans', plans.length)) : false;
  if (changes === undefined) return undefined;
  const written: vscode.Uri[] = [];
  const kept: string[] = [];
  let comments = 0;
  for (const plan of plans) {
    const file = copyOf(plan);
    if (await exists(file)) {
      kept.push(vscode.workspace.asRelativePath(file));
      continue;
    }
    const result = await writeCopy(client, plan, file, changes);
    if (!result) continue;
    written.push(file);
    comments += result.comments;
  }
  const message = vscode.l10n.t('Policy Lens: {0} review copies written beside their plans, {1} comments in all', written.length, comments);
  const existing = kept.length ? ` ${vscode.l10n.t('Not written over: {0}', kept.join(', '))}` : '';
  void (kept.length ? vscode.window.showWarningMessage(message + existing) : vscode.window.showInformationMessage(message));
  return written[0];
}

export function registerReviewCopyCommand(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('policyLens.writeReviewCopy', (uri?: unknown, target?: unknown, trackChanges?: unknown) => writeReviewCopy(client(), uri, target, trackChanges)),
  );
}
