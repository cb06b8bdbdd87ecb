import * as assert from 'assert';
import { encodePublish, encodeTail, ENCODED_TAIL } from '../../server/src/transport';

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

  it('writes an empty list', () => {
    const fast = encodePublish({ method: 'textDocument/publishDiagnostics', params: { uri: 'untitled:a', diagnostics: [] } })!;
    assert.deepStrictEqual(JSON.parse(fast.toString()), { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'untitled:a', diagnostics: [] } });
  });
});
