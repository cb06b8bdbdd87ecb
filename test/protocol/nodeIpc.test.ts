// The server started over node-ipc (as VS Code's client starts it) by a client that takes pushed diagnostics: the
// stdio encoder's head-and-tail items are not for it, so it must get whole diagnostics, as over stdio.
import * as assert from 'assert';
import { ChildProcess, fork } from 'child_process';
import { LspClient, SERVER } from '../support/lspClient';

const PLAN = '# 金融服务\n\n落实表1第12项，中方股比不低于51%。\n';

/** The first diagnostics published for the plan by a server spoken to over `--node-ipc`. */
function diagnosticsOverIpc(): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const send = (m: object) => proc.send({ jsonrpc: '2.0', ...m });
    const timer = setTimeout(() => finish(new Error('no diagnostics over node-ipc')), 15000);
    const finish = (result: any[] | Error) => {
      clearTimeout(timer);
      proc.kill();
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    proc.on('error', finish);
    proc.on('message', (m: any) => {
      if (m.method === 'textDocument/publishDiagnostics' && m.params.diagnostics.length) finish(m.params.diagnostics);
      else if (m.id === 1 && !m.method) {
        send({ method: 'initialized', params: {} });
        send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///plan.md', languageId: 'markdown', version: 1, text: PLAN } } });
      } else if (m.method && m.id !== undefined) {
        send({ id: m.id, result: m.method === 'workspace/configuration' ? m.params.items.map(() => ({})) : null });
      }
    });
    // no textDocument.diagnostic capability: the server pushes
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } } });
  });
}

describe('the server over node-ipc', () => {
  it('pushes whole diagnostics, the same as over stdio', async () => {
    const overIpc = await diagnosticsOverIpc();
    const client = new LspClient();
    try {
      await client.initialize();
      client.open('file:///plan.md', PLAN);
      const overStdio = (await client.waitForDiagnostics('file:///plan.md')).diagnostics;
      assert.ok(overIpc.length > 0 && overIpc.every((d) => d.range && d.message && d.code), JSON.stringify(overIpc).slice(0, 200));
      assert.deepStrictEqual(overIpc, overStdio);
    } finally {
      await client.shutdown();
    }
  });
});
