// Each open document's diagnostics: pushed, debounced while the user types (policyLens.diagnostics.debounceMs), or
// pulled (textDocument/diagnostic) by a client that asks for them, which then gets no pushes but for the plans the
// workspace check lists (pushedAnyway).
import { Diagnostic, DiagnosticSeverity, DocumentDiagnosticParams, DocumentDiagnosticReport, DocumentDiagnosticReportKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { messages } from '../core/messages';
import { Finding } from '../core/findings';
import type { RelativeRange } from '../core/analyze';
import { diagnosticFields, encodeFindingTail, SEVERITY, SOURCE } from '../convert';
import { ENCODED_HEAD, ENCODED_TAIL, encodeHeadAt, HEAD_FIELDS } from '../transport';
import { ServerContext } from '../serverContext';

export class DiagnosticsPublisher {
  private timers = new Map<string, NodeJS.Timeout>();
  private templates = new WeakMap<Finding, Template>();
  /** Counts the lists computed: an encoding not used by the last two is dropped. */
  private generation = 0;
  private published = new Map<string, number>();
  /** Set when the client pulls diagnostics; `refresh` when it can be told to pull again after a settings change. */
  private pull?: { refresh: boolean };
  /** Bumped when the same versions get new findings (settings): part of every pulled report's resultId. */
  private settingsGeneration = 0;

  /**
   * `encoded`: the connection writes pushed lists with the stdio encoder (transport.ts), which takes a diagnostic as
   * its head and tail; another transport (node-ipc, sockets) is given whole diagnostics.
   */
  constructor(private readonly ctx: ServerContext, private readonly encoded = false) {}

  /** The client pulls diagnostics (it has textDocument.diagnostic): no pushes from now on, but of `pushedAnyway`'s. */
  usePull(refresh: boolean): void {
    this.pull = { refresh };
  }

  /**
   * Documents whose diagnostics are pushed to a client that pulls the others' (and pulled empty): the plans the
   * workspace check lists, whose pushed list stands for them whether they are open or not (a client that pulls drops
   * a document's pulled list when its tab closes, before the document closes: the list would go without a word).
   */
  pushedAnyway: (uri: string) => boolean = () => false;

  /** Whether the client pulls this document's diagnostics. */
  private pulls(uri: string): boolean {
    return !!this.pull && !this.pushedAnyway(uri);
  }

  /** Asks a pulling client to pull again (what it holds is stale: a plan the workspace check now lists is pushed). */
  refreshPulled(): void {
    if (this.pull?.refresh) void this.ctx.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  get pulled(): boolean {
    return !!this.pull;
  }

  /** The answer to textDocument/diagnostic: `unchanged` when the client already has this version's report. */
  report(params: DocumentDiagnosticParams): DocumentDiagnosticReport {
    const doc = this.ctx.documents.get(params.textDocument.uri);
    // a plan the workspace check lists has its diagnostics pushed
    if (!doc || this.pushedAnyway(doc.uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = `${this.settingsGeneration}.${doc.version}`;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: this.compute(doc) };
  }

  /** Schedules a re-check; `now` skips the debounce (on open). A version already published is not published again. */
  schedule(doc: TextDocument, now = false): void {
    if (this.pulls(doc.uri)) return; // the client asks when it wants them
    if (!this.ctx.documents.get(doc.uri)) return; // closed while it waited for the settings
    if (this.published.get(doc.uri) === doc.version) return;
    this.cancel(doc.uri);
    const delay = now ? 0 : this.ctx.settings.debounceMs;
    if (delay <= 0) {
      this.publish(doc);
      return;
    }
    this.timers.set(doc.uri, setTimeout(() => {
      this.timers.delete(doc.uri);
      const current = this.ctx.documents.get(doc.uri);
      if (current) this.publish(current);
    }, delay));
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  clear(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
    if (this.pulls(uri)) return; // a pulling client drops a closed document's report itself
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Re-publishes a document whose findings changed at the same version (its 分工表, a file of its own, changed). */
  republish(uri: string): void {
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    if (this.pulls(uri)) {
      this.settingsGeneration++;
      this.refreshPulled();
      return;
    }
    this.cancel(uri);
    this.publish(doc);
  }

  /** Re-publishes every open document (after a settings change: the same versions, new findings). */
  publishAll(): void {
    this.settingsGeneration++;
    this.refreshPulled();
    for (const doc of this.ctx.documents.all()) if (!this.pulls(doc.uri)) this.publish(doc);
  }

  /**
   * The document's diagnostics. Pushed (`wire`), each is only what the stdio encoder writes: its range and severity as
   * numbers and its finding's tail (HEAD_FIELDS, ENCODED_TAIL); pulled, whole Diagnostic objects.
   */
  compute(doc: TextDocument, wire = false): Diagnostic[] {
    // a source's own text is what plans are checked against, not a plan
    if (!this.ctx.ready || this.ctx.isSource(doc.uri)) return [];
    if (this.ctx.isTooLarge(doc)) {
      const kb = Math.round(this.ctx.sizeInBytes(doc) / 1024);
      return [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        code: 'file-too-large',
        message: messages(this.ctx.locale).tooLarge(kb, this.ctx.settings.maxFileSizeKB),
      }];
    }
    try {
      const analysis = this.ctx.analysis(doc);
      const out: Diagnostic[] = [];
      const generation = ++this.generation;
      analysis.forEachFinding((cached, severity, line, relative) => {
        // what does not depend on where the paragraph sits (message, related source spans) is made once per finding
        let template = this.templates.get(cached);
        if (!template) this.templates.set(cached, (template = { fields: undefined, tail: undefined, placed: undefined }));
        // pushed over stdio, a finding needs only its encoded tail; pulled, the fields of a Diagnostic
        if (wire) template.tail ??= encodeFindingTail(cached, this.ctx.sources);
        else template.fields ??= diagnosticFields(cached, this.ctx.sources);
        out.push(placedAt(template, line, relative, SEVERITY[severity], generation, wire));
      });
      return out;
    } catch (e) {
      // a defect of a check must not take the server down (and every open plan's diagnostics with it): say so
      // where the user looks, and log where a report can be made from
      const error = e instanceof Error ? e : new Error(String(e));
      this.ctx.connection.console.error(`Policy Lens: checking ${doc.uri} (version ${doc.version}) failed: ${error.stack ?? error.message}`);
      return [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        code: 'check-failed',
        message: messages(this.ctx.locale).checkFailed(error.message),
      }];
    }
  }

  private publish(doc: TextDocument): void {
    this.published.set(doc.uri, doc.version);
    void this.ctx.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: this.compute(doc, this.encoded) });
  }
}

interface Template {
  /** What a pulled diagnostic holds besides its range and severity: made when first pulled. */
  fields: Omit<Diagnostic, 'range' | 'severity'> | undefined;
  /** The same as UTF-8 JSON after a range and severity (encodeFindingTail): made when first pushed, shared by every place. */
  tail: Buffer | undefined;
  /**
   * The finding where it was last published, by start line (a paragraph's result serves every copy of its text, so a
   * finding can stand on several lines): an edit makes again only the diagnostics it moved. A few at most: a chain.
   */
  placed: Placed | undefined;
}

/**
 * A finding published at a line. Pushed to the stdio encoder, the place is itself the list's item: its range and
 * severity as numbers, from which the encoder writes its head (HEAD_FIELDS; no string is made), and its finding's tail
 * (ENCODED_TAIL); otherwise `item` is the whole Diagnostic.
 */
class Placed {
  [ENCODED_TAIL]?: Buffer;
  constructor(
    readonly line: number,
    readonly character: number,
    readonly endLine: number,
    readonly endCharacter: number,
    readonly severity: number,
    public used: number,
    readonly item: Diagnostic | undefined,
    public next: Placed | undefined,
  ) {}

  /** The encoder writes a place's head from its numbers (HEAD_FIELDS); the string is for other readers (toJSON). */
  get [HEAD_FIELDS](): boolean {
    return !this.item;
  }

  get [ENCODED_HEAD](): string {
    return encodeHeadAt(this.line, this.character, this.endLine, this.endCharacter, this.severity);
  }

  /**
   * What JSON.stringify makes of a pushed place: the diagnostic itself. The stdio encoder never asks, but vscode-jsonrpc
   * stringifies what it sends for a client that asked for a verbose trace (`$/setTrace`), which showed `{}` without it.
   */
  toJSON(): Diagnostic {
    return this.item ?? JSON.parse(this[ENCODED_HEAD] + this[ENCODED_TAIL]!.toString('utf8'));
  }
}

/**
 * The diagnostic of a finding whose paragraph starts on `line`: the same object as last time when it has not moved (a
 * finding's range relative to its paragraph never changes, so its start line says where it is).
 */
function placedAt(template: Template, line: number, relative: Readonly<RelativeRange>, severity: number, generation: number, wire: boolean): Diagnostic {
  const startLine = line + relative.startLine;
  let count = 0;
  for (let known = template.placed; known; known = known.next, count++) {
    if (known.line === startLine && known.severity === severity && !known.item === wire) {
      known.used = generation;
      return (known.item ?? known) as Diagnostic;
    }
  }
  // places no recent list used (the finding moved away) go, so that an edit storm does not pile them up; and the one at
  // this line, of another severity or kind
  let last: Placed | undefined; // unlinked in place: a place kept is the same object (the encoder knows it by identity)
  for (let known = template.placed; known; known = known.next) {
    if (known.line === startLine || (count >= 4 && known.used < generation - 1)) continue;
    if (last) last.next = known;
    else template.placed = known;
    last = known;
  }
  if (last) last.next = undefined;
  else template.placed = undefined;
  const character = relative.startCharacter;
  const endLine = line + relative.endLine;
  const endCharacter = relative.endCharacter;
  const item = wire ? undefined : { range: { start: { line: startLine, character }, end: { line: endLine, character: endCharacter } }, severity: severity as DiagnosticSeverity, ...template.fields! };
  const place = new Placed(startLine, character, endLine, endCharacter, severity, generation, item, template.placed);
  if (wire) place[ENCODED_TAIL] = template.tail!;
  template.placed = place;
  return (place.item ?? place) as Diagnostic;
}
