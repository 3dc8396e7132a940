import { isoToDay } from '../lib/dates';
import { ROW_TYPES, type DatasetIndex, type Row, type RowType } from './indexes';
import { CREDIBILITY_GRADES, RELIABILITY_GRADES, type CredibilityGrade, type ReliabilityGrade } from './grading-vocabulary';
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
  /**
   * Records at least this credible: 1 (confirmed) shows only 1, 3 shows 1–3; null shows all. A
   * discrepancy takes the best grade of the records it concerns, and passes when it concerns none.
   */
  minCredibility: CredibilityGrade | null;
  /** Reliability grades to show, a record taking its best source's grade; empty means all. */
  reliability: ReliabilityGrade[];
}

export const NO_FILTERS: Filters = {
  sources: [],
  actors: [],
  from: null,
  to: null,
  types: [],
  kinds: [],
  q: '',
  minCredibility: null,
  reliability: [],
};

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
    /** Per credibility grade, exactly that grade (sum them for "at least"); a discrepancy concerning no graded record is not counted. */
    credibility: Map<CredibilityGrade, number>;
    reliability: Map<ReliabilityGrade, number>;
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
    f.q.trim() !== '' ||
    f.minCredibility !== null ||
    f.reliability.length > 0
  );
}

/** How many filters are on: each of sources, actors, dates, types, kinds, text and the two grades counts once. */
export function activeFilterCount(f: Filters): number {
  return [
    f.sources.length > 0,
    f.actors.length > 0,
    f.from !== null || f.to !== null,
    f.types.length > 0,
    f.kinds.length > 0,
    f.q.trim() !== '',
    f.minCredibility !== null,
    f.reliability.length > 0,
  ].filter(Boolean).length;
}

/**
 * Rows whose text holds every word, as a 0/1 mask. The texts are joined once per index into one
 * string, so each word is one native `indexOf` sweep instead of a call per row; the last answer is
 * kept, since most filter changes leave the search text as it was.
 */
const textSearch = new WeakMap<DatasetIndex, { blob: string; at: Int32Array; q: string; mask: Uint8Array }>();
const SEPARATOR = '\u0000';

function textMask(index: DatasetIndex, words: readonly string[]): Uint8Array {
  const q = words.join(' ');
  let search = textSearch.get(index);
  if (search?.q === q) return search.mask;
  if (!search) {
    const at = new Int32Array(index.rows.length + 1);
    let offset = 0;
    index.rows.forEach((r, i) => {
      at[i] = offset;
      offset += r.text.length + 1;
    });
    at[index.rows.length] = offset;
    search = { blob: index.rows.map((r) => r.text).join(SEPARATOR), at, q: '', mask: new Uint8Array(0) };
    textSearch.set(index, search);
  }
  const { blob, at } = search;
  const n = index.rows.length;
  let mask: Uint8Array | null = null;
  for (const word of words) {
    const hit = new Uint8Array(n);
    if (word.includes(SEPARATOR)) {
      index.rows.forEach((r, i) => {
        if ((mask === null || mask[i]) && r.text.includes(word)) hit[i] = 1;
      });
      mask = hit;
      continue;
    }
    let row = 0;
    let pos = blob.indexOf(word);
    while (pos !== -1) {
      // The row holding `pos`: rows only move forward, so step, or jump by binary search when far.
      if (at[row + 1] <= pos) {
        let lo = row + 1;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (at[mid] <= pos) lo = mid;
          else hi = mid - 1;
        }
        row = lo;
      }
      if (mask === null || mask[row]) hit[row] = 1;
      if (row + 1 >= n) break;
      pos = blob.indexOf(word, at[row + 1]);
    }
    mask = hit;
  }
  search.q = q;
  search.mask = mask ?? new Uint8Array(n).fill(1);
  return search.mask;
}

/** 1 at the positions of the chosen ids; null when nothing is chosen (no filter). */
function chosen(ids: readonly string[], numbering: readonly string[]): Uint8Array | null {
  if (ids.length === 0) return null;
  const want = new Set(ids);
  const flags = new Uint8Array(numbering.length);
  numbering.forEach((id, i) => {
    if (want.has(id)) flags[i] = 1;
  });
  return flags;
}

function anyOf(values: Int32Array, at: Int32Array, i: number, flags: Uint8Array | null): boolean {
  if (flags === null) return true;
  for (let j = at[i]; j < at[i + 1]; j++) if (flags[values[j]]) return true;
  return false;
}

function countInto(counts: Int32Array, values: Int32Array, at: Int32Array, i: number): void {
  for (let j = at[i]; j < at[i + 1]; j++) if (values[j] >= 0) counts[values[j]]++;
}

function toMap<K>(keys: readonly K[], counts: Int32Array): Map<K, number> {
  const map = new Map<K, number>();
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) map.set(keys[i], counts[i]);
  return map;
}

