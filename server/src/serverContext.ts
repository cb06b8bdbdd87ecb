// The server's state: the task index, open documents, settings, and each document's latest analysis.
import * as fs from 'fs';
import { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzeOptions, Checker, closestAnalysis, DocumentAnalysis, Positions } from './core/analyze';
import { Locale, messages } from './core/messages';
import { ResolvedReference, TaskIndex } from './core/taskIndex';
import { PolicyIndex } from './core/types';
import { SourceFiles } from './convert';
import { buildEngine, Engine } from './engine';
import { engineSources, loadDefaultIndex, loadRules, loadSources, projectRoot } from './indexLoader';
import { RuleData } from './core/thresholds';
import type { TaskSearch } from './core/search';
import { DEFAULT_SETTINGS, Settings } from './settings';
import { CLI_PLAN_FILE, PLAN_FILE, walkFiles } from './planFiles';
import { namesAssignmentTable } from './core/annexPairing';
import { PlanSource, readPlanFile } from './readers/planFile';
import { fileUri, planFileOf, wordPlanFile, wordPlanUri } from './documentUris';
import { FeatureContext, PlanReferences, referencesOf } from './features/featureContext';
import { PlanAnnexes } from './planAnnexes';
import { PlanFileCache } from './planFileCache';
import { YoungGeneration } from './youngGeneration';

/** How many plans on disk keep their references (ServerContext.referencesIn). */
const MAX_DISK_REFERENCES = 2000;

