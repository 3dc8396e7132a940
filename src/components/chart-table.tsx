import type { ReactNode } from 'react';

interface Column<T> {
  label: string;
  value: (row: T) => ReactNode;
  numeric?: boolean;
}

/** The numbers behind a chart, as a table a screen reader (or a sceptical reader) can walk. */
export function ChartTable<T>({
  caption,
  rows,
  columns,
  limit = 500,
}: {
  caption: string;
  rows: readonly T[];
  columns: Column<T>[];
  limit?: number;
}) {
  return (
    <details className="chart-table" data-export-hide>
      <summary>Show the chart’s data as a table</summary>
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((row, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c.label} className={c.numeric ? 'num' : undefined}>
                    {c.value(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length > limit ? (
          <p className="muted small">
            First {limit} of {rows.length} rows.
          </p>
        ) : null}
      </div>
    </details>
  );
}
