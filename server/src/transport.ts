// The stdio transport, with a JSON encoder that writes diagnostics from pre-encoded pieces: re-publishing the
// thousands of diagnostics of a large plan after each keystroke is otherwise mostly JSON.stringify and UTF-8.
import { Message, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

/** Set on a diagnostic: the UTF-8 JSON of everything but its range and severity, starting with a comma (encodeTail). */
export const ENCODED_TAIL = Symbol('policy-lens.encodedTail');
/**
 * Set on a diagnostic with its tail instead of a range and severity (or a getter that makes it when the diagnostic is
 * written): the ASCII JSON of them, `{"range":…,"severity":N` (encodeHead). A finding shown at several places shares one
 * tail; each place has only its head.
 */
export const ENCODED_HEAD = Symbol('policy-lens.encodedHead');

/**
 * Set (true, on its prototype) on a diagnostic whose range and severity are its own number fields `line`, `character`,
 * `endLine`, `endCharacter` and `severity`: the encoder writes its head from them, without making the head's string
 * (thousands of short strings per list otherwise, all garbage once written).
 */
export const HEAD_FIELDS = Symbol('policy-lens.headFields');

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type HeadFields = { [HEAD_FIELDS]: true; line: number; character: number; endLine: number; endCharacter: number; severity: number | undefined };
type Encodable = { range?: Range; severity?: number; [ENCODED_TAIL]?: Buffer; [ENCODED_HEAD]?: string; [HEAD_FIELDS]?: boolean };

/**
 * Node's Buffer method behind `write(s, at, 'latin1')`, without its argument checks and encoding switch: a third
 * faster over the thousands of heads of a large list (ASCII here, which latin1 writes byte for byte).
 */
type LatinWritable = Buffer & { latin1Write(s: string, offset: number): number };

/**
 * The UTF-8 JSON of a diagnostic's fields other than range and severity, as `,"code":…}`: the generic form, for any
 * fields. The server writes a finding's tail from its pieces (encodeFindingTail in convert.ts), the same bytes.
 */
export function encodeTail(fields: object): Buffer {
  // the object's JSON with its opening brace turned into the comma: no second string made of it
  const json = JSON.stringify(fields);
  const out = Buffer.allocUnsafe(Buffer.byteLength(json, 'utf8'));
  out.write(json, 0, 'utf8');
  out[0] = 0x2c; // ,
  return out;
}

// the pieces of a diagnostic's head, `{"range":…,"severity":N`, around its numbers: encodeHeadAt joins them into a
// string, writeHead writes them into the output
const HEAD_START = '{"range":{"start":{"line":';
const HEAD_CHARACTER = ',"character":';
const HEAD_END = '},"end":{"line":';
const HEAD_CLOSE = '}}';
const HEAD_SEVERITY = ',"severity":';
const HEAD_FIXED = HEAD_START.length + 2 * HEAD_CHARACTER.length + HEAD_END.length + HEAD_CLOSE.length;

/** The JSON of a diagnostic's range and severity, without the closing brace: ASCII (numbers and punctuation). */
export function encodeHead(r: Range, severity: number | undefined): string {
  return encodeHeadAt(r.start.line, r.start.character, r.end.line, r.end.character, severity);
}

/** encodeHead of a range given as its four numbers. */
export function encodeHeadAt(line: number, character: number, endLine: number, endCharacter: number, severity: number | undefined): string {
  const s = severity === undefined ? '' : HEAD_SEVERITY + severity;
  return HEAD_START + line + HEAD_CHARACTER + character + HEAD_END + endLine + HEAD_CHARACTER + endCharacter + HEAD_CLOSE + s;
}

/** How many decimal digits a non-negative integer has (a range's numbers). */
function digits(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

/** The length of encodeHeadAt of `d`'s numbers. */
function headLength(d: HeadFields): number {
  const severity = d.severity === undefined ? 0 : HEAD_SEVERITY.length + digits(d.severity);
  return HEAD_FIXED + digits(d.line) + digits(d.character) + digits(d.endLine) + digits(d.endCharacter) + severity;
}

/** Writes a non-negative integer's digits at `at`; returns where they end. */
function writeNumber(out: Buffer, at: number, n: number): number {
  const end = at + digits(n);
  for (let i = end - 1; i >= at; i--) {
    out[i] = 0x30 + (n % 10);
    n = Math.floor(n / 10);
  }
  return end;
}

/** Writes encodeHeadAt of `d`'s numbers at `at`, byte for byte; returns where it ends. */
function writeHead(out: LatinWritable, at: number, d: HeadFields): number {
  at += out.latin1Write(HEAD_START, at);
  at = writeNumber(out, at, d.line);
  at += out.latin1Write(HEAD_CHARACTER, at);
  at = writeNumber(out, at, d.character);
  at += out.latin1Write(HEAD_END, at);
  at = writeNumber(out, at, d.endLine);
  at += out.latin1Write(HEAD_CHARACTER, at);
  at = writeNumber(out, at, d.endCharacter);
  at += out.latin1Write(HEAD_CLOSE, at);
  if (d.severity !== undefined) {
    at += out.latin1Write(HEAD_SEVERITY, at);
    at = writeNumber(out, at, d.severity);
  }
  return at;
}

/** Where each diagnostic of an encoded list ends: the next list written in the same memory keeps what did not change. */
export interface ListLayout {
  uri: string;
  /** The bytes of the message before the first diagnostic. */
  headLength: number;
  items: readonly Encodable[];
  /** The offset just after each diagnostic (its comma not included). */
  ends: Int32Array;
}

type PublishMessage = { method: string; params: { uri: string; version?: number; diagnostics: Encodable[] } };

/**
 * The message's JSON when every diagnostic has its tail (and its head, or a range to make it from), written in one
 * buffer: `into` when it is large enough (the caller knows it is free again), as a view of it; a large list is
 * otherwise a new buffer of megabytes on every keystroke. Undefined when a diagnostic has no tail.
 */
export function encodePublish(msg: PublishMessage, into?: Buffer): Buffer | undefined {
  return encodeList(msg, into)?.out;
}

/**
 * encodePublish with the layout of what it wrote. With `previous`, the layout of the list `into` holds: the diagnostics
 * this list shares with it at its start and at its end (the same objects: a publisher re-uses those an edit did not
 * move) are not written again but kept where they are, and moved as one block; only the header and the changed middle
 * are written. After a keystroke in a large plan that is a few diagnostics instead of thousands.
 */
export function encodeList(msg: PublishMessage, into?: Buffer, previous?: ListLayout): { out: Buffer; layout: ListLayout } | undefined {
  const { uri, version, diagnostics } = msg.params;
  const n = diagnostics.length;
  for (let i = 0; i < n; i++) {
    const d = diagnostics[i];
    // `in`: a head may be a getter that makes it (only the written diagnostics' heads are made)
    if (!d[ENCODED_TAIL] || (!d[HEAD_FIELDS] && !(ENCODED_HEAD in d) && !d.range)) return undefined;
  }
  const head = `{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)}${version === undefined ? '' : `,"version":${version}`},"diagnostics":[`;
  const headBytes = Buffer.from(head, 'utf8');
  const h = headBytes.length;
  const ends = new Int32Array(n);
  // the diagnostics shared with the previous list at the start (k) and at the end (s)
  let k = 0;
  let s = 0;
  const prev = into && previous && previous.uri === uri && previous.headLength === h ? previous : undefined;
  if (prev) {
    const m = prev.items.length;
    while (k < n && k < m && diagnostics[k] === prev.items[k]) k++;
    while (s < n - k && s < m - k && diagnostics[n - 1 - s] === prev.items[m - 1 - s]) s++;
  }
  // the heads of the middle, the only diagnostics written (none made for a diagnostic that has its numbers)
  const heads: (string | undefined)[] = new Array(n - s - k);
  let at = k ? prev!.ends[k - 1] : h;
  for (let i = 0; i < k; i++) ends[i] = prev!.ends[i];
  for (let i = k; i < n - s; i++) {
    const d = diagnostics[i];
    const length = d[HEAD_FIELDS] ? headLength(d as unknown as HeadFields) : (heads[i - k] = d[ENCODED_HEAD] ?? encodeHead(d.range!, d.severity)).length;
    if (i) at++; // ,
    at += length + d[ENCODED_TAIL]!.length;
    ends[i] = at;
  }
  let suffixFrom = 0; // where the shared end starts in the previous list, and where it goes
  let suffixTo = 0;
  let suffixEnd = 0;
  if (s) {
    const m = prev!.items.length;
    suffixFrom = m - s === 0 ? h : prev!.ends[m - s - 1] + 1;
    suffixEnd = prev!.ends[m - 1];
    suffixTo = n - s === 0 ? h : at + 1;
    for (let j = n - s; j < n; j++) ends[j] = prev!.ends[j - n + m] + suffixTo - suffixFrom;
  }
  const size = (n ? ends[n - 1] : h) + 3;
  if (prev && into!.length < size) return encodeList(msg); // grown past the memory it had: all of it anew
  const out = into && into.length >= size ? into.subarray(0, size) : Buffer.allocUnsafe(size);
  headBytes.copy(out, 0);
  if (s) {
    // first (the middle may be written where the end was), in the whole buffer: a shorter list's view ends before it
    into!.copyWithin(suffixTo, suffixFrom, suffixEnd);
    if (suffixTo > h) out[suffixTo - 1] = 0x2c; // ,
  }
  at = k ? ends[k - 1] : h;
  for (let i = k; i < n - s; i++) {
    if (i) out[at++] = 0x2c; // ,
    const d = diagnostics[i];
    const written = heads[i - k];
    if (written === undefined) at = writeHead(out as LatinWritable, at, d as unknown as HeadFields);
    else at += (out as LatinWritable).latin1Write(written, at);
    at += d[ENCODED_TAIL]!.copy(out, at);
  }
  out.write(']}}', size - 3, 'latin1');
  return { out, layout: { uri, headLength: h, items: diagnostics, ends } };
}

/** Lists at least this large are encoded into a buffer kept from one publish to the next. */
const REUSED_BYTES = 256 * 1024;
/** How long the buffer of a large list is kept without another large list: through a pause in typing, not for days. */
const KEEP_MS = 2000;

/**
 * The encoder of the stdio transport. A large diagnostics list is written into the buffer of the previous one when
 * `output` has nothing queued (so that buffer has been handed to the system and is free): megabytes allocated on every
 * keystroke are otherwise what makes V8 stop for its external-memory collections. The buffer goes when the lists get
 * small, or after `keepMs` without a large one (a plan open but not being edited holds no copy of its list).
 */
export function encoderFor(output: NodeJS.WritableStream & { writableLength: number }, keepMs = KEEP_MS) {
  let spare: Buffer | undefined;
  /** The layout of the list `spare` holds. */
  let layout: ListLayout | undefined;
  let release: NodeJS.Timeout | undefined;
  const keep = (buffer: Buffer | undefined, of?: ListLayout) => {
    spare = buffer;
    layout = buffer && of;
    if (release) clearTimeout(release);
    release = buffer ? setTimeout(() => (spare = layout = release = undefined), keepMs) : undefined;
    release?.unref();
  };
  return {
    name: 'application/json',
    encode(msg: Message, options: { charset: string }): Promise<Uint8Array> {
      try {
        const m = msg as unknown as { method?: string; params?: unknown };
        if (m.method === 'textDocument/publishDiagnostics') {
          const free = output.writableLength === 0;
          const encoded = encodeList(m as never, free ? spare : undefined, free ? layout : undefined);
          if (encoded) {
            const fast = encoded.out;
            // kept while the lists are large (a big plan being edited); a small list lets it go
            if (fast.length < REUSED_BYTES) keep(undefined);
            else keep(fast.buffer === spare?.buffer ? spare : Buffer.from(fast.buffer, fast.byteOffset, fast.length), encoded.layout);
            return Promise.resolve(fast);
          }
        }
        return Promise.resolve(Buffer.from(JSON.stringify(msg), options.charset as BufferEncoding));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
}

export function stdioTransport(): [StreamMessageReader, StreamMessageWriter] {
  return [new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: encoderFor(process.stdout) })];
}
