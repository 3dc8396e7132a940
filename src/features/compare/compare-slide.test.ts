import { describe, expect, it } from 'vitest';
import { cellLines, pairHeadline } from './compare-slide';

describe('the Compare slide', () => {
  it('names both events whole when they fit two lines of the headline, else cuts the longer', () => {
    expect(pairHeadline('Talks in Varna', 'Second round of talks')).toBe('Talks in Varna and Second round of talks');
    const long = pairHeadline('A short title', 'x'.repeat(200));
    expect(long.startsWith('A short title and x')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(90);
    const both = pairHeadline('a'.repeat(80), 'b'.repeat(80));
    expect(both.length).toBeLessThanOrEqual(90);
    expect(both).toMatch(/^a+… and b+…$/);
  });

  it('counts a cell’s lines with its citation numbers and detail', () => {
    expect(cellLines({ text: 'United States', cites: [] })).toBe(1);
    expect(cellLines({ text: 'x'.repeat(40), cites: [], detail: 'as recorded' })).toBe(1);
    expect(cellLines({ text: 'x'.repeat(40), cites: [1, 2], detail: 'as recorded' })).toBe(2);
  });
});
