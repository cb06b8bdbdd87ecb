// Custom requests and the settings shape, shared by the client and the server (declared once, typed).
import { NotificationType0, RequestType } from 'vscode-jsonrpc';

/** Server → client: the task index or settings changed, so answers derived from earlier ones (coverage) are stale. */
export const INDEX_CHANGED_NOTIFICATION = new NotificationType0('policyLens/indexChanged');

/** The parameters of policyLens/coverage (COVERAGE_REQUEST). */
export interface CoverageParams {
  /** Documents to count; none (or an empty list) counts the whole workspace. */
  uris?: string[];
}

export interface CoverageLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** The reference as written. */
  text: string;
}

export interface CoverageTask {
  id: string;
  /** The prefix of the task's source ('' for the default one). */
  prefix: string;
  table: number;
  item: number;
  /** 表1第12项 */
  reference: string;
  text: string;
  domain?: string;
  category: string;
  /** Zero-based line of the task in its source text. */
  line: number;
  /** cited: a document cites it; restated: none cites it but an uncited item restates it; missing: neither. */
  state: 'cited' | 'restated' | 'missing';
  locations: CoverageLocation[];
  /** The uncited items that restate it. */
  restatedAt: CoverageLocation[];
}

export interface CoverageTable {
  number: number;
  title: string;
  taskCount: number;
}

export interface CoverageSource {
  prefix: string;
  title: string;
  tables: CoverageTable[];
}

export interface CoverageResult {
  total: number;
  cited: number;
  restated: number;
  /** The default source's tables. */
  tables: CoverageTable[];
  /** Every loaded source, the default one first. */
  sources: CoverageSource[];
  tasks: CoverageTask[];
  /** Asked of documents that are all texts of the sources (a source covers nothing: the counts are 0; no plan to count). */
  onlySources?: boolean;
}

/** policyLens/coverage: which of the tasks are cited, and where. */
export const COVERAGE_REQUEST = new RequestType<CoverageParams | null, CoverageResult, void>('policyLens/coverage');

export type ReferenceStyleSetting = '表1第35项' | 'T1.35';

export interface SourceSetting {
  path: string;
  prefix: string;
}

/** The `policyLens` settings section. */
export interface PolicyLensSettings {
  referenceStyle: ReferenceStyleSetting;
  completion: { trigger: string };
  inlayHints: { enabled: boolean };
  diagnostics: { debounceMs: number } & Record<string, { severity?: string } | number>;
  maxFileSizeKB: number;
  sources: SourceSetting[];
}

/**
 * The client's command a quick fix runs in a read-only Word or Excel view, where no edit can apply: it copies the fix's
 * text (its one argument) for the user to make the change in the file itself.
 */
export const COPY_FIX_COMMAND = 'policyLens.copyFix';

/**
 * The client's command a code lens of a source's task runs: shows the places the workspace cites or restates the task
 * (arguments: the source document's URI, the task's position, and the locations), as VS Code's reference code lenses do.
 */
export const SHOW_CITATIONS_COMMAND = 'policyLens.showCitations';

/**
 * The extensions of the files plans are kept in, by kind: Markdown and text, Word (WPS Writer's .wps builds on .doc)
 * and Excel (a 分工表; WPS Spreadsheets' .et builds on .xls), the fixed-layout formats, PDF and OFD (GB/T 33190,
 * in which official documents circulate in China), and web pages (a plan as a site publishes it): a plan circulated as
 * one of the last two kinds is read when named, or by the CLI in a folder, not in the editor's workspace scans. The server's folder walks and watchers and the client's
 * views, watchers and file dialogs all take them from here (package.json's menus name them again).
 */
export const PLAN_EXTENSIONS = {
  text: ['md', 'markdown', 'txt'],
  word: ['docx', 'doc', 'wps'],
  excel: ['xlsx', 'xls', 'et'],
  pdf: ['pdf', 'ofd'],
  /** A plan as a government site publishes it, saved from the browser. */
  web: ['html', 'htm'],
} as const;

