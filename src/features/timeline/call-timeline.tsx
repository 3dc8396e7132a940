import { useMemo, useState } from 'react';
import { Bar, BarChart, Brush, CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { DatasetIndex } from '../../dataset/indexes';
import type { Event } from '../../dataset/schema';
import type { Filters } from '../../dataset/select';
import { KIND_COLOR, KIND_LABEL } from '../../app/theme';
import { Panel } from '../../components/panel';
import { DiscrepancyMarker, ProvenanceButton, SourceBadges, actorName } from '../../components/record-bits';
import { dayToIso, formatDateRange, formatDay, isoToDay, PRECISION_LABEL } from '../../lib/dates';
import { plural } from '../../lib/format';
import { overviewBins, timelineData, type TimelinePoint } from './timeline-data';

interface Props {
  index: DatasetIndex;
  events: Event[];
  filters: Filters;
  lane: 'kind' | 'actor';
  selected: string | null;
  animate: boolean;
  onLane: (lane: 'kind' | 'actor') => void;
  onOpen: (id: string) => void;
  onDates: (from: string | null, to: string | null) => void;
}

export function CallTimeline({ index, events, filters, lane, selected, animate, onLane, onOpen, onDates }: Props) {
  const [wholeSpan, setWholeSpan] = useState(false);
  const data = useMemo(() => timelineData(events, lane, index, wholeSpan), [events, lane, index, wholeSpan]);
  const calls = events.filter((e) => e.kind === 'call').length;
  return (
    <Panel
      title="Call timeline"
      className="timeline"
      subtitle={`${plural(events.length, 'event')}, ${plural(calls, 'call')}${data.binDays > 1 ? ` · grouped by ${data.binDays === 7 ? 'week' : data.binDays === 30 ? 'month' : `${data.binDays} days`}` : ''}`}
      actions={
        <div className="segmented" role="group" aria-label="Lanes">
          {(['kind', 'actor'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={lane === m} onClick={() => onLane(m)}>
              By {m}
            </button>
          ))}
        </div>
      }
    >
      {events.length === 0 ? (
        <p className="empty">No events match the filters.</p>
      ) : (
        <div className="chart" style={{ height: Math.max(160, 48 + data.lanes.length * 34) }}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height: 200 }}>
            <ScatterChart margin={{ top: 8, right: 20, bottom: 8, left: 8 }} accessibilityLayer>
              <CartesianGrid stroke="var(--grid)" />
              <XAxis
                type="number"
                dataKey="day"
                domain={data.domain}
                tickFormatter={formatDay}
                stroke="var(--muted)"
                tick={{ fill: 'var(--muted)', fontSize: 12 }}
                tickCount={6}
                name="Date"
              />
              <YAxis
                type="number"
                dataKey="lane"
                domain={[-0.5, data.lanes.length - 0.5]}
                ticks={data.lanes.map((_, i) => i)}
                tickFormatter={(i: number) => data.lanes[i] ?? ''}
                reversed
                width={110}
                stroke="var(--muted)"
                tick={{ fill: 'var(--text)', fontSize: 12 }}
                interval={0}
                name="Lane"
              />
              <ZAxis type="number" dataKey="count" range={data.binDays > 1 ? [40, 400] : [90, 90]} />
              <Tooltip cursor={{ strokeDasharray: '3 3' }} content={<PointTip binDays={data.binDays} />} isAnimationActive={false} />
              <Scatter
                name="Events"
                data={data.points}
                isAnimationActive={animate}
                onClick={(p: { payload?: TimelinePoint }) => {
                  const id = p.payload?.ids[0];
                  if (id && p.payload?.count === 1) onOpen(id);
                }}
                shape={(props: unknown) => <EventShape {...(props as ShapeProps)} selected={selected} />}
              />
            </ScatterChart>
          </ResponsiveContainer>
        </div>
      )}
      {data.hiddenBefore + data.hiddenAfter > 0 || wholeSpan ? (
        <p className="muted small focus-note">
          {wholeSpan
            ? 'Showing the whole span. '
            : `Focused on the busiest period: ${[
                data.hiddenBefore ? `${plural(data.hiddenBefore, 'earlier event')}` : '',
                data.hiddenAfter ? `${plural(data.hiddenAfter, 'later event')}` : '',
              ]
                .filter(Boolean)
                .join(' and ')} off the chart, all in the list below. `}
          <button type="button" className="link-button" onClick={() => setWholeSpan(!wholeSpan)} data-export-hide>
            {wholeSpan ? 'Focus on the busiest period' : 'Show the whole span'}
          </button>
        </p>
      ) : null}
      <p className="legend" aria-label="Legend">
        <span className="legend-item">
          <svg width="14" height="14" aria-hidden="true">
            <polygon points="7,0 9,5 14,5 10,8.5 11.5,14 7,10.5 2.5,14 4,8.5 0,5 5,5" fill={KIND_COLOR.call} />
          </svg>{' '}
          Call (star)
        </span>
        <span className="legend-item">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="5" fill="var(--muted)" />
          </svg>{' '}
          Other event (circle; colour by kind)
        </span>
        <span className="legend-item">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="5" fill="none" stroke="var(--muted)" strokeDasharray="2 2" />
          </svg>{' '}
          Date not known to the day (faint, dashed)
        </span>
      </p>
      <DateBrush index={index} filters={filters} onDates={onDates} animate={animate} />
      <EventList index={index} events={events} selected={selected} onOpen={onOpen} />
    </Panel>
  );
}

interface ShapeProps {
  cx?: number;
  cy?: number;
  size?: number;
  payload?: TimelinePoint;
  selected: string | null;
}

