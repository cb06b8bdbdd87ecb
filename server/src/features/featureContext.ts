// What the features read of the server's state, as one interface that each feature narrows to the part it uses (a
// Pick): the server hands them its ServerContext, a unit test a plain object over the engine, with no connection.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzeOptions, Checker, DocumentAnalysis } from '../core/analyze';
import type { BareReference } from '../core/bareNumbers';
import type { Locale } from '../core/messages';
import type { TaskSearch } from '../core/search';
import type { ResolvedReference, TaskIndex } from '../core/taskIndex';
import type { Range, Task } from '../core/types';
import type { SourceFiles } from '../convert';
import type { Settings } from '../settings';

/** The documents open in the client, by URI. */
export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  keys(): string[];
  all(): TextDocument[];
}

/** What a plan cites and restates, with the positions of its text (see FeatureContext.referencesIn). */
export interface PlanReferences {
  references: ResolvedReference[];
  restatements: { task: Task; start: number; end: number }[];
  resolvedBare: BareReference[];
  lines: { range(start: number, end: number): Range };
}

/** A plan's references as its analysis holds them (what referencesIn answers). */
export function referencesOf(analysis: DocumentAnalysis): PlanReferences {
  return { references: analysis.references, restatements: analysis.restatements, resolvedBare: analysis.bareReferences.filter((b) => b.resolved), lines: analysis.lines };
}

export interface FeatureContext {
  /** False when data/index.json could not be loaded: every feature then answers with nothing. */
  readonly ready: boolean;
  /** Why it is not ready. */
  readonly loadError?: string;
  /** The messages of the configured sources that failed to load. */
  readonly sourceErrors: readonly string[];
  readonly index: TaskIndex;
  readonly checker: Checker;
  readonly locale: Locale;
  readonly settings: Settings;
  /** Where each source's file is, for locations in it. */
  readonly sources: SourceFiles;
  readonly workspaceFolders: readonly string[];
  readonly documents: OpenDocuments;
  /** Fuzzy search over the tasks. */
  readonly search: TaskSearch;
  /** The analysis of an open document's current version. */
  analysis(doc: TextDocument): DocumentAnalysis;
  /** The reference under an offset, its end included. */
  referenceAt(doc: TextDocument, offset: number): ResolvedReference | undefined;
  /** A plan's references: the open document's analysis, else a check of `text`. */
  referencesIn(uri: string, text: string): PlanReferences;
  /** How long the latest check of an open document took, in milliseconds (undefined before its first). */
  lastCheckMs(uri: string): number | undefined;
  /** Whether a document is the text of a loaded source (not a plan: not checked). */
  isSource(uri: string): boolean;
  /** Above policyLens.maxFileSizeKB. */
  isTooLarge(doc: TextDocument): boolean;
  sizeInBytes(doc: TextDocument): number;
  /** The workspace's plans with their text, the open documents first; those that cannot be read told to `unreadable`. */
  workspaceFiles(unreadable?: (file: string, error: string) => void): AsyncGenerator<{ uri: string; text: string }>;
  /** The options a plan that is not open is checked with: the settings', and its 分工表 when that is a file beside it. */
  fileOptions(file: string | undefined): Promise<AnalyzeOptions>;
}

/** What describeTask reads: a task's source, its file and the locale. */
export type TaskDescriber = Pick<FeatureContext, 'index' | 'sources' | 'locale'>;

/** What a feature over one open document reads first. */
export type OpenDocumentContext = Pick<FeatureContext, 'ready' | 'documents' | 'analysis'>;
