// The codebase's layout rules, checked over its files: no two source files share a name (a stack trace, a search or
// an editor tab names a file by its name alone), the core is pure (it imports only itself, data/ and libraries that
// are plain functions: no vscode, no LSP, no file system), its code names nothing of one source (that is read from
// the parsed source or data/, so that another city's 总体方案 is checked as well), the custom requests and
// notifications are declared, typed, in the shared protocol module alone, and no test times anything (npm run bench
// does).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { placesOf } from '../../server/src/core/summary';
import { PolicyIndex } from '../../server/src/core/types';

const ROOT = path.resolve(__dirname, '../../..');
const SOURCE_DIRS = ['server', 'client', 'test', 'scripts', 'bench'];
const SOURCE = /\.(ts|js|mjs|cjs|sh)$/;
/** Libraries the core may import: pure functions over strings. */
const CORE_LIBRARIES = new Set(['fuse.js', 'pinyin-pro']);

function filesUnder(dir: string, into: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(full, into);
    else into.push(full);
  }
  return into;
}

/** A TypeScript file without its comments (a URL's `//` after a colon or quote stays). */
function codeOf(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
}

describe('the layout of the codebase', () => {
  it('gives every source file a name no other source file has', () => {
    const byName = new Map<string, string[]>();
    for (const dir of SOURCE_DIRS) {
      const at = path.join(ROOT, dir);
      if (!fs.existsSync(at)) continue;
      for (const file of filesUnder(at)) {
        if (!SOURCE.test(file) || file.endsWith('.d.ts')) continue;
        const name = path.basename(file);
        byName.set(name, [...(byName.get(name) ?? []), path.relative(ROOT, file)]);
      }
    }
    assert.ok(byName.size > 50, `only ${byName.size} source files found under ${ROOT}`);
    const shared = [...byName.values()].filter((files) => files.length > 1);
    assert.deepStrictEqual(shared, []);
  });

  it('keeps the core pure: it imports only itself, data/ and string libraries', () => {
    const core = path.join(ROOT, 'server/src/core');
    const files = filesUnder(core).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length > 20, `only ${files.length} files in ${core}`);
    const wrong: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm)) {
        const spec = m[1];
        const target = path.resolve(path.dirname(file), spec);
        const inCore = spec.startsWith('.') && (target === core || target.startsWith(core + path.sep));
        const inData = spec.startsWith('.') && target.startsWith(path.join(ROOT, 'data') + path.sep);
        if (!inCore && !inData && !CORE_LIBRARIES.has(spec)) wrong.push(`${path.relative(ROOT, file)}: ${spec}`);
      }
      for (const m of text.matchAll(/\brequire\(\s*'([^']+)'\s*\)/g)) wrong.push(`${path.relative(ROOT, file)}: require ${m[1]}`);
    }
    assert.deepStrictEqual(wrong, []);
  });

  it("names no task, place or document number of the default source in the core's code (comments aside)", () => {
    const source: PolicyIndex = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/index.json'), 'utf8'));
    const places = placesOf(source).names;
    assert.ok(places.length >= 5, `places of the default source: ${places.join('、')}`);
    // the places as the source writes them (广州开发区), not the shorter forms read after the city (开发区: a common word)
    const named = [...places.filter((p) => !places.some((q) => q !== p && q.endsWith(p))), source.meta.docNumber];
    const wrong: string[] = [];
    for (const file of filesUnder(path.join(ROOT, 'server/src/core')).filter((f) => f.endsWith('.ts'))) {
      const code = codeOf(file);
      const at = path.relative(ROOT, file);
      for (const name of named) if (code.includes(name)) wrong.push(`${at}: ${name}`);
      for (const m of code.matchAll(/\bT\d+\.\d+\b|表\d+第\d+项/g)) wrong.push(`${at}: ${m[0]}`);
    }
    assert.deepStrictEqual(wrong, []);
  });

  it('declares every custom method once, typed, in the shared protocol module, and uses it by that name', () => {
    const protocol = path.join(ROOT, 'server/src/shared/protocol.ts');
    const declared = [...fs.readFileSync(protocol, 'utf8').matchAll(/new (?:RequestType|NotificationType)\d?<?[^(]*\('(policyLens\/\w+)'\)/g)].map((m) => m[1]);
    assert.ok(declared.length >= 4, `declared: ${declared.join(', ')}`);
    assert.strictEqual(new Set(declared).size, declared.length, `declared twice: ${declared.join(', ')}`);
    const literal: string[] = [];
    for (const dir of ['server/src', 'client/src']) {
      for (const file of filesUnder(path.join(ROOT, dir)).filter((f) => f.endsWith('.ts') && f !== protocol)) {
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/['"`]policyLens\/\w+['"`]/g)) literal.push(`${path.relative(ROOT, file)}: ${m[0]}`);
      }
    }
    assert.deepStrictEqual(literal, []);
  });

  it('measures speed in the bench only: no unit or protocol test reads a clock', () => {
    const clocks: string[] = [];
    for (const dir of ['test/unit', 'test/protocol']) {
      for (const file of filesUnder(path.join(ROOT, dir)).filter((f) => f.endsWith('.ts'))) {
        const code = codeOf(file);
        for (const m of code.matchAll(/\b(?:Date\.now|performance\.now|process\.hrtime)\b/g)) clocks.push(`${path.relative(ROOT, file)}: ${m[0]}`);
      }
    }
    assert.deepStrictEqual(clocks, []);
  });
});
