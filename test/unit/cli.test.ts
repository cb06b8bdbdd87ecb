// The command line: formats, file arguments, exit codes (spawns the built dist/cli.js).
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SAMPLE = 'examples/sample-plan.md';

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the CLI', function () {
  this.timeout(20000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-cli-'));
    fs.mkdirSync(path.join(dir, 'plans', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'plans', 'good.md'), '落实表4第9项。\n');
    fs.writeFileSync(path.join(dir, 'plans', 'sub', 'bad.md'), '落实表1第58项。\n');
    fs.writeFileSync(path.join(dir, 'plans', 'notes.txt'), '见T2.3。\n');
    fs.writeFileSync(path.join(dir, 'plans', 'image.png'), 'not a plan');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:col severity code message for the sample plan and exits 1', () => {
    const r = cli(['check', SAMPLE]);
    assert.strictEqual(r.code, 1, r.err);
    const lines = r.out.trim().split('\n');
    assert.deepStrictEqual(lines.map((l) => l.split(' ').slice(0, 3).join(' ')), [
      // a 黄埔区 plan that cites none of 黄埔区's own tasks (表2第16项, 表3第9至15项)
      `${SAMPLE}:1:3 information missing-area-task`,
      `${SAMPLE}:8:35 error threshold-mismatch`,
      `${SAMPLE}:9:4 warning domain-mismatch`,
      `${SAMPLE}:10:6 error unknown-task`,
      `${SAMPLE}:16:16 warning misquote`,
      `${SAMPLE}:21:4 warning missing-lead-unit`,
      `${SAMPLE}:26:48 warning deadline-outside-pilot`,
      `${SAMPLE}:31:36 warning reference-mismatch`,
      `${SAMPLE}:35:7 information ambiguous-reference`,
    ], 'exactly the planted mistakes, in order');
  });

  it('exits 0 when there are only warnings or nothing', () => {
    const r = cli(['check', '-'], '落实表4第9项。\n');
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.out, '');
  });

  it('prints LSP diagnostics as JSON with 0-based positions', () => {
    const r = cli(['check', SAMPLE, '--format', 'json']);
    const parsed = JSON.parse(r.out);
    assert.strictEqual(parsed[0].file, SAMPLE);
    const unknown = parsed[0].diagnostics.find((d: any) => d.code === 'unknown-task');
    assert.deepStrictEqual(unknown.range.start, { line: 9, character: 5 });
    assert.strictEqual(unknown.source, 'policy-lens');
    assert.strictEqual(unknown.severity, 1);
  });

  it('writes SARIF 2.1.0 with the required fields, rules in the tool section and results pointing at them', () => {
    const r = cli(['check', SAMPLE, '--format=sarif']);
    assert.strictEqual(r.code, 1);
    const sarif = JSON.parse(r.out);
    // the schema's required properties: sarifLog {version, runs}; run {tool}; tool {driver}; driver {name};
    // result {message}; message {text or id}; reportingDescriptor {id}; physicalLocation's region startLine ≥ 1
    assert.strictEqual(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.ok(Array.isArray(sarif.runs) && sarif.runs.length === 1);
    const run = sarif.runs[0];
    assert.strictEqual(run.tool.driver.name, 'policy-lens');
    const ruleIds = run.tool.driver.rules.map((x: any) => x.id);
    assert.deepStrictEqual(ruleIds, [
      'unknown-task', 'threshold-mismatch', 'misquote', 'domain-mismatch', 'ambiguous-reference', 'nonstandard-reference', 'truncated-task-number', 'task-number-as-date', 'reference-mismatch',
      'uncited-task', 'missing-lead-unit', 'missing-deadline', 'deadline-outside-pilot', 'invalid-deadline', 'assignment-mismatch', 'reversed-wording', 'place-mismatch', 'missing-area-task', 'heading-numbering', 'inconsistent-unit-name', 'other-district-unit',
      'document-mismatch', 'document-number-format', 'source-not-loaded',
    ]);
    for (const rule of run.tool.driver.rules) assert.ok(rule.shortDescription.text && rule.defaultConfiguration.level);
    assert.strictEqual(run.results.length, 9);
    for (const res of run.results) {
      assert.ok(typeof res.message.text === 'string' && res.message.text.length > 0);
      assert.strictEqual(ruleIds[res.ruleIndex], res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      const loc = res.locations[0].physicalLocation;
      assert.strictEqual(loc.artifactLocation.uri, SAMPLE);
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    }
    const unknown = run.results.find((x: any) => x.ruleId === 'unknown-task');
    assert.deepStrictEqual([unknown.level, unknown.locations[0].physicalLocation.region.startLine], ['error', 10]);
  });

  it('writes GitHub workflow annotations', () => {
    const r = cli(['check', SAMPLE, '--format', 'github']);
    const lines = r.out.trim().split('\n');
    assert.strictEqual(lines.length, 9);
    assert.match(lines[0], /^::notice file=examples\/sample-plan\.md,line=1,col=3,.*title=policy-lens missing-area-task::/);
    assert.match(lines[3], /^::error file=examples\/sample-plan\.md,line=10,col=6,endLine=10,endColumn=12,title=policy-lens unknown-task::表1第58项不存在/);
    assert.match(lines[7], /^::warning .*title=policy-lens reference-mismatch::/);
    assert.match(lines[8], /^::notice /);
  });

  it('takes folders, glob patterns and standard input', () => {
    const folder = cli(['check', path.join(dir, 'plans')]);
    assert.strictEqual(folder.code, 1);
    assert.match(folder.out, /bad\.md:1:3 error unknown-task/);
    const json = JSON.parse(cli(['check', path.join(dir, 'plans'), '--format', 'json']).out);
    assert.deepStrictEqual(json.map((f: any) => path.basename(f.file)), ['good.md', 'notes.txt', 'bad.md']);
    const glob = JSON.parse(cli(['check', `${dir}/plans/**/*.md`, '--format', 'json']).out);
    assert.deepStrictEqual(glob.map((f: any) => path.basename(f.file)), ['good.md', 'bad.md']);
    const stdin = cli(['check', '-', '--format', 'json'], '见T3.25。');
    assert.strictEqual(JSON.parse(stdin.out)[0].file, '-');
    assert.strictEqual(stdin.code, 1);
  });

  it('honours --locale en', () => {
    assert.match(cli(['check', '-', '--locale', 'en'], '见表1第58项').out, /表1 has tasks 1–57/);
    // English between the differences a misquote names, and between the runs it says were left out
    const quotes = cli(['check', '-', '--locale', 'en'], '按照表1第17项“在白云机场试点前置安检”，根据表1第13项“支持在广州市设立的外商投资旅行社从事出境旅游业务”。').out;
    assert.match(quotes, /\("广州" is missing; "国际" is missing\)/);
    assert.match(quotes, /leaves out "并符合有关条件", "除台湾地区以外的" of 表1第13项/);
  });

  it('exits 2 with a clear message on usage and I/O errors, with the usage only where the command line is wrong', () => {
    for (const [args, message, usage] of [
      [['check'], /check needs at least one FILE/, true],
      [['check', 'no/such/file.md'], /^policy-lens: cannot read no\/such\/file\.md: no such file or folder\n$/, false],
      [['check', SAMPLE, '--format', 'xml'], /--format must be one of text, json, sarif, github/, true],
      [['check', `${dir}/nothing/*.md`], /^policy-lens: no file matches .*\n$/, false],
      [['frobnicate'], /unknown command "frobnicate"/, true],
      [['check', SAMPLE, '--bogus'], /unknown option --bogus/, true],
    ] as const) {
      const r = cli([...args]);
      assert.strictEqual(r.code, 2, `${args.join(' ')} exits 2`);
      assert.match(r.err, message);
      assert.strictEqual(r.err.includes('usage:'), usage, `${args.join(' ')}: ${r.err}`);
      assert.strictEqual(r.out, '');
    }
  });

  it('prints the usage and exits 0 when asked for help, before or after a command', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['check', '--help'], ['coverage', SAMPLE, '-h']]) {
      const r = cli(args);
      assert.strictEqual(r.code, 0, `${args.join(' ')} exits 0`);
      assert.match(r.out, /^usage:\n {2}policy-lens check FILE/, args.join(' '));
      assert.strictEqual(r.err, '');
    }
  });

  it('reports coverage as text, JSON and CSV', () => {
    const text = cli(['coverage', SAMPLE]);
    assert.strictEqual(text.code, 0);
    assert.match(text.out, /覆盖 16\/130\n$/);
    const json = JSON.parse(cli(['coverage', SAMPLE, '--format', 'json']).out);
    assert.strictEqual(json.total, 130);
    assert.strictEqual(json.cited, 16);
    assert.strictEqual(json.restated, 0);
    assert.deepStrictEqual(json.tasks.find((t: any) => t.id === 'T4.9').locations, [{ file: SAMPLE, line: 25, column: 21 }]);
    assert.strictEqual(json.tasks.find((t: any) => t.id === 'T4.9').state, 'cited');
    const csv = cli(['coverage', SAMPLE, '--format', 'csv']).out.trim().split('\n');
    assert.strictEqual(csv[0], 'task,id,state,text,cited_at,restated_at');
    assert.strictEqual(csv.length, 131);
    assert.ok(csv.some((l) => l.startsWith('表4第9项,T4.9,cited,') && l.endsWith(`${SAMPLE}:25:21,`)));
  });

  it('stops quietly when its reader closes the pipe early (coverage … | head)', async () => {
    const child = spawn(process.execPath, [CLI, 'coverage', 'examples/sample-plan.md'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first line is written: every write meets EPIPE
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.strictEqual(stderr, '', 'no stack trace');
    assert.strictEqual(code, 0);
  });

  it('shows a task an item restates without citing it as restated, a third state', () => {
    const plan = path.join(dir, 'restated.md');
    fs.writeFileSync(plan, '# 方案\n\n1. 在白云机场试点前置安检，增加货运航班时刻供给。\n2. 落实表4第9项。\n');
    const text = cli(['coverage', plan]);
    assert.match(text.out, new RegExp(`^≈ 表1第17项\\s+${plan.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1（复述，未引用）$`, 'm'));
    assert.match(text.out, /覆盖 1\/130，复述 1\n$/);
    const json = JSON.parse(cli(['coverage', plan, '--format', 'json']).out);
    assert.strictEqual(json.restated, 1);
    const t117 = json.tasks.find((t: any) => t.id === 'T1.17');
    assert.strictEqual(t117.state, 'restated');
    assert.deepStrictEqual(t117.locations, []);
    assert.strictEqual(t117.restatedAt[0].line, 3);
  });

  it('checks a plan with its 分工表 when that is a file of its own: the one beside it, or the one --annex names', () => {
    const d = path.join(dir, 'district');
    fs.mkdirSync(d);
    const body = '1. 允许外商投资社会调查（表1第12项）。（区发展改革局牵头）\n2. 支持企业依托综合保税区开展保税展示交易业务（表1第14项）。\n';
    const table = '| 任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- |\n| 表1第12项 | 区商务局 | 2025年底 |\n| 表1第14项 | 区商务局 | 2025年底 |\n';
    fs.writeFileSync(path.join(d, '天河区实施方案.md'), body);
    fs.writeFileSync(path.join(d, '天河区任务分工表.md'), table);
    const plan = path.join(d, '天河区实施方案.md');
    const codes = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => l.split(' ').slice(0, 3).join(' ').replace(dir, ''));
    // named alone, the plan is read with the 分工表 of its folder, and standard error says which
    const alone = cli(['check', plan]);
    assert.deepStrictEqual(codes(alone.out), ['/district/天河区实施方案.md:1:24 warning assignment-mismatch'], alone.err);
    assert.match(alone.err, /天河区实施方案\.md: checked with its 分工表 .*天河区任务分工表\.md/);
    // the folder: the plan compared, the 分工表 checked as a plan of its own
    assert.deepStrictEqual(codes(cli(['check', d]).out), ['/district/天河区实施方案.md:1:24 warning assignment-mismatch']);
    // the plan's own 分工表 export shows the findings of the comparison on its rows
    const json = JSON.parse(cli(['assignments', plan, '--format', 'json']).out);
    assert.deepStrictEqual(json[0].rows.map((r: any) => r.findings.map((f: any) => f.code)), [['assignment-mismatch'], []]);
    assert.match(cli(['report', plan]).out, /对照分工表 <code class="plan-annex">天河区任务分工表\.md<\/code>/, 'the report names the 分工表');
    // --annex: another file, for every plan named
    const other = path.join(dir, '另一分工表.md');
    fs.writeFileSync(other, table.replace(/区商务局/g, '区发展改革局'));
    const named = cli(['check', plan, '--annex', other]);
    assert.deepStrictEqual(codes(named.out), [], named.err);
    assert.match(named.err, /checked with its 分工表 .*另一分工表\.md/);
    // standard input has no folder: --annex gives it its 分工表
    assert.deepStrictEqual(codes(cli(['check', '-', '--annex', path.join(d, '天河区任务分工表.md')], body).out), ['-:1:24 warning assignment-mismatch']);
    // Office 97–2003 files pair as any: a .doc plan and its .xls 分工表
    const old = path.join(dir, 'old');
    fs.mkdirSync(old);
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/word97/word-plan.doc'), path.join(old, '番禺区实施方案.doc'));
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/word97/workbook.xls'), path.join(old, '番禺区任务分工表.xls'));
    assert.match(cli(['check', path.join(old, '番禺区实施方案.doc')]).err, /番禺区实施方案\.doc: checked with its 分工表 .*番禺区任务分工表\.xls/);
    // without a 分工表 beside it: the item without a lead is unowned
    fs.rmSync(path.join(d, '天河区任务分工表.md'));
    assert.deepStrictEqual(codes(cli(['check', plan]).out), ['/district/天河区实施方案.md:2:4 warning missing-lead-unit']);
    const bad = cli(['check', plan, '--annex', path.join(dir, 'plans', 'good.md')]);
    assert.deepStrictEqual([bad.code, bad.err.trim()], [2, `policy-lens: --annex ${path.join(dir, 'plans', 'good.md')}: no row of it names a task`]);
    assert.strictEqual(cli(['coverage', plan, '--annex', other]).code, 2, '--annex is no option of coverage');
  });

  it('checks that data/index.json is up to date', () => {
    const r = cli(['index', '--check']);
    assert.strictEqual(r.code, 0, r.err);
  });
});
