// Turns core findings into LSP diagnostics and source spans into LSP locations (shared by the server and the CLI).
import * as path from 'path';
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, Range } from 'vscode-languageserver';
import { Finding, RelatedSpan, Severity } from './core/findings';
import { LineSpan, PolicyIndex } from './core/types';
import { projectRoot, sourcePath } from './indexLoader';
import { VIEWED_FILE } from './planFiles';
import { fileUri, wordPlanUri } from './documentUris';

export const SOURCE = 'policy-lens';

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Source documents (seeds) by their index name: their URI and the ranges of spans, without reading them. */
export class SourceFiles {
  /** URIs by index name: every related span of every diagnostic names one. */
  private uris = new Map<string, string>();
  /** The UTF-8 JSON of a related span's relatedInformation item, by span (findings about a task share theirs). */
  private relatedJson = new WeakMap<RelatedSpan, Buffer>();
  /** The resolved paths of a list of sources (a TaskIndex keeps its list while it lives). */
  private sourcePaths = new WeakMap<readonly PolicyIndex[], Set<string>>();

  /**
   * `views`: a source kept as Word, Excel or PDF is linked as the editor's read-only view of its text (the Word plan
   * scheme), whose lines its tasks' lines are; the CLI names the file itself.
   */
  constructor(readonly root: string = projectRoot(), private readonly views = false) {}

  path(sourceFile: string): string {
    return sourcePath(sourceFile, this.root);
  }

  /**
   * Whether a file on disk is the text of one of `sources`. A source is not a plan: checked as one, it would restate
   * (and, beside another source, contradict) its own tasks, so editors and the CLI leave it unchecked.
   */
  isSource(sources: readonly PolicyIndex[], file: string): boolean {
    let files = this.sourcePaths.get(sources);
    if (!files) this.sourcePaths.set(sources, (files = new Set(sources.map((s) => path.resolve(this.path(s.sourceFile))))));
    return files.has(path.resolve(file));
  }

  uri(sourceFile: string): string {
    let uri = this.uris.get(sourceFile);
    if (uri === undefined) {
      const file = this.path(sourceFile);
      uri = this.views && VIEWED_FILE.test(file) ? wordPlanUri(file) : fileUri(file);
      this.uris.set(sourceFile, uri);
    }
    return uri;
  }

  /**
   * The whole lines of a span: from the start of its first line to the start of the line after its last. Nothing
   * is read from the source file: its line ends are not needed to select whole lines.
   */
  range(_sourceFile: string, span: LineSpan): Range {
    return { start: { line: span.startLine, character: 0 }, end: { line: span.endLine + 1, character: 0 } };
  }

  location(sourceFile: string, span: LineSpan): Location {
    return { uri: this.uri(sourceFile), range: this.range(sourceFile, span) };
  }

  /** The relatedInformation item of a related span. */
  relatedInformation(r: RelatedSpan): DiagnosticRelatedInformation {
    return { location: this.location(r.sourceFile, r.span), message: r.message };
  }

  /** JSON.stringify of relatedInformation(r), as UTF-8, made once per span. */
  relatedItem(r: RelatedSpan): Buffer {
    let json = this.relatedJson.get(r);
    if (!json) this.relatedJson.set(r, (json = Buffer.from(JSON.stringify(this.relatedInformation(r)), 'utf8')));
    return json;
  }
}

/** What a diagnostic of `f` holds besides its range and severity: toDiagnostic without them. */
export function diagnosticFields(f: Finding, sources: SourceFiles): Omit<Diagnostic, 'range' | 'severity'> {
  const { range: _range, severity: _severity, ...fields } = toDiagnostic(f, NO_LINES, sources);
  return fields;
}

const NO_LINES = { range: (): Range => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }) };

/**
 * The UTF-8 of JSON.stringify(diagnosticFields(f, sources)) with its opening brace turned into a comma (what the
 * stdio encoder writes after a diagnostic's range and severity), written from its pieces: no fields object, no JSON
 * of the whole, and the related items' JSON made once per related span. The same bytes as encodeTail of the fields.
 */
export function encodeFindingTail(f: Finding, sources: SourceFiles): Buffer {
  const head = `,"code":${JSON.stringify(f.code)},"source":${JSON.stringify(SOURCE)},"message":${JSON.stringify(f.message)}`;
  const related = f.related.length ? f.related.map((r) => sources.relatedItem(r)) : undefined;
  let size = Buffer.byteLength(head, 'utf8') + 1;
  if (related) {
    size += RELATED_OPEN.length + related.length; // the items' commas and the closing bracket
    for (const r of related) size += r.length;
  }
  const out = Buffer.allocUnsafe(size);
  let at = out.write(head, 0, 'utf8');
  if (related) {
    at += RELATED_OPEN.copy(out, at);
    for (let i = 0; i < related.length; i++) {
      if (i) out[at++] = 0x2c; // ,
      at += related[i].copy(out, at);
    }
    out[at++] = 0x5d; // ]
  }
  out[at] = 0x7d; // }
  return out;
}

const RELATED_OPEN = Buffer.from(',"relatedInformation":[', 'latin1');

export function toDiagnostic(f: Finding, lines: { range(start: number, end: number): Range }, sources: SourceFiles): Diagnostic {
  const d: Diagnostic = {
    range: lines.range(f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: SOURCE,
    message: f.message,
  };
  if (f.related.length) {
    d.relatedInformation = f.related.map((r) => sources.relatedInformation(r));
  }
  return d;
}
