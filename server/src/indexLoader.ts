// Finds the project's files (data/, seeds/) from wherever the bundle runs, and loads the task index.
import * as fs from 'fs';
import * as path from 'path';
import { parseSeed, SeedParseError, INDEX_VERSION } from './core/seedParser';
import { RuleData } from './core/thresholds';
import { PolicyIndex } from './core/types';

export const INDEX_FILE = 'data/index.json';
export const SEED_FILE = 'seeds/000_a08c9159ea97f61a.txt';
export const RULES_FILE = 'data/rules.json';

/** The folder that holds data/ and seeds/: the extension or repository root. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'seeds')) && fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.resolve(from, '..');
}

/** Parses the default seed, as `npm run index` does. */
export function buildDefaultIndex(root: string = projectRoot()): PolicyIndex {
  const text = fs.readFileSync(path.join(root, SEED_FILE), 'utf8');
  return parseSeed(text, { sourceFile: SEED_FILE });
}

export function serializeIndex(index: PolicyIndex): string {
  return JSON.stringify(index, null, 1) + '\n';
}

export class IndexLoadError extends Error {
  constructor(message: string, readonly file: string) {
    super(message);
    this.name = 'IndexLoadError';
  }
}

/** Loads data/index.json; a missing, unreadable or malformed file is an IndexLoadError naming it. */
export function loadDefaultIndex(root: string = projectRoot()): PolicyIndex {
  const file = path.join(root, INDEX_FILE);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new IndexLoadError(`cannot read the task index ${file}: ${(e as Error).message}`, file);
  }
  let data: PolicyIndex;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new IndexLoadError(`the task index ${file} is not valid JSON (${(e as Error).message}); run "npm run index"`, file);
  }
  if (!data || data.version !== INDEX_VERSION || !Array.isArray(data.tasks) || !Array.isArray(data.tables) || !data.meta) {
    throw new IndexLoadError(`the task index ${file} has an unexpected shape (version ${data?.version}); run "npm run index"`, file);
  }
  return data;
}

/** An extra source (policyLens.sources): parsed at start-up with the same parser. */
export function loadExtraSource(file: string, prefix: string): PolicyIndex {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SeedParseError(`${file}: cannot read: ${(e as Error).message}`, 0);
  }
  try {
    return parseSeed(text, { sourceFile: file, prefix });
  } catch (e) {
    if (e instanceof SeedParseError) throw new SeedParseError(`${file}:${e.line + 1}: ${e.message}`, e.line);
    throw e;
  }
}

/** Absolute path of a source file named in an index (relative ones are relative to the project root). */
export function sourcePath(sourceFile: string, root: string = projectRoot()): string {
  return path.isAbsolute(sourceFile) ? sourceFile : path.join(root, sourceFile);
}

/** The version in the project's package.json. */
export function packageVersion(root: string = projectRoot()): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The hand-kept rules (subjects of thresholds, rules the text cannot express); missing or broken: an IndexLoadError. */
export function loadRules(root: string = projectRoot()): RuleData {
  const file = path.join(root, RULES_FILE);
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(data.subjects) || !Array.isArray(data.rules)) throw new Error('expected "subjects" and "rules" lists');
    return data;
  } catch (e) {
    throw new IndexLoadError(`cannot load the rules ${file}: ${(e as Error).message}`, file);
  }
}

/** The text of each source, by the name the index gives it (for thresholds of the body). */
export function sourceTexts(indexes: PolicyIndex[], root: string = projectRoot()): Map<string, string> {
  const texts = new Map<string, string>();
  for (const index of indexes) {
    try {
      texts.set(index.sourceFile, fs.readFileSync(sourcePath(index.sourceFile, root), 'utf8'));
    } catch {
      // a source that went away: its tasks still work, its body thresholds do not
    }
  }
  return texts;
}
