// unknown-task: a reference to a table or task that the source does not have.
import { Finding } from '../findings';
import { Messages } from '../messages';
import { formatReference, ResolvedReference, TaskIndex } from '../taskIndex';
import { relatedTask } from './related';

export function checkUnknownTasks(resolved: ResolvedReference[], index: TaskIndex, msg: Messages): Finding[] {
  const findings: Finding[] = [];
  for (const r of resolved) {
    for (const p of r.problems) {
      const whole = r.ref.spans.length === 1;
      const base = { start: whole ? r.ref.start : p.start, end: whole ? r.ref.end : p.end, code: 'unknown-task' as const, severity: 'error' as const, related: [], fixes: [] };
      switch (p.kind) {
        case 'no-source':
          findings.push({ ...base, message: msg.noSource(p.prefix) });
          break;
        case 'no-table':
          findings.push({ ...base, message: msg.noTable(p.table, p.tables) });
          break;
        case 'no-task': {
          const nearest = formatReference(p.nearest, r.ref.form === 'id' ? 'id' : 'table');
          const written = r.ref.spans.length === 1 ? r.ref.text.trim() : `${r.ref.prefix}表${p.table}第${p.item}项`;
          findings.push({
            ...base,
            message: msg.noTask(written, p.table, p.count, nearest),
            related: [relatedTask(index, p.nearest, msg)],
            fixes: r.ref.spans.length === 1
              ? [{ title: msg.replaceWith(nearest), start: r.ref.start, end: r.ref.end, newText: nearest, preferred: true }]
              : [{ title: msg.replaceWith(String(p.nearest.item)), start: p.start, end: p.end, newText: String(p.nearest.item), preferred: true }],
          });
          break;
        }
        case 'backwards':
          findings.push({ ...base, message: msg.backwards(p.table, p.from, p.to) });
          break;
        case 'past-end':
          findings.push({ ...base, message: msg.pastEnd(p.table, p.from, p.to, p.count) });
          break;
      }
    }
  }
  return findings;
}
