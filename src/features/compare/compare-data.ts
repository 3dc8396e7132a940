import type { DatasetIndex } from '../../dataset/indexes';
import type { Citation, Discrepancy, Event, FuzzyDate, Quote } from '../../dataset/schema';
import { PRECISION_LABEL, termLabel } from '../../dataset/vocabulary';
import { dateSpan, formatDate, formatDateRange } from '../../lib/dates';
import { actorName } from '../../records/names';
import { proseText, sourceLabel } from '../../records/source';
import { quoteModeName, quotePresenter, quoteSpeaker } from '../../records/quote';

/** Words of a source that back a line of the comparison. */
export interface Evidence {
  source: string;
  outlet: string;
  published: FuzzyDate | null;
  excerpt: string;
  /** What the source says, in our words (from a discrepancy version). */
  reading?: string;
}

export interface CompareItem {
  text: string;
  detail?: string;
  /** A record the item stands for, so its sources can be opened. */
  recordId?: string;
  evidence?: Evidence[];
  /** The item appears on both sides (context events, shared discrepancies). */
  shared?: boolean;
}

export interface CompareRow {
  key: string;
  label: string;
  a: CompareItem[];
  b: CompareItem[];
  differs: boolean;
  /** Items left out by the cap, per side. */
  moreA?: number;
  moreB?: number;
}

export interface Comparison {
  a: Event;
  b: Event;
  rows: CompareRow[];
}

export interface CompareOptions {
  contextDays?: number;
  maxContext?: number;
}

/**
 * The two most recent contacts of the selection (the event kinds the vocabulary marks as contacts:
 * calls, meetings, visits…), older first; null with fewer than two, for the user to pick.
 */
export function defaultPair(events: readonly Event[], index: DatasetIndex): [string, string] | null {
  const contacts = events
    .filter((e) => index.vocabulary.contactKinds.has(e.kind))
    .sort((x, y) => startOf(x, index) - startOf(y, index) || x.id.localeCompare(y.id))
    .map((e) => e.id);
  return contacts.length >= 2 ? [contacts[contacts.length - 2], contacts[contacts.length - 1]] : null;
}

/** What the default compares, in words: "the two latest contacts: meeting 10 Mar 2026, meeting 22 Apr 2026". */
export function describePair(ids: readonly string[], index: DatasetIndex): string {
  const named = ids
    .map((id) => index.events.get(id))
    .filter((e) => e !== undefined)
    .map((e) => `${termLabel(index.vocabulary.eventKinds, e.kind).toLowerCase()} ${formatDate(e.date)}`);
  return `the two latest contacts: ${named.join(', ')}`;
}

/** The panel keeps its name where the dataset has calls; otherwise it speaks of contacts. */
export function compareTitle(index: DatasetIndex, title: string): string {
  const hasCalls = index.dataset.events.some((e) => e.kind === 'call' && index.vocabulary.contactKinds.has(e.kind));
  return hasCalls ? title : 'Compare contacts';
}

function startOf(e: Event, index: DatasetIndex): number {
  const s = index.rowById.get(e.id)?.start;
  return s === undefined || Number.isNaN(s) ? dateSpan(e.date)[0] : s;
}

const REQUEST_TOPIC = /\b(ask\w*|request\w*|initiat\w*|requester)\b/i;
const REQUEST_WORDS = /\b(request\w*|initiat\w*|asked|ask for|receiv\w* a call|called)\b/i;
const READOUT_ROLE = /spokes|press secretary|press office|ministry|department|readout/i;

const flat = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const overlaps = (a: string, b: string) => {
  const x = flat(a);
  const y = flat(b);
  return x.includes(y) || y.includes(x);
};

/** Pure: two events side by side, row by row, with the rows whose values differ marked. */
export function compareEvents(index: DatasetIndex, aId: string, bId: string, options: CompareOptions = {}): Comparison | null {
  const a = index.events.get(aId);
  const b = index.events.get(bId);
  if (!a || !b) return null;
  const { contextDays = 14, maxContext = 8 } = options;
  const quotesA = quotesOf(index, a.id);
  const quotesB = quotesOf(index, b.id);

  const rows: CompareRow[] = [];
  const push = (key: string, label: string, left: CompareItem[], right: CompareItem[], more?: [number, number]) =>
    rows.push({
      key,
      label,
      a: left,
      b: right,
      differs: signature(left) !== signature(right),
      ...(more ? { moreA: more[0], moreB: more[1] } : {}),
    });

  push('date', 'Date', [dateItem(a)], [dateItem(b)]);
  push('precision', 'Date precision', [precisionItem(a.date)], [precisionItem(b.date)]);
  push(
    'kind',
    'Kind',
    [{ text: termLabel(index.vocabulary.eventKinds, a.kind) }],
    [{ text: termLabel(index.vocabulary.eventKinds, b.kind) }],
  );
  push('requested', 'Requested by', [requesterItem(index, a)], [requesterItem(index, b)]);
  push('readout', 'Read out by', readoutItems(index, quotesA), readoutItems(index, quotesB));

  const sides = affiliations(index, [...quotesA, ...quotesB]);
  for (const side of sides) {
    const pick = (list: Quote[]) => list.filter((q) => affiliationOf(index, q) === side).map((q) => quoteItem(index, q));
    push(`said:${side}`, `What the ${side} side said`, pick(quotesA), pick(quotesB));
  }
  if (sides.length === 0) push('said', 'What each side said', [], []);

  const ctxA = contextOf(index, a, contextDays);
  const ctxB = contextOf(index, b, contextDays);
  const idsA = new Set(ctxA.map((e) => e.id));
  const idsB = new Set(ctxB.map((e) => e.id));
  const ctxItem = (e: Event, other: Set<string>): CompareItem => ({
    text: e.title,
    detail: formatDateRange(e.date, e.end),
    recordId: e.id,
    shared: other.has(e.id),
  });
  const ctxRow: CompareRow = {
    key: 'context',
    label: `In the ${contextDays} days before`,
    // The nearest days matter most: when there are too many, the earliest are left out.
    a: ctxA.slice(-maxContext).map((e) => ctxItem(e, idsB)),
    b: ctxB.slice(-maxContext).map((e) => ctxItem(e, idsA)),
    differs: ctxA.length !== ctxB.length || ctxA.some((e) => !idsB.has(e.id)),
    moreA: Math.max(0, ctxA.length - maxContext),
    moreB: Math.max(0, ctxB.length - maxContext),
  };
  rows.push(ctxRow);

  push('outlets', 'Reported by', outletItems(index, a.citations), outletItems(index, b.citations));
  const discA = concerns(index, a.id);
  const discB = concerns(index, b.id);
  const discItem = (d: Discrepancy, other: Discrepancy[]): CompareItem => ({
    text: d.topic,
    recordId: d.id,
    shared: other.includes(d),
  });
  push(
    'disputes',
    'Points in dispute',
    discA.map((d) => discItem(d, discB)),
    discB.map((d) => discItem(d, discA)),
  );
  return { a, b, rows };
}

