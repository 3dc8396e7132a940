import { Bar, BarChart, Brush, XAxis } from 'recharts';
import { CHART_MOTION_MS } from '../../lib/use-media';

/*
 * The timeline's brush, drawn by Recharts: it loads once the brush comes near the screen (see call-timeline.tsx), so
 * Recharts is not among the scripts the page needs before it can show the data. The event chart
 * itself is plain SVG (timeline-plot.tsx). Sizes come from the caller's ResizeObserver.
 */

export interface BrushBin {
  start: number;
  end: number;
  count: number;
  label: string;
}

/** Event counts over the busy period under a brush; dragging it reports the chosen bins. */
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
    <BarChart
      width={width}
      height={84}
      data={bins}
      margin={{ top: 4, right: 20, bottom: 0, left: Math.min(118, Math.round(width * 0.26) + 8) }}
    >
      <Bar dataKey="count" fill="var(--accent-soft)" isAnimationActive={animate} animationDuration={CHART_MOTION_MS} name="Events" />
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
