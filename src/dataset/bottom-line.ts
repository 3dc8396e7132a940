import { totalsByCurrency, type Money } from '../lib/format';
import type { DatasetIndex } from './indexes';
import type { AidItem, Discrepancy, Event, KeyPoint } from './schema';
import type { Selection } from './select';
import { compareIsoDates } from './formats';

/** Where an aid item stands: announced (or reported, planned), already in effect, or taking effect later. */
export type AidStage = 'announced' | 'in-effect' | 'later';
export const AID_STAGES: readonly AidStage[] = ['announced', 'in-effect', 'later'];
/** Read before the year: "Announced in 2024", "In effect since 2024", "Takes effect in 2026". */
export const AID_STAGE_LABEL: Record<AidStage, string> = {
  announced: 'Announced in',
  'in-effect': 'In effect since',
  later: 'Takes effect in',
};

export interface AidFigure {
  stage: AidStage;
  /** The year the items were announced; for `later` and `in-effect`, the year they take effect where known. */
  year: string;
  items: AidItem[];
  /** Per currency, never added across currencies; an item inside a package priced here is counted in the package. */
  totals: Money[];
}

export interface KeyFigures {
  /** Contact events (calls, meetings) of the selection, in date order. */
  contacts: Event[];
  aid: AidFigure[];
  /** Facts (events, quotes, aid items) shown, and how many of them rest on one outlet. */
  facts: number;
  singleOutlet: number;
  /** Discrepancies shown; none is ever resolved away, so every one is open. */
  discrepancies: number;
  conflicts: number;
  byKind: Map<Discrepancy['kind'], number>;
}

/** `inEffect`: the statuses the dataset's vocabulary says take effect (vocabulary.inEffectStatuses). */
export function aidStage(item: AidItem, inEffect: ReadonlySet<string>): AidStage {
  if (inEffect.has(item.status)) return 'in-effect';
  if (item.effective && compareIsoDates(item.effective.value, item.announced.value) > 0) return 'later';
  return 'announced';
}

const yearOf = (iso: string) => iso.slice(0, 4);

function aidFigures(items: readonly AidItem[], inEffect: ReadonlySet<string>): AidFigure[] {
  const shown = new Map(items.map((a) => [a.id, a]));
  /** True when a package this item belongs to is shown with a price, which already covers the item. */
  const pricedAbove = (item: AidItem): boolean => {
    const seen = new Set<string>();
    for (let up = item.partOf; up !== undefined && !seen.has(up); up = shown.get(up)?.partOf) {
      seen.add(up);
      if (shown.get(up)?.amount) return true;
    }
    return false;
  };
  const groups = new Map<string, AidFigure>();
  for (const item of items) {
    const stage = aidStage(item, inEffect);
    const year = yearOf(stage !== 'announced' && item.effective ? item.effective.value : item.announced.value);
    const key = `${stage} ${year}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { stage, year, items: [], totals: [] }));
    group.items.push(item);
  }
  const out = [...groups.values()];
  for (const g of out) g.totals = totalsByCurrency(g.items.filter((a) => !pricedAbove(a)).map((a) => a.amount));
  return out.sort((a, b) => AID_STAGES.indexOf(a.stage) - AID_STAGES.indexOf(b.stage) || a.year.localeCompare(b.year));
}

/**
 * The key points that fit the selection: all of them without filters; with filters, a point shows
 * while any record it is about is shown, and a point about no record while its sources are allowed.
 */
export function keyPointsFor(index: DatasetIndex, selection: Selection, filtered: boolean, sources: readonly string[]): KeyPoint[] {
  const points = index.dataset.keyPoints ?? [];
  if (!filtered || points.length === 0) return points;
  // The page counts them for its nav and the panel lists them: one selection, one pass.
  const key = sources.join('\u0000');
  const cached = pointsCache.get(selection);
  if (cached?.index === index && cached.key === key) return cached.points;
  const found = pointsShown(points, selection, sources);
  pointsCache.set(selection, { index, key, points: found });
  return found;
}

const pointsCache = new WeakMap<Selection, { index: DatasetIndex; key: string; points: KeyPoint[] }>();

function pointsShown(points: readonly KeyPoint[], selection: Selection, sources: readonly string[]): KeyPoint[] {
  // Only the records some point is about are looked for: a set of every shown id costs tens of
  // milliseconds at 100,000 records, on every filter change.
  const about = new Set(points.flatMap((p) => p.about ?? []));
  const shown = new Set<string>();
  if (about.size) for (const r of selection.rows) if (about.has(r.id)) shown.add(r.id);
  const allowed = sources.length ? new Set(sources) : null;
  return points.filter((p) =>
    p.about?.length ? p.about.some((id) => shown.has(id)) : allowed === null || p.citations.some((c) => allowed.has(c.source)),
  );
}

/**
 * Pure: the figures an analyst reads first, from whatever dataset is loaded and what the filters
 * leave. Contacts are the events of the kinds the dataset's vocabulary flags as contacts.
 */
export function keyFigures(
  index: DatasetIndex,
  selection: Selection,
  isContact: (event: Event) => boolean = (e) => index.vocabulary.contactKinds.has(e.kind),
): KeyFigures {
  // Facts are the shown rows other than discrepancies; each row carries its outlets, so no lookup by id.
  let facts = 0;
  let singleOutlet = 0;
  for (const row of selection.rows) {
    if (row.type === 'discrepancy') continue;
    facts++;
    if (row.outlets.length === 1) singleOutlet++;
  }
  const byKind = new Map<Discrepancy['kind'], number>();
  for (const d of selection.discrepancies) byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1);
  return {
    contacts: selection.events.filter(isContact),
    aid: aidFigures(selection.aid, index.vocabulary.inEffectStatuses),
    facts,
    singleOutlet,
    discrepancies: selection.discrepancies.length,
    conflicts: byKind.get('conflict') ?? 0,
    byKind,
  };
}
