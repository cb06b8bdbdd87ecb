// The check registry: every check is one entry (its code, its default severity, a function of a block of the plan
// model and the run's context). The analyser runs the list over every block; adding a check touches no other.
import { blockCitations, settledTasks } from '../bareNumbers';
import { judgeReference } from '../topics';
import { CheckContext } from './context';
import { Finding, Severity } from '../findings';
import { Locale, Messages } from '../messages';
import { Block, ParagraphModel } from '../planModel';
import { ReferenceStyle } from '../taskIndex';
import { checkUnknownTasks } from './unknownTask';
import { checkMisquotes } from './misquote';
import { checkSourceQuotes } from './sourceQuote';
import { checkReversedWording } from './reversedWording';
import { checkDomains, checkHeadingDomains } from './domainMismatch';
import { checkAmbiguous } from './ambiguous';
import { checkNonstandardReferences } from './nonstandardReference';
import { checkTaskNumbersAsDates, checkTruncatedTaskNumbers } from './taskNumberCells';
import { checkReferenceMismatch } from './referenceMismatch';
import { checkUncitedTask } from './uncitedTask';
import { checkMissingLeadUnit } from './missingLeadUnit';
import { checkMissingDeadline } from './missingDeadline';
import { checkDeadlineOutsidePilot } from './deadlineOutsidePilot';
import { checkInvalidDeadline } from './invalidDeadline';
import { checkAssignmentMismatch } from './assignmentMismatch';
import { checkPlaces } from './placeMismatch';
import { checkMissingAreaTasks } from './missingAreaTask';
import { checkHeadingNumbers } from './headingNumbering';
import { checkInconsistentUnitName } from './inconsistentUnitName';
import { checkOtherDistrictUnits } from './otherDistrictUnit';
import { checkDocumentMismatch } from './documentMismatch';
import { checkDocumentNumberFormat } from './documentNumberFormat';
import { checkSourceNotLoaded } from './sourceNotLoaded';
import type { BlockAssignment, ResponsibilityRun } from '../itemAssignment';
import { enclosingItem } from '../scopes';

/** What a check sees besides its block: the paragraph's model, the sources' facts, the messages. */
export interface CheckRun {
  model: ParagraphModel;
  context: CheckContext;
  msg: Messages;
  locale: Locale;
  referenceStyle: ReferenceStyle;
  /** For checks of the plan's structure: what the rest of the plan says (who leads elsewhere, what follows). */
  structure?: ResponsibilityRun;
  /** The assignments of the paragraph's blocks that its checks asked for (itemAssignmentOf), kept for the others. */
  assignments?: Map<Block, BlockAssignment>;
}

export interface Check {
  code: Finding['code'];
  severity: Severity;
  /**
   * 'plan': the check needs facts of the whole plan (run.structure), so it runs after every paragraph is read, its
   * findings kept per paragraph and per those facts.
   */
  scope?: 'plan';
  check(block: Block, run: CheckRun): Finding[];
}

const inBlock = (block: Block, at: number) => at >= block.start && at < block.end;

/** In the order their findings are listed when two start and end at the same place. */
export const CHECKS: readonly Check[] = [
  { code: 'unknown-task', severity: 'error', check: checkUnknownTasks },
  {
    code: 'threshold-mismatch',
    severity: 'error',
    // the quantities tied to source thresholds are read with the model (hover shows them too); this reports the contradicted
    check: (block, run) => (run.model.thresholds ?? []).filter((m) => m.finding && inBlock(block, m.start)).map((m) => m.finding!),
  },
  {
    code: 'misquote',
    severity: 'warning',
    // a quotation next to a cited task (or a bare number read as one) is of the task, and in an item nested in one that
    // cites tasks or a clause of an enumeration whose title does (1. 落实表1第12项：一是…；二是“…”) of those; in a sentence
    // that names a source and cites none, of its body
    check: (block, run) => {
      if (block.references.length || settledTasks(block.bare, block).length) return checkMisquotes(run.model.text, [block], block.references, run.context.index, run.msg, block.bare);
      const enclosing = block.kind === 'item' && !block.restates ? enclosingItem(run.model.text, run.model.blocks, run.model.blocks.indexOf(block)) : undefined;
      return enclosing?.references.length ? checkMisquotes(run.model.text, [block], block.references, run.context.index, run.msg, block.bare, enclosing.references) : checkSourceQuotes(block, run);
    },
  },
  { code: 'reversed-wording', severity: 'warning', check: checkReversedWording },
  { code: 'document-mismatch', severity: 'error', check: checkDocumentMismatch },
  { code: 'document-number-format', severity: 'warning', check: checkDocumentNumberFormat },
  { code: 'source-not-loaded', severity: 'warning', check: checkSourceNotLoaded },
  {
    code: 'domain-mismatch',
    severity: 'warning',
    // a plan check for the headings above (a Word plan's 二、金融服务领域 is a paragraph of its own: the outline); of a
    // block's references, or the bare numbers it settles (第12项 under 二、表1任务落实)
    scope: 'plan',
    check: (block, run) => [
      ...checkDomains(run.model.text, [block], blockCitations(block), run.context, run.msg),
      ...checkHeadingDomains(run.model.text, block, run.context, run.msg, {
        blocks: run.model.blocks,
        outline: run.structure?.outline,
        betterTask: (r) => judgeReference(run.model, block, r, run.context.matcher, undefined, blockCitations(block))?.better,
      }),
    ],
  },
  // a plan check for the headings above, as domain-mismatch
  { code: 'place-mismatch', severity: 'warning', scope: 'plan', check: checkPlaces },
  { code: 'ambiguous-reference', severity: 'information', check: checkAmbiguous },
  { code: 'nonstandard-reference', severity: 'warning', check: checkNonstandardReferences },
  { code: 'truncated-task-number', severity: 'warning', check: checkTruncatedTaskNumbers },
  { code: 'task-number-as-date', severity: 'warning', check: checkTaskNumbersAsDates },
  { code: 'reference-mismatch', severity: 'warning', check: checkReferenceMismatch },
  // a plan check: a title-like paragraph restates a task only when labelled lines follow it (restatementIn)
  { code: 'uncited-task', severity: 'hint', scope: 'plan', check: checkUncitedTask },
  { code: 'missing-lead-unit', severity: 'warning', scope: 'plan', check: checkMissingLeadUnit },
  { code: 'missing-deadline', severity: 'warning', scope: 'plan', check: checkMissingDeadline },
  { code: 'deadline-outside-pilot', severity: 'warning', scope: 'plan', check: checkDeadlineOutsidePilot },
  { code: 'invalid-deadline', severity: 'error', scope: 'plan', check: checkInvalidDeadline },
  // a plan check: the tasks the whole plan cites (run.structure.planCites), on its title
  { code: 'missing-area-task', severity: 'information', scope: 'plan', check: checkMissingAreaTasks },
  // a plan check: the numbers of the headings before the paragraph (run.structure.numbering)
  { code: 'heading-numbering', severity: 'warning', scope: 'plan', check: checkHeadingNumbers },
  // a plan check: the plan's 分工表 rows (run.structure.tables) against the items of its body
  { code: 'assignment-mismatch', severity: 'warning', scope: 'plan', check: checkAssignmentMismatch },
  // a plan check: the names the whole plan writes its units by (run.structure.spellings)
  { code: 'inconsistent-unit-name', severity: 'information', scope: 'plan', check: checkInconsistentUnitName },
  // a plan check: the district the plan's title names (run.structure.title)
  { code: 'other-district-unit', severity: 'warning', scope: 'plan', check: checkOtherDistrictUnits },
];
