// A review written into a copy of a Word plan, as a reviewing office marks one up before sending it back: each finding
// a comment (批注) on the text it is about, and, when asked, its preferred quick fix a tracked change (修订), so that the
// district sees the proposal in place and takes it with Word's 接受修订. Pure over the parts' XML (word/document.xml,
// word/comments.xml); wordReview.ts unzips the .docx and zips the copy.
import { parseXml, serializeXml } from './officeParts';
import { occurrences } from './commentText';
import { squash } from '../core/text';

export const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Where a note's text is: which of its occurrences (0-based) in the extracted paragraph ¶N (readDocx's count). */
export interface WordAnchor {
  paragraph: number;
  /** Its characters other than whitespace, as Word has them (no Markdown table's `|` between cells, no escapes). */
  text: string;
  occurrence: number;
}

export interface WordNote {
  anchor: WordAnchor;
  /** The comment's paragraphs. */
  comment: string[];
  /**
   * A tracked change: `replace` deletes the anchor's text and inserts `newText`; `after` and `before` insert it next to
   * the anchor's text.
   */
  revision?: { anchor: WordAnchor; mode: 'replace' | 'after' | 'before'; newText: string };
}

export interface AnnotatedParts {
  documentXml: string;
  commentsXml: string;
  /** How the comments were placed: on their text, on their whole paragraph (its text was not found), or on the document's first paragraph (no paragraph ¶N). */
  placed: { text: number; paragraph: number; document: number };
  /** Tracked changes written, and those left out (their text was not found, or it crosses a link or field). */
  revisions: { written: number; skipped: number };
}

export interface AnnotateOptions {
  author: string;
  initials: string;
  /** ISO 8601 without milliseconds, as Word writes it (`2026-12-05T10:00:00Z`). */
  date: string;
}

/** An element's children that Word's text is in; properties (`w:pPr`, `w:rPr`, …) hold tab stops and the like, not text. */
const PROPERTIES = /(?:Pr|PrChange|Grid)$/;
/** Text Word shows as deleted (a tracked deletion, the old place of a move), and field codes: not the text of the plan. */
const HIDDEN = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText']);

interface Segment {
  /** The w:t holding the text, or null for a tab or line break. */
  t: Element | null;
  text: string;
}

interface Located {
  start: { t: Element; offset: number };
  /** The offset just after the last character. */
  end: { t: Element; offset: number };
  /** Where the text starts among the unit's characters other than whitespace (to order changes within a paragraph). */
  at: number;
}

const isWord = (n: Node | null): n is Element => !!n && n.nodeType === 1 && (n as Element).namespaceURI === WORD_NS;
const children = (e: Node): Node[] => Array.from({ length: e.childNodes.length }, (_, i) => e.childNodes[i]);
const elementsOf = (e: Node, name: string): Element[] => children(e).filter((c): c is Element => isWord(c) && c.localName === name);

/** The text of a w:t (xmldom keeps it as text nodes). */
function textOf(t: Element): string {
  return children(t).map((c) => c.nodeValue ?? '').join('');
}

