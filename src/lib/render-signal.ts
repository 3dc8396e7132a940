import { createContext, useContext, useEffect, useLayoutEffect } from 'react';

/** Work the page is not complete without: charts near the screen waiting for their module or their size. */
let pending = 0;
let waiters: (() => void)[] = [];

function settle() {
  if (pending > 0) return;
  const ready = waiters;
  waiters = [];
  ready.forEach((fn) => fn());
}

/**
 * False inside a part of the page that is not meant to be drawn yet (a panel far from the viewport):
 * what waits there does not hold the signal back, since the page is complete without it.
 */
export const RenderSignalScope = createContext(true);

/** Holds the signal back while `waiting` (a chart that has not drawn yet) for as long as the caller is mounted. */
export function useHoldRenderSignal(waiting: boolean): void {
  const counts = useContext(RenderSignalScope);
  // A layout effect, so the hold is in place before the parent's passive effect asks.
  useLayoutEffect(() => {
    if (!waiting || !counts) return;
    pending++;
    return () => {
      pending--;
      // After the commit: what the release let mount (a panel coming into view, its charts) holds first.
      queueMicrotask(settle);
    };
  }, [waiting, counts]);
}

/** Resolves once nothing holds the signal back: every chart on the page has drawn. */
export function whenSettled(): Promise<void> {
  if (pending === 0) return Promise.resolve();
  return new Promise((resolve) => waiters.push(resolve));
}

/**
 * Counts the commits of a view on `<html data-rendered="n">` and marks the first one
 * (`performance.mark('dashboard-ready')`), so a benchmark or a test can tell when every panel shows
 * the data, and when a filter change has reached the screen. Children commit before their parent's
 * effect runs, so calling it in the component that holds all panels covers them all; while a
 * tracked load or a held chart is outstanding, the count waits for it.
 */
export function useRenderSignal(key: unknown): void {
  useEffect(() => {
    let live = true;
    const mark = () => {
      if (!live) return;
      const root = document.documentElement;
      const n = Number(root.dataset.rendered ?? '0') + 1;
      root.dataset.rendered = String(n);
      if (n === 1) performance.mark('dashboard-ready');
    };
    if (pending === 0) mark();
    else waiters.push(mark);
    return () => {
      live = false;
    };
  }, [key]);
}
