// Expands the CLI's file arguments: files, folders (their Markdown and text files), glob patterns, and `-`.
import * as fs from 'fs';
import { PLAN_FILE, walkFiles } from '../planFiles';


export class UsageError extends Error {}

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

/** The files the arguments name, in order, without duplicates; `-` stands for standard input. */
export function expandFiles(args: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  };
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
      const matches = [...walkFiles(base, (p) => re.test(p.replace(/\\/g, '/').replace(/^\.\//, '')))];
      if (!matches.length) throw new UsageError(`no file matches ${arg}`);
      matches.forEach(add);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      throw new UsageError(`cannot read ${arg}: no such file or folder`);
    }
    if (stat.isDirectory()) [...walkFiles(arg, (p) => PLAN_FILE.test(p))].forEach(add);
    else add(arg);
  }
  return out;
}

export function readInput(file: string): string {
  try {
    const text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
    return text.replace(/^\uFEFF/, '');
  } catch (e) {
    throw new UsageError(`cannot read ${file === '-' ? 'standard input' : file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
