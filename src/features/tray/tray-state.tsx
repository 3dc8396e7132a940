import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DatasetIndex } from '../../dataset/indexes';
import { PinContext, type PinState } from '../../components/pin-button';
import type { PinnedPanel } from '../../components/pin-button';
import { writeView } from '../../dataset/url-state';
import { useUrlParam } from '../../filters/use-url';
import { plural } from '../../lib/format';
import {
  cleanNote,
  datasetIdentity,
  decodeTrayLink,
  isKnownPin,
  legacyTrayKey,
  panelItem,
  panelPinKey,
  mergeTrays,
  readTray,
  readTrayFile,
  serialiseTray,
  TRAY_FILE_MAX,
  TRAY_FRAGMENT,
  TRAY_LIMIT,
  trayFragmentOf,
  trayKey,
  writeTray,
  type ReadResult,
  type TrayItem,
} from './tray-storage';

export interface TrayApi {
  items: TrayItem[];
  notices: string[];
  /** The tray as it was before a link or file replaced it, it was cleared, or pins were lost on reading. */
  previous: TrayItem[] | null;
  /** Replaces the tray with a tray file's pins (the tray as it was stays restorable). */
  openFile: (file: File) => Promise<void>;
  toggle: (id: string) => void;
  /** Pins a panel with the view it shows now, or takes that pin out again. */
  togglePanel: (pin: PinnedPanel) => void;
  remove: (id: string) => void;
  move: (id: string, by: -1 | 1) => void;
  setNote: (id: string, note: string) => void;
  clear: () => void;
  undo: () => void;
  dismiss: () => void;
  notify: (notice: string) => void;
}

interface State {
  key: string;
  items: TrayItem[];
  notices: string[];
  previous: TrayItem[] | null;
}

const TrayContext = createContext<TrayApi | null>(null);

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const inDataset = (index: DatasetIndex) => (i: TrayItem) => isKnownPin(i, (id) => index.rowById.has(id));

function load(key: string, index: DatasetIndex): State {
  const store = storage();
  let read = readTray(store, key);
  let fromLegacy = false;
  if (read.items.length === 0 && read.notices.length === 0) {
    // Trays were kept by title before: adopt that one (left where it is) if its pins are in this dataset.
    const legacy = readTray(store, legacyTrayKey(index.dataset.title));
    if (legacy.items.some(inDataset(index))) {
      read = { items: legacy.items, notices: [] };
      fromLegacy = true;
    }
  }
  const known = read.items.filter(inDataset(index));
  const notices = [...read.notices];
  const lost = read.items.length - known.length;
  if (lost && !fromLegacy) {
    try {
      const raw = store?.getItem(key);
      if (raw) store?.setItem(`${key}:backup`, raw);
    } catch {
      // Nothing more to keep it in.
    }
    notices.push(
      `${lost} pinned record${lost > 1 ? 's are' : ' is'} not in this dataset and ${lost > 1 ? 'were' : 'was'} set aside; “Restore previous tray” brings ${lost > 1 ? 'them' : 'it'} back.`,
    );
  }
  return { key, items: known, notices, previous: lost && !fromLegacy ? read.items : null };
}

/** "3 records", "1 record and 2 panels". */
function pinsInWords(items: readonly TrayItem[]): string {
  const panels = items.filter((i) => i.panel).length;
  const records = items.length - panels;
  return [records ? plural(records, 'record') : '', panels ? plural(panels, 'panel') : ''].filter(Boolean).join(' and ');
}

/** Puts a shared tray (link or file) in place of this one, keeping this one restorable. */
function replaceWith(s: State, r: ReadResult & { failed?: boolean }, from: string): State {
  if (r.failed) return { ...s, notices: r.notices };
  if (r.items.length === 0)
    return { ...s, notices: [...r.notices, `The ${from} held no records of this dataset; your tray is unchanged.`] };
  const before = s.items.length ? ` Your previous tray (${s.items.length}) was replaced; “Restore previous tray” brings it back.` : '';
  return {
    ...s,
    items: r.items,
    previous: s.items.length ? s.items : s.previous,
    notices: [
      `Loaded a briefing tray of ${pinsInWords(r.items)} from the ${from}.${before}`,
      ...r.notices,
    ],
  };
}

interface ProviderProps {
  index: DatasetIndex;
  children: ReactNode;
}

/**
 * Holds the briefing tray (saved per dataset in this browser) and lets every Pin button reach it.
 * A shared `tray` link is read once into the tray and then leaves the address bar, so a reload
 * shows the tray as the analyst left it rather than as the link had it.
 */
