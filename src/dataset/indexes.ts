import { dateSpan, formatDate } from '../lib/dates';
import type { Actor, AidItem, Citation, Dataset, Discrepancy, Event, EventKind, Quote, Source } from './schema';

export type RowType = 'event' | 'quote' | 'aid' | 'discrepancy';
export const ROW_TYPES: readonly RowType[] = ['event', 'quote', 'aid', 'discrepancy'];

export type RecordOf<T extends RowType> = T extends 'event' ? Event : T extends 'quote' ? Quote : T extends 'aid' ? AidItem : Discrepancy;

/** A record flattened to the keys filters use, computed once per dataset. */
export interface Row {
  type: RowType;
  id: string;
  record: Event | Quote | AidItem | Discrepancy;
  sources: readonly string[];
  /** Outlet keys of those sources (see Outlet), filled once the outlets are known. */
  outlets: readonly string[];
  actors: readonly string[];
  /** Day numbers; NaN when the record has no date of its own. */
  start: number;
  end: number;
  /** Lower-cased words searched by the text filter. */
  text: string;
  /** The event kind of an event, or of the event a quote, aid item or discrepancy belongs to. */
  kinds: readonly EventKind[];
}

/** What the Sources filter lists: one entry per outlet, which may have several articles. */
export interface Outlet {
  key: string;
  label: string;
  sourceIds: string[];
}

export interface DatasetIndex {
  dataset: Dataset;
  rows: Row[];
  rowById: Map<string, Row>;
  sources: Map<string, Source>;
  actors: Map<string, Actor>;
  events: Map<string, Event>;
  discrepanciesByRecord: Map<string, Discrepancy[]>;
  /** Source ids in the order the dataset lists them. */
  sourceOrder: string[];
  outlets: Outlet[];
  outletOfSource: Map<string, string>;
  /** First and last day any dated record covers. */
  dayRange: [number, number] | null;
}

const unique = (xs: readonly string[]) => [...new Set(xs)];
const citedSources = (list: readonly Citation[]) => unique(list.map((c) => c.source));

export function buildIndex(dataset: Dataset): DatasetIndex {
  const actors = new Map(dataset.actors.map((a) => [a.id, a]));
  const events = new Map(dataset.events.map((e) => [e.id, e]));
  const actorWords = (ids: readonly (string | undefined)[]) =>
    ids
      .map((id) => (id ? actors.get(id) : undefined))
      .filter((a): a is Actor => a !== undefined)
      .map((a) => `${a.name} ${a.aliases.join(' ')}`)
      .join(' ');

  const kindOf = (eventId: string | undefined): EventKind[] => {
    const kind = eventId ? events.get(eventId)?.kind : undefined;
    return kind ? [kind] : [];
  };

  const rows: Row[] = [];
  for (const e of dataset.events) {
    const [start, end] = dateSpan(e.date, e.end);
    rows.push({
      type: 'event',
      id: e.id,
      record: e,
      outlets: [],
      sources: citedSources(e.citations),
      actors: unique(e.actors),
      start,
      end,
      text: `${e.title} ${e.summary} ${e.kind} ${actorWords(e.actors)}`.toLowerCase(),
      kinds: [e.kind],
    });
  }
  for (const q of dataset.quotes) {
    const [start, end] = dateSpan(q.date);
    const who = q.onBehalfOf ? [q.speaker, q.onBehalfOf] : [q.speaker];
    rows.push({
      type: 'quote',
      id: q.id,
      record: q,
      outlets: [],
      sources: citedSources(q.citations),
      actors: unique(who),
      start,
      end,
      text: `${q.text} ${q.setting ?? ''} ${actorWords(who)}`.toLowerCase(),
      kinds: kindOf(q.event),
    });
  }
  for (const a of dataset.aid) {
    const [start] = dateSpan(a.announced);
    const end = a.effective ? dateSpan(a.effective)[1] : dateSpan(a.announced)[1];
    const who = a.recipient ? [a.donor, a.recipient] : [a.donor];
    rows.push({
      type: 'aid',
      id: a.id,
      record: a,
      outlets: [],
      sources: citedSources(a.citations),
      actors: unique(who),
      start,
      end: Math.max(start, end),
      text: `${a.item} ${a.category} ${a.location ?? ''} ${a.notes ?? ''} ${actorWords(who)}`.toLowerCase(),
      kinds: kindOf(a.event),
    });
  }
  const rowById = new Map(rows.map((r) => [r.id, r]));

  const discrepanciesByRecord = new Map<string, Discrepancy[]>();
  for (const d of dataset.discrepancies) {
    const concerned = [...d.concerns.events, ...d.concerns.quotes, ...d.concerns.aid];
    const linked = concerned.map((id) => rowById.get(id)).filter((r): r is Row => r !== undefined);
    const dated = linked.filter((r) => !Number.isNaN(r.start));
    const who = unique([...d.concerns.actors, ...linked.flatMap((r) => r.actors)]);
    rows.push({
      type: 'discrepancy',
      id: d.id,
      record: d,
      outlets: [],
      sources: unique(d.versions.map((v) => v.source)),
      actors: who,
      start: dated.length ? Math.min(...dated.map((r) => r.start)) : Number.NaN,
      end: dated.length ? Math.max(...dated.map((r) => r.end)) : Number.NaN,
      text: `${d.topic} ${d.summary} ${d.versions.map((v) => v.reading).join(' ')} ${actorWords(d.concerns.actors)}`.toLowerCase(),
      kinds: [...new Set(linked.flatMap((r) => r.kinds))],
    });
    for (const id of [...concerned, ...d.concerns.actors]) {
      const list = discrepanciesByRecord.get(id);
      if (list) list.push(d);
      else discrepanciesByRecord.set(id, [d]);
    }
  }
  for (const r of rows) if (r.type === 'discrepancy') rowById.set(r.id, r);

  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    if (Number.isNaN(r.start)) continue;
    if (r.start < lo) lo = r.start;
    if (r.end > hi) hi = r.end;
  }

  const outletMap = new Map<string, Outlet>();
  const outletOfSource = new Map<string, string>();
  for (const s of dataset.sources) {
    // Sources whose text names no outlet are never merged: each is its own unknown outlet.
    const key = s.outletEvidence === 'not-named' ? `unnamed:${s.id}` : `outlet:${s.outlet}`;
    const label = s.outletEvidence === 'not-named' ? `${s.outlet}, ${formatDate(s.published)}` : s.outlet;
    const entry = outletMap.get(key);
    if (entry) entry.sourceIds.push(s.id);
    else outletMap.set(key, { key, label, sourceIds: [s.id] });
    outletOfSource.set(s.id, key);
  }

  for (const r of rows) r.outlets = unique(r.sources.map((id) => outletOfSource.get(id) ?? id));

  return {
    dataset,
    rows,
    outlets: [...outletMap.values()],
    outletOfSource,
    rowById,
    sources: new Map(dataset.sources.map((s) => [s.id, s])),
    actors,
    events,
    discrepanciesByRecord,
    sourceOrder: dataset.sources.map((s) => s.id),
    dayRange: lo <= hi ? [lo, hi] : null,
  };
}

/** Citations of any record, discrepancy versions included, in one shape. */
export function citationsOf(record: Row['record']): Citation[] {
  return 'versions' in record ? record.versions.map(({ source, excerpt }) => ({ source, excerpt })) : record.citations;
}
