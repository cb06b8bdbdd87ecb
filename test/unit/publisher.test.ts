// The diagnostics publisher without a server: what it hands the stdio encoder (pushed) and the client (pulled).
import * as assert from 'assert';
import * as path from 'path';
import { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerContext } from '../../server/src/context';
import { DiagnosticsPublisher } from '../../server/src/features/diagnostics';
import { ENCODED_HEAD, ENCODED_TAIL, encodePublish } from '../../server/src/transport';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('the diagnostics publisher', () => {
  const ctx = new ServerContext({} as Connection, new TextDocuments(TextDocument), ROOT);
  const publisher = new DiagnosticsPublisher(ctx);
  // the same paragraph twice under the same heading (which resets the table last named): one cached result, so each
  // of its findings at two places
  const paragraph = '# 金融服务\n\n落实表1第12项，中方股比不低于51%。';
  const doc = (version: number, text = `${paragraph}\n\n${paragraph}\n`) => TextDocument.create('file:///plan.md', 'markdown', version, text);

  it('pushes each place as its head, with one tail for a finding wherever it stands, writing what a pull gets whole', () => {
    const pushed = publisher.compute(doc(1), true) as unknown as { [ENCODED_HEAD]: string; [ENCODED_TAIL]: Buffer }[];
    const pulled = publisher.compute(doc(1));
    assert.ok(pulled.length >= 2 && pulled.length % 2 === 0, `${pulled.length} diagnostics: the same ones in both copies`);
    const half = pulled.length / 2;
    for (let i = 0; i < half; i++) {
      assert.strictEqual(pushed[i][ENCODED_TAIL], pushed[i + half][ENCODED_TAIL], 'one tail for both places');
      assert.notStrictEqual(pushed[i][ENCODED_HEAD], pushed[i + half][ENCODED_HEAD]);
    }
    const wire = JSON.parse(encodePublish({ method: 'textDocument/publishDiagnostics', params: { uri: 'file:///plan.md', version: 1, diagnostics: pushed } })!.toString('utf8'));
    assert.deepStrictEqual(wire.params.diagnostics, JSON.parse(JSON.stringify(pulled)));
    assert.ok(pulled.every((d) => d.range && d.message && !(ENCODED_TAIL in d)), 'pulled: whole diagnostics');
    // what another encoder (JSON.stringify) would make of a pushed list: the diagnostics themselves, not `{}`
    assert.deepStrictEqual(JSON.parse(JSON.stringify(pushed)), JSON.parse(JSON.stringify(pulled)));
  });

  it('hands back the same items for findings that did not move, and new ones for those that did', () => {
    const before = publisher.compute(doc(2), true);
    const same = publisher.compute(doc(3, `${paragraph}\n\n${paragraph}\n\n补充一段。\n`), true);
    assert.deepStrictEqual(same, before);
    same.forEach((d, i) => assert.strictEqual(d, before[i]));
    const moved = publisher.compute(doc(4, `\n\n${paragraph}\n\n${paragraph}\n`), true);
    moved.forEach((d, i) => {
      assert.notStrictEqual(d, before[i]);
      assert.strictEqual((d as never)[ENCODED_TAIL], (before[i] as never)[ENCODED_TAIL]);
    });
  });
});
