import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { plainTick, useChartHover } from '../../components/chart-bits';
import type { YearBucket } from './aid-data';

const yearTick = plainTick((year) => String(year), { fill: 'var(--text)', fontSize: 12 });
const countTick = plainTick((n) => String(n), { fill: 'var(--muted)', fontSize: 12 });

/** Every nth year labelled, so labels never collide and Recharts need not measure them to find out. */
export function yearInterval(years: number, width: number): number {
  const fit = Math.max(1, Math.floor((width - 60) / 44));
  return Math.max(0, Math.ceil(years / fit) - 1);
}

/**
 * The aid tracker's Recharts part; it loads in the background (see aid-tracker.tsx). Its width comes
 * from the caller's ResizeObserver rather than a ResponsiveContainer, which reads its box on mounting
 * and so forces a layout of the whole page.
 */
const SERIES = [
  { key: 'announced', name: 'Announced that year', fill: 'var(--series-1)' },
  { key: 'takesEffect', name: 'Takes effect that year', fill: 'var(--series-2)' },
] as const;

export function AidChart({ years, width, animate }: { years: YearBucket[]; width: number; animate: boolean }) {
  const [hover, hoverHandlers] = useChartHover();
  return (
    <div {...hoverHandlers}>
      <BarChart width={width} height={176} data={years} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid stroke="var(--grid)" vertical={false} />
        <XAxis dataKey="year" stroke="var(--muted)" tick={yearTick} interval={yearInterval(years.length, width)} />
        <YAxis allowDecimals={false} stroke="var(--muted)" tick={countTick} width={32} interval={0} />
        {hover ? (
          <Tooltip
            isAnimationActive={false}
            contentStyle={{ background: 'var(--panel)', border: '1px solid var(--line)', color: 'var(--text)' }}
          />
        ) : null}
        {SERIES.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.fill} isAnimationActive={animate} />
        ))}
      </BarChart>
      {/* Drawn as HTML: Recharts' legend reads its own box whenever the data changes, forcing a layout. */}
      <ul
        className="aid-chart-legend"
        style={{
          display: 'flex',
          justifyContent: 'center',
          gap: '1rem',
          margin: 0,
          padding: 0,
          listStyle: 'none',
          fontSize: 12,
          height: 24,
          alignItems: 'center',
        }}
      >
        {SERIES.map((s) => (
          <li key={s.key} style={{ display: 'inline-flex', alignItems: 'center', gap: '0.3rem' }}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" fill={s.fill} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
