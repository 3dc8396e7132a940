import type { DatasetIndex } from '../../dataset/indexes';
import type { Event, EventKind } from '../../dataset/schema';
import { maxOf, minOf } from '../../lib/bounds';
import { dateSpan, formatDay } from '../../lib/dates';
import { actorName } from '../../records/names';

export interface TimelinePoint {
  /** Day number (x). */
  day: number;
  /** Lane index (y). */
  lane: number;
  /** Events behind this point: one, or many once points are binned. */
  count: number;
  ids: string[];
  isCall: boolean;
  /** The date is not known to the day: month or year only, or approximate. A weekday read against a dated article counts as known. */
  approx: boolean;
  kind: EventKind | 'mixed';
  label: string;
}

export interface TimelineData {
  /** Lane keys: event kind ids, or actor names. */
  lanes: string[];
  /** What each lane is called on the chart. */
  laneLabels: string[];
  points: TimelinePoint[];
  /** Days per bin: 1 means one point per event per lane. */
  binDays: number;
  domain: [number, number];
  /** Events outside the focus window (see focusWindow); all of them stay in the list. */
  hiddenBefore: number;
  hiddenAfter: number;
}

/** Past this many events, points are binned so the chart stays legible and fast. */
export const MAX_POINTS = 400;
const MAX_ACTOR_LANES = 8;

/** Which lane(s) an event sits in: its kind, or each of its (top) actors. */
function laneKeys(events: readonly Event[], mode: 'kind' | 'actor', index: DatasetIndex) {
  if (mode === 'kind') {
    const present = new Set(events.map((e) => e.kind));
    const kinds = index.vocabulary.eventKinds.list.filter((k) => present.has(k.id));
    const pos = new Map<string, number>(kinds.map((k, i) => [k.id, i]));
    const single = kinds.map((_, i) => [i]);
    return {
      lanes: kinds.map((k) => k.id),
      laneLabels: kinds.map((k) => k.label),
      laneOf: (e: Event) => single[pos.get(e.kind) as number],
    };
  }
  const counts = new Map<string, number>();
  for (const e of events) for (const a of e.actors) counts.set(a, (counts.get(a) ?? 0) + 1);
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_ACTOR_LANES)
    .map(([id]) => id);
  const pos = new Map(top.map((id, i) => [id, i]));
  const other = top.length;
  const hasOther = events.some((e) => e.actors.length === 0 || e.actors.some((a) => !pos.has(a)));
  const lanes = top.map((id) => actorName(index, id));
  if (hasOther) lanes.push('Others');
  return {
    lanes,
    laneLabels: lanes,
    laneOf: (e: Event) => {
      const own = e.actors.map((a) => pos.get(a)).filter((x): x is number => x !== undefined);
      return own.length && own.length === e.actors.length ? [...new Set(own)] : [...new Set([...own, other])];
    },
  };
}

/** Each event's first and last day: from the index when it holds that very event (computed once per dataset). */
function spansIn(index: DatasetIndex, events: readonly Event[]): [Float64Array, Float64Array] {
  const starts = new Float64Array(events.length);
  const ends = new Float64Array(events.length);
  events.forEach((e, i) => {
    const at = index.positionOf.get(e);
    if (at !== undefined) {
      starts[i] = index.keys.start[at];
      ends[i] = index.keys.end[at];
    } else [starts[i], ends[i]] = dateSpan(e.date, e.end);
  });
  return [starts, ends];
}

/** Pure: events to chart points, binned by day, week or month when there are too many. */
export function timelineData(all: readonly Event[], mode: 'kind' | 'actor', index: DatasetIndex, wholeSpan = false): TimelineData {
  const [allStarts, allEnds] = spansIn(index, all);
  const [from, to] = wholeSpan ? [-Infinity, Infinity] : focusWindow(all, allStarts);
  const events: Event[] = [];
  const starts: number[] = [];
  let hiddenBefore = 0;
  let lo = Infinity;
  let hi = -Infinity;
  all.forEach((e, i) => {
    const a = allStarts[i];
    const b = allEnds[i];
    if (b < from) hiddenBefore++;
    if (b < from || a > to) return;
    events.push(e);
    starts.push(a);
    if (a < lo) lo = a;
    if (b > hi) hi = b;
  });
  const hiddenAfter = all.length - events.length - hiddenBefore;
  const { lanes, laneLabels, laneOf } = laneKeys(events, mode, index);
  if (events.length === 0) return { lanes, laneLabels, points: [], binDays: 1, domain: [0, 1], hiddenBefore, hiddenAfter };
  const binDays = pickBin(events.length, hi - lo);
  if (binDays === 1 && events.length <= MAX_POINTS) {
    const points = events.flatMap((e, i) =>
      laneOf(e).map((lane) => ({
        day: starts[i],
        lane,
        count: 1,
        ids: [e.id],
        isCall: e.kind === 'call',
        approx: isVague(e),
        kind: e.kind,
        label: e.title,
      })),
    );
    return { lanes, laneLabels, points, binDays, domain: pad(lo, hi), hiddenBefore, hiddenAfter };
  }
  // Keyed by a number (lanes are far fewer than 1024): a string key per event costs more than the binning.
  const bins = new Map<number, TimelinePoint>();
  events.forEach((e, i) => {
    const day = lo + Math.floor((starts[i] - lo) / binDays) * binDays;
    for (const lane of laneOf(e)) {
      const key = day * 1024 + lane;
      const bin = bins.get(key);
      if (bin) {
        bin.count++;
        if (bin.ids.length < 50) bin.ids.push(e.id);
        bin.isCall ||= e.kind === 'call';
        if (bin.kind !== e.kind) bin.kind = 'mixed';
      } else {
        bins.set(key, { day, lane, count: 1, ids: [e.id], isCall: e.kind === 'call', approx: false, kind: e.kind, label: e.title });
      }
    }
  });
  const points = [...bins.values()];
  for (const p of points) if (p.count > 1) p.label = `${p.count} events`;
  return { lanes, laneLabels, points, binDays, domain: pad(lo, hi), hiddenBefore, hiddenAfter };
}

