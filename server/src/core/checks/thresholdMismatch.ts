// threshold-mismatch: a share, term or amount in the plan that contradicts the source threshold of the same
// subject, for the task cited in the same unit (list item, table row, sentence) or, with none cited, for the
// task whose distinctive words the unit carries.
import { Finding, Fix } from '../findings';
import { Locale, Messages } from '../messages';
import { comparatorWords, contradicts, findQuantities, formatQuantity, QuantityPhrase } from '../quantity';
import { Scope } from '../scopes';
import { formatReference, ResolvedReference } from '../taskIndex';
import { sameSubject, SourceThreshold, Subject, subjectOf } from '../thresholds';
import { CheckContext } from './context';

/** A plan quantity tied to a source threshold (shown on hover, checked for contradiction). */
export interface ThresholdMatch {
  start: number;
  end: number;
  planWords: string;
  source: SourceThreshold;
  contradicts: boolean;
  /** The threshold-mismatch finding of a contradicted threshold. */
  finding?: Finding;
}

/** How much of a task's topic an uncited unit must carry for its thresholds to apply (two distinctive bigrams). */
const MIN_TOPIC_SCORE = 8;

/**
 * The plan's quantities tied to a source threshold, each with its verdict and, where it contradicts the source, its
 * finding. Read with the plan model, since hover shows them too; the check reports the contradicted ones.
 */
export function readThresholds(
  text: string,
  scopes: Scope[],
  refs: ResolvedReference[],
  ctx: CheckContext,
  msg: Messages,
  locale: Locale,
): ThresholdMatch[] {
  const matches: ThresholdMatch[] = [];
  if (!ctx.subjectWords.some((w) => text.includes(w))) return matches;
  for (const scope of scopes) {
    const unit = text.slice(scope.start, scope.end);
    if (!ctx.subjectWords.some((w) => unit.includes(w))) continue;
    const cited = refs.filter((r) => r.ref.start >= scope.start && r.ref.end <= scope.end).flatMap((r) => r.tasks);
    for (const q of quantitiesNearSubjects(unit, ctx.subjectWords, scope.start)) {
      const subject = subjectOf(text, q, ctx.subjects);
      if (!subject) continue;
      const planWords = text.slice(Math.min(subject.start, q.start), Math.max(subject.end, q.end));
      // the words of the threshold itself (subject, comparator, number) say nothing about which task is meant
      const from = Math.min(subject.start, q.start) - scope.start;
      const to = Math.max(subject.end, q.end) - scope.start;
      const context = unit.slice(0, from) + '|' + unit.slice(to);
      const candidates = cited.length
        ? cited.flatMap((t) => candidatesOf(ctx, t.id, subject))
        : uncitedCandidates(ctx, context, subject);
      if (!candidates.length) continue;
      // with several candidates, the plan agrees if it agrees with any of them
      const verdicts = candidates.map((c) => ({ c, bad: judge(q, c) }));
      const agreeing = verdicts.find((v) => !v.bad);
      const chosen = agreeing ?? verdicts[0];
      const source = chosen.c.threshold;
      const match: ThresholdMatch = { start: q.start, end: q.end, planWords, source, contradicts: !agreeing };
      if (!agreeing) match.finding = toFinding(q, planWords, chosen.c, ctx, msg, locale);
      matches.push(match);
    }
  }
  return matches;
}

/** Characters around a subject word within which a quantity can be about it (see subjectOf's window). */
const BEFORE = 40;
const AFTER = 60;

/**
 * The quantities of `unit` that a subject word can govern: read only in windows around the subject words, since
 * reading quantities is the costly part and most of a long list item is about something else.
 */
function quantitiesNearSubjects(unit: string, words: string[], offset: number): QuantityPhrase[] {
  const windows: [number, number][] = [];
  for (const w of words) {
    for (let at = unit.indexOf(w); at >= 0; at = unit.indexOf(w, at + w.length)) windows.push([Math.max(0, at - BEFORE), Math.min(unit.length, at + w.length + AFTER)]);
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([...w]);
  }
  const out: QuantityPhrase[] = [];
  for (const [from, to] of merged) {
    for (const q of findQuantities(unit.slice(from, to))) {
      // a number cut by the window's edge is too far from any subject to matter, and may be misread: leave it
      if ((from > 0 && q.start < 3) || (to < unit.length && q.end > to - from - 3)) continue;
      out.push(shift(q, from + offset));
    }
  }
  return out;
}

