// policyLens/checkWorkspace: every plan of the workspace checked, and the findings of those that are not open pushed as
// their diagnostics, so that the editor's list of problems holds the whole folder's (a reviewer's folder of district
// plans) and not only the open documents'. An open plan has its live diagnostics, not its disk's. A plan listed this
// way stays listed while the server runs: closed in the editor, it is checked again as it is on disk; changed on disk,
// again; gone, its findings go with it. A listed plan's diagnostics are pushed even to a client that pulls the others'
// (the publisher asks isListed), open or not: one list stands for it, which the client does not drop when its tab closes.
import { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { toDiagnostic } from '../convert';
import { planFileOf } from '../documentUris';
import { CheckWorkspaceResult, WorkspacePlanCounts } from '../shared/protocol';
import { FeatureContext } from './featureContext';
import { AnalysedPlan } from '../report/collectReview';
import { analysedPlan, analysedText, PlanAnalysesContext } from './planAnalyses';
import { findingCounts } from './status';

/** What the workspace check reads of the server's state. */
export type WorkspaceCheckContext = PlanAnalysesContext & Pick<FeatureContext, 'ready' | 'sources' | 'workspaceFiles'>;

/** How the check gives diagnostics to the client: a push of one document's whole list. */
export type SendDiagnostics = (uri: string, diagnostics: Diagnostic[]) => void;

export class WorkspaceCheck {
  /** The plans this check listed: their findings on disk pushed, or (open in the editor) their live ones. */
  private readonly listed = new Set<string>();
  /** A run in progress: a second request waits for it and runs again (the files may have changed since it began). */
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: WorkspaceCheckContext,
    private readonly send: SendDiagnostics,
    /**
     * An open plan the check lists: its live diagnostics published again, pushed (the publisher pushes a listed
     * plan's to a client that pulls the others').
     */
    private readonly publishOpen: (uri: string) => void = () => undefined,
  ) {}

  /** Checks every plan of the workspace; null when cancelled (what was pushed stays). */
  run(token?: CancellationToken): Promise<CheckWorkspaceResult | null> {
    const run = this.running.then(() => this.checkAll(token));
    this.running = run.catch(() => undefined);
    return run;
  }

  /** The URIs whose findings the check keeps listed. */
  get listedUris(): readonly string[] {
    return [...this.listed];
  }

  /** Whether the check lists this document (its diagnostics are pushed, open or not). */
  isListed(uri: string): boolean {
    return this.listed.has(uri);
  }

  /** A listed document closed in the editor: checked again as it is on disk, so that it stays in the list. */
  async closed(uri: string): Promise<void> {
    if (!this.listed.has(uri)) return;
    await this.recheck([uri]);
  }

  /** The settings or sources changed: every listed plan that is not open is checked again (the open ones are re-published). */
  async recheckListed(): Promise<void> {
    await this.recheck([...this.listed]);
  }

  /** Files changed, created or deleted on disk (the editor's watcher): the listed ones among them are checked again. */
  async filesChanged(files: readonly string[]): Promise<void> {
    const changed = new Set(files);
    const uris = [...this.listed].filter((uri) => {
      const file = planFileOf(uri);
      return !!file && changed.has(file);
    });
    if (uris.length) await this.recheck(uris);
  }

  private async checkAll(token?: CancellationToken): Promise<CheckWorkspaceResult | null> {
    const plans: WorkspacePlanCounts[] = [];
    const unreadable: CheckWorkspaceResult['unreadable'] = [];
    if (!this.ctx.ready) return { plans, unreadable };
    const seen = new Set<string>();
    for await (const file of this.ctx.workspaceFiles((f, error) => unreadable.push({ file: f, error }))) {
      // let a cancellation (and the editor's other requests) through between plans
      await new Promise((r) => setImmediate(r));
      if (token?.isCancellationRequested) return null;
      seen.add(file.uri);
      const checked = await this.check(file.uri, file.text);
      if ('error' in checked) {
        unreadable.push({ file: planFileOf(file.uri) ?? file.uri, error: checked.error });
        continue;
      }
      plans.push({ uri: file.uri, file: checked.plan.file, open: checked.open, ...findingCounts(checked.plan.analysis) });
    }
    // plans listed by an earlier run that are no longer in the workspace (deleted, renamed, too large now)
    for (const uri of this.listed) {
      if (seen.has(uri)) continue;
      this.listed.delete(uri);
      this.send(uri, []);
    }
    return { plans, unreadable };
  }

  /**
   * One plan's diagnostics, pushed when it is not open; an open one's live ones are published again (publishOpen). A
   * check that fails is an error of this plan, not of the run.
   */
  private async check(uri: string, text: string): Promise<{ plan: AnalysedPlan; open: boolean } | { error: string }> {
    const open = !!this.ctx.documents.get(uri);
    try {
      const plan = await analysedText(this.ctx, uri, text);
      this.list(uri, plan, open);
      return { plan, open };
    } catch (e) {
      return { error: `cannot check ${planFileOf(uri) ?? uri}: ${(e as Error).message}` };
    }
  }

  /**
   * A plan's findings as diagnostics, pushed unless it is open (then its live ones are published again); listed either
   * way, so that a plan open during the check is listed from disk when it is closed, as the others are.
   */
  private list(uri: string, plan: AnalysedPlan, open: boolean): void {
    this.listed.add(uri);
    if (open) this.publishOpen(uri);
    else this.send(uri, plan.analysis.findings.map((f) => toDiagnostic(f, plan.analysis.lines, this.ctx.sources)));
  }

  /** Listed plans read and checked again; one that cannot be read any more (deleted) is taken off the list. */
  private async recheck(uris: readonly string[]): Promise<void> {
    for (const uri of uris) {
      if (this.ctx.documents.get(uri)) continue;
      let plan: AnalysedPlan | { error: string };
      try {
        plan = await analysedPlan(this.ctx, uri);
      } catch (e) {
        plan = { error: (e as Error).message };
      }
      if ('error' in plan) {
        this.listed.delete(uri);
        this.send(uri, []);
      } else this.list(uri, plan, false);
    }
  }
}

