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
import { CompareCalls } from '../features/compare/compare-calls';
import { CoverageMatrix } from '../features/coverage/coverage-matrix';
import { BriefingTray } from '../features/tray/briefing-tray';
import { useTray } from '../features/tray/tray-state';
import { formatDate } from '../lib/dates';
import { plural } from '../lib/format';
import { useReducedMotion } from '../lib/use-media';
import { useRenderSignal } from '../lib/render-signal';
import { BriefingView } from '../export/briefing-view';
import { useExporting } from '../export/exporting';
import { DashboardExport, PanelExports } from '../export/panel-exports';
import { describeFilters } from './describe-filters';
import './offscreen-panels.css';

/** Above this many records, panels off screen are left unrendered until they come near (see offscreen-panels.css). */
const LARGE_DATASET = 500;

interface Props {
  loaded: LoadedDataset;
  opener: ReactNode;
  fromFile: string | null;
}

export function Dashboard({ loaded, opener, fromFile }: Props) {
  const { index, texts } = loaded;
  const tray = useTray();
  const [params, navigate] = useUrlParams();
  const view = useMemo(() => parseView(params, index), [params, index]);
  // Keyed on the filters' content: opening a record or regrouping quotes keeps the same selection.
  const filterKey = JSON.stringify(view.filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- filterKey stands for view.filters
  const selection = useMemo(() => select(index, view.filters), [index, filterKey]);
  useRenderSignal(selection);
  const exporting = useExporting();
  const animate = !useReducedMotion() && !exporting;
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

  if (view.briefing) return <BriefingView index={index} view={view} selection={selection} params={params} navigate={navigate} />;
  const briefingLink = new URLSearchParams(params);
  briefingLink.set(PARAMS.view, 'briefing');
  briefingLink.delete(PARAMS.record);

  const { dataset } = index;
  const summary = `${plural(selection.events.length, 'event')}, ${plural(selection.quotes.length, 'quote')}, ${plural(selection.aid.length, 'aid item')}, ${plural(selection.discrepancies.length, 'discrepancy', 'discrepancies')} match`;

  return (
    <div className={`app${view.record ? ' has-provenance' : ''}`} data-large={index.rows.length > LARGE_DATASET ? '' : undefined}>
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
        <div className="head-actions">
          {opener}
          <a
            className="button-like"
            href={`?${briefingLink}`}
            onClick={(e) => {
              if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
              e.preventDefault();
              navigate(briefingLink);
            }}
          >
            Briefing view
          </a>
          <DashboardExport index={index} selection={selection} view={view} />
        </div>
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
      <div className={`layout${tray.items.length > 0 || tray.notices.length > 0 ? ' with-tray' : ''}`}>
        <aside className="sidebar">
          <FiltersPanel index={index} filters={view.filters} facets={selection.facets} onChange={setFilters} />
        </aside>
        <PanelExports index={index} selection={selection} view={view}>
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
            <CoverageMatrix
              index={index}
              selection={selection}
              singleOnly={view.singleSource}
              selected={view.record}
              onSingleOnly={(on) => setParam(PARAMS.coverage, on ? 'single' : null)}
              onOpen={open}
            />
            <CompareCalls
              index={index}
              events={selection.events}
              picked={view.compare}
              onPick={(ids) => setParam(PARAMS.compare, ids.join(','))}
              onOpen={open}
            />
          </main>
        </PanelExports>
        <div className="tray-column">
          <BriefingTray index={index} rows={selection.rows} onOpen={open} />
        </div>
      </div>
      {view.record ? <ProvenancePanel index={index} texts={texts} recordId={view.record} onClose={close} onOpen={open} /> : null}
    </div>
  );
}
