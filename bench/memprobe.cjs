// Preloaded into the server by bench/heap.mjs (`node -r bench/memprobe.cjs --expose-gc dist/server.js`): on
// SIGUSR2 it writes one line `memprobe {…}` to stderr with process.memoryUsage() and V8's heap spaces, before and
// after a full GC, so that live memory can be told from garbage and reserve. Never writes to stdout (the LSP stream).
const v8 = require('v8');
const fs = require('fs');

function usage() {
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]));
  return { rss: m.rss, heapTotal: m.heapTotal, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, spaces };
}

process.on('SIGUSR2', () => {
  const before = usage();
  // without --expose-gc on the command line: the server sets it at run time (heapLimits.ts), for contexts made after
  const gc = typeof global.gc === 'function' ? global.gc : require('vm').runInNewContext('typeof gc === "function" ? gc : undefined');
  if (gc) gc();
  const after = usage();
  fs.writeSync(2, `memprobe ${JSON.stringify({ before, after })}\n`);
});
