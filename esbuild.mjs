// Builds the bundles: the VS Code client, the language server, the CLI and the plan readers' libraries. `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';

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
// The plan readers' libraries (mammoth, iconv-lite) are a bundle of their own, required on first use from next to the
// server and the CLI: parsing them would add ~20 ms to every server start, for files most sessions never read.
const readerLibraries = {
  name: 'reader-libraries',
  setup(build) {
    build.onResolve({ filter: /^\.\/readerLibraries$/ }, () => ({ path: './readerLibraries.js', external: true }));
    // exceljs likewise, for the 任务分工表 workbook only
    build.onResolve({ filter: /^\.\/workbookLibrary$/ }, () => ({ path: './workbookLibrary.js', external: true }));
  },
};
const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, plugins: [readerLibraries] },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [readerLibraries] },
  { ...common, entryPoints: ['server/src/readers/readerLibraries.ts'], outfile: 'dist/readerLibraries.js' },
  { ...common, entryPoints: ['server/src/report/workbookLibrary.ts'], outfile: 'dist/workbookLibrary.js' },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
