import { describe, expect, it } from 'vitest';
import { buildIndex } from '../dataset/indexes';
import { Dataset } from '../dataset/schema';
import { NO_FILTERS } from '../dataset/select';
import { validDataset } from '../testing/test-fixtures';
import { formatMadeAt, makeCaption, outletNames } from './caption';

const index = buildIndex(Dataset.parse(validDataset()));

describe('makeCaption', () => {
  it('says what is shown, under which filters, from which outlets, of which dataset, and when', () => {
    const c = makeCaption({
      index,
      filters: { ...NO_FILTERS, sources: ['src-site'], actors: ['biden'], from: '2024-07-01', to: '2024-07-31' },
      subject: 'Quote board',
      sourceIds: ['src-site'],
      madeAt: new Date('2024-08-01T12:34:56Z'),
    });
    expect(c).toEqual({
      title: 'Test briefing',
      subject: 'Quote board',
      filters: 'Filters: Sources: Kyiv Daily · Actors: Joe Biden · 1 Jul 2024 – 31 Jul 2024',
      outlets: 'Outlets: Kyiv Daily',
      dataset: 'Dataset version 1, compiled 15 Jul 2024',
      madeAt: 'Made 2024-08-01 12:34 UTC',
    });
  });

  it('says when nothing is shown', () => {
    const c = makeCaption({ index, filters: NO_FILTERS, subject: 'Dashboard', sourceIds: [], madeAt: new Date(0) });
    expect(c.filters).toBe('Filters: No filters');
    expect(c.outlets).toBe('Outlets: none (nothing shown)');
  });
});

describe('outletNames', () => {
  it('lists each outlet once, in the order of the Sources filter', () => {
    expect(outletNames(['src-site', 'src-wire', 'src-site'], index)).toEqual(['AFP', 'Kyiv Daily']);
  });
});

describe('formatMadeAt', () => {
  it('is in UTC to the minute', () => {
    expect(formatMadeAt(new Date('2024-12-31T23:59:59.999Z'))).toBe('2024-12-31 23:59 UTC');
  });
});
