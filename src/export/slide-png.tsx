import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { blobDataUrl } from '../lib/data-url';
import { renderFixedPng } from './image';
import type { Slide } from './slide-model';
import { SLIDE_HEIGHT, SLIDE_WIDTH, SlideView } from './slide-view';

/** Lays the slide out off screen at 1920×1080 and hands its element to `draw`; removed afterwards. */
export async function withSlideElement<T>(slide: Slide, draw: (element: HTMLElement) => Promise<T>): Promise<T> {
  const host = document.createElement('div');
  host.className = 'slide-host';
  host.setAttribute('aria-hidden', 'true');
  document.body.append(host);
  const root = createRoot(host);
  try {
    flushSync(() => root.render(<SlideView slide={slide} />));
    const element = host.firstElementChild;
    if (!(element instanceof HTMLElement)) throw new Error('The slide could not be laid out.');
    return await draw(element);
  } finally {
    root.unmount();
    host.remove();
  }
}

/** A slide as PNG: exactly 1920×1080 at 1×, 3840×2160 at 2×. */
export function slidePng(slide: Slide, scale: 1 | 2): Promise<Blob> {
  return withSlideElement(slide, (el) => renderFixedPng(el, SLIDE_WIDTH, SLIDE_HEIGHT, scale));
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where the DOM slide put each part, in slide pixels; a block the slide had no room for has no box. */
export interface SlideLayout {
  parts: Partial<Record<'headline' | 'subhead' | 'note' | 'body' | 'footnotes' | 'foot' | 'sources' | 'meta', Box>>;
  blocks: (Box | null)[];
  /** How many of a block's entries (items, quotes, facts, rows) ran past its box and are left off, to be counted as "and N more". */
  cut: number[];
  /** The footnotes (numbers, or "more") in each of the two columns they were set in. */
  footnoteColumns: [string[], string[]];
  /** Where a chart block's chart sits, and a figure as a picture (PNG data URL at 2×); null for other blocks. */
  charts: ({ box: Box; png?: string } | null)[];
}

/** Lays the slide out as the PNG has it and reads back where everything went (the PowerPoint copies it). */
export function measureSlide(slide: Slide): Promise<SlideLayout> {
  return withSlideElement(slide, async (el) => {
    await document.fonts.ready;
    const origin = el.getBoundingClientRect();
    const box = (n: Element): Box => {
      const r = n.getBoundingClientRect();
      return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height };
    };
    const parts: SlideLayout['parts'] = {};
    for (const n of el.querySelectorAll('[data-part]')) parts[n.getAttribute('data-part') as keyof SlideLayout['parts']] = box(n);
    const body = parts.body;
    const cut: number[] = slide.blocks.map(() => 0);
    const blocks = slide.blocks.map((_, i) => {
      const n = el.querySelector(`[data-block="${i}"]`);
      if (!n || !body) return null;
      const b = box(n);
      // The body, or the column the block stands in, clips it.
      const column = n.parentElement?.closest('.slide-column');
      const edge = column ? box(column) : body;
      const bottom = Math.min(edge.y + edge.h, body.y + body.h);
      if (b.y + b.h <= bottom + 1 && b.x + b.w <= body.x + body.w + 1) return b;
      // Past its box: what shows whole is kept, the rest counted; a block with nothing whole shown is left out.
      const entries = [
        ...n.querySelectorAll(
          ':scope .slide-items > li:not(.slide-more), :scope .slide-quotes > li:not(.slide-more), :scope dl > div, :scope tbody > tr',
        ),
      ].filter((e) => !e.parentElement?.closest('td'));
      const whole = entries.filter((e) => box(e).y + box(e).h <= bottom + 1).length;
      if (!whole || b.x + b.w > body.x + body.w + 1) return null;
      cut[i] = entries.length - whole;
      return { ...b, h: bottom - b.y };
    });
    const columns: [string[], string[]] = [[], []];
    const fn = parts.footnotes;
    for (const n of el.querySelectorAll('[data-fn]')) {
      const b = box(n);
      columns[fn && b.x > fn.x + fn.w / 3 ? 1 : 0].push(n.getAttribute('data-fn') ?? '');
    }
    const charts: SlideLayout['charts'] = [];
    for (const [i, b] of slide.blocks.entries()) {
      const n = blocks[i] ? el.querySelector<HTMLElement>(`[data-block="${i}"] [data-chart]`) : null;
      if (b.kind !== 'chart' || !n) {
        charts.push(null);
        continue;
      }
      const at = box(n);
      const png = b.chart.type === 'figure' ? await blobDataUrl(await renderFixedPng(n, Math.round(at.w), Math.round(at.h), 2), 'The chart') : undefined;
      charts.push({ box: at, ...(png ? { png } : {}) });
    }
    return { parts, blocks, cut, footnoteColumns: columns, charts };
  });
}
