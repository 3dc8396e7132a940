import { useSyncExternalStore } from 'react';

/**
 * True while an image is being made. Charts read it to switch animation off, and anything that
 * renders only part of its content (a virtualised list) should render all of it meanwhile. The
 * document also carries the class `exporting`, for CSS.
 */
let exporting = false;
const listeners = new Set<() => void>();

export function setExporting(on: boolean): void {
  if (exporting === on) return;
  exporting = on;
  document.documentElement.classList.toggle('exporting', on);
  for (const notify of listeners) notify();
}

export function isExporting(): boolean {
  return exporting;
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

export const useExporting = () =>
  useSyncExternalStore(
    subscribe,
    () => exporting,
    () => false,
  );
