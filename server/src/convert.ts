// Turns core findings into LSP diagnostics and source spans into LSP locations (shared by the server and the CLI).
import { pathToFileURL } from 'url';
import { Diagnostic, DiagnosticSeverity, Location, Range } from 'vscode-languageserver';
import { Finding, Severity } from './core/findings';
import { LineSpan } from './core/types';
import { projectRoot, sourcePath } from './indexLoader';

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

  constructor(readonly root: string = projectRoot()) {}

  path(sourceFile: string): string {
    return sourcePath(sourceFile, this.root);
  }

  uri(sourceFile: string): string {
    let uri = this.uris.get(sourceFile);
    if (uri === undefined) this.uris.set(sourceFile, (uri = pathToFileURL(this.path(sourceFile)).toString()));
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
}

export function toDiagnostic(f: Finding, lines: { range(start: number, end: number): Range }, sources: SourceFiles): Diagnostic {
  const d: Diagnostic = {
    range: lines.range(f.start, f.end),
    severity: SEVERITY[f.severity],
    code: f.code,
    source: SOURCE,
    message: f.message,
  };
  if (f.related.length) {
    d.relatedInformation = f.related.map((r) => ({ location: sources.location(r.sourceFile, r.span), message: r.message }));
  }
  return d;
}
