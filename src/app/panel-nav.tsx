import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { panelElementId } from '../components/panel';
import './panel-nav.css';
import { formatCount } from '../lib/format';

export interface NavEntry {
  id: string;
  title: string;
  /** "26 events": the number shows, the words are read out; none where a panel has nothing to count. */
  count: number | null;
  unit: string;
  collapsed: boolean;
}

interface Props {
  entries: NavEntry[];
  onGo: (id: string) => void;
  onFold: (id: string, collapsed: boolean) => void;
  onMove: (id: string, by: -1 | 1) => void;
  /** Shown before the links (the phone's Filters button). */
  before?: ReactNode;
}

const NEXT: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * Every panel with its count, as links that move focus to the panel: the page's skip links. The
 * links are one Tab stop, arrow keys move between them, so any panel is a Tab, a few arrows and
 * Enter away.
 */
export function PanelNav({ entries, onGo, onFold, onMove, before }: Props) {
  const [current, setCurrent] = useState(0);
  const [arranging, setArranging] = useState(false);
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const arrangeId = useId();
  const arrangeButton = useRef<HTMLButtonElement>(null);
  const at = Math.min(current, entries.length - 1);
  const close = () => {
    setArranging(false);
    arrangeButton.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const step = NEXT[e.key];
    if (!step || entries.length === 0) return;
    e.preventDefault();
    const next = step(at, entries.length);
    setCurrent(next);
    links.current[next]?.focus();
  };

  return (
    <nav className="panel-nav" aria-label="Panels">
      {before}
      <ul className="panel-nav-links" onKeyDown={onKeyDown}>
        {entries.map((entry, i) => (
          <li key={entry.id}>
            <a
              ref={(el) => {
                links.current[i] = el;
              }}
              href={`#${panelElementId(entry.id)}`}
              tabIndex={i === at ? 0 : -1}
              className={entry.collapsed ? 'is-collapsed' : undefined}
              onFocus={() => setCurrent(i)}
              onClick={(e) => {
                e.preventDefault();
                onGo(entry.id);
              }}
            >
              {entry.title} {entry.count === null ? null : <span className="nav-count">{formatCount(entry.count)}</span>}
              <span className="visually-hidden">
                {entry.count === null ? '' : ` ${entry.unit}`}
                {entry.collapsed ? ', folded' : ''}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <div className="panel-arrange">
        <button
          ref={arrangeButton}
          type="button"
          aria-expanded={arranging}
          aria-controls={arrangeId}
          onClick={() => setArranging(!arranging)}
        >
          Arrange panels
        </button>
        <div
          id={arrangeId}
          className="panel-arrange-popover"
          hidden={!arranging}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            close();
          }}
        >
          <ul>
            {entries.map((entry, i) => (
              <li key={entry.id}>
                <label>
                  <input type="checkbox" checked={!entry.collapsed} onChange={(e) => onFold(entry.id, !e.target.checked)} />
                  {entry.title}
                </label>
                {([-1, 1] as const).map((by) => {
                  const end = by === -1 ? i === 0 : i === entries.length - 1;
                  const buttonId = `${arrangeId}-${entry.id}-${by}`;
                  return (
                    <button
                      key={by}
                      id={buttonId}
                      type="button"
                      aria-disabled={end}
                      aria-label={`Move ${entry.title} ${by === -1 ? 'up' : 'down'}`}
                      onClick={() => {
                        if (end) return;
                        onMove(entry.id, by);
                        // Reordering moves the row's nodes, which can drop focus: put it back on the same button.
                        window.setTimeout(() => document.getElementById(buttonId)?.focus(), 0);
                      }}
                    >
                      {by === -1 ? '↑' : '↓'}
                    </button>
                  );
                })}
              </li>
            ))}
          </ul>
          <button type="button" onClick={close}>
            Done
          </button>
        </div>
      </div>
    </nav>
  );
}
