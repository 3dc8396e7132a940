import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { downloadBlob } from './download';
import type { Slide } from './slide-model';
import { slidePng } from './slide-png';
import { SlideView } from './slide-view';

/** The deck as PowerPoint (its code loaded only now). */
export async function deckPptx(slides: readonly Slide[], title: string, file: string): Promise<void> {
  const { slidesPptx } = await import('./slide-pptx');
  downloadBlob(await slidesPptx(slides, title), file);
}

/** One PNG per slide (1920×1080), numbered in deck order, in one zip. */
export async function deckPngZip(slides: readonly Slide[], base: string, file: string, onSlide?: (n: number) => void): Promise<void> {
  const { zipSync } = await import('fflate');
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (let i = 0; i < slides.length; i++) {
    onSlide?.(i + 1);
    const png = await slidePng(slides[i], 1);
    // PNGs are compressed already: stored as they are.
    entries[`${base}-${String(i + 1).padStart(2, '0')}.png`] = [new Uint8Array(await png.arrayBuffer()), { level: 0 }];
  }
  downloadBlob(new Blob([zipSync(entries) as BlobPart], { type: 'application/zip' }), file);
}

/**
 * The deck printed: a print-only copy of the slides, one per 16:9 sheet, then the browser's print
 * (save as PDF there). Resolves when printing is over.
 */
export function printDeck(slides: readonly Slide[]): Promise<void> {
  const host = document.createElement('div');
  host.className = 'deck-print';
  document.body.append(host);
  const root = createRoot(host);
  flushSync(() =>
    root.render(
      <>
        {slides.map((s, i) => (
          <SlideView key={i} slide={s} />
        ))}
      </>,
    ),
  );
  document.body.classList.add('printing-deck');
  return new Promise((resolve) => {
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      window.removeEventListener('afterprint', done);
      document.body.classList.remove('printing-deck');
      root.unmount();
      host.remove();
      resolve();
    };
    window.addEventListener('afterprint', done);
    void document.fonts.ready.then(() => {
      window.print();
      // Browsers whose print() does not wait for the dialog still take the page as it is at the call.
      window.setTimeout(done, 1000);
    });
  });
}
