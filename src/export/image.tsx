import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { Caption } from './caption';
import { CaptionStrip } from './caption-strip';
import { setExporting } from '../lib/exporting';
import { embeddedFontCss } from '../lib/embedded-fonts';

export const EXPORT_SCALE = 2;

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

/**
 * Lays out a copy of `element` off screen at its on-screen width, whole (scrolling boxes opened,
 * elements marked data-export-hide left out), with the caption strip under it, and hands the
 * sheet to `draw`. Charts are told to stop animating first, and focus is taken off the page so no
 * focus ring is drawn; both are put back afterwards.
 */
export async function withExportSheet<T>(
  element: HTMLElement,
  caption: Caption,
  onWhite: boolean,
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
    // Let the charts re-render without animation before copying them.
    await nextFrame();
    await nextFrame();
    await document.fonts.ready;
    const width = element.getBoundingClientRect().width;
    const sheet = document.createElement('div');
    sheet.className = onWhite ? 'export-sheet on-white' : 'export-sheet';
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

/** Browsers refuse canvases much taller than this; a very long panel is drawn at a smaller scale. */
const MAX_SIDE = 60_000;

export interface PngOptions {
  scale?: number;
  /** Draw on white with dark text whatever the theme (a sheet meant for paper, such as the tray's brief). */
  onWhite?: boolean;
}

/** The one PNG renderer: every exported image (panels, dashboard, the tray's brief) is made here, caption strip included. */
export async function renderPng(element: HTMLElement, caption: Caption, options: PngOptions = {}): Promise<{ blob: Blob; scale: number }> {
  const wanted = options.scale ?? EXPORT_SCALE;
  const [{ domToBlob }, cssText] = await Promise.all([import('modern-screenshot'), embeddedFontCss()]);
  return withExportSheet(element, caption, options.onWhite ?? false, async (sheet) => {
    const background = options.onWhite
      ? '#ffffff'
      : getComputedStyle(document.documentElement).getPropertyValue('--bg').trim() || '#ffffff';
    const box = sheet.getBoundingClientRect();
    const scale = Math.min(wanted, MAX_SIDE / box.height, MAX_SIDE / box.width);
    const blob = await domToBlob(sheet, {
      scale,
      type: 'image/png',
      backgroundColor: background,
      font: cssText ? { cssText } : false,
      filter: (node) => !(node instanceof Element && node.hasAttribute('data-export-hide')),
    });
    if (!blob) throw new Error('The image could not be made.');
    return { blob, scale };
  });
}

export class CopyRefused extends Error {}

/**
 * Puts a PNG on the clipboard. The blob is handed over as a promise so that browsers which demand
 * the write to start inside the click (Safari) accept it while the image is still being made.
 */
export async function copyPng(make: () => Promise<Blob>): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    throw new CopyRefused('This browser cannot put images on the clipboard. Use “Download PNG” instead.');
  }
  let renderError: unknown = null;
  const png = make().catch((e: unknown) => {
    renderError = e;
    throw e;
  });
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
  } catch (e) {
    if (renderError) throw renderError;
    const reason =
      e instanceof DOMException && e.name === 'NotAllowedError'
        ? 'it was not allowed to use the clipboard'
        : String((e as Error)?.message ?? e);
    throw new CopyRefused(`The browser refused to copy the image (${reason}). Use “Download PNG” instead.`);
  }
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
