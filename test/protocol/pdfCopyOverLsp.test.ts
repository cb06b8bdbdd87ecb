// A plan copied out of a PDF into a text file, over the protocol: its findings on the lines the editor shows, a
// reference broken over two lines hovered from either, a quick fix that writes only what it changes (the lines stay
// broken as they were), and an edit checked as it is typed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LineIndex } from '../../server/src/core/text';
import { LspClient } from '../support/lspClient';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function pdfCopy(id: string): string {
  const line = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'heldout', 'pdf-copies-r12.jsonl'), 'utf8').split('\n').find((l) => l.includes(`"id":"${id}"`));
  assert.ok(line, id);
  return JSON.parse(line).text;
}

describe('a plan copied out of a PDF, over the protocol', function () {
  this.timeout(20000);
  let client: LspClient;
  const uri = 'untitled:pdf-copy.txt';
  const text = pdfCopy('pc12_04');
  const lines = new LineIndex(text);
  let diagnostics: any[];

  before(async () => {
    client = new LspClient();
    await client.initialize({ initializationOptions: { policyLens: { diagnostics: { debounceMs: 0 } } } });
    client.open(uri, text, 'plaintext');
    diagnostics = (await client.waitForDiagnostics(uri)).diagnostics;
  });
  after(() => client.shutdown());

  it('reports the planted mistakes, and nothing the line breaks made, on the lines the editor shows', () => {
    const codes = diagnostics.filter((d) => d.severity <= 2).map((d) => d.code).sort();
    assert.deepStrictEqual(codes, ['other-district-unit', 'threshold-mismatch']);
    const unit = diagnostics.find((d) => d.code === 'other-district-unit');
    const at = text.indexOf('天河区商\n务局');
    assert.deepStrictEqual(unit.range, { start: lines.positionAt(at), end: lines.positionAt(at + '天河区商\n务局'.length) });
  });

  it('hovers a reference broken over two lines from its second line', async () => {
    const at = text.indexOf('表1第1\n9项');
    assert.ok(at > 0);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: lines.positionAt(at + '表1第1\n'.length) });
    assert.match(hover.contents.value, /表1第19项/);
    assert.deepStrictEqual(hover.range.start, lines.positionAt(at));
  });

  it('fixes 6⏎0% by writing 5 over the 6: the line stays broken where it was', async () => {
    const d = diagnostics.find((x) => x.code === 'threshold-mismatch');
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a: any) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a: any) => a.title)));
    const six = text.indexOf('不超过6\n0%') + 3;
    assert.deepStrictEqual(fix.edit.changes[uri], [{ range: { start: lines.positionAt(six), end: lines.positionAt(six + 1) }, newText: '5' }]);
  });

  it('checks the edited copy as it is typed: the fix made, its finding goes', async () => {
    const six = lines.positionAt(text.indexOf('不超过6\n0%') + 3);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: six, end: { line: six.line, character: six.character + 1 } }, text: '5' }] });
    const after = (await client.waitForDiagnostics(uri, 2)).diagnostics;
    assert.deepStrictEqual(after.filter((d: any) => d.severity <= 2).map((d: any) => d.code), ['other-district-unit']);
  });
});
