import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { Caption } from './caption';
import { CaptionStrip } from './caption-strip';
import { setExporting } from '../lib/exporting';
import { whenSettled } from '../lib/render-signal';
import { embeddedFontCss } from '../lib/embedded-fonts';
import { EXPORT_SCALE, ExportCancelled, ImageTooLarge, MAX_IMAGE_HEIGHT } from './image-outcomes';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The clone keeps the original's structure node for node, so the two can be walked side by side:
 * every box that scrolls on screen is opened up to its full height in the clone.
 */
function expandScrollers(original: Element, clone: Element) {
  if (original instanceof HTMLElement && clone instanceof HTMLElement) {
    const style = getComputedStyle(original);
    const scrolls = /(auto|scroll)/.test(style.overflowY) && original.scrollHeight > original.clientHeight + 1;
    if (scrolls || style.position === 'sticky') {
      clone.style.maxHeight = 'none';
      clone.style.height = 'auto';
      clone.style.overflowY = 'visible';
      clone.style.position = 'static';
    }
  }
  const a = original.children;
  const b = clone.children;
  for (let i = 0; i < a.length && i < b.length; i++) expandScrollers(a[i], b[i]);
}

const QUOTE_MARKS = [
  ['\u201c', '\u201d'],
  ['\u2018', '\u2019'],
] as const;

/**
 * The renderer copies generated content as its keyword ("open-quote") rather than the mark it
 * stands for, so the marks a `<q>` (or any quotes: content) draws are written into the copy as
 * real characters and the generated ones switched off. Nested quotes take the inner marks.
 */
export function materialiseQuotes(root: Element, depth = 0) {
  for (const el of [...root.children]) {
    const before = getComputedStyle(el, '::before').content;
    const after = getComputedStyle(el, '::after').content;
    const opens = before === 'open-quote';
    const closes = after === 'close-quote';
    const marks = QUOTE_MARKS[depth % 2];
    let target = el;
    if (opens || closes) {
      // A <q> would get its marks again from the browser's own style wherever it is drawn.
      if (el.tagName === 'Q') {
        const look = getComputedStyle(el);
        const span = document.createElement('span');
        for (const a of el.attributes) span.setAttribute(a.name, a.value);
        // Rules written for `q` no longer match the span: keep what they gave it.
        for (const prop of ['font-style', 'font-weight', 'color', 'background-color', 'display'])
          span.style.setProperty(prop, look.getPropertyValue(prop));
        while (el.firstChild) span.append(el.firstChild);
        el.replaceWith(span);
        target = span;
      }
      target.classList.add('export-quoted');
      if (opens) target.prepend(marks[0]);
      if (closes) target.append(marks[1]);
    }
    materialiseQuotes(target, opens ? depth + 1 : depth);
  }
}

/**
 * Lays out a copy of `element` off screen at its on-screen width, whole (scrolling boxes opened,
 * elements marked data-export-hide left out), with the caption strip under it, and hands the
 * sheet to `draw`. Charts are told to stop animating first, and focus is taken off the page so no
 * focus ring is drawn; both are put back afterwards.
 */
export async function withExportSheet<T>(
  element: HTMLElement,
  caption: Caption,
  options: { onWhite?: boolean; keepTheme?: boolean },
  draw: (sheet: HTMLElement) => Promise<T>,
): Promise<T> {
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const host = document.createElement('div');
  host.className = 'export-host';
  host.setAttribute('aria-hidden', 'true');
  let captionRoot: Root | null = null;
  setExporting(true);
  try {
    focused?.blur();
    // Let the charts re-render without animation, and panels not drawn yet draw, before copying them.
    await nextFrame();
    await nextFrame();
    await Promise.race([whenSettled(), new Promise((resolve) => setTimeout(resolve, 5000))]);
    await document.fonts.ready;
    const width = element.getBoundingClientRect().width;
    const sheet = document.createElement('div');
    sheet.className = ['export-sheet', options.onWhite ? 'on-white' : '', options.keepTheme ? 'keep-theme' : ''].filter(Boolean).join(' ');
    sheet.style.width = `${width}px`;
    const clone = element.cloneNode(true) as HTMLElement;
    clone.classList.add('export-clone');
    clone.removeAttribute('id');
    clone.removeAttribute('aria-labelledby');
    expandScrollers(element, clone);
    const captionSlot = document.createElement('div');
    sheet.append(clone, captionSlot);
    host.append(sheet);
    document.body.append(host);
    materialiseQuotes(clone);
    const root = createRoot(captionSlot);
    captionRoot = root;
    flushSync(() => root.render(<CaptionStrip caption={caption} />));
    await document.fonts.ready;
    await nextFrame();
    return await draw(sheet);
  } finally {
    captionRoot?.unmount();
    host.remove();
    setExporting(false);
    if (focused?.isConnected) focused.focus({ preventScroll: true });
  }
}

const FIXED_SIZE = new Set(['IMG', 'CANVAS', 'VIDEO', 'IFRAME', 'INPUT', 'SELECT', 'TEXTAREA']);

/**
 * The renderer pins every box at its measured height; text drawn a hair wider then wraps onto a
 * line the box has no room for and runs over what follows. A floor instead of a fixed height
 * lets such a box grow by that line.
 */
