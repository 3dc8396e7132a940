import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../dataset/indexes';
import type { Dataset, Event } from '../../dataset/schema';
import { dayToIso, isoToDay } from '../../lib/dates';
import {
  MAX_POINTS,
  brushBins,
  contactLegend,
  contactWords,
  fitDomain,
  focusWindow,
  placeLabels,
  timelineData,
  timelineSummary,
} from './timeline-data';

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
    expect(data.points.map((p) => [p.ids[0], p.lane, p.contact])).toEqual([
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
    expect(data.points.some((p) => p.contact)).toBe(true);
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

const dated = (id: string, value: string, precision: Event['date']['precision'], kind: Event['kind'] = 'statement'): Event => ({
  ...ev(id, value, kind),
  date: { value, precision },
});

describe('marks of imprecise dates and of one date', () => {
  it('draws a month-only event as a faint span over its month, never a point on the 1st, and names it "May 2024"', () => {
    const events = [dated('m', '2024-05', 'month'), ev('d', '2024-05-20')];
    const data = timelineData(events, 'kind', indexOf(events));
    const m = data.points.find((p) => p.ids[0] === 'm')!;
    expect(m.approx).toBe(true);
    expect([m.day, m.end]).toEqual([isoToDay('2024-05-01'), isoToDay('2024-05-31')]);
    expect(m.dateText).toBe('May 2024');
    const d = data.points.find((p) => p.ids[0] === 'd')!;
    expect([d.approx, d.day, d.end, d.dateText]).toEqual([false, isoToDay('2024-05-20'), isoToDay('2024-05-20'), '20 May 2024']);
  });

  it('groups the events of one date in one lane into one mark with a count, contacts kept visible', () => {
    const events = [
      ...Array.from({ length: 6 }, (_, i) => dated(`j${i}`, '2024-07', 'approximate')),
      dated('c', '2024-07-12', 'weekday', 'call'),
      ev('s', '2024-07-12'),
    ];
    const data = timelineData(events, 'kind', indexOf(events), true);
    const july = data.points.filter((p) => p.ids.some((id) => id.startsWith('j')));
    expect(july).toHaveLength(1);
    expect(july[0].count).toBe(6);
    expect(july[0].label).toBe('6 events');
    expect(july[0].dateText).toBe('c. Jul 2024');
    const call = data.points.find((p) => p.ids.includes('c'))!;
    expect([call.contact, call.approx, call.count]).toEqual([true, true, 1]);
    expect(data.eventCount).toBe(8);
  });

  it('counts events, not actor–event pairs, when an event sits in several actor lanes', () => {
    const events = [ev('e1', '2024-06-25', 'call', ['a', 'b']), ev('e2', '2024-06-26', 'call', ['a'])];
    const index = indexOf(events);
    const data = timelineData(events, 'actor', index);
    expect(data.points).toHaveLength(3);
    expect(data.eventCount).toBe(2);
    expect(timelineSummary(data, events, index)).toMatch(
      /^Chart: 2 events from 25 Jun 2024 to 26 Jun 2024 in 2 lanes; 2 calls: 25 Jun 2024, 26 Jun 2024\.$/,
    );
  });

  it('names a month-only event "May 2024" in the summary', () => {
    const events = [dated('m', '2024-05', 'month', 'appointment')];
    const index = indexOf(events);
    expect(timelineSummary(timelineData(events, 'kind', index), events, index)).toBe('Chart: 1 event May 2024 in 1 lane.');
  });

  it('speaks of the dataset’s own contact kinds', () => {
    const events = [ev('m1', '2024-06-25', 'meeting'), ev('v1', '2024-06-26', 'visit'), ev('s1', '2024-06-27')];
    const index = indexOf(events);
    expect(contactWords(events, index)).toBe('1 meeting and 1 visit');
    expect(contactWords([events[2]], index)).toBe('no contacts');
    expect(contactLegend(index)).toBe('Contact (meeting or visit)');
    expect(contactLegend(indexOf([ev('s', '2024-01-01')]))).toBe('Contact');
  });
});

describe('axis', () => {
  it('fits the domain to the events: a day or two either side, no empty month after the last', () => {
    const events = [ev('a', '2024-06-23'), ev('b', '2024-07-12')];
    const [lo, hi] = timelineData(events, 'kind', indexOf(events)).domain;
    expect(lo).toBeGreaterThanOrEqual(isoToDay('2024-06-20'));
    expect(lo).toBeLessThanOrEqual(isoToDay('2024-06-23'));
    expect(hi).toBeGreaterThan(isoToDay('2024-07-12'));
    expect(hi).toBeLessThanOrEqual(isoToDay('2024-07-16'));
    expect(fitDomain(100, 100)).toEqual([99, 102]);
  });

  it('places labels in rows so none overlaps, inside the chart', () => {
    const placed = placeLabels(
      [
        { x: 100, width: 120 },
        { x: 150, width: 120 },
        { x: 300, width: 120 },
        { x: 590, width: 120 },
      ],
      0,
      600,
    );
    expect(placed.map((p) => p.row)).toEqual([0, 1, 0, 0]);
    expect(placed[3].start).toBe(480);
    expect(placed[2].start + 120 + 10).toBeLessThanOrEqual(placed[3].start + 120);
  });
});

describe('the brush', () => {
  it('covers the busy period, says what lies outside it, and widens to a date filter', () => {
    const story = Array.from({ length: 12 }, (_, i) => ev(`s${i}`, dayToIso(isoToDay('2024-06-20') + i * 2)));
    const events = [ev('old1', '2014-03-01'), dated('old2', '2023-03', 'month'), ...story, dated('late', '2024-11', 'month')];
    const index = indexOf(events);
    const b = brushBins(index, null, null);
    expect(b.bins[0].start).toBeGreaterThan(isoToDay('2024-06-01'));
    expect(b.bins.every((x) => x.end - x.start === 0)).toBe(true);
    expect(b.bins.reduce((n, x) => n + x.count, 0)).toBe(12);
    expect(b.before).toEqual({ count: 2, first: '1 Mar 2014', last: 'Mar 2023' });
    expect(b.after).toEqual({ count: 1, first: 'Nov 2024', last: 'Nov 2024' });
    const wide = brushBins(index, '2024-05-01', null);
    expect(wide.bins[0].start).toBe(isoToDay('2024-05-01'));
  });
});
