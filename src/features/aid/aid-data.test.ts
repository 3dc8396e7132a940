import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../dataset/indexes';
import type { AidItem, Dataset } from '../../dataset/schema';
import { aidByYear, aidSummary, aidTotals, moneyByDonorAndStatus, rollUp, sortAid } from './aid-data';

const item = (id: string, announced: string, effective?: string, value?: number, partOf?: string, currency = 'USD'): AidItem => ({
  id,
  donor: 'us',
  item: id,
  category: 'aid-package',
  announced: { value: announced, precision: 'day' },
  effective: effective ? { value: effective, precision: 'year' } : undefined,
  amount: value === undefined ? undefined : { value, currency },
  partOf,
  status: 'announced',
  citations: [{ source: 's', excerpt: 'x' }],
});

const index = buildIndex({
  title: 't',
  version: '1',
  date: '2024-01-01',
  sources: [],
  actors: [{ id: 'us', name: 'United States', kind: 'state', role: 'r', affiliation: 'US', aliases: [], citations: [] }],
  events: [],
  quotes: [],
  aid: [],
  discrepancies: [],
} as unknown as Dataset);

describe('aidByYear', () => {
  it('counts announcements and effects per year, filling the gap years', () => {
    const years = aidByYear([
      item('pkg', '2024-07-11', undefined, 225e6),
      item('patriot', '2024-07-11', undefined, undefined, 'pkg'),
      item('tomahawk', '2024-07-10', '2026'),
    ]);
    expect(years).toEqual([
      { year: '2024', announced: 3, takesEffect: 0, amountsAnnounced: [{ value: 225e6, currency: 'USD' }] },
      { year: '2025', announced: 0, takesEffect: 0, amountsAnnounced: [] },
      { year: '2026', announced: 0, takesEffect: 1, amountsAnnounced: [] },
    ]);
    expect(aidSummary(years)).toBe('3 announced in 2024; 1 takes effect in 2026.');
  });

  it('totals the amounts announced each year per currency, never across currencies', () => {
    const years = aidByYear([
      item('pkg', '2024-07-11', undefined, 225e6),
      item('inside', '2024-07-11', undefined, 25e6, 'pkg'),
      item('gates', '2024-03-03', undefined, 40e6, undefined, 'EUR'),
      item('dinner', '2024-03-04', undefined, 850_000, undefined, 'EUR'),
      item('more', '2024-09-01', undefined, 5e6),
    ]);
    expect(years.map((y) => y.amountsAnnounced)).toEqual([
      [
        { value: 230e6, currency: 'USD' },
        { value: 40_850_000, currency: 'EUR' },
      ],
    ]);
  });
});

describe('sortAid', () => {
  it('sorts by amount both ways with missing amounts last', () => {
    const items = [item('a', '2024-01-01', undefined, 5), item('b', '2024-01-02'), item('c', '2024-01-03', undefined, 9)];
    expect(sortAid(items, 'amount', 'asc', index).map((i) => i.id)).toEqual(['a', 'c', 'b']);
    expect(sortAid(items, 'amount', 'desc', index).map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(sortAid(items, 'announced', 'desc', index).map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });

  it('never compares amounts across currencies: by currency, then by value within it', () => {
    const items = [
      item('usd-big', '2024-01-01', undefined, 9e6),
      item('eur-small', '2024-01-02', undefined, 850_000, undefined, 'EUR'),
      item('usd-small', '2024-01-03', undefined, 1e6),
      item('eur-big', '2024-01-04', undefined, 40e6, undefined, 'EUR'),
      item('none', '2024-01-05'),
    ];
    expect(sortAid(items, 'amount', 'asc', index).map((i) => i.id)).toEqual(['eur-small', 'eur-big', 'usd-small', 'usd-big', 'none']);
    expect(sortAid(items, 'amount', 'desc', index).map((i) => i.id)).toEqual(['eur-big', 'eur-small', 'usd-big', 'usd-small', 'none']);
  });
});

describe('aidTotals', () => {
  it('totals per currency, counting an item inside a package with its package only', () => {
    expect(
      aidTotals([
        item('pkg', '2024-07-11', undefined, 225e6),
        item('inside', '2024-07-11', undefined, 25e6, 'pkg'),
        item('gates', '2024-03-03', undefined, 40e6, undefined, 'EUR'),
      ]),
    ).toEqual([
      { value: 225e6, currency: 'USD' },
      { value: 40e6, currency: 'EUR' },
    ]);
  });
});

describe('the aid chart’s money and roll-up', () => {
  const pkg = { ...item('pkg', '2024-07-11', undefined, 225e6), item: 'Package' };
  const patriot = { ...item('patriot', '2024-07-11', undefined, undefined, 'pkg'), category: 'weapon-system', item: 'Patriot' };
  const inside = item('inside', '2024-07-11', undefined, 25e6, 'pkg');
  const gates = { ...item('gates', '2024-03-03', '2027', 40e6, undefined, 'EUR'), status: 'planned' };
  const later = { ...item('later', '2024-09-01', undefined, 5e6), status: 'delivered' };
  const withAid = buildIndex({ ...index.dataset, aid: [pkg, patriot, inside, gates, later] } as Dataset);

  it('totals money by donor and status per currency, a package’s items not counted again, announced apart from delivered', () => {
    expect(moneyByDonorAndStatus([pkg, patriot, inside, gates, later], withAid)).toEqual([
      {
        currency: 'USD',
        rows: [
          { donor: 'United States', status: 'announced', statusLabel: 'Announced', value: 225e6, items: 1 },
          { donor: 'United States', status: 'delivered', statusLabel: 'Delivered', value: 5e6, items: 1 },
        ],
      },
      { currency: 'EUR', rows: [{ donor: 'United States', status: 'planned', statusLabel: 'Planned', value: 40e6, items: 1 }] },
    ]);
  });

  it('puts items inside their package, and keeps the package in view as context when only an item matches', () => {
    expect(rollUp([later, patriot, pkg, gates], withAid).map((r) => [r.item.id, r.depth, r.context])).toEqual([
      ['gates', 0, false],
      ['pkg', 0, false],
      ['patriot', 1, false],
      ['later', 0, false],
    ]);
    expect(rollUp([patriot], withAid).map((r) => [r.item.id, r.depth, r.context])).toEqual([
      ['pkg', 0, true],
      ['patriot', 1, false],
    ]);
  });
});
