// The reference scanner and the TextMate grammar read the same forms: over every line of the grammar's own fixture,
// the check fixtures, the labelled set and the sample plan, the spans the grammar scopes meta.reference.task are the
// references the scanner finds. Two readers of one form drift apart (表1第16项至第18项 was one range to the grammar
// and two tasks to the scanner); this test says which one moved.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { scanReferences } from '../../server/src/core/references';

const ROOT = path.resolve(__dirname, '../../..');
const GRAMMARS: Record<string, string> = {
  'text.html.markdown': path.join(ROOT, 'test/grammar/markdown.stub.tmLanguage.json'),
  'policy-lens.injection': path.join(ROOT, 'syntaxes/policy-lens.injection.tmLanguage.json'),
};

async function markdownGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope: string) => (GRAMMARS[scope] ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMARS[scope], 'utf8'), GRAMMARS[scope]) : null),
    getInjections: (scope: string) => (scope === 'text.html.markdown' ? ['policy-lens.injection'] : []),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('the Markdown stub grammar did not load');
  return grammar;
}

/** The texts of the spans the grammar scopes as task references, in order. */
function grammarReferences(grammar: vsctm.IGrammar, line: string): string[] {
  const spans: [number, number][] = [];
  let open: [number, number] | undefined;
  for (const t of grammar.tokenizeLine(line, vsctm.INITIAL).tokens) {
    if (!t.scopes.some((s) => s.startsWith('meta.reference.task'))) {
      open = undefined;
      continue;
    }
    if (open && open[1] === t.startIndex) open[1] = t.endIndex;
    else spans.push((open = [t.startIndex, t.endIndex]));
  }
  return spans.map(([a, b]) => line.slice(a, b));
}

/** Every line to compare on: the plan text of the fixtures, without the fixtures' own comment lines. */
function lines(): string[] {
  const texts: string[] = [];
  const read = (file: string) => texts.push(...fs.readFileSync(file, 'utf8').split(/\r?\n/));
  read(path.join(ROOT, 'test/grammar/task-references.test.md'));
  const checks = path.join(ROOT, 'test/fixtures/checks');
  for (const f of fs.readdirSync(checks).filter((f) => f.endsWith('.md'))) read(path.join(checks, f));
  read(path.join(ROOT, 'examples/sample-plan.md'));
  for (const set of ['spans.jsonl', 'heldout.jsonl']) {
    for (const l of fs.readFileSync(path.join(ROOT, 'test/fixtures/meaning', set), 'utf8').split('\n').filter(Boolean)) {
      const span = JSON.parse(l) as { text: string; before?: string };
      texts.push(...span.text.split('\n'), ...(span.before ?? '').split('\n'));
    }
  }
  // an HTML comment is blanked before the checks read a line (the scanner is not asked about it), the grammar skips it;
  // a line indented by a tab or four spaces is a code block to Markdown, where the grammar colours nothing on purpose
  return [...new Set(texts.filter((l) => l.trim() && !l.includes('<!--') && !/^(?:\t| {4})/.test(l)))];
}

describe('the reference scanner and the grammar', () => {
  it('find the same references on every line of the fixtures, the labelled sets and the sample plan', async function () {
    this.timeout(20000);
    const grammar = await markdownGrammar();
    const all = lines();
    const differ: string[] = [];
    for (const line of all) {
      // the grammar colours 任务清单 with the dash form (任务清单表3.4); the scanner's span starts at 表
      const fromGrammar = grammarReferences(grammar, line).map((s) => s.replace(/^任务清单(?=表\s*[0-9０-９]+\s*[-－.．])/, ''));
      const fromScanner = scanReferences(line).map((r) => line.slice(r.start, r.end));
      if (JSON.stringify(fromGrammar) !== JSON.stringify(fromScanner)) differ.push(`${line}\n    grammar ${JSON.stringify(fromGrammar)}\n    scanner ${JSON.stringify(fromScanner)}`);
    }
    assert.ok(all.length > 500, `only ${all.length} lines to compare`);
    assert.deepStrictEqual(differ, [], `the scanner and the grammar read ${differ.length} of ${all.length} lines differently`);
  });
});
