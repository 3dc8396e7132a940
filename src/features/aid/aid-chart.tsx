import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from 'recharts';
import type { Term, TermList } from '../../dataset/vocabulary';
import { calendarTicks, formatDate } from '../../lib/dates';
import { formatAmount } from '../../lib/format';
import { aidSpan, type MoneyRow, type RolledItem } from './aid-data';
import { CHART_MOTION_MS } from '../../lib/use-media';

/*
 * The aid tracker's charts; they load in the background (see aid-tracker.tsx). Widths come from the
 * caller's ResizeObserver rather than a ResponsiveContainer, which reads its box on mounting and so
 * forces a layout of the whole page.
 */

const statusColor = (statuses: TermList<Term>, id: string) => statuses.byId.get(id)?.color ?? 'var(--muted)';

/** Money by donor and status in one currency: one bar per donor and status, its amount written on it. */
export function AidMoneyChart({
  currency,
  rows,
  statuses,
  width,
  animate,
}: {
  currency: string;
  rows: MoneyRow[];
  statuses: TermList<Term>;
  width: number;
  animate: boolean;
}) {
  const data = rows.map((r) => ({ ...r, name: `${r.donor} · ${r.statusLabel}`, amount: formatAmount({ value: r.value, currency }) }));
  const labelWidth = Math.min(220, Math.round(width * 0.4));
  return (
    <BarChart
      width={width}
      height={data.length * 30 + 12}
      data={data}
      layout="vertical"
      margin={{ top: 4, right: 110, bottom: 4, left: 0 }}
      accessibilityLayer
    >
      <XAxis type="number" hide domain={[0, 'dataMax']} />
      <YAxis
        type="category"
        dataKey="name"
        width={labelWidth}
        tick={{ fill: 'var(--text)', fontSize: 12 }}
        interval={0}
        stroke="var(--muted)"
      />
      <Bar dataKey="value" isAnimationActive={animate} animationDuration={CHART_MOTION_MS} barSize={18} name={`Amount (${currency})`}>
        {data.map((r) => (
          <Cell key={`${r.donor}-${r.status}`} fill={statusColor(statuses, r.status)} />
        ))}
        <LabelList dataKey="amount" position="right" fill="var(--text)" fontSize={12} />
      </Bar>
    </BarChart>
  );
}

/** Each item on one line in time: from its announcement to when it takes effect, its name and amount written above. */
export function AidItemsChart({
  rolled,
  statuses,
  width,
  selected,
  onOpen,
}: {
  rolled: RolledItem[];
  statuses: TermList<Term>;
  width: number;
  selected: string | null;
  onOpen: (id: string) => void;
}) {
  const spans = rolled.map((r) => aidSpan(r.item));
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of spans) {
    lo = Math.min(lo, s.announced[0]);
    hi = Math.max(hi, s.effective ? s.effective[1] : s.announced[1]);
  }
  const pad = Math.max(3, Math.round((hi - lo) * 0.02));
  const d0 = lo - pad;
  const d1 = hi + 1 + pad;
  const left = 10;
  const right = width - 12;
  const x = (day: number) => left + ((day - d0) / (d1 - d0 || 1)) * (right - left);
  const ticks = calendarTicks(d0, d1, Math.max(2, Math.floor(width / 110)));
  return (
    <div className="aid-lines">
      <ol className="aid-line-list" aria-label="Items from announcement to effect">
        {rolled.map((r, i) => {
          const a = r.item;
          const s = spans[i];
          const color = statusColor(statuses, a.status);
          const ax = x((s.announced[0] + s.announced[1] + 1) / 2);
          const status = statuses.byId.get(a.status)?.label ?? a.status;
          const when = a.effective
            ? `announced ${formatDate(a.announced)} → takes effect ${formatDate(a.effective)}`
            : `announced ${formatDate(a.announced)}`;
          return (
            <li
              key={a.id}
              className={`aid-line depth-${Math.min(r.depth, 3)}${r.context ? ' is-context' : ''}${a.id === selected ? ' is-selected' : ''}`}
            >
              <button
                type="button"
                className="aid-line-label"
                onClick={() => onOpen(a.id)}
                aria-label={`${a.item} on the chart: open its sources`}
              >
                {r.depth > 0 ? <span aria-hidden="true">↳ </span> : null}
                <strong>{a.item}</strong>
                {a.amount ? (
                  <span className="aid-line-amount"> · {formatAmount(a.amount)}</span>
                ) : r.parent ? (
                  <span className="aid-line-amount"> · inside {r.parent}</span>
                ) : null}
                <span className="aid-line-status" style={{ borderColor: color }}>
                  {' '}
                  · {status}
                </span>
                <span className="muted"> · {when}</span>
                {r.context ? <span className="muted"> · shown as context: an item inside it matches the filters</span> : null}
              </button>
              <svg width={width} height={20} aria-hidden="true" className="aid-line-mark">
                <line x1={left} x2={right} y1={10} y2={10} stroke="var(--grid)" />
                {s.announced[1] > s.announced[0] ? (
                  <rect
                    x={x(s.announced[0])}
                    y={4}
                    width={Math.max(4, x(s.announced[1] + 1) - x(s.announced[0]))}
                    height={12}
                    rx={3}
                    fill={color}
                    fillOpacity={0.18}
                    stroke={color}
                    strokeDasharray="3 2"
                  />
                ) : null}
                {s.effective ? (
                  <>
                    <line x1={ax} x2={x(s.effective[0])} y1={10} y2={10} stroke={color} strokeWidth={2} strokeDasharray="5 3" />
                    <rect
                      x={x(s.effective[0])}
                      y={3}
                      width={Math.max(6, x(s.effective[1] + 1) - x(s.effective[0]))}
                      height={14}
                      rx={3}
                      fill={color}
                      fillOpacity={a.effective?.precision === 'day' ? 0.8 : 0.3}
                      stroke={color}
                    />
                  </>
                ) : null}
                {/* Announced: a hollow ring; what is in effect or delivered is drawn solid. */}
                <circle
                  cx={ax}
                  cy={10}
                  r={6}
                  fill={a.status === 'in-effect' || a.status === 'delivered' ? color : 'var(--panel)'}
                  stroke={color}
                  strokeWidth={2.5}
                  opacity={r.context ? 0.5 : 1}
                />
              </svg>
            </li>
          );
        })}
      </ol>
      <svg width={width} height={22} aria-hidden="true" className="aid-line-axis">
        <line x1={left} x2={right} y1={2} y2={2} stroke="var(--muted)" />
        {ticks.map((t) => (
          <g key={t.day}>
            <line x1={x(t.day)} x2={x(t.day)} y1={2} y2={6} stroke="var(--muted)" />
            <text
              x={x(t.day)}
              y={18}
              textAnchor={x(t.day) < left + 30 ? 'start' : x(t.day) > right - 30 ? 'end' : 'middle'}
              fontSize={12}
              fill="var(--muted)"
            >
              {t.label}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
