import { useSyncExternalStore } from 'react';
import { trackLoading } from './render-signal';

export interface Deferred<M> {
  module: M | null;
  error: Error | null;
}

/**
 * A module fetched in the background from the moment this is called (at app start, alongside the
 * dataset), so it stays out of the JavaScript the page needs before it can show anything. The hook
 * gives `module: null` until it has arrived; callers render a placeholder of the same size meanwhile.
 */
export function deferredModule<M>(load: () => Promise<M>): () => Deferred<M> {
  let state: Deferred<M> = { module: null, error: null };
  const listeners = new Set<() => void>();
  const loading = load().then(
    (module) => {
      state = { module, error: null };
      listeners.forEach((l) => l());
    },
    (error: unknown) => {
      state = { module: null, error: error instanceof Error ? error : new Error(String(error)) };
      listeners.forEach((l) => l());
    },
  );
  trackLoading(loading);
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const get = () => state;
  return () => useSyncExternalStore(subscribe, get, get);
}
