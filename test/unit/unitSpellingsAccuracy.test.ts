// inconsistent-unit-name measured on a labelled set of small plans (test/fixtures/responsibilities/unit-spellings.json):
// each lists the names the check must flag, every other name it must leave alone. Fails below 95% / 85% (a false flag
// asks a drafter to rename a unit that is not the same).
import { describeFlagAccuracy } from '../support/flagAccuracy';

describeFlagAccuracy({
  title: 'inconsistent-unit-name (labelled plans)',
  file: 'test/fixtures/responsibilities/unit-spellings.json',
  code: 'inconsistent-unit-name',
  what: 'names written two ways',
  floors: { precision: 0.95, recall: 0.85 },
  least: { flagged: 12, clean: 8 },
});
