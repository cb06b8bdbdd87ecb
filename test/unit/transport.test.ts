import * as assert from 'assert';
import fc from 'fast-check';
import { ENCODED_HEAD, ENCODED_TAIL, encodeHead, encodeList, encodePublish, encoderFor, encodeTail, HEAD_FIELDS } from '../../server/src/transport';

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

  it('writes diagnostics from their heads and a tail they share, as JSON.stringify writes them whole', () => {
    // a finding of a paragraph that the plan repeats stands at several places: one tail, a head per place
    const tail = encodeTail(fields);
    const at = (line: number, severity: number) => ({ start: { line, character: 2 }, end: { line: line + 1, character: 0 } });
    const placed = [4, 40, 400].map((line, i) => ({ [ENCODED_HEAD]: encodeHead(at(line, i + 1), i + 1), [ENCODED_TAIL]: tail }));
    const fast = encodePublish({ method: 'textDocument/publishDiagnostics', params: { uri: 'file:///p.md', version: 2, diagnostics: placed } })!;
    assert.deepStrictEqual(JSON.parse(fast.toString('utf8')).params.diagnostics, [4, 40, 400].map((line, i) => ({ range: at(line, i + 1), severity: i + 1, ...fields })));
    // a head without a severity, and a diagnostic without a head but with its range
    assert.strictEqual(encodeHead(at(1, 0), undefined), '{"range":{"start":{"line":1,"character":2},"end":{"line":2,"character":0}}');
    const mixed = encodePublish({ method: 'textDocument/publishDiagnostics', params: { uri: 'file:///p.md', diagnostics: [placed[0], { range: at(7, 0), [ENCODED_TAIL]: tail }] } })!;
    assert.deepStrictEqual(JSON.parse(mixed.toString('utf8')).params.diagnostics[1], { range: at(7, 0), ...fields });
  });

  it('writes a head from its numbers (HEAD_FIELDS) byte for byte as from its string, for any numbers', () => {
    // the publisher's places carry their range as numbers: no head string is made for the encoder
    const tail = encodeTail(fields);
    const numbers = fc.record({ line: fc.nat(), character: fc.nat(), endLine: fc.nat(), endCharacter: fc.nat(), severity: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(numbers, { maxLength: 6 }), (list) => {
        const fromNumbers = list.map((d) => ({ ...d, [HEAD_FIELDS]: true, [ENCODED_TAIL]: tail }));
        const fromStrings = list.map((d) => ({ [ENCODED_HEAD]: encodeHead({ start: { line: d.line, character: d.character }, end: { line: d.endLine, character: d.endCharacter } }, d.severity), [ENCODED_TAIL]: tail }));
        const msg = (diagnostics: object[]) => ({ method: 'textDocument/publishDiagnostics', params: { uri: 'file:///p.md', diagnostics } });
        assert.ok(encodePublish(msg(fromNumbers) as never)!.equals(encodePublish(msg(fromStrings) as never)!));
      }),
      { numRuns: 300 },
    );
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

  it('writes a list over the previous one in its memory, keeping what they share at both ends, as it would write it anew', () => {
    // a pool of diagnostics (the same objects from one list to the next, as the publisher hands them back), heads of
    // different lengths and tails of two sizes, and random edits of the list: replace, insert, delete, at any place
    const tails = [encodeTail(fields), encodeTail({ code: 'unknown-task', source: 'policy-lens', message: '表9第1项不存在' })];
    const pool = Array.from({ length: 60 }, (_, i) => ({ [ENCODED_HEAD]: encodeHead({ start: { line: i * 97, character: i % 7 }, end: { line: i * 97, character: 10 + i } }, 1 + (i % 4)), [ENCODED_TAIL]: tails[i % 2] }));
    const edit = fc.record({ at: fc.nat(40), removed: fc.nat(6), inserted: fc.array(fc.nat(pool.length - 1), { maxLength: 6 }), version: fc.integer({ min: 1, max: 100000 }) });
    fc.assert(
      fc.property(fc.array(fc.nat(pool.length - 1), { maxLength: 30 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (first, edits) => {
        const memory = Buffer.alloc(64 * 1024);
        let items = first.map((i) => pool[i]);
        let previous = encodeList({ method: 'textDocument/publishDiagnostics', params: { uri: 'file:///p.md', version: 0, diagnostics: items } }, memory)!.layout;
        for (const e of edits) {
          items = [...items.slice(0, e.at), ...e.inserted.map((i) => pool[i]), ...items.slice(e.at + e.removed)];
          const msg = { method: 'textDocument/publishDiagnostics', params: { uri: 'file:///p.md', version: e.version, diagnostics: items } };
          const kept = encodeList(msg, memory, previous)!;
          assert.strictEqual(kept.out.buffer, memory.buffer, 'written in the same memory');
          assert.strictEqual(kept.out.toString('utf8'), encodePublish(msg)!.toString('utf8'));
          previous = kept.layout;
        }
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('writes a list anew in new memory when it has outgrown the previous one\'s', () => {
    const tail = encodeTail(fields);
    const item = (i: number) => ({ [ENCODED_HEAD]: encodeHead({ start: { line: i, character: 0 }, end: { line: i, character: 1 } }, 2), [ENCODED_TAIL]: tail });
    const small = Array.from({ length: 3 }, (_, i) => item(i));
    const memory = Buffer.alloc(2048);
    const first = encodeList({ method: 'textDocument/publishDiagnostics', params: { uri: 'file:///p.md', version: 1, diagnostics: small } }, memory)!;
    const grown = { method: 'textDocument/publishDiagnostics', params: { uri: 'file:///p.md', version: 2, diagnostics: [...small, ...Array.from({ length: 20 }, (_, i) => item(i + 3))] } };
    const again = encodeList(grown, memory, first.layout)!;
    assert.notStrictEqual(again.out.buffer, memory.buffer);
    assert.strictEqual(again.out.toString('utf8'), encodePublish(grown)!.toString('utf8'));
  });
});
