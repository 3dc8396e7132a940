import type { DatasetIndex } from '../dataset/indexes';
import type { Discrepancy, Event, FuzzyDate, Quote } from '../dataset/schema';
import { dateSpan } from '../lib/dates';
import { proseText, sourceLabel } from './source';
import { compareText } from '../lib/collate';

/** Words of a source that back a line of the comparison. */
export interface Evidence {
  source: string;
  outlet: string;
  published: FuzzyDate | null;
  excerpt: string;
  /** What the source says, in our words (from a discrepancy version). */
  reading?: string;
}

const REQUEST_TOPIC = /\b(ask\w*|request\w*|initiat\w*|requester)\b/i;
const REQUEST_WORDS = /\b(request\w*|initiat\w*|asked|ask for|receiv\w* a call|called)\b/i;

const flat = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const overlaps = (a: string, b: string) => {
  const x = flat(a);
  const y = flat(b);
  return x.includes(y) || y.includes(x);
};

/** The first day of the event, from the index where it has it. */
export function startOf(e: Event, index: DatasetIndex): number {
  const s = index.rowById.get(e.id)?.start;
  return s === undefined || Number.isNaN(s) ? dateSpan(e.date)[0] : s;
}

/** The quotes said at the event, in dataset order. */
export function quotesOf(index: DatasetIndex, eventId: string): Quote[] {
  const out: Quote[] = [];
  for (const q of index.dataset.quotes) if (q.event === eventId) out.push(q);
  return out;
}

/** The discrepancies that concern the record. */
export function concerns(index: DatasetIndex, id: string): Discrepancy[] {
  return index.discrepanciesByRecord.get(id) ?? [];
}

export function evidence(index: DatasetIndex, source: string, excerpt: string, reading?: string): Evidence {
  const s = index.sources.get(source);
  return {
    source,
    outlet: sourceLabel(index, source),
    published: s?.published ?? null,
    excerpt,
    ...(reading ? { reading: proseText(reading, index) } : {}),
  };
}

/** What the sources say about who asked for the event: the versions of a discrepancy on that point, and citations that say it. */
export function requesterEvidence(index: DatasetIndex, event: Event): Evidence[] {
  const out: Evidence[] = [];
  const covered = (source: string, excerpt: string) => out.some((e) => e.source === source && overlaps(e.excerpt, excerpt));
  for (const d of concerns(index, event.id)) {
    if (!REQUEST_TOPIC.test(d.topic)) continue;
    const others = d.concerns.events
      .filter((id) => id !== event.id)
      .map((id) => index.events.get(id))
      .filter((e) => e !== undefined);
    const about = (e: Event, v: { source: string; excerpt: string }) =>
      e.citations.some((c) => c.source === v.source && overlaps(c.excerpt, v.excerpt));
    for (const v of d.versions) {
      const mine = about(event, v);
      // A version that matches none of the events the discrepancy concerns may be about any of them.
      const nobody = !mine && !others.some((o) => about(o, v));
      if ((mine || nobody) && !covered(v.source, v.excerpt)) out.push(evidence(index, v.source, v.excerpt, v.reading));
    }
  }
  for (const c of event.citations) {
    if (REQUEST_WORDS.test(c.excerpt) && !covered(c.source, c.excerpt)) out.push(evidence(index, c.source, c.excerpt));
  }
  return out;
}

/** The side a quote speaks for: the affiliation of whom it is said for, else of the speaker. */
export function affiliationOf(index: DatasetIndex, q: Quote): string {
  return index.actors.get(q.onBehalfOf ?? q.speaker)?.affiliation ?? index.actors.get(q.speaker)?.affiliation ?? 'Unattributed';
}

/** Events that overlap the days before the event (the event itself excluded), nearest last. */
export function contextOf(index: DatasetIndex, e: Event, days: number): Event[] {
  const start = startOf(e, index);
  const from = start - days;
  const to = start - 1;
  const hits: [number, Event][] = [];
  // The index keeps every record's day span, so no date is parsed again here.
  for (const row of index.rows) {
    if (row.type !== 'event' || row.id === e.id || Number.isNaN(row.start)) continue;
    if (row.start <= to && row.end >= from) hits.push([row.start, row.record as Event]);
  }
  return hits.sort((x, y) => x[0] - y[0] || compareText(x[1].id, y[1].id)).map(([, ev]) => ev);
}
