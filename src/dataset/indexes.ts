import { dateSpan as spanOfDate, formatDate } from '../lib/dates';
import { resolveVocabulary, type ResolvedVocabulary } from './vocabulary';
import { gradeDataset, type Grading } from './grading';
import { RELIABILITY_GRADES } from './grading-vocabulary';
import {
  type Actor,
  type AidItem,
  type Citation,
  type Dataset,
  type Discrepancy,
  type Event,
  type EventKind,
  type FuzzyDate,
  type KeyPoint,
  type Quote,
  type Source,
} from './schema';
import { isolate } from '../lib/bidi';
import { maxOf, minOf } from '../lib/bounds';

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

/**
 * The filter keys of `rows` again, column by column and as small integers, so `select` runs over
 * typed arrays instead of strings and closures. Multi-valued keys are packed: row i's actors are
 * `actors[actorsAt[i]]` up to (not including) `actors[actorsAt[i + 1]]`, as numbers into `actorIds`.
 */
export interface RowKeys {
  /** Position in ROW_TYPES. */
  type: Uint8Array;
  start: Float64Array;
  end: Float64Array;
  sources: Int32Array;
  sourcesAt: Int32Array;
  actors: Int32Array;
  actorsAt: Int32Array;
  outlets: Int32Array;
  outletsAt: Int32Array;
  /** Positions in `vocabulary.eventKinds.list`. */
  kinds: Int32Array;
  kindsAt: Int32Array;
  sourceIds: string[];
  actorIds: string[];
  outletKeys: string[];
  kindIds: string[];
  /**
   * Credibility 1–6 of each row (see grading.ts); a discrepancy takes the best of the records it
   * concerns, and 0 where it concerns none (never filtered out by credibility).
   */
  credibility: Uint8Array;
  /** Best reliability among the row's sources, as a position in RELIABILITY_GRADES. */
  reliability: Uint8Array;
}

export interface DatasetIndex {
  dataset: Dataset;
  /** Events, quotes and aid items each in date order (start, then end); discrepancies as listed. */
  rows: Row[];
  keys: RowKeys;
  /** Each record's position in `rows` (and `keys`), by identity. */
  positionOf: Map<Row['record'], number>;
  rowById: Map<string, Row>;
  /** The dataset's key points by id; they summarise records rather than filter as one. */
  keyPoints: Map<string, KeyPoint>;
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
  /** Event kinds (with which are contacts), aid categories and statuses: the dataset's own or the default. */
  vocabulary: ResolvedVocabulary;
  /** Source reliability and fact credibility, with their reasons. */
  grading: Grading;
}

const NONE: readonly never[] = [];

/** Without repeats, in order. Most lists hold one or two ids, so those skip the Set. */
function unique(xs: readonly string[]): readonly string[] {
  if (xs.length === 0) return NONE;
  if (xs.length === 1) return xs;
  if (xs.length === 2) return xs[0] === xs[1] ? [xs[0]] : xs;
  return [...new Set(xs)];
}

function citedSources(list: readonly Citation[]): readonly string[] {
  if (list.length === 1) return [list[0].source];
  return unique(list.map((c) => c.source));
}