/** Share of events the focus window must hold. */
export const FOCUS_SHARE = 0.7;

/**
 * The chart's default window: the narrowest span that holds 70% of the events, when that span is
 * under a quarter of the whole. Background events years away (a 2014 annexation behind a 2024 story)
 * would otherwise squeeze the story into a sliver. Returns [-Infinity, Infinity] for "no focus".
 */
export function focusWindow(
  events: readonly Event[],
  eventStarts: ArrayLike<number> = events.map((e) => dateSpan(e.date, e.end)[0]),
): [number, number] {
  if (events.length < 8) return [-Infinity, Infinity];
  const starts = Float64Array.from(eventStarts).sort();
  const k = Math.ceil(starts.length * FOCUS_SHARE);
  let best = 0;
  for (let i = 1; i + k - 1 < starts.length; i++) {
    if (starts[i + k - 1] - starts[i] < starts[best + k - 1] - starts[best]) best = i;
  }
  // Grow the window over neighbours that sit close to it, so a story's first and last days stay in.
  let first = best;
  let last = best + k - 1;
  const reach = Math.max(7, (starts[last] - starts[first]) / 2);
  while (first > 0 && starts[first] - starts[first - 1] <= reach) first--;
  while (last < starts.length - 1 && starts[last + 1] - starts[last] <= reach) last++;
  const lo = starts[first];
  const hi = starts[last];
  const whole = starts[starts.length - 1] - starts[0];
  if ((hi - lo) * 4 >= whole) return [-Infinity, Infinity];
  const margin = Math.max(3, Math.round((hi - lo) * 0.1));
  return [lo - margin, hi + margin];
}

function pickBin(n: number, spanDays: number): number {
  if (n <= MAX_POINTS) return 1;
  for (const days of [1, 7, 30, 91]) if (spanDays / days <= 160) return days;
  return 365;
}

function pad(lo: number, hi: number): [number, number] {
  const margin = Math.max(3, Math.round((hi - lo) * 0.03));
  return [lo - margin, hi + margin];
}

/** Weekly counts over the whole dataset, for the brush that sets the date filter. */
export function overviewBins(index: DatasetIndex): { start: number; end: number; count: number; calls: number }[] {
  const range = index.dayRange;
  if (!range) return [];
  const span = range[1] - range[0];
  const size = span <= 120 ? 1 : span <= 900 ? 7 : 30;
  const n = Math.floor(span / size) + 1;
  const bins = Array.from({ length: n }, (_, i) => ({
    start: range[0] + i * size,
    end: range[0] + (i + 1) * size - 1,
    count: 0,
    calls: 0,
  }));
  for (const e of index.dataset.events) {
    const [a] = dateSpan(e.date, e.end);
    const bin = bins[Math.min(n - 1, Math.max(0, Math.floor((a - range[0]) / size)))];
    bin.count++;
    if (e.kind === 'call') bin.calls++;
  }
  return bins;
}

/** The chart in one sentence, for its caption and for screen readers. */
export function timelineSummary(data: TimelineData, events: readonly Event[]): string {
  if (data.points.length === 0) return 'No events on the chart.';
  const shown = data.points.reduce((n, p) => n + (p.count > 0 ? p.count : 0), 0);
  const days = data.points.map((p) => p.day);
  const first = minOf(days);
  const last = maxOf(days);
  const onChart = new Set(data.points.flatMap((p) => p.ids));
  const calls = events.filter((e) => e.kind === 'call' && onChart.has(e.id));
  const callText = calls.length
    ? calls.length <= 4
      ? `; calls on ${calls.map((c) => formatDay(dateSpan(c.date)[0])).join(', ')}`
      : `; ${calls.length} calls`
    : '';
  return `Chart: ${shown} event${shown === 1 ? '' : 's'} from ${formatDay(first)} to ${formatDay(last)} in ${data.lanes.length} lane${data.lanes.length === 1 ? '' : 's'}${callText}.`;
}

function isVague(e: Event): boolean {
  return e.date.precision === 'month' || e.date.precision === 'year' || e.date.precision === 'approximate';
}
