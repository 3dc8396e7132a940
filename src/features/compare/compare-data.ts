import type { DatasetIndex } from '../../dataset/indexes';
import type { Citation, Discrepancy, Event, FuzzyDate, Quote } from '../../dataset/schema';
import { PRECISION_LABEL, termLabel } from '../../dataset/vocabulary';
import { formatDate, formatDateRange } from '../../lib/dates';
import { actorName } from '../../records/names';
import { quoteModeName, quotePresenter, quoteSpeaker, quoteWords } from '../../records/quote';
import {
  affiliationOf,
  concerns,
  contextOf,
  evidence,
  quotesOf,
  requesterEvidence,
  startOf,
  type Evidence,
} from '../../records/event-context';
import { compareText } from '../../lib/collate';

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
    .sort((x, y) => startOf(x, index) - startOf(y, index) || compareText(x.id, y.id))
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

/** The two events shown: those picked in the URL, the rest from the default pair. */
export function comparedPair(events: readonly Event[], picked: readonly string[], index: DatasetIndex): [string | null, string | null] {
  const fallback = picked.length >= 2 ? null : defaultPair(events, index);
  const a = picked[0] ?? fallback?.[0] ?? null;
  const b = picked[1] ?? (fallback ? (fallback[1] !== a ? fallback[1] : fallback[0]) : null);
  return [a, b];
}

const READOUT_ROLE = /spokes|press secretary|press office|ministry|department|readout/i;

const flat = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

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
    text: quoteWords(q),
    detail: `${quoteModeName(q)} · ${quoteSpeaker(q, index)} · ${quotePresenter.dateText(q)}`,
    recordId: q.id,
    evidence: q.citations.map((c) => evidence(index, c.source, c.excerpt)),
  };
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
