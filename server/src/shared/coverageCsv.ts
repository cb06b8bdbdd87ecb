// The coverage as CSV (task, id, state, text, cited_at, restated_at), written the same way by the CLI and the VS Code export.

function cell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per task; `state` is cited, restated or missing; `citedAt` and `restatedAt` list places as
 * `file:line[:column]`, joined by `; `.
 */
export function coverageCsv(rows: { reference: string; id: string; state: string; text: string; citedAt: string[]; restatedAt: string[] }[]): string {
  const header = 'task,id,state,text,cited_at,restated_at';
  return [header, ...rows.map((r) => [r.reference, r.id, r.state, r.text, r.citedAt.join('; '), r.restatedAt.join('; ')].map(cell).join(','))].join('\n') + '\n';
}
