// misquote, of a source's own words: a quotation in a sentence that names the source (its title, a slip of it, or the
// short name it gives itself: 《总体方案》提出“经过3年试点……”) and cites no task, close to a passage of the source's body
// but not equal to it. A quotation next to a cited task is judged against the task (misquote.ts).
import { paragraphCitations, SourceDocument, titleSource, within } from '../documentCitations';
import { Finding } from '../findings';
import { Block } from '../planModel';
import { closeQuotation, exactButNumberForms, nestedQuotes, NormalizedText, normalizedText, QUOTE, quotationDifferences } from './misquote';
import type { CheckRun } from './registry';

export function checkSourceQuotes(block: Block, run: CheckRun): Finding[] {
  // the paragraph's titles are read once (most have none); only a block with one can be attributed
  const titles = within(paragraphCitations(run.model).titles, block.start, block.end);
  if (!titles.length) return [];
  const text = run.model.text;
  const documents = run.context.documents;
  const source = titles.map((t) => titleSource(t.title, documents)?.source).find((d) => d?.passages?.length);
  if (!source) return [];
  const findings: Finding[] = [];
  // the quotations that open in the block, to where they close: one of several sentences (“强化顶层设计。推进……”) runs on
  // past the block's end
  QUOTE.lastIndex = block.start;
  for (let m = QUOTE.exec(text); m !== null && m.index < block.end; m = QUOTE.exec(text)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
    // a quotation that names the source itself (“为贯彻落实《…总体方案》（商资发〔2022〕212号）”, a plan's opening words a
    // revision quotes) cites it, and quotes none of its passages
    const end = m.index + m[0].length;
    if (titles.some((t) => t.start > m!.index && t.end < end)) continue;
    const close = closeQuotation(inner, passagesOf(source));
    // the passage's words with a number written another way (经过三年试点 for 经过3年试点): the same words
    if (!close || exactButNumberForms(inner, close.text.original)) continue;
    const start = m.index + 1;
    const exact = nestedQuotes(close.exact);
    findings.push({
      start, end: start + inner.length, code: 'misquote', severity: 'warning',
      message: run.msg.misquoteSource(source.meta.title, quotationDifferences(inner, close.exact, run.msg), exact),
      related: [],
      fixes: [{ title: run.msg.replaceQuote, start, end: start + inner.length, newText: exact, preferred: true }],
    });
  }
  return findings;
}

/** A source's passages, normalized once. */
function passagesOf(source: SourceDocument): NormalizedText[] {
  let passages = NORMALIZED.get(source);
  if (!passages) NORMALIZED.set(source, (passages = (source.passages ?? []).map((p) => normalizedText(p.text))));
  return passages;
}

const NORMALIZED = new WeakMap<SourceDocument, NormalizedText[]>();
