// domain-mismatch: a domain or category written next to a reference (科技服务领域（表1第12项）, or 商务服务领域：
// at the head of a list item that cites 表1第12项) that is not the task's own.
import { Finding } from '../findings';
import { Messages } from '../messages';
import { ITEM_OPENING, Scope } from '../scopes';
import { formatReference, ResolvedReference } from '../taskIndex';
import { Task } from '../types';
import { CheckContext } from './context';
import { relatedTask } from './related';

/** An item's opening and the bold that may start its text. */
const ITEM_HEAD = new RegExp(ITEM_OPENING.source + String.raw`(?:\*\*)?`);

export function checkDomains(text: string, scopes: Scope[], refs: ResolvedReference[], ctx: CheckContext, msg: Messages): Finding[] {
  const findings: Finding[] = [];
  if (!refs.length) return findings; // nothing cited, nothing to govern (most blocks)
  const labels = ctx.labelPattern;
  for (const scope of scopes) {
    const inScope = refs.filter((r) => r.ref.start >= scope.start && r.ref.end <= scope.end && r.tasks.length);
    if (!inScope.length) continue;
    const unit = text.slice(scope.start, scope.end);
    const head = ITEM_HEAD.exec(unit)![0].length;
    // exec on the context's global pattern, stepping past an empty match as matchAll does (which would copy the long
    // pattern for every block); nothing below uses the pattern
    labels.lastIndex = 0;
    for (let m = labels.exec(unit); m !== null; m = labels.exec(unit)) {
      if (m[0] === '') labels.lastIndex++;
      const label = ctx.labels.find((l) => l.name === m[0])!;
      const at = m.index!;
      const start = scope.start + at;
      const end = start + label.name.length;
      const after = text.slice(end, end + 3);
      let governed: ResolvedReference[] = [];
      if (/^(?:\*\*)?[（(]/.test(after)) {
        // 科技服务领域（表1第12项）
        const open = end + after.search(/[（(]/) + 1;
        governed = inScope.filter((r) => r.ref.start >= open && r.ref.start <= open + 2);
      } else if (at === head && /^(?:\*\*)?[：:]/.test(after)) {
        // 商务服务领域：……表1第12项
        governed = inScope.filter((r) => r.ref.start > end);
      } else if (isCell(unit, at, at + label.name.length)) {
        // | 科技服务领域 | 表1第12项 |: a label that fills a cell of a table row governs the row
        governed = inScope;
      }
      if (governed.length) findings.push(...judge(label, start, end, governed, ctx, msg));
    }
  }
  return findings;
}

function judge(
  label: CheckContext['labels'][number],
  start: number,
  end: number,
  governed: ResolvedReference[],
  ctx: CheckContext,
  msg: Messages,
): Finding[] {
  const own = (t: Task) => (label.kind === 'domain' ? t.domain : t.category);
  const tasks = governed.flatMap((r) => r.tasks).filter((t) => own(t) !== undefined);
  const wrong = tasks.filter((t) => !label.tasks.has(t.id));
  if (!wrong.length) return [];
  const code = 'domain-mismatch' as const;
  const severity = 'warning' as const;
  const related = (ts: Task[]) => ts.map((t) => relatedTask(ctx.index, t, msg));
  if (wrong.length === tasks.length) {
    const owns = [...new Set(wrong.map(own))] as string[];
    const fixes = owns.length === 1 ? [{ title: msg.replaceWith(owns[0]), start, end, newText: owns[0], preferred: true }] : [];
    const message = msg.domainMismatch(label.name, wrong.map((t) => formatReference(t)).join('、'), owns.join('、'));
    return [{ code, severity, start, end, message, related: related(wrong), fixes }];
  }
  return governed
    .filter((r) => r.tasks.some((t) => wrong.includes(t)))
    .map((r) => {
      const t = r.tasks.find((x) => wrong.includes(x))!;
      return { code, severity, start: r.ref.start, end: r.ref.end, message: msg.domainMismatch(label.name, formatReference(t), own(t)!), related: related([t]), fixes: [] };
    });
}

/** Is unit[start, end) the whole content of a Markdown table cell? */
function isCell(unit: string, start: number, end: number): boolean {
  if (!unit.trimStart().startsWith('|')) return false;
  const before = unit.slice(0, start).replace(/[ \t*]+$/, '');
  const after = unit.slice(end).replace(/^[ \t*]+/, '');
  return before.endsWith('|') && after.startsWith('|');
}
