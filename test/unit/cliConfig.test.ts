// The CLI's configuration: the editor's policyLens.* settings from .vscode/settings.json (JSONC) or --config FILE.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { ConfigError, parseSettingsText, readCliConfig } from '../../server/src/cli/configuration';
import { readSettings, settingsSection } from '../../server/src/settings';
import { engineSources, loadDefaultIndex, loadExtraSource } from '../../server/src/indexLoader';
import { initialsOf } from '../../server/src/report/reviewCopy';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'sources');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `file:line:col severity code` of the text output's threshold and unknown-task findings (the others have their own tests). */
const heads = (out: string) => out.trim().split('\n').map((l) => l.split(' ').slice(0, 3).join(' ')).filter((h) => / (threshold-mismatch|unknown-task)$/.test(h));

describe('settings files as VS Code writes them', () => {
  it('reads comments and trailing commas', () => {
    const text = '{\n  // a comment\n  "policyLens.referenceStyle": "T1.35", /* another */\n  "editor.tabSize": 2,\n}\n';
    assert.deepStrictEqual(parseSettingsText(text, 'settings.json'), { 'policyLens.referenceStyle': 'T1.35', 'editor.tabSize': 2 });
  });

  it('reads an empty file as no settings', () => {
    assert.deepStrictEqual(parseSettingsText('  \n', 'settings.json'), {});
  });

  it('names the file, line and column of a syntax error', () => {
    assert.throws(() => parseSettingsText('{\n  "policyLens.referenceStyle": "T1.35"\n  "policyLens.inlayHints.enabled": false\n}', '/w/.vscode/settings.json'),
      (e: unknown) => e instanceof ConfigError && /^cannot read the settings \/w\/\.vscode\/settings\.json:3:3: CommaExpected$/.test((e as Error).message));
  });

  it('rejects a file that is not an object of settings', () => {
    assert.throws(() => parseSettingsText('[1, 2]', 's.json'), /expected an object of settings/);
  });

  it('turns flat dotted keys into the policyLens section the editor sends', () => {
    const section = settingsSection({
      'policyLens.diagnostics.misquote.severity': 'off',
      'policyLens.diagnostics.debounceMs': 50,
      'policyLens.sources': [{ path: 'sz.md', prefix: 'SZ' }],
      'editor.tabSize': 2,
      policyLensExtra: true,
    });
    assert.deepStrictEqual(section, { diagnostics: { misquote: { severity: 'off' }, debounceMs: 50 }, sources: [{ path: 'sz.md', prefix: 'SZ' }] });
  });

  it('reads who a review copy is by, and says why a name is not one', () => {
    assert.strictEqual(readSettings({}).settings.reviewAuthor, 'Policy Lens');
    assert.strictEqual(readSettings({ review: { author: ' 市商务局审核组 ' } }).settings.reviewAuthor, '市商务局审核组');
    const bad = readSettings({ review: { author: 42 } });
    assert.deepStrictEqual([bad.settings.reviewAuthor, bad.problems], ['Policy Lens', ['policyLens.review.author: 42 is not a name of 1 to 60 characters; using the default']]);
    assert.deepStrictEqual(['市商务局审核组', 'Policy Lens', 'review office of the city'].map(initialsOf), ['市商', 'PL', 'ROOT']);
  });

  it('takes a source with an empty prefix (the one bare references cite), and says why a prefix is not one', () => {
    assert.deepStrictEqual(readSettings({ sources: [{ path: 'nj.txt', prefix: '' }, { path: 'sz.md', prefix: 'SZ' }] }).settings.sources, [{ path: 'nj.txt', prefix: '' }, { path: 'sz.md', prefix: 'SZ' }]);
    const bad = readSettings({ sources: [{ path: 'x.md', prefix: 'S Z' }] });
    assert.deepStrictEqual(bad.settings.sources, []);
    assert.match(bad.problems[0], /or "" for the source that references without a prefix cite/);
  });

  it('builds the engine on the source that replaces the default, and on none when it failed', () => {
    const base = loadDefaultIndex(ROOT);
    const own = loadExtraSource(path.join(FIXTURES, 'shenzhen.md'), '');
    const sz = loadExtraSource(path.join(FIXTURES, 'shenzhen.md'), 'SZ');
    assert.deepStrictEqual(engineSources(base, { indexes: [sz], failed: [] }), [base, sz]);
    assert.deepStrictEqual(engineSources(base, { indexes: [sz, own], failed: [] }), [own, sz], 'the empty prefix first, in place of the default');
    assert.deepStrictEqual(engineSources(base, { indexes: [sz], failed: [''] }), [sz], 'never the default in place of a source that failed');
    assert.deepStrictEqual(engineSources(base, { indexes: [], failed: ['SZ'] }), [base]);
  });

  it('merges a nested policyLens object with flat keys', () => {
    const section = settingsSection({
      policyLens: { referenceStyle: 'T1.35', diagnostics: { 'unknown-task': { severity: 'warning' } } },
      'policyLens.diagnostics.misquote.severity': 'hint',
      'policyLens.diagnostics': { 'domain-mismatch': { severity: 'off' } },
    });
    assert.deepStrictEqual(section, {
      referenceStyle: 'T1.35',
      diagnostics: { 'unknown-task': { severity: 'warning' }, misquote: { severity: 'hint' }, 'domain-mismatch': { severity: 'off' } },
    });
  });

  describe('finding the configuration', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-config-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('reads .vscode/settings.json in the current folder, and resolves sources against that folder', () => {
      fs.mkdirSync(path.join(dir, '.vscode'));
      fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{ "policyLens.sources": [{ "path": "p/sz.md", "prefix": "SZ" }], "policyLens.diagnostics.misquote.severity": "off" }');
      const config = readCliConfig(dir);
      assert.strictEqual(config.file, path.join(dir, '.vscode', 'settings.json'));
      assert.strictEqual(config.folder, dir);
      assert.deepStrictEqual(config.settings.sources, [{ path: 'p/sz.md', prefix: 'SZ' }]);
      assert.deepStrictEqual(config.settings.severity, { misquote: 'off' });
    });

    it('uses the defaults when the folder has no settings file', () => {
      const config = readCliConfig(dir);
      assert.strictEqual(config.file, undefined);
      assert.deepStrictEqual([config.settings.sources, config.settings.severity, config.problems], [[], {}, []]);
    });

    it('reads --config FILE relative to the current folder, and resolves sources against its folder', () => {
      fs.mkdirSync(path.join(dir, 'conf'));
      fs.writeFileSync(path.join(dir, 'conf', 'lens.jsonc'), '{ "policyLens": { "sources": [{ "path": "sz.md", "prefix": "SZ" }] } }');
      const config = readCliConfig(dir, 'conf/lens.jsonc');
      assert.strictEqual(config.folder, path.join(dir, 'conf'));
      assert.deepStrictEqual(config.settings.sources, [{ path: 'sz.md', prefix: 'SZ' }]);
    });

    it('resolves the sources of --config path/.vscode/settings.json against path, as the editor does', () => {
      fs.mkdirSync(path.join(dir, '.vscode'));
      fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{}');
      assert.strictEqual(readCliConfig(os.tmpdir(), path.join(dir, '.vscode', 'settings.json')).folder, dir);
    });

    it('reports invalid values, as the editor does, and uses the defaults for them', () => {
      fs.writeFileSync(path.join(dir, 's.json'), '{ "policyLens.diagnostics.misquote.severity": "loud" }');
      const config = readCliConfig(dir, 's.json');
      assert.deepStrictEqual(config.settings.severity, {});
      assert.match(config.problems.join('\n'), /policyLens\.diagnostics\.misquote\.severity: "loud"/);
    });

    it('reads policyLens.structure.requireDeadline, and reports a value it does not know', () => {
      fs.writeFileSync(path.join(dir, 'd.json'), '{ "policyLens.structure.requireDeadline": "always" }');
      assert.strictEqual(readCliConfig(dir, 'd.json').settings.structure.requireDeadline, 'always');
      fs.writeFileSync(path.join(dir, 'd.json'), '{ "policyLens.structure": { "requireDeadline": "sometimes" } }');
      const config = readCliConfig(dir, 'd.json');
      assert.strictEqual(config.settings.structure.requireDeadline, 'auto');
      assert.match(config.problems.join('\n'), /policyLens\.structure\.requireDeadline: "sometimes" is not "auto", "always" or "off"/);
    });

    it('reads the settings of a .code-workspace file, and resolves sources against its first folder', () => {
      fs.writeFileSync(path.join(dir, 'team.code-workspace'), '{ "folders": [{ "path": "plans" }, { "path": "other" }], "settings": { "policyLens.sources": [{ "path": "sz.md", "prefix": "SZ" }] } }');
      const config = readCliConfig(os.tmpdir(), path.join(dir, 'team.code-workspace'));
      assert.strictEqual(config.folder, path.join(dir, 'plans'));
      assert.deepStrictEqual(config.settings.sources, [{ path: 'sz.md', prefix: 'SZ' }]);
    });

    it('fails on a --config file that does not exist, naming it', () => {
      assert.throws(() => readCliConfig(dir, 'missing.json'), (e: unknown) => e instanceof ConfigError && (e as Error).message.includes(path.join(dir, 'missing.json')));
    });
  });
});

