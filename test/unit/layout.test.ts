// The codebase's layout rules, checked over its files: no two source files share a name (a stack trace, a search or
// an editor tab names a file by its name alone), and the core is pure (it imports only itself, data/ and libraries
// that are plain functions: no vscode, no LSP, no file system).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

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
});