function EventShape({ cx = 0, cy = 0, payload, selected }: ShapeProps) {
  if (!payload) return null;
  const color = payload.kind === 'mixed' ? 'var(--muted)' : KIND_COLOR[payload.kind];
  const r = payload.count > 1 ? Math.min(16, 5 + Math.sqrt(payload.count) * 1.6) : payload.isCall ? 10 : 6;
  const isSelected = selected !== null && payload.ids.includes(selected);
  const stroke = isSelected ? 'var(--text)' : 'var(--panel)';
  if (payload.isCall) {
    const pts = Array.from({ length: 10 }, (_, i) => {
      const rr = i % 2 === 0 ? r : r * 0.45;
      const a = (Math.PI / 5) * i - Math.PI / 2;
      return `${cx + rr * Math.cos(a)},${cy + rr * Math.sin(a)}`;
    }).join(' ');
    return (
      <polygon
        points={pts}
        fill={KIND_COLOR.call}
        fillOpacity={payload.approx ? 0.35 : 1}
        stroke={payload.approx ? KIND_COLOR.call : stroke}
        strokeDasharray={payload.approx ? '3 2' : undefined}
        strokeWidth={isSelected ? 2.5 : 1.5}
        style={{ cursor: 'pointer' }}
      />
    );
  }
  return (
    <circle
      cx={cx}
      cy={cy}
      r={r}
      fill={color}
      fillOpacity={payload.approx ? 0.3 : 0.85}
      stroke={payload.approx ? color : stroke}
      strokeDasharray={payload.approx ? '3 2' : undefined}
      strokeWidth={isSelected ? 2.5 : 1.5}
      style={{ cursor: 'pointer' }}
    />
  );
}

function PointTip({ active, payload, binDays }: { active?: boolean; payload?: { payload?: TimelinePoint }[]; binDays: number }) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="tip">
      <strong>{p.label}</strong>
      <div>
        {binDays > 1 ? `${formatDay(p.day)} – ${formatDay(p.day + binDays - 1)}` : formatDay(p.day)}
        {p.kind !== 'mixed' ? ` · ${KIND_LABEL[p.kind]}` : ''}
      </div>
      {p.count === 1 ? <div className="muted">Click to see its sources</div> : null}
    </div>
  );
}

/** Weekly event counts over the whole dataset; dragging the brush sets the date filter. */
function DateBrush({
  index,
  filters,
  onDates,
  animate,
}: {
  index: DatasetIndex;
  filters: Filters;
  onDates: Props['onDates'];
  animate: boolean;
}) {
  const bins = useMemo(() => overviewBins(index).map((b) => ({ ...b, label: formatDay(b.start) })), [index]);
  if (bins.length < 2) return null;
  const from = filters.from ? isoToDay(filters.from) : null;
  const to = filters.to ? isoToDay(filters.to) : null;
  const startIndex =
    from === null
      ? 0
      : Math.max(
          0,
          bins.findIndex((b) => b.end >= from),
        );
  const endIdx = to === null ? bins.length - 1 : bins.findLastIndex((b) => b.start <= to);
  const endIndex = endIdx < startIndex ? bins.length - 1 : endIdx;
  return (
    <div className="brush" data-export-hide>
      <p className="muted small">Drag the handles to set the date range.</p>
      <div style={{ height: 84 }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 800, height: 84 }}>
          <BarChart data={bins} margin={{ top: 4, right: 20, bottom: 0, left: 118 }}>
            <Bar dataKey="count" fill="var(--accent-soft)" isAnimationActive={animate} name="Events" />
            <XAxis dataKey="label" hide />
            <Brush
              key={`${startIndex}-${endIndex}`}
              dataKey="label"
              height={26}
              travellerWidth={10}
              startIndex={startIndex}
              endIndex={endIndex}
              stroke="var(--accent)"
              fill="var(--panel)"
              ariaLabel="Date range"
              onDragEnd={(range: { startIndex?: number; endIndex?: number }) => {
                const s = range.startIndex ?? 0;
                const e = range.endIndex ?? bins.length - 1;
                const whole = s === 0 && e === bins.length - 1;
                onDates(whole ? null : dayToIso(bins[s].start), whole ? null : dayToIso(bins[e].end));
              }}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

function EventList({
  index,
  events,
  selected,
  onOpen,
}: {
  index: DatasetIndex;
  events: Event[];
  selected: string | null;
  onOpen: (id: string) => void;
}) {
  return (
    <ol className="event-list" aria-label="Events in date order">
      {events.map((e) => (
        <li key={e.id} className={`event-item kind-${e.kind}${e.id === selected ? ' is-selected' : ''}`}>
          <div className="event-date">
            <time dateTime={e.date.value} className={`precision-${e.date.precision}`} title={PRECISION_LABEL[e.date.precision]}>
              {formatDateRange(e.date, e.end)}
            </time>
            <span className={`kind-tag kind-${e.kind}`}>
              {e.kind === 'call' ? '★ ' : ''}
              {KIND_LABEL[e.kind]}
            </span>
          </div>
          <div className="event-body">
            <h3 className="event-title">{e.title}</h3>
            <p>{e.summary}</p>
            <div className="meta">
              {e.actors.length ? <span className="actors">{e.actors.map((a) => actorName(index, a)).join(', ')}</span> : null}
              {e.initiatedBy ? <span className="initiated">Requested by {actorName(index, e.initiatedBy)}</span> : null}
              <DiscrepancyMarker id={e.id} index={index} />
            </div>
            <div className="meta">
              <SourceBadges citations={e.citations} index={index} />
              <ProvenanceButton id={e.id} label={e.title} onOpen={onOpen} />
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
