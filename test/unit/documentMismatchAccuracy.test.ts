// document-mismatch measured on a labelled set of sentences that cite documents (test/fixtures/documents/citations.json):
// each lists the titles and 文号 the check must flag, every other one it must leave alone. Fails below 95% / 85% (a false
// flag says an official cited the programme's document wrong).
import { describeFlagAccuracy } from '../support/flagAccuracy';

describeFlagAccuracy({
  title: 'document-mismatch (labelled citations)',
  file: 'test/fixtures/documents/citations.json',
  code: 'document-mismatch',
  what: "titles and 文号 of the source cited wrong",
  floors: { precision: 0.95, recall: 0.85 },
  least: { flagged: 15, clean: 20 },
});
