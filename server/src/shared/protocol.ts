// Custom requests and the settings shape, shared by the client and the server (declared once, typed).

/** Server → client: the task index or settings changed, so answers derived from earlier ones (coverage) are stale. */
export const INDEX_CHANGED_NOTIFICATION = 'policyLens/indexChanged';

/** policyLens/coverage: which of the tasks are cited, and where. */
export const COVERAGE_REQUEST = 'policyLens/coverage';

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
  table: number;
  item: number;
  /** 表1第12项 */
  reference: string;
  text: string;
  domain?: string;
  category: string;
  /** Zero-based line of the task in its source text. */
  line: number;
  locations: CoverageLocation[];
}

export interface CoverageTable {
  number: number;
  title: string;
  taskCount: number;
}

export interface CoverageResult {
  total: number;
  cited: number;
  tables: CoverageTable[];
  tasks: CoverageTask[];
}

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
