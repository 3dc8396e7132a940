import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import type { LoadedDataset } from '../dataset/load';
import { select, type Filters } from '../dataset/select';
import { FiltersPanel } from '../filters/filters-panel';
import { PARAMS, parseView, withFilters } from '../filters/url-state';
import { useUrlParams } from '../filters/use-url';
import { AidTracker } from '../features/aid/aid-tracker';
import { DiscrepancyList } from '../features/provenance/discrepancy-list';
import { ProvenancePanel } from '../features/provenance/provenance-panel';
import { QuoteBoard } from '../features/quotes/quote-board';
import { CallTimeline } from '../features/timeline/call-timeline';
import { formatDate } from '../lib/dates';
import { plural } from '../lib/format';
import { useReducedMotion } from '../lib/use-media';
import { describeFilters } from './describe-filters';

interface Props {
  loaded: LoadedDataset;
  opener: ReactNode;
  fromFile: string | null;
}

export function Dashboard({ loaded, opener, fromFile }: Props) {
  const { index, texts } = loaded;
  const [params, navigate] = useUrlParams();
  const view = useMemo(() => parseView(params, index), [params, index]);
  const selection = useMemo(() => select(index, view.filters), [index, view.filters]);
  const animate = !useReducedMotion();
  const returnFocus = useRef<HTMLElement | null>(null);

  const setParam = useCallback(
    (key: string, value: string | null, opts?: { replace?: boolean }) => {
      const next = new URLSearchParams(params);
      if (value === null) next.delete(key);
      else next.set(key, value);
      navigate(next, opts);
    },
    [params, navigate],
  );
  const setFilters = useCallback((f: Filters, opts?: { replace?: boolean }) => navigate(withFilters(params, f), opts), [params, navigate]);
  const open = useCallback(
    (id: string) => {
      if (document.activeElement instanceof HTMLElement && !document.activeElement.closest('.provenance')) {
        returnFocus.current = document.activeElement;
      }
      setParam(PARAMS.record, id);
    },
    [setParam],
  );
  const close = useCallback(() => {
    setParam(PARAMS.record, null);
    const target = returnFocus.current;
    returnFocus.current = null;
    window.setTimeout(() => target?.isConnected && target.focus(), 0);
  }, [setParam]);

  const { dataset } = index;
  const summary = `${plural(selection.events.length, 'event')}, ${plural(selection.quotes.length, 'quote')}, ${plural(selection.aid.length, 'aid item')}, ${plural(selection.discrepancies.length, 'discrepancy', 'discrepancies')} match`;

  return (
    <div className={`app${view.record ? ' has-provenance' : ''}`}>
      <a className="skip-link" href="#main">
        Skip to the dashboard
      </a>
      <header className="app-head">
        <div>
          <h1>{dataset.title}</h1>
          <p className="muted small">
            Version {dataset.version} · compiled {formatDate({ value: dataset.date, precision: 'day' })} ·{' '}
            {plural(dataset.sources.length, 'source')}
            {fromFile ? ` · opened from file ${fromFile}` : ''}
          </p>
        </div>
        <div className="head-actions">{opener}</div>
      </header>
      {view.notices.length ? (
        <div className="notices" role="status">
          <strong>Some of the link was ignored:</strong>
          <ul>
            {view.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="result-summary" aria-live="polite">
        <span>{summary}</span>
        <span className="muted"> · {describeFilters(view.filters, index)}</span>
      </p>
      <div className="layout">
        <aside className="sidebar">
          <FiltersPanel index={index} filters={view.filters} facets={selection.facets} onChange={setFilters} />
        </aside>
        <main id="main" className="panels" tabIndex={-1}>
          <CallTimeline
            index={index}
            events={selection.events}
            filters={view.filters}
            lane={view.lane}
            selected={view.record}
            animate={animate}
            onLane={(lane) => setParam(PARAMS.lane, lane === 'kind' ? null : lane)}
            onOpen={open}
            onDates={(from, to) => setFilters({ ...view.filters, from, to })}
          />
          <QuoteBoard
            index={index}
            quotes={selection.quotes}
            group={view.group}
            selected={view.record}
            onGroup={(g) => setParam(PARAMS.group, g === 'speaker' ? null : g)}
            onOpen={open}
          />
          <AidTracker
            index={index}
            aid={selection.aid}
            sort={view.sort}
            selected={view.record}
            animate={animate}
            onSort={(s) => setParam(PARAMS.sort, `${s.dir === 'desc' ? '-' : ''}${s.key}`)}
            onOpen={open}
          />
          <DiscrepancyList index={index} discrepancies={selection.discrepancies} onOpen={open} />
        </main>
      </div>
      {view.record ? <ProvenancePanel index={index} texts={texts} recordId={view.record} onClose={close} onOpen={open} /> : null}
    </div>
  );
}
