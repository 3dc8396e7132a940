import { useState, type FocusEvent, type ReactNode } from 'react';

/** What Recharts hands a custom axis tick (the parts used here). */
export interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value: unknown };
  index?: number;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  verticalAnchor?: string;
}

const DY: Record<string, number> = { start: 0.71, middle: 0.355, end: 0 };

/** Greedy word wrap by character count: a plain estimate, where Recharts would measure every word. */
export function wrapLabel(label: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

/**
 * An axis label as plain SVG text. Recharts' own tick measures each new label in the page to wrap it,
 * which forces a layout of the whole page whenever the labels change (a filter change moves the dates).
 * Labels wrap by an estimate of `maxChars` per line instead, centred as Recharts centres them.
 */
export function plainTick(format: (value: unknown, index: number) => string, style: { fill: string; fontSize: number; maxChars?: number }) {
  return function PlainTick({ x = 0, y = 0, payload, index = 0, textAnchor = 'middle', verticalAnchor = 'start' }: TickProps): ReactNode {
    const label = format(payload?.value, index);
    const lines = style.maxChars ? wrapLabel(label, style.maxChars) : [label];
    const first =
      (DY[verticalAnchor] ?? 0.355) -
      (verticalAnchor === 'middle' ? (lines.length - 1) / 2 : verticalAnchor === 'end' ? lines.length - 1 : 0);
    return (
      <text x={x} y={y} textAnchor={textAnchor} fill={style.fill} fontSize={style.fontSize} className="recharts-cartesian-axis-tick-value">
        {lines.map((line, i) => (
          <tspan key={i} x={x} dy={`${i === 0 ? first : 1}em`}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
}

/**
 * Whether the pointer or focus is on a chart. Its tooltip is mounted only then: Recharts' tooltip reads
 * its own box each time the chart's data changes, which forces a layout of the whole page on every
 * filter change.
 */
export function useChartHover() {
  const [active, setActive] = useState(false);
  const on = () => setActive(true);
  const handlers = {
    onMouseEnter: on,
    onMouseLeave: () => setActive(false),
    onFocus: on,
    onBlur: (e: FocusEvent) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setActive(false);
    },
  };
  return [active, handlers] as const;
}
