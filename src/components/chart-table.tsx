import { useState, type ReactNode } from 'react';

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
  opener = 'Show the chart’s data as a table',
}: {
  caption: string;
  /** What the disclosure says, where one figure has more than one table. */
  opener?: string;
  rows: readonly T[];
  columns: Column<T>[];
  limit?: number;
}) {
  // The rows are made only while it is open: hundreds of hidden rows would be rebuilt on every filter change.
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-table" data-export-hide onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{opener}</summary>
      {open ? (
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
      ) : null}
    </details>
  );
}
