// The review's copy of a plan file (`policy-lens annotate`, the editor's Write Review into a Copy): a Word plan with its
// findings as comments (批注) and its fixes, if asked, as tracked changes (修订) (wordReview.ts); an Excel 分工表 with
// its findings as cell comments (workbookComments.ts); a PDF with its findings as highlights and their notes
// (pdfComments.ts), an OFD likewise as highlight annotations and their remarks (ofdComments.ts). Other formats cannot
// carry comments.
import { Finding } from '../core/findings';
import { Locale } from '../core/messages';
import { PlanSource } from '../readers/planFile';
import { REVIEW_COPY_EXTENSIONS } from '../shared/protocol';
import { readPdfPages } from '../readers/pdf';
import { annotatePdf, pdfNotesOf } from './pdfComments';
import { annotateOfd } from './ofdComments';
import { annotateXlsx, workbookNotesOf } from './workbookComments';
import { annotateDocx, wordNotesOf } from './wordReview';

/** The files a review's copy can be written of: Word .docx, Excel .xlsx, PDF and OFD. */
export const REVIEWABLE_FILE = new RegExp(`\\.(?:${REVIEW_COPY_EXTENSIONS.join('|')})$`, 'i');

/** What a review's copy is written into, as the messages about other files say it. */
export const REVIEWABLE_FORMATS = 'a Word .docx, an Excel .xlsx, a PDF or an OFD';

/** A reviewer's initials, as Word shows them beside a comment: a Chinese name's first two characters, else each word's first letter. */
export function initialsOf(author: string): string {
  const name = author.trim();
  if (/^[\u3400-\u9fff]/.test(name)) return [...name].slice(0, 2).join('');
  return name.split(/\s+/).map((w) => w[0]).join('').slice(0, 4).toUpperCase() || 'PL';
}

export interface ReviewCopy {
  bytes: Buffer;
  comments: number;
  /** Comments on the text they are about; the others are on its paragraph, row or page (the text was not found there). */
  onText: number;
  /** Word only: the fixes written as tracked changes, and those left to their comments. */
  revisions?: { written: number; skipped: number };
}

/**
 * The copy of `file` (its `bytes`, read as `plan`) with `findings` written in. `revisions`: a Word plan's preferred fixes
 * as tracked changes too (a workbook has none: its comments say the fixes). Throws for another format.
 */
export async function reviewCopy(
  file: string,
  bytes: Uint8Array,
  plan: Pick<PlanSource, 'text' | 'paragraphOfLine' | 'rowOfLine'>,
  findings: readonly Finding[],
  locale: Locale,
  /** `author`: who the comments and changes are by (policyLens.review.author), "Policy Lens" unless said. */
  opts: { revisions?: boolean; author?: string } = {},
): Promise<ReviewCopy> {
  const author = opts.author?.trim() || 'Policy Lens';
  if (/\.xlsx$/i.test(file)) {
    const notes = workbookNotesOf(plan.text, plan.rowOfLine ?? [], findings, locale);
    const copy = await annotateXlsx(bytes, notes, author);
    return { bytes: copy.bytes, comments: notes.length, onText: copy.placed.text };
  }
  if (/\.pdf$/i.test(file)) {
    const notes = pdfNotesOf(plan.text, plan.rowOfLine ?? [], findings, locale);
    const copy = await annotatePdf(bytes, await readPdfPages(bytes, file), notes, author, new Date());
    return { bytes: copy.bytes, comments: notes.length, onText: copy.placed.text };
  }
  if (/\.ofd$/i.test(file)) {
    const notes = pdfNotesOf(plan.text, plan.rowOfLine ?? [], findings, locale);
    const copy = await annotateOfd(bytes, file, notes, author, new Date());
    return { bytes: copy.bytes, comments: notes.length, onText: copy.placed.text };
  }
  if (!/\.docx$/i.test(file)) throw new Error(`${file}: comments are written into ${REVIEWABLE_FORMATS}`);
  const notes = wordNotesOf(plan.text, plan.paragraphOfLine ?? [], findings, locale, opts);
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const copy = await annotateDocx(bytes, notes, { author, initials: initialsOf(author), date });
  return { bytes: copy.bytes, comments: notes.length, onText: copy.placed.text, revisions: opts.revisions ? copy.revisions : undefined };
}
