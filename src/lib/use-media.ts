import { useSyncExternalStore } from 'react';

// One MediaQueryList per query: asking matchMedia again on every render is not free.
const lists = new Map<string, MediaQueryList>();
const listFor = (query: string) => {
  let list = lists.get(query);
  if (!list) lists.set(query, (list = window.matchMedia(query)));
  return list;
};

function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const m = listFor(query);
      m.addEventListener('change', notify);
      return () => m.removeEventListener('change', notify);
    },
    () => listFor(query).matches,
    () => false,
  );
}

export const useReducedMotion = () => useMedia('(prefers-reduced-motion: reduce)');

/** How long a chart's bars move after a change: kept under 200 ms so no filter change waits on motion. */
export const CHART_MOTION_MS = 150;
