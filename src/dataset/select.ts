import { isoToDay } from '../lib/dates';
import type { DatasetIndex, Row, RowType } from './indexes';
import type { AidItem, Discrepancy, Event, EventKind, Quote } from './schema';

export interface Filters {
  sources: string[];
  actors: string[];
  /** Inclusive ISO days. */
  from: string | null;
  to: string | null;
  /** Record types to show; empty means all. */
  types: RowType[];
  /** Event kinds to show; empty means all. Quotes and aid items take the kind of their event. */
  kinds: EventKind[];
  q: string;
}

export const NO_FILTERS: Filters = { sources: [], actors: [], from: null, to: null, types: [], kinds: [], q: '' };

export interface Selection {
  events: Event[];
  quotes: Quote[];
  aid: AidItem[];
  discrepancies: Discrepancy[];
  rows: Row[];
  /** Datasette-style facet counts: each facet counts records matching every other filter. */
  facets: {
    /** Per outlet key: records citing any of the outlet's articles, each counted once. */
    outlets: Map<string, number>;
    actors: Map<string, number>;
    types: Map<RowType, number>;
    kinds: Map<EventKind, number>;
  };
  /** Source ids behind what is shown. */
  shownSources: string[];
}

export function isFiltered(f: Filters): boolean {
  return (
    f.sources.length > 0 ||
    f.actors.length > 0 ||
    f.from !== null ||
    f.to !== null ||
    f.types.length > 0 ||
    f.kinds.length > 0 ||
    f.q.trim() !== ''
  );
}

const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

/** Pure: the same index and filters always give the same selection. */
export function select(index: DatasetIndex, filters: Filters): Selection {
  const sourceSet = filters.sources.length ? new Set(filters.sources) : null;
  const actorSet = filters.actors.length ? new Set(filters.actors) : null;
  const typeSet = filters.types.length ? new Set(filters.types) : null;
  const kindSet = filters.kinds.length ? new Set(filters.kinds) : null;
  const from = filters.from ? isoToDay(filters.from) : -Infinity;
  const to = filters.to ? isoToDay(filters.to) : Infinity;
  const dated = filters.from !== null || filters.to !== null;
  const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean);

  const facets: Selection['facets'] = { outlets: new Map(), actors: new Map(), types: new Map(), kinds: new Map() };
  const shown: Row[] = [];
  const shownSources = new Set<string>();

  for (const row of index.rows) {
    const okSource = sourceSet === null || row.sources.some((s) => sourceSet.has(s));
    const okActor = actorSet === null || row.actors.some((a) => actorSet.has(a));
    const okDate = !dated || Number.isNaN(row.start) || (row.end >= from && row.start <= to);
    const okText = words.length === 0 || words.every((w) => row.text.includes(w));
    const okType = typeSet === null || typeSet.has(row.type);
    const okKind = kindSet === null || row.kinds.some((k) => kindSet.has(k));
    const base = okDate && okText;
    if (!base) continue;

    if (okActor && okType && okKind) for (const o of row.outlets) bump(facets.outlets, o);
    if (okSource && okType && okKind) for (const a of row.actors) bump(facets.actors, a);
    if (okSource && okActor && okKind) bump(facets.types, row.type);
    if (okSource && okActor && okType) for (const k of row.kinds) bump(facets.kinds, k);

    if (okSource && okActor && okType && okKind) {
      shown.push(row);
      for (const s of row.sources) shownSources.add(s);
    }
  }

  const byStart = (a: Row, b: Row) => a.start - b.start || a.end - b.end;
  const of = <T>(type: RowType) =>
    shown
      .filter((r) => r.type === type)
      .sort(byStart)
      .map((r) => r.record as T);

  return {
    events: of<Event>('event'),
    quotes: of<Quote>('quote'),
    aid: of<AidItem>('aid'),
    discrepancies: shown.filter((r) => r.type === 'discrepancy').map((r) => r.record as Discrepancy),
    rows: shown,
    facets,
    shownSources: index.sourceOrder.filter((s) => shownSources.has(s)),
  };
}
