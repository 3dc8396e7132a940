import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../dataset/select';
import { describeCombination } from './describe-filters';

describe('describeCombination', () => {
  it('says nothing without filters', () => {
    expect(describeCombination(NO_FILTERS)).toBe('');
  });

  it('says “any of” within a filter and joins the filters with “and”', () => {
    expect(describeCombination({ ...NO_FILTERS, sources: ['a', 'b'], actors: ['x', 'y'] })).toBe(
      'Records that cite any of the chosen sources and involve any of the chosen actors.',
    );
    expect(describeCombination({ ...NO_FILTERS, sources: ['a'], from: '2024-06-01', q: 'air defence' })).toBe(
      'Records that cite the chosen source, fall within the dates and contain every word searched.',
    );
  });
});
