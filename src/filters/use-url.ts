import { useMemo, useSyncExternalStore } from 'react';
import { readParam } from '../dataset/url-state';

const CHANGE = 'app:urlchange';

function subscribe(notify: () => void) {
  window.addEventListener('popstate', notify);
  window.addEventListener(CHANGE, notify);
  return () => {
    window.removeEventListener('popstate', notify);
    window.removeEventListener(CHANGE, notify);
  };
}

const getSearch = () => window.location.search;

/**
 * The URL is the only home of view state. `navigate` pushes a history entry (so back and forward
 * walk through filter changes); `replace` is for keystrokes, which would otherwise flood history.
 */
export function useUrlParams(): [URLSearchParams, Navigate] {
  const search = useSyncExternalStore(subscribe, getSearch, () => '');
  const params = useMemo(() => new URLSearchParams(search), [search]);
  return [params, navigate];
}

type Navigate = (next: URLSearchParams, opts?: { replace?: boolean }) => void;

/**
 * One parameter of the URL: the caller is drawn again only when that parameter changes, not on every
 * filter change (the dataset loader and the tray read theirs this way).
 */
export function useUrlParam(name: Parameters<typeof readParam>[1]): [string | null, Navigate] {
  const value = useSyncExternalStore(subscribe, () => readParam(new URLSearchParams(window.location.search), name), () => null);
  return [value, navigate];
}

function navigate(next: URLSearchParams, opts?: { replace?: boolean }) {
  const query = next.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (opts?.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(CHANGE));
}
