import type { DatasetIndex, RecordOf, Row, RowType } from '../dataset/indexes';
import type { AidItem, Discrepancy, Event, Quote } from '../dataset/schema';
import { actorNames, exportCitations, type ExportCitation } from '../records/names';
import { presenterOf } from '../records/record-label';

export type { ExportCitation };

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

const TABLE_OF: Record<RowType, TableName> = { event: 'events', quote: 'quotes', aid: 'aid', discrepancy: 'discrepancies' };

/** One record type's table: its columns, values and JSON records all come from the type's presenter. */
export function typeTable<T extends RowType>(type: T, list: readonly RecordOf<T>[], index: DatasetIndex): ExportTable {
  const p = presenterOf(type);
  const columns = p.columns(list);
  return {
    name: TABLE_OF[type],
    columns,
    rows: list.map((r) => ({ id: r.id, values: p.values(r, index, columns), citations: exportCitations(p.citations(r), index) })),
    records: list.map((r) => p.exportRecord(r, index)),
  };
}

export const eventsTable = (events: readonly Event[], index: DatasetIndex) => typeTable('event', events, index);
export const quotesTable = (quotes: readonly Quote[], index: DatasetIndex) => typeTable('quote', quotes, index);
export const aidTable = (aid: readonly AidItem[], index: DatasetIndex) => typeTable('aid', aid, index);
export const discrepanciesTable = (list: readonly Discrepancy[], index: DatasetIndex) => typeTable('discrepancy', list, index);

const ORDER: RowType[] = ['event', 'quote', 'aid', 'discrepancy'];

/** Every record shown, of every type, in one table: what the whole-dashboard export writes. */
export function recordsTable(rows: readonly Row[], index: DatasetIndex): ExportTable {
  const sorted = [...rows].sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
  const summaryOf = (r: Row) =>
    (presenterOf(r.type) as ReturnType<typeof presenterOf<RowType>>).summary(r.record as RecordOf<RowType>, index);
  return {
    name: 'records',
    columns: ['type', 'id', 'date', 'title', 'detail', 'actors'],
    rows: sorted.map((r) => ({
      id: r.id,
      values: { type: r.type, id: r.id, ...summaryOf(r), actors: actorNames(index, r.actors) },
      citations: exportCitations(
        (presenterOf(r.type) as ReturnType<typeof presenterOf<RowType>>).citations(r.record as RecordOf<RowType>),
        index,
      ),
    })),
    records: sorted.map((r) =>
      (presenterOf(r.type) as ReturnType<typeof presenterOf<RowType>>).exportRecord(r.record as RecordOf<RowType>, index),
    ),
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

/** A citation as one readable cell: Harbour Times: “the words as printed”. */
export const citationCell = (c: ExportCitation) => `${c.outlet}: “${c.excerpt}”`;

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
