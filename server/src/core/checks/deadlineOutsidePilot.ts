// deadline-outside-pilot: a deadline before the source was issued or after its pilot period, both read from the
// source itself (its date, and 经过3年试点), the end overridable by policyLens.structure.pilotEnd; or one before the plan's
// own date (its 落款, 2023年5月10日 on a line of its own), which had passed when the plan was issued.
import { DatePhrase, dueBy, formatWindow, NUMERIC_HINT, pilotWindow, PilotWindow, placeInWindow, readDates, readPilotYears } from '../deadlines';
import { Finding } from '../findings';
import { Block, cellSpans } from '../planModel';
import { isAssignmentHeader } from '../responsibility';
import { ResponsibilityRun, taskOfItem } from '../itemAssignment';
import { responsibilityMessages } from '../responsibilityMessages';
import { TaskIndex } from '../taskIndex';
import type { CheckRun } from './registry';
import { assignsAbove } from '../scopes';

/** Per index, per pilotEnd setting: the window (computed once; the source does not change under a check). */
const windows = new WeakMap<TaskIndex, Map<string, PilotWindow | undefined>>();

/**
 * The pilot window of the plan's main source (the one loaded without a prefix), or undefined when the source states
 * no date or no pilot length and nothing overrides the end, or when the override cannot be read (the settings report
 * that; see parseYearMonth).
 */
export function sourceWindow(index: TaskIndex, pilotEnd?: string): PilotWindow | undefined {
  let perIndex = windows.get(index);
  if (!perIndex) windows.set(index, (perIndex = new Map()));
  const key = pilotEnd ?? '';
  if (perIndex.has(key)) return perIndex.get(key);
  const source = index.sources.find((s) => !s.prefix) ?? index.sources[0];
  let window: PilotWindow | undefined;
  if (source) {
    const years = readPilotYears((source.facts?.bodyLines ?? []).map((l) => l.text).join('\n'));
    try {
      window = pilotWindow(source.meta, years, pilotEnd);
    } catch {
      window = undefined;
    }
  }
  perIndex.set(key, window);
  return window;
}

/**
 * Every date of a block, offsets into the paragraph; a row's cells under a deadline header read as standalone. Both
 * date checks ask about every block in turn: the second gets the first's answer (the array is shared, not to be changed).
 */
export function datesOfBlock(text: string, block: Block): DatePhrase[] {
  if (block.tableHeader) return [];
  // every date has a 年 or is numeric (see readDates): most blocks have neither, and need not be cut out or remembered
  const year = nextYear(text, block.start);
  if (year < 0 || year >= block.end) {
    const numeric = nextNumericDate(text, block.start);
    if (numeric < 0 || numeric >= block.end) return [];
  }
  const known = blockDates.get(block);
  if (known && known.text === text) return known.dates;
  const dates = readBlockDates(text, block);
  blockDates.set(block, { text, dates });
  return dates;
}

/**
 * Where the first 年 at or after `from` is (-1: none). The checks ask about a paragraph's blocks in order: the answer
 * for one block holds for the next ones until they pass it, so a paragraph is searched about once per check.
 */
function nextYear(text: string, from: number): number {
  const last = lastYear;
  if (last.text === text && from >= last.from && (last.at < 0 || from <= last.at)) return last.at;
  const at = text.indexOf('年', from);
  lastYear = { text, from, at };
  return at;
}

/** The last answer of nextYear (one paragraph's text is held). */
let lastYear: { text: string; from: number; at: number } = { text: '', from: 0, at: -1 };

/** Where the first possible numeric date (2025.12) at or after `from` is (-1: none); remembered as nextYear is. */
function nextNumericDate(text: string, from: number): number {
  const last = lastNumeric;
  if (last.text === text && from >= last.from && (last.at < 0 || from <= last.at)) return last.at;
  NUMERIC_HINT_FROM.lastIndex = from;
  const at = NUMERIC_HINT_FROM.exec(text)?.index ?? -1;
  lastNumeric = { text, from, at };
  return at;
}
const NUMERIC_HINT_FROM = new RegExp(NUMERIC_HINT.source, 'g');
let lastNumeric: { text: string; from: number; at: number } = { text: '', from: 0, at: -1 };

/** The dates of the blocks last asked about, by block (a block belongs to one paragraph's model: weakly held). */
const blockDates = new WeakMap<Block, { text: string; dates: DatePhrase[] }>();

