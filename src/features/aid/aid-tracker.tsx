import { memo, useMemo, useRef } from 'react';
import type { DatasetIndex } from '../../dataset/indexes';
import type { AidItem } from '../../dataset/schema';
import { termLabel } from '../../dataset/vocabulary';
import { Panel } from '../../components/panel';
import { DiscrepancyMarker, SourceBadges } from '../../components/record-bits';
import { RecordActions } from '../../export/record-actions';
import { VIRTUALISE_ABOVE, useVirtualRows, useWidth } from '../../components/virtual-rows';
import { deferredModule } from '../../lib/deferred-module';
import { useNearScreen } from '../../lib/use-near-screen';
import { useHoldRenderSignal } from '../../lib/render-signal';
import { formatDate } from '../../lib/dates';
import { formatAmount, formatTotals, plural } from '../../lib/format';
import { aidByYear, aidSummary, aidTotals, moneyByDonorAndStatus, rollUp, sortAid, type SortKey } from './aid-data';
import './aid-chart.css';
import { ChartTable } from '../../components/chart-table';
import { aidPanel } from './aid-panel';
import { actorName } from '../../records/names';
import { aidDestination, aidParent, aidPresenter } from '../../records/aid';

interface Props {
  index: DatasetIndex;
  aid: AidItem[];
  sort: { key: SortKey; dir: 'asc' | 'desc' };
  selected: string | null;
  animate: boolean;
  onSort: (sort: { key: SortKey; dir: 'asc' | 'desc' }) => void;
  onOpen: (id: string) => void;
}

/** Recharts arrives once the chart comes near the screen: the page shows the data without waiting for it. */
const useChart = deferredModule(() => import('./aid-chart'));

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

