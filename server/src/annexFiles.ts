// Finds the 分工表 that goes with a plan file among the files of its folder and of its annex folders (附件/), by
// core/annexPairing.ts, for the CLI and the server alike: only the files whose name says 分工 are read, and a folder
// that cannot be listed has none.
import * as fs from 'fs';
import * as path from 'path';
import { namesAssignmentTable, pairAnnexes } from './core/annexPairing';
import { CLI_PLAN_FILE } from './planFiles';

/**
 * What a file whose name says 分工 is: a 分工表 (its rows assign tasks), a plan like any other, or a file that is no plan
 * of the folder's (a 分工表 this tool wrote, one that cannot be read).
 */
export type AnnexKind = 'table' | 'plan' | 'skip';

/** The plan files of a folder (Markdown, text, Word, Excel; not Word's lock files), by path; none if it cannot be listed. */
export function folderPlanFiles(folder: string): string[] {
  try {
    return fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile() && CLI_PLAN_FILE.test(e.name)).map((e) => path.join(folder, e.name)).sort();
  } catch {
    return [];
  }
}

/** A folder of a plan's annexes (附件, 附件2): the 分工表 in it is the plan's, as if beside it. */
export const ANNEX_FOLDER = /^附件/;

/** The 分工表-named plan files of the plan folder's annex folders (附件/重点任务分工表.xlsx), by path. */
function annexFolderFiles(folder: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isDirectory() && ANNEX_FOLDER.test(e.name)).flatMap((e) => folderPlanFiles(path.join(folder, e.name)).filter((f) => namesAssignmentTable(f)));
}

/**
 * The 分工表 that goes with `file` among its folder's files and those of its annex folders (附件/), if any (not when
 * `file` is one itself). `kindOf` is asked only of the files whose name says 分工, other than `file`.
 */
export async function annexFileOf(file: string, kindOf: (candidate: string) => Promise<AnnexKind> | AnnexKind): Promise<string | undefined> {
  const resolved = path.resolve(file);
  if (namesAssignmentTable(resolved)) return undefined;
  const folder = path.dirname(resolved);
  const files: string[] = [];
  const tables = new Set<string>();
  // a file of an annex folder is paired as if beside the plan (a name the folder itself has wins)
  const real = new Map<string, string>();
  const own = folderPlanFiles(folder);
  for (const f of annexFolderFiles(folder)) {
    const beside = path.join(folder, path.basename(f));
    if (!own.includes(beside) && !real.has(beside)) real.set(beside, f);
  }
  for (const f of [...own, ...real.keys()]) {
    if (f === resolved || !namesAssignmentTable(f)) {
      files.push(f);
      continue;
    }
    const kind = await kindOf(real.get(f) ?? f);
    if (kind === 'skip') continue;
    files.push(f);
    if (kind === 'table') tables.add(f);
  }
  if (!files.includes(resolved)) files.push(resolved);
  const annex = pairAnnexes(files, tables).get(resolved);
  return annex && (real.get(annex) ?? annex);
}
