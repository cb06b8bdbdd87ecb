// Runs the readers of Office 97–2003 files (word-extractor for .doc, SheetJS for .xls) and of PDF (PDF.js) in a worker thread with a
// bounded heap and time: a damaged file can make them allocate without end (a fuzzed .xls took SheetJS to a 4 GB heap
// and a crash of the whole process), and they write to the console, which over stdio is the language server's channel.
// Either way the file is reported as unreadable, and the server or the CLI goes on.
import * as path from 'path';
import { Worker } from 'worker_threads';

/**
 * What the worker makes: a .doc's body text (word-extractor, its automatic numbers written in: docExtractor.ts) and its tables' rows as JSON, an .xls written again as .xlsx (SheetJS), or a PDF's
 * pages of placed text as JSON (PDF.js, a bundle of its own: pdfLibrary.js).
 */
export type LegacyTask = 'doc-body' | 'xls-to-xlsx' | 'pdf-pages';

/** The worker's heap and time: far above what a real plan needs (a 5 MB .doc reads in well under a second). */
const LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 16 };
const TIME_MS = 30000;

// CommonJS run with eval: the libraries' bundle sits next to this module's (dist/, or the compiled sources)
const WORKER = `
const { parentPort, workerData } = require('worker_threads');
(async () => {
  const bytes = Buffer.from(workerData.bytes.buffer, workerData.bytes.byteOffset, workerData.bytes.byteLength);
  if (workerData.task === 'pdf-pages') return JSON.stringify(await require(workerData.pdfLibrary).pdfPages(new Uint8Array(bytes)));
  const { docBody, XLSX } = require(workerData.library);
  if (workerData.task === 'doc-body') return JSON.stringify(await docBody(bytes));
  const book = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellDates: false, bookVBA: false });
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: false });
})().then((value) => parentPort.postMessage({ value }), (e) => parentPort.postMessage({ error: String((e && e.message) || e) }));
`;

/** Runs `task` on `bytes`; rejects with the reason (the library's error, out of memory, too slow) when it fails. */
export function runLegacyReader(task: LegacyTask, bytes: Uint8Array): Promise<string | Uint8Array> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
    };
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { task, bytes, library: path.join(__dirname, 'legacyOfficeLibraries.js'), pdfLibrary: path.join(__dirname, 'pdfLibrary.js') },
      resourceLimits: LIMITS,
      // its console is not ours: over stdio, ours is the protocol
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const timer = setTimeout(() => settle(() => {
      void worker.terminate();
      reject(new Error('reading took too long'));
    }), TIME_MS);
    worker.once('message', (m: { value?: string | Uint8Array; error?: string }) => settle(() => {
      void worker.terminate();
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve(m.value!);
    }));
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the reader stopped (${code})`))));
  });
}
