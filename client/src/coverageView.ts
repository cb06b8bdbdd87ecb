// The coverage view ("Policy Lens: Tasks" in the Explorer), the status-bar item and the coverage export.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COVERAGE_REQUEST, CoverageLocation, CoverageResult, CoverageTask } from '../../server/src/shared/protocol';
import { coverageScope, isPlan } from './config';
import { coverageCsv } from '../../server/src/shared/coverageCsv';

type Node =
  | { kind: 'source'; prefix: string; title: string; tasks: CoverageTask[] }
  | { kind: 'table'; prefix: string; table: number; title: string; tasks: CoverageTask[] }
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
      this.result = await client.sendRequest(COVERAGE_REQUEST, { uris: this.scopeUris });
    } catch {
      return undefined;
    }
    this.updateStatus(plan);
    this.changed.fire(undefined);
    return this.result;
  }

  private updateStatus(plan: vscode.TextDocument | undefined): void {
    // a source's own text, opened by go to definition, is no plan to count
    if (!this.result || !plan || this.result.onlySources) {
      this.status.hide();
      return;
    }
    // the drafters' own words, in every locale
    this.status.text = `$(checklist) 覆盖 ${this.result.cited}/${this.result.total}${this.result.restated ? ` · 复述 ${this.result.restated}` : ''}`;
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
    const visible = (t: CoverageTask) => !this.uncoveredOnly || t.state !== 'cited';
    const tablesOf = (prefix: string, tasks: CoverageTask[]): Node[] => {
      const tables = new Map<number, CoverageTask[]>();
      for (const t of tasks) tables.set(t.table, [...(tables.get(t.table) ?? []), t]);
      const source = this.result!.sources?.find((x) => x.prefix === prefix);
      return [...tables.entries()].map(([table, own]) => ({ kind: 'table', prefix, table, title: source?.tables.find((t) => t.number === table)?.title ?? '', tasks: own }));
    };
    if (!node) {
      const sources = this.result.sources ?? [];
      // one source: its tables at the top; several: a node per source (the default one first)
      if (sources.length <= 1) return tablesOf('', this.result.tasks);
      return sources.map((x) => ({ kind: 'source', prefix: x.prefix, title: x.title, tasks: this.result!.tasks.filter((t) => t.prefix === x.prefix) }));
    }
    if (node.kind === 'source') return tablesOf(node.prefix, node.tasks);
    if (node.kind === 'table') return node.tasks.filter(visible).map((task) => ({ kind: 'task', task }));
    if (node.kind === 'task') {
      const places = node.task.state === 'restated' ? node.task.restatedAt : node.task.locations;
      return places.map((location) => ({ kind: 'location', task: node.task, location }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'source') {
      const cited = node.tasks.filter((t) => t.state === 'cited').length;
      const item = new vscode.TreeItem(node.prefix || node.title, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${cited}/${node.tasks.length}${node.prefix ? ` · ${node.title}` : ''}`;
      item.tooltip = node.title;
      item.iconPath = new vscode.ThemeIcon('book');
      item.contextValue = 'source';
      return item;
    }
    if (node.kind === 'table') {
      const cited = node.tasks.filter((t) => t.state === 'cited').length;
      const restated = node.tasks.filter((t) => t.state === 'restated').length;
      const item = new vscode.TreeItem(`${node.prefix}表${node.table}`, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${cited}/${node.tasks.length}${restated ? ` (≈${restated})` : ''} · ${node.title}`;
      item.tooltip = `${node.prefix}表${node.table} ${node.title}`;
      item.iconPath = new vscode.ThemeIcon('table');
      item.contextValue = 'table';
      return item;
    }
    if (node.kind === 'task') {
      const t = node.task;
      const item = new vscode.TreeItem(t.reference, t.state === 'missing' ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `task:${t.id}`;
      const area = t.domain?.replace(/领域$/, '') ?? t.category;
      const state = t.state === 'cited'
        ? vscode.l10n.t('cited {0}×', t.locations.length)
        : t.state === 'restated' ? vscode.l10n.t('restated, not cited') : vscode.l10n.t('not cited');
      item.description = `${state} · ${area}`;
      item.tooltip = new vscode.MarkdownString(`**${t.reference} · ${t.id}**\n\n${t.text}`);
      const icon = { cited: ['pass-filled', 'testing.iconPassed'], restated: ['circle-large-filled', 'editorWarning.foreground'], missing: ['circle-large-outline', 'disabledForeground'] }[t.state];
      item.iconPath = new vscode.ThemeIcon(icon[0], new vscode.ThemeColor(icon[1]));
      item.contextValue = t.state === 'cited' ? 'task.cited' : t.state === 'restated' ? 'task.restated' : 'task.uncited';
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

/** The coverage as a Markdown or CSV table: task, state, text, where it is cited or restated. */
export function formatCoverage(result: CoverageResult, format: 'markdown' | 'csv'): string {
  const places = (ls: CoverageTask['locations']) => ls.map((l) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(l.uri))}:${l.range.start.line + 1}`);
  if (format === 'csv') {
    return coverageCsv(result.tasks.map((t) => ({ reference: t.reference, id: t.id, state: t.state, text: t.text, citedAt: places(t.locations), restatedAt: places(t.restatedAt ?? []) })));
  }
  const md = (s: string) => s.replace(/\|/g, '\\|');
  const state = { cited: '✓', restated: '≈', missing: '✗' } as const;
  const where = (t: CoverageTask) => (t.state === 'restated' ? places(t.restatedAt) : places(t.locations)).join('; ');
  const lines = [
    `# ${vscode.l10n.t('Coverage {0}/{1}', result.cited, result.total)}${result.restated ? ` (≈ ${result.restated})` : ''}`,
    '',
    `| ${vscode.l10n.t('Task')} | | ${vscode.l10n.t('Text')} | ${vscode.l10n.t('Cited at')} |`,
    '| --- | --- | --- | --- |',
    ...result.tasks.map((t) => `| ${t.reference} | ${state[t.state]} | ${md(t.text)} | ${md(where(t)) || '—'} |`),
  ];
  return lines.join('\n') + '\n';
}
