import type { DatasetIndex } from '../../dataset/indexes';
import type { Event, EventKind } from '../../dataset/schema';
import { calendarTicks, dateSpan, formatDate, formatDateRange, formatDay, isoToDay } from '../../lib/dates';
import { plural } from '../../lib/format';
import { clipGraphemes } from '../../lib/graphemes';
import { actorName } from '../../records/names';
import { termLabel } from '../../dataset/vocabulary';
import { compareText } from '../../lib/collate';

export interface TimelinePoint {
  /** First day the mark covers (x). */
  day: number;
  /** Last day it covers: the same day for a date known to the day, the month's last for "May 2024". */
  end: number;
  /** Lane index (y). */
  lane: number;
  /** Events behind this mark: one, those of one date in one lane, or many once marks are binned. */
  count: number;
  ids: string[];
  /** Titles of the events behind it (at most a few), for the tooltip. */
  titles: string[];
  /** A contact (a call, meeting or visit, as the vocabulary says) is among them. */
  contact: boolean;
  /** The date is not known to the day (month, year, approximate, weekday only): drawn as a faint span over its period. */
  approx: boolean;
  kind: EventKind | 'mixed';
  label: string;
  /** The date in words, through the one date helper ("May 2024", "c. Jul 2024"). */
  dateText: string;
}

export interface TimelineData {
  /** Lane keys: event kind ids, or actor names. */
  lanes: string[];
  /** What each lane is called on the chart. */
  laneLabels: string[];
  points: TimelinePoint[];
  /** Days per bin: 1 means one mark per date per lane. */
  binDays: number;
  domain: [number, number];
  /** Events on the chart (each once, whatever the number of its lanes). */
  eventCount: number;
  /** Events outside the focus window (see focusWindow); all of them stay in the list. */
  hiddenBefore: number;
  hiddenAfter: number;
}

/** Past this many events, points are binned so the chart stays legible and fast. */
export const MAX_POINTS = 400;
const MAX_ACTOR_LANES = 8;
const MAX_TITLES = 6;

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
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
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

/** An event's first and last day: from the index when it holds that very event (computed once per dataset). */
function spanOf(index: DatasetIndex, e: Event): [number, number] {
  const at = index.positionOf.get(e);
  return at === undefined ? dateSpan(e.date, e.end) : [index.keys.start[at], index.keys.end[at]];
}

function spansIn(index: DatasetIndex, events: readonly Event[]): [Float64Array, Float64Array] {
  const starts = new Float64Array(events.length);
  const ends = new Float64Array(events.length);
  events.forEach((e, i) => {
    [starts[i], ends[i]] = spanOf(index, e);
  });
  return [starts, ends];
}

/** Whether an event is a contact by the dataset's vocabulary (calls, meetings, visits by default). */
export const isContact = (index: DatasetIndex, kind: string) => index.vocabulary.contactKinds.has(kind);