/** Writes a Word document's notes into it (see the module's comment). `commentsXml`: the document's own comments, kept. */
export function annotateWordXml(documentXml: string, commentsXml: string | undefined, notes: readonly WordNote[], opts: AnnotateOptions): AnnotatedParts {
  const doc = parseXml(documentXml, 'word/document.xml');
  const w = doc.documentElement.lookupPrefix(WORD_NS) ?? 'w';
  const el = (name: string, attributes: Record<string, string> = {}, document: Document = doc) => {
    const e = document.createElementNS(WORD_NS, `${w}:${name}`);
    for (const [k, v] of Object.entries(attributes)) e.setAttributeNS(WORD_NS, `${w}:${k}`, v);
    return e;
  };
  /** A w:t (or w:delText) of text whose spaces count. */
  const textElement = (name: 't' | 'delText', text: string, document: Document = doc) => {
    const t = el(name, {}, document);
    t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
    t.appendChild(document.createTextNode(text));
    return t;
  };

  const comments = parseXml(commentsXml ?? `<${w}:comments xmlns:${w}="${WORD_NS}"/>`, 'word/comments.xml');
  // comments and tracked changes share Word's annotation ids: start above every id either part uses
  const ids = [doc, comments].flatMap((d) => Array.from(d.getElementsByTagNameNS(WORD_NS, '*')).filter((e) => e.hasAttributeNS(WORD_NS, 'id')).map((e) => Number(e.getAttributeNS(WORD_NS, 'id'))));
  let nextId = 1 + ids.filter((n) => Number.isInteger(n)).reduce((a, b) => Math.max(a, b), -1);

  const body = doc.getElementsByTagNameNS(WORD_NS, 'body')[0];
  if (!body) throw new Error('word/document.xml has no body');
  const units = unitsOf(body);

  const segmentsOf = (unit: Element): Segment[] => {
    const out: Segment[] = [];
    const walk = (e: Element) => {
      for (const c of children(e)) {
        if (!isWord(c) || PROPERTIES.test(c.localName) || HIDDEN.has(c.localName)) continue;
        if (c.localName === 't') out.push({ t: c, text: textOf(c) });
        else if (c.localName === 'tab') out.push({ t: null, text: '\t' });
        else if (c.localName === 'br' || c.localName === 'cr') out.push({ t: null, text: '\n' });
        else walk(c);
      }
    };
    walk(unit);
    return out;
  };

  const locateIn = (unit: Element, anchor: WordAnchor): Located | undefined => {
    const needle = squash(anchor.text);
    if (!needle) return undefined;
    let hay = '';
    const at: { t: Element; offset: number }[] = [];
    for (const s of segmentsOf(unit)) {
      if (!s.t) continue;
      for (let i = 0; i < s.text.length; i++) {
        if (/\s/.test(s.text[i])) continue;
        hay += s.text[i];
        at.push({ t: s.t, offset: i });
      }
    }
    const hits = occurrences(hay, needle);
    if (!hits.length) return undefined;
    const i = hits[Math.min(anchor.occurrence, hits.length - 1)];
    const last = at[i + needle.length - 1];
    return { start: at[i], end: { t: last.t, offset: last.offset + 1 }, at: i };
  };

  /** The unit ¶N names when its text is there, else the nearest one holding it (¶N may count a little differently from Word's). */
  const unitOf = (anchor: WordAnchor): { unit: Element; located?: Located } | undefined => {
    const k = anchor.paragraph - 1;
    for (let d = 0; d <= 5; d++) {
      for (const j of d ? [k - d, k + d] : [k]) {
        const unit = units[j];
        const located = unit && locateIn(unit, anchor);
        if (located) return { unit, located };
      }
    }
    for (const unit of units) {
      const located = locateIn(unit, anchor);
      if (located) return { unit, located };
    }
    return units[k] ? { unit: units[k] } : undefined;
  };

  /**
   * Splits the run holding `t` so that its text at `offset` starts a run of its own (the original keeps what is before
   * it, a copy of the run's properties what follows). Nothing is split at a run's start or end.
   */
  const splitRun = (t: Element, offset: number) => {
    const run = t.parentNode as Element;
    const text = textOf(t);
    const content = children(run).filter((c) => !(isWord(c) && c.localName === 'rPr'));
    const index = content.indexOf(t);
    if (offset <= 0 && index <= 0) return;
    if (offset >= text.length && index === content.length - 1) return;
    const right = el('r');
    const properties = elementsOf(run, 'rPr')[0];
    if (properties) right.appendChild(properties.cloneNode(true));
    let moved = content.slice(index + 1);
    if (offset <= 0) moved = content.slice(index);
    else if (offset < text.length) {
      run.replaceChild(textElement('t', text.slice(0, offset)), t);
      right.appendChild(textElement('t', text.slice(offset)));
    }
    for (const c of moved) right.appendChild(c);
    run.parentNode!.insertBefore(right, run.nextSibling);
  };

  /** The runs that hold exactly the located text: split at both ends, then found again (splitting moves the text). */
  const isolate = (unit: Element, anchor: WordAnchor): { first: Element; last: Element } | undefined => {
    const before = locateIn(unit, anchor);
    if (!before) return undefined;
    splitRun(before.start.t, before.start.offset);
    const middle = locateIn(unit, anchor)!;
    splitRun(middle.end.t, middle.end.offset);
    const after = locateIn(unit, anchor)!;
    return { first: after.start.t.parentNode as Element, last: after.end.t.parentNode as Element };
  };

  const placed = { text: 0, paragraph: 0, document: 0 };
  const insertAfter = (node: Node, ref: Node) => ref.parentNode!.insertBefore(node, ref.nextSibling);
  const firstAndLastParagraph = (unit: Element): [Element, Element] => {
    const paragraphs = unit.localName === 'p' ? [unit] : Array.from(unit.getElementsByTagNameNS(WORD_NS, 'p'));
    return [paragraphs[0], paragraphs[paragraphs.length - 1]];
  };
  const commentsRoot = comments.documentElement;
  for (const note of notes) {
    const id = String(nextId++);
    const found = unitOf(note.anchor);
    const runs = found?.located ? isolate(found.unit, note.anchor) : undefined;
    const start = el('commentRangeStart', { id });
    const end = el('commentRangeEnd', { id });
    const reference = el('r');
    reference.appendChild(el('commentReference', { id }));
    if (runs) {
      runs.first.parentNode!.insertBefore(start, runs.first);
      insertAfter(end, runs.last);
      placed.text++;
    } else {
      // its paragraph (or the document's first; a document of no text gets one to hold it), whole
      if (!units.length) units.push(body.insertBefore(el('p'), body.firstChild));
      const unit = found?.unit ?? units[0];
      const [first, last] = firstAndLastParagraph(unit);
      const properties = elementsOf(first, 'pPr')[0];
      first.insertBefore(start, properties ? properties.nextSibling : first.firstChild);
      last.appendChild(end);
      if (found) placed.paragraph++;
      else placed.document++;
    }
    insertAfter(reference, end);
    // the comment itself: its paragraphs, the first with the mark Word puts before a comment's text
    const comment = el('comment', { id, author: opts.author, date: opts.date, initials: opts.initials }, comments);
    note.comment.forEach((line, i) => {
      const p = el('p', {}, comments);
      if (i === 0) {
        const mark = el('r', {}, comments);
        mark.appendChild(el('annotationRef', {}, comments));
        p.appendChild(mark);
      }
      const r = el('r', {}, comments);
      r.appendChild(textElement('t', line, comments));
      p.appendChild(r);
      comment.appendChild(p);
    });
    commentsRoot.appendChild(comment);
  }

  // tracked changes, the last in the document first: a change moves no text before it, so the anchors of the
  // earlier ones still count their occurrences right
  const revisions = { written: 0, skipped: 0 };
  const changes = notes
    .flatMap((n) => (n.revision ? [n.revision] : []))
    .map((r) => ({ r, found: unitOf(r.anchor) }))
    .map((x) => ({ ...x, order: x.found?.located ? units.indexOf(x.found.unit) * 1e7 + x.found.located.at : -1 }))
    .sort((a, b) => b.order - a.order);
  for (const { r, found } of changes) {
    const runs = found?.located ? isolate(found.unit, r.anchor) : undefined;
    // a change stays inside one paragraph's runs: not across a link, a field or a tracked change of the document's own
    const parent = runs?.first.parentNode as Element | undefined;
    if (!runs || !parent || parent !== runs.last.parentNode || !isWord(parent) || parent.localName !== 'p') {
      revisions.skipped++;
      continue;
    }
    const stamp = () => ({ id: String(nextId++), author: opts.author, date: opts.date });
    const inserted = el('ins', stamp());
    const newRun = el('r');
    const properties = elementsOf(runs.first, 'rPr')[0];
    if (properties) newRun.appendChild(properties.cloneNode(true));
    newRun.appendChild(textElement('t', r.newText));
    inserted.appendChild(newRun);
    if (r.mode === 'before') parent.insertBefore(inserted, runs.first);
    else if (r.mode === 'after') insertAfter(inserted, runs.last);
    else {
      const deleted = el('del', stamp());
      parent.insertBefore(deleted, runs.first);
      for (let n: Node | null = runs.first; n; ) {
        const next: Node | null = n === runs.last ? null : n.nextSibling;
        deleted.appendChild(n);
        n = next;
      }
      for (const t of Array.from(deleted.getElementsByTagNameNS(WORD_NS, 't'))) {
        t.parentNode!.replaceChild(textElement('delText', textOf(t)), t);
      }
      insertAfter(inserted, deleted);
    }
    revisions.written++;
  }

  return { documentXml: serializeXml(doc, documentXml), commentsXml: serializeXml(comments, commentsXml), placed, revisions };
}

