// The parts of an Office Open XML package (.docx, .xlsx) that a review's copy edits: XML parsed and written back as it
// was (its declaration kept), and the package's relationships and content types, added to as text so that nothing
// else of them changes.

import { unescapeEntities } from '../readers/docx';

/** A part parsed (xmldom, from the readers' bundle); one that is not well-formed is an error naming it. */
export function parseXml(xml: string, what: string): Document {
  const { DOMParser } = require('../readers/readerLibraries') as typeof import('../readers/readerLibraries');
  let problem: string | undefined;
  const doc = new DOMParser({ errorHandler: (level: string, message: unknown) => void (level !== 'warning' && (problem ??= String(message))) }).parseFromString(xml, 'text/xml');
  if (problem !== undefined || !doc.documentElement) throw new Error(`${what} is not well-formed XML${problem ? `: ${problem}` : ''}`);
  return doc;
}

/** A part written back, with the XML declaration it had (Office writes `standalone="yes"`). */
export function serializeXml(doc: Document, original?: string): string {
  const { XMLSerializer } = require('../readers/readerLibraries') as typeof import('../readers/readerLibraries');
  const xml = new XMLSerializer().serializeToString(doc);
  const declaration = /^<\?xml[^>]*\?>\s*/.exec(original ?? '')?.[0] ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return xml.startsWith('<?xml') ? xml : declaration + xml;
}

/** A relationships part with none yet. */
export const EMPTY_RELATIONSHIPS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export const RELATIONSHIP_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The relationships of a .rels part: each one's id, type and target (as written: relative to its source's folder). */
export function relationshipsOf(xml: string): { id: string; type: string; target: string }[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: /\bId="([^"]*)"/.exec(m[0])?.[1] ?? '',
    type: /\bType="([^"]*)"/.exec(m[0])?.[1] ?? '',
    target: unescapeEntities(/\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? ''),
  }));
}

/** A .rels part with one relationship more, under the first `rIdN` it does not use. */
export function withRelationship(xml: string, type: string, target: string): { xml: string; id: string } {
  const taken = new Set(relationshipsOf(xml).map((r) => r.id));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  // an empty part may close itself (<Relationships …/>)
  const open = xml.replace(/<Relationships\b([^>]*?)\s*\/>\s*$/, '<Relationships$1></Relationships>');
  return { xml: open.replace(/<\/Relationships>\s*$/, `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`), id };
}

/** [Content_Types].xml with a part's type, unless it has one. */
export function withOverride(types: string, part: string, contentType: string): string {
  return types.includes(`PartName="/${part}"`) ? types : types.replace(/<\/Types>\s*$/, `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);
}

/** The part a relationship of `from` (a part's path) targets: relative to `from`'s folder, or absolute. */
export function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** The .rels part of a part (`xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`). */
export const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');

/** Text for an element's content (quotes stay as they are there). */
export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text for an attribute's value between double quotes. */
export const escapeXmlAttribute = (s: string) => escapeXml(s).replace(/"/g, '&quot;');
