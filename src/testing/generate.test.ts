import { describe, expect, it } from 'vitest';
import { generateDataset, plannedCounts } from './generate';
import type { DatasetInput } from '../dataset/schema';
import { inlineTexts, validateParsed } from '../dataset/validate';

const validate = (ds: DatasetInput) => validateParsed(JSON.parse(JSON.stringify(ds)), (d) => inlineTexts(d));
const total = (ds: DatasetInput) => ds.events.length + ds.quotes.length + ds.aid.length + ds.discrepancies.length;
const problemsOf = (result: ReturnType<typeof validate>) => (result.ok ? [] : result.problems.slice(0, 5));

/** How many records mention each actor: event actors, speakers, donors, recipients, concerns. */
function actorActivity(ds: DatasetInput): number[] {
  const counts = new Map<string, number>(ds.actors.map((a) => [a.id, 0]));
  const bump = (id: string | undefined) => {
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  for (const e of ds.events) new Set(e.actors).forEach(bump);
  for (const q of ds.quotes) {
    bump(q.speaker);
    bump(q.onBehalfOf);
  }
  for (const a of ds.aid) {
    bump(a.donor);
    bump(a.recipient);
  }
  for (const d of ds.discrepancies) d.concerns?.actors?.forEach(bump);
  return [...counts.values()].sort((a, b) => b - a);
}

describe('generateDataset', () => {
  it('is deterministic: the same seed gives byte-identical JSON', () => {
    const a = JSON.stringify(generateDataset({ records: 1000, seed: 42 }));
    const b = JSON.stringify(generateDataset({ records: 1000, seed: 42 }));
    expect(a).toBe(b);
  });

  it('gives different datasets for different seeds', () => {
    const a = JSON.stringify(generateDataset({ records: 1000, seed: 1 }));
    const b = JSON.stringify(generateDataset({ records: 1000, seed: 2 }));
    expect(a).not.toBe(b);
  });

  it('makes a 1000-record dataset that passes the validator, split about 40/40/15/5', () => {
    const ds = generateDataset({ records: 1000, seed: 7 });
    const result = validate(ds);
    expect(problemsOf(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(total(ds)).toBe(1000);
    expect([ds.events.length, ds.quotes.length, ds.aid.length, ds.discrepancies.length]).toEqual([400, 400, 150, 50]);
    expect(ds.sources.length).toBe(5);
    expect(ds.actors.length).toBe(10);
  });

  it('is valid at small and odd sizes too', () => {
    for (const records of [0, 1, 2, 3, 4, 7, 19, 58, 333]) {
      const ds = generateDataset({ records, seed: records + 11 });
      const result = validate(ds);
      expect(problemsOf(result), `records ${records}`).toEqual([]);
      expect(total(ds)).toBe(records);
    }
  });

  it('is valid at 20k records, with sources and actors growing sub-linearly', () => {
    const ds = generateDataset({ records: 20_000, seed: 3 });
    const result = validate(ds);
    expect(problemsOf(result)).toEqual([]);
    expect(total(ds)).toBe(20_000);
    expect(ds.sources.length).toBe(100);
    expect(ds.actors.length).toBe(200);
    expect(new Set(ds.sources.map((s) => s.outlet)).size).toBeGreaterThan(5);
  });

  it('caps sources at 400 and actors at 1500', () => {
    expect(plannedCounts(1_000_000)).toMatchObject({ sources: 400, actors: 1500, events: 400_000, discrepancies: 50_000 });
  });

  it('keeps every text inline and every excerpt verbatim', () => {
    const ds = generateDataset({ records: 2000, seed: 5 });
    const texts = new Map(ds.sources.map((s) => [s.id, s.text ?? '']));
    for (const s of ds.sources) {
      expect(s.textPath).toBeUndefined();
      expect(s.text).toBeTruthy();
      if (s.outletExcerpt !== undefined) expect(s.text).toContain(s.outletExcerpt);
    }
    const excerpts = [...ds.actors, ...ds.events, ...ds.quotes, ...ds.aid].flatMap((r) => r.citations);
    for (const c of excerpts) expect(texts.get(c.source)?.includes(c.excerpt), c.excerpt).toBe(true);
    for (const d of ds.discrepancies) {
      expect(d.versions).toHaveLength(2);
      expect(d.versions[0].source).not.toBe(d.versions[1].source);
    }
  });

  it('has ids unique across the whole dataset', () => {
    const ds = generateDataset({ records: 3000, seed: 9 });
    const ids = (['sources', 'actors', 'events', 'quotes', 'aid', 'discrepancies'] as const).flatMap((k) => ds[k].map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is skewed: the most active actor appears in far more records than the median actor', () => {
    // 1000 records have only 10 actors, so the tail is short; at 20k there are 200.
    for (const [records, factor] of [
      [1000, 3],
      [20_000, 20],
    ]) {
      const activity = actorActivity(generateDataset({ records, seed: 4 }));
      const median = activity[Math.floor(activity.length / 2)];
      expect(activity[0], `records ${records}: top ${activity[0]}, median ${median}`).toBeGreaterThan(factor * Math.max(1, median));
    }
  });

  it('mixes date precisions, keeps calls rare and effective dates after announcements', () => {
    const ds = generateDataset({ records: 5000, seed: 12 });
    const precisions = new Map<string, number>();
    for (const e of ds.events) precisions.set(e.date.precision, (precisions.get(e.date.precision) ?? 0) + 1);
    expect(precisions.get('day')! / ds.events.length).toBeGreaterThan(0.6);
    for (const p of ['month', 'approximate', 'weekday']) expect(precisions.get(p) ?? 0).toBeGreaterThan(0);
    for (const e of ds.events) if (e.date.precision === 'weekday') expect(e.date.as).toBeTruthy();
    const calls = ds.events.filter((e) => e.kind === 'call').length;
    const statements = ds.events.filter((e) => e.kind === 'statement').length;
    expect(calls).toBeLessThan(statements / 3);
    expect(ds.aid.some((a) => a.partOf !== undefined)).toBe(true);
    expect(ds.quotes.some((q) => q.onBehalfOf !== undefined)).toBe(true);
    expect(ds.sources.some((s) => s.reposts !== undefined)).toBe(true);
  });
});
