import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DatasetIndex } from '../../dataset/indexes';
import type { AidItem } from '../../dataset/schema';
import { STATUS_LABEL } from '../../app/theme';
import { Panel } from '../../components/panel';
import { DiscrepancyMarker, ProvenanceButton, SourceBadges, actorName } from '../../components/record-bits';
import { formatDate } from '../../lib/dates';
import { formatAmount, plural } from '../../lib/format';
import { aidByYear, aidSummary, sortAid, type SortKey } from './aid-data';
import { ChartTable } from '../../components/chart-table';

interface Props {
  index: DatasetIndex;
  aid: AidItem[];
  sort: { key: string; dir: 'asc' | 'desc' };
  selected: string | null;
  animate: boolean;
  onSort: (sort: { key: SortKey; dir: 'asc' | 'desc' }) => void;
  onOpen: (id: string) => void;
}

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'donor', label: 'Donor' },
  { key: 'item', label: 'Item' },
  { key: 'category', label: 'Category' },
  { key: 'amount', label: 'Amount' },
  { key: 'announced', label: 'Announced' },
  { key: 'effective', label: 'Effective from' },
  { key: 'status', label: 'Status' },
  { key: 'sources', label: 'Sources' },
];

export function AidTracker({ index, aid, sort, selected, animate, onSort, onOpen }: Props) {
  const key = sort.key as SortKey;
  const rows = useMemo(() => sortAid(aid, key, sort.dir, index), [aid, key, sort.dir, index]);
  const years = useMemo(() => aidByYear(aid), [aid]);
  return (
    <Panel
      title="Weapons and aid tracker"
      className="aid"
      subtitle={`${plural(aid.length, 'item')}; announced is kept apart from delivered`}
    >
      {aid.length === 0 ? (
        <p className="empty">No aid or weapons items match the filters.</p>
      ) : (
        <>
          <figure className="chart-figure">
            <figcaption>
              Items by year: announced then, against taking effect then. <span className="muted">{aidSummary(years)}</span>
            </figcaption>
            <div className="chart" style={{ height: 200 }}>
              <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 200 }}>
                <BarChart data={years} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer>
                  <CartesianGrid stroke="var(--grid)" vertical={false} />
                  <XAxis dataKey="year" stroke="var(--muted)" tick={{ fill: 'var(--text)', fontSize: 12 }} />
                  <YAxis allowDecimals={false} stroke="var(--muted)" tick={{ fill: 'var(--muted)', fontSize: 12 }} width={32} />
                  <Tooltip
                    isAnimationActive={false}
                    contentStyle={{ background: 'var(--panel)', border: '1px solid var(--line)', color: 'var(--text)' }}
                  />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  <Bar dataKey="announced" name="Announced that year" fill="var(--series-1)" isAnimationActive={animate} />
                  <Bar dataKey="takesEffect" name="Takes effect that year" fill="var(--series-2)" isAnimationActive={animate} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <ChartTable
              caption="Aid and weapons items by year"
              rows={years}
              columns={[
                { label: 'Year', value: (y) => y.year },
                { label: 'Announced that year', value: (y) => y.announced, numeric: true },
                { label: 'Take effect that year', value: (y) => y.takesEffect, numeric: true },
              ]}
            />
          </figure>
          <div className="table-wrap">
            <table className="aid-table">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c.key} scope="col" aria-sort={key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                      <button
                        type="button"
                        onClick={() => onSort({ key: c.key, dir: key === c.key && sort.dir === 'asc' ? 'desc' : 'asc' })}
                      >
                        {c.label}
                        <span aria-hidden="true" className="sort-arrow">
                          {key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                        </span>
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.id} className={a.id === selected ? 'is-selected' : undefined}>
                    <td>{actorName(index, a.donor)}</td>
                    <td>
                      <strong>{a.item}</strong>
                      {a.partOf ? (
                        <div className="muted small">
                          part of {(index.rowById.get(a.partOf)?.record as AidItem | undefined)?.item ?? a.partOf}
                        </div>
                      ) : null}
                      {a.recipient || a.location ? (
                        <div className="muted small">
                          → {[a.recipient ? actorName(index, a.recipient) : null, a.location].filter(Boolean).join(', ')}
                        </div>
                      ) : null}
                      <DiscrepancyMarker id={a.id} index={index} />
                    </td>
                    <td>{a.category.replace('-', ' ')}</td>
                    <td className="num">{formatAmount(a.amount)}</td>
                    <td>{formatDate(a.announced)}</td>
                    <td>{a.effective ? formatDate(a.effective) : '—'}</td>
                    <td>
                      <span className={`status status-${a.status}`}>{STATUS_LABEL[a.status]}</span>
                    </td>
                    <td>
                      <SourceBadges citations={a.citations} index={index} />
                      <ProvenanceButton id={a.id} label={a.item} onOpen={onOpen} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Panel>
  );
}
