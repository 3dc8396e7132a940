import type { DatasetIndex } from '../../dataset/indexes';
import type { AidItem } from '../../dataset/schema';
import { totalsByCurrency, type Money } from '../../lib/format';
import { actorName } from '../../records/names';

import type { AidSortKey } from '../../dataset/url-state';

export type SortKey = AidSortKey;

const collate = new Intl.Collator().compare;

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
      const byCurrency = collate(String(a), String(b));
      if (byCurrency) return byCurrency;
      return ((x.item.amount?.value ?? 0) - (y.item.amount?.value ?? 0)) * sign || collate(x.item.id, y.item.id);
    }
    const c = typeof a === 'number' && typeof b === 'number' ? a - b : collate(String(a), String(b));
    return c * sign || collate(x.item.id, y.item.id);
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

/** What the shown items amount to, per currency; an item inside a package is counted with its package only. */
export function aidTotals(items: readonly AidItem[]): Money[] {
  return totalsByCurrency(items.filter((a) => a.partOf === undefined).map((a) => a.amount));
}
