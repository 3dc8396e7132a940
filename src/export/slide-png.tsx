import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
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
