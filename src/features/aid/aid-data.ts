import type { DatasetIndex } from '../../dataset/indexes';
import type { AidItem } from '../../dataset/schema';
import { totalsByCurrency, type Money } from '../../lib/format';
import { actorName } from '../../records/names';
import { termLabel } from '../../dataset/vocabulary';
import { dateSpan, isoToDay } from '../../lib/dates';

import type { AidSortKey } from '../../dataset/url-state';
import { compareText } from '../../lib/collate';

export type SortKey = AidSortKey;

/** Pure: a sorted copy; items without a value for the key sort last either way. */
export function sortAid(items: readonly AidItem[], key: SortKey, dir: 'asc' | 'desc', index: DatasetIndex): AidItem[] {
  const statusOrder = new Map(index.vocabulary.aidStatuses.list.map((t, i) => [t.id, i]));
  const value = (a: AidItem): string | number | undefined => {
    switch (key) {
      case 'donor':
        return actorName(index, a.donor);
      case 'item':
        return a.item.toLowerCase();
      case 'category':
        return a.category;
      case 'amount':
        // Ordered within each currency only, the value doing the rest in the comparison below.
        return a.amount ? a.amount.currency : undefined;
      case 'announced':
        return a.announced.value;
      case 'effective':
        return a.effective?.value;
      case 'status':
        // In the vocabulary's order, which runs from announced towards delivered.
        return statusOrder.get(a.status);
      case 'sources':
        return new Set(a.citations.map((c) => c.source)).size;
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  // Each value once, not once per comparison; one collator, the same order as localeCompare.
  const keyed = items.map((item) => ({ item, v: value(item) }));
  keyed.sort((x, y) => {
    const a = x.v;
    const b = y.v;
    if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
    if (key === 'amount') {
      // Never one currency against another: by currency, then by value within it.
      const byCurrency = compareText(String(a), String(b));
      if (byCurrency) return byCurrency;
      return ((x.item.amount?.value ?? 0) - (y.item.amount?.value ?? 0)) * sign || compareText(x.item.id, y.item.id);
    }
    const c = typeof a === 'number' && typeof b === 'number' ? a - b : compareText(String(a), String(b));
    return c * sign || compareText(x.item.id, y.item.id);
  });
  return keyed.map((k) => k.item);
}

export interface YearBucket {
  year: string;
  announced: number;
  takesEffect: number;
  /** Per currency, what the items announced that year amount to (items inside a package not counted again). */
  amountsAnnounced: Money[];
}

/** Pure: per year, how many items were announced and how many take effect (announced now vs. later). */
export function aidByYear(items: readonly AidItem[]): YearBucket[] {
  const years = new Map<string, YearBucket>();
  const at = (year: string) => {
    let b = years.get(year);
    if (!b) {
      b = { year, announced: 0, takesEffect: 0, amountsAnnounced: [] };
      years.set(year, b);
    }
    return b;
  };
  for (const a of items) {
    const bucket = at(a.announced.value.slice(0, 4));
    bucket.announced++;
    if (a.amount && a.partOf === undefined) bucket.amountsAnnounced = totalsByCurrency([...bucket.amountsAnnounced, a.amount]);
    if (a.effective) at(a.effective.value.slice(0, 4)).takesEffect++;
  }
  const list = [...years.values()].sort((a, b) => a.year.localeCompare(b.year));
  if (list.length < 2) return list;
  // Fill the gap years so the axis reads as time.
  const first = Number(list[0].year);
  const last = Number(list[list.length - 1].year);
  if (last - first > 40) return list;
  for (let y = first; y <= last; y++) at(String(y));
  return [...years.values()].sort((a, b) => a.year.localeCompare(b.year));
}

/** The chart in one sentence: which years carry announcements and which carry effects. */
export function aidSummary(years: readonly YearBucket[]): string {
  const said = years.filter((y) => y.announced > 0).map((y) => `${y.announced} announced in ${y.year}`);
  const effect = years
    .filter((y) => y.takesEffect > 0)
    .map((y) => `${y.takesEffect} take${y.takesEffect === 1 ? 's' : ''} effect in ${y.year}`);
  return [...said, ...effect].join('; ') + (said.length + effect.length ? '.' : '');
}

export interface MoneyRow {
  donor: string;
  status: string;
  statusLabel: string;
  value: number;
  items: number;
}

/**
 * Money by donor and status, one table per currency (never added across currencies). An item inside a
 * package that carries its own amount is counted in the package only. Announced and delivered stay apart:
 * each status is its own row.
 */
export function moneyByDonorAndStatus(items: readonly AidItem[], index: DatasetIndex): { currency: string; rows: MoneyRow[] }[] {
  const byId = new Map(items.map((a) => [a.id, a]));
  const counted = (a: AidItem) => {
    for (let at = a.partOf, hops = 0; at !== undefined && hops < 50; hops++) {
      const parent = byId.get(at) ?? (index.rowById.get(at)?.record as AidItem | undefined);
      if (parent?.amount?.currency === a.amount?.currency) return false;
      at = parent?.partOf;
    }
    return true;
  };
  const statusAt = new Map(index.vocabulary.aidStatuses.list.map((t, i) => [t.id, i]));
  const tables = new Map<string, Map<string, MoneyRow>>();
  for (const a of items) {
    if (!a.amount || !counted(a)) continue;
    const rows = tables.get(a.amount.currency) ?? new Map<string, MoneyRow>();
    tables.set(a.amount.currency, rows);
    const key = `${a.donor}\u0000${a.status}`;
    const row = rows.get(key);
    if (row) {
      row.value += a.amount.value;
      row.items++;
    } else
      rows.set(key, {
        donor: actorName(index, a.donor),
        status: a.status,
        statusLabel: termLabel(index.vocabulary.aidStatuses, a.status),
        value: a.amount.value,
        items: 1,
      });
  }
  return [...tables].map(([currency, rows]) => ({
    currency,
    rows: [...rows.values()].sort((x, y) => compareText(x.donor, y.donor) || (statusAt.get(x.status) ?? 0) - (statusAt.get(y.status) ?? 0)),
  }));
}

export interface RolledItem {
  item: AidItem;
  /** 0 for a package or a stand-alone item, 1 for an item inside a package, and so on. */
  depth: number;
  /** Not among the items the filters keep: shown because an item inside it is. */
  context: boolean;
  /** The package it is inside, by name (with its amount, when the name does not say it). */
  parent: string | null;
}

/**
 * Packages with their items inside them, in date order: an item `partOf` a package comes right after
 * it, indented. A package the filters leave out is kept in view, marked as context, when one of its
 * items is shown (a search for the item keeps its package).
 */
export function rollUp(items: readonly AidItem[], index: DatasetIndex): RolledItem[] {
  const shown = new Set(items.map((a) => a.id));
  const all = new Map(items.map((a) => [a.id, a]));
  for (const a of items) {
    for (let at = a.partOf, hops = 0; at !== undefined && hops < 50 && !all.has(at); hops++) {
      const parent = index.rowById.get(at)?.record as AidItem | undefined;
      if (!parent) break;
      all.set(at, parent);
      at = parent.partOf;
    }
  }
  const children = new Map<string, AidItem[]>();
  const roots: AidItem[] = [];
  for (const a of all.values()) {
    if (a.partOf !== undefined && all.has(a.partOf)) children.set(a.partOf, [...(children.get(a.partOf) ?? []), a]);
    else roots.push(a);
  }
  const byDate = (x: AidItem, y: AidItem) => isoToDay(x.announced.value) - isoToDay(y.announced.value) || compareText(x.item, y.item);
  const out: RolledItem[] = [];
  const seen = new Set<string>();
  const visit = (a: AidItem, depth: number) => {
    if (seen.has(a.id)) return;
    seen.add(a.id);
    const up = a.partOf === undefined ? undefined : all.get(a.partOf);
    out.push({ item: a, depth, context: !shown.has(a.id), parent: up ? up.item : null });
    for (const c of (children.get(a.id) ?? []).sort(byDate)) visit(c, depth + 1);
  };
  for (const r of roots.sort(byDate)) visit(r, 0);
  return out;
}

/** The days an item's line runs over: from its announcement to the end of the period it takes effect in. */
export function aidSpan(a: AidItem): { announced: [number, number]; effective: [number, number] | null } {
  return { announced: dateSpan(a.announced), effective: a.effective ? dateSpan(a.effective) : null };
}

/** What the shown items amount to, per currency; an item inside a package is counted with its package only. */
export function aidTotals(items: readonly AidItem[]): Money[] {
  return totalsByCurrency(items.filter((a) => a.partOf === undefined).map((a) => a.amount));
}
