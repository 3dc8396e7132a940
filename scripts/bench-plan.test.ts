import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/testing/generate';
import { filterChanges, median, percentile } from './bench-plan';

describe('median and percentile', () => {
  it('take the middle, the mean of the two middles, and the nearest rank', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([], 95)).toBeNaN();
  });
});

describe('filterChanges', () => {
  const dataset = generateDataset({ records: 800, seed: 3 });

  it('takes turns over the four kinds, with values the dataset has', () => {
    const plan = filterChanges(dataset, 24);
    expect(plan).toHaveLength(24);
    expect(plan.slice(0, 4).map((c) => c.kind)).toEqual(['source', 'actor', 'text', 'date']);
    const sources = new Set(dataset.sources.map((s) => s.id));
    const actors = new Set(dataset.actors.map((a) => a.id));
    const text = JSON.stringify(dataset).toLowerCase();
    for (const c of plan) {
      const p = new URLSearchParams(c.query);
      if (c.kind === 'source') expect(sources.has(p.get('src')!)).toBe(true);
      if (c.kind === 'actor') expect(actors.has(p.get('actor')!)).toBe(true);
      if (c.kind === 'text') expect(text).toContain(p.get('q')!);
      if (c.kind === 'date') expect(p.get('from')! <= p.get('to')!).toBe(true);
    }
  });

  it('varies the values and gives the same plan for the same dataset', () => {
    const plan = filterChanges(dataset, 24);
    expect(new Set(plan.map((c) => c.query)).size).toBeGreaterThan(16);
    expect(filterChanges(dataset, 24)).toEqual(plan);
  });
});
