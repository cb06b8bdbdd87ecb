// The diagnostics publisher without a server: what it hands the stdio encoder (pushed) and the client (pulled).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Connection, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerContext } from '../../server/src/serverContext';
import { DiagnosticsPublisher } from '../../server/src/features/diagnostics';
import { diagnosticFields, encodeFindingTail } from '../../server/src/convert';
import { ENCODED_HEAD, ENCODED_TAIL, encodePublish, encodeTail } from '../../server/src/transport';

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

  it('writes each finding\'s tail from its pieces byte for byte as JSON.stringify writes its fields (every finding of the fixtures)', () => {
    // the tail is written without a fields object or the JSON of the whole; a pull makes the fields: both must agree
    const files = [path.join(ROOT, 'examples', 'sample-plan.md'), ...fs.readdirSync(path.join(ROOT, 'test', 'fixtures', 'checks')).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, 'test', 'fixtures', 'checks', f))];
    let count = 0;
    let related = 0;
    for (const file of files) {
      for (const f of ctx.checker.analyze(fs.readFileSync(file, 'utf8'), { locale: 'zh' }).findings) {
        const tail = encodeFindingTail(f, ctx.sources);
        assert.ok(tail.equals(encodeTail(diagnosticFields(f, ctx.sources))), `${f.code} at ${f.start} in ${file}: ${tail.toString('utf8')}`);
        count++;
        related += f.related.length;
      }
    }
    assert.ok(count > 100 && related > 100, `${count} findings, ${related} related spans`);
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

  it('answers a check that throws with one diagnostic that says so, and logs the error, instead of failing', () => {
    const logged: string[] = [];
    const failing = new ServerContext({ console: { error: (m: string) => logged.push(m) } } as unknown as Connection, new TextDocuments(TextDocument), ROOT);
    failing.analysis = () => {
      throw new TypeError("Cannot read properties of undefined (reading '0')");
    };
    const out = new DiagnosticsPublisher(failing).compute(doc(5), true);
    assert.deepStrictEqual(out.map((d) => [d.code, d.severity, d.range.start.line]), [['check-failed', 1, 0]]);
    assert.match(String(out[0].message), /Policy Lens 检查此文件时出错（Cannot read properties of undefined \(reading '0'\)）/);
    assert.ok(logged.length === 1 && logged[0].includes('file:///plan.md (version 5) failed: TypeError'), logged.join('\n'));
    // the next version is checked again
    failing.analysis = ctx.analysis.bind(ctx);
    assert.ok(new DiagnosticsPublisher(failing).compute(doc(6)).every((d) => d.code !== 'check-failed'));
  });

  it('pushes the documents the workspace check lists to a client that pulls the others\', and answers their pulls empty', () => {
    const sent: { uri: string; diagnostics: unknown[] }[] = [];
    let refreshes = 0;
    const connection = { sendDiagnostics: async (p: { uri: string; diagnostics: unknown[] }) => sent.push(p), languages: { diagnostics: { refresh: async () => refreshes++ } } };
    const open = new Map<string, TextDocument>();
    const documents = { get: (u: string) => open.get(u), all: () => [...open.values()], keys: () => [...open.keys()] };
    const server = new ServerContext(connection as unknown as Connection, documents as unknown as TextDocuments<TextDocument>, ROOT);
    const out = new DiagnosticsPublisher(server);
    out.usePull(true);
    const listed = TextDocument.create('file:///listed.md', 'markdown', 1, paragraph);
    const other = TextDocument.create('file:///other.md', 'markdown', 1, paragraph);
    for (const d of [listed, other]) open.set(d.uri, d);
    out.pushedAnyway = (u) => u === listed.uri;
    out.schedule(listed, true);
    out.schedule(other, true);
    assert.deepStrictEqual(sent.map((p) => p.uri), [listed.uri], 'the listed plan pushed, the other left to its pulls');
    assert.ok(sent[0].diagnostics.length > 0);
    const items = (uri: string) => (out.report({ textDocument: { uri } }) as { items: unknown[] }).items;
    assert.deepStrictEqual(items(listed.uri), [], 'pulled empty: its pushed list stands for it');
    assert.ok(items(other.uri).length > 0);
    // a settings change: the pulling client asked to pull again, the listed plan pushed again
    out.publishAll();
    assert.deepStrictEqual([sent.map((p) => p.uri), refreshes], [[listed.uri, listed.uri], 1]);
    // closed: the pushed list emptied (the workspace check then lists it from disk); the other's left to the client
    out.clear(other.uri);
    out.clear(listed.uri);
    assert.deepStrictEqual(sent.slice(2).map((p) => [p.uri, p.diagnostics.length]), [[listed.uri, 0]]);
  });
});
