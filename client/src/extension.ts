// Activates Policy Lens: starts the bundled language server, the coverage view and the commands.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { CoverageModel } from './coverageView';
import { registerWordPlanView } from './wordPlan';
import { registerAssignmentsExport } from './assignmentsExport';
import { registerCompareCommand } from './compareCommand';
import { registerReviewCopyCommand } from './reviewCopyCommand';
import { registerWorkspaceCheckCommand } from './workspaceCheckCommand';
import { registerReportCommand } from './reportCommand';
import { registerCitySource } from './citySource';
import { PolicyLensStatus } from './languageStatus';
import { INDEX_CHANGED_NOTIFICATION } from '../../server/src/shared/protocol';
import { serverEnvironment } from '../../server/src/shared/launch';

let client: LanguageClient | undefined;

export interface PolicyLensApi {
  client: LanguageClient;
  coverage: CoverageModel;
  status: PolicyLensStatus;
}

export async function activate(context: vscode.ExtensionContext): Promise<PolicyLensApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // by language, whatever the scheme: untitled plans and virtual workspaces get the document features too
  const plans = [{ language: 'markdown' }, { language: 'plaintext' }];
  // (the server registers the file watcher it needs, workspace/didChangeWatchedFiles: a plan's 分工表 beside it)
  const clientOptions: LanguageClientOptions = {
    documentSelector: plans,
    synchronize: { configurationSection: 'policyLens' },
  };
  client = new LanguageClient('policyLens', 'Policy Lens', serverOptions, clientOptions);
  const coverage = new CoverageModel(() => client);
  const status = new PolicyLensStatus(() => client, plans);
  context.subscriptions.push(status);
  context.subscriptions.push(coverage, vscode.window.createTreeView('policyLens.coverage', { treeDataProvider: coverage, showCollapseAll: true }));
  registerCommands(context, coverage);
  registerWordPlanView(context, () => client);
  registerAssignmentsExport(context, () => client);
  registerCompareCommand(context, () => client);
  registerReviewCopyCommand(context, () => client);
  registerWorkspaceCheckCommand(context, () => client);
  registerReportCommand(context, () => client);
  registerCitySource(context);
  void vscode.commands.executeCommand('setContext', 'policyLens.coverage.uncoveredOnly', false);
  await client.start();
  context.subscriptions.push(
    client.onNotification(INDEX_CHANGED_NOTIFICATION, () => {
      coverage.schedule(0);
      status.schedule(0);
    }),
  );
  coverage.schedule(0);
  status.schedule(0);
  return { client, coverage, status };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
