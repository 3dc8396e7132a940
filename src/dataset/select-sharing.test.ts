import { describe, expect, it } from 'vitest';
import { buildIndex } from './indexes';
import { Dataset } from './schema';
import { NO_FILTERS, reuseUnchanged, select, selectSharing } from './select';
import { validDataset } from '../testing/test-fixtures';

describe('selections share the lists a filter change leaves as they were', () => {
  const index = buildIndex(Dataset.parse(validDataset()));

  it('gives the previous array for a list with the same records, a new one where they differ', () => {
    const all = selectSharing(index, NO_FILTERS);
    const onlyEvents = selectSharing(index, { ...NO_FILTERS, types: ['event'] });
    expect(onlyEvents.events).toBe(all.events);
    expect(onlyEvents.quotes).not.toBe(all.quotes);
    expect(onlyEvents.quotes).toEqual([]);
    const back = selectSharing(index, NO_FILTERS);
    expect(back.events).toBe(all.events);
    expect(back.quotes).not.toBe(onlyEvents.quotes);
    expect(back.quotes).toEqual(all.quotes);
  });

  it('keeps what select gives, list by list', () => {
    const filters = { ...NO_FILTERS, types: ['quote' as const] };
    const plain = select(index, filters);
    const shared = reuseUnchanged(select(index, NO_FILTERS), plain);
    expect(shared).toEqual(plain);
    expect(shared.facets).toBe(plain.facets);
    expect(reuseUnchanged(null, plain)).toBe(plain);
  });

  it('tells a list apart by its records, not only its length', () => {
    const a = select(index, NO_FILTERS);
    const swapped = { ...a, events: [...a.events].reverse() };
    expect(a.events.length).toBeGreaterThan(1);
    expect(reuseUnchanged(a, swapped).events).toBe(swapped.events);
  });
});
