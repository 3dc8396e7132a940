import { Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react';

/** One render of a profiled part of the page, as `npm run bench` reads it from `window.__panelRenders`. */
export interface PanelRender {
  id: string;
  phase: string;
  /** Time React spent rendering the part and its children for this commit, ms. */
  ms: number;
  /** When React committed it (performance.now()). */
  at: number;
}

declare global {
  interface Window {
    __panelRenders?: PanelRender[];
  }
}

const record: ProfilerOnRenderCallback = (id, phase, actualDuration, _base, _start, commitTime) => {
  (window.__panelRenders ??= []).push({ id, phase, ms: actualDuration, at: commitTime });
};

/**
 * Times a panel's renders for the benchmark's per-panel breakdown. Only the bench's build turns it on
 * (`BENCH_PROFILE=1`, which also swaps in React's profiling build); elsewhere it renders its children
 * and the bundler drops the rest.
 */
export function PanelProfiler({ id, children }: { id: string; children: ReactNode }) {
  if (!import.meta.env.PANEL_PROFILE) return children;
  return (
    <Profiler id={id} onRender={record}>
      {children}
    </Profiler>
  );
}
