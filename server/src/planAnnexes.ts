// The 分工表 of each open plan whose 分工表 is a file of its own (方案.docx beside 分工表.xlsx, annexFiles.ts): worked
// out when the plan opens and again when a file of its folder changes (workspace/didChangeWatchedFiles) or the 分工表
// is edited in the editor; until then a plan is checked with what is known (its first check, without). Rows of a
// 分工表 open in the editor are its current text's; of one on disk, the file's as last read (read again when it changes).
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { annexFileOf, AnnexKind } from './annexFiles';
import { DocumentAnalysis, PlanAnnex } from './core/analyze';
import { RowAssignments } from './core/planStructure';
import { readPlanFile } from './readers/planFile';

/** What the tracker needs of the server: the open documents, their analyses, the path behind a URI. */
export interface AnnexHost {
  openDocument(file: string): TextDocument | undefined;
  /** The analysis of an open document without any 分工表 of its own (the 分工表's rows are its own). */
  ownAnalysis(doc: TextDocument): DocumentAnalysis;
  /** The analysis of a file's text read from disk (not open). */
  analyzeText(text: string): DocumentAnalysis;
  /** The plan file behind a document (a file, or the file a Word plan's view shows); undefined for others (untitled). */
  fileOf(uri: string): string | undefined;
  maxBytes(): number;
}

interface DiskRead {
  stamp: string;
  kind: AnnexKind;
  rows?: readonly RowAssignments[];
}

export class PlanAnnexes {
  /** By a plan's URI: the 分工表 its analysis is given (absent: none). */
  private readonly current = new Map<string, PlanAnnex & { file: string }>();
  /** By file: what it was as last read from disk. */
  private readonly disk = new Map<string, DiskRead>();
  /** Each plan's latest refresh: an older one that ends later does not win. */
  private readonly generation = new Map<string, number>();

  constructor(private readonly host: AnnexHost) {}

  /** The 分工表 a plan is checked with now. */
  of(uri: string): PlanAnnex | undefined {
    return this.current.get(uri);
  }

  /** The file of a plan's 分工表, if it has one. */
  fileOf(uri: string): string | undefined {
    return this.current.get(uri)?.file;
  }

  /** The open plans checked with the 分工表 `file`. */
  plansOf(file: string): string[] {
    const out: string[] = [];
    for (const [uri, annex] of this.current) if (annex.file === file) out.push(uri);
    return out;
  }

  /** The 分工表 of a plan file (open or not), worked out now; not kept for it. */
  async ofFile(file: string): Promise<(PlanAnnex & { file: string }) | undefined> {
    const annex = await annexFileOf(file, async (candidate) => (await this.read(candidate)).kind);
    const read = annex ? await this.read(annex) : undefined;
    return annex && read?.kind === 'table' && read.rows ? { name: path.basename(annex), file: annex, rows: read.rows } : undefined;
  }

  /** Works out the plan's 分工表 again (reading files as needed); true when what its analysis is given changed. */
  async refresh(uri: string): Promise<boolean> {
    const generation = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, generation);
    const file = this.host.fileOf(uri);
    const next = file ? await this.ofFile(file) : undefined;
    if (this.generation.get(uri) !== generation) return false; // a later refresh has begun
    const now = this.current.get(uri);
    if (sameAnnex(now, next)) return false;
    if (next) this.current.set(uri, next);
    else this.current.delete(uri);
    return true;
  }

  /** Files changed on disk: read again when next asked. */
  changed(files: readonly string[]): void {
    for (const f of files) this.disk.delete(f);
  }

  /** Forgets every 分工表 read (the task index changed: their rows name its old tasks); plans are without until refreshed. */
  reset(): void {
    this.disk.clear();
    this.current.clear();
  }

  forget(uri: string): void {
    this.current.delete(uri);
    this.generation.delete(uri);
  }

  /** A candidate as a 分工表: an open document's current text, else the file's as last read (again if it changed). */
  private async read(file: string): Promise<DiskRead> {
    const open = this.host.openDocument(file);
    if (open) {
      const rows = this.host.ownAnalysis(open).tableRows();
      return { stamp: '', kind: rows.some((r) => r.listed.length) ? 'table' : 'plan', rows };
    }
    let stamp: string;
    try {
      const s = fs.statSync(file);
      if (s.size > this.host.maxBytes()) return { stamp: '', kind: 'skip' };
      stamp = `${s.mtimeMs}:${s.size}`;
    } catch {
      return { stamp: '', kind: 'skip' };
    }
    const known = this.disk.get(file);
    if (known && known.stamp === stamp) return known;
    let read: DiskRead;
    try {
      const plan = await readPlanFile(file);
      const rows = this.host.analyzeText(plan.text).tableRows();
      // a 分工表 this tool wrote is a plan's own rows again
      read = plan.generated ? { stamp, kind: 'skip' } : { stamp, kind: rows.some((r) => r.listed.length) ? 'table' : 'plan', rows };
    } catch {
      read = { stamp, kind: 'skip' };
    }
    this.disk.set(file, read);
    return read;
  }
}

/** The same 分工表 with the same rows (a paragraph's rows are one object while its text stays). */
function sameAnnex(a: (PlanAnnex & { file: string }) | undefined, b: (PlanAnnex & { file: string }) | undefined): boolean {
  if (!a || !b) return a === b;
  return a.file === b.file && a.rows.length === b.rows.length && a.rows.every((r, i) => r === b.rows[i]);
}
