// Finds the project's files (data/, seeds/) from wherever the bundle runs; loads the task index, the rules and sources.
import * as fs from 'fs';
import * as path from 'path';
import { parseSeed, SeedParseError, INDEX_VERSION } from './core/seedParser';
import { indexSource } from './core/sourceIndexer';
import { readMarkdown, readTextSource } from './core/sourceReaders';
import { RuleData } from './core/thresholds';
import { PolicyIndex, SourceFacts } from './core/types';
import { PlanSource, readPlanFile, readPlanTextFileSync } from './readers/planFile';

export const INDEX_FILE = 'data/index.json';
/** What the checks need of the default seed beyond data/index.json (which stays as it was): written with it. */
export const FACTS_FILE = 'data/source-facts.json';
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
  return JSON.stringify({ ...index, facts: undefined }, null, 1) + '\n';
}

export function serializeFacts(index: PolicyIndex): string {
  const facts = index.facts ?? { bodyLines: [], lineLengths: [] };
  return JSON.stringify({ version: INDEX_VERSION, sourceFile: index.sourceFile, ...facts }, null, 1) + '\n';
}

export class IndexLoadError extends Error {
  constructor(message: string, readonly file: string) {
    super(message);
    this.name = 'IndexLoadError';
  }
}

/** Loads data/index.json and data/source-facts.json; a missing, unreadable or malformed file is an IndexLoadError naming it. */
export function loadDefaultIndex(root: string = projectRoot()): PolicyIndex {
  const data = readGenerated<PolicyIndex>(root, INDEX_FILE, 'the task index');
  if (!data || data.version !== INDEX_VERSION || !Array.isArray(data.tasks) || !Array.isArray(data.tables) || !data.meta) {
    throw new IndexLoadError(`the task index ${path.join(root, INDEX_FILE)} has an unexpected shape (version ${data?.version}); run "npm run index"`, path.join(root, INDEX_FILE));
  }
  const facts = readGenerated<SourceFacts & { version: number; sourceFile: string }>(root, FACTS_FILE, 'the source facts');
  const file = path.join(root, FACTS_FILE);
  if (!facts || facts.version !== INDEX_VERSION || !Array.isArray(facts.bodyLines) || !Array.isArray(facts.lineLengths)) {
    throw new IndexLoadError(`the source facts ${file} have an unexpected shape; run "npm run index"`, file);
  }
  if (facts.sourceFile !== data.sourceFile) {
    throw new IndexLoadError(`the source facts ${file} are of ${facts.sourceFile}, not of ${data.sourceFile}; run "npm run index"`, file);
  }
  // older facts have neither (the checks that read them then have nothing to judge); malformed ones are an error
  const { passages, shortNames } = facts;
  if ((passages !== undefined && !(Array.isArray(passages) && passages.every((p) => typeof p?.text === 'string' && Number.isInteger(p.startLine))))
    || (shortNames !== undefined && !(Array.isArray(shortNames) && shortNames.every((n) => typeof n === 'string')))) {
    throw new IndexLoadError(`the source facts ${file} have an unexpected shape (passages, shortNames); run "npm run index"`, file);
  }
  data.facts = { bodyLines: facts.bodyLines, lineLengths: facts.lineLengths, passages, shortNames };
  return data;
}

function readGenerated<T>(root: string, name: string, what: string): T {
  const file = path.join(root, name);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new IndexLoadError(`cannot read ${what} ${file}: ${(e as Error).message}`, file);
  }
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new IndexLoadError(`${what} ${file} is not valid JSON (${(e as Error).message}); run "npm run index"`, file);
  }
}

/** Indexes a source read by its format; a source without a task list names its file and line. */
function indexRead(plan: PlanSource, file: string, prefix: string): PolicyIndex {
  const layout = plan.format === 'text' ? readTextSource(plan.text) : readMarkdown(plan.text);
  try {
    return indexSource(layout, { sourceFile: file, prefix });
  } catch (e) {
    if (e instanceof SeedParseError) throw new SeedParseError(`${file}:${e.line + 1}: ${e.message}`, e.line);
    throw e;
  }
}

