// Which headings name domains (the heading rule of domain-mismatch), measured on a labelled set of plan headings
// (test/fixtures/headings/heading-domains.json): a heading counts as right when the domains read are exactly its label.
// Prints precision and recall; fails below 95% / 80%.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadEngine } from '../../server/src/engine';
import { headingDomainNames } from '../../server/src/core/checks/domainMismatch';

const ROOT = path.resolve(__dirname, '../../..');
const { checker } = loadEngine(ROOT);
const labelled: { title: string; domains: string[]; note: string }[] = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'test/fixtures/headings/heading-domains.json'), 'utf8'),
);

describe('headings of domains, on the labelled set', () => {
  it('labels only domains the source has', () => {
    const names = new Set(checker.context.labels.filter((l) => l.kind === 'domain').map((l) => l.name));
    for (const h of labelled) for (const d of h.domains) assert.ok(names.has(d), `${h.title}: ${d} is not a domain of the source`);
    assert.ok(labelled.some((h) => h.domains.length) && labelled.some((h) => !h.domains.length), 'both kinds are labelled');
  });

  it('reads the domains of a heading with precision ≥ 95% and recall ≥ 80%', () => {
    let predicted = 0;
    let right = 0;
    const misses: string[] = [];
    for (const h of labelled) {
      const read = headingDomainNames(h.title, checker.context);
      const same = read.length === h.domains.length && h.domains.every((d) => read.includes(d));
      if (read.length) predicted++;
      if (read.length && same) right++;
      if (!same) misses.push(`${h.title}: read [${read.join('、')}], labelled [${h.domains.join('、')}] (${h.note})`);
    }
    const actual = labelled.filter((h) => h.domains.length).length;
    const precision = right / predicted;
    const recall = right / actual;
    console.log(`      headings of domains: precision ${(100 * precision).toFixed(1)}% (${right}/${predicted}), recall ${(100 * recall).toFixed(1)}% (${right}/${actual}) of ${labelled.length} headings`);
    for (const m of misses) console.log(`        miss: ${m}`);
    assert.ok(precision >= 0.95, `precision ${precision}`);
    assert.ok(recall >= 0.8, `recall ${recall}`);
  });
});
