// The Policy Lens language server: `node dist/server.js --stdio` (or node-ipc when VS Code starts it).
import './heapLimits';
import {
  CancellationToken,
  CodeLensRefreshRequest,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'path';
import { localeOf } from './core/messages';
import { PLAN_FILES_GLOB } from './planFiles';
import { ANNEX_FOLDER } from './annexFiles';
import { ServerContext } from './serverContext';
import { planFileOf, uriToPath } from './documentUris';
import { packageVersion } from './indexLoader';
import { codeActions, SOURCE_FIX_ALL_KIND } from './features/codeActions';
import { completion } from './features/completion';
import { definition } from './features/definition';
import { DiagnosticsPublisher } from './features/diagnostics';
import { hover } from './features/hover';
import { references } from './features/findReferences';
import { readSettings } from './settings';
import { stdioTransport } from './transport';
import { coverage } from './features/coverageRequest';
import { documentLinks } from './features/documentLinks';
import { inlayHints } from './features/inlayHints';
import { documentSymbols } from './features/symbols';
import { documentHighlights } from './features/documentHighlight';
import { workspaceSymbols } from './features/workspaceSymbols';
import { codeLenses } from './features/codeLens';
import { prepareRename, rename } from './features/rename';
import { COVERAGE_REQUEST, CoverageParams, EXTRACT_PLAN_REQUEST, ExtractPlanParams, INDEX_CHANGED_NOTIFICATION } from './shared/protocol';
import { extractPlan } from './features/extractPlan';
import { codeCacheState } from './codeCache';
import { assignments } from './features/assignments';
import { comparePlans } from './features/comparePlans';
import { reviewCopyRequest } from './features/reviewCopyRequest';
import { status } from './features/status';
import { WorkspaceCheck } from './features/workspaceCheck';
import { reviewReport } from './features/reviewReport';
import { ASSIGNMENTS_REQUEST, AssignmentsParams, CHECK_WORKSPACE_REQUEST, COMPARE_PLANS_REQUEST, ComparePlansParams, REPORT_REQUEST, ReportParams, REVIEW_COPY_REQUEST, ReviewCopyParams, STATUS_REQUEST, StatusParams } from './shared/protocol';

if (process.argv.includes('--version')) {
  console.log(packageVersion());
  process.exit(0);
}
if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) {
  console.error('usage: policy-lens-server --stdio   (a language server speaking LSP over stdin/stdout)');
  process.exit(process.argv.includes('--help') ? 0 : 2);
}

// over stdio our own writer encodes large diagnostics lists from cached pieces; node-ipc (VS Code) keeps the default,
// and is given whole diagnostics
const stdio = process.argv.includes('--stdio');
const connection = stdio ? createConnection(ProposedFeatures.all, ...stdioTransport()) : createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const ctx = new ServerContext(connection, documents);
const diagnostics = new DiagnosticsPublisher(ctx, stdio);
/** The findings of the workspace's plans that are not open, on request (policyLens/checkWorkspace). */
const workspaceCheck = new WorkspaceCheck(ctx, (uri, list) => void connection.sendDiagnostics({ uri, diagnostics: list }), (uri) => diagnostics.republish(uri));
diagnostics.pushedAnyway = (uri) => workspaceCheck.isListed(uri);
let pullConfiguration = false;
/** Whether the client watches files for the server when asked (registered after `initialized`). */
let watchPlanFiles = false;
let inlayHintRefresh = false;
let codeLensRefresh = false;
/** The pending refresh of a source's code lenses (their counts are the workspace plans'). */
let lensRefresh: NodeJS.Timeout | undefined;
/** How long after a plan changes the counts above an open source's tasks are asked for again. */
const LENS_REFRESH_MS = 1000;

/** Asks the client for the code lenses again, once the plans stop changing, when a source's text is open. */
function refreshLensesSoon(): void {
  if (!codeLensRefresh || !documents.all().some((d) => ctx.isSource(d.uri))) return;
  clearTimeout(lensRefresh);
  lensRefresh = setTimeout(() => void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined), LENS_REFRESH_MS);
}
let initialized = false;
/**
 * Settled once the client's settings are in (or known not to come): until then an answer could be computed with
 * the wrong sources (SZ表1第2项 read as the default 表1第2项), so features and diagnostics wait for it.
 */
