import Papa from 'papaparse';
import {
  citationCell,
  citationColumn,
  escapeCell,
  OUTLETS_COLUMN,
  SOURCES_COLUMN,
  unescapeCell,
  type ExportRow,
  type ExportTable,
} from './tables';
import { maxOf } from '../lib/bounds';

// Its own module, so the CSV writer loads when a CSV is asked for and not with the page.

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