/**
 * What the review's copy of a plan is called, `plan（审核意见）.docx` beside `plan.docx` (or `.xlsx`, `.pdf`, `.ofd`; `policy-lens
 * annotate`): the plan again with the findings as comments, so no scan of plans takes it for one.
 */
export const REVIEW_COPY_SUFFIX = '（审核意见）';

/** The files a review's copy is written of (the formats that carry comments): Word, Excel, PDF and OFD. */
export const REVIEW_COPY_EXTENSIONS = ['docx', 'xlsx', 'pdf', 'ofd'] as const;

/** The scheme of the client's read-only view of a Word plan: `policy-lens-word:` + the .docx file's path. */
export const WORD_PLAN_SCHEME = 'policy-lens-word';

export interface ExtractPlanParams {
  /** The `file:` URI of a plan on disk (a Word .docx, or a text file in any supported encoding). */
  uri: string;
}

/**
 * The plan's text as the checker reads it, or why it cannot be read (`cannot read plan.docx: not a Word .docx document`);
 * `revisions`: a Word plan with tracked changes (修订), its text Word's Final view (every change accepted).
 */
export type ExtractPlanResult = { text: string; paragraphOfLine?: number[]; revisions?: boolean } | { error: string };

/** policyLens/extractPlan: the text of a plan file as the server reads it, for the client's Word plan view. */
export const EXTRACT_PLAN_REQUEST = new RequestType<ExtractPlanParams, ExtractPlanResult, void>('policyLens/extractPlan');

/** The formats of the 任务分工表 export. */
export type AssignmentsFormat = 'md' | 'csv' | 'json' | 'xlsx';

export interface AssignmentsParams {
  /** Plans to export; none (or an empty list) exports every plan of the workspace. */
  uris?: string[];
  format: AssignmentsFormat;
}

/**
 * The export as the file's content: text (md, csv with its BOM, json) as it is, an xlsx workbook in base64 (JSON-RPC
 * carries no bytes); or why there is none.
 */
export type AssignmentsResult = { content: string; encoding: 'utf8' | 'base64'; plans: number; rows: number } | { error: string };

/** policyLens/assignments: the plans' 任务分工表 (序号 … 检查结果), rendered by the server in the asked format. */
export const ASSIGNMENTS_REQUEST = new RequestType<AssignmentsParams, AssignmentsResult, void>('policyLens/assignments');

export interface ReportParams {
  /** Plans to report on; none (or an empty list) reports on every plan of the workspace. */
  uris?: string[];
}

/** The reviewer's report as one HTML page (no network), with how many plans and findings it holds; or why there is none. */
export type ReportResult = { html: string; plans: number; findings: number } | { error: string };

/** policyLens/report: the reviewer's report of the plans (findings, the task matrix, lead units), as `policy-lens report` writes it. */
export const REPORT_REQUEST = new RequestType<ReportParams | null, ReportResult, void>('policyLens/report');

export interface ComparePlansParams {
  /** The earlier version of the plan (the 征求意见稿): a document's URI, open or on disk. */
  before: string;
  /** The later version (the 修改稿); the same URI as `before`: a Word plan before its tracked changes (修订) and with them. */
  after: string;
}

/**
 * The comparison as a Markdown section in the editor's language (as `policy-lens compare --format md` writes it), with its counts;
 * or why there is none (a version that cannot be read).
 */
export type ComparePlansResult =
  | { markdown: string; coverageChanges: number; assignmentChanges: number; resolved: number; added: number; kept: number }
  | { error: string };

/** policyLens/comparePlans: what a plan's later version changed against the earlier (tasks, assignments, findings). */
export const COMPARE_PLANS_REQUEST = new RequestType<ComparePlansParams, ComparePlansResult, void>('policyLens/comparePlans');

