// The checks of how a plan cites and quotes its source, each measured on a labelled set (test/fixtures/documents/): the
// titles, 文号 and issuers it gets wrong (document-mismatch), the 文号 it writes otherwise than GB/T 9704 prescribes
// (document-number-format), and the source's own words it quotes wrong (misquote of the body). Each set lists what the
// check must flag, every other span it must leave alone; each fails below 95% / 85% (a false flag tells an official that
// the plan's basis is cited wrong).
import { describeFlagAccuracy } from '../support/flagAccuracy';

const floors = { precision: 0.95, recall: 0.85 };

describeFlagAccuracy({
  title: 'document-mismatch (labelled citations)',
  file: 'test/fixtures/documents/citations.json',
  code: 'document-mismatch',
  what: 'titles, 文号 and issuers of the source cited wrong',
  floors,
  least: { flagged: 15, clean: 20 },
});

describeFlagAccuracy({
  title: 'document-number-format (labelled sentences)',
  file: 'test/fixtures/documents/number-formats.json',
  code: 'document-number-format',
  what: '文号 not written as GB/T 9704 prescribes',
  floors,
  least: { flagged: 10, clean: 10 },
});

describeFlagAccuracy({
  title: "misquote of the source's body (labelled quotations)",
  file: 'test/fixtures/documents/source-quotes.json',
  code: 'misquote',
  what: "quotations of the source's body that differ from it",
  floors,
  least: { flagged: 5, clean: 7 },
});
