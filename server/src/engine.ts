// Puts the core together from the project's files: the same engine for the server and the CLI.
import { Checker } from './core/analyze';
import { TaskIndex } from './core/taskIndex';
import { RuleData } from './core/thresholds';
import { PolicyIndex } from './core/types';
import { loadDefaultIndex, loadRules, projectRoot } from './indexLoader';

export interface Engine {
  index: TaskIndex;
  checker: Checker;
}

/** The engine over indexes already built (each carrying its facts): no source is read again. */
export function buildEngine(indexes: PolicyIndex[], rules: RuleData, unloadedPrefixes: string[] = []): Engine {
  const index = new TaskIndex(indexes, unloadedPrefixes);
  return { index, checker: new Checker(index, rules) };
}

/** The default engine from data/ (index, source facts, rules); throws an IndexLoadError naming a bad file. */
export function loadEngine(root: string = projectRoot()): Engine {
  return buildEngine([loadDefaultIndex(root)], loadRules(root));
}
