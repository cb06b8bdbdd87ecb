// The stdio transport, with a JSON encoder that writes diagnostics from pre-encoded pieces: re-publishing the
// thousands of diagnostics of a large plan after each keystroke is otherwise mostly JSON.stringify and UTF-8.
import { Message, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';

/** Set on a diagnostic: the UTF-8 JSON of everything but its range and severity, starting with a comma. */
export const ENCODED_TAIL = Symbol('policy-lens.encodedTail');

type Encodable = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity?: number; [ENCODED_TAIL]?: Buffer };

/** The UTF-8 JSON of a diagnostic's fields other than range and severity, as `,"code":…}`. */
export function encodeTail(fields: object): Buffer {
  return Buffer.from(',' + JSON.stringify(fields).slice(1), 'utf8');
}

export function encodePublish(msg: { method: string; params: { uri: string; version?: number; diagnostics: Encodable[] } }): Buffer | undefined {
  const { uri, version, diagnostics } = msg.params;
  if (!diagnostics.every((d) => d[ENCODED_TAIL])) return undefined;
  const head = `{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)}${version === undefined ? '' : `,"version":${version}`},"diagnostics":[`;
  const prefixes = diagnostics.map((d, i) => {
    const r = d.range;
    const severity = d.severity === undefined ? '' : `,"severity":${d.severity}`;
    return `${i ? ',' : ''}{"range":{"start":{"line":${r.start.line},"character":${r.start.character}},"end":{"line":${r.end.line},"character":${r.end.character}}}${severity}`;
  });
  const headBytes = Buffer.from(head, 'utf8');
  let size = headBytes.length + 3;
  for (let i = 0; i < diagnostics.length; i++) size += prefixes[i].length + diagnostics[i][ENCODED_TAIL]!.length;
  const out = Buffer.allocUnsafe(size);
  let at = headBytes.copy(out, 0);
  for (let i = 0; i < diagnostics.length; i++) {
    at += out.write(prefixes[i], at, 'latin1'); // ASCII: numbers and punctuation only
    at += diagnostics[i][ENCODED_TAIL]!.copy(out, at);
  }
  out.write(']}}', at, 'latin1');
  return out;
}

const encoder = {
  name: 'application/json',
  encode(msg: Message, options: { charset: string }): Promise<Uint8Array> {
    try {
      const m = msg as unknown as { method?: string; params?: unknown };
      const fast = m.method === 'textDocument/publishDiagnostics' ? encodePublish(m as never) : undefined;
      return Promise.resolve(fast ?? Buffer.from(JSON.stringify(msg), options.charset as BufferEncoding));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};

export function stdioTransport(): [StreamMessageReader, StreamMessageWriter] {
  return [new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: encoder })];
}
