// The coverage as CSV (task, id, text, cited_at), written the same way by the CLI and the VS Code export.

function cell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per task; `citedAt` lists its citations as `file:line[:column]`, joined by `; `. */
export function coverageCsv(rows: { reference: string; id: string; text: string; citedAt: string[] }[]): string {
  return ['task,id,text,cited_at', ...rows.map((r) => [r.reference, r.id, r.text, r.citedAt.join('; ')].map(cell).join(','))].join('\n') + '\n';
}
