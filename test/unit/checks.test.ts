// The checks at the core level, case by case from test/fixtures/checks/*.md: exactly the expected findings at
// the expected places, messages and quick fixes as labelled, every quick fix removes its finding, directives
// silence what they name, and the CLI reports what the core reports.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadEngine } from '../../server/src/engine';
import { Finding } from '../../server/src/core/findings';
import {
  applyEdit, Case, compare, DEFAULT_SEVERITY, describeCase, Expectation, fixtureFiles, parseFixture, positionAt, ROOT, whereOf,
} from '../fixtures/checks/cases';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const { checker } = loadEngine(ROOT);

function analyze(text: string, locale: 'zh' | 'en' = 'zh', severity?: Record<string, string>): Finding[] {
  return checker.analyze(text, { locale, severity: severity as any }).findings;
}

function show(text: string, f: { code: string; start: number; end: number }): string {
  return `${f.code}@“${text.slice(f.start, f.end)}”`;
}

/** Checks a case's findings; returns the finding matched to each expectation. */
function checkCase(c: Case): Map<Expectation, Finding> {
  const findings = analyze(c.text, c.locale);
  const { problems, matched } = compare(c, findings);
  assert.ok(!problems, `the findings differ from the fixture:\n${problems}`);
  const byExpectation = new Map<Expectation, Finding>();
  for (const [e, seen] of matched) {
    const f = seen as Finding;
    byExpectation.set(e, f);
    const at = `${whereOf(c)}: ${show(c.text, f)}`;
    assert.strictEqual(f.severity, DEFAULT_SEVERITY[e.code].word, `${at} has severity ${f.severity}, not the default ${DEFAULT_SEVERITY[e.code].word}`);
    for (const part of e.message) {
      assert.ok(f.message.includes(part), `${at}: the message ${JSON.stringify(f.message)} does not contain ${JSON.stringify(part)}`);
    }
    if (e.fixes) {
      assert.deepStrictEqual(f.fixes.map((x) => x.newText), e.fixes,
        `${at}: the quick fixes replace with ${JSON.stringify(f.fixes.map((x) => x.newText))}, the fixture expects ${JSON.stringify(e.fixes)}`);
    }
  }
  return byExpectation;
}

const files = fixtureFiles();
const cases = files.flatMap((f) => parseFixture(f));

describe('the check fixtures', () => {
  it('hold at least 40 positive and 40 negative cases across the four checks', () => {
    const four = ['threshold-mismatch', 'misquote', 'domain-mismatch', 'ambiguous-reference'];
    const positive = cases.filter((c) => c.expect.some((e) => four.includes(e.code))).length;
    const negative = cases.filter((c) => c.expect.length === 0).length;
    assert.ok(positive >= 40, `${positive} positive cases`);
    assert.ok(negative >= 40, `${negative} negative cases`);
    for (const code of four) assert.ok(cases.some((c) => c.expect.some((e) => e.code === code)), `no case expects ${code}`);
  });
});

describe('the checks on each fixture case (core)', () => {
  for (const file of files) {
    describe(path.basename(file), () => {
      for (const c of parseFixture(file)) it(describeCase(c), () => void checkCase(c));
    });
  }
});

