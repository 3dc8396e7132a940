import { CREDIBILITY_GRADES, RELIABILITY_GRADES, type CredibilityGrade, type ReliabilityGrade } from './grading-vocabulary';
import { ROW_TYPES, type DatasetIndex, type RowType } from './indexes';
import type { EventKind } from './schema';
import { ISO_DATE_PATTERN, isRealIsoDate } from './formats';
import { PANEL_IDS, parsePanelLayout, writePanelLayout, type PanelLayout } from './panel-layout';
import { NO_FILTERS, type Filters } from './select';

/**
 * The one table of link parameters: for each part of the view, its key in the URL, its default, how
 * it is read (values that mean nothing for the dataset are dropped with a notice) and how it is
 * written (a default is left out of the URL). `parseView` and `writeView` are its only readers;
 * `readParam` serves the few parameters needed before a dataset is loaded.
 */
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
  /** Minimum credibility, 1–6 (Admiralty code): `cred=3` keeps facts graded 1 to 3. */
  minCredibility: 'cred',
  /** Source reliability grades, A–F: `rel=A,B`. */
  reliability: 'rel',
  /** Briefing layout: a4 (default) or slide. */
  format: 'format',
  /** What the briefing view shows: the tray's deck (the default, when the tray has pins) or `everything` the view shows. */
  show: 'show',
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
/** Values quoted back in one notice; the rest are counted. */
const MAX_LISTED = 10;

export const AID_SORT_KEYS = ['donor', 'item', 'category', 'amount', 'announced', 'effective', 'status', 'sources'] as const;
export type AidSortKey = (typeof AID_SORT_KEYS)[number];

export const QUOTE_GROUPS = ['speaker', 'event'] as const;
export const TIMELINE_LANES = ['kind', 'actor'] as const;
export const BRIEFING_FORMATS = ['a4', 'slide'] as const;
export type BriefingFormat = (typeof BRIEFING_FORMATS)[number];
export const BRIEFING_SHOWS = ['deck', 'everything'] as const;
export type BriefingShow = (typeof BRIEFING_SHOWS)[number];

export interface View {
  filters: Filters;
  record: string | null;
  group: (typeof QUOTE_GROUPS)[number];
  lane: (typeof TIMELINE_LANES)[number];
  sort: { key: AidSortKey; dir: 'asc' | 'desc' };
  briefing: boolean;
  format: BriefingFormat;
  show: BriefingShow;
  /** Event ids picked for comparison (at most two); empty means the default pair. */
  compare: string[];
  singleSource: boolean;
  /** The dataset's path as given; `resolveDatasetPath` decides whether it may be fetched. */
  dataset: string | null;
  /** A shared tray as given; the tray decodes it. */
  tray: string | null;
  /** Which panels are open and in what order. */
  panels: PanelLayout;
}

export interface ParsedView extends View {
  notices: string[];
}

