import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../dataset/indexes';
import type { Dataset, Event } from '../../dataset/schema';
import { dayToIso, isoToDay } from '../../lib/dates';
import { MAX_POINTS, focusWindow, timelineData } from './timeline-data';

const ev = (id: string, value: string, kind: Event['kind'] = 'statement', actors: string[] = []): Event => ({
  id,
  date: { value, precision: 'day' },
  kind,
  title: id,
  summary: id,
  actors,
  citations: [{ source: 's', excerpt: 'x' }],
});

const indexOf = (events: Event[]) =>
  buildIndex({
    title: 't',
    version: '1',
    date: '2024-01-01',
    sources: [],
    actors: [
      { id: 'a', name: 'Alpha', kind: 'person', role: 'r', affiliation: 'X', aliases: [], citations: [] },
      { id: 'b', name: 'Beta', kind: 'person', role: 'r', affiliation: 'Y', aliases: [], citations: [] },
    ],
    events,
    quotes: [],
    aid: [],
    discrepancies: [],
  } as unknown as Dataset);

describe('timelineData', () => {
  it('puts one point per event in its kind lane, calls flagged', () => {
    const events = [ev('c1', '2024-06-25', 'call'), ev('s1', '2024-07-10', 'summit'), ev('c2', '2024-07-12', 'call')];
    const data = timelineData(events, 'kind', indexOf(events));
    expect(data.lanes).toEqual(['call', 'summit']);
    expect(data.points.map((p) => [p.ids[0], p.lane, p.isCall])).toEqual([
      ['c1', 0, true],
      ['s1', 1, false],
      ['c2', 0, true],
    ]);
    expect(data.binDays).toBe(1);
  });

  it('orders and names kind lanes by the dataset’s own vocabulary', () => {
    const events = [ev('d1', '2024-06-25', 'working-dinner'), ev('m1', '2024-07-10', 'meeting')];
    const index = indexOf(events);
    const own = buildIndex({
      ...index.dataset,
      vocabulary: {
        eventKinds: [
          { id: 'meeting', label: 'Meeting', contact: true },
          { id: 'working-dinner', label: 'Working dinner', contact: true },
        ],
      },
    });
    const data = timelineData(events, 'kind', own);
    expect(data.lanes).toEqual(['meeting', 'working-dinner']);
    expect(data.laneLabels).toEqual(['Meeting', 'Working dinner']);
    expect(timelineData(events, 'actor', own).laneLabels).toEqual(['Others']);
  });

  it('puts an event in each of its actors’ lanes', () => {
    const events = [ev('e1', '2024-06-25', 'call', ['a', 'b']), ev('e2', '2024-06-26', 'call', ['a'])];
    const data = timelineData(events, 'actor', indexOf(events));
    expect(data.lanes).toEqual(['Alpha', 'Beta']);
    expect(data.points.filter((p) => p.ids[0] === 'e1').map((p) => p.lane)).toEqual([0, 1]);
  });

  it('bins events once there are too many points to draw', () => {
    const start = isoToDay('2020-01-01');
    const events = Array.from({ length: MAX_POINTS * 3 }, (_, i) =>
      ev(`e${i}`, dayToIso(start + (i % 700)), i % 50 === 0 ? 'call' : 'statement'),
    );
    const data = timelineData(events, 'kind', indexOf(events), true);
    expect(data.binDays).toBeGreaterThan(1);
    expect(data.points.length).toBeLessThan(events.length);
    expect(data.points.reduce((n, p) => n + p.count, 0)).toBe(events.length);
    expect(data.points.some((p) => p.isCall)).toBe(true);
  });
});

describe('focusWindow', () => {
  it('focuses on the dense period when background events lie years back', () => {
    const story = Array.from({ length: 12 }, (_, i) => ev(`s${i}`, dayToIso(isoToDay('2024-06-20') + i * 2)));
    const events = [ev('old1', '2014-03-01'), ev('old2', '2019-08-01'), ...story];
    const [from, to] = focusWindow(events);
    expect(from).toBeGreaterThan(isoToDay('2024-01-01'));
    expect(to).toBeLessThan(isoToDay('2024-09-01'));
    const data = timelineData(events, 'kind', indexOf(events));
    expect(data.hiddenBefore).toBe(2);
    expect(data.points).toHaveLength(12);
  });

  it('keeps the whole span when events are spread evenly', () => {
    const events = Array.from({ length: 20 }, (_, i) => ev(`e${i}`, dayToIso(isoToDay('2024-01-01') + i * 10)));
    expect(focusWindow(events)).toEqual([-Infinity, Infinity]);
  });
});
