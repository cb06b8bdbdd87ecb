import * as assert from 'assert';
import { encodeDiagnostic, encodeFirst, encodePublish, encoderFor, encodeTail, ENCODED_TAIL } from '../../server/src/transport';

describe('the stdio encoder of diagnostics', () => {
  const fields = { code: 'misquote', source: 'policy-lens', message: '引文与“表1第53项”不一致 "quoted" \\ 😀', relatedInformation: [{ location: { uri: 'file:///s.txt', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } } }, message: '原文 表1第53项' }] };
  const diagnostic = (line: number, severity?: number) => ({
    range: { start: { line, character: 3 }, end: { line, character: 8 } },
    ...(severity === undefined ? {} : { severity }),
    ...fields,
    [ENCODED_TAIL]: encodeTail(fields),
  });

  it('writes the same JSON as JSON.stringify, from pre-encoded pieces', () => {
    const msg = { method: 'textDocument/publishDiagnostics', params: { uri: 'file:///p.md', version: 7, diagnostics: [diagnostic(0, 2), diagnostic(5, 1), diagnostic(9)] } };
    const fast = encodePublish(msg)!;
    assert.ok(fast, 'the fast path was taken');
    assert.deepStrictEqual(JSON.parse(fast.toString('utf8')), { jsonrpc: '2.0', ...JSON.parse(JSON.stringify(msg)) });
  });

  it('falls back to JSON.stringify when a diagnostic has no pre-encoded tail', () => {
    const msg = { method: 'textDocument/publishDiagnostics', params: { uri: 'file:///p.md', diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x' }] } };
    assert.strictEqual(encodePublish(msg as never), undefined);
  });

  it('encodes a diagnostic from its fields\' JSON with its tail as a view of the same bytes', () => {
    const range = { start: { line: 4, character: 2 }, end: { line: 5, character: 0 } };
    const { encoded, tail } = encodeFirst(range, 2, JSON.stringify(fields));
    assert.deepStrictEqual(encoded, encodeDiagnostic(range, 2, encodeTail(fields)));
    assert.deepStrictEqual(JSON.parse(encoded.toString('utf8')), { range, severity: 2, ...fields });
    assert.deepStrictEqual(tail, encodeTail(fields));
    assert.strictEqual(tail.buffer, encoded.buffer, 'no copy of the tail');
    // a later encoding of the same fields elsewhere, from the view
    const moved = { start: { line: 40, character: 2 }, end: { line: 41, character: 0 } };
    assert.deepStrictEqual(JSON.parse(encodeDiagnostic(moved, 1, tail).toString('utf8')), { range: moved, severity: 1, ...fields });
  });

  it('writes an empty list', () => {
    const fast = encodePublish({ method: 'textDocument/publishDiagnostics', params: { uri: 'untitled:a', diagnostics: [] } })!;
    assert.deepStrictEqual(JSON.parse(fast.toString()), { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'untitled:a', diagnostics: [] } });
  });

  it('writes a large list into the buffer of the previous one only when the output has nothing queued', async () => {
    const output = { writableLength: 0 } as unknown as NodeJS.WritableStream & { writableLength: number };
    const encoder = encoderFor(output);
    const list = (n: number, version: number) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///p.md', version, diagnostics: Array.from({ length: n }, (_, i) => diagnostic(i, 2)) } });
    const encode = async (msg: object) => Buffer.from((await encoder.encode(msg as never, { charset: 'utf-8' })) as Uint8Array);
    const big = await encoder.encode(list(1500, 1) as never, { charset: 'utf-8' });
    assert.ok(big.byteLength >= 256 * 1024, `${big.byteLength} bytes: a list large enough to be kept`);
    // nothing queued: the same memory, the right bytes (a shorter list: a view of it)
    const again = await encoder.encode(list(1400, 2) as never, { charset: 'utf-8' });
    assert.strictEqual(again.buffer, big.buffer);
    assert.deepStrictEqual(JSON.parse(Buffer.from(again).toString('utf8')), JSON.parse(encodePublish(list(1400, 2))!.toString('utf8')));
    // the previous list still being written: new memory
    (output as { writableLength: number }).writableLength = 10;
    const queued = await encoder.encode(list(1400, 3) as never, { charset: 'utf-8' });
    assert.notStrictEqual(queued.buffer, big.buffer);
    // a small list lets the kept buffer go
    (output as { writableLength: number }).writableLength = 0;
    await encode(list(1, 4));
    const after = await encoder.encode(list(1400, 5) as never, { charset: 'utf-8' });
    assert.notStrictEqual(after.buffer, big.buffer);
    assert.notStrictEqual(after.buffer, queued.buffer);
  });

  it('lets the buffer of a large list go after a while without another', async () => {
    const output = { writableLength: 0 } as unknown as NodeJS.WritableStream & { writableLength: number };
    const encoder = encoderFor(output, 1000);
    const list = (version: number) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///p.md', version, diagnostics: Array.from({ length: 1500 }, (_, i) => diagnostic(i, 2)) } });
    const first = await encoder.encode(list(1) as never, { charset: 'utf-8' });
    // lists in quick succession (typing) share the buffer, and each keeps it a while longer
    await new Promise((r) => setTimeout(r, 50));
    const second = await encoder.encode(list(2) as never, { charset: 'utf-8' });
    assert.strictEqual(second.buffer, first.buffer);
    await new Promise((r) => setTimeout(r, 50));
    const third = await encoder.encode(list(3) as never, { charset: 'utf-8' });
    assert.strictEqual(third.buffer, first.buffer, 'kept: the last list was 50 ms ago');
    // a pause: the buffer is gone, the next list has memory of its own
    await new Promise((r) => setTimeout(r, 1500));
    const later = await encoder.encode(list(4) as never, { charset: 'utf-8' });
    assert.notStrictEqual(later.buffer, first.buffer);
    assert.deepStrictEqual(JSON.parse(Buffer.from(later).toString('utf8')), JSON.parse(encodePublish(list(4))!.toString('utf8')));
  });
});
