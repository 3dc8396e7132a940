import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../dataset/indexes';
import type { AidItem, Dataset } from '../../dataset/schema';
import { aidByYear, aidSummary, sortAid } from './aid-data';

const item = (id: string, announced: string, effective?: string, value?: number, partOf?: string): AidItem => ({
  id,
  donor: 'us',
  item: id,
  category: 'aid-package',
  announced: { value: announced, precision: 'day' },
  effective: effective ? { value: effective, precision: 'year' } : undefined,
  amount: value === undefined ? undefined : { value, currency: 'USD' },
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
    const years = aidByYear([item('pkg', '2024-07-11', undefined, 225e6), item('patriot', '2024-07-11', undefined, undefined, 'pkg'), item('tomahawk', '2024-07-10', '2026')]);
    expect(years).toEqual([
      { year: '2024', announced: 3, takesEffect: 0, amountAnnounced: 225e6 },
      { year: '2025', announced: 0, takesEffect: 0, amountAnnounced: 0 },
      { year: '2026', announced: 0, takesEffect: 1, amountAnnounced: 0 },
    ]);
    expect(aidSummary(years)).toBe('3 announced in 2024; 1 takes effect in 2026.');
  });
});

describe('sortAid', () => {
  it('sorts by amount both ways with missing amounts last', () => {
    const items = [item('a', '2024-01-01', undefined, 5), item('b', '2024-01-02'), item('c', '2024-01-03', undefined, 9)];
    expect(sortAid(items, 'amount', 'asc', index).map((i) => i.id)).toEqual(['a', 'c', 'b']);
    expect(sortAid(items, 'amount', 'desc', index).map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(sortAid(items, 'announced', 'desc', index).map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });
});