/** Pure: events to chart marks, one per date per lane (a count when several share it), binned by week or month when there are too many. */
export function timelineData(all: readonly Event[], mode: 'kind' | 'actor', index: DatasetIndex, wholeSpan = false): TimelineData {
  const [allStarts, allEnds] = spansIn(index, all);
  const [from, to] = wholeSpan ? [-Infinity, Infinity] : focusWindow(all, allStarts);
  const events: Event[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
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
    ends.push(b);
    if (a < lo) lo = a;
    if (b > hi) hi = b;
  });
  const hiddenAfter = all.length - events.length - hiddenBefore;
  const { lanes, laneLabels, laneOf } = laneKeys(events, mode, index);
  const base = { lanes, laneLabels, eventCount: events.length, hiddenBefore, hiddenAfter };
  if (events.length === 0) return { ...base, points: [], binDays: 1, domain: [0, 1] };
  const binDays = pickBin(events.length, hi - lo);
  if (binDays === 1) {
    const marks = new Map<string, TimelinePoint>();
    events.forEach((e, i) => {
      const approx = isVague(e);
      for (const lane of laneOf(e)) {
        // One mark per date as the sources give it: six events known only as "Jul 2024" share one.
        const key = `${lane}|${starts[i]}|${ends[i]}|${approx ? 1 : 0}`;
        const mark = marks.get(key);
        if (mark) addTo(mark, e, index);
        else
          marks.set(key, {
            day: starts[i],
            end: ends[i],
            lane,
            count: 1,
            ids: [e.id],
            titles: [e.title],
            contact: isContact(index, e.kind),
            approx,
            kind: e.kind,
            label: e.title,
            dateText: formatDateRange(e.date, e.end),
          });
      }
    });
    const points = [...marks.values()];
    for (const p of points) if (p.count > 1) p.label = `${plural(p.count, 'event')}`;
    return { ...base, points, binDays, domain: fitDomain(lo, hi) };
  }
  // Keyed by a number (lanes are far fewer than 1024): a string key per event costs more than the binning.
  const bins = new Map<number, TimelinePoint>();
  events.forEach((e, i) => {
    const day = lo + Math.floor((starts[i] - lo) / binDays) * binDays;
    for (const lane of laneOf(e)) {
      const key = day * 1024 + lane;
      const bin = bins.get(key);
      if (bin) addTo(bin, e, index);
      else
        bins.set(key, {
          day,
          end: day + binDays - 1,
          lane,
          count: 1,
          ids: [e.id],
          titles: [e.title],
          contact: isContact(index, e.kind),
          approx: false,
          kind: e.kind,
          label: e.title,
          dateText: '',
        });
    }
  });
  const points = [...bins.values()];
  for (const p of points) {
    p.dateText = `${formatDay(p.day)} – ${formatDay(p.end)}`;
    if (p.count > 1) p.label = plural(p.count, 'event');
  }
  return { ...base, points, binDays, domain: fitDomain(lo, hi + binDays - 1) };
}