function unreadable(file: string, e: unknown): SeedParseError {
  const said = (e as Error).message;
  const lead = `cannot read ${file}: `;
  const why = said.startsWith(lead) ? said.slice(lead.length) : said;
  return new SeedParseError(`${file}: cannot read: ${why === 'ENOENT' ? 'no such file' : why}`, 0);
}

/** An extra source (policyLens.sources) in Markdown or text, parsed synchronously; a Word file needs loadSource. */
export function loadExtraSource(file: string, prefix: string): PolicyIndex {
  let plan: PlanSource;
  try {
    plan = readPlanTextFileSync(file);
  } catch (e) {
    throw unreadable(file, e);
  }
  return indexRead(plan, file, prefix);
}

/** An extra source in any format sources come in: Markdown, text in any encoding, or Word. */
export async function loadSource(file: string, prefix: string): Promise<PolicyIndex> {
  let plan: PlanSource;
  try {
    plan = await readPlanFile(file);
  } catch (e) {
    throw unreadable(file, e);
  }
  return indexRead(plan, file, prefix);
}

export interface LoadedSources {
  indexes: PolicyIndex[];
  /** One message per source that could not be loaded, naming its file and why. */
  errors: string[];
  /** Prefixes of the sources that failed: their references are reported, not read as the default source's. */
  failed: string[];
}

/** The sources of policyLens.sources, relative paths resolved against `folder`; one that fails leaves the others. */
export async function loadSources(sources: { path: string; prefix: string }[], folder?: string): Promise<LoadedSources> {
  const out: LoadedSources = { indexes: [], errors: [], failed: [] };
  for (const s of sources) {
    const file = path.isAbsolute(s.path) || !folder ? s.path : path.join(folder, s.path);
    if (out.indexes.some((x) => x.prefix === s.prefix) || out.failed.includes(s.prefix)) {
      out.errors.push(`policyLens.sources: the prefix "${s.prefix}" is used twice; ${file} is skipped`);
      continue;
    }
    try {
      out.indexes.push(await loadSource(file, s.prefix));
    } catch (e) {
      out.errors.push((e as Error).message);
      out.failed.push(s.prefix);
    }
  }
  return out;
}

/**
 * The sources an engine is built from, the one bare references cite first: the default source, unless
 * policyLens.sources names one with an empty prefix (another city's 总体方案), which takes its place. When that one
 * failed to load, bare references cite nothing (each is reported) rather than the default source, which is not theirs.
 */
export function engineSources(base: PolicyIndex | undefined, loaded: Pick<LoadedSources, 'indexes' | 'failed'>): PolicyIndex[] {
  const own = loaded.indexes.find((i) => i.prefix === '');
  const first = own ?? (loaded.failed.includes('') ? undefined : base);
  return [...(first ? [first] : []), ...loaded.indexes.filter((i) => i.prefix !== '')];
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

/** The hand-kept rules (subjects of thresholds, per-source rules); missing or broken: an IndexLoadError. */
export function loadRules(root: string = projectRoot()): RuleData {
  const file = path.join(root, RULES_FILE);
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(data.subjects)) throw new Error('expected a "subjects" list');
    if (data.sources !== undefined && !Array.isArray(data.sources)) throw new Error('"sources" must be a list');
    for (const s of data.sources ?? []) {
      if (typeof s?.prefix !== 'string') throw new Error('each of "sources" needs a "prefix" ("" for the default source)');
      if (s.subjects !== undefined && !Array.isArray(s.subjects)) throw new Error(`the subjects of source "${s.prefix}" must be a list`);
      if (s.rules !== undefined && !Array.isArray(s.rules)) throw new Error(`the rules of source "${s.prefix}" must be a list`);
    }
    return data;
  } catch (e) {
    throw new IndexLoadError(`cannot load the rules ${file}: ${(e as Error).message}`, file);
  }
}
