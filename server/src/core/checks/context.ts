// What the checks need from the sources, computed once per index: thresholds, rules, the matcher, domains.
import { TaskMatcher } from '../matcher';
import { comparatorVocabulary } from '../quantity';
import { SourceDocument, sourceNumber } from '../documentCitations';
import { GENERIC_TERMS } from '../genericTerms';
import { PilotArea, pilotAreas } from '../pilotAreas';
import { TaskIndex } from '../taskIndex';
import { escapeRegExp } from '../text';
import { mergeSubjects, RuleData, rulesFor, SourceThreshold, sourceThresholds, SubjectRule, TaskRule } from '../thresholds';
import { Task } from '../types';

export class CheckContext {
  readonly thresholds: SourceThreshold[] = [];
  readonly byTask = new Map<string, SourceThreshold[]>();
  /** Thresholds of a body, tied to no task (经过3年试点). */
  readonly bodyThresholds: SourceThreshold[] = [];
  readonly rulesByTask = new Map<string, TaskRule[]>();
  readonly subjects: SubjectRule[];
  /** Every word that can name a subject: a paragraph without any is skipped by the threshold check. */
  readonly subjectWords: string[];
  /** Domain and category names, longest first, each with the tasks that carry it. */
  readonly labels: { name: string; kind: 'domain' | 'category'; tasks: Set<string> }[] = [];
  /** Any of the labels, longest first. */
  labelPattern = /(?!)/g;
  /**
   * A domain's shorter names as an item's or a clause's label writes them (金融服务：…, 金融领域：…, 在金融领域，…): its
   * name without 领域, and without 服务 but with 领域; each with its domain. Read only at the head of an item, sentence or
   * clause: in running text 金融服务 is a phrase (优化跨境金融服务（表1第30项）).
   */
  readonly shortLabels = new Map<string, CheckContext['labels'][number]>();
  shortLabelPattern = /(?!)/g;
  /** Which tasks a span of plan text is about. */
  readonly matcher: TaskMatcher;
  /** The pilot areas the sources' categories give tasks to (在黄埔区（…）…), each task's, and the area of each name. */
  readonly areas: PilotArea[];
  readonly areaOf = new Map<string, PilotArea>();
  readonly areaByName = new Map<string, PilotArea>();
  /** Any area's name, longest first. */
  areaPattern = /(?!)/g;
  /** The sources' titles, 文号 and short names, as a plan cites them, and their paragraphs, as it quotes them. */
  readonly documents: SourceDocument[];

  constructor(readonly index: TaskIndex, rules: RuleData) {
    const perSource = index.sources.map((source) => ({ source, ...rulesFor(source, rules) }));
    // a plan's quantity may be about a subject of any source: the plan side reads with all of them
    this.subjects = mergeSubjects([rules.subjects, ...perSource.map((p) => p.subjects)]);
    this.subjectWords = [...new Set(this.subjects.flatMap((s) => [s.head, ...(s.aliases ?? []), ...(s.sidedAliases ?? [])]))];
    for (const { source, subjects, rules: taskRules } of perSource) {
      for (const t of sourceThresholds(source, subjects)) {
        this.thresholds.push(t);
        if (t.task) this.byTask.set(t.task, [...(this.byTask.get(t.task) ?? []), t]);
        else this.bodyThresholds.push(t);
      }
      for (const r of taskRules) this.rulesByTask.set(r.task, [...(this.rulesByTask.get(r.task) ?? []), r]);
    }
    this.matcher = new TaskMatcher(index.tasks, [...this.subjectWords, ...comparatorVocabulary(), ...GENERIC_TERMS]);
    this.computeLabels(index.tasks);
    this.areas = pilotAreas(index.sources);
    for (const area of this.areas) {
      for (const id of area.tasks) this.areaOf.set(id, area);
      for (const name of area.names) this.areaByName.set(name, area);
    }
    if (this.areaByName.size) this.areaPattern = anyOf(this.areaByName.keys());
    this.documents = index.sources.map((s) => ({ meta: s.meta, number: sourceNumber(s.meta), shortNames: s.facts?.shortNames, passages: s.facts?.passages }));
  }

  private computeLabels(tasks: Task[]): void {
    const add = (name: string, kind: 'domain' | 'category', id: string) => {
      let label = this.labels.find((l) => l.name === name);
      if (!label) this.labels.push((label = { name, kind, tasks: new Set() }));
      label.tasks.add(id);
    };
    for (const t of tasks) {
      if (t.domain) add(t.domain, 'domain', t.id);
      if (t.category.length <= 16) add(t.category, 'category', t.id);
    }
    this.labels.sort((a, b) => b.name.length - a.name.length);
    if (this.labels.length) this.labelPattern = anyOf(this.labels.map((l) => l.name));
    for (const label of this.labels) {
      if (label.kind !== 'domain' || !label.name.endsWith('领域')) continue;
      const stem = label.name.slice(0, -2);
      const names = stem.endsWith('服务') && stem.length > 2 ? [stem, stem.slice(0, -2) + '领域'] : [stem];
      for (const name of names) if (name.length >= 2 && !this.labels.some((l) => l.name === name)) this.shortLabels.set(name, label);
    }
    if (this.shortLabels.size) this.shortLabelPattern = anyOf(this.shortLabels.keys());
  }
}

/** A global pattern of any of the names, the longest first (so that a name is not found inside a longer one). */
function anyOf(names: Iterable<string>): RegExp {
  return new RegExp([...names].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
}
