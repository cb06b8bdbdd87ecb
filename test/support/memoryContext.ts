// A FeatureContext without a server or a connection: the engine of data/, documents held in memory, the default
// settings (or those given). What the features' unit tests hand them in place of the server's ServerContext.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalyzeOptions, DocumentAnalysis } from '../../server/src/core/analyze';
import { TaskSearch } from '../../server/src/core/search';
import { SourceFiles } from '../../server/src/convert';
import { loadEngine } from '../../server/src/engine';
import { FeatureContext, PlanReferences, referencesOf } from '../../server/src/features/featureContext';
import { DEFAULT_SETTINGS, Settings } from '../../server/src/settings';
import { uriToPath } from '../../server/src/documentUris';

export interface MemoryContext extends FeatureContext {
  /** Opens (or replaces) a document. */
  open(uri: string, text: string, languageId?: string): TextDocument;
  /** Closes a document: it is no longer open. */
  close(uri: string): void;
  ready: boolean;
  loadError?: string;
}

export function memoryContext(root: string, settings: Partial<Settings> = {}): MemoryContext {
  const { index, checker } = loadEngine(root);
  const open = new Map<string, TextDocument>();
  const full: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const options: AnalyzeOptions = { locale: 'zh', severity: full.severity, referenceStyle: full.referenceStyle, structure: full.structure };
  const analyses = new Map<TextDocument, DocumentAnalysis>();
  let search: TaskSearch | undefined;
  const ctx: MemoryContext = {
    ready: true,
    sourceErrors: [],
    index,
    checker,
    locale: 'zh',
    settings: full,
    sources: new SourceFiles(root),
    workspaceFolders: [],
    documents: { get: (uri) => open.get(uri), keys: () => [...open.keys()], all: () => [...open.values()] },
    get search() {
      return (search ??= new TaskSearch(index.tasks, (text) => checker.context.matcher.scoreAll(text)));
    },
    open(uri, text, languageId = 'markdown') {
      const doc = TextDocument.create(uri, languageId, (open.get(uri)?.version ?? 0) + 1, text);
      open.set(uri, doc);
      return doc;
    },
    close(uri) {
      open.delete(uri);
    },
    analysis(doc) {
      let analysis = analyses.get(doc);
      if (!analysis) analyses.set(doc, (analysis = checker.analyze(doc.getText(), options, doc)));
      return analysis;
    },
    referenceAt: (doc, offset) => ctx.analysis(doc).referenceAt(offset),
    referencesIn(uri, text): PlanReferences {
      const doc = open.get(uri);
      const analysis = doc ? ctx.analysis(doc) : checker.analyze(text, options);
      return referencesOf(analysis);
    },
    lastCheckMs: () => undefined,
    // a source's text is no plan (the server's ServerContext.isSource)
    isSource(uri) {
      const file = uriToPath(uri);
      return !!file && ctx.sources.isSource(index.sources, file);
    },
    isTooLarge: (doc) => Buffer.byteLength(doc.getText(), 'utf8') > full.maxFileSizeKB * 1024,
    sizeInBytes: (doc) => Buffer.byteLength(doc.getText(), 'utf8'),
    fileOptions: async () => options,
    async *workspaceFiles() {
      for (const doc of open.values()) if (!ctx.isSource(doc.uri)) yield { uri: doc.uri, text: doc.getText() };
    },
  };
  return ctx;
}