export function TrayProvider({ index, children }: ProviderProps) {
  const [link, navigate] = useUrlParam('tray');
  const onLinkRead = useCallback(() => {
    navigate(writeView(new URLSearchParams(window.location.search), { tray: null }), { replace: true });
  }, [navigate]);
  const identity = useMemo(() => datasetIdentity(index.dataset), [index]);
  const key = trayKey(identity);
  const [state, setState] = useState<State>(() => load(key, index));
  if (state.key !== key) setState(load(key, index));
  /** What this tab last saved or read: the base a change from another tab is merged against. */
  const synced = useRef<{ key: string; items: TrayItem[] }>({ key: state.key, items: state.items });

  useEffect(() => {
    if (state.key !== key) return;
    if (synced.current.key !== key || synced.current.items === state.items) {
      // The tray as loaded: nothing to save, and a saved tray that could not be read whole stays as it
      // is (besides its backup) until the analyst changes the tray.
      synced.current = { key, items: state.items };
      return;
    }
    const store = storage();
    let stored: string | null | undefined;
    try {
      stored = store?.getItem(key);
    } catch {
      stored = undefined;
    }
    synced.current = { key, items: state.items };
    // Unchanged (a merge from another tab, a first load): writing it again would only echo to that tab.
    if (stored === (state.items.length ? serialiseTray(state.items) : null)) return;
    const problem = writeTray(store, key, state.items);
    if (problem) setState((s) => (s.notices.includes(problem) ? s : { ...s, notices: [...s.notices, problem] }));
  }, [key, state.key, state.items]);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== key || event.storageArea !== storage()) return;
      const theirs = readTray(storage(), key).items.filter(inDataset(index));
      const base = synced.current.key === key ? synced.current.items : [];
      setState((s) => {
        if (s.key !== key) return s;
        const merged = mergeTrays(base, s.items, theirs);
        synced.current = { key, items: theirs };
        return { ...s, items: merged };
      });
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [key, index]);

  const readLink = useRef<string | null>(null);
  useEffect(() => {
    if (link === null || readLink.current === link) return;
    readLink.current = link;
    const r = decodeTrayLink(link, (id) => index.rowById.has(id));
    setState((s) => replaceWith(s, r, 'shared link'));
    onLinkRead();
  }, [link, index, onLinkRead]);

  // `#tray=…`: read once, then taken out of the address so a reload shows the tray as left.
  useEffect(() => {
    const readFragment = () => {
      const raw = trayFragmentOf(window.location.hash);
      if (raw === null) return;
      const rest = new URLSearchParams(window.location.hash.replace(/^#/, ''));
      rest.delete(TRAY_FRAGMENT);
      const hash = rest.toString();
      window.history.replaceState(
        window.history.state,
        '',
        `${window.location.pathname}${window.location.search}${hash ? `#${hash}` : ''}`,
      );
      void import('./tray-fragment').then(({ decodeTrayFragment }) => {
        if (!live) return;
        const r = decodeTrayFragment(raw, (id) => index.rowById.has(id));
        setState((s) => replaceWith(s, r, 'shared link'));
      });
    };
    let live = true;
    readFragment();
    window.addEventListener('hashchange', readFragment);
    return () => {
      live = false;
      window.removeEventListener('hashchange', readFragment);
    };
  }, [index]);

  const openFile = useCallback(
    async (file: File) => {
      if (file.size > TRAY_FILE_MAX) {
        const mb = (file.size / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 });
        setState((s) => ({ ...s, notices: [`The tray file “${file.name}” is too large (${mb} MB); your tray is unchanged.`] }));
        return;
      }
      const text = new TextDecoder().decode(await file.arrayBuffer());
      const r = readTrayFile(text, (id) => index.rowById.has(id));
      setState((s) => replaceWith(s, r, 'tray file'));
    },
    [index],
  );

  const update = useCallback((f: (items: TrayItem[]) => TrayItem[] | string) => {
    setState((s) => {
      const next = f(s.items);
      return typeof next === 'string' ? { ...s, notices: [...s.notices.filter((n) => n !== next), next] } : { ...s, items: next };
    });
  }, []);

  const pinOrUnpin = useCallback(
    (item: TrayItem) =>
      update((items) =>
        items.some((i) => i.id === item.id)
          ? items.filter((i) => i.id !== item.id)
          : items.length >= TRAY_LIMIT
            ? `The tray holds at most ${TRAY_LIMIT} pins; remove one to pin another.`
            : [...items, item],
      ),
    [update],
  );
  const toggle = useCallback((id: string) => pinOrUnpin({ id, note: '' }), [pinOrUnpin]);
  const togglePanel = useCallback((pin: PinnedPanel) => pinOrUnpin(panelItem(pin)), [pinOrUnpin]);

  const notify = useCallback(
    (notice: string) => setState((s) => ({ ...s, notices: [...s.notices.filter((n) => n !== notice), notice] })),
    [],
  );

  const api = useMemo<TrayApi>(
    () => ({
      items: state.items,
      notices: state.notices,
      previous: state.previous,
      openFile,
      toggle,
      togglePanel,
      remove: (id) => update((items) => items.filter((i) => i.id !== id)),
      move: (id, by) =>
        update((items) => {
          const from = items.findIndex((i) => i.id === id);
          const to = from + by;
          if (from < 0 || to < 0 || to >= items.length) return items;
          const next = [...items];
          [next[from], next[to]] = [next[to], next[from]];
          return next;
        }),
      setNote: (id, note) => update((items) => items.map((i) => (i.id === id ? { ...i, note: cleanNote(note) } : i))),
      clear: () =>
        setState((s) => ({
          ...s,
          items: [],
          previous: s.items.length ? s.items : null,
          notices: s.items.length ? ['Cleared the tray.'] : [],
        })),
      undo: () =>
        setState((s) =>
          s.previous ? { ...s, items: s.previous, previous: s.items.length ? s.items : null, notices: ['Restored the previous tray.'] } : s,
        ),
      dismiss: () => setState((s) => ({ ...s, notices: [], previous: null })),
      notify,
    }),
    [state, update, toggle, togglePanel, notify, openFile],
  );

  // Pin buttons only care which ids are pinned, not about notes being typed.
  const idList = state.items.map((i) => i.id).join('\u0000');
  const pinned = useMemo(() => new Set(idList ? idList.split('\u0000') : []), [idList]);
  const pins = useMemo<PinState>(
    () => ({ pinned, toggle, togglePanel, panelPinned: (pin) => pinned.has(panelPinKey(pin)) }),
    [pinned, toggle, togglePanel],
  );

  return (
    <TrayContext.Provider value={api}>
      <PinContext.Provider value={pins}>{children}</PinContext.Provider>
    </TrayContext.Provider>
  );
}

export function useTray(): TrayApi {
  const api = useContext(TrayContext);
  if (!api) throw new Error('useTray needs a TrayProvider');
  return api;
}
