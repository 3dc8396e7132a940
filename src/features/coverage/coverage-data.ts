import { citationsOf, type DatasetIndex, type Row, type RowType } from '../../dataset/indexes';
import type { AidItem, Discrepancy, Event, Quote, SourceKind } from '../../dataset/schema';
import { compareText } from '../../lib/collate';

/** How an outlet carries a fact: in the speaker's own words, in other words, or simply reports it. */
export type CoverageMode = 'verbatim' | 'paraphrase' | 'reports';

export interface CoverageCell {
  /** Null when the outlet does not cite the record but has a version in a discrepancy about it. */
  mode: CoverageMode | null;
  /** The outlet gives its own version in a discrepancy about this record. */
  differs: boolean;
  sources: string[];
}

export interface CoverageRow {
  id: string;
  type: RowType;
  /** Outlets citing the record (a discrepancy: outlets with a version). */
  outletCount: number;
  single: boolean;
  cells: Map<string, CoverageCell>;
}

export interface WordingLink {
  key: string;
  label: string;
  /** Facts for which both outlets cite the same words. */
  count: number;
}

export interface CoverageColumn {
  key: string;
  label: string;
  kinds: SourceKind[];
  /** What the outlet's texts say they reproduce (a wire, another outlet). */
  reposts: string[];
  sharesWordingWith: WordingLink[];
  /** Facts in the selection this outlet reports. */
  reports: number;
}

export interface Coverage {
  columns: CoverageColumn[];
  rows: CoverageRow[];
  /** Facts in the selection (before the single-source option and the row cap). */
  total: number;
  singleSource: number;
  /** Rows that matched but are beyond the cap. */
  hiddenRows: number;
  /** Outlets that report something in the selection but did not fit as columns. */
  hiddenColumns: number;
}

export interface CoverageOptions {
  maxRows?: number;
  maxColumns?: number;
  singleOnly?: boolean;
  /** Shorter cited passages are names or phrases that outlets share by chance, not wording. */
  minSharedWords?: number;
}

interface Picked {
  events: readonly Event[];
  quotes: readonly Quote[];
  aid: readonly AidItem[];
  discrepancies: readonly Discrepancy[];
}

/** Only a difference in substance marks a cell: a spelling variant does not make a fact differ. */
const DIFFERING_KINDS: ReadonlySet<Discrepancy['kind']> = new Set(['conflict', 'vague', 'misdating', 'claim']);

const TYPE_ORDER: Record<RowType, number> = { event: 0, quote: 1, aid: 2, discrepancy: 3 };

