// Neovim as a real LSP client of dist/server.js: the README's config snippet (neovim/policy-lens.lua) is loaded as
// init.lua in `nvim --headless`, the plan is opened, and neovim/probe.lua reports diagnostics, a hover and a
// completion as JSON.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../..');
const HERE = path.join(REPO, 'test/editor/neovim');
const PLAN = path.join(REPO, 'test/editor/workspace/plan.md');
const T4_9_TEXT = '放宽外商设立投资性公司申请条件，申请前一年外国投资者资产总额降为不低于两亿美元，取消对外国投资者在中国境内已设立外商投资企业的数量要求。';

interface Probe {
  nvim: string;
  filetype: string;
  attached: boolean;
  client?: string;
  diagnostics_arrived?: boolean;
  diagnostics?: { lnum: number; col: number; code?: string; source?: string; message: string }[];
  hover?: string;
  /** The hover over the source's title in the plan's first sentence. */
  document_hover?: string;
  completion?: string[];
  symbols?: string[];
  highlights?: number[];
  /** The source's code lenses: their titles by 0-based line. */
  lenses?: Record<string, string>;
  comparison?: string;
  comparison_filetype?: string;
  comparison_attached?: boolean;
  /** The kinds of the actions asked for with only source.fixAll, and the plan's text once they were applied. */
  fix_all_kinds?: string[];
  fixed?: string;
  /** How many plans policyLens/checkWorkspace checked, and the quickfix list made of the diagnostics after it (file, text). */
  workspace_plans?: number;
  quickfix?: string[];
  errors: string[];
}