/**
 * The body's paragraphs with text and its tables' rows, in order: what readDocx counts as ¶1, ¶2, … (a table row is
 * one, the paragraphs of its cells are not counted apart; content controls and custom XML are looked into).
 */
function unitsOf(body: Element): Element[] {
  const units: Element[] = [];
  const hasText = (e: Element) => Array.from(e.getElementsByTagNameNS(WORD_NS, 't')).some((t) => !hasHiddenAncestor(t, e) && textOf(t).trim());
  const walk = (e: Element) => {
    for (const c of children(e)) {
      if (!isWord(c)) continue;
      if (c.localName === 'p') {
        if (hasText(c)) units.push(c);
      } else if (c.localName === 'tbl') {
        // every row, as the reader counts them (an empty row too: it is a row of the table)
        units.push(...rowsOf(c));
      } else if (c.localName === 'sdt' || c.localName === 'sdtContent' || c.localName === 'customXml') walk(c);
    }
  };
  walk(body);
  return units;
}

/** A table's rows, those inside content controls too (not a nested table's: they are inside a cell of a row). */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (e: Element) => {
    for (const c of children(e)) {
      if (!isWord(c)) continue;
      if (c.localName === 'tr') rows.push(c);
      else if (c.localName === 'sdt' || c.localName === 'sdtContent' || c.localName === 'customXml') walk(c);
    }
  };
  walk(table);
  return rows;
}

function hasHiddenAncestor(node: Node, within: Element): boolean {
  for (let n = node.parentNode; n && n !== within; n = n.parentNode) if (isWord(n) && HIDDEN.has(n.localName)) return true;
  return false;
}
