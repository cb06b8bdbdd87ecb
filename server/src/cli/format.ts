// Output formats of `policy-lens check`: text (like compilers), json (LSP diagnostics), SARIF 2.1.0, GitHub annotations.
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { DIAGNOSTIC_CODES, DEFAULT_SEVERITY, DiagnosticCode } from '../core/findings';

export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** A Word plan's paragraph (¶N) of each 0-based line of its extracted text: the text format prints `file:¶N:col`. */
  paragraphOfLine?: number[];
  /** An Excel plan's sheet and row (分工表!5) of each 0-based line: the text format prints `file:分工表!5:col`. */
  rowOfLine?: string[];
}

const messageOf = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

const NAMES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const at = d.range.start.line;
      const line = r.rowOfLine?.[at] || (r.paragraphOfLine ? `¶${r.paragraphOfLine[at] ?? 0}` : String(at + 1));
      lines.push(`${r.file}:${line}:${d.range.start.character + 1} ${NAMES[d.severity ?? 1]} ${d.code} ${messageOf(d)}`);
    }
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results.map(({ file, diagnostics }) => ({ file, diagnostics })), null, 2) + '\n';
}

function escapeProperty(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function formatGithub(results: FileResult[]): string {
  const kind = (s?: DiagnosticSeverity) => (s === 1 ? 'error' : s === 2 ? 'warning' : 'notice');
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const props = [
        `file=${escapeProperty(r.file)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(`policy-lens ${d.code}`)}`,
      ];
      lines.push(`::${kind(d.severity)} ${props.join(',')}::${escapeData(messageOf(d))}`);
    }
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

const RULE_TEXT: Record<DiagnosticCode, string> = {
  'unknown-task': 'A reference to a task or table that the source document does not have.',
  'threshold-mismatch': "A threshold (a share, a term, an amount) that contradicts the source's threshold of the same subject.",
  misquote: "Quoted text that is close to the cited task's text but not equal to it.",
  'domain-mismatch': "A domain or category written next to a reference that is not the task's own.",
  'ambiguous-reference': 'A task number without its table, where neither the context nor the content settles which table is meant.',
  'nonstandard-reference': 'A task cited in a form that is not read as a reference (表1第12条, 表格1第2项, 第1表第14项), so it is not counted.',
  'truncated-task-number': "A task number of a 分工表's number column that lost its trailing zero (1.1 between 1.9 and 1.11: a General-format Excel cell stores 1.10 so), read as the column's order says.",
  'task-number-as-date': "A task number of a 分工表's number column that is a date (2026年1月12日: a General-format Excel cell stores 1-12 so), read as the task it was typed as.",
  'reference-mismatch': 'A valid reference whose sentence is clearly about another task and not about the cited one.',
  'uncited-task': 'A list item or table row that restates a task without citing it.',
  'missing-lead-unit': 'A task item without a lead unit, in a plan that assigns lead units elsewhere.',
  'missing-deadline': 'A task item without a deadline, in a plan that gives most of its task items one.',
  'deadline-outside-pilot': "A deadline before the source's date or after its pilot period, or a task's deadline before the plan's own date (its 落款).",
  'invalid-deadline': 'A date that does not exist.',
  'assignment-mismatch': "A lead unit or deadline in the plan's body that differs from what the plan's own 分工表 gives the same task.",
  'reversed-wording': "Text copied from the cited task word for word but for one word that says the opposite (黑名单 for 白名单, 禁止 for 允许, a 不 or 非 put in or left out), or with two of its words swapped (以保证金方式取代保险 for 以保险方式取代保证金).",
  'place-mismatch': "A task the source gives one pilot area (表3第10项, 黄埔区's) put in another by the sentence that cites it (在琶洲……（表3第10项）) or by the heading above it (## 三、琶洲核心区).",
  'missing-area-task': "A plan whose title names a pilot area (海珠区落实……实施方案) that cites none of some of that area's tasks, in its body or its 分工表.",
  'heading-numbering': "A number of the plan's headings or numbered paragraphs skipped or repeated at its level ((一)(二)(四), 三、 after 三、), counted across paragraphs.",
  'other-district-unit': "A district's plan (its title names the district) that gives an item to another district's unit, or that district, to lead: a plan adapted from another district's, that district's name left in.",
  'document-mismatch': "A source cited wrong: its title with another 文号 (《广州市…总体方案》（商资发〔2022〕21号）), its title with a slip (a word left out, added or swapped), its 文号 under another title, or another body said to have issued it (国务院印发的《…》).",
  'source-not-loaded': "A plan that implements another place's document of the programme (为贯彻落实《南京市服务业扩大开放综合试点总体方案》) checked against the source loaded (Guangzhou's): load that document in policyLens.sources with an empty prefix.",
  'document-number-format': 'A 发文字号 not written as GB/T 9704 prescribes: the year in full in 六角括号 〔〕, the serial without 第 or leading zeros (商资发[2022]第012号 → 商资发〔2022〕12号).',
  'inconsistent-unit-name': 'A unit the plan assigns items to under two names (区工信局 here, 区工业和信息化局 elsewhere), where the name it uses less is written; not a short name the plan declares (以下简称).',
};

export function formatSarif(results: FileResult[], version: string): string {
  const level = (s?: DiagnosticSeverity) => (s === 1 ? 'error' : s === 2 ? 'warning' : 'note');
  const rules = DIAGNOSTIC_CODES.map((code) => ({
    id: code,
    name: code.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: RULE_TEXT[code] },
    fullDescription: { text: RULE_TEXT[code] },
    defaultConfiguration: { level: level(({ error: 1, warning: 2, information: 3, hint: 4 } as const)[DEFAULT_SEVERITY[code]]) },
    helpUri: 'https://github.com/policy-lens/policy-lens#diagnostics',
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'policy-lens', informationUri: 'https://github.com/policy-lens/policy-lens', version, semanticVersion: version, rules } },
      results: results.flatMap((r) => r.diagnostics.map((d) => {
        const ruleIndex = DIAGNOSTIC_CODES.indexOf(d.code as (typeof DIAGNOSTIC_CODES)[number]);
        return {
          ruleId: String(d.code),
          ...(ruleIndex >= 0 ? { ruleIndex } : {}),
          level: level(d.severity),
          message: { text: messageOf(d) },
          locations: [{
            physicalLocation: {
              artifactLocation: { uri: r.file === '-' ? 'stdin' : r.file.replace(/\\/g, '/') },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          }],
        };
      })),
      columnKind: 'utf16CodeUnits',
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
