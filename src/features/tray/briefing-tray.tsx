import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { DatasetIndex, Row } from '../../dataset/indexes';
import { Panel } from '../../components/panel';
import { AppLink } from '../../components/app-link';
import { GradeCode } from '../../components/record-bits';
import { makeCaption } from '../../export/caption';
import { downloadBlob } from '../../export/download';
import type { PanelPins } from '../../export/deck';
import { usePinnedSlides } from '../../export/use-pinned-slides';
import { formatDate } from '../../lib/dates';
import { formatCount, plural } from '../../lib/format';
import { present } from '../../records/record-label';
import { readParam, writeView } from '../../dataset/url-state';
import { useUrlParams } from '../../filters/use-url';
import type { BriefSheet } from './brief-sheet';
import type { buildBrief } from './tray-markdown';
import { useTray } from './tray-state';
import { LINK_MAX, NOTE_MAX, TRAY_FRAGMENT, trayFile, type TrayItem } from './tray-storage';
import { trayPanel } from './tray-panel';
import './briefing-tray.css';

interface Props {
  index: DatasetIndex;
  /** What the filters show; pins outside it stay, marked as hidden. */
  rows: readonly Row[];
  onOpen: (id: string) => void;
  /** Pinned panels' slides and their headline and filters in words, as pinned. */
  panelPins: PanelPins;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The brief's sheet (print and PNG) and its Markdown load the first time one is asked for. */
const loadBrief = async () => {
  const [{ buildBrief }, { BriefSheet }] = await Promise.all([import('./tray-markdown'), import('./brief-sheet')]);
  return { buildBrief, BriefSheet };
};

interface BriefKit {
  buildBrief: typeof buildBrief;
  BriefSheet: typeof BriefSheet;
}

function pinCount(items: readonly TrayItem[]): string {
  const panels = items.filter((i) => i.panel).length;
  const records = items.length - panels;
  return [records ? plural(records, 'pinned record') : '', panels ? plural(panels, 'pinned panel') : ''].filter(Boolean).join(', ');
}

/** Pinned records in the analyst's order, with a note each; exported as a one-page brief. */
export function BriefingTray({ index, rows, onOpen, panelPins }: Props) {
  const tray = useTray();
  const [params, navigate] = useUrlParams();
  const previewLink = writeView(params, { briefing: true, record: null, show: 'deck' });
  // Built only while something is pinned: at 100k records it costs tens of milliseconds per filter change.
  const pinned = tray.items.length > 0;
  const shown = useMemo(() => (pinned ? new Set(rows.map((r) => r.id)) : new Set<string>()), [rows, pinned]);
  const [sheet, setSheet] = useState<'png' | 'print' | null>(null);
  const [briefKit, setBriefKit] = useState<BriefKit | null>(null);
  const [link, setLink] = useState<{ url: string; copied: boolean } | { tooLong: number } | null>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; by: -1 | 1 } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  // A pinned panel keeps its own filters: never hidden by the page's.
  const hiddenCount = tray.items.filter((i) => !i.panel && !shown.has(i.id)).length;
  // Pinned panels are named by their slides' headlines: their slide code loads while they are pinned.
  const { ready: pinsReady, pins } = usePinnedSlides(panelPins, tray.items);
  const brief = useMemo(
    () => (sheet && pinsReady && briefKit ? briefKit.buildBrief(index, tray.items, today(), panelPins) : null),
    [sheet, pinsReady, briefKit, index, tray.items, panelPins],
  );
  const { notify } = tray;

  useEffect(() => setLink(null), [tray.items]);

  useEffect(() => {
    if (!focusAfterMove) return;
    setFocusAfterMove(null);
    const list = listRef.current;
    const pick = (by: number) => list?.querySelector<HTMLButtonElement>(`[data-move="${CSS.escape(`${focusAfterMove.id}:${by}`)}"]`);
    const same = pick(focusAfterMove.by);
    (same && !same.disabled ? same : pick(-focusAfterMove.by))?.focus();
  }, [focusAfterMove]);

