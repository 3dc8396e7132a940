import { ISO_DATE_PATTERN, isRealIsoDate, EVENT_KINDS, type EventKind } from '../dataset/schema';
import { ROW_TYPES, type DatasetIndex, type RowType } from '../dataset/indexes';
import { NO_FILTERS, type Filters } from '../dataset/select';
import { PANEL_IDS, parsePanelLayout, type PanelLayout } from './panel-layout';

/** Every query parameter the app understands; anything else in a link is ignored with a notice. */
export const PARAMS = {
  dataset: 'dataset',
  sources: 'src',
  actors: 'actor',
  from: 'from',
  to: 'to',
  types: 'type',
  kinds: 'kind',
  q: 'q',
  record: 'rec',
  group: 'group',
  lane: 'lane',
  sort: 'sort',
  view: 'view',
  /** Briefing layout: a4 (default) or slide; read by the briefing view. */
  format: 'format',
  /** Two event ids side by side in Compare calls: `cmp=<id>,<id>`. */
  compare: 'cmp',
  /** Source coverage: `cov=single` keeps facts that rest on one outlet. */
  coverage: 'cov',
  /** A shared briefing tray (`id~note,id`); read once into the tray, which then lives in the browser. */
  tray: 'tray',
  /** Panel order and folded panels: `panels=aid,-quotes` (see panel-layout.ts). */
  panels: 'panels',
} as const;

const KNOWN = new Set<string>(Object.values(PARAMS));
export const MAX_QUERY_LENGTH = 200;

export interface ParsedView {
  filters: Filters;
  record: string | null;
  group: 'speaker' | 'event';
  lane: 'kind' | 'actor';
  sort: { key: string; dir: 'asc' | 'desc' };
  briefing: boolean;
  /** Event ids picked for comparison (at most two); empty means the default pair. */
  compare: string[];
  singleSource: boolean;
  panels: PanelLayout;
  notices: string[];
}

export const AID_SORT_KEYS = ['donor', 'item', 'category', 'amount', 'announced', 'effective', 'status', 'sources'] as const;

const list = (value: string | null) =>
  value === null
    ? []
    : [
        ...new Set(
          value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];

function keepKnown<T extends string>(values: string[], isKnown: (v: string) => boolean, what: string, notices: string[]): T[] {
  const bad = values.filter((v) => !isKnown(v));
  if (bad.length) notices.push(`Ignored unknown ${what}: ${bad.map((b) => `“${clip(b)}”`).join(', ')}`);
  return values.filter(isKnown) as T[];
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

function parseDay(value: string | null, what: string, notices: string[]): string | null {
  if (value === null || value === '') return null;
  if (value.length === 10 && ISO_DATE_PATTERN.test(value) && isRealIsoDate(value)) return value;
  notices.push(`Ignored ${what} date “${clip(value)}”: expected YYYY-MM-DD`);
  return null;
}

/** Reads a view from the URL. Values that mean nothing for this dataset are dropped with a notice. */
export function parseView(params: URLSearchParams, index: DatasetIndex): ParsedView {
  const notices: string[] = [];
  const unknownKeys = [...new Set([...params.keys()].filter((k) => !KNOWN.has(k)))];
  if (unknownKeys.length)
    notices.push(`Ignored unknown link parameter${unknownKeys.length > 1 ? 's' : ''}: ${unknownKeys.map(clip).join(', ')}`);

  const sources = keepKnown<string>(list(params.get(PARAMS.sources)), (v) => index.sources.has(v), 'source', notices);
  const actors = keepKnown<string>(list(params.get(PARAMS.actors)), (v) => index.actors.has(v), 'actor', notices);
  const types = keepKnown<RowType>(
    list(params.get(PARAMS.types)),
    (v) => (ROW_TYPES as readonly string[]).includes(v),
    'record type',
    notices,
  );
  const kinds = keepKnown<EventKind>(
    list(params.get(PARAMS.kinds)),
    (v) => (EVENT_KINDS as readonly string[]).includes(v),
    'event kind',
    notices,
  );
  let from = parseDay(params.get(PARAMS.from), 'start', notices);
  let to = parseDay(params.get(PARAMS.to), 'end', notices);
  if (from && to && from > to) {
    notices.push(`Ignored a date range that ends (${to}) before it starts (${from})`);
    from = null;
    to = null;
  }
  let q = params.get(PARAMS.q) ?? '';
  if (q.length > MAX_QUERY_LENGTH) {
    notices.push(`Search text cut to ${MAX_QUERY_LENGTH} characters`);
    q = q.slice(0, MAX_QUERY_LENGTH);
  }

  let record = params.get(PARAMS.record);
  if (record !== null && !index.rowById.has(record) && !index.keyPoints.has(record)) {
    notices.push(`Ignored unknown record “${clip(record)}”`);
    record = null;
  }

  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T, what: string): T => {
    const v = params.get(key);
    if (v === null) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    notices.push(`Ignored ${what} “${clip(v)}”`);
    return fallback;
  };
  const group = oneOf(PARAMS.group, ['speaker', 'event'] as const, 'speaker', 'quote grouping');
  const lane = oneOf(PARAMS.lane, ['kind', 'actor'] as const, 'kind', 'timeline lanes');
  const view = oneOf(PARAMS.view, ['dashboard', 'briefing'] as const, 'dashboard', 'view');
  const coverage = oneOf(PARAMS.coverage, ['all', 'single'] as const, 'all', 'coverage option');
  let compare = keepKnown<string>(list(params.get(PARAMS.compare)), (v) => index.events.has(v), 'event to compare', notices);
  if (compare.length > 2) {
    const extra = compare.slice(2).map((c) => `“${clip(c)}”`);
    notices.push(`Only two events can be compared; ignored ${extra.join(', ')}`);
    compare = compare.slice(0, 2);
  }

  let sort: ParsedView['sort'] = { key: 'announced', dir: 'asc' };
  const rawSort = params.get(PARAMS.sort);
  if (rawSort !== null) {
    const m = /^(-?)([a-z]+)$/.exec(rawSort);
    if (m && (AID_SORT_KEYS as readonly string[]).includes(m[2])) sort = { key: m[2], dir: m[1] ? 'desc' : 'asc' };
    else notices.push(`Ignored table sort “${clip(rawSort)}”`);
  }

  const panels = parsePanelLayout(params.get(PARAMS.panels), PANEL_IDS);
  if (panels.unknown.length)
    notices.push(`Ignored unknown panel${panels.unknown.length > 1 ? 's' : ''}: ${panels.unknown.map((p) => `“${clip(p)}”`).join(', ')}`);

  return {
    filters: { ...NO_FILTERS, sources, actors, types, kinds, from, to, q },
    record,
    group,
    lane,
    sort,
    briefing: view === 'briefing',
    compare,
    singleSource: coverage === 'single',
    panels: panels.layout,
    notices,
  };
}

/** Writes filters into a copy of the params, leaving other parameters as they are. */
export function withFilters(params: URLSearchParams, filters: Filters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  set(PARAMS.sources, filters.sources.join(','));
  set(PARAMS.actors, filters.actors.join(','));
  set(PARAMS.types, filters.types.join(','));
  set(PARAMS.kinds, filters.kinds.join(','));
  set(PARAMS.from, filters.from);
  set(PARAMS.to, filters.to);
  set(PARAMS.q, filters.q.trim() ? filters.q : null);
  return next;
}

export function clearFilters(params: URLSearchParams): URLSearchParams {
  return withFilters(params, NO_FILTERS);
}