export function normaliseWording(text: string): string {
  return text
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalised cited words per record, made once per dataset: filters change often, excerpts never. */
const wordingCache = new WeakMap<object, { min: number; words: (string | null)[] }>();

function wordingOf(record: object, cites: readonly { excerpt: string }[], min: number): (string | null)[] {
  const hit = wordingCache.get(record);
  if (hit && hit.min === min) return hit.words;
  const words = cites.map((c) => {
    const w = normaliseWording(c.excerpt);
    return w.split(' ', min).length < min ? null : w;
  });
  wordingCache.set(record, { min, words });
  return words;
}

/**
 * Pure: which outlet reports which fact of the selection, and how. Rows follow the date order of
 * the selection and are capped so a large dataset stays usable; counts cover every row.
 */
export function coverageData(index: DatasetIndex, picked: Picked, options: CoverageOptions = {}): Coverage {
  const { maxRows = 200, maxColumns = 30, singleOnly = false, minSharedWords = 5 } = options;
  const outletOf = (sourceId: string) => index.outletOfSource.get(sourceId) ?? sourceId;

  const rows: Row[] = [];
  const ids = [
    ...picked.events.map((r) => r.id),
    ...picked.quotes.map((r) => r.id),
    ...picked.aid.map((r) => r.id),
    ...picked.discrepancies.map((r) => r.id),
  ];
  for (const id of ids) {
    const row = index.rowById.get(id);
    if (row) rows.push(row);
  }
  const start = (r: Row) => (Number.isNaN(r.start) ? Infinity : r.start);
  rows.sort((a, b) => start(a) - start(b) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type]);

  const reportsPerOutlet = new Map<string, number>();
  const shared = new Map<string, Map<string, Set<string>>>();
  const link = (a: string, b: string, recordId: string) => {
    let m = shared.get(a);
    if (!m) shared.set(a, (m = new Map()));
    let facts = m.get(b);
    if (!facts) m.set(b, (facts = new Set()));
    facts.add(recordId);
  };
  let singleSource = 0;
  const kept: Row[] = [];
  for (const row of rows) {
    const single = row.outlets.length === 1;
    if (single) singleSource++;
    for (const o of row.outlets) reportsPerOutlet.set(o, (reportsPerOutlet.get(o) ?? 0) + 1);
    // Shared wording needs two outlets citing the same record: most records have one, and are skipped.
    if (!single) {
      const byWords = new Map<string, Set<string>>();
      const cites = citationsOf(row.record);
      const wording = wordingOf(row.record, cites, minSharedWords);
      cites.forEach((c, i) => {
        const words = wording[i];
        if (words === null) return;
        const set = byWords.get(words);
        if (set) set.add(outletOf(c.source));
        else byWords.set(words, new Set([outletOf(c.source)]));
      });
      for (const outlets of byWords.values()) {
        if (outlets.size < 2) continue;
        for (const a of outlets) for (const b of outlets) if (a !== b) link(a, b, row.id);
      }
    }
    if (!singleOnly || single) kept.push(row);
  }

  const byKey = new Map(index.outlets.map((o) => [o.key, o]));
  const active = index.outlets.filter((o) => reportsPerOutlet.has(o.key));
  const shownKeys = new Set(
    [...active]
      .sort((a, b) => (reportsPerOutlet.get(b.key) ?? 0) - (reportsPerOutlet.get(a.key) ?? 0))
      .slice(0, maxColumns)
      .map((o) => o.key),
  );
  const columns: CoverageColumn[] = active
    .filter((o) => shownKeys.has(o.key))
    .map((o) => {
      const sources = o.sourceIds.map((id) => index.sources.get(id)).filter((s) => s !== undefined);
      const links = [...(shared.get(o.key) ?? new Map<string, Set<string>>())].map(([key, facts]) => ({
        key,
        label: byKey.get(key)?.label ?? key,
        count: facts.size,
      }));
      return {
        key: o.key,
        label: o.label,
        kinds: [...new Set(sources.map((s) => s.kind))],
        reposts: [...new Set(sources.flatMap((s) => s.reposts ?? []))],
        sharesWordingWith: links.sort((a, b) => b.count - a.count || compareText(a.label, b.label)),
        reports: reportsPerOutlet.get(o.key) ?? 0,
      };
    });

  const shownRows = kept.slice(0, maxRows).map((row) => coverageRow(row, index, outletOf));
  return {
    columns,
    rows: shownRows,
    total: rows.length,
    singleSource,
    hiddenRows: kept.length - shownRows.length,
    hiddenColumns: active.length - columns.length,
  };
}

function coverageRow(row: Row, index: DatasetIndex, outletOf: (sourceId: string) => string): CoverageRow {
  const cells = new Map<string, CoverageCell>();
  const cell = (outlet: string) => {
    let c = cells.get(outlet);
    if (!c) cells.set(outlet, (c = { mode: null, differs: false, sources: [] }));
    return c;
  };
  const mode: CoverageMode = row.type === 'quote' ? ((row.record as Quote).mode === 'paraphrase' ? 'paraphrase' : 'verbatim') : 'reports';
  for (const c of citationsOf(row.record)) {
    const target = cell(outletOf(c.source));
    target.mode = mode;
    if (!target.sources.includes(c.source)) target.sources.push(c.source);
  }
  if (row.type === 'discrepancy') {
    // Each outlet with a version is one side of the difference, when there are two sides.
    if (row.outlets.length > 1) for (const c of cells.values()) c.differs = true;
  } else {
    for (const d of index.discrepanciesByRecord.get(row.id) ?? []) {
      if (!DIFFERING_KINDS.has(d.kind)) continue;
      for (const v of d.versions) {
        const target = cell(outletOf(v.source));
        target.differs = true;
        if (!target.sources.includes(v.source)) target.sources.push(v.source);
      }
    }
  }
  return { id: row.id, type: row.type, outletCount: row.outlets.length, single: row.outlets.length === 1, cells };
}

/** The sign beside each mode's word, on screen and on the slide. */
export const MODE_SYMBOL = { verbatim: '❝', paraphrase: '≈', reports: '✓', differs: '≠', none: '·', single: '①' } as const;

export const MODE_LABEL: Record<CoverageMode, string> = {
  verbatim: 'verbatim',
  paraphrase: 'paraphrase',
  reports: 'reports',
};

/** Words for a cell, as a screen reader and the legend say them. */
export function describeCell(cell: CoverageCell | undefined): string {
  if (!cell) return 'not reported';
  if (!cell.mode) return 'differs';
  return cell.differs ? `${MODE_LABEL[cell.mode]}, differs` : MODE_LABEL[cell.mode];
}