const SETTINGS_WAIT_MS = 3000;
let settingsLoaded: () => void = () => undefined;
const settingsReady = new Promise<void>((resolve) => (settingsLoaded = resolve));
/** Runs a handler once the settings are in. */
const whenReady = <P, R>(handler: (params: P, token: CancellationToken) => R) => async (params: P, token: CancellationToken): Promise<Awaited<R>> => {
  await settingsReady;
  return await handler(params, token);
};
const reportedProblems = new Set<string>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  ctx.locale = localeOf(params.locale);
  const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)) ?? [params.rootUri ? uriToPath(params.rootUri) : params.rootPath ?? undefined];
  ctx.workspaceFolders = folders.filter((f): f is string => !!f);
  pullConfiguration = !!params.capabilities.workspace?.configuration;
  watchPlanFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  inlayHintRefresh = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  codeLensRefresh = !!params.capabilities.workspace?.codeLens?.refreshSupport;
  // a client that can pull diagnostics gets them when it asks (and no pushes); the others get them pushed
  const pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
  if (pullDiagnostics) diagnostics.usePull(!!params.capabilities.workspace?.diagnostics?.refreshSupport);
  if (params.initializationOptions && typeof params.initializationOptions === 'object') {
    void applySettings((params.initializationOptions as any).policyLens ?? params.initializationOptions);
  }
  if (ctx.loadError) connection.console.error(`Policy Lens: ${ctx.loadError}`);
  // a client that never sends `initialized`, or never answers for its settings, is not kept waiting for long
  setTimeout(() => settingsLoaded(), SETTINGS_WAIT_MS).unref();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['第', '.', '-', '表', '@', '．', '－', '：', ':', '、', '《'], resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', SOURCE_FIX_ALL_KIND] },
      inlayHintProvider: true,
      documentLinkProvider: { resolveProvider: false },
      documentSymbolProvider: true,
      documentHighlightProvider: true,
      workspaceSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
      renameProvider: { prepareProvider: true },
      ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'policy-lens', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'policy-lens', version: packageVersion() },
  };
});

connection.onInitialized(async () => {
  initialized = true;
  // a plan's 分工表 may be a file of its own beside it (分工表.xlsx): hear when the plan files of a folder change
  if (watchPlanFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: PLAN_FILES_GLOB }] }).catch(() => undefined);
  }
  if (pullConfiguration) {
    try {
      void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    } catch {
      // the client does not support dynamic registration: it still sends didChangeConfiguration
    }
    await refreshSettings();
  }
  await sourcesLoading;
  settingsLoaded();
  if (ctx.workspaceFolders.length) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
      ctx.workspaceFolders = ctx.workspaceFolders.filter((f) => !removed.has(f));
      for (const f of e.added) {
        const p = uriToPath(f.uri);
        if (p) ctx.workspaceFolders.push(p);
      }
    });
  }
});

async function refreshSettings(): Promise<void> {
  try {
    const raw = await connection.workspace.getConfiguration('policyLens');
    await applySettings(raw);
  } catch (e) {
    connection.console.warn(`Policy Lens: could not read settings: ${(e as Error).message}`);
  }
}

/** The loading of the sources last configured (a Word source is read asynchronously). */
let sourcesLoading: Promise<void> = Promise.resolve();

