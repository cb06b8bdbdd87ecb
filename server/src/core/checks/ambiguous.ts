// ambiguous-reference: a task number without its table (第12项, 任务12) where neither a heading nor an earlier
// sentence names the table. Also tracks that context: which table the text is talking about at each point.
import { Finding } from '../findings';
import { Messages } from '../messages';
import { BareTaskNumber, scanBareTaskNumbers } from '../references';
import { formatReference, ResolvedReference, TaskIndex } from '../taskIndex';
import { Task } from '../types';
import { relatedTask } from './related';
import { parseInteger } from '../text';

/** The table a reader has in mind: set by headings (by level) and by sentences that name a table. */
export interface TableContext {
  headings: (number | null)[];
  mention: number | null;
}

export const EMPTY_CONTEXT: TableContext = { headings: [], mention: null };

export function effectiveTable(c: TableContext): number | null {
  if (c.mention !== null) return c.mention;
  for (let i = c.headings.length - 1; i >= 0; i--) if (c.headings[i] !== null && c.headings[i] !== undefined) return c.headings[i];
  return null;
}

/** Something in a paragraph that changes the context, at an offset. */
export type ContextEvent = { at: number; kind: 'heading'; level: number; table: number | null } | { at: number; kind: 'mention'; table: number };

const HEADING = /^(#{1,6})[ \t]+(.*)$/gm;
const TABLE_MENTION = /(?<![A-Za-z0-9])表[ \t\u3000]*([0-9０-９]+|[一二三四五六七八九十]+)(?![0-9０-９.．\-－]?[0-9０-９])/g;

export function contextEvents(text: string, refs: ResolvedReference[]): ContextEvent[] {
  const events: ContextEvent[] = [];
  const headingLines: [number, number][] = [];
  for (const m of text.matchAll(HEADING)) {
    const at = m.index!;
    headingLines.push([at, at + m[0].length]);
    const named = /表[ \t\u3000]*([0-9０-９]+|[一二三四五六七八九十]+)/.exec(m[2]);
    events.push({ at, kind: 'heading', level: m[1].length, table: named ? parseInteger(named[1]) ?? null : null });
  }
  const inHeading = (at: number) => headingLines.some(([a, b]) => at >= a && at < b);
  for (const m of text.matchAll(TABLE_MENTION)) {
    if (inHeading(m.index!)) continue;
    const table = parseInteger(m[1]);
    if (table !== undefined) events.push({ at: m.index!, kind: 'mention', table });
  }
  for (const r of refs) if (!inHeading(r.ref.start)) events.push({ at: r.ref.start, kind: 'mention', table: r.ref.table });
  return events.sort((a, b) => a.at - b.at);
}

export function applyEvent(c: TableContext, e: ContextEvent): TableContext {
  if (e.kind === 'mention') return { headings: c.headings, mention: e.table };
  const headings = c.headings.slice(0, e.level);
  while (headings.length < e.level) headings.push(null);
  headings[e.level - 1] = e.table;
  return { headings, mention: null };
}

export function checkAmbiguous(
  text: string,
  refs: ResolvedReference[],
  events: ContextEvent[],
  incoming: TableContext,
  index: TaskIndex,
  msg: Messages,
): Finding[] {
  const bare = scanBareTaskNumbers(text, refs.map((r) => r.ref));
  if (!bare.length) return [];
  const findings: Finding[] = [];
  const source = index.source('');
  if (!source) return findings;
  let context = incoming;
  let e = 0;
  for (const b of bare) {
    while (e < events.length && events[e].at < b.start) context = applyEvent(context, events[e++]);
    const table = effectiveTable(context);
    if (table !== null && index.taskAt('', table, b.item)) continue;
    const candidates = source.tables.filter((t) => t.taskCount >= b.item).map((t) => index.taskAt('', t.number, b.item)!);
    findings.push(toFinding(b, candidates, index, msg));
  }
  return findings;
}

function toFinding(b: BareTaskNumber, candidates: Task[], index: TaskIndex, msg: Messages): Finding {
  const refs = candidates.map((t) => formatReference(t));
  return {
    start: b.start,
    end: b.end,
    code: 'ambiguous-reference',
    severity: 'information',
    message: refs.length ? msg.ambiguous(b.text, refs.join('、')) : msg.noTableHas(b.text, b.item),
    related: candidates.map((t) => relatedTask(index, t, msg)),
    fixes: refs.map((r) => ({ title: msg.useCandidate(r), start: b.start, end: b.end, newText: r })),
  };
}
