import { useContext, useEffect, useId, useMemo, useRef, useState } from 'react';
import { PinContext } from '../components/pin-button';
import { downloadBlob, fileStamp, slug } from './download';
import type { SlideRequest } from './slide-dialog';
import type { Slide } from './slide-model';
import { slidePng } from './slide-png';
import { SlideView } from './slide-view';

/** Makes the files of a slide: the PNG at 1× or 2×, or a one-slide PowerPoint. */
export async function downloadSlide(slide: Slide, label: string, as: 'png1' | 'png2' | 'pptx', madeAt: Date): Promise<string> {
  const base = `${slug(slide.headline || label)}--slide--${fileStamp(madeAt)}`;
  if (as === 'pptx') {
    const { slidesPptx } = await import('./slide-pptx');
    const file = `${base}.pptx`;
    downloadBlob(await slidesPptx([slide], slide.headline), file);
    return file;
  }
  const scale = as === 'png2' ? 2 : 1;
  const file = `${base}${scale === 2 ? '@2x' : ''}.png`;
  downloadBlob(await slidePng(slide, scale), file);
  return file;
}

/** `base` is the slide `request` made when the dialog was asked for; the headline edited here replaces its own. */
export function SlideDialog({ request, base, onClose }: { request: SlideRequest; base: Slide; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const inputId = useId();
  const [headline, setHeadline] = useState(base.headline);
  const [scale, setScale] = useState<'png1' | 'png2'>('png1');
  const [status, setStatus] = useState<{ busy: boolean; text: string; error?: boolean }>({ busy: false, text: '' });
  const slide = useMemo<Slide>(() => ({ ...base, headline: headline.trim() || base.headline }), [base, headline]);
  const pins = useContext(PinContext);
  const pin = request.pin;
  const pinned = pin && pins ? pins.panelPinned(pin) : false;
  // The headline as edited goes with the pin; the slide's own is not stored.
  const edited = headline.trim() && headline.trim() !== base.headline ? headline.trim() : '';

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const run = async (as: 'png1' | 'png2' | 'pptx') => {
    setStatus({ busy: true, text: as === 'pptx' ? 'Writing the PowerPoint…' : 'Drawing the slide…' });
    try {
      const file = await downloadSlide(slide, request.label, as, new Date());
      setStatus({ busy: false, text: `Saved ${file}` });
    } catch (e) {
      setStatus({ busy: false, text: `The slide could not be made: ${(e as Error)?.message ?? String(e)}`, error: true });
    }
  };

  return (
    <dialog ref={ref} className="slide-dialog" aria-labelledby={headingId} onClose={onClose} onCancel={onClose}>
      <h2 id={headingId}>Slide: {request.label}</h2>
      <label htmlFor={inputId}>Headline</label>
      <input id={inputId} type="text" value={headline} maxLength={160} onChange={(e) => setHeadline(e.target.value)} />
      <div className="slide-preview" aria-label="Slide preview" role="group">
        <div className="slide-preview-inner">
          <SlideView slide={slide} />
        </div>
      </div>
      <div className="slide-dialog-actions">
        <label>
          Size{' '}
          <select value={scale} onChange={(e) => setScale(e.target.value as 'png1' | 'png2')}>
            <option value="png1">1920 × 1080 (1×)</option>
            <option value="png2">3840 × 2160 (2×)</option>
          </select>
        </label>
        <button type="button" onClick={() => void run(scale)} disabled={status.busy}>
          Download slide (PNG)
        </button>
        <button type="button" onClick={() => void run('pptx')} disabled={status.busy}>
          Download PowerPoint
        </button>
        {pin && pins ? (
          <button type="button" aria-pressed={pinned} onClick={() => pins.togglePanel(edited ? { ...pin, headline: edited } : pin)}>
            {pinned ? 'Pinned to deck' : 'Pin panel to deck'}
          </button>
        ) : null}
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
      <p className={`export-status${status.error ? ' is-error' : ''}`} role="status">
        {status.text}
      </p>
    </dialog>
  );
}