  useEffect(() => {
    if (!sheet) return;
    const node = hostRef.current?.querySelector<HTMLElement>('.brief-sheet');
    if (!node) return;
    const name = `briefing-${today()}`;
    if (sheet === 'print') {
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        window.removeEventListener('afterprint', done);
        document.body.classList.remove('printing-tray');
        setSheet(null);
      };
      document.body.classList.add('printing-tray');
      window.addEventListener('afterprint', done);
      window.print();
      // Browsers whose print() does not wait for the dialog still take the page as it is at the call.
      const timer = window.setTimeout(done, 1000);
      return () => window.clearTimeout(timer);
    }
    let cancelled = false;
    void (async () => {
      try {
        const sources = brief?.citations.map((c) => c.source) ?? [];
        const caption = makeCaption({
          index,
          filters: 'not applied (the tray keeps its pins whatever the filters show)',
          subject: `Briefing tray, ${plural(brief?.entries.length ?? 0, 'item')}`,
          sourceIds: sources,
          madeAt: new Date(),
        });
        const { renderPng } = await import('../../export/image');
        const { blob } = await renderPng(node, caption, { onWhite: true });
        if (!cancelled) downloadBlob(blob, `${name}.png`);
      } catch (e) {
        notify(`The PNG could not be made: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        if (!cancelled) setSheet(null);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [sheet, notify, brief, index]);

  const [deckBusy, setDeckBusy] = useState<string | null>(null);
  const deck = async (as: 'pptx' | 'pdf' | 'png') => {
    const madeAt = new Date();
    const name = `deck-${today()}`;
    setDeckBusy(as === 'pptx' ? 'Writing the PowerPoint…' : as === 'pdf' ? 'Printing the deck…' : 'Drawing slide 1…');
    try {
      // The deck and its writers load on first use: a visit that never downloads a deck never fetches them.
      const [{ buildDeck }, { deckPngZip, deckPptx, printDeck }] = await Promise.all([
        import('../../export/deck'),
        import('../../export/deck-files'),
        panelPins.load(pins),
      ]);
      const slides = buildDeck(index, tray.items, madeAt, panelPins.slide);
      if (as === 'pptx') await deckPptx(slides, index.dataset.title, `${name}.pptx`);
      else if (as === 'pdf') await printDeck(slides);
      else await deckPngZip(slides, name, `${name}-png.zip`, (n) => setDeckBusy(`Drawing slide ${n} of ${slides.length}…`));
    } catch (e) {
      notify(`The deck could not be made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setDeckBusy(null);
    }
  };

  const openSheet = async (as: 'png' | 'print') => {
    const [kit] = await Promise.all([loadBrief(), panelPins.load(pins)]);
    setBriefKit(kit);
    setSheet(as);
  };

  const exportMarkdown = async () => {
    const [{ briefMarkdown, buildBrief }] = await Promise.all([import('./tray-markdown'), panelPins.load(pins)]);
    const md = briefMarkdown(buildBrief(index, tray.items, today(), panelPins));
    downloadBlob(new Blob([md], { type: 'text/markdown;charset=utf-8' }), `briefing-${today()}.md`);
  };

  const downloadTrayFile = () => {
    downloadBlob(new Blob([trayFile(tray.items, index.dataset.title)], { type: 'application/json' }), `briefing-tray-${today()}.json`);
  };

  const shareLink = async () => {
    const url = new URL(window.location.href);
    url.search = writeView(new URLSearchParams(), { dataset: readParam(url.searchParams, 'dataset') }).toString();
    // In the fragment, which the browser never sends to a server, so no server limit on headers applies.
    const { encodeTrayFragment } = await import('./tray-fragment');
    url.hash = `${TRAY_FRAGMENT}=${encodeTrayFragment(tray.items)}`;
    const text = url.toString();
    if (text.length > LINK_MAX) {
      setLink({ tooLong: text.length });
      return;
    }
    let copied: boolean;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      copied = false;
    }
    setLink({ url: text, copied });
  };

  const empty = tray.items.length === 0;
  return (
    <Panel
      title={trayPanel.title}
      panelId={trayPanel.id}
      className="tray"
      subtitle={
        empty
          ? 'Pin records and panels to build a deck'
          : `${pinCount(tray.items)}${hiddenCount ? `, ${hiddenCount} hidden by filters` : ''} · kept in this browser`
      }
    >
      {tray.notices.length ? (
        <div className="tray-notices" role="status">
          <ul>
            {tray.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <div className="tray-notice-actions">
            {tray.previous ? (
              <button type="button" onClick={tray.undo}>
                Restore previous tray
              </button>
            ) : null}
            <button type="button" onClick={tray.dismiss}>
              Dismiss
            </button>
          </div>
        </div>
      ) : null}
      {empty ? (
        <p className="empty">
          Nothing pinned yet. Use “Pin” next to any event, quote, aid item or discrepancy, or “Pin panel to deck” in a panel’s Export menu.
        </p>
      ) : (
        <ol className="tray-list" ref={listRef} aria-label="Pinned records, in brief order">
          {tray.items.map((item, i) => (
            <TrayEntry
              key={item.id}
              item={item}
              n={i + 1}
              last={i === tray.items.length - 1}
              index={index}
              panelPins={panelPins}
              hidden={!item.panel && !shown.has(item.id)}
              onMove={(by) => {
                tray.move(item.id, by);
                setFocusAfterMove({ id: item.id, by });
              }}
              onRemove={() => tray.remove(item.id)}
              onNote={(note) => tray.setNote(item.id, note)}
              onOpen={onOpen}
            />
          ))}
        </ol>
      )}
      <div className="tray-exports" role="group" aria-label="Download the deck" data-export-hide>
        <span className="small muted">{deckBusy ?? 'Deck: title, one slide per item, sources'}</span>
        {empty ? null : (
          <AppLink className="button-like" to={previewLink} navigate={navigate}>
            Preview the deck
          </AppLink>
        )}
        <button type="button" onClick={() => void deck('pptx')} disabled={empty || deckBusy !== null}>
          Deck as PowerPoint
        </button>
        <button type="button" onClick={() => void deck('pdf')} disabled={empty || deckBusy !== null}>
          Deck as PDF
        </button>
        <button type="button" onClick={() => void deck('png')} disabled={empty || deckBusy !== null}>
          Deck as PNGs (zip)
        </button>
      </div>
      <div className="tray-exports" role="group" aria-label="Export the brief" data-export-hide>
        <button type="button" onClick={() => void exportMarkdown()} disabled={empty}>
          Download Markdown
        </button>
        <button type="button" onClick={() => void openSheet('print')} disabled={empty || sheet !== null}>
          Print / PDF
        </button>
        <button type="button" onClick={() => void openSheet('png')} disabled={empty || sheet !== null}>
          {sheet === 'png' ? 'Making PNG…' : 'Download PNG'}
        </button>
        <button type="button" onClick={() => void shareLink()} disabled={empty}>
          Copy share link
        </button>
        <button type="button" onClick={downloadTrayFile} disabled={empty}>
          Download tray file
        </button>
        <label className="tray-open-file">
          <span className="button-like">Open tray file…</span>
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void tray.openFile(file);
            }}
          />
        </label>
        <button type="button" onClick={tray.clear} disabled={empty}>
          Clear tray
        </button>
      </div>
      {tray.items.length > 5 ? (
        <p className="muted small tray-fit">Each item’s sources are listed in full; a printed page holds about five items.</p>
      ) : null}
      {link && 'tooLong' in link ? (
        <div className="tray-share" role="alert">
          <p className="small">
            A link to this tray would be {formatCount(link.tooLong)} characters long, more than the{' '}
            {formatCount(LINK_MAX)} a link can be relied on to carry. Send the tray file instead; the recipient opens it with
            “Open tray file…”.
          </p>
          <button type="button" onClick={downloadTrayFile}>
            Download tray file
          </button>
        </div>
      ) : link ? (
        <ShareLink url={link.url} copied={link.copied} />
      ) : null}
      {brief && briefKit
        ? createPortal(
            <div className="tray-sheet-host" ref={hostRef} aria-hidden="true">
              <briefKit.BriefSheet brief={brief} />
            </div>,
            document.body,
          )
        : null}
    </Panel>
  );
}

function ShareLink({ url, copied }: { url: string; copied: boolean }) {
  const id = useId();
  return (
    <div className="tray-share">
      <label htmlFor={id} className="small">
        Share link {copied ? '(copied to the clipboard)' : '(copy it from here)'}
      </label>
      <input id={id} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
    </div>
  );
}

interface EntryProps {
  item: TrayItem;
  n: number;
  last: boolean;
  index: DatasetIndex;
  panelPins: PanelPins;
  hidden: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onNote: (note: string) => void;
  onOpen: (id: string) => void;
}

/** What a pin's row says: a record through its presenter, a panel by its slide's headline and the filters it was pinned with. */
function entryHead(item: TrayItem, index: DatasetIndex, panelPins: PanelPins, hidden: boolean) {
  if (item.panel) {
    const about = panelPins.describe(item.panel);
    if (!about) return null;
    return {
      label: about.headline,
      // Two pins of one panel differ by their filters: buttons and the note are named with both.
      name: `${about.headline} (${about.filters})`,
      meta: <span className="tray-filters">{`Panel · as pinned: ${about.filters === 'No filters' ? 'no filters' : about.filters}`}</span>,
      sources: false,
    };
  }
  const row = index.rowById.get(item.id);
  if (!row) return null;
  const p = present(row, index);
  const date = p.date();
  const grade = p.grade();
  const label = p.label(140);
  return {
    label,
    name: label,
    meta: (
      <>
        {grade ? (
          <>
            <GradeCode grade={grade} />{' '}
          </>
        ) : null}
        {p.typeName}
        {date ? ` · ${formatDate(date)}` : ''}
        {hidden ? <span className="tray-hidden">Hidden by filters</span> : null}
      </>
    ),
    sources: true,
  };
}

function TrayEntry({ item, n, last, index, panelPins, hidden, onMove, onRemove, onNote, onOpen }: EntryProps) {
  const noteId = useId();
  const head = entryHead(item, index, panelPins, hidden);
  if (!head) return null;
  const { label, name } = head;
  return (
    <li className={`tray-item${hidden ? ' is-hidden' : ''}${item.panel ? ' is-panel' : ''}`}>
      <div className="tray-item-head">
        <span className="tray-n" aria-hidden="true">
          {n}
        </span>
        <div className="tray-item-body">
          <p className="tray-meta">{head.meta}</p>
          <h3 className="tray-title">{label}</h3>
        </div>
      </div>
      <label className="visually-hidden" htmlFor={noteId}>
        Note on {name}
      </label>
      <input
        id={noteId}
        className="tray-note"
        type="text"
        value={item.note}
        maxLength={NOTE_MAX}
        placeholder="One-line note for the brief"
        onChange={(e) => onNote(e.target.value)}
      />
      <div className="tray-controls">
        <button type="button" data-move={`${item.id}:-1`} disabled={n === 1} onClick={() => onMove(-1)} aria-label={`Move up: ${name}`}>
          <span aria-hidden="true">↑ </span>Up
        </button>
        <button type="button" data-move={`${item.id}:1`} disabled={last} onClick={() => onMove(1)} aria-label={`Move down: ${name}`}>
          <span aria-hidden="true">↓ </span>Down
        </button>
        {head.sources ? (
          <button type="button" className="link-button" onClick={() => onOpen(item.id)} aria-label={`Sources for ${label}`}>
            Sources
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={onRemove} aria-label={`Remove from tray: ${name}`}>
          Remove
        </button>
      </div>
    </li>
  );
}
