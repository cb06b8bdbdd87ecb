// document-mismatch: a source cited wrong by its title or its 文号 — 《广州市…总体方案》（商资发〔2022〕21号） (the source's is
// 212号), 《广州市服务业扩大开放试点总体方案》 (综合 left out), the source's 文号 under another title, or another body said
// to have issued it (国务院印发的《…》). Titles, numbers and issuers are the loaded sources' own (their meta); another document's title (another place's, another kind of document) and
// a short name (《总体方案》) are not judged.
import {
  NumberOfTitle, numberedTitles, numberSource, paragraphCitations, sameCharacters, sameNumber, SourceDocument, titleRelation, titleSource, within,
  writtenIssuer, WrittenTitle,
} from '../documentCitations';
import { Finding } from '../findings';
import { Block } from '../planModel';
import { describeDifferences } from './misquote';
import type { CheckRun } from './registry';

export function checkDocumentMismatch(block: Block, run: CheckRun): Finding[] {
  const documents = run.context.documents;
  if (!documents.length) return [];
  const citations = paragraphCitations(run.model);
  if (!citations.titles.length) return [];
  const text = run.model.text;
  const titles = within(citations.titles, block.start, block.end);
  if (!titles.length) return [];
  const numbers = within(citations.numbers, block.start, block.end);
  const numberOf = numberedTitles(text, titles, numbers);
  const findings: Finding[] = [];
  for (const t of titles) {
    const paired = numberOf.get(t);
    const n = paired?.number;
    const match = titleSource(t.title, documents);
    // a slip of the title under another office's 文号 is that document's title; under the source's office's (商资发), a
    // slip of both (《…开放试点总体方案》（商资发〔2022〕12号）)
    const ownNumber = match?.source.number;
    const slipOfBoth = match?.relation === 'slip' && n && ownNumber && !sameNumber(n, ownNumber);
    if (slipOfBoth && !n.agency.endsWith(ownNumber.agency)) continue;
    const issuer = match && issuerMismatch(text, block.start, t, match.source, run);
    if (issuer) findings.push(issuer);
    if (match?.relation === 'slip') {
      const title = match.source.meta.title;
      findings.push({
        start: t.start, end: t.end, code: 'document-mismatch', severity: 'error',
        message: run.msg.documentTitleSlip(t.title, title, sameCharacters(t.title, title) ? run.msg.wordOrder : describeDifferences(t.title, title, run.msg)),
        related: [],
        fixes: [{ title: run.msg.replaceWith(`《${title}》`), start: t.start, end: t.end, newText: title, preferred: true }],
      });
      const wrong = slipOfBoth && paired && numberMismatch(text, paired, match.source, run);
      if (wrong) findings.push(wrong);
    } else if (match) {
      const wrong = paired && numberMismatch(text, paired, match.source, run);
      if (wrong) findings.push(wrong);
    } else if (n && paired?.adjacent) {
      // the source's 文号 under a title that is no slip of its own: one of the two is wrong, which the drafter knows
      const owner = numberSource(n, documents);
      if (!owner || owner.meta.title.includes(t.title) || titleRelation(t.title, owner.meta.title) !== 'other') continue;
      const title = owner.meta.title;
      findings.push({
        start: t.start, end: t.end, code: 'document-mismatch', severity: 'error',
        message: run.msg.documentNumberOfOther(owner.meta.docNumber, title, t.title),
        related: [],
        fixes: [{ title: run.msg.replaceWith(`《${title}》`), start: t.start, end: t.end, newText: title }],
      });
    }
  }
  return findings;
}

/** The finding of a body said to have issued a source that its source says another issued (国务院印发的《…总体方案》). */
function issuerMismatch(text: string, from: number, t: WrittenTitle, source: SourceDocument, run: CheckRun): Finding | undefined {
  const issuer = source.meta.issuer;
  const written = issuer ? writtenIssuer(text, from, t.start) : undefined;
  // a joint issuance that names the source's issuer (商务部、国家发展改革委联合印发) is its own
  if (!written || written.name.includes(issuer)) return undefined;
  return {
    start: written.start, end: written.end, code: 'document-mismatch', severity: 'error',
    message: run.msg.documentIssuerMismatch(source.meta.title, issuer, written.name),
    related: [],
    fixes: [{ title: run.msg.replaceWith(issuer), start: written.start, end: written.end, newText: issuer, preferred: true }],
  };
}

/**
 * The finding of a 文号 that is not its title's source's, if it is not: said on the number as written (its 机关代字 from
 * where it can be told: after a bracket or punctuation, or the source's 机关代字 at the end of the words before it).
 */
function numberMismatch(text: string, { number: n, adjacent }: NumberOfTitle, source: SourceDocument, run: CheckRun): Finding | undefined {
  const own = source.number;
  if (!own || sameNumber(n, own)) return undefined;
  // a 文号 further off is the title's only when its 机关代字 is the source's (not the 批复's the sentence also names)
  if (!adjacent && !n.agency.endsWith(own.agency)) return undefined;
  const delimited = n.start === 0 || !/[\u4e00-\u9fff]/.test(text[n.start - 1]) || n.agency.length <= own.agency.length;
  const start = n.agency.endsWith(own.agency) ? n.yearStart - own.agency.length : delimited ? n.start : undefined;
  if (start === undefined) return undefined; // words and another 机关代字 run together: where the number starts is not known
  const written = text.slice(start, n.end);
  const right = source.meta.docNumber;
  return {
    start, end: n.end, code: 'document-mismatch', severity: 'error',
    message: run.msg.documentNumberMismatch(source.meta.title, right, written),
    related: [],
    fixes: [{ title: run.msg.replaceWith(right), start, end: n.end, newText: right, preferred: true }],
  };
}