export function buildIndex(dataset: Dataset): DatasetIndex {
  const vocabulary = resolveVocabulary(dataset);
  // One shared array per kind, so a hundred thousand rows do not each carry their own.
  const kindLists = new Map<EventKind, readonly EventKind[]>();
  const kindList = (kind: EventKind): readonly EventKind[] => {
    let list = kindLists.get(kind);
    if (!list) kindLists.set(kind, (list = [kind]));
    return list;
  };
  const actors = new Map(dataset.actors.map((a) => [a.id, a]));
  const events = new Map(dataset.events.map((e) => [e.id, e]));
  const wordsOfActor = new Map(dataset.actors.map((a) => [a.id, a.aliases.length ? `${a.name} ${a.aliases.join(' ')}` : a.name]));
  const actorWords = (ids: readonly (string | undefined)[]) => {
    let out = '';
    for (const id of ids) {
      const words = id === undefined ? undefined : wordsOfActor.get(id);
      if (words !== undefined) out = out ? `${out} ${words}` : words;
    }
    return out;
  };
  // A large dataset repeats a few thousand dates many times over: parse each once.
  const spans = new Map<string, Map<string, readonly [number, number]>>();
  const spanOf = (date: FuzzyDate): readonly [number, number] => {
    let byValue = spans.get(date.precision);
    if (!byValue) spans.set(date.precision, (byValue = new Map()));
    let span = byValue.get(date.value);
    if (!span) byValue.set(date.value, (span = spanOfDate(date)));
    return span;
  };
  const dateSpan = (date: FuzzyDate, end?: FuzzyDate): readonly [number, number] =>
    end ? [spanOf(date)[0], spanOf(end)[1]] : spanOf(date);

  const kindOf = (eventId: string | undefined): readonly EventKind[] => {
    const kind = eventId ? events.get(eventId)?.kind : undefined;
    return kind ? kindList(kind) : NONE;
  };

  const rows: Row[] = [];
  for (const e of dataset.events) {
    const [start, end] = dateSpan(e.date, e.end);
    rows.push({
      type: 'event',
      id: e.id,
      record: e,
      outlets: NONE,
      sources: citedSources(e.citations),
      actors: unique(e.actors),
      start,
      end,
      text: `${e.title} ${e.summary} ${e.kind} ${actorWords(e.actors)}`.toLowerCase(),
      kinds: kindList(e.kind),
    });
  }
  for (const q of dataset.quotes) {
    const [start, end] = dateSpan(q.date);
    const who = q.onBehalfOf ? [q.speaker, q.onBehalfOf] : [q.speaker];
    rows.push({
      type: 'quote',
      id: q.id,
      record: q,
      outlets: NONE,
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
      outlets: NONE,
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
      outlets: NONE,
      sources: unique(d.versions.map((v) => v.source)),
      actors: who,
      start: dated.length ? minOf(dated.map((r) => r.start)) : Number.NaN,
      end: dated.length ? maxOf(dated.map((r) => r.end)) : Number.NaN,
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
    const label = s.outletEvidence === 'not-named' ? `${isolate(s.outlet)}, ${formatDate(s.published)}` : s.outlet;
    const entry = outletMap.get(key);
    if (entry) entry.sourceIds.push(s.id);
    else outletMap.set(key, { key, label, sourceIds: [s.id] });
    outletOfSource.set(s.id, key);
  }

  for (const r of rows) {
    r.outlets =
      r.sources.length === 1
        ? [outletOfSource.get(r.sources[0]) ?? r.sources[0]]
        : unique(r.sources.map((id) => outletOfSource.get(id) ?? id));
  }
  sortByDate(rows);
  const labelOfOutlet = (sourceId: string) => outletMap.get(outletOfSource.get(sourceId) ?? '')?.label ?? sourceId;
  const grading = gradeDataset(dataset, labelOfOutlet);

  return {
    dataset,
    rows,
    keys: { ...rowKeys(rows, dataset, vocabulary), ...gradeKeys(rows, grading) },
    positionOf: new Map(rows.map((r, i) => [r.record, i])),
    outlets: [...outletMap.values()],
    outletOfSource,
    rowById,
    keyPoints: new Map((dataset.keyPoints ?? []).map((p) => [p.id, p])),
    sources: new Map(dataset.sources.map((s) => [s.id, s])),
    actors,
    events,
    discrepanciesByRecord,
    sourceOrder: dataset.sources.map((s) => s.id),
    dayRange: lo <= hi ? [lo, hi] : null,
    vocabulary,
    grading,
  };
}

function gradeKeys(rows: readonly Row[], grading: Grading): Pick<RowKeys, 'credibility' | 'reliability'> {
  const n = rows.length;
  const credibility = new Uint8Array(n);
  const reliability = new Uint8Array(n);
  const rank = new Map<string, number>(RELIABILITY_GRADES.map((g, i) => [g, i]));
  const factCredibility = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.type === 'discrepancy') {
      let best = RELIABILITY_GRADES.length - 1;
      for (const id of r.sources) best = Math.min(best, rank.get(grading.source(id).grade) ?? best);
      reliability[i] = best;
      continue;
    }
    const code = grading.code(r.record as Event | Quote | AidItem, r.sources);
    credibility[i] = code.credibility;
    reliability[i] = rank.get(code.reliability) ?? RELIABILITY_GRADES.length - 1;
    factCredibility.set(r.id, code.credibility);
  }
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.type !== 'discrepancy') continue;
    const { events, quotes, aid } = (r.record as Discrepancy).concerns;
    let best = 0;
    for (const id of [...events, ...quotes, ...aid]) {
      const c = factCredibility.get(id);
      if (c !== undefined && (best === 0 || c < best)) best = c;
    }
    credibility[i] = best;
  }
  return { credibility, reliability };
}