export interface ReviewCopyParams {
  /** The plan: a Word .docx, Excel .xlsx, PDF or OFD file's `file:` URI, or its view's (`policy-lens-word:`). */
  uri: string;
  /** A Word plan's preferred fixes as tracked changes (修订) too. */
  trackChanges?: boolean;
}

/**
 * The review's copy of the plan in base64 (JSON-RPC carries no bytes): its comments, how many of them are on the text
 * they are about (the others on its paragraph, row or page), and a Word plan's tracked changes written and left to their
 * comments; or why there is none (not a .docx, .xlsx or PDF, a file that cannot be read).
 */
export type ReviewCopyResult =
  | { content: string; comments: number; onText: number; revisions?: { written: number; skipped: number } }
  | { error: string };

/** policyLens/reviewCopy: a plan's findings as comments (批注) in a copy of its Word, Excel or PDF file, as `policy-lens annotate` writes it. */
export const REVIEW_COPY_REQUEST = new RequestType<ReviewCopyParams, ReviewCopyResult, void>('policyLens/reviewCopy');

/** policyLens/status: what the language status item shows: the sources loaded, and the document's last check. */
export interface StatusParams {
  /** The document the editor shows; none for the sources alone. */
  uri?: string;
}

export interface StatusSource {
  /** '' for the default source. */
  prefix: string;
  title: string;
  /** 文号 */
  docNumber: string;
  tasks: number;
  /** Loaded from the settings in the bundled source's place (another city's 总体方案): the status item names it. */
  inPlace?: boolean;
}

export interface StatusResult {
  /** False when the task index could not be loaded (`error` says why): nothing is checked. */
  ready: boolean;
  error?: string;
  sources: StatusSource[];
  /** Configured sources that failed to load, one message each. */
  sourceErrors: string[];
  /** The document's latest check, when it is open. */
  document?: {
    /** Findings by severity, as published. */
    errors: number;
    warnings: number;
    others: number;
    /** Above policyLens.maxFileSizeKB: not checked. */
    tooLarge: boolean;
    /** The text of a loaded source: not a plan, not checked. */
    source: boolean;
    /** How long its latest check took in the server, when it was checked in this session. */
    checkMs?: number;
    /** The name of its 分工表 when that is a file of its own, beside it, that it is checked with. */
    annex?: string;
  };
  /** How the server's code was compiled when it started (server/src/codeCache.ts); absent when it was not started by its loader. */
  codeCache?: CodeCacheState;
}

/**
 * `used`: from the V8 code cache made at an earlier start; `rejected`: from its source, as V8 refused the cache (another
 * Node or other flags); `absent`: from its source, as there was none for this build and Node (one is written for the
 * next start); `off`: POLICY_LENS_CODE_CACHE=off.
 */
export type CodeCacheState = 'used' | 'rejected' | 'absent' | 'off';

export const STATUS_REQUEST = new RequestType<StatusParams | null, StatusResult, void>('policyLens/status');

/** A plan policyLens/checkWorkspace checked: where it is and its findings by severity. */
export interface WorkspacePlanCounts {
  /** The URI its diagnostics stand under: the file's, or (a Word, Excel or PDF plan) its read-only view's. */
  uri: string;
  /** Its path in the workspace, as the Explorer shows it. */
  file: string;
  /** Open in the editor: its counts and diagnostics are its live ones (the editor's text), not its disk's. */
  open: boolean;
  errors: number;
  warnings: number;
  others: number;
}

export interface CheckWorkspaceResult {
  plans: WorkspacePlanCounts[];
  /** The workspace's plan files that could not be read or checked, each with why. */
  unreadable: { file: string; error: string }[];
}

/**
 * policyLens/checkWorkspace: every plan of the workspace checked, and the findings of those that are not open pushed as
 * their diagnostics (textDocument/publishDiagnostics), for the editor's list of problems; answers what it checked.
 */
export const CHECK_WORKSPACE_REQUEST = new RequestType<null, CheckWorkspaceResult, void>('policyLens/checkWorkspace');
