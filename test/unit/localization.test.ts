// The Chinese the extension shows in VS Code: every string the client localizes (vscode.l10n.t) has its zh-cn
// translation in l10n/, every %key% of package.json has an English and a Chinese text, and neither bundle keeps
// strings nothing uses any more.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const json = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe('the localization of the VS Code extension', () => {
  it('translates every string the client localizes, and nothing else', () => {
    const dir = path.join(ROOT, 'client', 'src');
    const code = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    // a string in single or double quotes, its escapes read (Word\'s is the key Word's)
    const used = [...code.matchAll(/l10n\.t\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g)].map((m) => m[2].replace(/\\(.)/g, '$1'));
    assert.ok(used.length >= 20, `only ${used.length} localized strings found`);
    const zh = json('l10n/bundle.l10n.zh-cn.json');
    assert.deepStrictEqual(used.filter((k) => !(k in zh)), [], 'without a zh-cn translation');
    assert.deepStrictEqual(Object.keys(zh).filter((k) => !used.includes(k)), [], 'translated but not used');
  });

  it('gives every %key% of package.json an English and a Chinese text', () => {
    const keys = [...fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 20, `only ${keys.length} keys in package.json`);
    const en = json('package.nls.json');
    const zh = json('package.nls.zh-cn.json');
    assert.deepStrictEqual([keys.filter((k) => !(k in en)), keys.filter((k) => !(k in zh))], [[], []]);
    assert.deepStrictEqual([Object.keys(en).filter((k) => !keys.includes(k)), Object.keys(zh).filter((k) => !keys.includes(k))], [[], []]);
  });
});
