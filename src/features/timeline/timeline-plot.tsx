import { useRef, useState, type KeyboardEvent } from 'react';
import type { DatasetIndex } from '../../dataset/indexes';
import { termLabel, type EventKindTerm, type TermList } from '../../dataset/vocabulary';
import { clipGraphemes } from '../../lib/graphemes';
import { contactLegend, type ChartLayout, type TimelineData, type TimelinePoint } from './timeline-data';

/*
 * The event chart, plain SVG: spans over a month, labels written on the chart and count badges are
 * what Recharts' scatter fights. The screen draws it at the panel's width; the slide draws the same
 * chart, still (no buttons, no tooltip), scaled up so its smallest type stays legible.
 */

const colorOf = (p: TimelinePoint, kinds: TermList<EventKindTerm>) =>
  (p.kind !== 'mixed' && kinds.byId.get(p.kind)?.color) || 'var(--muted)';

function star(cx: number, cy: number, r: number): string {
  return Array.from({ length: 10 }, (_, i) => {
    const rr = i % 2 === 0 ? r : r * 0.45;
    const a = (Math.PI / 5) * i - Math.PI / 2;
    return `${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
}

export function TimelineChart({
  data,
  layout,
  selected,
  kinds,
  onOpen,
  scale = 1,
}: {
  data: TimelineData;
  layout: ChartLayout;
  kinds: TermList<EventKindTerm>;
  selected: string | null;
  /** Without it the chart is a still picture: no buttons, no tooltip (a slide). */
  onOpen?: (id: string) => void;
  /** Drawn this many times its layout's size (a slide), type included. */
  scale?: number;
}) {
  const [tip, setTip] = useState<number | null>(null);
  const [focusAt, setFocusAt] = useState(0);
  const marks = useRef<(SVGGElement | null)[]>([]);
  const { x, lanesTop, laneHeight, plotLeft, plotRight, axisY, width, height } = layout;
  const laneY = (lane: number) => lanesTop + lane * laneHeight + laneHeight / 2;
  // Keyboard order: by date, then lane. One Tab stop; the arrow keys move between marks.
  const order = data.points
    .map((_, i) => i)
    .sort((a, b) => data.points[a].day - data.points[b].day || data.points[a].lane - data.points[b].lane);
  const rank = new Map(order.map((p, k) => [p, k]));
  const current = Math.min(focusAt, Math.max(0, order.length - 1));
  const onKey = (e: KeyboardEvent, k: number) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? order.length - 1 : step ? Math.max(0, Math.min(order.length - 1, k + step)) : null;
    if (to === null) return;
    e.preventDefault();
    setFocusAt(to);
    marks.current[order[to]]?.focus();
  };
  const tipPoint = tip === null ? null : data.points[tip];
  return (
    <div className="timeline-svg" onMouseLeave={() => setTip(null)}>
      <svg
        width={width * scale}
        height={height * scale}
        viewBox={`0 0 ${width} ${height}`}
        role={onOpen ? 'group' : 'presentation'}
        aria-label={onOpen ? 'Events by date' : undefined}
        className="timeline-plot"
      >
        {data.laneLabels.map((label, i) => (
          <g key={i}>
            <line x1={plotLeft} x2={plotRight} y1={laneY(i)} y2={laneY(i)} stroke="var(--grid)" />
            <text x={plotLeft - 8} y={laneY(i)} dy="0.35em" textAnchor="end" fill="var(--text)" fontSize={12}>
              {clipGraphemes(label, 16)}
            </text>
          </g>
        ))}
        {layout.ticks.map((t) => (
          <g key={t.day}>
            <line x1={x(t.day)} x2={x(t.day)} y1={lanesTop - 4} y2={axisY} stroke="var(--grid)" />
            <text
              x={x(t.day)}
              y={axisY + 15}
              textAnchor={x(t.day) > width - 40 ? 'end' : x(t.day) < plotLeft - 20 ? 'start' : 'middle'}
              fill="var(--muted)"
              fontSize={12}
              className="timeline-tick"
            >
              {t.label}
            </text>
          </g>
        ))}
        <line x1={plotLeft} x2={plotRight} y1={axisY} y2={axisY} stroke="var(--muted)" />
        {layout.annotations.map((a) => {
          const p = data.points[a.point];
          const cx = x((p.day + p.end + 1) / 2);
          const ty = 8 + a.row * 16 + 11;
          return (
            <g key={a.point} className="timeline-annotation" aria-hidden="true">
              <line x1={cx} x2={cx} y1={ty + 3} y2={laneY(p.lane) - 9} stroke="var(--muted)" strokeDasharray="2 2" />
              <text x={a.start} y={ty} fill="var(--text)" fontSize={11} fontWeight={600}>
                {a.text}
              </text>
            </g>
          );
        })}
        {data.points.map((p, i) => {
          const k = rank.get(i) ?? 0;
          const color = colorOf(p, kinds);
          const cy = laneY(p.lane);
          const x0 = x(p.day);
          const x1 = x(p.end + 1);
          const cx = (x0 + x1) / 2;
          const isSelected = selected !== null && p.ids.includes(selected);
          const stroke = isSelected ? 'var(--text)' : 'var(--panel)';
          const name = `${p.dateText} · ${p.kind === 'mixed' ? 'several kinds' : termLabel(kinds, p.kind)} · ${p.count > 1 ? `${p.label}: ${p.titles.join('; ')}` : p.label}`;
          const spanWidth = Math.max(8, x1 - x0);
          const handlers = onOpen
            ? {
                ref: (el: SVGGElement | null) => {
                  marks.current[i] = el;
                },
                role: 'button',
                tabIndex: k === current ? 0 : -1,
                'aria-label': name,
                onMouseEnter: () => setTip(i),
                onFocus: () => {
                  setTip(i);
                  setFocusAt(k);
                },
                onBlur: () => setTip(null),
                onKeyDown: (e: KeyboardEvent) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onOpen(p.ids[0]);
                  } else onKey(e, k);
                },
                onClick: () => onOpen(p.ids[0]),
                style: { cursor: 'pointer' },
              }
            : {};
          return (
            // Keyed by what the mark stands for (lane, dates), not its place in the list: a filter that
            // removes one mark leaves the others' elements as they were.
            <g
              key={`${data.lanes[p.lane]}|${p.day}|${p.end}|${p.approx ? 1 : 0}`}
              className={`timeline-mark${p.approx ? ' is-span' : ''}${p.contact ? ' is-contact' : ''}`}
              {...handlers}
            >
              {p.approx || p.end > p.day ? (
                <rect
                  x={cx - spanWidth / 2}
                  y={cy - 7}
                  width={spanWidth}
                  height={14}
                  rx={3}
                  fill={color}
                  fillOpacity={p.approx ? 0.22 : 0.6}
                  stroke={isSelected ? 'var(--text)' : color}
                  strokeDasharray={p.approx ? '3 2' : undefined}
                  strokeWidth={isSelected ? 2 : 1}
                />
              ) : null}
              {p.contact ? (
                <polygon points={star(cx, cy, 10)} fill={color} stroke={stroke} strokeWidth={isSelected ? 2.5 : 1.5} />
              ) : !p.approx && p.end === p.day ? (
                <circle
                  cx={cx}
                  cy={cy}
                  r={p.count > 1 ? 9 : 6}
                  fill={color}
                  fillOpacity={0.9}
                  stroke={stroke}
                  strokeWidth={isSelected ? 2.5 : 1.5}
                />
              ) : null}
              {p.count > 1 ? (
                <g className="count-badge">
                  <circle cx={cx + (p.contact ? 9 : 0)} cy={cy - (p.contact ? 8 : 0)} r={8} fill="var(--text)" />
                  <text
                    x={cx + (p.contact ? 9 : 0)}
                    y={cy - (p.contact ? 8 : 0)}
                    dy="0.35em"
                    textAnchor="middle"
                    fontSize={10}
                    fill="var(--panel)"
                    fontWeight={700}
                  >
                    {p.count > 99 ? '99+' : p.count}
                  </text>
                </g>
              ) : null}
            </g>
          );
        })}
      </svg>
      {tipPoint && onOpen ? (
        <div
          className="tip timeline-tip"
          role="tooltip"
          style={{
            left: Math.min(width - 240, Math.max(0, x((tipPoint.day + tipPoint.end + 1) / 2) - 110)),
            top: laneY(tipPoint.lane) + 14,
          }}
        >
          <strong>{tipPoint.label}</strong>
          <div>
            {tipPoint.dateText}
            {tipPoint.kind !== 'mixed' ? ` · ${termLabel(kinds, tipPoint.kind)}` : ''}
          </div>
          {tipPoint.count > 1 ? (
            <ul>
              {tipPoint.titles.map((t, i) => (
                <li key={i}>{t}</li>
              ))}
              {tipPoint.count > tipPoint.titles.length ? <li>and {tipPoint.count - tipPoint.titles.length} more</li> : null}
            </ul>
          ) : null}
          <div className="muted">{tipPoint.count === 1 ? 'Click to see its sources' : 'Click to see the first one’s sources'}</div>
        </div>
      ) : null}
    </div>
  );
}

/** What the marks mean, and the kinds' colours: under the chart on screen and on its slide. */
export function TimelineLegend({ index, kinds }: { index: DatasetIndex; kinds: readonly EventKindTerm[] }) {
  return (
    <p className="legend" aria-label="Legend">
      <span className="legend-item">
        <svg width="14" height="14" aria-hidden="true">
          <polygon points="7,0 9,5 14,5 10,8.5 11.5,14 7,10.5 2.5,14 4,8.5 0,5 5,5" fill="var(--muted)" />
        </svg>{' '}
        {contactLegend(index)}: star, its date and a label written above
      </span>
      <span className="legend-item">
        <svg width="18" height="12" aria-hidden="true">
          <rect
            x="1"
            y="2"
            width="16"
            height="8"
            rx="2"
            fill="var(--muted)"
            fillOpacity="0.25"
            stroke="var(--muted)"
            strokeDasharray="2 2"
          />
        </svg>{' '}
        Date not known to the day: a faint span over its month or period
      </span>
      <span className="legend-item">
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="7" fill="var(--text)" />
        </svg>{' '}
        Number: events of one date
      </span>
      {kinds.map((k) => (
        <span className="legend-item" key={k.id}>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="5" fill={k.color} />
          </svg>{' '}
          {k.label}
        </span>
      ))}
    </p>
  );
}
