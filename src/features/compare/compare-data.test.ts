import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../dataset/indexes';
import { Dataset } from '../../dataset/schema';
import { dateSpan, isoToDay } from '../../lib/dates';
import { NO_FILTERS, select } from '../../dataset/select';
import { mutated, validDataset } from '../../testing/test-fixtures';
import { compareEvents, compareTitle, contextOf, defaultPair, describePair, requesterEvidence } from './compare-data';

const briefing = buildIndex(Dataset.parse(JSON.parse(readFileSync('public/data/briefing.json', 'utf8'))));
const JUNE = 'ev-call-2024-06-25';
const JULY = 'ev-call-2024-07-12';

describe('defaultPair', () => {
  it('picks the two most recent calls of the selection, older first', () => {
    expect(defaultPair(select(briefing, NO_FILTERS).events, briefing)).toEqual([JUNE, JULY]);
    const before = select(briefing, { ...NO_FILTERS, to: '2024-07-01' });
    expect(defaultPair(before.events, briefing)).toEqual(['ev-last-contact-2023-03', JUNE]);
  });

  it('takes the contacts the vocabulary declares, and with fewer than two leaves the pick to the user', () => {
    const index = buildIndex(Dataset.parse(mutated((d) => (d.events[0].kind = 'other'))));
    expect(defaultPair(select(index, NO_FILTERS).events, index)).toBeNull();
    expect(defaultPair([], index)).toBeNull();
    const talks = buildIndex(Dataset.parse(JSON.parse(readFileSync('e2e/fixtures/valid/maritime-talks.json', 'utf8'))));
    const pair = defaultPair(select(talks, NO_FILTERS).events, talks);
    expect(pair).toEqual(['mt-varna', 'mt-constanta']);
    expect(describePair(pair!, talks)).toBe('the two latest contacts: meeting 10 Mar 2026, meeting 22 Apr 2026');
    const dinners = select(talks, { ...NO_FILTERS, to: '2026-03-31' }).events;
    expect(describePair(defaultPair(dinners, talks)!, talks)).toBe(
      'the two latest contacts: working dinner 10 Mar 2026, meeting 10 Mar 2026',
    );
  });

  it('keeps the panel’s title where the dataset has calls and speaks of contacts where it has none', () => {
    expect(compareTitle(briefing, 'Compare calls')).toBe('Compare calls');
    const talks = buildIndex(Dataset.parse(JSON.parse(readFileSync('e2e/fixtures/valid/maritime-talks.json', 'utf8'))));
    expect(compareTitle(talks, 'Compare calls')).toBe('Compare contacts');
  });
});

describe('compareEvents', () => {
  const cmp = compareEvents(briefing, JUNE, JULY)!;
  const row = (key: string) => cmp.rows.find((r) => r.key === key)!;

  it('shows who asked for each call as the dataset and the sources tell it', () => {
    const requested = row('requested');
    expect(requested.a[0].text).toBe('United States');
    expect(requested.b[0].text).toBe('Russia');
    expect(requested.differs).toBe(true);
    const june = requested.a[0].evidence!;
    expect(june.map((e) => e.source)).toContain('003_a8b5c246d29d0359');
    expect(june.some((e) => /request of America/.test(e.excerpt))).toBe(true);
    // The July versions are not put under June, though they come from the same discrepancy.
    expect(june.some((e) => /initiated by Moscow/.test(e.excerpt))).toBe(false);
    const july = requested.b[0].evidence!;
    expect(new Set(july.filter((e) => /initiated by Moscow/.test(e.excerpt)).map((e) => e.source))).toEqual(
      new Set(['001_990f2022e489dc6a', '002_9128ac7de54e078c']),
    );
    // Every excerpt shown is the dataset's own words for that source.
    const words = new Map(briefing.dataset.discrepancies.flatMap((d) => d.versions).map((v) => [v.excerpt, v.source]));
    for (const c of [...briefing.events.get(JUNE)!.citations, ...briefing.events.get(JULY)!.citations]) words.set(c.excerpt, c.source);
    for (const e of [...june, ...july]) expect(words.get(e.excerpt)).toBe(e.source);
  });

  it('lists who read out each call and groups what was said by side', () => {
    expect(row('readout').a.map((i) => i.text)).toContain('Patrick Ryder for Lloyd Austin');
    expect(row('readout').b.map((i) => i.text)).toContain('Sabrina Singh for Lloyd Austin');
    expect(row('readout').differs).toBe(true);
    const us = row('said:US');
    const ru = row('said:Russia');
    expect(us.label).toBe('What the US side said');
    expect(us.a.length).toBeGreaterThan(0);
    expect(ru.b.map((i) => i.recordId)).toContain('q-mod-preventing-threats');
    expect(row('precision').a[0].text).not.toBe(row('precision').b[0].text);
    expect(row('kind').differs).toBe(false);
  });

  it('gives the context of the days before from the whole dataset, marking shared events', () => {
    const ctx = row('context');
    const juneDay = isoToDay('2024-06-25');
    for (const id of ctx.a.map((i) => i.recordId!)) {
      const e = briefing.events.get(id)!;
      const [start, end] = dateSpan(e.date, e.end);
      expect(start).toBeLessThan(juneDay);
      expect(end).toBeGreaterThanOrEqual(juneDay - 14);
    }
    expect(ctx.a.map((i) => i.recordId)).toContain('ev-crimea-strike-2024-06-23');
    expect(ctx.b.map((i) => i.recordId)).toContain('ev-white-house-missiles-germany');
    expect(ctx.b.map((i) => i.recordId)).not.toContain(JUNE);
    const shared = row('disputes')
      .a.filter((i) => i.shared)
      .map((i) => i.recordId);
    expect(shared).toContain('d-call-requester');
  });

  it('compares any two events of any dataset, and refuses unknown ids', () => {
    const index = buildIndex(Dataset.parse(validDataset()));
    const c = compareEvents(index, 'ev-call', 'ev-summit')!;
    expect(c.rows.find((r) => r.key === 'requested')!.a[0].text).toBe('Joe Biden');
    expect(c.rows.find((r) => r.key === 'requested')!.b[0].text).toBe('Not recorded');
    expect(contextOf(index, index.events.get('ev-summit')!, 14).map((e) => e.id)).toEqual(['ev-call']);
    expect(requesterEvidence(index, index.events.get('ev-summit')!)).toEqual([]);
    expect(compareEvents(index, 'ev-call', 'nope')).toBeNull();
  });
});
