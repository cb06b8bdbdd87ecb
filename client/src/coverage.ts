// The coverage view ("Policy Lens: Tasks" in the Explorer), the status-bar item and the coverage export.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COVERAGE_REQUEST, CoverageLocation, CoverageParams, CoverageResult, CoverageTask } from '../../server/src/shared/protocol';
import { coverageScope, isPlan } from './config';
import { coverageCsv } from '../../server/src/shared/coverageCsv';

type Node =
  | { kind: 'table'; table: number; title: string; tasks: CoverageTask[] }
  | { kind: 'task'; task: CoverageTask }
  | { kind: 'location'; task: CoverageTask; location: CoverageLocation };

export class CoverageModel implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  result: CoverageResult | undefined;
  /** The documents the current result counts; empty for the whole workspace. */
  scopeUris: string[] = [];
  uncoveredOnly = false;
  private readonly status: vscode.StatusBarItem;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.status = vscode.window.createStatusBarItem('policyLens.coverage', vscode.StatusBarAlignment.Left, 50);
    this.status.name = 'Policy Lens';
    this.status.command = 'policyLens.showCoverage';
    this.disposables.push(
      this.status,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => isPlan(e.document) && this.schedule(400)),
      vscode.workspace.onDidSaveTextDocument(() => this.schedule(0)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('policyLens') && this.schedule(0)),
    );
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
  }

  schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Asks the server for coverage of the active plan (or the workspace) and updates the view and status bar. */
  async refresh(): Promise<CoverageResult | undefined> {
    const client = this.client();
    if (!client || !client.isRunning()) return undefined;
    const active = vscode.window.activeTextEditor?.document;
    const plan = isPlan(active) ? active : undefined;
    this.scopeUris = coverageScope() === 'activePlan' && plan ? [plan.uri.toString()] : [];
    try {
      this.result = await client.sendRequest<CoverageResult>(COVERAGE_REQUEST, { uris: this.scopeUris } satisfies CoverageParams);
    } catch {
      return undefined;
    }
    this.updateStatus(plan);
    this.changed.fire(undefined);
    return this.result;
  }

  private updateStatus(plan: vscode.TextDocument | undefined): void {
    if (!this.result || !plan) {
      this.status.hide();
      return;
    }
    this.status.text = `$(checklist) 覆盖 ${this.result.cited}/${this.result.total}`; // the drafters' own word, in every locale
    this.status.tooltip = vscode.l10n.t('Tasks of the source cited in this plan. Click to open the Policy Lens task view.');
    this.status.show();
  }

  setUncoveredOnly(on: boolean): void {
    this.uncoveredOnly = on;
    void vscode.commands.executeCommand('setContext', 'policyLens.coverage.uncoveredOnly', on);
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!this.result) return [];
    const visible = (t: CoverageTask) => !this.uncoveredOnly || t.locations.length === 0;
    if (!node) {
      const tables = new Map<number, CoverageTask[]>();
      for (const t of this.result.tasks) tables.set(t.table, [...(tables.get(t.table) ?? []), t]);
      return [...tables.entries()].map(([table, tasks]) => ({ kind: 'table', table, title: this.result!.tables.find((t) => t.number === table)?.title ?? '', tasks }));
    }
    if (node.kind === 'table') return node.tasks.filter(visible).map((task) => ({ kind: 'task', task }));
    if (node.kind === 'task') return node.task.locations.map((location) => ({ kind: 'location', task: node.task, location }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'table') {
      const cited = node.tasks.filter((t) => t.locations.length).length;
      const item = new vscode.TreeItem(`表${node.table}`, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${cited}/${node.tasks.length} · ${node.title}`;
      item.tooltip = `表${node.table} ${node.title}`;
      item.iconPath = new vscode.ThemeIcon('table');
      item.contextValue = 'table';
      return item;
    }
    if (node.kind === 'task') {
      const t = node.task;
      const cited = t.locations.length > 0;
      const item = new vscode.TreeItem(t.reference, cited ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `task:${t.id}`;
      const area = t.domain?.replace(/领域$/, '') ?? t.category;
      item.description = cited ? `${vscode.l10n.t('cited {0}×', t.locations.length)} · ${area}` : `${vscode.l10n.t('not cited')} · ${area}`;
      item.tooltip = new vscode.MarkdownString(`**${t.reference} · ${t.id}**\n\n${t.text}`);
      item.iconPath = new vscode.ThemeIcon(cited ? 'pass-filled' : 'circle-large-outline', new vscode.ThemeColor(cited ? 'testing.iconPassed' : 'disabledForeground'));
      item.contextValue = cited ? 'task.cited' : 'task.uncited';
      item.command = { command: 'policyLens.openSourceAtTask', title: vscode.l10n.t('Open in the source'), arguments: [t.id] };
      return item;
    }
    const loc = node.location;
    const uri = vscode.Uri.parse(loc.uri);
    const item = new vscode.TreeItem(`${vscode.workspace.asRelativePath(uri)}:${loc.range.start.line + 1}`, vscode.TreeItemCollapsibleState.None);
    item.description = loc.text;
    item.iconPath = new vscode.ThemeIcon('references');
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Go to citation'),
      arguments: [uri, { selection: new vscode.Range(loc.range.start.line, loc.range.start.character, loc.range.end.line, loc.range.end.character) }],
    };
    return item;
  }
}

/** The coverage as a Markdown or CSV table: task, text, where it is cited. */
export function formatCoverage(result: CoverageResult, format: 'markdown' | 'csv'): string {
  const citedAt = (t: CoverageTask) => t.locations.map((l) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(l.uri))}:${l.range.start.line + 1}`);
  const where = (t: CoverageTask) => citedAt(t).join('; ');
  if (format === 'csv') return coverageCsv(result.tasks.map((t) => ({ reference: t.reference, id: t.id, text: t.text, citedAt: citedAt(t) })));
  const md = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    `# ${vscode.l10n.t('Coverage {0}/{1}', result.cited, result.total)}`,
    '',
    `| ${vscode.l10n.t('Task')} | ${vscode.l10n.t('Text')} | ${vscode.l10n.t('Cited at')} |`,
    '| --- | --- | --- |',
    ...result.tasks.map((t) => `| ${t.reference} | ${md(t.text)} | ${md(where(t)) || '—'} |`),
  ];
  return lines.join('\n') + '\n';
}