describe('quick fixes, applied and re-checked (core)', () => {
  for (const c of cases) {
    for (const e of c.expect) {
      if (e.fixes && !e.fixes.length) continue; // the fixture says: no quick fix
      it(`${c.bug ? '[core bug] ' : ''}${c.name}: every quick fix of ${e.code}@${e.anchor} removes it and adds nothing`, () => {
        const before = analyze(c.text, c.locale);
        const f = before.find((x) => x.code === e.code && x.start === e.start && (e.startOnly || x.end === e.end));
        assert.ok(f, `${whereOf(c)}: ${e.code}@“${e.anchor}” is not reported, so it has no fix to apply; reported: ${before.map((x) => show(c.text, x)).join(', ') || 'nothing'}`);
        assert.ok(f.fixes.length, `${whereOf(c)}: ${show(c.text, f)} offers no quick fix`);
        for (const fix of f.fixes) {
          const fixed = applyEdit(c.text, fix);
          const after = analyze(fixed, c.locale);
          const editEnd = fix.start + fix.newText.length;
          const from = Math.min(fix.start, f.start);
          const to = Math.max(editEnd, f.start + 1);
          const same: Finding[] = after.filter((x) => x.code === f.code && x.start < to && x.end > from);
          assert.deepStrictEqual(same.map((x) => show(fixed, x)), [],
            `${whereOf(c)}: after “${fix.title}” the text reads ${JSON.stringify(fixed)} and still has ${same.map((x) => show(fixed, x)).join(', ')}`);
          // nothing new: each remaining code was there before (a fix may remove more than its own finding)
          const left = before.filter((x) => x !== f).map((x) => x.code);
          for (const x of after) {
            const i = left.indexOf(x.code);
            assert.ok(i >= 0, `${whereOf(c)}: “${fix.title}” introduced ${show(fixed, x)} (${x.message}) into ${JSON.stringify(fixed)}`);
            left.splice(i, 1);
          }
        }
      });
    }
  }

  it('replaces only the wrong value when the comparator is right, and the whole phrase when it is not', () => {
    const edits = (text: string) => analyze(text)[0].fixes.map((x) => ({ replaces: text.slice(x.start, x.end), with: x.newText }));
    assert.deepStrictEqual(edits('落实表1第12项，中方股比不低于51%。'), [{ replaces: '51%', with: '67%' }]);
    assert.deepStrictEqual(edits('落实表1第12项，中方股比不超过67%。'), [{ replaces: '不超过67%', with: '不低于67%' }]);
    assert.deepStrictEqual(edits('落实表4第9项，外国投资者资产总额不低于2千万美元。'), [{ replaces: '2千万美元', with: '2亿美元' }]);
  });

  it('suggests the task a sentence is about for one wrong number of a list, and for two only the nearest (which one was meant is unknown)', () => {
    const fixes = (text: string) => analyze(text).filter((f) => f.code === 'unknown-task').map((f) => [text.slice(f.start, f.end), f.fixes[0].newText]);
    const about = '推动民营企业以控股或参股形式开展发电、增量配电和售电业务';
    assert.deepStrictEqual(fixes(`${about}（表1第12、64项）。`), [['64', '46']]);
    assert.deepStrictEqual(fixes(`${about}（表1第64、65项）。`), [['64', '57'], ['65', '57']]);
  });

  it('prefers the task a sentence is about, and offers the nearest number without preferring it (a question, not the fix)', () => {
    const preferred = (text: string) => analyze(text).filter((f) => f.code === 'unknown-task').map((f) => [f.fixes[0].newText, !!f.fixes[0].preferred]);
    assert.deepStrictEqual(preferred('推动民营企业以控股或参股形式开展发电、增量配电和售电业务（表1第64项）。'), [['表1第46项', true]]);
    assert.deepStrictEqual(preferred('落实表1第58项，推动会展业高质量发展。'), [['表1第57项', false]]);
    assert.deepStrictEqual(preferred('落实表1第15至12项。'), [['12至15', true]], 'a range written backwards: its numbers swapped');
  });
});

describe('directives (core)', () => {
  const directiveCases = cases.filter((c) => c.file === 'directives.md');
  const strip = (text: string) => text.replace(/<!--\s*policy-lens-[^>]*-->/g, '');

  it('are exercised by the fixtures', () => assert.ok(directiveCases.length >= 8, `${directiveCases.length} directive cases`));

  for (const c of directiveCases) {
    it(`${c.name}: the directive is what silences the findings`, () => {
      const withDirective = analyze(c.text);
      const without = analyze(strip(c.text));
      assert.ok(without.length > withDirective.length,
        `${whereOf(c)}: without its directives the text has ${without.length} findings, with them ${withDirective.length}`);
    });
  }

  it('ignore a directive naming an unknown code rather than silencing everything', () => {
    const text = '<!-- policy-lens-disable-next-line no-such-code -->\n落实表1第12项，中方股比不低于51%。';
    assert.deepStrictEqual(analyze(text).map((f) => f.code), ['threshold-mismatch']);
  });
});

describe('severity settings (core)', () => {
  const text = '落实表1第12项，中方股比不低于51%，“法定代表人应具有中国国籍”。';

  it('reports both findings with their default severities', () => {
    assert.deepStrictEqual(analyze(text).map((f) => [f.code, f.severity]), [['threshold-mismatch', 'error'], ['misquote', 'warning']]);
  });

  it('drops a code set to off and changes the severity of a code set to hint', () => {
    const findings = analyze(text, 'zh', { misquote: 'off', 'threshold-mismatch': 'hint' });
    assert.deepStrictEqual(findings.map((f) => [f.code, f.severity]), [['threshold-mismatch', 'hint']]);
  });
});

