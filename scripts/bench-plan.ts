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

/** A size the bench measures: `default` is the dataset the app opens without `?dataset`. */
export type SizeLabel = 'default' | '1k' | '10k' | '100k';

/**
 * The targets (issue 16), each for the sizes it names. `max` is the most a figure may be; a size
 * missing from `sizes` is measured but not judged.
 */
export const TARGETS = {
  filterMedianMs: { what: 'filter change → every visible panel updated, median', sizes: { default: 16, '10k': 16, '100k': 50 } },
  clickPaintMedianMs: { what: 'click → next paint, median', sizes: { default: 16, '1k': 16, '10k': 16, '100k': 16 } },
  firstRenderMs: { what: 'first render, median', sizes: { default: 1000, '10k': 1500, '100k': 3000 } },
  jsBeforeDataKB: { what: 'JavaScript gzip before the dataset is asked for', sizes: { default: 150, '1k': 150, '10k': 150, '100k': 150 } },
  jsAllKB: { what: 'JavaScript gzip, everything a first visit loads', sizes: { default: 250, '1k': 250, '10k': 250, '100k': 250 } },
  settleMaxMs: {
    what: 'click → page settled (longest transition), worst click',
    sizes: { default: 200, '1k': 200, '10k': 200, '100k': 200 },
  },
} as const satisfies Record<string, { what: string; sizes: Partial<Record<SizeLabel, number>> }>;

export type TargetId = keyof typeof TARGETS;

export interface Verdict {
  target: TargetId;
  size: string;
  what: string;
  max: number;
  value: number;
  /** False also when nothing was measured (NaN): a target is met only by a figure. */
  met: boolean;
}

/** Every target that applies to the sizes measured, against the figures (by target, then size). */
export function judge(figures: Record<string, Partial<Record<TargetId, number>>>): Verdict[] {
  const out: Verdict[] = [];
  for (const [target, t] of Object.entries(TARGETS) as [TargetId, (typeof TARGETS)[TargetId]][]) {
    for (const [size, max] of Object.entries(t.sizes) as [string, number][]) {
      if (!(size in figures)) continue;
      const value = figures[size][target] ?? Number.NaN;
      out.push({ target, size, what: t.what, max, value, met: Number.isFinite(value) && value <= max });
    }
  }
  return out;
}

/** An Event Timing entry, as the page hands it over (PerformanceEventTiming's fields the bench reads). */
export interface EventEntry {
  name: string;
  interactionId: number;
  startTime: number;
  duration: number;
  processingStart: number;
  processingEnd: number;
}

/**
 * An interaction's latency the way INP counts it: the longest `duration` (input to the next paint,
 * which the browser rounds to 8 ms) over the pointerdown / pointerup / click entries that share its
 * interactionId. Null when the browser reported none of them: it reports only entries at or above its
 * 16 ms threshold, so null means under 16 ms.
 */
export function interactionLatency(entries: readonly EventEntry[]): { durationMs: number; processingMs: number } | null {
  const ids = entries.filter((e) => e.interactionId > 0);
  if (ids.length === 0) return null;
  const longest = ids.reduce((a, b) => (b.duration > a.duration ? b : a));
  const same = ids.filter((e) => e.interactionId === longest.interactionId);
  const processing = same.reduce((n, e) => n + (e.processingEnd - e.processingStart), 0);
  return { durationMs: longest.duration, processingMs: processing };
}

/** One filter change's React renders, as the profiled build records them (PanelProfiler). */
export interface RenderRecord {
  id: string;
  ms: number;
}

/**
 * Per profiled id, the median over changes of the time React spent rendering it in one change (all
 * its commits summed); a change that left a panel alone counts 0 for it. Sorted by that median, largest first.
 */
export function breakdown(
  changes: readonly (readonly RenderRecord[])[],
): { id: string; medianMs: number; p95Ms: number; rendered: number }[] {
  const ids = [...new Set(changes.flatMap((c) => c.map((r) => r.id)))];
  return ids
    .map((id) => {
      const per = changes.map((c) => c.filter((r) => r.id === id).reduce((n, r) => n + r.ms, 0));
      return { id, medianMs: median(per), p95Ms: percentile(per, 95), rendered: changes.filter((c) => c.some((r) => r.id === id)).length };
    })
    .sort((a, b) => b.medianMs - a.medianMs || a.id.localeCompare(b.id));
}

export interface ClickStep {
  group: 'Sources' | 'Actors';
  /** Index among the group's checkboxes as the page first lists them. */
  nth: number;
  /** Whether this click checks the box (true) or unchecks it again. */
  check: boolean;
}

/** `n` real clicks on filter checkboxes: each box checked, then unchecked, source then actor, moving down the lists. */
export function clickPlan(n: number, boxes: { Sources: number; Actors: number }): ClickStep[] {
  const out: ClickStep[] = [];
  for (let i = 0; out.length < n; i++) {
    const group = i % 2 === 0 ? 'Sources' : 'Actors';
    const count = boxes[group];
    if (count === 0) {
      if (boxes.Sources === 0 && boxes.Actors === 0) break;
      continue;
    }
    const nth = Math.floor(i / 2) % count;
    out.push({ group, nth, check: true });
    if (out.length < n) out.push({ group, nth, check: false });
  }
  return out;
}
