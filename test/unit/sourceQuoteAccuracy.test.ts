// misquote of a source's own words (checks/sourceQuote.ts) measured on a labelled set of sentences that quote the
// source's body (test/fixtures/documents/source-quotes.json): each lists the quotations the check must flag, every other
// one it must leave alone. Fails below 95% / 85%.
import { describeFlagAccuracy } from '../support/flagAccuracy';

describeFlagAccuracy({
  title: "misquote of the source's body (labelled quotations)",
  file: 'test/fixtures/documents/source-quotes.json',
  code: 'misquote',
  what: "quotations of the source's body that differ from it",
  floors: { precision: 0.95, recall: 0.85 },
  least: { flagged: 5, clean: 7 },
});
