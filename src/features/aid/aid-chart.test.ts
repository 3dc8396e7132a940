import { describe, expect, it } from 'vitest';
import { yearInterval } from './aid-chart';

describe('year labels that fit the width', () => {
  it('labels every year when they fit, else every second or third', () => {
    expect(yearInterval(5, 800)).toBe(0);
    expect(yearInterval(30, 400)).toBeGreaterThan(0);
    expect(Math.ceil(30 / (yearInterval(30, 400) + 1)) * 44).toBeLessThanOrEqual(400);
  });
});
