import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DatasetIndex } from '../../dataset/indexes';
import { PinContext, type PinState } from '../../components/pin-button';
import { readParam, writeView } from '../../dataset/url-state';
import { useUrlParams } from '../../filters/use-url';
import { cleanNote, decodeTrayLink, readTray, TRAY_LIMIT, trayKey, writeTray, type TrayItem } from './tray-storage';

export interface TrayApi {
  items: TrayItem[];
  notices: string[];
  /** The tray as it was before a shared link replaced it or it was cleared. */
  previous: TrayItem[] | null;
  toggle: (id: string) => void;
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

function load(key: string, index: DatasetIndex): State {
  const read = readTray(storage(), key);
  const known = read.items.filter((i) => index.rowById.has(i.id));
  const notices = [...read.notices];
  const lost = read.items.length - known.length;
  if (lost)
    notices.push(`${lost} pinned record${lost > 1 ? 's are' : ' is'} not in this dataset and ${lost > 1 ? 'were' : 'was'} dropped.`);
  return { key, items: known, notices, previous: null };
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
  const [params, navigate] = useUrlParams();
  const link = readParam(params, 'tray');
  const onLinkRead = useCallback(() => {
    navigate(writeView(new URLSearchParams(window.location.search), { tray: null }), { replace: true });
  }, [navigate]);
  const key = trayKey(index.dataset.title);
  const [state, setState] = useState<State>(() => load(key, index));
  if (state.key !== key) setState(load(key, index));

  useEffect(() => {
    if (state.key !== key) return;
    const problem = writeTray(storage(), key, state.items);
    if (problem) setState((s) => (s.notices.includes(problem) ? s : { ...s, notices: [...s.notices, problem] }));
  }, [key, state.key, state.items]);

  const readLink = useRef<string | null>(null);
  useEffect(() => {
    if (link === null || readLink.current === link) return;
    readLink.current = link;
    const r = decodeTrayLink(link, (id) => index.rowById.has(id));
    setState((s) => {
      if (r.items.length === 0)
        return { ...s, notices: [...r.notices, 'The shared link held no records of this dataset; your tray is unchanged.'] };
      const before = s.items.length ? ` Your previous tray (${s.items.length}) was replaced; “Undo” brings it back.` : '';
      return {
        ...s,
        items: r.items,
        previous: s.items.length ? s.items : null,
        notices: [
          `Loaded a briefing tray of ${r.items.length} record${r.items.length > 1 ? 's' : ''} from the shared link.${before}`,
          ...r.notices,
        ],
      };
    });
    onLinkRead();
  }, [link, index, onLinkRead]);

  const update = useCallback((f: (items: TrayItem[]) => TrayItem[] | string) => {
    setState((s) => {
      const next = f(s.items);
      return typeof next === 'string' ? { ...s, notices: [...s.notices.filter((n) => n !== next), next] } : { ...s, items: next };
    });
  }, []);

  const toggle = useCallback(
    (id: string) =>
      update((items) =>
        items.some((i) => i.id === id)
          ? items.filter((i) => i.id !== id)
          : items.length >= TRAY_LIMIT
            ? `The tray holds at most ${TRAY_LIMIT} records; remove one to pin another.`
            : [...items, { id, note: '' }],
      ),
    [update],
  );

  const notify = useCallback(
    (notice: string) => setState((s) => ({ ...s, notices: [...s.notices.filter((n) => n !== notice), notice] })),
    [],
  );

  const api = useMemo<TrayApi>(
    () => ({
      items: state.items,
      notices: state.notices,
      previous: state.previous,
      toggle,
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
      undo: () => setState((s) => (s.previous ? { ...s, items: s.previous, previous: null, notices: [] } : s)),
      dismiss: () => setState((s) => ({ ...s, notices: [], previous: null })),
      notify,
    }),
    [state, update, toggle, notify],
  );

  // Pin buttons only care which ids are pinned, not about notes being typed.
  const idList = state.items.map((i) => i.id).join('\u0000');
  const pinned = useMemo(() => new Set(idList ? idList.split('\u0000') : []), [idList]);
  const pins = useMemo<PinState>(() => ({ pinned, toggle }), [pinned, toggle]);

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
