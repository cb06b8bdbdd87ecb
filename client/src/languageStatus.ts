// The language status item of a plan ({} in the status bar next to Markdown or Plain Text): the sources checked
// against, the active plan's findings and how long its last check took, or why nothing is checked.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_REQUEST, StatusResult } from '../../server/src/shared/protocol';
import { isPlan } from './config';

export class PolicyLensStatus implements vscode.Disposable {
  readonly item: vscode.LanguageStatusItem;
  /** The last answer shown, for tests and for the item's detail. */
  result: StatusResult | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined, selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('policyLens.status', selector);
    this.item.name = 'Policy Lens';
    this.item.text = 'Policy Lens';
    this.item.busy = true;
    this.item.command = { command: 'policyLens.showCoverage', title: vscode.l10n.t('Tasks') };
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      // after the server publishes a plan's diagnostics, its check is done: its time and counts are new
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(100);
      }),
    );
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }

  schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Asks the server for the status of the active plan and shows it. */
  async refresh(): Promise<StatusResult | undefined> {
    const client = this.client();
    if (!client || !client.isRunning()) return undefined;
    const active = vscode.window.activeTextEditor?.document;
    try {
      this.result = await client.sendRequest(STATUS_REQUEST, { uri: isPlan(active) ? active!.uri.toString() : undefined });
    } catch {
      return undefined;
    }
    this.show(this.result);
    return this.result;
  }

  private show(r: StatusResult): void {
    const item = this.item;
    item.busy = false;
    const open = { command: 'policyLens.showCoverage', title: vscode.l10n.t('Tasks') };
    if (!r.ready) {
      item.severity = vscode.LanguageStatusSeverity.Error;
      item.text = vscode.l10n.t('Policy Lens: not checking');
      item.detail = r.error ?? '';
      item.command = open;
      return;
    }
    // the hover shows text, detail and the command's title on one line: the counts go there, the sources' names in the
    // command's tooltip
    const tasks = r.sources.reduce((n, s) => n + s.tasks, 0);
    const names = r.sources.map((s) => `${s.prefix ? `${s.prefix}: ` : ''}${s.docNumber ? `${s.docNumber} ` : ''}${s.title}`);
    item.severity = r.sourceErrors.length ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    // a document loaded in the bundled one's place (another city's 总体方案) is named: the plan is checked against it
    const own = r.sources.find((s) => s.prefix === '' && s.inPlace);
    item.text = own ? vscode.l10n.t('Policy Lens: {0} tasks of {1}', tasks, `《${own.title}》`) : vscode.l10n.t('Policy Lens: {0} tasks', tasks);
    const parts: string[] = [];
    const d = r.document;
    if (d?.source) parts.push(vscode.l10n.t('a policy source: not checked'));
    else if (d?.tooLarge) parts.push(vscode.l10n.t('too large to check (policyLens.maxFileSizeKB)'));
    else if (d) {
      parts.push(vscode.l10n.t('{0} errors · {1} warnings · {2} hints', d.errors, d.warnings, d.others));
      if (d.checkMs !== undefined) parts.push(vscode.l10n.t('{0} ms', d.checkMs < 10 ? d.checkMs.toFixed(1) : Math.round(d.checkMs)));
      if (d.annex) parts.push(vscode.l10n.t('checked with its 分工表 {0}', d.annex));
    }
    if (r.sourceErrors.length) parts.push(vscode.l10n.t('{0} sources not loaded', r.sourceErrors.length));
    item.detail = parts.join(' · ');
    item.command = { ...open, tooltip: [...names, ...r.sourceErrors].join('\n') };
  }
}
