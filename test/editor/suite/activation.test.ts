import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { extension, openPlan, poll } from '../helpers';
import LAUNCH_ENVIRONMENT from '../../../server/src/shared/launchEnvironment.json';

/** The processes this one (the extension host) started whose command line names `script`. */
function childrenRunning(script: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(script)) found.push(Number(entry));
    } catch {
      // a process that ended while we looked
    }
  }
  return found;
}

describe('Activation', () => {
  it('activates when a Markdown plan is opened', async () => {
    const doc = await openPlan();
    assert.strictEqual(doc.languageId, 'markdown', 'plan.md should open as Markdown');
    const ext = extension();
    await poll('the extension to be active', () => ext.isActive, (active) => active, { timeoutMs: 30000 });
  });

  it("starts the server with the launch environment, a user's own value kept", function () {
    if (process.platform !== 'linux') this.skip(); // read from /proc
    const servers = childrenRunning('dist/server.js');
    assert.strictEqual(servers.length, 1, `one server process started by the extension host, found ${servers.length}`);
    const env = new Map(readFileSync(`/proc/${servers[0]}/environ`, 'utf8').split('\0').map((v) => [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)]));
    for (const [name, value] of Object.entries(LAUNCH_ENVIRONMENT)) assert.strictEqual(env.get(name), process.env[name] ?? value, name);
  });
});
