// `node dist/server.js --stdio`: the language server's entry. It runs the server's bundle (dist/serverBundle.js, built
// from server.ts) from a V8 code cache when it has one (codeCache.ts): a start without parsing and compiling it again.
// The heap flags come first: V8 takes a code cache only under the flags it was made with, and the server sets them.
import './heapLimits';
import * as path from 'path';
import { codeCacheMode, runBundle } from './codeCache';

runBundle(path.join(__dirname, 'serverBundle.js'), codeCacheMode());
