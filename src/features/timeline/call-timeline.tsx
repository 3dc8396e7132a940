import { memo, useMemo, useRef, useState } from 'react';
import type { DatasetIndex } from '../../dataset/indexes';
import type { Event } from '../../dataset/schema';
import { Panel } from '../../components/panel';
import { DiscrepancyMarker, SourceBadges } from '../../components/record-bits';
import { RecordActions } from '../../export/record-actions';
import { VIRTUALISE_ABOVE, useVirtualRows, useWidth } from '../../components/virtual-rows';
import { deferredModule } from '../../lib/deferred-module';
import { useNearScreen } from '../../lib/use-near-screen';
import { useHoldRenderSignal } from '../../lib/render-signal';
import { dayToIso, formatDay, isoToDay } from '../../lib/dates';
import { PRECISION_LABEL, termLabel } from '../../dataset/vocabulary';
import { plural } from '../../lib/format';
import { TimelineChart, TimelineLegend } from './timeline-plot';
import { brushBins, chartLayout, contactWords, isContact, timelineData, timelineSummary } from './timeline-data';
import { ChartTable } from '../../components/chart-table';
import { timelinePanel } from './timeline-panel';
import './timeline.css';
import { actorName, actorNames } from '../../records/names';
import { eventPresenter } from '../../records/event';
import { proseText } from '../../records/source';

interface Props {
  index: DatasetIndex;
  events: Event[];
  /** The date filter, which the brush shows and sets. */
  from: string | null;
  to: string | null;
  lane: 'kind' | 'actor';
  selected: string | null;
  animate: boolean;
  onLane: (lane: 'kind' | 'actor') => void;
  onOpen: (id: string) => void;
  onDates: (from: string | null, to: string | null) => void;
}

export const CallTimeline = memo(function CallTimeline({
  index,
  events,
  from,
  to,
  lane,
  selected,
  animate,
  onLane,
  onOpen,
  onDates,
}: Props) {
  const [wholeSpan, setWholeSpan] = useState(false);
  const data = useMemo(() => timelineData(events, lane, index, wholeSpan), [events, lane, index, wholeSpan]);
  const chartRef = useRef<HTMLDivElement>(null);
  // 0 until the box has been measured: the chart is drawn once, at its real width.
  const chartWidth = useWidth(chartRef, 0, true, 'timeline-chart');
  useHoldRenderSignal(events.length > 0 && chartWidth === 0);
  const layout = useMemo(() => chartLayout(data, Math.max(chartWidth, 320)), [data, chartWidth]);
  const chartHeight = layout.height;
  const summary = useMemo(() => timelineSummary(data, events, index), [data, events, index]);
  const kindsShown = useMemo(() => {
    const used = new Set(events.map((e) => e.kind));
    return index.vocabulary.eventKinds.list.filter((k) => used.has(k.id));
  }, [events, index]);
  return (
    <Panel
      title={timelinePanel.title}
      panelId={timelinePanel.id}
      className="timeline"
      subtitle={`${plural(events.length, 'event')}, ${contactWords(events, index)}${data.binDays > 1 ? ` · grouped by ${data.binDays === 7 ? 'week' : data.binDays === 30 ? 'month' : `${data.binDays} days`}` : ''}`}
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
      {events.length === 0 ? <p className="empty">No events match the filters.</p> : null}
      {/* Hidden rather than removed when nothing matches: the chart mounting again would force a layout of the page. */}
      <figure className="chart-figure" hidden={events.length === 0}>
        <figcaption className="muted small">{summary}</figcaption>
        <div ref={chartRef} className="chart" style={{ height: chartHeight }}>
          {chartWidth > 0 ? (
            <TimelineChart data={data} layout={layout} selected={selected} kinds={index.vocabulary.eventKinds} onOpen={onOpen} />
          ) : null}
        </div>
        <ChartTable
          caption="Events on the chart"
          rows={data.points}
          columns={[
            { label: data.binDays > 1 ? 'Period' : 'Date', value: (p) => p.dateText },
            { label: lane === 'kind' ? 'Kind' : 'Actor', value: (p) => data.laneLabels[p.lane] },
            { label: 'Event', value: (p) => p.label },
            { label: 'Events', value: (p) => p.count, numeric: true },
          ]}
        />
      </figure>
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
      <TimelineLegend index={index} kinds={kindsShown} />
      <DateBrush index={index} fromIso={from} toIso={to} onDates={onDates} animate={animate} />
      <EventList index={index} events={events} selected={selected} onOpen={onOpen} />
    </Panel>
  );
});

/** Recharts arrives once the brush comes near the screen: a first visit that never gets there never loads it. */
const useCharts = deferredModule(() => import('./timeline-chart'));

function ChartPlaceholder({ error }: { error: Error | null }) {
  return error ? (
    <p className="muted small">The date brush could not be loaded ({error.message}); the date fields in Filters set the same range.</p>
  ) : null;
}

