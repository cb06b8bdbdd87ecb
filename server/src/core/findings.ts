// What a check reports: a finding with offsets, a stable code, a severity, related source spans and fixes.
import { LineSpan } from './types';

export const DIAGNOSTIC_CODES = [
  'unknown-task',
  'threshold-mismatch',
  'misquote',
  'domain-mismatch',
  'ambiguous-reference',
  'nonstandard-reference',
  'truncated-task-number',
  'task-number-as-date',
  'reference-mismatch',
  'uncited-task',
  'missing-lead-unit',
  'missing-deadline',
  'deadline-outside-pilot',
  'invalid-deadline',
  'assignment-mismatch',
  'reversed-wording',
  'place-mismatch',
  'missing-area-task',
  'heading-numbering',
  'inconsistent-unit-name',
  'other-district-unit',
  'document-mismatch',
  'document-number-format',
  'source-not-loaded',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const DEFAULT_SEVERITY: Record<DiagnosticCode, Severity> = {
  'unknown-task': 'error',
  'threshold-mismatch': 'error',
  misquote: 'warning',
  'domain-mismatch': 'warning',
  'ambiguous-reference': 'information',
  'nonstandard-reference': 'warning',
  'truncated-task-number': 'warning',
  'task-number-as-date': 'warning',
  'reference-mismatch': 'warning',
  'uncited-task': 'hint',
  'missing-lead-unit': 'warning',
  'missing-deadline': 'warning',
  'deadline-outside-pilot': 'warning',
  'invalid-deadline': 'error',
  'assignment-mismatch': 'warning',
  'reversed-wording': 'warning',
  'place-mismatch': 'warning',
  'missing-area-task': 'information',
  'heading-numbering': 'warning',
  'inconsistent-unit-name': 'information',
  'other-district-unit': 'warning',
  'document-mismatch': 'error',
  'document-number-format': 'warning',
  'source-not-loaded': 'warning',
};

/** A text edit a quick fix applies, in offsets of the checked text. */
export interface Fix {
  title: string;
  start: number;
  end: number;
  newText: string;
  preferred?: boolean;
}

/** A place in a source document that explains a finding. */
export interface RelatedSpan {
  /** The PolicyIndex.sourceFile of the source. */
  sourceFile: string;
  span: LineSpan;
  message: string;
}

export interface Finding {
  start: number;
  end: number;
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  related: RelatedSpan[];
  fixes: Fix[];
}

export function isDiagnosticCode(s: string): s is DiagnosticCode {
  return (DIAGNOSTIC_CODES as readonly string[]).includes(s);
}

/** Shifts a finding found in a slice of the text to offsets of the whole text. */
export function shiftFinding(f: Finding, by: number): Finding {
  if (by === 0) return f;
  return { ...f, start: f.start + by, end: f.end + by, fixes: f.fixes.map((x) => ({ ...x, start: x.start + by, end: x.end + by })) };
}
