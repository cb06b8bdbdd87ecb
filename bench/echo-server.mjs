// A do-nothing language server, the floor of the bench: what any server pays to receive a document over stdio.
// It answers `initialize` and `shutdown`, answers every other request with null (the round-trip floor of hover
// and completion), publishes an empty diagnostics list (with the document's version) on every didOpen and
// didChange, and exits on `exit`. Self-contained on purpose: nothing to load but this file. Given
// `initializationOptions.echoDiagnostics` (a diagnostics list), it publishes that list on every didChange instead,
// pre-encoded: the floor of re-publishing a list of that size after a keystroke.
let chunks = [];
let total = 0;
let bodyLength = -1;
/** The JSON of the list to publish on didChange, when the bench gave one. */
let echoed;

function send(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  process.stdout.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
}

function handle(msg) {
  if (msg.id !== undefined && msg.method !== undefined) {
    if (msg.method === 'initialize') {
      const list = msg.params?.initializationOptions?.echoDiagnostics;
      if (list) echoed = JSON.stringify(list);
      send({
        jsonrpc: '2.0',
        id: msg.id,
        result: {
          capabilities: { textDocumentSync: { openClose: true, change: 2 }, hoverProvider: true, completionProvider: {} },
          serverInfo: { name: 'echo' },
        },
      });
    } else send({ jsonrpc: '2.0', id: msg.id, result: null });
    return;
  }
  if (msg.method === 'textDocument/didOpen' || msg.method === 'textDocument/didChange') {
    const { uri, version } = msg.params.textDocument;
    if (echoed && msg.method === 'textDocument/didChange') {
      const body = Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":${JSON.stringify(uri)},"version":${version},"diagnostics":${echoed}}}`, 'utf8');
      process.stdout.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
    } else send({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics: [] } });
  } else if (msg.method === 'exit') process.exit(0);
}

process.stdin.on('data', (chunk) => {
  chunks.push(chunk);
  total += chunk.length;
  for (;;) {
    if (bodyLength < 0) {
      const buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
      chunks = [buf];
      const headerEnd = buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      bodyLength = Number(/Content-Length:\s*(\d+)/i.exec(buf.subarray(0, headerEnd).toString('ascii'))[1]);
      const rest = buf.subarray(headerEnd + 4);
      chunks = rest.length ? [rest] : [];
      total = rest.length;
    }
    if (total < bodyLength) return;
    const buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    const body = buf.subarray(0, bodyLength);
    const rest = buf.subarray(bodyLength);
    chunks = rest.length ? [rest] : [];
    total = rest.length;
    bodyLength = -1;
    handle(JSON.parse(body.toString('utf8')));
  }
});
process.stdin.on('end', () => process.exit(0));