const TYPE_ORDER: Record<RowType, number> = { event: 0, quote: 1, aid: 2, discrepancy: 3 };

/** Stable, in place: by type, then events, quotes and aid by start and end day; discrepancies keep their order. */
function sortByDate(rows: Row[]): void {
  const day = (x: number) => (Number.isNaN(x) ? Infinity : x);
  rows.sort((a, b) => {
    const t = TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
    if (t !== 0 || a.type === 'discrepancy') return t;
    return day(a.start) - day(b.start) || day(a.end) - day(b.end);
  });
}

/** Numbers for strings, in order of first appearance. */
function interner(seed: readonly string[]) {
  const ids = [...new Set(seed)];
  const at = new Map(ids.map((id, i) => [id, i]));
  return {
    ids,
    of(id: string): number {
      let n = at.get(id);
      if (n === undefined) {
        n = ids.length;
        ids.push(id);
        at.set(id, n);
      }
      return n;
    },
  };
}

function rowKeys(rows: readonly Row[], dataset: Dataset, vocabulary: ResolvedVocabulary): Omit<RowKeys, 'credibility' | 'reliability'> {
  const n = rows.length;
  const sourceIds = interner(dataset.sources.map((s) => s.id));
  const actorIds = interner(dataset.actors.map((a) => a.id));
  const outletKeys = interner([]);
  const kindAt = new Map<string, number>(vocabulary.eventKinds.list.map((k, i) => [k.id, i]));
  const packed = (list: (r: Row) => readonly string[], number: (id: string) => number) => {
    const at = new Int32Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      at[i] = total;
      total += list(rows[i]).length;
    }
    at[n] = total;
    const values = new Int32Array(total);
    let j = 0;
    for (let i = 0; i < n; i++) for (const id of list(rows[i])) values[j++] = number(id);
    return [values, at] as const;
  };
  const [sources, sourcesAt] = packed((r) => r.sources, sourceIds.of);
  const [actors, actorsAt] = packed((r) => r.actors, actorIds.of);
  const [outlets, outletsAt] = packed((r) => r.outlets, outletKeys.of);
  const [kinds, kindsAt] = packed(
    (r) => r.kinds,
    (k) => kindAt.get(k) ?? -1,
  );
  const type = new Uint8Array(n);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    type[i] = TYPE_ORDER[rows[i].type];
    start[i] = rows[i].start;
    end[i] = rows[i].end;
  }
  return {
    type,
    start,
    end,
    sources,
    sourcesAt,
    actors,
    actorsAt,
    outlets,
    outletsAt,
    kinds,
    kindsAt,
    sourceIds: sourceIds.ids,
    actorIds: actorIds.ids,
    outletKeys: outletKeys.ids,
    kindIds: vocabulary.eventKinds.list.map((t) => t.id),
  };
}

/** Citations of any record, discrepancy versions included, in one shape. */
export function citationsOf(record: Row['record']): Citation[] {
  return 'versions' in record ? record.versions.map(({ source, excerpt }) => ({ source, excerpt })) : record.citations;
}
