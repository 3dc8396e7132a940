import { describe, expect, it } from 'vitest';
import { generateDataset } from '../src/testing/generate';
import { breakdown, clickPlan, filterChanges, interactionLatency, judge, median, percentile, TARGETS, type EventEntry } from './bench-plan';

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

describe('judge', () => {
  it('judges each target at the sizes it names, only for the sizes measured', () => {
    const verdicts = judge({ default: { filterMedianMs: 12, firstRenderMs: 1200 }, '10k': { filterMedianMs: 16 } });
    const at = (target: string, size: string) => verdicts.find((v) => v.target === target && v.size === size);
    expect(at('filterMedianMs', 'default')).toMatchObject({ max: 16, value: 12, met: true });
    expect(at('filterMedianMs', '10k')).toMatchObject({ max: 16, value: 16, met: true });
    expect(at('firstRenderMs', 'default')).toMatchObject({ max: 1000, value: 1200, met: false });
    expect(verdicts.some((v) => v.size === '100k')).toBe(false);
    // 1k has no first-render target, and a figure not measured is never met.
    expect(judge({ '1k': { firstRenderMs: 1 } }).some((v) => v.target === 'firstRenderMs')).toBe(false);
    expect(at('clickPaintMedianMs', 'default')).toMatchObject({ max: TARGETS.clickPaintMedianMs.sizes.default, met: false });
    expect(at('clickPaintMedianMs', 'default')!.value).toBeNaN();
  });
});

describe('interactionLatency', () => {
  const entry = (name: string, interactionId: number, duration: number, processing = 2): EventEntry => ({
    name,
    interactionId,
    startTime: 100,
    duration,
    processingStart: 101,
    processingEnd: 101 + processing,
  });

  it('takes the longest entry of the interaction and sums its handlers', () => {
    const r = interactionLatency([
      entry('pointerdown', 7, 24, 1),
      entry('pointerup', 7, 32, 3),
      entry('click', 7, 32, 20),
      entry('pointerover', 0, 80),
    ]);
    expect(r).toEqual({ durationMs: 32, processingMs: 24 });
  });

  it('says null when the browser reported nothing (under its 16 ms threshold)', () => {
    expect(interactionLatency([])).toBeNull();
    expect(interactionLatency([entry('pointerenter', 0, 40)])).toBeNull();
  });
});

describe('breakdown', () => {
  it("sums a panel's commits per change and takes the median, counting a change that skipped it as 0", () => {
    const rows = breakdown([
      [
        { id: 'timeline', ms: 10 },
        { id: 'timeline', ms: 5 },
        { id: 'quotes', ms: 2 },
      ],
      [{ id: 'timeline', ms: 20 }],
      [
        { id: 'timeline', ms: 1 },
        { id: 'quotes', ms: 4 },
      ],
    ]);
    expect(rows).toEqual([
      { id: 'timeline', medianMs: 15, p95Ms: 20, rendered: 3 },
      { id: 'quotes', medianMs: 2, p95Ms: 4, rendered: 2 },
    ]);
  });
});

describe('clickPlan', () => {
  it('checks then unchecks each box, taking turns between sources and actors', () => {
    expect(clickPlan(6, { Sources: 5, Actors: 5 })).toEqual([
      { group: 'Sources', nth: 0, check: true },
      { group: 'Sources', nth: 0, check: false },
      { group: 'Actors', nth: 0, check: true },
      { group: 'Actors', nth: 0, check: false },
      { group: 'Sources', nth: 1, check: true },
      { group: 'Sources', nth: 1, check: false },
    ]);
  });

  it('wraps round a short list, uses the other list when one is empty, and stops when both are', () => {
    expect(clickPlan(8, { Sources: 1, Actors: 0 }).every((s) => s.group === 'Sources' && s.nth === 0)).toBe(true);
    expect(clickPlan(8, { Sources: 1, Actors: 0 })).toHaveLength(8);
    expect(clickPlan(4, { Sources: 0, Actors: 0 })).toEqual([]);
    expect(clickPlan(3, { Sources: 2, Actors: 2 }).map((s) => s.check)).toEqual([true, false, true]);
  });
});
