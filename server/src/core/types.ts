// The shapes the core works with: the policy index built from a seed, and plain ranges (LSP-compatible).

/** A zero-based position in UTF-16 code units, the same shape as an LSP Position. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range of positions, the same shape as an LSP Range. */
export interface Range {
  start: Position;
  end: Position;
}

/** Zero-based, inclusive line numbers in a seed file. */
export interface LineSpan {
  startLine: number;
  endLine: number;
}

export interface DocumentMeta {
  title: string;
  /** 文号, e.g. 商资发〔2022〕212号 */
  docNumber: string;
  issuer: string;
  /** ISO date, e.g. 2022-12-29 */
  date: string;
}

export interface TaskTable extends LineSpan {
  number: number;
  title: string;
  taskCount: number;
}

export interface Task extends LineSpan {
  /** Stable ID, `T{table}.{item}`, prefixed for extra sources (`SZ:T1.3`). */
  id: string;
  table: number;
  item: number;
  /** 类别 */
  category: string;
  /** 领域, where the table has that column (表1). */
  domain?: string;
  /** The task text as the table gives it, PDF artefacts undone. */
  text: string;
  /** The body's wording of the same task, where it differs from the table's. */
  bodyText?: string;
  bodySpan?: LineSpan;
  /** Other columns of the task's row, by their header (牵头单位). */
  fields?: Record<string, string>;
}

export interface OutlineNode extends LineSpan {
  level: 1 | 2 | 3;
  /** The numbering as written: 一, （一）, 1 */
  label: string;
  title: string;
  children: OutlineNode[];
}

export interface PolicyIndex {
  /** Format version of this JSON; bump when the shape changes. */
  version: number;
  /** Prefix of IDs and references for an extra source; empty for the default seed. */
  prefix: string;
  /** The seed file, relative to the project root (or absolute for extra sources). */
  sourceFile: string;
  meta: DocumentMeta;
  tables: TaskTable[];
  tasks: Task[];
  outline: OutlineNode[];
  /** What the checks and locations need from the source text, so it is never read again (not in data/index.json). */
  facts?: SourceFacts;
}

/** A line of a source's body that states a quantity. */
export interface BodyLine {
  line: number;
  text: string;
}

export interface SourceFacts {
  /** The body's lines (before the task list) that state a share, term or amount: its thresholds are read from them. */
  bodyLines: BodyLine[];
  /** The length of each line of the source text, so a location can end where its line ends. */
  lineLengths: number[];
  /**
   * The paragraphs before the task list, page breaks undone (a line that stops mid-sentence joined with the next): what a
   * plan quotes of the source's own words (“经过3年试点……”), checked when it says whose words they are.
   */
  passages?: BodyPassage[];
  /** The short names the source gives itself (（以下简称《总体方案》）): a plan citing 《总体方案》 cites it. */
  shortNames?: string[];
}

/** A paragraph of a source's body, as one text, and the lines it spans. */
export interface BodyPassage extends LineSpan {
  text: string;
}
