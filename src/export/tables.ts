import Papa from 'papaparse';
import { citationsOf, type DatasetIndex, type Row } from '../dataset/indexes';
import type { AidItem, Citation, Discrepancy, Event, FuzzyDate, Quote } from '../dataset/schema';
import { maxOf } from '../lib/bounds';

/** A citation as exported: the source id, the outlet it belongs to, and the verbatim excerpt. */
export interface ExportCitation {
  source: string;
  outlet: string;
  excerpt: string;
}

export interface ExportRow {
  id: string;
  /** Cell values by column name (record fields only; citations are kept apart). */
  values: Record<string, string>;
  citations: ExportCitation[];
}

export type TableName = 'events' | 'quotes' | 'aid' | 'discrepancies' | 'records';

export interface ExportTable {
  name: TableName;
  /** Record columns, in order; `id` first. Citation columns are added by toCsv. */
  columns: string[];
  rows: ExportRow[];
  /** The records themselves, with the outlet added to each citation, for the JSON export. */
  records: unknown[];
}

export const OUTLETS_COLUMN = 'outlets';
export const SOURCES_COLUMN = 'citation sources';
export const citationColumn = (n: number) => `citation ${n}`;

const dateText = (d: FuzzyDate | undefined) => (d ? d.value : '');
const name = (index: DatasetIndex, id: string | undefined) => (id ? (index.actors.get(id)?.name ?? id) : '');
const amountText = (a: AidItem['amount']) => (a ? String(a.value) : '');

function exportCitations(list: readonly Citation[], index: DatasetIndex): ExportCitation[] {
  return list.map((c) => ({ source: c.source, outlet: index.sources.get(c.source)?.outlet ?? c.source, excerpt: c.excerpt }));
}

function withOutlets<T extends { citations: readonly Citation[] }>(record: T, index: DatasetIndex, type: string) {
  return { type, ...record, citations: exportCitations(record.citations, index) };
}

export function eventsTable(events: readonly Event[], index: DatasetIndex): ExportTable {
  return {
    name: 'events',
    columns: ['id', 'date', 'end', 'date precision', 'date as printed', 'kind', 'title', 'summary', 'actors', 'requested by'],
    rows: events.map((e) => ({
      id: e.id,
      values: {
        id: e.id,
        date: e.date.value,
        end: dateText(e.end),
        'date precision': e.date.precision,
        'date as printed': e.date.as ?? '',
        kind: e.kind,
        title: e.title,
        summary: e.summary,
        actors: e.actors.map((a) => name(index, a)).join('; '),
        'requested by': name(index, e.initiatedBy),
      },
      citations: exportCitations(e.citations, index),
    })),
    records: events.map((e) => withOutlets(e, index, 'event')),
  };
}

export function quotesTable(quotes: readonly Quote[], index: DatasetIndex): ExportTable {
  return {
    name: 'quotes',
    columns: ['id', 'date', 'date precision', 'speaker', 'on behalf of', 'mode', 'text', 'setting', 'event'],
    rows: quotes.map((q) => ({
      id: q.id,
      values: {
        id: q.id,
        date: q.date.value,
        'date precision': q.date.precision,
        speaker: name(index, q.speaker),
        'on behalf of': name(index, q.onBehalfOf),
        mode: q.mode,
        text: q.text,
        setting: q.setting ?? '',
        event: q.event ? (index.events.get(q.event)?.title ?? q.event) : '',
      },
      citations: exportCitations(q.citations, index),
    })),
    records: quotes.map((q) => withOutlets(q, index, 'quote')),
  };
}

export function aidTable(aid: readonly AidItem[], index: DatasetIndex): ExportTable {
  const itemOf = (id: string | undefined) => (id ? ((index.rowById.get(id)?.record as AidItem | undefined)?.item ?? id) : '');
  return {
    name: 'aid',
    columns: [
      'id',
      'item',
      'donor',
      'recipient',
      'location',
      'category',
      'amount',
      'currency',
      'announced',
      'effective',
      'status',
      'part of',
      'notes',
    ],
    rows: aid.map((a) => ({
      id: a.id,
      values: {
        id: a.id,
        item: a.item,
        donor: name(index, a.donor),
        recipient: name(index, a.recipient),
        location: a.location ?? '',
        category: a.category,
        amount: amountText(a.amount),
        currency: a.amount?.currency ?? '',
        announced: a.announced.value,
        effective: dateText(a.effective),
        status: a.status,
        'part of': itemOf(a.partOf),
        notes: a.notes ?? '',
      },
      citations: exportCitations(a.citations, index),
    })),
    records: aid.map((a) => withOutlets(a, index, 'aid')),
  };
}

export function discrepanciesTable(discrepancies: readonly Discrepancy[], index: DatasetIndex): ExportTable {
  const most = Math.max(0, maxOf(discrepancies.map((d) => d.versions.length)));
  const readings = Array.from({ length: most }, (_, i) => `reading ${i + 1}`);
  return {
    name: 'discrepancies',
    columns: ['id', 'kind', 'topic', 'summary', ...readings],
    rows: discrepancies.map((d) => ({
      id: d.id,
      values: {
        id: d.id,
        kind: d.kind,
        topic: d.topic,
        summary: d.summary,
        ...Object.fromEntries(readings.map((col, i) => [col, d.versions[i]?.reading ?? ''])),
      },
      citations: exportCitations(citationsOf(d), index),
    })),
    records: discrepancies.map((d) => ({
      type: 'discrepancy',
      ...d,
      versions: d.versions.map((v) => ({ ...v, outlet: index.sources.get(v.source)?.outlet ?? v.source })),
    })),
  };
}

