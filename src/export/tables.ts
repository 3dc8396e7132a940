import Papa from 'papaparse';
import type { DatasetIndex, RecordOf, Row, RowType } from '../dataset/indexes';
import type { AidItem, Discrepancy, Event, Quote } from '../dataset/schema';
import { actorNames, exportCitations, type ExportCitation } from '../records/names';
import { presenterOf } from '../records/record-label';
import { maxOf } from '../lib/bounds';

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
