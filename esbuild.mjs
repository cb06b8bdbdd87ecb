// Builds the bundles: the VS Code client, the language server, the CLI and the plan readers' libraries. `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: 'linked',
  logLevel: 'warning',
  // jsonc-parser's UMD build requires its parts at run time, out of esbuild's sight: bundle its ES modules instead
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};
// The plan readers' libraries (mammoth, iconv-lite, JSZip, xmldom) are a bundle of their own, required on first use from next to the
// server and the CLI: parsing them would add ~20 ms to every server start, for files most sessions never read.
const readerLibraries = {
  name: 'reader-libraries',
  setup(build) {
    build.onResolve({ filter: /^(?:\.\/|\.\.\/readers\/)readerLibraries$/ }, () => ({ path: './readerLibraries.js', external: true }));
    // exceljs likewise, for the 任务分工表 workbook and the Excel plan reader only
    build.onResolve({ filter: /^(?:\.\/|\.\.\/report\/)workbookLibrary$/ }, () => ({ path: './workbookLibrary.js', external: true }));
    // pdf-lib likewise, for the annotated copy of a PDF plan only
    build.onResolve({ filter: /^\.\/pdfWriterLibrary$/ }, () => ({ path: './pdfWriterLibrary.js', external: true }));
  },
};
// The server's and the CLI's bundles as pure ASCII: V8 keeps a script's source for as long as it runs, two bytes a
// character once a single one is not Latin-1, and esbuild leaves the CJK of regular expression literals (and comments)
// as it is: about 1,500 characters that made the server's 1.3 MB of source take 2.7 MB of its heap. A \uXXXX escape
// means the same character in a string, template, regular expression, identifier or comment; in a String.raw template
// it stays the six characters, which is the same once the text becomes a RegExp (the only use of the one such template
// with CJK, LIST_MARKER_SOURCE; the tests of list items would catch another). Right after a backslash it would not
// mean the same: that stops the build. (Source map columns past an escape on its line shift a little.)
const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length) return;
      const { readFile, writeFile } = await import('node:fs/promises');
      const file = build.initialOptions.outfile;
      const text = await readFile(file, 'utf8');
      let escaped = '';
      let last = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80) continue;
        if (text[i - 1] === '\\') throw new Error(`${file}: a non-ASCII character after a backslash cannot be escaped: ${JSON.stringify(text.slice(i - 20, i + 5))}`);
        escaped += text.slice(last, i) + '\\u' + c.toString(16).padStart(4, '0');
        last = i + 1;
      }
      if (last) await writeFile(file, escaped + text.slice(last));
    });
  },
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // the server's and the CLI's entries are loaders that run their bundles from a V8 code cache (server/src/codeCache.ts)
  { ...common, entryPoints: ['server/src/serverLoader.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [asciiOutput] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/serverBundle.js', plugins: [readerLibraries, asciiOutput] },
  { ...common, entryPoints: ['server/src/cliLoader.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [asciiOutput] },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cliBundle.js', plugins: [readerLibraries, asciiOutput] },
  { ...common, entryPoints: ['server/src/readers/readerLibraries.ts'], outfile: 'dist/readerLibraries.js' },
  { ...common, entryPoints: ['server/src/report/workbookLibrary.ts'], outfile: 'dist/workbookLibrary.js' },
  { ...common, entryPoints: ['server/src/report/pdfWriterLibrary.ts'], outfile: 'dist/pdfWriterLibrary.js' },
  // the readers of Office 97–2003 files (.doc, .xls), loaded by the worker that reads one (readers/legacyOffice.ts)
  { ...common, entryPoints: ['server/src/readers/legacyOfficeLibraries.ts'], outfile: 'dist/legacyOfficeLibraries.js' },
  // PDF.js, loaded by the same worker to read a PDF plan (readers/pdf.ts)
  { ...common, entryPoints: ['server/src/readers/pdfLibrary.ts'], outfile: 'dist/pdfLibrary.js' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // the caches of the bundles just replaced (another build's are never read, but would stay)
  for (const f of readdirSync('dist')) if (/^(?:server|cli)Bundle\.js\..*\.cache$/.test(f)) rmSync(`dist/${f}`, { force: true });
  await writeServerCodeCache();
  writeCliCodeCache();
}

/** The command line's code cache for this Node: it writes one as it exits, here after checking the sample plan. */
function writeCliCodeCache() {
  const run = spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples/sample-plan.md'], { encoding: 'utf8', env: { ...process.env, POLICY_LENS_CODE_CACHE: 'write' } });
  if (run.status !== 0 && run.status !== 1) console.warn(`esbuild: the command line's code cache was not written (exit ${run.status}: ${(run.stderr || '').trim()}); it starts without it`);
}

/**
 * The server's code cache for this Node (server/src/codeCache.ts): the server started as an editor starts it, asked to
 * check examples/sample-plan.md, and stopped; it writes the cache as it exits, with the code of a start and a first
 * check compiled. Without it the server works the same, only its first start is slower: a failure is said, not fatal.
 */
async function writeServerCodeCache() {
  const launch = JSON.parse(readFileSync('server/src/shared/launchEnvironment.json', 'utf8'));
  const child = spawn(process.execPath, ['dist/server.js', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...launch, ...process.env, POLICY_LENS_CODE_CACHE: 'write' } });
  const uri = pathToFileURL('examples/sample-plan.md').href;
  let buffered = Buffer.alloc(0);
  let stderr = '';
  const send = (message) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no diagnostics within 30 s')), 30000);
    child.on('exit', (code) => (clearTimeout(timer), code === 0 ? resolve() : reject(new Error(`the server exited with ${code}: ${stderr.trim()}`))));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (let end; (end = buffered.indexOf('\r\n\r\n')) >= 0; ) {
        const length = Number(/Content-Length: (\d+)/i.exec(buffered.toString('latin1', 0, end))[1]);
        if (buffered.length < end + 4 + length) break;
        const message = JSON.parse(buffered.toString('utf8', end + 4, end + 4 + length));
        buffered = buffered.subarray(end + 4 + length);
        if (message.id !== undefined && message.method) send({ id: message.id, result: message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null });
        else if (message.id === 1) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync('examples/sample-plan.md', 'utf8') } } });
        } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) send({ id: 2, method: 'shutdown' });
        else if (message.id === 2) send({ method: 'exit' });
      }
    });
  });
  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } } });
  try {
    await done;
  } catch (e) {
    child.kill();
    console.warn(`esbuild: the server's code cache was not written (${e.message}); the server starts without it`);
  }
}