/** The server's FeatureContext: what the features read, and what only the server does (sources, pruning, the connection). */
export class ServerContext implements FeatureContext {
  locale: Locale = 'zh';
  settings: Settings = DEFAULT_SETTINGS;
  index: TaskIndex;
  checker: Checker;
  readonly sources: SourceFiles;
  workspaceFolders: string[] = [];
  /** Set when data/index.json could not be loaded: every feature then answers with nothing. */
  loadError?: string;
  sourceErrors: string[] = [];
  /** Each open document's latest analysis, and the one before it (whose paragraphs the checker's cache keeps too). */
  private analyses = new Map<string, { version: number; options: AnalyzeOptions; analysis: DocumentAnalysis; previous?: DocumentAnalysis; ms: number }>();
  /** A pruning of the checker's cache waits to run after the diagnostics it was due with are published. */
  private pruneScheduled = false;
  private base?: PolicyIndex;
  private optionsCache?: AnalyzeOptions;
  /** By URI: the options of a document checked with its 分工表, and the shared options they were made from. */
  private readonly annexedOptions = new Map<string, { base: AnalyzeOptions; options: AnalyzeOptions }>();
  /** The 分工表 of the open plans whose 分工表 is a file of its own. */
  readonly annexes: PlanAnnexes;
  private searchCache?: { index: TaskIndex; search: TaskSearch };
  private rules: RuleData = { subjects: [] };
  /** The workspace's plan files as read, while unchanged on disk (workspaceFiles). */
  private readonly planFiles = new PlanFileCache((file) => readPlanFile(file));
  /**
   * The references of plans that are not open, by URI, while their text (the same string, from planFiles), the index
   * and the options stay: a workspace scan (coverage, a source's code lenses) does not check every plan again.
   */
  private readonly diskReferences = new Map<string, { text: string; index: TaskIndex; options: AnalyzeOptions; refs: PlanReferences }>();
  /** The heap's young generation grows during a check of much new text (youngGeneration.ts). */
  readonly youngGeneration = new YoungGeneration();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly root: string = projectRoot(),
  ) {
    this.sources = new SourceFiles(root, true);
    try {
      this.base = loadDefaultIndex(root);
      this.rules = loadRules(root);
    } catch (e) {
      this.loadError = (e as Error).message;
      this.base = undefined;
    }
    ({ index: this.index, checker: this.checker } = this.wired(buildEngine(this.base ? [this.base] : [], this.rules)));
    this.annexes = new PlanAnnexes({
      openDocument: (file) => this.documents.get(fileUri(file)) ?? this.documents.get(wordPlanUri(file)),
      ownAnalysis: (doc) => this.analysis(doc),
      analyzeText: (text) => this.check(text, this.analyzeOptions),
      fileOf: planFileOf,
      maxBytes: () => this.settings.maxFileSizeKB * 1024,
    });
  }

  /** An engine whose checker tells the young generation how much new text a check works through. */
  private wired(engine: Engine): Engine {
    engine.checker.onFreshParagraph = (chars) => this.youngGeneration.freshParagraph(chars);
    return engine;
  }

  get ready(): boolean {
    return !this.loadError;
  }

  /** Re-reads policyLens.sources; returns one message per source that failed, the others keep working. */
  async loadSources(sources: Settings['sources']): Promise<string[]> {
    if (!this.base) return [];
    // the same loader as the CLI's: any format (text in any encoding, Markdown, Word), one error per failed source
    const loaded = await loadSources(sources, this.workspaceFolders[0]);
    const { errors, failed } = loaded;
    ({ index: this.index, checker: this.checker } = this.wired(buildEngine(engineSources(this.base, loaded), this.rules, failed)));
    this.analyses.clear();
    this.annexes.reset();
    this.sourceErrors = errors;
    return errors;
  }

  /** The options of every analysis: one object while locale and settings stay, so analyses can build on each other. */
  get analyzeOptions(): AnalyzeOptions {
    const o = this.optionsCache;
    const { severity, referenceStyle, structure } = this.settings;
    if (o && o.locale === this.locale && o.severity === severity && o.referenceStyle === referenceStyle && o.structure === structure) return o;
    return (this.optionsCache = { locale: this.locale, severity, referenceStyle, structure });
  }

  /** Fuzzy search over the tasks, built on first use for the current index. */
  get search(): TaskSearch {
    if (!this.searchCache || this.searchCache.index !== this.index) {
      // loaded on first use: pinyin-pro's dictionary is most of the server's start-up memory
      const { TaskSearch } = require('./core/search') as typeof import('./core/search');
      const matcher = this.checker.context.matcher;
      this.searchCache = { index: this.index, search: new TaskSearch(this.index.tasks, (text) => matcher.scoreAll(text)) };
    }
    return this.searchCache.search;
  }

  /** Above policyLens.maxFileSizeKB, counted in UTF-8 bytes as on disk. */
  isTooLarge(doc: TextDocument): boolean {
    const length = doc.getText().length;
    const limit = this.settings.maxFileSizeKB * 1024;
    // a UTF-16 unit is 1–3 bytes: count the bytes only when the length alone does not settle it
    if (length * 3 <= limit) return false;
    if (length > limit) return true;
    return this.sizeInBytes(doc) > limit;
  }

  sizeInBytes(doc: TextDocument): number {
    return Buffer.byteLength(doc.getText(), 'utf8');
  }

  /**
   * The options of a document's analyses: the shared ones, with its 分工表 when that is a file of its own (planAnnexes.ts);
   * one object while both stay, so its analyses can build on each other.
   */
  private optionsFor(uri: string): AnalyzeOptions {
    const base = this.analyzeOptions;
    const annex = this.annexes.of(uri);
    if (!annex) {
      this.annexedOptions.delete(uri);
      return base;
    }
    const known = this.annexedOptions.get(uri);
    if (known && known.base === base && known.options.annex === annex) return known.options;
    const options = { ...base, annex };
    this.annexedOptions.set(uri, { base, options });
    return options;
  }

  /** The analysis of a document's current version, computed at most once per version (and its 分工表). */
  analysis(doc: TextDocument): DocumentAnalysis {
    const options = this.optionsFor(doc.uri);
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version && cached.options === options) return cached.analysis;
    const text = doc.getText();
    // the editor's document keeps its line offsets up to date incrementally: use them rather than a new LineIndex
    const positions = { positionAt: (o: number) => doc.positionAt(o), offsetAt: (p: { line: number; character: number }) => doc.offsetAt(p) };
    const started = performance.now();
    const analysis = this.isTooLarge(doc)
      ? DocumentAnalysis.empty(text, positions)
      : this.check(text, options, positions, cached?.analysis ?? this.openedLike(text, options));
    this.analyses.set(doc.uri, { version: doc.version, options, analysis, previous: cached?.analysis, ms: performance.now() - started });
    // after the caller has used it (published its diagnostics): pruning walks every live paragraph
    if (this.checker.wantsPruning && !this.pruneScheduled) {
      this.pruneScheduled = true;
      setImmediate(() => {
        this.pruneScheduled = false;
        this.pruneCache();
      });
    }
    return analysis;
  }

  /**
   * Every check of the server's, with the young generation allowed to grow for a large one. A method of its own: a
   * closure made in `analysis` would share its scope with the `positions` the analysis keeps, and so keep every earlier
   * version alive through `cached`.
   */
  private check(text: string, options: AnalyzeOptions, positions?: Positions, previous?: DocumentAnalysis): DocumentAnalysis {
    return this.youngGeneration.during(() => this.checker.analyze(text, options, positions, previous));
  }

  /**
   * For a document's first analysis: the analysis of an open document with most of its text (a copy, the same file
   * under another URI), which its check then builds on as on an earlier version.
   */
  private openedLike(text: string, options: AnalyzeOptions): DocumentAnalysis | undefined {
    if (!this.analyses.size) return undefined;
    const live: DocumentAnalysis[] = [];
    for (const [uri, a] of this.analyses) if (this.documents.get(uri)) live.push(a.analysis);
    return closestAnalysis(text, options, live);
  }

  lastCheckMs(uri: string): number | undefined {
    return this.analyses.get(uri)?.ms;
  }

  async fileOptions(file: string | undefined): Promise<AnalyzeOptions> {
    const annex = file ? await this.annexes.ofFile(file) : undefined;
    return annex ? { ...this.analyzeOptions, annex } : this.analyzeOptions;
  }

  /** Whether a document is the text of a loaded source (opened by go to definition, or in the workspace): not a plan. */
  isSource(uri: string): boolean {
    const file = planFileOf(uri);
    return !!file && this.sources.isSource(this.index.sources, file);
  }

  /** Releases a closed document's analyses, and the cached paragraph results only it used. */
  forget(uri: string): void {
    this.annexes.forget(uri);
    this.annexedOptions.delete(uri);
    if (this.analyses.delete(uri)) this.pruneCache();
  }

  /** Keeps the checker's cached paragraph results of the open documents' current and previous versions only. */
  private pruneCache(): void {
    const live: DocumentAnalysis[] = [];
    for (const [uri, a] of this.analyses) {
      // an analysis of a document that is no longer open (closed before forget ran) is not live
      if (!this.documents.get(uri)) continue;
      live.push(a.analysis);
      if (a.previous) live.push(a.previous);
    }
    this.checker.retainOnly(live);
  }

  /** Plan files the client's watcher says were created, changed or deleted: read again when next scanned. */
  filesChanged(files: readonly string[]): void {
    for (const f of files) this.planFiles.forget(f);
  }

  invalidateAll(): void {
    this.analyses.clear();
    this.diskReferences.clear();
  }

  /** The reference under an offset, if any (its end included, as the cursor can sit right after it). */
  referenceAt(doc: TextDocument, offset: number): ResolvedReference | undefined {
    return this.analysis(doc).referenceAt(offset);
  }

  /** A document's references and positions: the open document's analysis, else a scan of the file's text. */
  referencesIn(uri: string, text: string): PlanReferences {
    const open = this.documents.get(uri);
    if (open) return referencesOf(this.analysis(open));
    const options = this.analyzeOptions;
    const kept = this.diskReferences.get(uri);
    if (kept && kept.text === text && kept.index === this.index && kept.options === options) return kept.refs;
    // a file on disk is analysed like an open one (its paragraphs are cached): coverage needs its restatements too
    const refs = referencesOf(this.check(text, options));
    this.diskReferences.delete(uri);
    this.diskReferences.set(uri, { text, index: this.index, options, refs });
    // the least recently asked go first (Map keeps insertion order)
    for (const oldest of this.diskReferences.keys()) {
      if (this.diskReferences.size <= MAX_DISK_REFERENCES) break;
      this.diskReferences.delete(oldest);
    }
    return refs;
  }

  /**
   * Workspace plans (Markdown, text in any supported encoding, Word, an Excel 分工表 by its name) with their text; not the open ones' stale disk
   * copies, nor a Word file whose extracted view is open. A file that cannot be read (or is above policyLens.maxFileSizeKB)
   * is skipped, and told to `unreadable` when the caller asks (the workspace check, which the user asked for).
   */
  async *workspaceFiles(unreadable?: (file: string, error: string) => void): AsyncGenerator<{ uri: string; text: string }> {
    const open = new Set<string>();
    for (const uri of this.documents.keys()) {
      open.add(uri);
      const viewed = wordPlanFile(uri);
      if (viewed) open.add(fileUri(viewed));
    }
    for (const doc of this.documents.all()) if (!this.isSource(doc.uri)) yield { uri: doc.uri, text: doc.getText() };
    const seen = new Set<string>();
    for (const folder of this.workspaceFolders) {
      // a workbook when its name says it is a 分工表 (its rows are a plan's, as the CLI counts them), not any other
      for (const file of walkFiles(folder, (f) => PLAN_FILE.test(f) || (CLI_PLAN_FILE.test(f) && namesAssignmentTable(f)), seen)) {
        if (open.has(fileUri(file)) || this.sources.isSource(this.index.sources, file)) continue;
        let plan: PlanSource;
        try {
          const stat = fs.statSync(file);
          if (stat.size > this.settings.maxFileSizeKB * 1024) {
            unreadable?.(file, messages(this.locale).tooLarge(Math.round(stat.size / 1024), this.settings.maxFileSizeKB));
            continue;
          }
          plan = await this.planFiles.get(file, stat);
        } catch (e) {
          unreadable?.(file, (e as Error).message);
          continue;
        }
        // the 分工表 the extension exports repeats a plan's items: counted once, in the plan
        if (plan.generated) continue;
        // a Word or Excel plan's places are lines of its extracted text: they open in the client's view of it
        yield { uri: plan.format === 'markdown' || plan.format === 'text' ? fileUri(file) : wordPlanUri(file), text: plan.text };
      }
    }
  }
}
