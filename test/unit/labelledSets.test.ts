// The checks measured on labelled sets of small plans with describeFlagAccuracy: each set lists the spans its check
// must flag, every other span it must leave alone; each fails below 95% / 85%.
// - inconsistent-unit-name (responsibilities/unit-spellings.json): a false flag asks a drafter to rename a unit that is
//   not the same;
// - other-district-unit (places/district-units.json): a false flag tells a district that its own plan names another's;
// - how a plan cites and quotes its source (documents/): the titles, 文号 and issuers it gets wrong (document-mismatch),
//   the 文号 it writes otherwise than GB/T 9704 prescribes (document-number-format), the source's own words it quotes
//   wrong (misquote of the body): a false flag tells an official that the plan's basis is cited wrong.
import { describeFlagAccuracy } from '../support/flagAccuracy';

const floors = { precision: 0.95, recall: 0.85 };

describeFlagAccuracy({
  title: 'inconsistent-unit-name (labelled plans)',
  file: 'test/fixtures/responsibilities/unit-spellings.json',
  code: 'inconsistent-unit-name',
  what: 'names written two ways',
  floors,
  least: { flagged: 12, clean: 8 },
});

describeFlagAccuracy({
  title: 'other-district-unit (labelled plans)',
  file: 'test/fixtures/places/district-units.json',
  code: 'other-district-unit',
  what: 'units of another district',
  floors,
  least: { flagged: 10, clean: 8 },
});

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
