// Reads the `policyLens` settings section into typed values; an invalid value falls back to its default
// and is reported once.
import { DIAGNOSTIC_CODES, DiagnosticCode, SeveritySetting } from './core/findings';
import { ReferenceStyle } from './core/taskIndex';
import { SourceSetting } from './shared/protocol';

export interface Settings {
  referenceStyle: ReferenceStyle;
  completionTrigger: string;
  inlayHints: boolean;
  severity: Partial<Record<DiagnosticCode, SeveritySetting>>;
  debounceMs: number;
  maxFileSizeKB: number;
  /** policyLens.structure.*: when a task item needs a lead unit, and a deadline; the pilot period's last month (YYYY-MM) if set. */
  structure: { requireLeadUnit: 'auto' | 'always' | 'off'; requireDeadline: 'auto' | 'always' | 'off'; pilotEnd?: string };
  sources: SourceSetting[];
  /** policyLens.review.author: who a review's copy says its comments and tracked changes are by (the reviewing office). */
  reviewAuthor: string;
}

export const DEFAULT_SETTINGS: Settings = {
  referenceStyle: 'table',
  completionTrigger: '@',
  inlayHints: true,
  severity: {},
  debounceMs: 150,
  maxFileSizeKB: 5120,
  structure: { requireLeadUnit: 'auto', requireDeadline: 'auto' },
  sources: [],
  reviewAuthor: 'Policy Lens',
};

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * The `policyLens` section of a settings file as VS Code writes it (`.vscode/settings.json`): flat dotted keys
 * (`"policyLens.diagnostics.misquote.severity": "off"`) and nested objects (`"policyLens": { "sources": [] }`),
 * merged into the one object the server receives from the editor. Other keys are ignored.
 */
export function settingsSection(file: Record<string, unknown>): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(file)) {
    const path = key.split('.');
    if (path[0] !== 'policyLens') continue;
    if (path.length === 1) {
      if (value && typeof value === 'object' && !Array.isArray(value)) mergeInto(section, value as Record<string, unknown>);
      continue;
    }
    let at = section;
    for (const name of path.slice(1, -1)) {
      if (!at[name] || typeof at[name] !== 'object' || Array.isArray(at[name])) at[name] = {};
      at = at[name] as Record<string, unknown>;
    }
    const last = path[path.length - 1];
    if (value && typeof value === 'object' && !Array.isArray(value) && at[last] && typeof at[last] === 'object') mergeInto(at[last] as Record<string, unknown>, value as Record<string, unknown>);
    else at[last] = value;
  }
  return section;
}

function mergeInto(target: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    const here = target[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && here && typeof here === 'object' && !Array.isArray(here)) {
      mergeInto(here as Record<string, unknown>, value as Record<string, unknown>);
    } else target[key] = value;
  }
}

/** Parses a raw settings object; `problems` lists each invalid value that was replaced by its default. */
export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const s: Settings = { ...DEFAULT_SETTINGS, severity: {}, sources: [], structure: { requireLeadUnit: 'auto', requireDeadline: 'auto' } };
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const bad = (name: string, value: unknown, expected: string) =>
    problems.push(`policyLens.${name}: ${JSON.stringify(value)} is not ${expected}; using the default`);

  const style = r.referenceStyle;
  if (style === 'T1.35' || style === 'id') s.referenceStyle = 'id';
  else if (style === undefined || style === null || style === '表1第35项' || style === 'table') s.referenceStyle = 'table';
  else bad('referenceStyle', style, '"表1第35项" or "T1.35"');

  const trigger = r.completion?.trigger;
  if (typeof trigger === 'string' && trigger.length >= 1 && trigger.length <= 3 && !/\s/.test(trigger)) s.completionTrigger = trigger;
  else if (trigger !== undefined) bad('completion.trigger', trigger, 'one to three non-space characters');

  const hints = r.inlayHints?.enabled;
  if (typeof hints === 'boolean') s.inlayHints = hints;
  else if (hints !== undefined) bad('inlayHints.enabled', hints, 'true or false');

  const diagnostics = r.diagnostics ?? {};
  for (const code of DIAGNOSTIC_CODES) {
    const value = diagnostics[code]?.severity;
    if (value === undefined) continue;
    if (typeof value === 'string' && SEVERITIES.includes(value)) s.severity[code] = value as SeveritySetting;
    else bad(`diagnostics.${code}.severity`, value, 'one of ' + SEVERITIES.join(', '));
  }
  const debounce = diagnostics.debounceMs;
  if (typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 && debounce <= 10000) s.debounceMs = debounce;
  else if (debounce !== undefined) bad('diagnostics.debounceMs', debounce, 'a number of milliseconds from 0 to 10000');

  const require = r.structure?.requireLeadUnit;
  if (require === 'auto' || require === 'always' || require === 'off') s.structure.requireLeadUnit = require;
  else if (require !== undefined) bad('structure.requireLeadUnit', require, '"auto", "always" or "off"');
  const requireDeadline = r.structure?.requireDeadline;
  if (requireDeadline === 'auto' || requireDeadline === 'always' || requireDeadline === 'off') s.structure.requireDeadline = requireDeadline;
  else if (requireDeadline !== undefined) bad('structure.requireDeadline', requireDeadline, '"auto", "always" or "off"');
  const pilotEnd = r.structure?.pilotEnd;
  if (typeof pilotEnd === 'string' && /^\d{4}-(0?[1-9]|1[0-2])$/.test(pilotEnd.trim())) s.structure.pilotEnd = pilotEnd.trim();
  else if (pilotEnd !== undefined && pilotEnd !== '') bad('structure.pilotEnd', pilotEnd, 'a month as "YYYY-MM"');

  const author = r.review?.author;
  if (typeof author === 'string' && author.trim() && author.trim().length <= 60 && !/[\u0000-\u001f]/.test(author)) s.reviewAuthor = author.trim();
  else if (author !== undefined && author !== '') bad('review.author', author, 'a name of 1 to 60 characters');

  const max = r.maxFileSizeKB;
  if (typeof max === 'number' && Number.isFinite(max) && max > 0) s.maxFileSizeKB = max;
  else if (max !== undefined) bad('maxFileSizeKB', max, 'a positive number');

  const sources = r.sources;
  if (Array.isArray(sources)) {
    for (const item of sources) {
      if (item && typeof item.path === 'string' && typeof item.prefix === 'string' && /^[A-Za-z\u4e00-\u9fff]{0,8}$/.test(item.prefix)) {
        s.sources.push({ path: item.path, prefix: item.prefix });
      } else bad('sources', item, '{ "path": "<file>", "prefix": "<1–8 letters, or \"\" for the source that references without a prefix cite>" }');
    }
  } else if (sources !== undefined) bad('sources', sources, 'a list');
  return { settings: s, problems };
}