/** Pure: the same index and filters always give the same selection. */
export function select(index: DatasetIndex, filters: Filters): Selection {
  const k = index.keys;
  const n = index.rows.length;
  const sourceOk = chosen(filters.sources, k.sourceIds);
  const actorOk = chosen(filters.actors, k.actorIds);
  const typeOk = chosen(filters.types, ROW_TYPES);
  const kindOk = chosen(filters.kinds, k.kindIds);
  const from = filters.from ? isoToDay(filters.from) : -Infinity;
  const to = filters.to ? isoToDay(filters.to) : Infinity;
  const dated = filters.from !== null || filters.to !== null;
  const words = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
  const textOk = words.length ? textMask(index, words) : null;
  const minCredibility = filters.minCredibility ?? 0;
  const reliabilityOk = chosen(filters.reliability, RELIABILITY_GRADES);

  const outletCounts = new Int32Array(k.outletKeys.length);
  const actorCounts = new Int32Array(k.actorIds.length);
  const typeCounts = new Int32Array(ROW_TYPES.length);
  const kindCounts = new Int32Array(k.kindIds.length);
  // Indexed by the grade itself; 0 (no grade) is never counted.
  const credibilityCounts = new Int32Array(CREDIBILITY_GRADES.length + 1);
  const reliabilityCounts = new Int32Array(RELIABILITY_GRADES.length);
  const shownSource = new Uint8Array(k.sourceIds.length);
  const shown: Row[] = [];
  const byType: [Event[], Quote[], AidItem[], Discrepancy[]] = [[], [], [], []];

  for (let i = 0; i < n; i++) {
    if (dated && !(k.end[i] >= from && k.start[i] <= to) && !Number.isNaN(k.start[i])) continue;
    if (textOk !== null && !textOk[i]) continue;
    const okSource = anyOf(k.sources, k.sourcesAt, i, sourceOk);
    const okActor = anyOf(k.actors, k.actorsAt, i, actorOk);
    const okType = typeOk === null || typeOk[k.type[i]] === 1;
    const okKind = anyOf(k.kinds, k.kindsAt, i, kindOk);
    const credibility = k.credibility[i];
    const okCredibility = minCredibility === 0 || credibility === 0 || credibility <= minCredibility;
    const okReliability = reliabilityOk === null || reliabilityOk[k.reliability[i]] === 1;
    const okGrade = okCredibility && okReliability;

    if (okActor && okType && okKind && okGrade) countInto(outletCounts, k.outlets, k.outletsAt, i);
    if (okSource && okType && okKind && okGrade) countInto(actorCounts, k.actors, k.actorsAt, i);
    if (okSource && okActor && okKind && okGrade) typeCounts[k.type[i]]++;
    if (okSource && okActor && okType && okGrade) countInto(kindCounts, k.kinds, k.kindsAt, i);
    const okRest = okSource && okActor && okType && okKind;
    if (okRest && okReliability && credibility > 0) credibilityCounts[credibility]++;
    if (okRest && okCredibility) reliabilityCounts[k.reliability[i]]++;

    if (okRest && okGrade) {
      const row = index.rows[i];
      shown.push(row);
      (byType[k.type[i]] as Row['record'][]).push(row.record);
      for (let j = k.sourcesAt[i]; j < k.sourcesAt[i + 1]; j++) shownSource[k.sources[j]] = 1;
    }
  }

  const shownIds = new Set(k.sourceIds.filter((_, i) => shownSource[i] === 1));
  return {
    events: byType[0],
    quotes: byType[1],
    aid: byType[2],
    discrepancies: byType[3],
    rows: shown,
    facets: {
      outlets: toMap(k.outletKeys, outletCounts),
      actors: toMap(k.actorIds, actorCounts),
      types: toMap(ROW_TYPES, typeCounts),
      kinds: toMap(k.kindIds, kindCounts),
      credibility: toMap([0, ...CREDIBILITY_GRADES], credibilityCounts) as Map<CredibilityGrade, number>,
      reliability: toMap(RELIABILITY_GRADES, reliabilityCounts),
    },
    shownSources: index.sourceOrder.filter((s) => shownIds.has(s)),
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * `next` with each list that holds the same records as in `previous` replaced by the previous list
 * itself, so a panel whose records a filter change left as they were gets the very same array and
 * need not draw again.
 */
export function reuseUnchanged(previous: Selection | null, next: Selection): Selection {
  if (!previous) return next;
  const keep = <T>(a: T[], b: T[]) => (sameItems(a, b) ? a : b);
  return {
    ...next,
    events: keep(previous.events, next.events),
    quotes: keep(previous.quotes, next.quotes),
    aid: keep(previous.aid, next.aid),
    discrepancies: keep(previous.discrepancies, next.discrepancies),
    rows: keep(previous.rows, next.rows),
    shownSources: keep(previous.shownSources, next.shownSources),
  };
}

const lastSelection = new WeakMap<DatasetIndex, Selection>();

/** `select`, its lists shared with the last selection made on this index where they hold the same records. */
export function selectSharing(index: DatasetIndex, filters: Filters): Selection {
  const selection = reuseUnchanged(lastSelection.get(index) ?? null, select(index, filters));
  lastSelection.set(index, selection);
  return selection;
}
