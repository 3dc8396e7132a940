import { useCallback, useMemo, useSyncExternalStore } from 'react';

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
export function useUrlParams(): [URLSearchParams, (next: URLSearchParams, opts?: { replace?: boolean }) => void] {
  const search = useSyncExternalStore(subscribe, getSearch, () => '');
  const navigate = useCallback((next: URLSearchParams, opts?: { replace?: boolean }) => {
    const query = next.toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (opts?.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    window.dispatchEvent(new Event(CHANGE));
  }, []);
  const params = useMemo(() => new URLSearchParams(search), [search]);
  return [params, navigate];
}