describe('the CLI and the core agree', () => {
  function cli(file: string, locale: 'zh' | 'en'): any[] {
    const r = spawnSync(process.execPath, [CLI, 'check', file, '--format', 'json', '--locale', locale], {
      encoding: 'utf8', env: { ...process.env, POLICY_LENS_LOCALE: '' }, cwd: ROOT,
    });
    assert.ok(r.status === 0 || r.status === 1, `policy-lens check ${file} exited ${r.status}: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    return out[0].diagnostics;
  }
  const LSP_SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };
  const key = (d: { code: string; range: any; severity: number; message: string }) =>
    `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.severity} ${d.message}`;

  for (const file of files) {
    const locale = path.basename(file) === 'locale-en.md' ? 'en' : 'zh';
    it(`on ${path.basename(file)} (--locale ${locale}): the same codes, ranges, severities and messages`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const core = analyze(text, locale).map((f) => key({
        code: f.code, severity: LSP_SEVERITY[f.severity], message: f.message,
        range: { start: positionAt(text, f.start), end: positionAt(text, f.end) },
      }));
      const fromCli = cli(file, locale).map((d) => {
        assert.strictEqual(d.source, 'policy-lens');
        return key(d);
      });
      assert.ok(core.length > 0, `the core reports nothing on ${path.basename(file)}`);
      assert.deepStrictEqual(fromCli, core, `the CLI and the core differ on ${path.basename(file)}`);
    });
  }

  it('honours directives in the file it checks', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-checks-'));
    try {
      const plan = '落实表1第12项，“法定代表人应具有中国国籍”。\n';
      fs.writeFileSync(path.join(dir, 'plain.md'), plan);
      fs.writeFileSync(path.join(dir, 'silenced.md'), '<!-- policy-lens-disable-next-line misquote -->\n' + plan);
      assert.deepStrictEqual(cli(path.join(dir, 'plain.md'), 'zh').map((d) => d.code), ['misquote']);
      assert.deepStrictEqual(cli(path.join(dir, 'silenced.md'), 'zh').map((d) => d.code), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the words a finding says a span shares with a task', () => {
  it('are the item\'s own, not the lead unit\'s name in the parenthesis that assigns it', () => {
    const text = '1. 开展金融领域管理信息共享、监管协作和风险跨境处置合作（表5第9项）。（区金融工作局牵头，2025年6月底前）\n' +
      '2. 规范探索知识产权证券化（表1第2项）。（区科技局牵头，2024年底前）\n';
    const messages = checker.analyze(text, { locale: 'zh' }).findings.filter((f) => f.code === 'reference-mismatch').map((f) => f.message);
    assert.strictEqual(messages.length, 2, messages.join('\n'));
    assert.ok(messages[0].includes('“开展金融领域管理信息共享”') && !messages[0].includes('“金融”'), messages[0]);
    assert.ok(messages[1].includes('“规范探索知识产权证券化”') && !messages[1].includes('“科技”'), messages[1]);
  });
});

describe('the fixture cases as a text plan saved from Word writes them', () => {
  // every line opened with two ideographic spaces (　　1．…, 　　牵头单位：…): the same findings on the same words. Not
  // the cases whose meaning depends on Markdown's blanks (headings, table rows, tab-separated rows, nested lists).
  const indentable = (c: Case) => !/^[ \t]*[#|]|\t|^ +\S/m.test(c.text.replace(/<!--[\s\S]*?-->/g, ''));
  const indent = (text: string) => text.replace(/^(?=\S)/gm, '\u3000\u3000');
  const seen = (text: string) => analyze(text).map((f) => `${show(text, f)} ${f.message}`).sort();
  it('report what the case reports, on the same words', () => {
    const all = files.flatMap((file) => parseFixture(file)).filter((c) => c.locale === 'zh' && indentable(c));
    assert.ok(all.length >= 350, `${all.length} cases`);
    const differ = all.filter((c) => JSON.stringify(seen(c.text)) !== JSON.stringify(seen(indent(c.text))));
    assert.deepStrictEqual(differ.map((c) => `${whereOf(c)}: ${seen(c.text).join('; ')} → ${seen(indent(c.text)).join('; ')}`), []);
  });
});
