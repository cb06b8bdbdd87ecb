// Turns core findings into LSP diagnostics and source spans into LSP locations (shared by the server and the CLI).
import * as fs from 'fs';
import { pathToFileURL } from 'url';
import { Diagnostic, DiagnosticSeverity, Location, Range } from 'vscode-languageserver';
import { Finding, Severity } from './core/findings';
import { LineIndex } from './core/text';
import { LineSpan } from './core/types';
import { projectRoot, sourcePath } from './indexLoader';

export const SOURCE = 'policy-lens';

export const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Source documents (seeds) by their index name: URI and line ranges of spans, read once. */
export class SourceFiles {
  private lines = new Map<string, LineIndex | null>();

  constructor(readonly root: string = projectRoot()) {}

  path(sourceFile: string): string {
    return sourcePath(sourceFile, this.root);
  }

  uri(sourceFile: string): string {
    return pathToFileURL(this.path(sourceFile)).toString();
  }

  text(sourceFile: string): string | undefined {
    return this.lineIndex(sourceFile)?.text;
  }

  private lineIndex(sourceFile: string): LineIndex | undefined {
    if (!this.lines.has(sourceFile)) {
      try {
        this.lines.set(sourceFile, new LineIndex(fs.readFileSync(this.path(sourceFile), 'utf8')));
      } catch {
        this.lines.set(sourceFile, null);
      }
    }
    return this.lines.get(sourceFile) ?? undefined;
  }

  /** The lines of a span, from the first character of its first line to the end of its last line. */
  range(sourceFile: string, span: LineSpan): Range {
    const li = this.lineIndex(sourceFile);
    const end = li ? li.lineEnd(span.endLine) - li.lineStart(span.endLine) : 0;
    return { start: { line: span.startLine, character: 0 }, end: { line: span.endLine, character: end } };
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