/** Every record shown, of every type, in one table: what the whole-dashboard export writes. */
export function recordsTable(rows: readonly Row[], index: DatasetIndex): ExportTable {
  const order = { event: 0, quote: 1, aid: 2, discrepancy: 3 } as const;
  const sorted = [...rows].sort((a, b) => order[a.type] - order[b.type]);
  const parts = {
    event: eventsTable(
      sorted.filter((r) => r.type === 'event').map((r) => r.record as Event),
      index,
    ),
    quote: quotesTable(
      sorted.filter((r) => r.type === 'quote').map((r) => r.record as Quote),
      index,
    ),
    aid: aidTable(
      sorted.filter((r) => r.type === 'aid').map((r) => r.record as AidItem),
      index,
    ),
    discrepancy: discrepanciesTable(
      sorted.filter((r) => r.type === 'discrepancy').map((r) => r.record as Discrepancy),
      index,
    ),
  };
  const summaryOf = (r: Row): { date: string; title: string; detail: string } => {
    const rec = r.record;
    if ('title' in rec) return { date: rec.date.value, title: rec.title, detail: rec.summary };
    if ('speaker' in rec) return { date: rec.date.value, title: rec.text, detail: name(index, rec.speaker) };
    if ('item' in rec) return { date: rec.announced.value, title: rec.item, detail: rec.status };
    return { date: '', title: rec.topic, detail: rec.summary };
  };
  return {
    name: 'records',
    columns: ['type', 'id', 'date', 'title', 'detail', 'actors'],
    rows: sorted.map((r) => ({
      id: r.id,
      values: {
        type: r.type,
        id: r.id,
        ...summaryOf(r),
        actors: r.actors.map((a) => name(index, a)).join('; '),
      },
      citations: exportCitations(citationsOf(r.record), index),
    })),
    records: [...parts.event.records, ...parts.quote.records, ...parts.aid.records, ...parts.discrepancy.records],
  };
}

/**
 * Spreadsheet formula injection: a cell that starts with = + - @ (or a tab or carriage return) is
 * run as a formula by Excel, LibreOffice and Google Sheets. Such cells get a leading apostrophe,
 * which spreadsheets read as "this is text" and hide. A cell that already starts with an
 * apostrophe gets one too, so that `unescapeCell` gives back exactly what was written.
 */
export function escapeCell(value: string): string {
  return /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
}

export function unescapeCell(value: string): string {
  return /^'[=+\-@\t\r']/.test(value) ? value.slice(1) : value;
}

/** A citation as one readable cell: Kyiv Post: “the words as printed”. */
export const citationCell = (c: ExportCitation) => `${c.outlet}: “${c.excerpt}”`;

/**
 * One row per record, the way an analyst opens it in a spreadsheet: the record's fields, then
 * `outlets` (each outlet once), `citation sources` (the source id of each citation, in order) and
 * one `citation N` column per citation, each cell reading `Outlet: “excerpt”`.
 */
export function toCsv(table: ExportTable): string {
  const most = Math.max(0, maxOf(table.rows.map((r) => r.citations.length)));
  const citationCols = Array.from({ length: most }, (_, i) => citationColumn(i + 1));
  const fields = [...table.columns, OUTLETS_COLUMN, SOURCES_COLUMN, ...citationCols];
  const data = table.rows.map((r) =>
    [
      ...table.columns.map((c) => r.values[c] ?? ''),
      [...new Set(r.citations.map((c) => c.outlet))].join('; '),
      r.citations.map((c) => c.source).join('; '),
      ...citationCols.map((_, i) => (r.citations[i] ? citationCell(r.citations[i]) : '')),
    ].map(escapeCell),
  );
  // CRLF as RFC 4180 says; a BOM so that Excel reads the file as UTF-8 (curly quotes, Cyrillic).
  return `\uFEFF${Papa.unparse({ fields: fields.map(escapeCell), data }, { newline: '\r\n', quotes: false })}`;
}

/** Reads a CSV written by toCsv back into rows (the inverse, used by tests and by anyone re-importing). */
export function fromCsv(text: string): { columns: string[]; rows: ExportRow[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`CSV: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  const [header = [], ...body] = parsed.data.map((r) => r.map(unescapeCell));
  const at = (name: string) => header.indexOf(name);
  const outletsAt = at(OUTLETS_COLUMN);
  const sourcesAt = at(SOURCES_COLUMN);
  if (outletsAt < 0 || sourcesAt < 0) throw new Error('CSV: not a briefing export (no citation columns)');
  const columns = header.slice(0, outletsAt);
  const rows = body.map((cells): ExportRow => {
    const values = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    const ids = cells[sourcesAt] ? cells[sourcesAt].split('; ') : [];
    const citations = ids.map((source, i) => {
      const cell = cells[at(citationColumn(i + 1))] ?? '';
      const m = /^([\s\S]*?): “([\s\S]*)”$/.exec(cell);
      if (!m) throw new Error(`CSV: citation ${i + 1} of ${values.id ?? '?'} is not “outlet: “excerpt””`);
      return { source, outlet: m[1], excerpt: m[2] };
    });
    return { id: values.id ?? '', values, citations };
  });
  return { columns, rows };
}

export interface ExportMeta {
  title: string;
  version: string;
  date: string;
  /** The filters in words, as in the caption. */
  filters: string;
  /** The link that reopens the same view. */
  view: string;
  madeAt: string;
}

export function toJson(table: ExportTable, meta: ExportMeta): string {
  return `${JSON.stringify({ dataset: { title: meta.title, version: meta.version, date: meta.date }, filters: meta.filters, view: meta.view, madeAt: meta.madeAt, table: table.name, count: table.records.length, records: table.records }, null, 2)}\n`;
}
