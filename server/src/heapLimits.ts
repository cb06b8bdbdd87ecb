// V8 heap settings for the language server, a process that lives for days: set before anything else is loaded (by the
// loader, serverLoader.ts, before it compiles the bundle: V8 takes a code cache only under the flags it was made with).
import * as v8 from 'v8';

// A keystroke leaves a little garbage that lives a short while (the previous version's analysis, its diagnostics).
// With V8's defaults the young generation grows to 32 MB and the old one to about four times the live heap, so a
// long editing session sat at 130–160 MB of RSS over a live heap of 20 MB (bench/longSession.mjs). A young
// generation that stays at its initial size and an old one allowed 50% over its live size keep it under 100 MB, and
// a server that has checked several 1 MB plans near 190–235 MB instead of 430 MB. First checks of large plans collect
// more often; A/B runs of their time overlapped (bench/README.md).
v8.setFlagsFromString('--semi-space-growth-factor=1');
v8.setFlagsFromString('--heap-growing-percent=50');
// A full collection compacts the old generation's pages every time instead of when V8's heuristics pick them: the
// session's edits leave its pages a third empty, which V8 otherwise keeps (39 MB of old space over 22 MB live after
// 10,000 edits; RSS 102–104 MB at 50,000 edits without it, 85 MB with it; bench/README.md).
v8.setFlagsFromString('--compact-on-every-full-gc');
// A large check lets the young generation grow while it runs, and a full collection once the server is idle gives
// that memory back (youngGeneration.ts): `gc` for it, in a context of its own (not the server's global).
v8.setFlagsFromString('--expose-gc');
