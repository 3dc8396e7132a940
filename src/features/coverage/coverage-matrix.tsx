import { memo, useMemo } from 'react';
import type { DatasetIndex } from '../../dataset/indexes';
import type { Selection } from '../../dataset/select';
import { RECORD_TYPE_NAME, SOURCE_KIND_LABEL } from '../../dataset/vocabulary';
import { Panel } from '../../components/panel';
import { formatDate } from '../../lib/dates';
import { formatCount, plural } from '../../lib/format';
import { present, recordDate, recordLabel } from '../../records/record-label';
import { GradeCode } from '../../components/record-bits';
import { CREDIBILITY_LABEL } from '../../dataset/grading-vocabulary';
import { coverageData, describeCell, MODE_SYMBOL, type CoverageCell, type CoverageColumn, type CoverageRow } from './coverage-data';
import { coveragePanel } from './coverage-panel';
import './coverage-matrix.css';

interface Props {
  index: DatasetIndex;
  selection: Pick<Selection, 'events' | 'quotes' | 'aid' | 'discrepancies'>;
  singleOnly: boolean;
  selected: string | null;
  onSingleOnly: (on: boolean) => void;
  onOpen: (id: string) => void;
}

export const MAX_COVERAGE_ROWS = 200;

/** Which outlet reports which fact, and how; where a fact rests on one outlet alone. */
export const CoverageMatrix = memo(function CoverageMatrix({ index, selection, singleOnly, selected, onSingleOnly, onOpen }: Props) {
  const cov = useMemo(() => coverageData(index, selection, { singleOnly, maxRows: MAX_COVERAGE_ROWS }), [index, selection, singleOnly]);
  const shownTotal = singleOnly ? cov.singleSource : cov.total;
  return (
    <Panel
      title={coveragePanel.title}
      panelId={coveragePanel.id}
      className="coverage"
      resetKey={selection}
      subtitle={`${plural(cov.total, 'fact')} · ${plural(cov.singleSource, 'fact rests', 'facts rest')} on a single outlet · ${plural(cov.columns.length + cov.hiddenColumns, 'outlet')}`}
      actions={
        <button type="button" aria-pressed={singleOnly} onClick={() => onSingleOnly(!singleOnly)}>
          Single-source facts only
        </button>
      }
    >
      <Legend />
      {cov.rows.length === 0 ? (
        <p className="empty">{singleOnly ? 'No single-source facts match the filters.' : 'No facts match the filters.'}</p>
      ) : (
        <div className="coverage-scroll" tabIndex={0} role="group" aria-label="Coverage matrix, scrollable">
          <table
            className="coverage-table"
            style={{
              minWidth: `calc(var(--cov-fact-width, 12rem) + var(--cov-count-width, 5.2rem) + var(--cov-cred-width, 7.5rem) + ${cov.columns.length} * 6rem)`,
            }}
          >
            <caption className="visually-hidden">
              Facts as rows, outlets as columns; each cell says whether and how the outlet reports the fact. Activate a cell to see the
              sources side by side.
            </caption>
            <thead>
              <tr>
                <th scope="col" className="cov-fact-head">
                  Fact
                </th>
                <th scope="col" className="cov-count-head">
                  Outlets
                </th>
                <th scope="col" className="cov-cred-head">
                  Credibility
                </th>
                {cov.columns.map((c) => (
                  <OutletHead key={c.key} column={c} />
                ))}
              </tr>
            </thead>
            <tbody>
              {cov.rows.map((row) => (
                <MatrixRow key={row.id} row={row} index={index} columns={cov.columns} selected={row.id === selected} onOpen={onOpen} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cov.hiddenRows > 0 ? (
        <p className="muted small cov-note">
          Showing the first {formatCount(MAX_COVERAGE_ROWS)} of {plural(shownTotal, 'fact')} in date order; narrow the filters to
          see the rest.
        </p>
      ) : null}
      {cov.hiddenColumns > 0 ? (
        <p className="muted small cov-note">
          {plural(cov.hiddenColumns, 'outlet')} with fewer reports in this selection {cov.hiddenColumns === 1 ? 'is' : 'are'} not shown as
          columns; pick them in the Sources filter to see their facts.
        </p>
      ) : null}
    </Panel>
  );
});

function OutletHead({ column: c }: { column: CoverageColumn }) {
  const caveats = c.kinds.filter((k) => k !== 'news-site').map((k) => SOURCE_KIND_LABEL[k]);
  return (
    <th scope="col" className="cov-outlet-head">
      <span className="cov-outlet-name">{c.label}</span>
      {caveats.length ? <span className="cov-caveat">{caveats.join(', ')}</span> : null}
      {c.reposts.length ? <span className="cov-caveat">repost of {c.reposts.join(', ')}</span> : null}
      {c.sharesWordingWith.length ? (
        <span className="cov-caveat">
          shares wording with{' '}
          {c.sharesWordingWith
            .slice(0, 2)
            .map((w) => `${w.label} (${plural(w.count, 'fact')})`)
            .join(', ')}
          {c.sharesWordingWith.length > 2 ? ` and ${plural(c.sharesWordingWith.length - 2, 'other outlet')}` : ''}
        </span>
      ) : null}
      <span className="cov-reports">{plural(c.reports, 'fact')}</span>
    </th>
  );
}

function MatrixRow({
  row,
  index,
  columns,
  selected,
  onOpen,
}: {
  row: CoverageRow;
  index: DatasetIndex;
  columns: CoverageColumn[];
  selected: boolean;
  onOpen: (id: string) => void;
}) {
  const full = index.rowById.get(row.id);
  if (!full) return null;
  const label = recordLabel(full, index, 120);
  const date = recordDate(full);
  const grade = present(full, index).grade();
  return (
    <tr className={`${row.single ? 'is-single' : ''}${selected ? ' is-selected' : ''}`}>
      <th scope="row" className="cov-fact">
        <span className={`cov-type type-${row.type}`}>{RECORD_TYPE_NAME[row.type].one}</span>
        {date ? <span className="cov-date">{formatDate(date)}</span> : null}
        <span className="cov-label">{label}</span>
        <span className="cov-inline-count">{row.single ? '① Single source' : plural(row.outletCount, 'outlet')}</span>
      </th>
      <td className="cov-count">
        {row.single ? (
          <span className="cov-single">
            <span aria-hidden="true">①</span> Single source
          </span>
        ) : (
          plural(row.outletCount, 'outlet')
        )}
      </td>
      <td className="cov-cred">
        {grade ? (
          <>
            <GradeCode grade={grade} /> <span className="cov-cred-label">{CREDIBILITY_LABEL[grade.credibility]}</span>
          </>
        ) : (
          <span className="muted">not a fact</span>
        )}
      </td>
      {columns.map((c) => (
        <MatrixCell key={c.key} cell={row.cells.get(c.key)} outlet={c.label} label={label} onOpen={() => onOpen(row.id)} />
      ))}
    </tr>
  );
}

function MatrixCell({
  cell,
  outlet,
  label,
  onOpen,
}: {
  cell: CoverageCell | undefined;
  outlet: string;
  label: string;
  onOpen: () => void;
}) {
  if (!cell) {
    return (
      <td className="cov-cell cov-none">
        <span aria-hidden="true">·</span>
        <span className="visually-hidden">not reported</span>
      </td>
    );
  }
  return (
    <td className="cov-cell">
      <button
        type="button"
        className="cov-button"
        onClick={onOpen}
        aria-label={`${outlet}: ${describeCell(cell)} — ${label}. Show sources`}
      >
        {cell.mode ? (
          <span className={`cov-mark mode-${cell.mode}`}>
            <span aria-hidden="true">{MODE_SYMBOL[cell.mode]}</span> {cell.mode}
          </span>
        ) : null}
        {cell.differs ? (
          <span className="cov-mark mode-differs">
            <span aria-hidden="true">≠</span> differs
          </span>
        ) : null}
      </button>
    </td>
  );
}

function Legend() {
  return (
    <ul className="legend cov-legend" aria-label="Legend">
      <li className="legend-item">
        <span className="cov-mark mode-verbatim">
          <span aria-hidden="true">❝</span> verbatim
        </span>
        quote printed in the speaker’s words
      </li>
      <li className="legend-item">
        <span className="cov-mark mode-paraphrase">
          <span aria-hidden="true">≈</span> paraphrase
        </span>
        quote in the outlet’s words
      </li>
      <li className="legend-item">
        <span className="cov-mark mode-reports">
          <span aria-hidden="true">✓</span> reports
        </span>
        the outlet reports the fact
      </li>
      <li className="legend-item">
        <span className="cov-mark mode-differs">
          <span aria-hidden="true">≠</span> differs
        </span>
        the outlet gives its own figure, date or claim
      </li>
      <li className="legend-item">
        <span className="cov-single">
          <span aria-hidden="true">①</span> Single source
        </span>
        only one outlet reports it
      </li>
      <li className="legend-item">
        <span aria-hidden="true">·</span> not reported
      </li>
    </ul>
  );
}