function readBlockDates(text: string, block: Block): DatePhrase[] {
  const own = text.slice(block.start, block.end);
  if (block.kind !== 'row' || !block.cells) return readDates(own).map((d) => ({ ...d, start: d.start + block.start, end: d.end + block.start }));
  const spans = cellSpans(own);
  return spans.flatMap(([a, b], i) => {
    const standalone = !!block.header?.[i] && isAssignmentHeader(block.header[i]) && /时/.test(block.header[i]);
    return readDates(own.slice(a, b), { standalone }).map((d) => ({ ...d, start: d.start + block.start + a, end: d.end + block.start + a }));
  });
}

/** Words that say the deadline after them was set before (原定完成时限：, 原计划于): a record of it, not one set here. */
const SET_BEFORE = /(?:原定|原计划|原要求)[^。；;，,\n]{0,8}$/;

/** A year followed by 前 (2026年前) whose reading "before that year begins" falls inside the pilot window. */
function yearBeforeFits(d: DatePhrase, window: PilotWindow): boolean {
  return d.period === 'year' && /年[ \t]*(?:以|之)?前$/.test(d.text) && d.year - 1 <= window.to.year && !(d.year - 1 === window.to.year && window.to.month < 12);
}

/**
 * Whether a block is the labelled lines of the task item above it in its paragraph (1．…（表2第7项）。 then 责任单位：…；
 * 完成时限：2023年3月底前): their deadline is the item's.
 */
function labelsOfTaskItem(block: Block, run: CheckRun & { structure?: ResponsibilityRun }): boolean {
  const { text, blocks } = run.model;
  if (!assignsAbove(text.slice(block.start, block.end))) return false;
  let i = blocks.indexOf(block) - 1;
  while (i >= 0 && assignsAbove(text.slice(blocks[i].start, blocks[i].end))) i--;
  // the paragraph's opening labels, of an item a paragraph or more above (StructureWalk's labelsItem)
  return i >= 0 ? !!taskOfItem(blocks[i], run.structure) : !!run.structure?.labelsItem;
}

export function checkDeadlineOutsidePilot(block: Block, run: CheckRun & { structure?: ResponsibilityRun }): Finding[] {
  // the dates first: most blocks have none, and finding the window is two look-ups
  const dates = datesOfBlock(run.model.text, block);
  if (!dates.length) return [];
  const window = sourceWindow(run.context.index, run.structure?.pilotEnd);
  // the plan's own date counts for a task item's deadlines, not for the steps of its 工作步骤 (2023年4月底前完成方案起草)
  const issued = run.structure?.issued && (taskOfItem(block, run.structure) || labelsOfTaskItem(block, run)) ? run.structure.issued : undefined;
  if (!window && !issued) return [];
  const msg = responsibilityMessages(run.locale);
  const findings: Finding[] = [];
  for (const d of dates) {
    if (!d.deadline) continue;
    const place = window && placeInWindow(d, window);
    if (!place || !window) {
      // inside the pilot, but past on the plan's own date
      // (a deadline written as the one set before, 原定完成时限：…, of a task overdue: a notice's record, not its own)
      if (issued && d.valid && dueBy(d) < issued.ymd && !SET_BEFORE.test(run.model.text.slice(Math.max(0, d.start - 12), d.start))) {
        findings.push({ start: d.start, end: d.end, code: 'deadline-outside-pilot', severity: 'warning', message: msg.deadlineBeforeIssued(d.text, issued.text), related: [], fixes: [] });
      }
      continue;
    }
    const date = `${window.from.year}年${window.from.month}月${window.from.day}日`;
    // 2026年前 reads two ways: within 2026 (outside), or before it begins (inside): say so, and offer the clear form
    const unambiguous = place === 'after' && yearBeforeFits(d, window) ? `${d.year - 1}年底前` : undefined;
    const message = unambiguous
      ? msg.deadlineYearBefore(d.text, formatWindow(window), d.year, unambiguous)
      : place === 'after' ? msg.deadlineAfter(d.text, formatWindow(window)) : msg.deadlineBefore(d.text, formatWindow(window), date);
    const fixes = unambiguous ? [{ title: run.msg.replaceWith(unambiguous), start: d.start, end: d.end, newText: unambiguous }] : [];
    findings.push({ start: d.start, end: d.end, code: 'deadline-outside-pilot', severity: 'warning', message, related: [], fixes });
  }
  return findings;
}
