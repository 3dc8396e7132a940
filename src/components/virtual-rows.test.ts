import { describe, expect, it } from 'vitest';
import { chunk, gridColumns } from './virtual-rows';

describe('gridColumns', () => {
  it('counts the columns of an auto-fill grid as the browser lays them out', () => {
    // repeat(auto-fill, minmax(320px, 1fr)) with a 8.8px gap
    expect(gridColumns(751, 320, 8.8)).toBe(2);
    expect(gridColumns(648.8, 320, 8.8)).toBe(2);
    expect(gridColumns(648.7, 320, 8.8)).toBe(1);
    expect(gridColumns(1200, 320, 8.8)).toBe(3);
  });

  it('never gives fewer than one column', () => {
    expect(gridColumns(100, 320, 8.8)).toBe(1);
    expect(gridColumns(0, 330, 11.2)).toBe(1);
  });
});

describe('chunk', () => {
  it('cuts a list into rows, the last one shorter', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
    expect(chunk([], 2)).toEqual([]);
  });
});
