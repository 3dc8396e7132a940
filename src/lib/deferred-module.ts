import { useEffect, useSyncExternalStore } from 'react';

export interface Deferred<M> {
  module: M | null;
  error: Error | null;
}

/**
 * A module fetched the first time a caller wants it (a chart coming near the screen), so it stays out
 * of the JavaScript a first visit loads until something on the page needs it. The hook gives
 * `module: null` until it has arrived; callers render a placeholder of the same size meanwhile, and
 * hold the render signal while they want it and it is not there.
 */
export function deferredModule<M>(load: () => Promise<M>): (wanted: boolean) => Deferred<M> {
  let state: Deferred<M> = { module: null, error: null };
  let started = false;
  const listeners = new Set<() => void>();
  const start = () => {
    if (started) return;
    started = true;
    load().then(
      (module) => {
        state = { module, error: null };
        listeners.forEach((l) => l());
      },
      (error: unknown) => {
        state = { module: null, error: error instanceof Error ? error : new Error(String(error)) };
        listeners.forEach((l) => l());
      },
    );
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const get = () => state;
  return (wanted) => {
    useEffect(() => {
      if (wanted) start();
    }, [wanted]);
    return useSyncExternalStore(subscribe, get, get);
  };
}