export const AidTracker = memo(function AidTracker({ index, aid, sort, selected, animate, onSort, onOpen }: Props) {
  const { key } = sort;
  const rows = useMemo(() => sortAid(aid, key, sort.dir, index), [aid, key, sort.dir, index]);
  const years = useMemo(() => aidByYear(aid), [aid]);
  const money = useMemo(() => moneyByDonorAndStatus(aid, index), [aid, index]);
  const rolled = useMemo(() => rollUp(aid, index), [aid, index]);
  const totals = useMemo(() => formatTotals(aidTotals(aid)), [aid]);
  const chartRef = useRef<HTMLDivElement>(null);
  const near = useNearScreen(chartRef, aid.length > 0);
  const chart = useChart(near);
  const Charts = chart.module;
  // 0 until the box has been measured: the chart is drawn once, at its real width.
  const chartWidth = useWidth(chartRef, 0, true, 'aid-chart');
  useHoldRenderSignal(aid.length > 0 && near && chart.error === null && (chart.module === null || chartWidth === 0));
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows(scrollRef, rows.length, 64, { resetKey: rows });
  const large = rows.length > VIRTUALISE_ABOVE;
  const row = (a: AidItem, at?: number) => (
    <tr
      key={a.id}
      className={a.id === selected ? 'is-selected' : undefined}
      {...(virtual.on && at !== undefined ? { ref: virtual.measure, 'data-index': at, 'aria-rowindex': at + 2 } : {})}
    >
      <td>{actorName(index, a.donor)}</td>
      <td>
        <strong>{aidPresenter.label(a, index)}</strong>
        {a.partOf ? <div className="muted small">part of {aidParent(a, index)}</div> : null}
        {a.recipient || a.location ? <div className="muted small">→ {aidDestination(a, index)}</div> : null}
        <DiscrepancyMarker id={a.id} index={index} />
      </td>
      <td>{termLabel(index.vocabulary.aidCategories, a.category)}</td>
      <td className="num">{amountText(a, index)}</td>
      <td>{aidPresenter.dateText(a)}</td>
      <td>{a.effective ? formatDate(a.effective) : '—'}</td>
      <td>
        <span className={`status status-${a.status}`}>{termLabel(index.vocabulary.aidStatuses, a.status)}</span>
      </td>
      <td>
        <SourceBadges citations={a.citations} index={index} />
        <RecordActions id={a.id} label={a.item} onOpen={onOpen} />
      </td>
    </tr>
  );
  const spacer = (height: number) =>
    height > 0 ? (
      <tr aria-hidden="true" className="virtual-spacer">
        <td colSpan={COLUMNS.length} style={{ height, padding: 0, border: 0 }} />
      </tr>
    ) : null;
  return (
    <Panel
      title={aidPanel.title}
      panelId={aidPanel.id}
      className="aid"
      subtitle={`${plural(aid.length, 'item')}${totals ? `, amounting to ${totals} (per currency)` : ''}; announced is kept apart from delivered`}
    >
      {aid.length === 0 ? <p className="empty">No aid or weapons items match the filters.</p> : null}
      {/* Hidden rather than removed when nothing matches: the chart mounting again would force a layout of the page. */}
      <figure className="chart-figure aid-figure" hidden={aid.length === 0}>
        <figcaption>
          Money by donor and status, per currency; each item from its announcement to when it takes effect.{' '}
          <span className="muted">{aidSummary(years)}</span>
        </figcaption>
        <div ref={chartRef} className="chart aid-chart">
          {Charts && chartWidth > 0 ? (
            <>
              {money.map((m) => (
                <div key={m.currency} className="aid-money">
                  <h3 className="aid-chart-heading">Money in {m.currency}, by donor and status</h3>
                  <Charts.AidMoneyChart
                    currency={m.currency}
                    rows={m.rows}
                    statuses={index.vocabulary.aidStatuses}
                    width={chartWidth}
                    animate={animate}
                  />
                </div>
              ))}
              <h3 className="aid-chart-heading">Items, from announcement to effect</h3>
              <Charts.AidItemsChart
                rolled={rolled}
                statuses={index.vocabulary.aidStatuses}
                width={chartWidth}
                selected={selected}
                onOpen={onOpen}
              />
            </>
          ) : chart.error ? (
            <p className="muted small">The chart could not be loaded ({chart.error.message}); the items are in the table below.</p>
          ) : null}
        </div>
        <ChartTable
          caption="Aid and weapons items on the chart"
          opener="Show the items as a table"
          rows={rolled}
          columns={[
            { label: 'Item', value: (r) => `${r.depth > 0 ? '↳ ' : ''}${r.item.item}${r.context ? ' (context)' : ''}` },
            { label: 'Donor', value: (r) => actorName(index, r.item.donor) },
            { label: 'Amount', value: (r) => amountText(r.item, index), numeric: true },
            { label: 'Status', value: (r) => termLabel(index.vocabulary.aidStatuses, r.item.status) },
            { label: 'Announced', value: (r) => formatDate(r.item.announced) },
            { label: 'Takes effect', value: (r) => (r.item.effective ? formatDate(r.item.effective) : '—') },
          ]}
        />
        <ChartTable
          caption="Money by donor and status, per currency"
          opener="Show the money as a table"
          rows={money.flatMap((m) => m.rows.map((r) => ({ ...r, currency: m.currency })))}
          columns={[
            { label: 'Donor', value: (r) => r.donor },
            { label: 'Status', value: (r) => r.statusLabel },
            { label: 'Amount', value: (r) => formatAmount({ value: r.value, currency: r.currency }), numeric: true },
            { label: 'Items', value: (r) => r.items, numeric: true },
          ]}
        />
      </figure>
      {aid.length === 0 ? null : (
        <div
          ref={scrollRef}
          className={`table-wrap${large ? ' virtual-scroll' : ''}`}
          {...(large ? { tabIndex: 0, role: 'group', 'aria-label': 'Aid and weapons items, scrollable' } : {})}
        >
          <table className="aid-table" aria-rowcount={virtual.on ? rows.length + 1 : undefined}>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" aria-sort={key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" onClick={() => onSort({ key: c.key, dir: key === c.key && sort.dir === 'asc' ? 'desc' : 'asc' })}>
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
              {virtual.on ? (
                <>
                  {spacer(virtual.before)}
                  {virtual.items.map((v) => row(rows[v.index], v.index))}
                  {spacer(virtual.after)}
                </>
              ) : (
                rows.map((a) => row(a))
              )}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
});

/** An item's amount; an item inside a package with none of its own says so rather than "—". */
const amountText = (a: AidItem, index: DatasetIndex) => (a.amount ? formatAmount(a.amount) : a.partOf ? `in ${aidParent(a, index)}` : '—');
