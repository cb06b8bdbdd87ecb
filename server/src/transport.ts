// The stdio transport, with a JSON encoder that writes diagnostics from pre-encoded pieces: re-publishing the
// thousands of diagnostics of a large plan after each keystroke is otherwise mostly JSON.stringify and UTF-8.
import { Message, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

/** Set on a diagnostic: the UTF-8 JSON of everything but its range and severity, starting with a comma. */
export const ENCODED_TAIL = Symbol('policy-lens.encodedTail');
/** Set on a diagnostic instead: its whole UTF-8 JSON (encodeDiagnostic), kept by the caller from one publish to the next. */
export const ENCODED = Symbol('policy-lens.encoded');

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type Encodable = { range: Range; severity?: number; [ENCODED_TAIL]?: Buffer; [ENCODED]?: Buffer };

/** The UTF-8 JSON of a diagnostic's fields other than range and severity, as `,"code":…}`. */
export function encodeTail(fields: object): Buffer {
  // the object's JSON with its opening brace turned into the comma: no second string made of it
  const json = JSON.stringify(fields);
  const out = Buffer.allocUnsafe(Buffer.byteLength(json, 'utf8'));
  out.write(json, 0, 'utf8');
  out[0] = 0x2c; // ,
  return out;
}

function encodeHead(r: Range, severity: number | undefined): string {
  const s = severity === undefined ? '' : `,"severity":${severity}`;
  return `{"range":{"start":{"line":${r.start.line},"character":${r.start.character}},"end":{"line":${r.end.line},"character":${r.end.character}}}${s}`;
}

/** The UTF-8 JSON of a whole diagnostic from its range, severity and encodeTail. */
export function encodeDiagnostic(range: Range, severity: number | undefined, tail: Buffer): Buffer {
  const head = encodeHead(range, severity);
  const out = Buffer.allocUnsafe(head.length + tail.length);
  out.write(head, 0, 'latin1'); // ASCII: numbers and punctuation only
  tail.copy(out, head.length);
  return out;
}

/**
 * encodeDiagnostic from the JSON of the fields (JSON.stringify of them) rather than their tail: the diagnostic's JSON
 * and, as a view of it, the tail later encodings of the same fields start from (no second copy of its bytes).
 */
export function encodeFirst(range: Range, severity: number | undefined, fieldsJson: string): { encoded: Buffer; tail: Buffer } {
  const head = encodeHead(range, severity);
  const out = Buffer.allocUnsafe(head.length + Buffer.byteLength(fieldsJson, 'utf8'));
  out.write(head, 0, 'latin1');
  out.write(fieldsJson, head.length, 'utf8');
  out[head.length] = 0x2c; // the fields' opening brace becomes the comma after the severity
  return { encoded: out, tail: out.subarray(head.length) };
}

/**
 * `encodePublish` with `into`: writes into that buffer when it is large enough (the caller knows it is free again)
 * and returns a view of it; a large list is otherwise a new buffer of megabytes on every keystroke.
 */
export function encodePublish(msg: { method: string; params: { uri: string; version?: number; diagnostics: Encodable[] } }, into?: Buffer): Buffer | undefined {
  const { uri, version, diagnostics } = msg.params;
  if (!diagnostics.every((d) => d[ENCODED] || d[ENCODED_TAIL])) return undefined;
  const head = `{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)}${version === undefined ? '' : `,"version":${version}`},"diagnostics":[`;
  const headBytes = Buffer.from(head, 'utf8');
  const pieces: Buffer[] = diagnostics.map((d) => d[ENCODED] ?? encodeDiagnostic(d.range, d.severity, d[ENCODED_TAIL]!));
  let size = headBytes.length + 3 + Math.max(0, pieces.length - 1);
  for (let i = 0; i < pieces.length; i++) size += pieces[i].length;
  const out = into && into.length >= size ? into.subarray(0, size) : Buffer.allocUnsafe(size);
  let at = headBytes.copy(out, 0);
  for (let i = 0; i < pieces.length; i++) {
    if (i) out[at++] = 0x2c; // ,
    at += pieces[i].copy(out, at);
  }
  out.write(']}}', at, 'latin1');
  return out;
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
  let release: NodeJS.Timeout | undefined;
  const keep = (buffer: Buffer | undefined) => {
    spare = buffer;
    if (release) clearTimeout(release);
    release = buffer ? setTimeout(() => (spare = release = undefined), keepMs) : undefined;
    release?.unref();
  };
  return {
    name: 'application/json',
    encode(msg: Message, options: { charset: string }): Promise<Uint8Array> {
      try {
        const m = msg as unknown as { method?: string; params?: unknown };
        if (m.method === 'textDocument/publishDiagnostics') {
          const fast = encodePublish(m as never, output.writableLength === 0 ? spare : undefined);
          if (fast) {
            // kept while the lists are large (a big plan being edited); a small list lets it go
            if (fast.length < REUSED_BYTES) keep(undefined);
            else keep(fast.buffer === spare?.buffer ? spare : Buffer.from(fast.buffer, fast.byteOffset, fast.length));
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
