// other-district-unit measured on a labelled set of small plans (test/fixtures/places/district-units.json): each lists
// the units of another district the check must flag, every other unit it must leave alone. Fails below 95% / 85% (a
// false flag tells a district that its own plan names another's).
import { describeFlagAccuracy } from '../support/flagAccuracy';

describeFlagAccuracy({
  title: 'other-district-unit (labelled plans)',
  file: 'test/fixtures/places/district-units.json',
  code: 'other-district-unit',
  what: 'units of another district',
  floors: { precision: 0.95, recall: 0.85 },
  least: { flagged: 10, clean: 8 },
});
