import { useEffect, useMemo, useReducer, useState } from 'react';
import type { PinnedPanel } from '../components/pin-button';
import type { PanelPins } from './deck';

/**
 * Whether the slide code of the panels pinned among `items` is in; the first time they are there it
 * is loaded, and the caller drawn again. A failed load is thrown to the nearest error boundary.
 */
export function usePinnedSlides(panelPins: PanelPins, items: readonly { panel?: PinnedPanel }[]): { ready: boolean; pins: readonly PinnedPanel[] } {
  const pins = useMemo(() => items.flatMap((i) => (i.panel ? [i.panel] : [])), [items]);
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const [error, setError] = useState<Error | null>(null);
  const ready = panelPins.ready(pins);
  useEffect(() => {
    if (ready) return;
    let live = true;
    panelPins.load(pins).then(
      () => {
        if (live) loaded();
      },
      (e: unknown) => {
        if (live) setError(e instanceof Error ? e : new Error(String(e)));
      },
    );
    return () => {
      live = false;
    };
  }, [panelPins, pins, ready]);
  if (error) throw error;
  return { ready, pins };
}
