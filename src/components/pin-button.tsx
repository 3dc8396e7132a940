import { createContext, useContext } from 'react';
import './pin-button.css';
import { clipGraphemes } from '../lib/graphemes';

/** A panel pinned to the deck: its registry id and the view it showed then (url-state's `panelViewOf`). */
export interface PinnedPanel {
  panel: string;
  view: string;
}

export interface PinState {
  pinned: ReadonlySet<string>;
  toggle: (id: string) => void;
  togglePanel: (pin: PinnedPanel) => void;
  panelPinned: (pin: PinnedPanel) => boolean;
}

/** Provided by the briefing tray; without it no Pin buttons are shown. */
export const PinContext = createContext<PinState | null>(null);

/** Pins a record into the briefing tray, or takes it out again. `detail` tells apart records of one label (quotes of one speaker). */
export function PinButton({ id, label, detail }: { id: string; label: string; detail?: string }) {
  const pins = useContext(PinContext);
  if (!pins) return null;
  const on = pins.pinned.has(id);
  const words = detail?.replace(/\s+/g, ' ').trim();
  const name = words ? `${label}: “${clipGraphemes(words, 60)}”` : label;
  return (
    <button
      type="button"
      className={`link-button pin-button${on ? ' is-pinned' : ''}`}
      aria-pressed={on}
      aria-label={`Pin ${name}`}
      onClick={() => pins.toggle(id)}
      data-export-hide
    >
      <span aria-hidden="true">{on ? '✓' : '+'}</span>
      {on ? 'Pinned' : 'Pin'}
    </button>
  );
}