describe('policy-lens check with settings', function () {
  this.timeout(20000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-cli-config-'));
    fs.mkdirSync(path.join(dir, 'policies'));
    fs.mkdirSync(path.join(dir, '.vscode'));
    fs.copyFileSync(path.join(FIXTURES, 'shenzhen.md'), path.join(dir, 'policies', 'shenzhen.md'));
    fs.writeFileSync(path.join(dir, 'plan.md'), '一、落实SZ表1第3项，外资比例不超过60%。\n\n二、推进SZ表2第5项和表1第58项。\n');
    fs.writeFileSync(path.join(dir, 'notes.md'), '# 会议纪要\n\n没有任务清单。\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const settings = (o: object) => fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(o, null, 2));

  it('without settings, knows nothing of the SZ source and its thresholds', () => {
    fs.rmSync(path.join(dir, '.vscode', 'settings.json'), { force: true });
    const r = cli(['check', 'plan.md'], dir);
    assert.doesNotMatch(r.out, /threshold-mismatch|SZ/, `no SZ threshold without the source: ${r.out}${r.err}`);
    assert.match(r.out, /plan\.md:3:13 error unknown-task/, 'the default source still checks');
  });

  it('loads the extra source, and follows the severities of .vscode/settings.json', () => {
    settings({ 'policyLens.sources': [{ path: 'policies/shenzhen.md', prefix: 'SZ' }], 'policyLens.diagnostics.unknown-task.severity': 'warning' });
    const r = cli(['check', 'plan.md'], dir);
    assert.deepStrictEqual(heads(r.out), [
      'plan.md:1:17 error threshold-mismatch',
      'plan.md:3:5 warning unknown-task',
      'plan.md:3:13 warning unknown-task',
    ], r.out + r.err);
    assert.match(r.out, /“外资比例不超过60%”与SZ表1第3项不符：原文为“外资比例不超过49%”/);
    assert.strictEqual(r.code, 1, 'an error was found');
  });

  it('leaves out a check that is turned off', () => {
    settings({ 'policyLens.sources': [{ path: 'policies/shenzhen.md', prefix: 'SZ' }], 'policyLens.diagnostics.threshold-mismatch.severity': 'off' });
    const r = cli(['check', 'plan.md'], dir);
    assert.doesNotMatch(r.out, /threshold-mismatch/);
    assert.match(r.out, /unknown-task/);
  });

  it('reads the same keys from --config FILE, wherever it is run', () => {
    const file = path.join(dir, 'lens.json');
    fs.writeFileSync(file, JSON.stringify({ 'policyLens.sources': [{ path: 'policies/shenzhen.md', prefix: 'SZ' }], 'policyLens.diagnostics.unknown-task.severity': 'off' }));
    const r = cli(['check', path.join(dir, 'plan.md'), '--config', file], ROOT);
    assert.deepStrictEqual(heads(r.out).map((h) => h.split(' ').slice(1).join(' ')), ['error threshold-mismatch'], r.out + r.err);
  });

  it('loads a Word source (.docx) with its task list in tables', async () => {
    const md = fs.readFileSync(path.join(FIXTURES, 'shenzhen.md'), 'utf8').split('\n');
    const children: (Paragraph | Table)[] = [];
    let rows: string[][] = [];
    const flush = () => {
      if (rows.length) children.push(new Table({ rows: rows.map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }));
      rows = [];
    };
    for (const line of md) {
      if (/^\|\s*-/.test(line)) continue;
      if (line.startsWith('|')) rows.push(line.slice(1, -1).split('|').map((c) => c.trim()));
      else if (line.trim()) {
        flush();
        children.push(new Paragraph(line.replace(/^#+\s*/, '')));
      }
    }
    flush();
    fs.writeFileSync(path.join(dir, 'policies', 'shenzhen.docx'), await Packer.toBuffer(new Document({ sections: [{ children }] })));
    settings({ 'policyLens.sources': [{ path: 'policies/shenzhen.docx', prefix: 'SZ' }] });
    const r = cli(['check', 'plan.md'], dir);
    assert.match(r.out, /plan\.md:1:17 error threshold-mismatch “外资比例不超过60%”与SZ表1第3项不符：原文为“外资比例不超过49%”/, r.out + r.err);
  });

  it('exits 2 with one error naming a source without a task list and why', () => {
    settings({ 'policyLens.sources': [{ path: 'policies/shenzhen.md', prefix: 'SZ' }, { path: 'notes.md', prefix: 'NO' }] });
    const r = cli(['check', 'plan.md'], dir);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.err.trim().split('\n').length, 1, `one error: ${r.err}`);
    assert.match(r.err, new RegExp(`${path.join(dir, 'notes.md').replace(/[.\\]/g, '\\$&')}:1: no task list found`));
  });

  it('exits 2 naming a source that cannot be read', () => {
    settings({ 'policyLens.sources': [{ path: 'policies/missing.md', prefix: 'SZ' }] });
    const r = cli(['check', 'plan.md'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /policies\/missing\.md: cannot read: no such file/);
  });

  it('checks against --source FILE in place of the bundled source, as an empty prefix in the settings does, in check and report alike', () => {
    fs.writeFileSync(path.join(dir, 'city-plan.md'), '一、落实表1第3项，外资比例不超过60%。\n\n二、推进表1第12项。\n');
    settings({ 'policyLens.sources': [{ path: 'policies/shenzhen.md', prefix: '' }] });
    const bySettings = cli(['check', 'city-plan.md'], dir);
    fs.rmSync(path.join(dir, '.vscode', 'settings.json'));
    const byFlag = cli(['check', 'city-plan.md', '--source', 'policies/shenzhen.md'], dir);
    assert.deepStrictEqual(heads(byFlag.out), ['city-plan.md:1:15 error threshold-mismatch', 'city-plan.md:3:5 error unknown-task'], byFlag.out + byFlag.err);
    assert.strictEqual(byFlag.out, bySettings.out);
    // it takes the place of an empty prefix the settings name, and keeps their other sources
    settings({ 'policyLens.sources': [{ path: 'policies/missing.md', prefix: '' }, { path: 'policies/shenzhen.md', prefix: 'SZ' }] });
    const both = cli(['check', 'plan.md', '--source=policies/shenzhen.md'], dir);
    assert.match(both.out, /plan\.md:1:17 error threshold-mismatch “外资比例不超过60%”与SZ表1第3项不符/, both.out + both.err);
    const report = cli(['report', 'city-plan.md', '--source', 'policies/shenzhen.md'], dir);
    assert.strictEqual(report.code, 0, report.err);
    assert.match(report.out, /外资比例不超过49%/);
    assert.doesNotMatch(report.out, /中方股比不低于67%/, 'nothing of the bundled source');
    const missing = cli(['check', 'city-plan.md', '--source', 'policies/nowhere.txt'], dir);
    assert.deepStrictEqual([missing.code, missing.out], [2, '']);
    assert.match(missing.err, /nowhere\.txt: cannot read: no such file/);
  });

  it('exits 2 naming the line and column of a broken settings file', () => {
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{\n  "policyLens.sources": [\n}\n');
    const r = cli(['check', 'plan.md'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /settings\.json:3:1: /);
  });

  it('warns about an invalid value and checks with the default', () => {
    settings({ 'policyLens.diagnostics.unknown-task.severity': 'loud' });
    const r = cli(['check', 'plan.md'], dir);
    assert.match(r.err, /warning: policyLens\.diagnostics\.unknown-task\.severity: "loud"/);
    assert.match(r.out, /error unknown-task/);
  });
});