interface Param<T> {
  key: string;
  fallback: T;
  parse: (raw: string, index: DatasetIndex, notices: string[]) => T;
  write: (value: T) => string;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** “a”, “b”, … and 3 more: at most MAX_LISTED values quoted back. */
function listed(values: readonly string[], quote = true): string {
  const shown = values.slice(0, MAX_LISTED).map((v) => (quote ? `“${clip(v)}”` : clip(v)));
  const rest = values.length - shown.length;
  return `${shown.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}

const split = (value: string) => [
  ...new Set(
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

function idList<T extends string>(key: string, what: string, isKnown: (v: string, index: DatasetIndex) => boolean): Param<T[]> {
  return {
    key,
    fallback: [],
    parse: (raw, index, notices) => {
      const values = split(raw);
      const bad = values.filter((v) => !isKnown(v, index));
      if (bad.length) notices.push(`Ignored unknown ${what}: ${listed(bad)}`);
      return values.filter((v) => isKnown(v, index)) as T[];
    },
    write: (value) => value.join(','),
  };
}

function oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T, what: string): Param<T> {
  return {
    key,
    fallback,
    parse: (raw, _index, notices) => {
      if ((allowed as readonly string[]).includes(raw)) return raw as T;
      notices.push(`Ignored ${what} “${clip(raw)}”`);
      return fallback;
    },
    write: (value) => value,
  };
}

function flag(key: string, on: string, off: string, what: string): Param<boolean> {
  const choice = oneOf(key, [off, on], off, what);
  return { key, fallback: false, parse: (raw, index, notices) => choice.parse(raw, index, notices) === on, write: (v) => (v ? on : off) };
}

function day(key: string, what: string): Param<string | null> {
  return {
    key,
    fallback: null,
    parse: (raw, _index, notices) => {
      if (raw === '') return null;
      if (raw.length === 10 && ISO_DATE_PATTERN.test(raw) && isRealIsoDate(raw)) return raw;
      notices.push(`Ignored ${what} date “${clip(raw)}”: expected YYYY-MM-DD`);
      return null;
    },
    write: (value) => value ?? '',
  };
}

const asGiven: Param<string | null> = { key: '', fallback: null, parse: (raw) => raw, write: (value) => value ?? '' };

const FILTER_PARAMS: { [K in keyof Filters]: Param<Filters[K]> } = {
  sources: idList(PARAMS.sources, 'source', (v, index) => index.sources.has(v)),
  actors: idList(PARAMS.actors, 'actor', (v, index) => index.actors.has(v)),
  types: idList<RowType>(PARAMS.types, 'record type', (v) => (ROW_TYPES as readonly string[]).includes(v)),
  kinds: idList<EventKind>(PARAMS.kinds, 'event kind', (v, index) => index.vocabulary.eventKinds.byId.has(v)),
  from: day(PARAMS.from, 'start'),
  to: day(PARAMS.to, 'end'),
  q: {
    key: PARAMS.q,
    fallback: '',
    parse: (raw, _index, notices) => {
      if (raw.length <= MAX_QUERY_LENGTH) return raw;
      notices.push(`Search text cut to ${MAX_QUERY_LENGTH} characters`);
      return raw.slice(0, MAX_QUERY_LENGTH);
    },
    write: (value) => (value.trim() ? value : ''),
  },
  minCredibility: {
    key: PARAMS.minCredibility,
    fallback: null,
    parse: (raw, _index, notices) => {
      const grade = CREDIBILITY_GRADES.find((g) => String(g) === raw);
      if (grade !== undefined) return grade as CredibilityGrade;
      notices.push(`Ignored minimum credibility “${clip(raw)}”: expected 1 to 6`);
      return null;
    },
    write: (value) => (value === null ? '' : String(value)),
  },
  reliability: idList<ReliabilityGrade>(PARAMS.reliability, 'reliability grade', (v) =>
    (RELIABILITY_GRADES as readonly string[]).includes(v),
  ),
};

const VIEW_PARAMS: { [K in Exclude<keyof View, 'filters'>]: Param<View[K]> } = {
  record: {
    key: PARAMS.record,
    fallback: null,
    parse: (raw, index, notices) => {
      if (index.rowById.has(raw) || index.keyPoints.has(raw)) return raw;
      notices.push(`Ignored unknown record “${clip(raw)}”`);
      return null;
    },
    write: (value) => value ?? '',
  },
  group: oneOf(PARAMS.group, QUOTE_GROUPS, 'speaker', 'quote grouping'),
  lane: oneOf(PARAMS.lane, TIMELINE_LANES, 'kind', 'timeline lanes'),
  sort: {
    key: PARAMS.sort,
    fallback: { key: 'announced', dir: 'asc' },
    parse: (raw, _index, notices) => {
      const m = /^(-?)([a-z]+)$/.exec(raw);
      const key = AID_SORT_KEYS.find((k) => k === m?.[2]);
      if (m && key) return { key, dir: m[1] ? 'desc' : 'asc' };
      notices.push(`Ignored table sort “${clip(raw)}”`);
      return { key: 'announced', dir: 'asc' };
    },
    write: (value) => `${value.dir === 'desc' ? '-' : ''}${value.key}`,
  },
  briefing: flag(PARAMS.view, 'briefing', 'dashboard', 'view'),
  format: oneOf(PARAMS.format, BRIEFING_FORMATS, 'a4', 'layout'),
  show: oneOf(PARAMS.show, BRIEFING_SHOWS, 'deck', 'briefing contents'),
  compare: {
    key: PARAMS.compare,
    fallback: [],
    parse: (raw, index, notices) => {
      const ids = idList<string>(PARAMS.compare, 'event to compare', (v) => index.events.has(v)).parse(raw, index, notices);
      if (ids.length <= 2) return ids;
      notices.push(`Only two events can be compared; ignored ${listed(ids.slice(2))}`);
      return ids.slice(0, 2);
    },
    write: (value) => value.join(','),
  },
  singleSource: flag(PARAMS.coverage, 'single', 'all', 'coverage option'),
  dataset: { ...asGiven, key: PARAMS.dataset },
  tray: { ...asGiven, key: PARAMS.tray },
  panels: {
    key: PARAMS.panels,
    fallback: { order: [...PANEL_IDS], collapsed: [] },
    parse: (raw, _index, notices) => {
      const { layout, unknown } = parsePanelLayout(raw, PANEL_IDS);
      if (unknown.length) notices.push(`Ignored unknown panel${unknown.length > 1 ? 's' : ''}: ${listed(unknown)}`);
      return layout;
    },
    write: (value) => writePanelLayout(value, PANEL_IDS) ?? '',
  },
};

function read<T>(params: URLSearchParams, param: Param<T>, index: DatasetIndex, notices: string[]): T {
  const raw = params.get(param.key);
  return raw === null ? param.fallback : param.parse(raw, index, notices);
}

/** Reads a view from the URL. Values that mean nothing for this dataset are dropped with a notice. */
export function parseView(params: URLSearchParams, index: DatasetIndex): ParsedView {
  const notices: string[] = [];
  const keys = [...params.keys()];
  const unknownKeys = [...new Set(keys.filter((k) => !KNOWN.has(k)))];
  if (unknownKeys.length) notices.push(`Ignored unknown link parameter${unknownKeys.length > 1 ? 's' : ''}: ${listed(unknownKeys, false)}`);
  for (const key of new Set(keys)) {
    const n = keys.filter((k) => k === key).length;
    if (n > 1 && KNOWN.has(key)) notices.push(`Link parameter ${key} given ${n === 2 ? 'twice' : `${n} times`}; used the first`);
  }

  const filters = { ...NO_FILTERS };
  for (const name of Object.keys(FILTER_PARAMS) as (keyof Filters)[]) {
    (filters as Record<keyof Filters, unknown>)[name] = read(params, FILTER_PARAMS[name] as Param<unknown>, index, notices);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    notices.push(`Ignored a date range that ends (${filters.to}) before it starts (${filters.from})`);
    filters.from = null;
    filters.to = null;
  }
  const view = { filters } as View;
  for (const name of Object.keys(VIEW_PARAMS) as (keyof typeof VIEW_PARAMS)[]) {
    (view as unknown as Record<string, unknown>)[name] = read(params, VIEW_PARAMS[name] as Param<unknown>, index, notices);
  }
  return { ...view, notices };
}

/** Writes part of a view into a copy of the params, leaving the other parameters as they are; defaults are left out. */
export function writeView(params: URLSearchParams, part: Partial<View>): URLSearchParams {
  const next = new URLSearchParams(params);
  const put = <T>(param: Param<T>, value: T) => {
    const text = param.write(value);
    if (text === '' || text === param.write(param.fallback)) next.delete(param.key);
    else next.set(param.key, text);
  };
  if (part.filters) {
    for (const name of Object.keys(FILTER_PARAMS) as (keyof Filters)[]) {
      put(FILTER_PARAMS[name] as Param<unknown>, part.filters[name]);
    }
  }
  for (const name of Object.keys(VIEW_PARAMS) as (keyof typeof VIEW_PARAMS)[]) {
    if (name in part) put(VIEW_PARAMS[name] as Param<unknown>, part[name]);
  }
  return next;
}

/** The parameters needed before a dataset is loaded, as given in the link. */
export function readParam(params: URLSearchParams, name: 'dataset' | 'tray'): string | null {
  return params.get(VIEW_PARAMS[name].key);
}

/** What a panel shows besides the dataset: the filters and the panels' own settings. */
const PANEL_VIEW_KEYS = ['group', 'lane', 'sort', 'compare', 'singleSource'] as const satisfies readonly (keyof View)[];
const PANEL_KEYS = new Set<string>([...Object.values(FILTER_PARAMS).map((p) => p.key), ...PANEL_VIEW_KEYS.map((k) => VIEW_PARAMS[k].key)]);

/**
 * The part of a view a panel pinned to the deck keeps, as a query string of this table: its filters
 * and the panels' settings, never the page's own state (open record, briefing, layout, dataset).
 */
export function panelViewOf(view: View): string {
  const part: Partial<View> = { filters: view.filters };
  for (const k of PANEL_VIEW_KEYS) (part as Record<string, unknown>)[k] = view[k];
  return writeView(new URLSearchParams(), part).toString();
}

/** A pinned panel's view read back; anything else in it is dropped with a notice, as in a link. */
export function readPanelView(text: string, index: DatasetIndex): ParsedView {
  const params = new URLSearchParams(text);
  const notices: string[] = [];
  const foreign = [...new Set([...params.keys()].filter((k) => KNOWN.has(k) && !PANEL_KEYS.has(k)))];
  for (const k of foreign) params.delete(k);
  if (foreign.length) notices.push(`Ignored ${listed(foreign, false)} in a pinned panel's view`);
  const read = parseView(params, index);
  return { ...read, notices: [...notices, ...read.notices] };
}

/** Writes filters into a copy of the params, leaving other parameters as they are. */
export function withFilters(params: URLSearchParams, filters: Filters): URLSearchParams {
  return writeView(params, { filters });
}

export function clearFilters(params: URLSearchParams): URLSearchParams {
  return withFilters(params, NO_FILTERS);
}
