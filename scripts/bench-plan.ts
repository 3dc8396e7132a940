import type { DatasetInput } from '../src/dataset/schema';
import { maxOf, minOf } from '../src/lib/bounds';

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile; NaN for no values. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  if (p === 50 && sorted.length % 2 === 0) return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface FilterChange {
  kind: 'source' | 'actor' | 'text' | 'date';
  /** The filter part of the query string (the dataset parameter is added by the caller). */
  query: string;
}

const KINDS: FilterChange['kind'][] = ['source', 'actor', 'text', 'date'];
const DAY_MS = 86_400_000;

/**
 * `n` filter changes that take turns over source, actor, text and date, chosen from the dataset
 * itself (spread over busy and quiet outlets and actors, words that occur, windows of a week to a
 * year), the same for the same dataset.
 */
export function filterChanges(dataset: DatasetInput, n: number): FilterChange[] {
  const words = [
    ...new Set(
      dataset.events
        .slice(0, 400)
        .flatMap((e) => `${e.title} ${e.summary}`.toLowerCase().split(/[^a-z]+/))
        .filter((w) => w.length >= 5),
    ),
  ];
  const days = dataset.events.filter((e) => e.date.precision === 'day').map((e) => Date.parse(`${e.date.value}T00:00:00Z`) / DAY_MS);
  const lo = days.length ? minOf(days) : Date.parse(`${dataset.date}T00:00:00Z`) / DAY_MS;
  const hi = days.length ? maxOf(days) : lo;
  const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  const spans = [7, 30, 90, 365];
  const out: FilterChange[] = [];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length];
    const k = Math.floor(i / KINDS.length);
    const params = new URLSearchParams();
    if (kind === 'source' && dataset.sources.length) params.set('src', dataset.sources[(k * 7) % dataset.sources.length].id);
    if (kind === 'actor' && dataset.actors.length) params.set('actor', dataset.actors[(k * 5) % dataset.actors.length].id);
    if (kind === 'text' && words.length) params.set('q', words[(k * 11) % words.length]);
    if (kind === 'date') {
      const span = spans[k % spans.length];
      const start = lo + Math.floor(((hi - lo - span) * ((k * 37) % 100)) / 100);
      params.set('from', iso(Math.max(lo, start)));
      params.set('to', iso(Math.max(lo, start) + span));
    }
    out.push({ kind, query: params.toString() });
  }
  return out;
}
