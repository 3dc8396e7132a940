import { formatCount } from '../lib/format';

/**
 * What a PNG export may end in, and the clipboard: small, so the Export menu has them at hand while
 * the renderer itself (image.tsx) loads only when an image is asked for.
 */

export const EXPORT_SCALE = 2;

/** Taller than this at 2× is no picture anyone can use (and tens of megabytes to make). */
export const MAX_IMAGE_HEIGHT = 16_000;

/** The image would be too long to be of use: the briefing view pages the same content. */
export class ImageTooLarge extends Error {
  constructor(readonly height: number) {
    super(
      `This image would be ${formatCount(height)} px tall, more than ${formatCount(MAX_IMAGE_HEIGHT)}: too long to read or paste. ` +
        'Export a panel on its own, or open the briefing view for slides or pages.',
    );
  }
}

export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled.');
  }
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
  // If the clipboard refuses first, the render is stopped and its rejection goes nowhere else.
  png.catch(() => undefined);
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
