import { elementScroll, useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useExporting } from '../lib/exporting';
import './virtual-rows.css';

/** Where each scroll box was last seen scrolled to, from its own scroll events (reading it would force a layout). */
const offsets = new WeakMap<Element, number>();

/** Lists up to this long render every item, as before; longer ones render only what is in view. */
export const VIRTUALISE_ABOVE = 50;

export type VirtualRows =
  | { on: false }
  | {
      on: true;
      items: VirtualItem[];
      /** Space above the first and below the last rendered item, in px (as padding or spacer rows). */
      before: number;
      after: number;
      /** Ref for each rendered item, which must also carry `data-index={item.index}`. */
      measure: (node: Element | null) => void;
    };

/**
 * Windowing for a long list inside its own scroll box (`scrollRef`). Short lists, and any list while
 * an image or print is being made (export must show every record), render in full: `on` is false.
 * Item heights are measured as they render, so the estimate only has to be roughly right.
 */
export function useVirtualRows(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  estimate: number,
  options: { threshold?: number; resetKey?: unknown } = {},
): VirtualRows {
  const exporting = useExporting();
  const on = count > (options.threshold ?? VIRTUALISE_ABOVE) && !exporting;
  const virtualizer = useVirtualizer({
    count: on ? count : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    overscan: 6,
    enabled: on,
    initialRect: { width: 800, height: 600 },
    // The box's size comes from the ResizeObserver, after layout, never read when it mounts: reading it
    // then would force a layout of the whole page in the middle of React's commit.
    observeElementRect: (instance, report) => {
      const element = instance.scrollElement;
      if (!element) return;
      const observer = new ResizeObserver(() => report({ width: element.clientWidth, height: element.clientHeight }));
      observer.observe(element);
      const onScroll = () => offsets.set(element, element.scrollTop);
      element.addEventListener('scroll', onScroll, { passive: true });
      return () => {
        observer.disconnect();
        element.removeEventListener('scroll', onScroll);
      };
    },
    // When a box is (re)attached the virtualizer writes the offset it means to be at. Where the box already
    // is there (a new box is at its top), the write is skipped: it would force a layout of the page.
    scrollToFn: (offset, scroll, instance) => {
      const element = instance.scrollElement;
      const target = offset + (scroll.adjustments ?? 0);
      if (element && scroll.behavior !== 'smooth' && Math.abs((offsets.get(element) ?? 0) - target) < 1) return;
      if (element) offsets.set(element, target);
      elementScroll(offset, scroll, instance);
    },
    // Sizes come from the ResizeObserver, after layout. Measuring when an item mounts would force a
    // layout of the whole page in the middle of React's commit, once per list.
    measureElement: (element, entry, instance) => {
      const box = entry?.borderBoxSize?.[0];
      if (box) return Math.round(box.blockSize);
      return instance.measurementsCache[instance.indexFromElement(element)]?.size ?? estimate;
    },
  });

  // A new list (other filters) starts at its top, not wherever the last one was scrolled to.
  // The virtualizer knows the offset from scroll events, so a list at its top costs no layout here.
  const resetKey = options.resetKey;
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (virtualizer.scrollOffset) scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey, scrollRef, virtualizer]);

  if (!on) return { on: false };
  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  return {
    on: true,
    items,
    before: items.length ? items[0].start : 0,
    after: items.length ? Math.max(0, total - items[items.length - 1].end) : 0,
    measure: virtualizer.measureElement,
  };
}

/** How many columns a CSS `repeat(auto-fill, minmax(min, 1fr))` grid of this width has. */
export function gridColumns(width: number, minItem: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (minItem + gap) + 1e-9));
}

/** Chunks of `size` (the last may be shorter). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const lastWidth = new Map<string, number>();

/**
 * The content width of an element, followed as it resizes. Until the first report it is the width last
 * seen under the same `remember` name (a chart that unmounts and comes back), else `fallback`.
 */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback: number, active = true, remember?: string): number {
  const [width, setWidth] = useState(() => (remember ? lastWidth.get(remember) : undefined) ?? fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !active) return;
    // The observer reports once it has laid out, so mounting forces no layout of its own.
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w === 0) return; // hidden: keep the last width
      if (remember) lastWidth.set(remember, w);
      setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, active, remember]);
  return width;
}
