// Finds the 分工表 that goes with a plan file among the files of its folder (core/annexPairing.ts), for the CLI and the
// server alike: only the files whose name says 分工 are read, and a folder that cannot be listed has none.
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

/**
 * The 分工表 that goes with `file` among its folder's files, if any (not when `file` is one itself). `kindOf` is asked
 * only of the files whose name says 分工, other than `file`.
 */
export async function annexFileOf(file: string, kindOf: (candidate: string) => Promise<AnnexKind> | AnnexKind): Promise<string | undefined> {
  const resolved = path.resolve(file);
  if (namesAssignmentTable(resolved)) return undefined;
  const files: string[] = [];
  const tables = new Set<string>();
  for (const f of folderPlanFiles(path.dirname(resolved))) {
    if (f === resolved || !namesAssignmentTable(f)) {
      files.push(f);
      continue;
    }
    const kind = await kindOf(f);
    if (kind === 'skip') continue;
    files.push(f);
    if (kind === 'table') tables.add(f);
  }
  if (!files.includes(resolved)) files.push(resolved);
  return pairAnnexes(files, tables).get(resolved);
}
