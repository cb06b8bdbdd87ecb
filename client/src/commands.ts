// One function per command the extension contributes.
import * as vscode from 'vscode';
import type { CoverageModel } from './coverageView';
import { formatCoverage } from './coverageView';
import { coverageScope } from './config';
import { openWordPlan } from './wordPlan';
import { SHOW_CITATIONS_COMMAND } from '../../server/src/shared/protocol';

export const SEED_FILE = 'seeds/000_a08c9159ea97f61a.txt';

export function registerCommands(context: vscode.ExtensionContext, coverage: CoverageModel): void {
  const register = (id: string, run: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  register('policyLens.openSource', (line?: number) => openSource(context, line));
  register('policyLens.openSourceAtTask', (id?: string) => openSourceAtTask(context, coverage, id));
  register('policyLens.showCoverage', () => showCoverage(coverage));
  register('policyLens.refreshCoverage', () => coverage.refresh());
  register('policyLens.showUncoveredOnly', () => coverage.setUncoveredOnly(true));
  register('policyLens.showAllTasks', () => coverage.setUncoveredOnly(false));
  register('policyLens.toggleCoverageScope', () => toggleScope(coverage));
  register('policyLens.exportCoverage', (format?: string, target?: vscode.Uri) => exportCoverage(coverage, format, target));
  register('policyLens.openWordPlan', (file?: vscode.Uri) => openWordPlan(file));
  register('policyLens.openExcelPlan', (file?: vscode.Uri) => openWordPlan(file, 'excel'));
  register(SHOW_CITATIONS_COMMAND, showCitations);
}

type Place = { line: number; character: number };
const isPlace = (p: any): p is Place => typeof p?.line === 'number' && typeof p?.character === 'number';
const isLocation = (l: any): l is { uri: string; range: { start: Place; end: Place } } => typeof l?.uri === 'string' && isPlace(l.range?.start) && isPlace(l.range?.end);
const position = (p: Place) => new vscode.Position(p.line, p.character);

/**
 * A code lens of a source's task (the server's): the places the workspace's plans cite or restate it, in VS Code's
 * references peek. The server sends plain JSON; the editor's command takes its own types.
 */
async function showCitations(uri?: unknown, at?: unknown, locations?: unknown): Promise<void> {
  if (typeof uri !== 'string' || !isPlace(at) || !Array.isArray(locations)) return;
  const places = locations.filter(isLocation).map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(position(l.range.start), position(l.range.end))));
  await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), position(at), places);
}

/** Opens the source document, at a (zero-based) line when one is given. */
export async function openSource(context: vscode.ExtensionContext, line?: number): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(context.extensionUri, SEED_FILE);
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = typeof line === 'number' && line >= 0 ? new vscode.Position(Math.min(line, doc.lineCount - 1), 0) : undefined;
  return vscode.window.showTextDocument(doc, { preview: true, selection: at ? new vscode.Range(at, at) : undefined });
}

async function openSourceAtTask(context: vscode.ExtensionContext, coverage: CoverageModel, id?: string): Promise<void> {
  const task = coverage.result?.tasks.find((t) => t.id === id);
  await openSource(context, task?.line);
}

async function showCoverage(coverage: CoverageModel): Promise<void> {
  await vscode.commands.executeCommand('policyLens.coverage.focus');
  await coverage.refresh();
}

async function toggleScope(coverage: CoverageModel): Promise<void> {
  const next = coverageScope() === 'workspace' ? 'activePlan' : 'workspace';
  await vscode.workspace.getConfiguration('policyLens').update('coverage.scope', next, vscode.ConfigurationTarget.Global);
  await coverage.refresh();
}

/** Writes the coverage as Markdown or CSV; asks for the format and the file unless given (as tests do). */
async function exportCoverage(coverage: CoverageModel, format?: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const result = (await coverage.refresh()) ?? coverage.result;
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Policy Lens: the language server is not ready yet.'));
    return undefined;
  }
  let kind: 'csv' | 'markdown' | undefined = format === 'csv' || format === 'markdown' ? format : undefined;
  if (!kind) {
    const pick = await vscode.window.showQuickPick(
      [{ label: 'Markdown', value: 'markdown' as const }, { label: 'CSV', value: 'csv' as const }],
      { placeHolder: vscode.l10n.t('Export the coverage as') },
    );
    if (!pick) return undefined;
    kind = pick.value;
  }
  const ext = kind === 'csv' ? 'csv' : 'md';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = target ?? (await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `policy-lens-coverage.${ext}`) : undefined,
    filters: kind === 'csv' ? { CSV: ['csv'] } : { Markdown: ['md'] },
  }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(formatCoverage(result, kind)));
  if (!target) void vscode.window.showInformationMessage(vscode.l10n.t('Policy Lens: coverage written to {0}', vscode.workspace.asRelativePath(uri)));
  return uri;
}