function addTo(mark: TimelinePoint, e: Event, index: DatasetIndex) {
  mark.count++;
  if (mark.ids.length < 50) mark.ids.push(e.id);
  if (mark.titles.length < MAX_TITLES) mark.titles.push(e.title);
  mark.contact ||= isContact(index, e.kind);
  if (mark.kind !== e.kind) mark.kind = 'mixed';
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

/** The chart's days: the first to the day after the last the events cover, with a day or two either side, no empty month. */
export function fitDomain(lo: number, hi: number): [number, number] {
  const margin = Math.min(14, Math.max(1, Math.round((hi - lo) * 0.02)));
  return [lo - margin, hi + 1 + margin];
}

export interface BrushBins {
  bins: { start: number; end: number; count: number }[];
  /** Events that start before the brush's first day, and after its last: summarised in words beside it. */
  before: { count: number; first: string; last: string } | null;
  after: { count: number; first: string; last: string } | null;
}

/**
 * The brush that sets the date filter: over the busy period (see focusWindow), widened to take in the
 * date filter, so its handles always sit where the filter is; one bin per day where that fits.
 */
export function brushBins(index: DatasetIndex, from: string | null | undefined, to: string | null | undefined): BrushBins {
  const range = index.dayRange;
  const events = index.dataset.events;
  if (!range || events.length === 0) return { bins: [], before: null, after: null };
  const [starts, ends] = spansIn(index, events);
  // The same window as the chart's: the days of the events that reach into the busy period.
  const [f0, f1] = focusWindow(events, starts);
  let lo = Infinity;
  let hi = -Infinity;
  events.forEach((_, i) => {
    if (ends[i] < f0 || starts[i] > f1) return;
    lo = Math.min(lo, starts[i]);
    hi = Math.max(hi, ends[i]);
  });
  lo = Math.max(range[0], lo);
  hi = Math.min(range[1], hi);
  if (from) lo = Math.max(range[0], Math.min(lo, isoToDay(from)));
  if (to) hi = Math.min(range[1], Math.max(hi, isoToDay(to)));
  const span = hi - lo;
  const size = span <= 180 ? 1 : span <= 1200 ? 7 : 30;
  const n = Math.floor(span / size) + 1;
  const bins = Array.from({ length: n }, (_, i) => ({ start: lo + i * size, end: Math.min(hi, lo + (i + 1) * size - 1), count: 0 }));
  const outside = { before: [] as Event[], after: [] as Event[] };
  events.forEach((e, i) => {
    if (ends[i] < lo) outside.before.push(e);
    else if (starts[i] > hi) outside.after.push(e);
    else bins[Math.min(n - 1, Math.floor((Math.max(lo, starts[i]) - lo) / size))].count++;
  });
  const words = (list: Event[]) => {
    if (!list.length) return null;
    const sorted = [...list].sort((x, y) => dateSpan(x.date)[0] - dateSpan(y.date)[0]);
    return { count: list.length, first: formatDate(sorted[0].date), last: formatDate(sorted[sorted.length - 1].date) };
  };
  return { bins, before: words(outside.before), after: words(outside.after) };
}

/** The contacts among the events, in words by their kinds' labels: "2 calls", "1 meeting and 1 visit", "no contacts". */
export function contactWords(events: readonly Event[], index: DatasetIndex): string {
  const byKind = new Map<string, number>();
  for (const e of events) if (isContact(index, e.kind)) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
  if (byKind.size === 0) return 'no contacts';
  const parts = [...byKind].map(([kind, n]) => plural(n, termLabel(index.vocabulary.eventKinds, kind).toLowerCase()));
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The contact kinds the dataset's events use, by the vocabulary's labels, for the legend: "Contact (call)", "Contact (meeting or visit)". */
export function contactLegend(index: DatasetIndex): string {
  let legend = legends.get(index);
  if (legend === undefined) legends.set(index, (legend = legendOf(index)));
  return legend;
}

// Per dataset: the legend is drawn on every filter change, and finding the kinds in use reads every event.
const legends = new WeakMap<DatasetIndex, string>();

function legendOf(index: DatasetIndex): string {
  const used = new Set(index.dataset.events.map((e) => e.kind));
  const labels = index.vocabulary.eventKinds.list.filter((k) => k.contact && used.has(k.id)).map((k) => k.label.toLowerCase());
  return labels.length ? `Contact (${labels.join(' or ')})` : 'Contact';
}

/** The chart in one sentence, for its caption and for screen readers; dates through the one date helper. */
export function timelineSummary(data: TimelineData, events: readonly Event[], index: DatasetIndex): string {
  if (data.points.length === 0) return 'No events on the chart.';
  const onChart = new Set(data.points.flatMap((p) => p.ids));
  const shown = events.filter((e) => onChart.has(e.id));
  let first = shown[0];
  let last = shown[0];
  // Days from the index: at 10,000 events, parsing each date again was most of a filter change.
  let [firstDay, lastDay] = spanOf(index, first);
  for (const e of shown) {
    const [start, end] = spanOf(index, e);
    if (start < firstDay) [first, firstDay] = [e, start];
    if (end > lastDay) [last, lastDay] = [e, end];
  }
  const contacts = shown.filter((e) => isContact(index, e.kind));
  const contactText = contacts.length
    ? contacts.length <= 4
      ? `; ${contactWords(contacts, index)}: ${contacts.map((c) => formatDateRange(c.date, c.end)).join(', ')}`
      : `; ${contactWords(contacts, index)}`
    : '';
  const n = data.eventCount;
  const when =
    first === last ? formatDateRange(first.date, first.end) : `from ${formatDate(first.date)} to ${formatDateRange(last.date, last.end)}`;
  return `Chart: ${plural(n, 'event')} ${when} in ${plural(data.lanes.length, 'lane')}${contactText}.`;
}

/**
 * Rows for labels on a chart so none overlaps another: each label (its anchor x and estimated width)
 * goes in the first row where it fits; it is drawn to the right of its anchor, or to the left near the
 * right edge. Returns, per label, its row and where its text starts.
 */
export function placeLabels(
  labels: readonly { x: number; width: number }[],
  left: number,
  right: number,
  gap = 10,
): { row: number; start: number }[] {
  const rows: [number, number][][] = [];
  return labels.map(({ x, width }) => {
    const start = Math.max(left, Math.min(x - 4, right - width));
    const end = start + width;
    let row = rows.findIndex((taken) => taken.every(([a, b]) => end + gap <= a || start >= b + gap));
    if (row < 0) {
      rows.push([]);
      row = rows.length - 1;
    }
    rows[row].push([start, end]);
    return { row, start };
  });
}

/** Not known to the day: drawn over its period, faint. A weekday read against the article's date is a best reading, not a known day. */
function isVague(e: Event): boolean {
  return e.date.precision !== 'day' || (e.end !== undefined && e.end.precision !== 'day');
}

export interface ChartLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  /** Top of the first lane; the contact labels sit above it. */
  lanesTop: number;
  laneHeight: number;
  axisY: number;
  x: (day: number) => number;
  ticks: { day: number; label: string }[];
  /** One per contact mark: its date and a short label, written on the chart. */
  annotations: { point: number; row: number; start: number; text: string }[];
}

const LANE_HEIGHT = 34;
const ANNOTATION_ROW = 16;
const MAX_ANNOTATION_ROWS = 5;
/** About how wide a character of the 11 px label font is. */
const CHAR_WIDTH = 6.1;

/** Where everything goes on the chart, for a width: pure, so the caller knows the height before the chart loads. */
export function chartLayout(data: TimelineData, width: number, laneHeight = LANE_HEIGHT): ChartLayout {
  const laneColumn = Math.min(110, Math.round(width * 0.26));
  const plotLeft = laneColumn + 8;
  const plotRight = Math.max(plotLeft + 40, width - 16);
  const [d0, d1] = data.domain;
  const x = (day: number) => plotLeft + ((day - d0) / (d1 - d0 || 1)) * (plotRight - plotLeft);
  // By actor, one contact sits in each of its actors' lanes: it is labelled once, over its first.
  const labelled = new Set<string>();
  const contacts = data.points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => {
      if (!p.contact) return false;
      const key = `${p.day}|${p.end}|${p.ids.join(' ')}`;
      if (labelled.has(key)) return false;
      labelled.add(key);
      return true;
    });
  contacts.sort((a, b) => a.p.day - b.p.day);
  const texts = contacts.map(({ p }) => {
    const what = p.count > 1 ? plural(p.count, 'event') : p.label;
    const room = Math.max(12, Math.floor((plotRight - plotLeft) / CHAR_WIDTH) - p.dateText.length - 3);
    const max = Math.min(room, 44);
    return `${p.dateText} · ${clipGraphemes(what, max)}`;
  });
  const placed = placeLabels(
    contacts.map(({ p }, k) => ({ x: x((p.day + p.end + 1) / 2), width: texts[k].length * CHAR_WIDTH })),
    plotLeft - 8,
    width - 4,
  );
  const annotations = contacts
    .map(({ i }, k) => ({ point: i, row: placed[k].row, start: placed[k].start, text: texts[k] }))
    .filter((a) => a.row < MAX_ANNOTATION_ROWS);
  const rows = annotations.reduce((n, a) => Math.max(n, a.row + 1), 0);
  const lanesTop = 8 + rows * ANNOTATION_ROW + (rows ? 6 : 0);
  const axisY = lanesTop + data.lanes.length * laneHeight + 4;
  const tickCount = Math.max(2, Math.floor((plotRight - plotLeft) / 90));
  return {
    width,
    height: axisY + 26,
    plotLeft,
    plotRight,
    lanesTop,
    laneHeight,
    axisY,
    x,
    ticks: calendarTicks(d0, d1, tickCount),
    annotations,
  };
}
