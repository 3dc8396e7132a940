import { Bar, BarChart, Brush, CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { useMemo } from 'react';
import { termLabel, type EventKindTerm, type TermList } from '../../dataset/vocabulary';
import { plainTick, useChartHover } from '../../components/chart-bits';
import { formatDay } from '../../lib/dates';
import { EVENT_KIND_COLOR } from '../../lib/palette';
import type { TimelineData, TimelinePoint } from './timeline-data';

/*
 * The timeline's Recharts parts. They load in the background (see call-timeline.tsx), so Recharts is
 * not among the scripts the page needs before it can show the data. Sizes come from the caller, who
 * follows its box with a ResizeObserver: Recharts' ResponsiveContainer reads the box when it mounts,
 * which forces a layout of the whole page each time a chart comes back.
 */

/** Date ticks that fit the width: all drawn (`interval={0}`), so Recharts need not measure each label. */
export function dateTickCount(width: number): number {
  return Math.max(2, Math.min(6, Math.floor((width - 140) / 110)));
}

/** Round tick values (whole days in steps of 1, 2, 2.5 or 5 × 10ⁿ) inside [lo, hi]: as many as fit `count`, plus at most one. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo) || count < 2) return [lo];
  const power = 10 ** Math.floor(Math.log10((hi - lo) / (count - 1)));
  const ticksOf = (step: number) => {
    const ticks: number[] = [];
    for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(t);
    return ticks;
  };
  for (const m of [1, 2, 2.5, 5, 10, 20]) {
    const step = m * power;
    if (step % 1 !== 0 && step > 1) continue;
    const ticks = ticksOf(Math.max(1, step));
    if (ticks.length <= count + 1) return ticks;
  }
  return ticksOf(20 * power);
}

const MARGIN = { top: 8, right: 20, bottom: 8, left: 8 };
const LANE_AXIS_WIDTH = 110;

const dateTick = plainTick((day) => formatDay(Number(day)), { fill: 'var(--muted)', fontSize: 12 });

export function TimelineChart({
  data,
  width,
  height,
  animate,
  selected,
  kinds,
  onOpen,
}: {
  data: TimelineData;
  kinds: TermList<EventKindTerm>;
  width: number;
  height: number;
  animate: boolean;
  selected: string | null;
  onOpen: (id: string) => void;
}) {
  const [hover, hoverHandlers] = useChartHover();
  // Ticks chosen here and the grid drawn at them: Recharts' own grid works its ticks out again and
  // measures every label to do so.
  const [d0, d1] = data.domain;
  const ticks = useMemo(() => {
    // A label (about 80 px wide, centred) must not run off the right edge of the chart.
    const left = MARGIN.left + LANE_AXIS_WIDTH;
    const right = width - MARGIN.right;
    return niceTicks(d0, d1, dateTickCount(width)).filter((t) => left + ((t - d0) / (d1 - d0)) * (right - left) + 40 <= width);
  }, [d0, d1, width]);
  const laneTick = useMemo(
    () => plainTick((i) => data.laneLabels[Number(i)] ?? '', { fill: 'var(--text)', fontSize: 12, maxChars: 15 }),
    [data.laneLabels],
  );
  return (
    <div {...hoverHandlers}>
      <ScatterChart width={width} height={height} margin={MARGIN} accessibilityLayer>
        <CartesianGrid
          stroke="var(--grid)"
          verticalCoordinatesGenerator={({ offset }) => ticks.map((t) => (offset.left ?? 0) + ((t - d0) / (d1 - d0)) * (offset.width ?? 0))}
        />
        <XAxis
          type="number"
          dataKey="day"
          domain={data.domain}
          tickFormatter={formatDay}
          stroke="var(--muted)"
          tick={dateTick}
          ticks={ticks}
          interval={0}
          name="Date"
        />
        <YAxis
          type="number"
          dataKey="lane"
          domain={[-0.5, data.lanes.length - 0.5]}
          ticks={data.lanes.map((_, i) => i)}
          tickFormatter={(i: number) => data.laneLabels[i] ?? ''}
          reversed
          width={LANE_AXIS_WIDTH}
          stroke="var(--muted)"
          tick={laneTick}
          interval={0}
          name="Lane"
        />
        <ZAxis type="number" dataKey="count" range={data.binDays > 1 ? [40, 400] : [90, 90]} />
        {hover ? (
          <Tooltip
            cursor={{ strokeDasharray: '3 3' }}
            content={<PointTip binDays={data.binDays} kinds={kinds} />}
            isAnimationActive={false}
          />
        ) : null}
        <Scatter
          name="Events"
          data={data.points}
          isAnimationActive={animate}
          onClick={(p: { payload?: TimelinePoint }) => {
            const id = p.payload?.ids[0];
            if (id && p.payload?.count === 1) onOpen(id);
          }}
          shape={(props: unknown) => <EventShape {...(props as ShapeProps)} selected={selected} kinds={kinds} />}
        />
      </ScatterChart>
    </div>
  );
}

interface ShapeProps {
  cx?: number;
  cy?: number;
  size?: number;
  payload?: TimelinePoint;
  selected: string | null;
  kinds: TermList<EventKindTerm>;
}

function EventShape({ cx = 0, cy = 0, payload, selected, kinds }: ShapeProps) {
  if (!payload) return null;
  const color = (payload.kind !== 'mixed' && kinds.byId.get(payload.kind)?.color) || 'var(--muted)';
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
        fill={EVENT_KIND_COLOR.call}
        fillOpacity={payload.approx ? 0.35 : 1}
        stroke={payload.approx ? EVENT_KIND_COLOR.call : stroke}
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

function PointTip({
  active,
  payload,
  binDays,
  kinds,
}: {
  active?: boolean;
  payload?: { payload?: TimelinePoint }[];
  binDays: number;
  kinds: TermList<EventKindTerm>;
}) {
  const p = payload?.[0]?.payload;
  if (!active || !p) return null;
  return (
    <div className="tip">
      <strong>{p.label}</strong>
      <div>
        {binDays > 1 ? `${formatDay(p.day)} – ${formatDay(p.day + binDays - 1)}` : formatDay(p.day)}
        {p.kind !== 'mixed' ? ` · ${termLabel(kinds, p.kind)}` : ''}
      </div>
      {p.count === 1 ? <div className="muted">Click to see its sources</div> : null}
    </div>
  );
}

export interface BrushBin {
  start: number;
  end: number;
  count: number;
  label: string;
}

/** Event counts over the whole dataset under a brush; dragging it reports the chosen bins. */
export function DateBrushChart({
  width,
  bins,
  startIndex,
  endIndex,
  animate,
  onRange,
}: {
  width: number;
  bins: BrushBin[];
  startIndex: number;
  endIndex: number;
  animate: boolean;
  onRange: (startIndex: number, endIndex: number) => void;
}) {
  return (
    <BarChart width={width} height={84} data={bins} margin={{ top: 4, right: 20, bottom: 0, left: 118 }}>
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
        onDragEnd={(range: { startIndex?: number; endIndex?: number }) => onRange(range.startIndex ?? 0, range.endIndex ?? bins.length - 1)}
      />
    </BarChart>
  );
}
