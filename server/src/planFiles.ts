// Walks folders for plan files (Markdown, text and Word), for workspace-wide references, coverage and the CLI.
import * as fs from 'fs';
import * as path from 'path';
import { PLAN_EXTENSIONS, REVIEW_COPY_EXTENSIONS, REVIEW_COPY_SUFFIX } from './shared/protocol';

const { text, word, excel, pdf, web } = PLAN_EXTENSIONS;

/**
 * A file by its extension, not Office's lock files (`~$plan.docx`, left next to an open document); `plans`: nor the
 * review's copy of a plan (`plan（审核意见）.docx`, `.xlsx`, `.pdf` or `.ofd`, which `policy-lens annotate` writes: the plan again).
 */
const named = (extensions: readonly string[], plans = true) =>
  new RegExp(`(?:^|[\\\\/])(?!~\\$)${plans ? `(?![^\\\\/]*${REVIEW_COPY_SUFFIX}\\.(?:${REVIEW_COPY_EXTENSIONS.join('|')})$)` : ''}[^\\\\/]*\\.(${extensions.join('|')})$`, 'i');

/** A plan file by its name; Word's lock files (`~$plan.docx`, left next to an open document) are not plans. */
export const PLAN_FILE = named([...text, ...word]);
/**
 * The plan files of a folder for the CLI: those, Excel workbooks (a district's 分工表 among its submissions), PDFs and
 * OFDs (a submission circulated as one) and web pages (a plan as a site publishes it); the editor's workspace scan
 * takes a workbook only when its name says it is a 分工表 (most are not plans, and each would be loaded on every scan),
 * and no PDF (a workspace's PDFs are the programme's documents more often than its plans: the source itself would
 * restate every task).
 */
export const CLI_PLAN_FILE = named([...text, ...word, ...excel, ...pdf, ...web]);

/** A file the editor shows as its extracted text, in the read-only view of a Word, Excel, PDF or OFD file or a web page. */
export const VIEWED_FILE = named([...word, ...excel, ...pdf, ...web], false);

/** The files CLI_PLAN_FILE takes, as a watcher's glob (workspace/didChangeWatchedFiles). */
export const PLAN_FILES_GLOB = `**/*.{${[...text, ...word, ...excel, ...pdf, ...web].join(',')}}`;

/** Folders no plan lives in: dependencies, version control, build output, editor test installs. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** A browser's folder of a saved page's scripts, styles and frames (`方案_files` beside `方案.html`): the page is the plan. */
function savedPageAssets(name: string, entries: readonly fs.Dirent[]): boolean {
  const m = /^(.+)_files$/.exec(name);
  return !!m && entries.some((e) => e.isFile() && (e.name === `${m[1]}.html` || e.name === `${m[1]}.htm`));
}

/** Files below `dir` that `accept` takes, in name order; hidden and build folders skipped, links followed once. */
export function* walkFiles(dir: string, accept: (file: string) => boolean, seen = new Set<string>(), depth = 0): Generator<string> {
  if (depth > 12 || seen.has(dir)) return;
  seen.add(dir);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.') && !savedPageAssets(e.name, entries)) yield* walkFiles(p, accept, seen, depth + 1);
    } else if (e.isFile() && accept(p)) yield p;
  }
}
