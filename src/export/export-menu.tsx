import { useEffect, useId, useRef, useState } from 'react';
import type { Caption } from './caption';
import { downloadBlob, fileStamp, slug } from './download';
import { CopyRefused, EXPORT_SCALE, copyPng, renderPng } from './image';
import { toCsv, toJson, type ExportMeta, type ExportTable } from './tables';
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
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** "Export" disclosure: Download PNG, Copy image, and the records as CSV or JSON. */
export function ExportMenu({ spec }: { spec: ExportSpec }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const listId = useId();

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

  useEffect(() => {
    if (status?.kind !== 'ok') return;
    const t = window.setTimeout(() => setStatus(null), 6000);
    return () => window.clearTimeout(t);
  }, [status]);

  const name = (madeAt: Date, ext: string) => `${slug(spec.caption(madeAt).title)}--${slug(spec.label)}--${fileStamp(madeAt)}.${ext}`;

  const image = (madeAt: Date) => {
    const el = toggle.current ? spec.target(toggle.current) : null;
    if (!el) return Promise.reject(new Error('Nothing to export.'));
    return renderPng(el, spec.caption(madeAt));
  };

  const run = async (what: string, job: () => Promise<string>) => {
    setOpen(false);
    setBusy(true);
    setStatus({ kind: 'ok', text: `${what}…` });
    try {
      setStatus({ kind: 'ok', text: await job() });
    } catch (e) {
      setStatus({ kind: 'error', text: e instanceof CopyRefused ? e.message : `${what} failed: ${(e as Error)?.message ?? String(e)}` });
    } finally {
      refocus.current = true;
      setBusy(false);
    }
  };

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
  const { table, meta } = spec;
  if (table && meta) {
    // eslint-disable-next-line react-hooks/refs -- the actions read refs when clicked, never during render
    items.push(
      {
        label: 'Download CSV',
        act: () =>
          void run('Writing the CSV', async () => {
            const madeAt = new Date();
            const t = table();
            const file = name(madeAt, 'csv');
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
      <p className={`export-status${status?.kind === 'error' ? ' is-error' : ''}`} role="status">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