function signature(items: readonly CompareItem[]): string {
  return items
    .map((i) => flat(i.text))
    .sort()
    .join('\u0000');
}

function dateItem(e: Event): CompareItem {
  return { text: formatDateRange(e.date, e.end), detail: e.date.as ? `The sources say: “${e.date.as}”` : undefined };
}

function precisionItem(d: FuzzyDate): CompareItem {
  return { text: PRECISION_LABEL[d.precision] };
}

function quotesOf(index: DatasetIndex, eventId: string): Quote[] {
  const out: Quote[] = [];
  for (const q of index.dataset.quotes) if (q.event === eventId) out.push(q);
  return out;
}

function concerns(index: DatasetIndex, id: string): Discrepancy[] {
  return index.discrepanciesByRecord.get(id) ?? [];
}

function evidence(index: DatasetIndex, source: string, excerpt: string, reading?: string): Evidence {
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

function requesterItem(index: DatasetIndex, e: Event): CompareItem {
  const who = e.initiatedBy ? actorName(index, e.initiatedBy) : 'Not recorded';
  const ev = requesterEvidence(index, e);
  return {
    text: who,
    detail: ev.length ? `As the sources tell it (${ev.length}):` : 'No source says who asked for it.',
    evidence: ev,
  };
}

function isReadout(index: DatasetIndex, q: Quote): boolean {
  const speaker = index.actors.get(q.speaker);
  return q.onBehalfOf !== undefined || speaker?.kind === 'institution' || READOUT_ROLE.test(speaker?.role ?? '');
}

function readoutItems(index: DatasetIndex, quotes: readonly Quote[]): CompareItem[] {
  const seen = new Map<string, CompareItem>();
  for (const q of quotes) {
    if (!isReadout(index, q)) continue;
    const speaker = index.actors.get(q.speaker);
    const text = quoteSpeaker(q, index);
    if (seen.has(text)) continue;
    const outlets = outletNames(index, q.citations);
    seen.set(text, {
      text,
      detail: [speaker?.role, q.setting, outlets.length ? `printed by ${outlets.join(', ')}` : null].filter(Boolean).join(' · '),
      recordId: q.id,
    });
  }
  return [...seen.values()];
}

function affiliationOf(index: DatasetIndex, q: Quote): string {
  return index.actors.get(q.onBehalfOf ?? q.speaker)?.affiliation ?? index.actors.get(q.speaker)?.affiliation ?? 'Unattributed';
}

function affiliations(index: DatasetIndex, quotes: readonly Quote[]): string[] {
  const count = new Map<string, number>();
  for (const q of quotes) {
    const side = affiliationOf(index, q);
    count.set(side, (count.get(side) ?? 0) + 1);
  }
  return [...count.keys()];
}

function quoteItem(index: DatasetIndex, q: Quote): CompareItem {
  return {
    text: q.mode === 'direct' ? `“${q.text}”` : q.text,
    detail: `${quoteModeName(q)} · ${quoteSpeaker(q, index)} · ${quotePresenter.dateText(q)}`,
    recordId: q.id,
    evidence: q.citations.map((c) => evidence(index, c.source, c.excerpt)),
  };
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
  return hits.sort((x, y) => x[0] - y[0] || x[1].id.localeCompare(y[1].id)).map(([, ev]) => ev);
}

function outletNames(index: DatasetIndex, citations: readonly Citation[]): string[] {
  const keys = [...new Set(citations.map((c) => index.outletOfSource.get(c.source) ?? c.source))];
  const label = new Map(index.outlets.map((o) => [o.key, o.label]));
  return keys.map((k) => label.get(k) ?? k);
}

function outletItems(index: DatasetIndex, citations: readonly Citation[]): CompareItem[] {
  const n = new Map<string, number>();
  for (const c of citations) {
    const key = index.outletOfSource.get(c.source) ?? c.source;
    n.set(key, (n.get(key) ?? 0) + 1);
  }
  const label = new Map(index.outlets.map((o) => [o.key, o.label]));
  return [...n].map(([key, count]) => ({ text: label.get(key) ?? key, detail: `${count} passage${count === 1 ? '' : 's'}` }));
}
