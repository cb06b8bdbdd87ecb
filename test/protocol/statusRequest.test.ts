// policyLens/status over the protocol: the sources the server loaded (and those it could not), and the open
// document's latest check — its findings by severity, as published, and how long the check took.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LspClient, ROOT } from '../support/lspClient';

const PLAN = '# 一、金融服务\n\n推动数字人民币试点（表1第35项）。\n\n落实表1第99项。\n\n外资股比不超过51%（表1第12项）。\n';

describe('the status request (policyLens/status)', function () {
  this.timeout(30000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-status-'));
    client = new LspClient();
    client.configuration = { sources: [{ path: 'policies/missing.md', prefix: 'XX' }] };
    await client.initialize({ rootPath: dir, configuration: true });
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("counts the open document's published findings by severity and says how long its check took", async () => {
    const uri = 'untitled:status-plan.md';
    client.open(uri, PLAN);
    const published = (await client.waitForDiagnostics(uri)).diagnostics as { severity: number }[];
    const status = await client.request('policyLens/status', { uri });
    const count = (s: (n: number) => boolean) => published.filter((d) => s(d.severity)).length;
    assert.ok(count((s) => s === 1) >= 1, 'the plan has an error');
    assert.deepStrictEqual(
      { errors: status.document.errors, warnings: status.document.warnings, others: status.document.others, tooLarge: status.document.tooLarge },
      { errors: count((s) => s === 1), warnings: count((s) => s === 2), others: count((s) => s > 2), tooLarge: false },
    );
    assert.strictEqual(typeof status.document.checkMs, 'number');
    assert.ok(Number.isFinite(status.document.checkMs) && status.document.checkMs >= 0, String(status.document.checkMs));
  });

  it('lists the default source with its task count, and says which configured source failed to load', async () => {
    const status = await client.request('policyLens/status', {});
    assert.strictEqual(status.ready, true);
    assert.deepStrictEqual(status.sources.map((s: { prefix: string; tasks: number; docNumber: string }) => [s.prefix, s.tasks, s.docNumber]), [['', 130, '商资发〔2022〕212号']]);
    assert.strictEqual(status.sourceErrors.length, 1, JSON.stringify(status.sourceErrors));
    assert.match(status.sourceErrors[0], /missing\.md/);
    assert.strictEqual(status.document, undefined);
  });
});

describe("the server's start from its code cache (dist/server.js, server/src/codeCache.ts)", function () {
  this.timeout(30000);

  it('starts the built server from the code cache the build made for this Node, and says so in policyLens/status', async () => {
    const cache = fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => /^serverBundle\.js\..*\.cache$/.test(f));
    assert.ok(cache.length >= 1, 'node esbuild.mjs wrote a cache');
    const client = new LspClient();
    try {
      await client.initialize();
      assert.strictEqual((await client.request('policyLens/status', {})).codeCache, 'used');
    } finally {
      await client.shutdown();
    }
  });

  it('POLICY_LENS_CODE_CACHE=off: compiled from the source, and checking all the same', async () => {
    const client = new LspClient(['--stdio'], { ...process.env, POLICY_LENS_CODE_CACHE: 'off' });
    try {
      await client.initialize();
      assert.strictEqual((await client.request('policyLens/status', {})).codeCache, 'off');
      client.open('untitled:cache-off.md', '落实表1第99项。\n');
      const published = await client.waitForDiagnostics('untitled:cache-off.md');
      assert.ok(published.diagnostics.some((d: { code: string }) => d.code === 'unknown-task'), JSON.stringify(published.diagnostics));
    } finally {
      await client.shutdown();
    }
  });
});
