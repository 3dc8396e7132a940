import { memo, startTransition, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useExporting } from '../lib/exporting';
import { RenderSignalScope, useHoldRenderSignal } from '../lib/render-signal';
import { panelElementId } from './panel';
import './near-viewport.css';

/** Panels are drawn this far ahead of the viewport (a viewport's height above and below), so scrolling meets them drawn. */
const AHEAD = '100% 0px';

/** A far panel catches up at the latest this long after the page has gone quiet, ms. */
const CATCH_UP_WITHIN = 1000;

// Far panels' catch-ups waiting for the main thread to be idle.
const pending = new Set<() => void>();
let flushScheduled = false;

function flush() {
  flushScheduled = false;
  const due = [...pending];
  pending.clear();
  startTransition(() => due.forEach((fn) => fn()));
}

/**
 * Runs `fn` with every other far panel's catch-up in one render when the main thread is idle (or
 * after a short wait where the browser cannot say): one render and one commit for all of them, not
 * one idle period each. Returns a cancel.
 */
function whenIdle(fn: () => void): () => void {
  pending.add(fn);
  if (!flushScheduled) {
    flushScheduled = true;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: CATCH_UP_WITHIN });
    else setTimeout(flush, 200);
  }
  return () => void pending.delete(fn);
}

/** While `live` is false the last children stay as they were drawn: a filter change does not reach them. */
const Held = memo(
  function Held({ children }: { live: boolean; children: ReactNode }) {
    return children;
  },
  (_before, next) => !next.live,
);

/** True from `beforeprint` to `afterprint`: paper shows every panel, current. */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

interface Props {
  /** The panel's slot id: the placeholder carries the panel's element id, so links and focus find it. */
  slotId: string;
  /** The panel's heading, named on the placeholder as on the panel. */
  title: string;
  /** Drawn at once, without waiting to be seen: the panels at the top of the page, and folded ones (a header is all they draw). */
  eager?: boolean;
  children: ReactNode;
}

/**
 * A panel far from the viewport is left out of the render that answers a filter change (and of the
 * first render: an empty section of the panel's name keeps its place): that frame costs only the
 * panels that can be seen. The far panel is drawn, or brought up to date, once the page is idle, in
 * a render React may interrupt, so every panel ends showing the current view (for find in page,
 * screen readers' headings, a test) without the click waiting for it. An image being made or the
 * page being printed draws and updates every panel at once.
 */
export function NearViewport({ slotId, title, eager = false, children }: Props) {
  const [near, setNear] = useState(eager);
  const [answered, setAnswered] = useState(eager);
  const [drawn, setDrawn] = useState(eager);
  const exporting = useExporting();
  const printing = usePrinting();
  // The children a far panel last caught up with, in idle time.
  const [caughtUp, setCaughtUp] = useState<ReactNode>(null);
  const live = near || exporting || printing || caughtUp === children;
  if ((live || eager) && !drawn) setDrawn(true);
  // Until the first answer the page is not complete: the render signal waits for the panels that are near.
  useHoldRenderSignal(!answered);
  const refocus = useRef(false);
  const headingId = useId();

  useEffect(() => {
    const element = document.getElementById(panelElementId(slotId));
    if (!element) {
      setNear(true);
      setAnswered(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        setNear(entry.isIntersecting);
        setAnswered(true);
      },
      { rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [slotId, drawn]);

  useEffect(() => {
    if (live) return;
    return whenIdle(() => setCaughtUp(children));
  }, [live, children]);

  // Focus sent to the placeholder (the nav, a skip link) moves on to the panel that replaced it.
  useLayoutEffect(() => {
    if (!drawn || !refocus.current) return;
    refocus.current = false;
    document.getElementById(panelElementId(slotId))?.focus({ preventScroll: true });
  }, [drawn, slotId]);

  if (!drawn) {
    return (
      <section
        id={panelElementId(slotId)}
        className="panel panel-pending"
        tabIndex={-1}
        aria-labelledby={headingId}
        data-panel={title}
        onFocus={(e) => {
          if (e.target !== e.currentTarget) return;
          refocus.current = true;
          setNear(true);
        }}
      >
        <header className="panel-head">
          <div>
            <h2 id={headingId}>{title}</h2>
          </div>
        </header>
      </section>
    );
  }
  // Only what is near (or being exported) keeps the page from counting as drawn.
  return (
    <RenderSignalScope.Provider value={near || exporting || printing}>
      <Held live={live}>{children}</Held>
    </RenderSignalScope.Provider>
  );
}