async function applySettings(raw: unknown): Promise<void> {
  const before = JSON.stringify(ctx.settings.sources);
  const { settings, problems } = readSettings(raw);
  ctx.settings = settings;
  for (const p of problems) warnOnce(p);
  if (JSON.stringify(settings.sources) !== before) {
    // one load at a time, in the order the settings came: the last configuration wins
    sourcesLoading = sourcesLoading.then(async () => {
      for (const e of await ctx.loadSources(ctx.settings.sources)) showError(e);
    });
    await sourcesLoading;
  }
  ctx.invalidateAll();
  // before `initialized` the client may receive nothing but window messages: it has no documents open yet anyway
  if (!initialized) return;
  diagnostics.publishAll();
  // the plans the workspace check listed, checked again under the new settings
  void workspaceCheck.recheckListed();
  // a 分工表 read with the old sources names their tasks: read again
  refreshAnnexes(documents.all().map((d) => d.uri));
  if (inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
  refreshLensesSoon();
  // what the client derived from the old answers (coverage) is stale too
  void connection.sendNotification(INDEX_CHANGED_NOTIFICATION.method);
}

function warnOnce(message: string): void {
  if (reportedProblems.has(message)) return;
  reportedProblems.add(message);
  connection.console.warn(`Policy Lens: ${message}`);
  void connection.window.showWarningMessage(`Policy Lens: ${message}`);
}

function showError(message: string): void {
  connection.console.error(`Policy Lens: ${message}`);
  void connection.window.showErrorMessage(`Policy Lens: ${message}`);
}

connection.onDidChangeConfiguration(async (change) => {
  if (pullConfiguration) await refreshSettings();
  else await applySettings((change.settings as any)?.policyLens ?? {});
});

/**
 * Works out the 分工表 (a file of its own) of an open plan again: true when what its analysis is given changed. A failure
 * is logged (false): the plan keeps being checked with what was known.
 */
function refreshAnnex(uri: string): Promise<boolean> {
  return ctx.annexes.refresh(uri).catch((e: Error) => {
    connection.console.error(`Policy Lens: finding the 分工表 of ${uri} failed: ${e.stack ?? e}`);
    return false;
  });
}

/** refreshAnnex for each plan, and re-publishes those whose 分工表 changed. */
function refreshAnnexes(uris: readonly string[]): void {
  for (const uri of uris) void refreshAnnex(uri).then((changed) => changed && diagnostics.republish(uri));
}

/** The open plans whose 分工表 is the file behind `uri` (a 分工表 open in the editor, edited or closed). */
function plansWithAnnex(uri: string): string[] {
  const file = planFileOf(uri);
  return file ? ctx.annexes.plansOf(file) : [];
}

/** 分工表 edited in the editor: the plans checked with them are refreshed once the typing pauses. */
const annexEdits = new Map<string, NodeJS.Timeout>();

/** How long a plan's first check waits for its 分工表 beside it to be read (after that it goes without, and again with it). */
const ANNEX_WAIT_MS = 300;

documents.onDidOpen((e) => void settingsReady.then(async () => {
  const uri = e.document.uri;
  // the plan's 分工表 first, so that its first diagnostics already count it (no warnings that vanish a moment later)
  const annexed = refreshAnnex(uri);
  let waited: NodeJS.Timeout | undefined;
  const read = await Promise.race([annexed.then((changed) => ({ changed })), new Promise<undefined>((r) => (waited = setTimeout(() => r(undefined), ANNEX_WAIT_MS)))]);
  clearTimeout(waited);
  // a 分工表 found: published with it even if this version went out without it (settings applied in the meantime)
  if (read?.changed) diagnostics.republish(uri);
  else diagnostics.schedule(e.document, true);
  if (!read) void annexed.then((changed) => changed && diagnostics.republish(uri));
  // the plans this one is the 分工表 of (now read from the editor)
  refreshAnnexes(plansWithAnnex(uri));
  if (!ctx.isSource(uri)) refreshLensesSoon();
}));
documents.onDidChangeContent((e) => void settingsReady.then(() => {
  diagnostics.schedule(e.document);
  if (!ctx.isSource(e.document.uri)) refreshLensesSoon();
  const plans = plansWithAnnex(e.document.uri);
  if (!plans.length) return;
  clearTimeout(annexEdits.get(e.document.uri));
  annexEdits.set(e.document.uri, setTimeout(() => {
    annexEdits.delete(e.document.uri);
    refreshAnnexes(plans);
  }, ctx.settings.debounceMs));
}));
documents.onDidClose((e) => {
  const plans = plansWithAnnex(e.document.uri);
  ctx.forget(e.document.uri);
  diagnostics.clear(e.document.uri);
  // a plan the workspace check listed stays listed, as it is on disk
  void workspaceCheck.closed(e.document.uri);
  // a 分工表 closed in the editor is read from disk again
  refreshAnnexes(plans);
  refreshLensesSoon();
});
// files of a plan's folder created, changed or deleted (from a client that watches them: registered in onInitialized)
connection.onDidChangeWatchedFiles((params) => {
  const files = params.changes.map((c) => uriToPath(c.uri)).filter((f): f is string => !!f);
  ctx.annexes.changed(files);
  ctx.filesChanged(files);
  void workspaceCheck.filesChanged(files);
  // a file of an annex folder (附件/) is the plans' of the folder above it too
  const folders = new Set(files.flatMap((f) => (ANNEX_FOLDER.test(path.basename(path.dirname(f))) ? [path.dirname(f), path.dirname(path.dirname(f))] : [path.dirname(f)])));
  const plans = documents.all().map((d) => d.uri).filter((uri) => {
    const file = planFileOf(uri);
    return !!file && folders.has(path.dirname(file));
  });
  refreshAnnexes(plans);
  refreshLensesSoon();
});

connection.languages.diagnostics.on(whenReady((p) => diagnostics.report(p)));
connection.onHover(whenReady((p) => hover(ctx, p)));
connection.onCompletion(whenReady((p) => completion(ctx, p)));
connection.onDefinition(whenReady((p) => definition(ctx, p)));
connection.onReferences(whenReady((p, token) => references(ctx, p, token)));
connection.onCodeAction(whenReady((p) => codeActions(ctx, p)));
connection.languages.inlayHint.on(whenReady((p) => inlayHints(ctx, p)));
connection.onDocumentLinks(whenReady((p) => documentLinks(ctx, p)));
connection.onDocumentSymbol(whenReady((p) => documentSymbols(ctx, p)));
connection.onDocumentHighlight(whenReady((p) => documentHighlights(ctx, p)));
connection.onWorkspaceSymbol(whenReady((p) => workspaceSymbols(ctx, p)));
connection.onCodeLens(whenReady((p, token) => codeLenses(ctx, p, token)));
connection.onPrepareRename(whenReady((p) => prepareRename(ctx, p)));
connection.onRenameRequest(whenReady((p) => rename(ctx, p)));
connection.onRequest(COVERAGE_REQUEST.method, whenReady((p: CoverageParams | null, token) => coverage(ctx, p, token)));
// by method name: the server's vscode-jsonrpc is an older copy than the shared RequestType's, and its types differ
connection.onRequest(EXTRACT_PLAN_REQUEST.method, (p: ExtractPlanParams | null) => extractPlan(p));
connection.onRequest(ASSIGNMENTS_REQUEST.method, whenReady((p: AssignmentsParams | null) => assignments(ctx, p)));
connection.onRequest(REPORT_REQUEST.method, whenReady((p: ReportParams | null) => reviewReport(ctx, p)));
connection.onRequest(COMPARE_PLANS_REQUEST.method, whenReady((p: ComparePlansParams | null) => comparePlans(ctx, p)));
connection.onRequest(REVIEW_COPY_REQUEST.method, whenReady((p: ReviewCopyParams | null) => reviewCopyRequest(ctx, p)));
connection.onRequest(CHECK_WORKSPACE_REQUEST.method, whenReady(async (_p: null, token) => {
  const result = await workspaceCheck.run(token);
  // the open plans it listed are pushed from now on: a pulling client's lists of them are stale
  diagnostics.refreshPulled();
  return result;
}));
// answered before the index is ready too: the status item says why nothing is checked
connection.onRequest(STATUS_REQUEST.method, (p: StatusParams | null) => ({ ...status(ctx, p), codeCache: codeCacheState() }));

documents.listen(connection);
connection.listen();