/** Event counts over the busy period and the date filter; dragging the brush sets the filter, and the filter sets the handles. */
const DateBrush = memo(function DateBrush({
  index,
  fromIso,
  toIso,
  onDates,
  animate,
}: {
  index: DatasetIndex;
  fromIso: string | null;
  toIso: string | null;
  onDates: Props['onDates'];
  animate: boolean;
}) {
  const brush = useMemo(() => brushBins(index, fromIso, toIso), [index, fromIso, toIso]);
  const bins = useMemo(() => brush.bins.map((b) => ({ ...b, label: formatDay(b.start) })), [brush]);
  const boxRef = useRef<HTMLDivElement>(null);
  const near = useNearScreen(boxRef, bins.length >= 2);
  const charts = useCharts(near);
  const width = useWidth(boxRef, 0, bins.length >= 2, 'date-brush');
  useHoldRenderSignal(bins.length >= 2 && near && charts.error === null && (charts.module === null || width === 0));
  if (bins.length < 2) return null;
  const from = fromIso ? isoToDay(fromIso) : null;
  const to = toIso ? isoToDay(toIso) : null;
  const startIndex =
    from === null
      ? 0
      : Math.max(
          0,
          bins.findIndex((b) => b.end >= from),
        );
  const endIdx = to === null ? bins.length - 1 : bins.findLastIndex((b) => b.start <= to);
  const endIndex = endIdx < startIndex ? bins.length - 1 : endIdx;
  const outside = [
    brush.before ? `${plural(brush.before.count, 'earlier event')} (${spanWords(brush.before)})` : '',
    brush.after ? `${plural(brush.after.count, 'later event')} (${spanWords(brush.after)})` : '',
  ].filter(Boolean);
  return (
    <div className="brush" data-export-hide>
      <p className="muted small brush-note">
        Drag the handles to set the date range, now{' '}
        <span className="brush-range" aria-live="polite">
          {formatDay(bins[startIndex].start)} – {formatDay(bins[endIndex].end)}
        </span>
        {outside.length ? `; outside the brush: ${outside.join(' and ')}` : ''}.
      </p>
      <div ref={boxRef} style={{ height: 84 }}>
        {charts.module && width > 0 ? (
          <charts.module.DateBrushChart
            width={width}
            bins={bins}
            startIndex={startIndex}
            endIndex={endIndex}
            animate={animate}
            onRange={(s, e) => {
              const whole = s === 0 && e === bins.length - 1 && !brush.before && !brush.after;
              onDates(whole ? null : dayToIso(bins[s].start), whole ? null : dayToIso(bins[e].end));
            }}
          />
        ) : (
          <ChartPlaceholder error={charts.error} />
        )}
      </div>
    </div>
  );
});

const spanWords = (s: { count: number; first: string; last: string }) => (s.first === s.last ? s.first : `${s.first} – ${s.last}`);

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
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows(scrollRef, events.length, 130, { resetKey: events });
  const item = (e: Event, at?: number) => (
    <EventItem
      key={e.id}
      event={e}
      index={index}
      isSelected={e.id === selected}
      onOpen={onOpen}
      {...(virtual.on && at !== undefined ? { measure: virtual.measure, at, of: events.length } : {})}
    />
  );
  if (events.length <= VIRTUALISE_ABOVE) {
    return (
      <ol className="event-list" aria-label="Events in date order">
        {events.map((e) => item(e))}
      </ol>
    );
  }
  // A long list scrolls in a box of its own; the list inside is padded to its full height.
  return (
    <div ref={scrollRef} className="event-scroll">
      <ol
        className="event-list"
        aria-label="Events in date order"
        style={virtual.on ? { paddingTop: virtual.before, paddingBottom: virtual.after } : undefined}
      >
        {virtual.on ? virtual.items.map((v) => item(events[v.index], v.index)) : events.map((e) => item(e))}
      </ol>
    </div>
  );
}

/** One event of the list: drawn again only when it, its selection or its place in a windowed list changes. */
const EventItem = memo(function EventItem({
  event: e,
  index,
  isSelected,
  onOpen,
  measure,
  at,
  of,
}: {
  event: Event;
  index: DatasetIndex;
  isSelected: boolean;
  onOpen: (id: string) => void;
  /** In a windowed list: the virtualizer's ref, the item's place and the list's length. */
  measure?: (node: Element | null) => void;
  at?: number;
  of?: number;
}) {
  return (
    <li
      className={`event-item kind-${e.kind}${isSelected ? ' is-selected' : ''}`}
      {...(measure && at !== undefined ? { ref: measure, 'data-index': at, 'aria-posinset': at + 1, 'aria-setsize': of } : {})}
    >
      <div className="event-date">
        <time dateTime={e.date.value} className={`precision-${e.date.precision}`} title={PRECISION_LABEL[e.date.precision]}>
          {eventPresenter.dateText(e)}
        </time>
        <span
          className={`kind-tag kind-${e.kind}${isContact(index, e.kind) ? ' is-contact' : ''}`}
          style={{ background: index.vocabulary.eventKinds.byId.get(e.kind)?.color }}
        >
          {termLabel(index.vocabulary.eventKinds, e.kind)}
        </span>
      </div>
      <div className="event-body">
        <h3 className="event-title">{eventPresenter.label(e, index)}</h3>
        <p>{proseText(e.summary, index)}</p>
        <div className="meta">
          {e.actors.length ? <span className="actors">{actorNames(index, e.actors, ', ')}</span> : null}
          {e.initiatedBy ? <span className="initiated">Requested by {actorName(index, e.initiatedBy)}</span> : null}
          <DiscrepancyMarker id={e.id} index={index} />
        </div>
        <div className="meta">
          <SourceBadges citations={e.citations} index={index} />
          <RecordActions id={e.id} label={e.title} onOpen={onOpen} />
        </div>
      </div>
    </li>
  );
});
