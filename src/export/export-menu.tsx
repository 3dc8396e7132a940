import { useContext, useEffect, useId, useRef, useState } from 'react';
import { PinContext, type PinnedPanel } from '../components/pin-button';
import type { Caption } from './caption';
import { downloadBlob, fileStamp, slug } from './download';
import { writeView } from '../dataset/url-state';
import { CopyRefused, EXPORT_SCALE, ExportCancelled, ImageTooLarge, copyPng } from './image-outcomes';
import { useSlideDialog, type SlideRequest } from './slide-dialog';
import { toJson, type ExportMeta, type ExportTable } from './tables';
import './export.css';

export interface ExportSpec {
  /** Shown in the button's name: "Export Quote board". */
  label: string;
  /** The element the image is made of, found from the menu's own button. */
  target: (from: HTMLElement) => HTMLElement | null;
  caption: (madeAt: Date) => Caption;
  /** The records behind what is shown, for CSV and JSON; absent where there are none. */
  table?: () => ExportTable;
  meta?: (madeAt: Date) => ExportMeta;
  /** The panel's slide (1920×1080, headline editable before download); absent where there is none. */
  slide?: () => SlideRequest;
  /** The panel as it would be pinned to the deck now, with its filters in words. */
  pin?: PinnedPanel & { filters: string };
}

type Status = { kind: 'ok' | 'error'; text: string; briefing?: boolean } | null;

/** "Export" disclosure: Download PNG, Copy image, and the records as CSV or JSON. */
export function ExportMenu({ spec }: { spec: ExportSpec }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const job = useRef<AbortController | null>(null);
  const refocus = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const listId = useId();
  const slides = useSlideDialog();
  const pins = useContext(PinContext);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
      toggle.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  useEffect(() => () => job.current?.abort(), []);

  useEffect(() => {
    if (status?.kind !== 'ok' || status.briefing) return;
    const t = window.setTimeout(() => setStatus(null), 6000);
    return () => window.clearTimeout(t);
  }, [status]);

  const name = (madeAt: Date, ext: string) => `${slug(spec.caption(madeAt).title)}--${slug(spec.label)}--${fileStamp(madeAt)}.${ext}`;

  const image = (madeAt: Date) => {
    const el = toggle.current ? spec.target(toggle.current) : null;
    if (!el) return Promise.reject(new Error('Nothing to export.'));
    const signal = job.current?.signal;
    // The renderer loads on the first image asked for.
    return import('./image').then(({ renderPng }) =>
      renderPng(el, spec.caption(madeAt), {
        signal,
        // A render the menu has stopped waiting for (a refused copy) says nothing more.
        onProgress: (text) => !signal?.aborted && setStatus({ kind: 'ok', text }),
      }),
    );
  };

  const run = async (what: string, work: () => Promise<string>) => {
    setOpen(false);
    setBusy(true);
    job.current = new AbortController();
    setStatus({ kind: 'ok', text: `${what}…` });
    try {
      setStatus({ kind: 'ok', text: await work() });
    } catch (e) {
      if (e instanceof ExportCancelled) setStatus({ kind: 'ok', text: e.message });
      else if (e instanceof ImageTooLarge) setStatus({ kind: 'error', text: e.message, briefing: true });
      else if (e instanceof CopyRefused) setStatus({ kind: 'error', text: e.message });
      else setStatus({ kind: 'error', text: `${what} failed: ${(e as Error)?.message ?? String(e)}` });
    } finally {
      job.current?.abort();
      job.current = null;
      refocus.current = true;
      setBusy(false);
    }
  };

  const cancel = () => job.current?.abort();

  // The button is disabled while busy, and a disabled button cannot take focus: give it back once enabled.
  useEffect(() => {
    if (busy || !refocus.current) return;
    refocus.current = false;
    toggle.current?.focus({ preventScroll: true });
  }, [busy]);

  const items: { label: string; act: () => void }[] = [
    {
      label: 'Download PNG',
      act: () =>
        void run('Making the image', async () => {
          const madeAt = new Date();
          const file = name(madeAt, 'png');
          const { blob, scale } = await image(madeAt);
          downloadBlob(blob, file);
          return scale < EXPORT_SCALE ? `Saved ${file} (at ${scale.toFixed(1)}×: too tall for 2×)` : `Saved ${file}`;
        }),
    },
    {
      label: 'Copy image',
      act: () =>
        void run('Copying the image', async () => {
          await copyPng(() => image(new Date()).then((r) => r.blob));
          return 'Image copied to the clipboard';
        }),
    },
  ];
  const { table, meta, slide, pin } = spec;
  if (slide && slides) {
    // eslint-disable-next-line react-hooks/refs -- the actions read refs when clicked, never during render
    items.push({
      label: 'Download slide (PNG)',
      act: () => {
        setOpen(false);
        slides.open(slide());
      },
    });
  }
  if (pin && pins) {
    const on = pins.panelPinned(pin);
    // eslint-disable-next-line react-hooks/refs -- the action reads refs when clicked, never during render
    items.push({
      label: on ? 'Unpin panel from deck' : 'Pin panel to deck',
      act: () => {
        setOpen(false);
        pins.togglePanel({ panel: pin.panel, view: pin.view });
        setStatus({ kind: 'ok', text: on ? 'Taken out of the deck' : `Pinned to the deck as it is now: ${pin.filters}` });
      },
    });
  }
  if (table && meta) {
    /* eslint-disable react-hooks/refs -- the actions read refs when clicked, never during render */
    items.push(
      {
        label: 'Download CSV',
        act: () =>
          void run('Writing the CSV', async () => {
            const madeAt = new Date();
            const t = table();
            const file = name(madeAt, 'csv');
            const { toCsv } = await import('./csv');
            downloadBlob(new Blob([toCsv(t)], { type: 'text/csv;charset=utf-8' }), file);
            return `Saved ${file} (${t.rows.length} records)`;
          }),
      },
      {
        label: 'Download JSON',
        act: () =>
          void run('Writing the JSON', async () => {
            const madeAt = new Date();
            const t = table();
            const file = name(madeAt, 'json');
            downloadBlob(new Blob([toJson(t, meta(madeAt))], { type: 'application/json' }), file);
            return `Saved ${file} (${t.rows.length} records)`;
          }),
      },
    );
    /* eslint-enable react-hooks/refs */
  }

  return (
    <div className="export-menu" ref={box} data-export-hide>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`Export ${spec.label}`}
        aria-busy={busy}
        disabled={busy}
        onClick={() => setOpen(!open)}
      >
        {busy ? 'Exporting…' : 'Export'} <span aria-hidden="true">▾</span>
      </button>
      <div id={listId} className="export-popover" role="group" aria-label={`Export ${spec.label}`} hidden={!open}>
        {/* eslint-disable-next-line react-hooks/refs -- `act` reads refs when clicked, not during render */}
        {items.map((it) => (
          <button key={it.label} type="button" onClick={it.act}>
            {it.label}
          </button>
        ))}
      </div>
      {busy ? (
        <button type="button" className="export-cancel" onClick={cancel}>
          Cancel
        </button>
      ) : null}
      <p className={`export-status${status?.kind === 'error' ? ' is-error' : ''}`} role="status">
        {status?.text ?? ''}
        {status?.briefing ? (
          <>
            {' '}
            <a href={`?${writeView(new URLSearchParams(window.location.search), { briefing: true }).toString()}`}>Open the briefing view</a>
          </>
        ) : null}
      </p>
    </div>
  );
}
