// Expands the CLI's file arguments: files, folders (their Markdown, text and Word files), glob patterns, and `-`; reads each.
import * as fs from 'fs';
import { SourceFiles } from '../convert';
import { TaskIndex } from '../core/taskIndex';
import { CLI_PLAN_FILE, walkFiles } from '../planFiles';
import { PlanSource, readPlanBytes, readPlanFile } from '../readers/planFile';
import { UnreadableFileError } from '../readers/unreadable';

export class UsageError extends Error {
  /** `showUsage` false: the arguments were well formed but name no plan (a missing file): the message alone says it. */
  constructor(message: string, readonly showUsage = true) {
    super(message);
  }
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, close).split(',').map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&')).join('|') + ')';
        i = close;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

/**
 * The plan files the arguments name, in order, without duplicates; `-` stands for standard input. A source's own text
 * (`isSource`) is not a plan: a folder or pattern leaves it out, and a file named by itself is left out with a `note`.
 */
export function expandFiles(
  args: string[],
  isSource: (file: string) => boolean = () => false,
  note: (message: string) => void = () => undefined,
  /** Told of each file a folder or a pattern gave (not named by itself). */
  walked: (file: string) => void = () => undefined,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  };
  const plan = (p: string) => CLI_PLAN_FILE.test(p) && !isSource(p);
  for (const arg of args) {
    if (arg === '-') {
      add('-');
      continue;
    }
    if (/[*?{]/.test(arg)) {
      const parts = arg.split(/[\\/]/);
      const firstGlob = parts.findIndex((p) => /[*?{]/.test(p));
      const base = parts.slice(0, firstGlob).join('/') || '.';
      const re = globToRegExp(arg.replace(/\\/g, '/').replace(/^\.\//, ''));
      const matches = [...walkFiles(base, (p) => plan(p) && re.test(p.replace(/\\/g, '/').replace(/^\.\//, '')))];
      if (!matches.length) throw new UsageError(`no file matches ${arg}`, false);
      matches.forEach(walked);
      matches.forEach(add);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      throw new UsageError(`cannot read ${arg}: no such file or folder`, false);
    }
    if (stat.isDirectory()) {
      const plans = [...walkFiles(arg, plan)];
      if (!plans.length) throw new UsageError(`no plan files in ${arg}`, false);
      plans.forEach(walked);
      plans.forEach(add);
    } else if (isSource(arg)) note(`${arg} is the text of a policy source, not a plan: not checked`);
    else add(arg);
  }
  return out;
}

/** The plan files the arguments name, and those of them a folder or a pattern gave (not named by themselves). */
export interface ExpandedPlans {
  files: string[];
  fromFolders: ReadonlySet<string>;
}

/** expandFiles without the texts of the index's sources (a note on standard error for each one named). */
export function expandPlans(args: string[], index: TaskIndex): ExpandedPlans {
  const sources = new SourceFiles();
  const fromFolders = new Set<string>();
  const files = expandFiles(args, (file) => sources.isSource(index.sources, file), (message) => process.stderr.write(`policy-lens: ${message}\n`), (file) => fromFolders.add(file));
  return { files, fromFolders };
}

/**
 * Reads every file; one that cannot be read is reported on standard error and left out, and the others are still
 * read. A 任务分工表 this tool wrote that a folder or pattern gave is left out with a note: its rows are a plan's,
 * already checked (named by itself, it is read).
 */
export async function readPlans({ files, fromFolders }: ExpandedPlans): Promise<{ plans: { file: string; plan: PlanSource }[]; unreadable: number }> {
  const plans: { file: string; plan: PlanSource }[] = [];
  let unreadable = 0;
  for (const file of files) {
    try {
      const plan = await readInput(file);
      if (plan.generated && fromFolders.has(file)) {
        const what = plan.format === 'html' ? 'a review report' : 'a 任务分工表';
        process.stderr.write(`policy-lens: ${file} is ${what} written by policy-lens, not a plan: skipped (name the file to check it)\n`);
        continue;
      }
      plans.push({ file, plan });
    } catch (e) {
      if (!(e instanceof UnreadableFileError)) throw e;
      process.stderr.write(`policy-lens: ${e.message}\n`);
      unreadable++;
    }
  }
  return { plans, unreadable };
}

/**
 * Reads one expanded argument (`-` is standard input, decoded like a file); unreadable input throws UnreadableFileError.
 * A Word plan's tracked changes are looked for: the commands say which text they checked.
 */
export async function readInput(file: string): Promise<PlanSource> {
  if (file !== '-') return readPlanFile(file, { revisions: true });
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(0);
  } catch (e) {
    throw new UnreadableFileError(`cannot read standard input: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return readPlanBytes(bytes, 'standard input', { revisions: true });
}
