// A Word plan's review as a copy of it (`policy-lens annotate`): its findings as comments (批注) and, when asked, their
// preferred fixes as tracked changes (修订), placed by wordComments.ts at the text of the .docx they are about.
import { Finding } from '../core/findings';
import { Locale } from '../core/messages';
import { LineIndex } from '../core/text';
import { commentLines, occurrences, plain } from './commentText';
import { EMPTY_RELATIONSHIPS, RELATIONSHIP_NS, relationshipsOf, resolveTarget, withOverride, withRelationship } from './officeParts';
import { AnnotatedParts, annotateWordXml, WordAnchor, WordNote } from './wordComments';

/**
 * Where a span of the extracted plan is in Word's terms: its ¶N, its text and which of that text's occurrences in the
 * paragraph it is. Undefined for a span across paragraphs or of no text.
 */
function anchorOf(text: string, lines: LineIndex, paragraphOfLine: readonly number[], start: number, end: number): WordAnchor | undefined {
  const first = lines.positionAt(start).line;
  const last = lines.positionAt(Math.max(start, end - 1)).line;
  const paragraph = paragraphOfLine[first] ?? 0;
  if (!paragraph || (paragraphOfLine[last] ?? 0) !== paragraph) return undefined;
  let top = first;
  while (top > 0 && paragraphOfLine[top - 1] === paragraph) top--;
  let bottom = last;
  while (bottom + 1 < lines.lineCount && paragraphOfLine[bottom + 1] === paragraph) bottom++;
  const from = lines.lineStart(top);
  const whole = text.slice(from, lines.lineEnd(bottom));
  const needle = plain(text.slice(start, end));
  if (!needle) return undefined;
  // its occurrences that start before it: those of the paragraph's text up to its last character, less the one that is it
  const before = occurrences(plain(whole.slice(0, end - from)), needle).length - 1;
  return { paragraph, text: needle, occurrence: Math.max(0, before) };
}

/** The nearest paragraph at or after a line (a finding on a blank line, between paragraphs, belongs to the next). */
function paragraphAround(paragraphOfLine: readonly number[], line: number): number {
  for (let l = line; l < paragraphOfLine.length; l++) if (paragraphOfLine[l]) return paragraphOfLine[l];
  for (let l = line; l >= 0; l--) if (paragraphOfLine[l]) return paragraphOfLine[l];
  return 0;
}

/** The context a point is told by: up to six characters before it in its paragraph, or after it at the paragraph's start. */
function pointAnchor(text: string, lines: LineIndex, paragraphOfLine: readonly number[], at: number): { anchor: WordAnchor; mode: 'after' | 'before' } | undefined {
  const line = lines.positionAt(at).line;
  const lineStart = lines.lineStart(line);
  const before = text.slice(lineStart, at).replace(/\s+$/, '');
  if (plain(before)) {
    let from = lineStart + before.length;
    for (let seen = 0; from > lineStart && seen < 6; from--) if (!/\s/.test(text[from - 1])) seen++;
    const anchor = anchorOf(text, lines, paragraphOfLine, from, lineStart + before.length);
    return anchor && { anchor, mode: 'after' };
  }
  const after = text.slice(at, lines.lineEnd(line));
  const skipped = after.length - after.trimStart().length;
  let to = at + skipped;
  for (let seen = 0; to < lines.lineEnd(line) && seen < 6; to++) if (!/\s/.test(text[to])) seen++;
  const anchor = anchorOf(text, lines, paragraphOfLine, at + skipped, to);
  return anchor && { anchor, mode: 'before' };
}

/**
 * The findings of an extracted Word plan as notes: each a comment of its severity, message, preferred fix and code;
 * with `revisions`, the preferred fix a tracked change where it stays inside one paragraph's text (not a fix that
 * writes a table's cells or a line of its own).
 */
export function wordNotesOf(text: string, paragraphOfLine: readonly number[], findings: readonly Finding[], locale: Locale, opts: { revisions?: boolean } = {}): WordNote[] {
  const lines = new LineIndex(text);
  return findings.map((f) => {
    const fix = f.fixes.find((x) => x.preferred) ?? f.fixes[0];
    const comment = commentLines(f, locale);
    const anchor = anchorOf(text, lines, paragraphOfLine, f.start, f.end) ?? { paragraph: paragraphAround(paragraphOfLine, lines.positionAt(f.start).line), text: '', occurrence: 0 };
    const note: WordNote = { anchor, comment };
    if (opts.revisions && fix && fix.preferred && !/[|\r\n]/.test(fix.newText)) {
      if (fix.end > fix.start) {
        const old = anchorOf(text, lines, paragraphOfLine, fix.start, fix.end);
        if (old) note.revision = { anchor: old, mode: 'replace', newText: fix.newText };
      } else {
        const point = pointAnchor(text, lines, paragraphOfLine, fix.start);
        if (point) note.revision = { ...point, newText: fix.newText };
      }
    }
    return note;
  });
}

export interface AnnotatedDocx {
  bytes: Buffer;
  placed: AnnotatedParts['placed'];
  revisions: AnnotatedParts['revisions'];
}

const COMMENTS_RELATIONSHIP = `${RELATIONSHIP_NS}/comments`;
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

/**
 * A copy of the .docx with the notes written in (wordComments.ts): its comments part made, or its own comments kept
 * and ours added after them. Throws on an archive that is not a Word document.
 */
export async function annotateDocx(bytes: Uint8Array, notes: readonly WordNote[], opts: { author: string; initials: string; date: string }): Promise<AnnotatedDocx> {
  const { JSZip } = require('../readers/readerLibraries') as typeof import('../readers/readerLibraries');
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)?.async('string');
  const documentXml = await read('word/document.xml');
  const relsName = 'word/_rels/document.xml.rels';
  const rels = (await read(relsName)) ?? EMPTY_RELATIONSHIPS;
  const types = await read('[Content_Types].xml');
  if (documentXml === undefined || types === undefined) throw new Error('not a Word .docx document (no word/document.xml)');
  // the document's own comments part, where its relationship says (Word names it comments.xml)
  const own = relationshipsOf(rels).find((r) => r.type === COMMENTS_RELATIONSHIP);
  const commentsName = own ? resolveTarget('word/document.xml', own.target) : 'word/comments.xml';
  const parts = annotateWordXml(documentXml, await read(commentsName), notes, opts);
  zip.file('word/document.xml', parts.documentXml);
  zip.file(commentsName, parts.commentsXml);
  if (!own) zip.file(relsName, withRelationship(rels, COMMENTS_RELATIONSHIP, 'comments.xml').xml);
  zip.file('[Content_Types].xml', withOverride(types, commentsName, COMMENTS_CONTENT_TYPE));
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { bytes: out, placed: parts.placed, revisions: parts.revisions };
}

