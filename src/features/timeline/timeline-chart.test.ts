import { describe, expect, it } from 'vitest';
import { dateTickCount, niceTicks } from './timeline-chart';

describe('niceTicks', () => {
  it('gives round steps inside the range, about as many as asked', () => {
    expect(niceTicks(0, 100, 6)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(19_890, 19_920, 4)).toEqual([19_890, 19_900, 19_910, 19_920]);
    const ticks = niceTicks(18_993, 20_450, 6);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(7);
    expect(ticks.every((t) => t >= 18_993 && t <= 20_450)).toBe(true);
    const steps = new Set(ticks.slice(1).map((t, i) => t - ticks[i]));
    expect(steps.size).toBe(1);
    expect([100, 200, 250, 500]).toContain([...steps][0]);
  });

  it('copes with an empty or reversed range', () => {
    expect(niceTicks(5, 5, 6)).toEqual([5]);
    expect(niceTicks(9, 3, 6)).toEqual([9]);
  });
});

describe('tick counts that fit the width', () => {
  it('draws fewer date labels on a narrow chart, between 2 and 6', () => {
    expect(dateTickCount(1100)).toBe(6);
    expect(dateTickCount(500)).toBe(3);
    expect(dateTickCount(200)).toBe(2);
  });
});
