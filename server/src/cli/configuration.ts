// The CLI's configuration: the editor's `policyLens.*` settings, from .vscode/settings.json or --config FILE (a
// settings file or a .code-workspace).
import type { AnalyzeOptions } from '../core/analyze';
import type { Locale } from '../core/messages';
import * as fs from 'fs';
import * as path from 'path';
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { buildEngine, Engine } from '../engine';
import { engineSources, loadDefaultIndex, loadRules, loadSources, projectRoot } from '../indexLoader';
import { readSettings, settingsSection, Settings } from '../settings';

/** Where VS Code keeps a folder's settings. */
export const WORKSPACE_SETTINGS = path.join('.vscode', 'settings.json');

export interface CliConfig {
  /** The settings file that was read; none when the folder has no .vscode/settings.json. */
  file?: string;
  /** The folder that relative source paths resolve against, as the editor resolves them against its workspace. */
  folder: string;
  settings: Settings;
  /** Invalid values, each replaced by its default (the editor shows the same warnings). */
  problems: string[];
}

/** A settings file that is missing or not JSON with comments, or a source that cannot be loaded. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * A command's settings, as the editor's for this folder (`--config FILE` when given): an invalid value is warned about
 * on standard error, as the editor does, and defaulted; `--source FILE` then takes the place of the bundled source.
 */
export function commandConfig(o: { config?: string; source?: string }, cwd: string = process.cwd()): CliConfig {
  const config = readCliConfig(cwd, o.config);
  for (const p of config.problems) process.stderr.write(`policy-lens: warning: ${p}\n`);
  return withSourceInPlace(config, cwd, o.source);
}

/**
 * `--source FILE`: the settings with that file as the source references without a prefix cite (the policyLens.sources
 * entry with an empty prefix, whatever the settings name there), its path as the command line gives it.
 */
export function withSourceInPlace(config: CliConfig, cwd: string, source: string | undefined): CliConfig {
  if (source === undefined) return config;
  const own = { path: path.resolve(cwd, source), prefix: '' };
  return { ...config, settings: { ...config.settings, sources: [own, ...config.settings.sources.filter((s) => s.prefix !== '')] } };
}

/** `--config FILE` when given (it must exist), else `.vscode/settings.json` in `cwd` when there is one. */
export function readCliConfig(cwd: string, configFile?: string): CliConfig {
  if (configFile !== undefined) {
    const file = path.resolve(cwd, configFile);
    const dir = path.dirname(file);
    const content = readJsonc(file);
    if (isWorkspaceFile(content)) {
      // a .code-workspace file: the editor resolves source paths against its first folder
      const first = content.folders.map((f) => f?.path).find((p): p is string => typeof p === 'string');
      const folder = first !== undefined ? path.resolve(dir, first) : dir;
      return { file, folder, ...readSettings(settingsSection(content.settings ?? {})) };
    }
    // a workspace's own settings file: its paths are relative to the workspace folder, as in the editor
    const folder = path.basename(dir) === '.vscode' ? path.dirname(dir) : dir;
    return { file, folder, ...readSettings(settingsSection(content)) };
  }
  const file = path.join(cwd, WORKSPACE_SETTINGS);
  if (!fs.existsSync(file)) return { folder: cwd, ...readSettings({}) };
  return { file, folder: cwd, ...readSettingsFile(file) };
}

/** The `policyLens` settings of a JSONC settings file, as readSettings parses them. */
export function readSettingsFile(file: string): { settings: Settings; problems: string[] } {
  return readSettings(settingsSection(readJsonc(file)));
}

interface WorkspaceFile {
  folders: { path?: unknown }[];
  settings?: Record<string, unknown>;
}

/** A multi-root workspace (`.code-workspace`): its folders, and its settings under `settings`. */
function isWorkspaceFile(content: Record<string, unknown>): content is Record<string, unknown> & WorkspaceFile {
  return Array.isArray(content.folders) && (content.settings === undefined || (typeof content.settings === 'object' && content.settings !== null && !Array.isArray(content.settings)));
}

function readJsonc(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read the settings ${file}: ${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message}`);
  }
  return parseSettingsText(text, file);
}

/** JSON with comments and trailing commas, as VS Code writes settings; any other error names its line and column. */
export function parseSettingsText(text: string, file: string): Record<string, unknown> {
  // VS Code reads an empty settings file as no settings
  if (!text.trim()) return {};
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const e = errors[0];
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - (before.lastIndexOf('\n') + 1) + 1;
    throw new ConfigError(`cannot read the settings ${file}:${line}:${column}: ${printParseErrorCode(e.error)}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(`cannot read the settings ${file}: expected an object of settings`);
  return value;
}

/** The engine the editor would build for these settings: the default source (or the one replacing it) and every other configured one. */
export async function loadConfiguredEngine(config: CliConfig, root: string = projectRoot()): Promise<Engine> {
  const base = loadDefaultIndex(root);
  const rules = loadRules(root);
  const loaded = await loadSources(config.settings.sources, config.folder);
  if (loaded.errors.length) throw new ConfigError(loaded.errors.join('\n'));
  return buildEngine(engineSources(base, loaded), rules);
}

/** The options of every analysis the CLI makes: the editor's, from the same settings (so both report the same). */
export function analyzeOptionsOf(config: CliConfig, locale: Locale): AnalyzeOptions {
  const { severity, referenceStyle, structure } = config.settings;
  return { locale, severity, referenceStyle, structure };
}
