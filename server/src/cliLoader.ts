// `node dist/cli.js …` (`policy-lens …`): the command line's entry. It runs the CLI's bundle (dist/cliBundle.js, built
// from cli.ts) from a V8 code cache when it has one, and writes one as it exits when it had none (codeCache.ts).
import * as path from 'path';
import { codeCacheMode, runBundle } from './codeCache';

runBundle(path.join(__dirname, 'cliBundle.js'), codeCacheMode(), 'exit');
