// Where a finding about a whole task item goes: an item's first line without its list marker, a row's task cell.
import { ITEM_OPENING } from '../scopes';
import { Block, cellSpans } from '../planModel';
import { lineEndFrom } from '../text';

/** An item's first line without its list marker; a row's cell that cites the task (or its longest cell). */
export function itemRange(text: string, block: Block): { start: number; end: number } {
  if (block.kind === 'row') {
    const spans = cellSpans(text.slice(block.start, block.end)).map(([a, b]) => [block.start + a, block.start + b] as const);
    const at = block.references[0]?.ref.start;
    const cell = spans.find(([a, b]) => at !== undefined && at >= a && at < b)
      ?? spans.reduce((best, s) => (s[1] - s[0] > best[1] - best[0] ? s : best), spans[0]);
    // a row without cells (a lone |): the row
    return cell ? { start: cell[0], end: cell[1] } : { start: block.start, end: block.end };
  }
  const start = block.start + ITEM_OPENING.exec(text.slice(block.start, block.end))![0].length;
  // the end of the first line, found without cutting out the rest of the item
  let end = lineEndFrom(text, start, block.end);
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