describe('Neovim (nvim --headless) as an LSP client of dist/server.js', function () {
  let probe: Probe;
  let planLines: string[];

  before(function () {
    this.timeout(90000);
    assert.ok(spawnSync('nvim', ['--version']).status === 0, 'nvim is not installed: run `npm run setup:editor`');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-nvim-'));
    try {
      // The snippet runs `policy-lens-server` from PATH, as after `npm install -g`: point it at this build.
      const bin = path.join(tmp, 'bin');
      fs.mkdirSync(bin);
      fs.writeFileSync(path.join(bin, 'policy-lens-server'), `#!/bin/sh\nexec node ${JSON.stringify(path.join(REPO, 'dist/server.js'))} "$@"\n`, { mode: 0o755 });
      const outFile = path.join(tmp, 'probe.json');
      // the plan's earlier version, for :PolicyLensCompare: it cited 表1第57项 where the plan cites 表1第58项
      const earlier = path.join(tmp, '征求意见稿.md');
      fs.writeFileSync(earlier, fs.readFileSync(PLAN, 'utf8').replace('落实表1第58项', '落实表1第57项'));
      const env = {
        ...process.env, PATH: `${bin}:${process.env.PATH}`, POLICY_LENS_PROBE_OUT: outFile, POLICY_LENS_PROBE_EARLIER: earlier, POLICY_LENS_PROBE_SOURCE: path.join(REPO, 'seeds/000_a08c9159ea97f61a.txt'),
        XDG_CONFIG_HOME: tmp, XDG_DATA_HOME: tmp, XDG_STATE_HOME: tmp, XDG_CACHE_HOME: tmp,
      };
      const args = ['--headless', '-n', '-i', 'NONE', '-u', path.join(HERE, 'policy-lens.lua'), PLAN, '-c', `luafile ${path.join(HERE, 'probe.lua')}`];
      const run = spawnSync('nvim', args, { cwd: path.dirname(PLAN), env, timeout: 80000, encoding: 'utf8' });
      assert.ok(fs.existsSync(outFile), `nvim wrote no results (status ${run.status}, signal ${run.signal}): ${run.stderr || run.stdout}`);
      probe = JSON.parse(fs.readFileSync(outFile, 'utf8'));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    planLines = fs.readFileSync(PLAN, 'utf8').split('\n');
  });

  it('starts the server for a Markdown plan with the README snippet', () => {
    assert.strictEqual(probe.filetype, 'markdown');
    assert.ok(probe.attached, `no LSP client attached to the plan (nvim ${probe.nvim})`);
    assert.strictEqual(probe.client, 'policy-lens');
  });

  it('receives an unknown-task diagnostic for 表1第58项', () => {
    assert.ok(probe.diagnostics_arrived, `no unknown-task diagnostic arrived; got ${JSON.stringify(probe.diagnostics)}`);
    const d = probe.diagnostics!.find((x) => x.code === 'unknown-task')!;
    assert.strictEqual(d.source, 'policy-lens');
    assert.ok(planLines[d.lnum].includes('表1第58项'), `unknown-task is on line ${d.lnum + 1}: ${planLines[d.lnum]}`);
  });

  it('gets the full text of T4.9 in the hover over 表4第9项', () => {
    assert.ok(probe.hover?.includes(T4_9_TEXT), `hover was: ${probe.hover}; errors: ${probe.errors.join('; ')}`);
  });

  it('gets the source\'s card (its 文号, issuer and tables) in the hover over its title', () => {
    assert.ok(probe.document_hover?.startsWith('**《广州市服务业扩大开放综合试点总体方案》**'), `hover was: ${probe.document_hover}`);
    assert.ok(probe.document_hover!.includes('商资发〔2022〕212号 · 商务部') && probe.document_hover!.includes('表5 '), probe.document_hover);
  });

  it('gets 表1第1项 … 表1第57项 as completions after 表1第', () => {
    const labels = probe.completion ?? [];
    const missing = Array.from({ length: 57 }, (_, i) => `表1第${i + 1}项`).filter((l) => !labels.includes(l));
    assert.deepStrictEqual(missing, [], `missing ${missing.length} of 57; got ${labels.slice(0, 10).join(', ')}…`);
  });

  it('finds 表1第35项 as a workspace symbol for 数字人民币, and highlights each line that cites 表4第9项', () => {
    assert.match(probe.symbols?.[0] ?? '', /^表1第35项 · T1\.35 /, JSON.stringify(probe.symbols));
    const lines = planLines.flatMap((l, i) => (l.includes('表4第9项') || l.includes('T4.9') ? [i] : []));
    assert.ok(lines.length >= 1);
    assert.deepStrictEqual(probe.highlights, lines);
  });

  it('shows above T4.9 in the source how many places the workspace cites it, as a code lens', () => {
    const seed = fs.readFileSync(path.join(REPO, 'seeds/000_a08c9159ea97f61a.txt'), 'utf8').split('\n');
    const t49 = seed.findIndex((l) => /^\s*9\. 放宽外商设立投资性公司申请条件/.test(l));
    const t1 = seed.findIndex((l) => /1\. 深化高等院校和科研机构科技成果使用权/.test(l));
    assert.match(probe.lenses?.[String(t49)] ?? '', /^引用 \d+ 处/, JSON.stringify(probe.lenses).slice(0, 300));
    assert.ok(probe.lenses?.[String(t1)], 'a lens above 表1第1项 too');
    assert.strictEqual(Object.keys(probe.lenses ?? {}).length, 130);
  });

  it('compares the plan with its earlier version in a new window with the README snippet\'s :PolicyLensCompare, not checked as a plan', () => {
    assert.match(probe.comparison ?? '', /^## 修改对照：征求意见稿\.md → plan\.md\n/, `no comparison: ${probe.comparison}; errors: ${probe.errors.join('; ')}`);
    assert.match(probe.comparison!, /\n- 不再覆盖 表1第57项（外籍律师）：原为引用\n/);
    assert.match(probe.comparison!, /\n {2}- plan\.md 第\d+行 错误 unknown-task：表1第58项不存在/);
    assert.deepStrictEqual([probe.comparison_filetype, probe.comparison_attached], ['', false], 'the comparison buffer is a plan to the client');
  });

  it('fixes every finding with a preferred fix at once, by the source action source.fixAll.policyLens', () => {
    assert.deepStrictEqual(probe.fix_all_kinds, ['source.fixAll.policyLens']);
    const plan = fs.readFileSync(PLAN, 'utf8').replace(/\n$/, '');
    // the threshold, the domain and the quotation, each at its place in lines of CJK text (the edits' UTF-16 offsets);
    // the nearest task of 表1第58项 is a question, left
    const expected = plan.replace('中方股比不低于51%', '中方股比不低于67%').replace('居民服务领域：支持外商投资旅行社', '商务服务领域：支持外商投资旅行社')
      .replace('智能网联汽车的有序示范运营', '智能网联汽车（自动驾驶）的有序示范运营');
    assert.notStrictEqual(expected, plan);
    assert.strictEqual(probe.fixed, expected);
  });

  it('lists the problems of the workspace\'s plans that are not open with the README\'s policyLens/checkWorkspace snippet', () => {
    assert.ok((probe.workspace_plans ?? 0) >= 2, `plans checked: ${probe.workspace_plans}`);
    const notOpen = (probe.quickfix ?? []).filter((item) => item.startsWith('meaning.md '));
    assert.ok(notOpen.length > 0, `meaning.md in the quickfix list: ${(probe.quickfix ?? []).slice(0, 5).join(' | ')}`);
  });

  it('reports no LSP errors', () => {
    assert.deepStrictEqual(probe.errors, []);
  });
});
