// document-number-format measured on a labelled set of sentences (test/fixtures/documents/number-formats.json): each
// lists the 文号 written otherwise than GB/T 9704 prescribes, the part the check must flag; every other number (a court
// case's, a building's, a room's, a licence's) it must leave alone. Fails below 95% / 85%.
import { describeFlagAccuracy } from '../support/flagAccuracy';

describeFlagAccuracy({
  title: 'document-number-format (labelled sentences)',
  file: 'test/fixtures/documents/number-formats.json',
  code: 'document-number-format',
  what: '文号 not written as GB/T 9704 prescribes',
  floors: { precision: 0.95, recall: 0.85 },
  least: { flagged: 10, clean: 10 },
});