interface Candidate {
  threshold: SourceThreshold;
  removed?: { zh: string; en: string };
}

function candidatesOf(ctx: CheckContext, taskId: string, subject: Subject): Candidate[] {
  const out: Candidate[] = (ctx.byTask.get(taskId) ?? []).filter((t) => sameSubject(t, subject)).map((threshold) => ({ threshold }));
  for (const rule of ctx.rulesByTask.get(taskId) ?? []) {
    if (rule.subject !== subject.head || (rule.side && subject.side && rule.side !== subject.side)) continue;
    const task = ctx.index.task(taskId)!;
    const source = ctx.index.sourceOf(task);
    out.push({
      removed: rule,
      threshold: {
        task: taskId, sourceFile: source.sourceFile, span: { startLine: task.startLine, endLine: task.endLine },
        subject: rule.subject, side: rule.side, comparator: '=', value: NaN, unit: 'percent', words: task.text,
      },
    });
  }
  return out;
}

/**
 * With no task cited, the thresholds of the task the unit is about, by the matcher (the same judgement as every
 * check of meaning); failing that, the body's thresholds of that subject.
 */
function uncitedCandidates(ctx: CheckContext, unit: string, subject: Subject): Candidate[] {
  const body = ctx.bodyThresholds.filter((t) => sameSubject(t, subject)).map((threshold) => ({ threshold }));
  const ids = [...new Set([...ctx.byTask.keys(), ...ctx.rulesByTask.keys()])].filter((id) => candidatesOf(ctx, id, subject).length);
  if (!ids.length) return body;
  const scores = ctx.matcher.scoreOf(unit, ids);
  const top = Math.max(...scores);
  if (top < MIN_TOPIC_SCORE) return body;
  return ids.filter((_, i) => scores[i] === top).flatMap((id) => candidatesOf(ctx, id, subject));
}

/** Does the plan's quantity contradict the candidate? */
function judge(q: QuantityPhrase, c: Candidate): boolean {
  if (c.removed) return q.comparator === '<=' || q.comparator === '<';
  const s = c.threshold;
  if (s.lowered) {
    // the task lowers a minimum: asking for more than it, or turning it into a maximum, contradicts it
    if (q.comparator === '<=' || q.comparator === '<') return true;
    if (q.unit !== s.unit) return contradicts(q, s);
    return q.value > s.value;
  }
  return contradicts(q, s);
}

function toFinding(q: QuantityPhrase, planWords: string, c: Candidate, ctx: CheckContext, msg: Messages, locale: Locale): Finding {
  const s = c.threshold;
  const task = s.task ? ctx.index.task(s.task) : undefined;
  const where = task ? formatReference(task) : msg.bodyOf;
  const related = [{ sourceFile: s.sourceFile, span: s.span, message: task ? msg.sourceTask(where) : msg.bodyOf }];
  if (c.removed) {
    return { start: q.start, end: q.end, code: 'threshold-mismatch', severity: 'error', message: msg.thresholdRemoved(planWords, locale === 'en' ? c.removed.en : c.removed.zh), related, fixes: [] };
  }
  const fixes: Fix[] = [];
  const sourceValue = formatQuantity(s);
  const comparatorDiffers = (q.comparator ?? s.comparator) !== s.comparator;
  if (!comparatorDiffers) {
    fixes.push({ title: msg.replaceWith(sourceValue), start: q.valueStart, end: q.valueEnd, newText: sourceValue, preferred: true });
  } else {
    const phrase = s.comparator === '=' ? sourceValue : comparatorWords(s.comparator) + sourceValue;
    fixes.push({ title: msg.replaceWith(phrase), start: q.start, end: q.end, newText: phrase, preferred: true });
  }
  const detail = s.lowered ? msg.loweredNote : '';
  return {
    start: q.start,
    end: q.end,
    code: 'threshold-mismatch',
    severity: 'error',
    message: msg.thresholdMismatch(planWords, where, s.words) + detail,
    related,
    fixes,
  };
}

function shift(q: QuantityPhrase, by: number): QuantityPhrase {
  const out: QuantityPhrase = { ...q, start: q.start + by, end: q.end + by, valueStart: q.valueStart + by, valueEnd: q.valueEnd + by };
  if (q.comparatorStart !== undefined) out.comparatorStart = q.comparatorStart + by;
  if (q.comparatorEnd !== undefined) out.comparatorEnd = q.comparatorEnd + by;
  return out;
}