function letBoxesGrow(node: Node) {
  if (!(node instanceof HTMLElement) || FIXED_SIZE.has(node.tagName) || node.classList.contains('export-sheet')) return;
  // A grid's rows come across as their measured sizes; each may grow the same way.
  const rows = node.style.getPropertyValue('grid-template-rows');
  if (/^[\d.]+px( [\d.]+px)*$/.test(rows)) {
    node.style.setProperty(
      'grid-template-rows',
      rows.replace(/[\d.]+px/g, (px) => `minmax(${px}, auto)`),
    );
  }
  const height = node.style.getPropertyValue('height');
  if (!height || !height.endsWith('px')) return;
  // A box that clips its content on purpose (visually hidden text, a clamped excerpt) keeps its size.
  if (/hidden|clip/.test(`${node.style.getPropertyValue('overflow-y')} ${node.style.getPropertyValue('overflow-x')}`)) return;
  node.style.removeProperty('height');
  node.style.removeProperty('block-size');
  node.style.setProperty('min-height', height);
}

/** Browsers refuse canvases much taller than this; a very long panel is drawn at a smaller scale. */
const MAX_SIDE = 60_000;

export interface PngOptions {
  scale?: number;
  /** Draw on white with dark text whatever the theme (a sheet meant for paper, such as the tray's brief). */
  onWhite?: boolean;
  /** Keep the screen's theme (dark stays dark); otherwise an image is drawn in the light palette. */
  keepTheme?: boolean;
  /** Stops the drawing between one part and the next. */
  signal?: AbortSignal;
  /** What is being drawn, in words: "Drawing Quote board… 3 of 8". */
  onProgress?: (text: string) => void;
}

const nameOf = (el: Element) => el.getAttribute('data-panel') ?? 'the page';

/**
 * The one PNG renderer: every exported image (panels, dashboard, the tray's brief) is made here,
 * caption strip included. A sheet holding several panels is drawn panel by panel onto one canvas,
 * so progress can name each and a cancel stops between them.
 */
export async function renderPng(element: HTMLElement, caption: Caption, options: PngOptions = {}): Promise<{ blob: Blob; scale: number }> {
  const wanted = options.scale ?? EXPORT_SCALE;
  const { signal, onProgress } = options;
  const check = () => {
    if (signal?.aborted) throw new ExportCancelled();
  };
  const [{ domToCanvas }, cssText] = await Promise.all([import('modern-screenshot'), embeddedFontCss()]);
  check();
  return withExportSheet(element, caption, options, async (sheet) => {
    const background = options.onWhite ? '#ffffff' : getComputedStyle(sheet).getPropertyValue('--bg').trim() || '#ffffff';
    const box = sheet.getBoundingClientRect();
    const scale = Math.min(wanted, MAX_SIDE / box.height, MAX_SIDE / box.width);
    const hidden = (node: Node) => node instanceof Element && node.hasAttribute('data-export-hide');
    const base = {
      scale,
      backgroundColor: background,
      font: cssText ? { cssText } : (false as const),
      onCloneEachNode: letBoxesGrow,
    };
    const parts = [...sheet.querySelectorAll<HTMLElement>('[data-panel]')].filter((p) => p !== sheet.firstElementChild);
    // A sheet of several panels (the dashboard) that long is refused; one long panel is drawn whole.
    if (parts.length >= 2 && box.height * EXPORT_SCALE > MAX_IMAGE_HEIGHT) throw new ImageTooLarge(Math.round(box.height * EXPORT_SCALE));
    let canvas: HTMLCanvasElement;
    if (parts.length < 2) {
      onProgress?.(`Drawing ${nameOf(sheet.firstElementChild ?? sheet)}…`);
      canvas = await domToCanvas(sheet, { ...base, filter: (node) => !hidden(node) });
    } else {
      const total = parts.length + 1;
      onProgress?.(`Drawing the page around the panels… 1 of ${total}`);
      // The page with each panel as an empty box of its size; the panels are drawn into those boxes.
      const inPart = (node: Node) => parts.some((p) => p !== node && p.contains(node));
      canvas = await domToCanvas(sheet, { ...base, filter: (node) => !hidden(node) && !inPart(node) });
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('The image could not be made.');
      for (const [i, part] of parts.entries()) {
        check();
        onProgress?.(`Drawing ${nameOf(part)}… ${i + 2} of ${total}`);
        const at = part.getBoundingClientRect();
        const drawn = await domToCanvas(part, { ...base, backgroundColor: null, filter: (node) => !hidden(node) });
        ctx.drawImage(drawn, Math.round((at.left - box.left) * scale), Math.round((at.top - box.top) * scale));
      }
    }
    check();
    onProgress?.('Compressing the image…');
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The image could not be made.');
    check();
    return { blob, scale };
  });
}

/**
 * An element laid out at a fixed size (a slide), drawn as exactly width×scale by height×scale pixels,
 * with no caption strip: the slide carries its own footer.
 */
export async function renderFixedPng(element: HTMLElement, width: number, height: number, scale: number): Promise<Blob> {
  const [{ domToBlob }, cssText] = await Promise.all([import('modern-screenshot'), embeddedFontCss()]);
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  setExporting(true);
  try {
    focused?.blur();
    await document.fonts.ready;
    await nextFrame();
    const blob = await domToBlob(element, {
      width,
      height,
      scale,
      type: 'image/png',
      backgroundColor: '#ffffff',
      font: cssText ? { cssText } : false,
    });
    if (!blob) throw new Error('The image could not be made.');
    return blob;
  } finally {
    setExporting(false);
    if (focused?.isConnected) focused.focus({ preventScroll: true });
  }
}
