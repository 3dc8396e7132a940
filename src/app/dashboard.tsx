import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { LoadedDataset } from '../dataset/load';
import { keyPointsFor } from '../dataset/bottom-line';
import { activeFilterCount, isFiltered, selectSharing, type Filters } from '../dataset/select';
import { movePanel, toggleCollapsed, type PanelId, type PanelLayout } from '../dataset/panel-layout';
import { PanelSlot, panelElementId, type PanelSlotValue } from '../components/panel';
import { NearViewport } from '../components/near-viewport';
import { AppLink } from '../components/app-link';
import { PanelNav } from './panel-nav';
import { PanelProfiler } from './panel-profiler';
import { FiltersPanel } from '../filters/filters-panel';
import { panelViewOf, parseView, withFilters, writeView, type View } from '../dataset/url-state';
import { useUrlParams } from '../filters/use-url';
import { AidTracker } from '../features/aid/aid-tracker';
import { BottomLine } from '../features/bottom-line/bottom-line';
import { DiscrepancyList } from '../features/provenance/discrepancy-list';
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
import { bindPanels } from '../export/panel-registry';
import { useExporting } from '../lib/exporting';
import { DashboardExport, PanelExports } from '../export/panel-exports';
import { describeCombination, describeFilters } from '../records/describe-filters';
import { bottomLinePanel } from '../features/bottom-line/bottom-line-panel';
import { comparePanel } from '../features/compare/compare-panel';
import { compareTitle } from '../features/compare/compare-data';
import { coveragePanel } from '../features/coverage/coverage-panel';
import { discrepanciesPanel } from '../features/provenance/discrepancies-panel';
import { quotesPanel } from '../features/quotes/quotes-panel';
import { timelinePanel } from '../features/timeline/timeline-panel';
import { PANELS } from './panels';
import { pinnedPanels } from './pinned-panels';
import './offscreen-panels.css';

// The print-only view is fetched the first time it is opened, never with the dashboard.
const BriefingView = lazy(() => import('../features/briefing/briefing-view').then((m) => ({ default: m.BriefingView })));
// So is the record card: on a click, or with a link to a record.
const ProvenancePanel = lazy(() => import('../features/provenance/provenance-panel').then((m) => ({ default: m.ProvenancePanel })));

/** The panels at the top of the page are drawn at once; the rest when they come near the viewport. */
const EAGER_PANELS = 2;

/** A panel's name in the nav and its skip links; the aid panel's is shorter than its heading. */
function navTitle(id: PanelId, index: LoadedDataset['index']): string {
  return id === 'aid' ? 'Weapons and aid' : headingOf(id, index);
}

/** A panel's heading, as its own component writes it (the Compare panel names what the dataset has). */
function headingOf(id: PanelId, index: LoadedDataset['index']): string {
  if (id === 'compare') return compareTitle(index, comparePanel.title);
  return PANELS.find((p) => p.id === id)?.title ?? id;
}

/** Above this many records, panels off screen are left unrendered until they come near (see offscreen-panels.css). */
const LARGE_DATASET = 500;

interface Props {
  loaded: LoadedDataset;
  opener: ReactNode;
  fromFile: string | null;
}

/** The page's description names the dataset shown; index.html's own is neutral, since any dataset may be opened. */
function usePageDescription(title: string) {
  useEffect(() => {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) return;
    const before = meta.content;
    meta.content = `${title}: a briefing dashboard, every fact traced to the words of its source.`;
    return () => {
      meta.content = before;
    };
  }, [title]);
}

export function Dashboard({ loaded, opener, fromFile }: Props) {
  const { index, texts } = loaded;
  usePageDescription(index.dataset.title);
  const tray = useTray();
  const [params, navigate] = useUrlParams();
  const current = useMemo(() => parseView(params, index), [params, index]);
  // The filters answer the click at once; the panels follow in a render React may interrupt.
  const view = useDeferredValue(current);
  // Keyed on the filters' content: opening a record or regrouping quotes keeps the same selection.
  const filterKey = JSON.stringify(view.filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- filterKey stands for view.filters
  const selection = useMemo(() => selectSharing(index, view.filters), [index, filterKey]);
  useRenderSignal(selection);
  const panels = useMemo(() => bindPanels(PANELS, { index, selection, view }), [index, selection, view]);
  const panelPins = useMemo(() => pinnedPanels(index), [index]);
  const exporting = useExporting();
  const animate = !useReducedMotion() && !exporting;
  const returnFocus = useRef<HTMLElement | null>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersButton = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLElement>(null);
  useEffect(() => {
    if (filtersOpen) drawer.current?.focus();
  }, [filtersOpen]);
  const closeFilters = useCallback(() => {
    setFiltersOpen(false);
    filtersButton.current?.focus();
  }, []);

  // Callbacks read the view as it is when they are called, so they stay the same from one view to
  // the next and a panel whose own props did not change is not drawn again.
  const latest = useRef(current);
  useLayoutEffect(() => {
    latest.current = current;
  });
  const setView = useCallback((part: Partial<View>) => navigate(writeView(new URLSearchParams(window.location.search), part)), [navigate]);
  const setFilters = useCallback(
    (f: Filters, opts?: { replace?: boolean }) => navigate(withFilters(new URLSearchParams(window.location.search), f), opts),
    [navigate],
  );
  const open = useCallback(
    (id: string) => {
      if (document.activeElement instanceof HTMLElement && !document.activeElement.closest('.provenance')) {
        returnFocus.current = document.activeElement;
      }
      setView({ record: id });
    },
    [setView],
  );
  const close = useCallback(() => {
    setView({ record: null });
    const target = returnFocus.current;
    returnFocus.current = null;
    // Opened from a link, there is nothing to go back to: the dashboard itself takes focus rather than the page.
    window.setTimeout(() => (target?.isConnected ? target : document.getElementById('main'))?.focus(), 0);
  }, [setView]);
  const onLane = useCallback((lane: View['lane']) => setView({ lane }), [setView]);
  const onGroup = useCallback((group: View['group']) => setView({ group }), [setView]);
  const onSort = useCallback((sort: View['sort']) => setView({ sort }), [setView]);
  const onSingleOnly = useCallback((singleSource: boolean) => setView({ singleSource }), [setView]);
  const onPick = useCallback((compare: View['compare']) => setView({ compare }), [setView]);
  const onDates = useCallback(
    (from: string | null, to: string | null) => setFilters({ ...latest.current.filters, from, to }),
    [setFilters],
  );
  const setLayout = useCallback((panels: PanelLayout) => setView({ panels }), [setView]);
  const foldPanel = useCallback(
    (id: string, collapsed: boolean) => setLayout(toggleCollapsed(latest.current.panels, id, collapsed)),
    [setLayout],
  );
  const { events, quotes, aid, discrepancies } = selection;
  const records = useMemo(() => ({ events, quotes, aid, discrepancies }), [events, quotes, aid, discrepancies]);
  const layout = view.panels;
  const order = layout.order as PanelId[];
  const layoutKey = JSON.stringify(layout);
  const slotValues = useMemo(
    () =>
      new Map(
        order.map((id, i): [string, PanelSlotValue] => [
          id,
          {
            id,
            collapsed: layout.collapsed.includes(id),
            onFold: (c) => foldPanel(id, c),
            next: order[i + 1] ? { id: order[i + 1], title: navTitle(order[i + 1], index) } : undefined,
          },
        ]),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the layout's content, not its identity
    [layoutKey, foldPanel, index],
  );

  // Counted once per selection, not on the render that answers the click before the panels follow.
  const { keyPointCount, contacts } = useMemo(
    () => ({
      keyPointCount: index.dataset.keyPoints?.length ? keyPointsFor(index, selection, isFiltered(view.filters), view.filters.sources).length : null,
      contacts: selection.events.filter((e) => index.vocabulary.contactKinds.has(e.kind)).length,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the selection stands for view.filters
    [index, selection],
  );

  if (view.briefing) {
    return (
      <Suspense fallback={null}>
        <BriefingView
          index={index}
          view={view}
          selection={selection}
          params={params}
          navigate={navigate}
          panels={panels}
          deck={{ items: tray.items, panelPins }}
        />
      </Suspense>
    );
  }
  const briefingLink = writeView(params, { briefing: true, record: null });

  const { dataset } = index;
  const summary = `${plural(selection.events.length, 'event')}, ${plural(selection.quotes.length, 'quote')}, ${plural(selection.aid.length, 'aid item')}, ${plural(selection.discrepancies.length, 'discrepancy', 'discrepancies')} match`;
  const combination = describeCombination(view.filters);
  const active = activeFilterCount(current.filters);

  const slots: Record<PanelId, { title: string; count: number | null; unit: string; element: ReactNode }> = {
    'bottom-line': {
      title: bottomLinePanel.title,
      count: keyPointCount,
      unit: 'key points',
      element: <BottomLine index={index} selection={selection} filters={view.filters} onOpen={open} />,
    },
    timeline: {
      title: timelinePanel.title,
      count: selection.events.length,
      unit: 'events',
      element: (
        <CallTimeline
          index={index}
          events={selection.events}
          from={view.filters.from}
          to={view.filters.to}
          lane={view.lane}
          selected={view.record}
          animate={animate}
          onLane={onLane}
          onOpen={open}
          onDates={onDates}
        />
      ),
    },
    quotes: {
      title: quotesPanel.title,
      count: selection.quotes.length,
      unit: 'quotes',
      element: (
        <QuoteBoard index={index} quotes={selection.quotes} group={view.group} selected={view.record} onGroup={onGroup} onOpen={open} />
      ),
    },
    aid: {
      title: navTitle('aid', index),
      count: selection.aid.length,
      unit: 'aid items',
      element: (
        <AidTracker
          index={index}
          aid={selection.aid}
          sort={view.sort}
          selected={view.record}
          animate={animate}
          onSort={onSort}
          onOpen={open}
        />
      ),
    },
    discrepancies: {
      title: discrepanciesPanel.title,
      count: selection.discrepancies.length,
      unit: 'discrepancies',
      element: <DiscrepancyList index={index} discrepancies={selection.discrepancies} onOpen={open} />,
    },
    coverage: {
      title: coveragePanel.title,
      count: selection.rows.length,
      unit: 'records',
      element: (
        <CoverageMatrix
          index={index}
          selection={records}
          singleOnly={view.singleSource}
          selected={view.record}
          onSingleOnly={onSingleOnly}
          onOpen={open}
        />
      ),
    },
    compare: {
      title: compareTitle(index, comparePanel.title),
      count: contacts,
      unit: contacts === 1 ? 'contact to compare' : 'contacts to compare',
      element: <CompareCalls index={index} events={selection.events} picked={view.compare} onPick={onPick} onOpen={open} />,
    },
  };
  const goTo = (id: string) => {
    if (layout.collapsed.includes(id)) setLayout(toggleCollapsed(layout, id, false));
    window.setTimeout(() => document.getElementById(panelElementId(id))?.focus(), 0);
  };
  const filtersToggle = (
    <button
      ref={filtersButton}
      type="button"
      className="filters-toggle"
      aria-expanded={filtersOpen}
      aria-controls="filters-drawer"
      onClick={() => setFiltersOpen(!filtersOpen)}
    >
      Filters{active ? ` · ${active} active` : ''}
    </button>
  );

  return (
    <div className={`app${view.record ? ' has-provenance' : ''}`} data-large={index.rows.length > LARGE_DATASET ? '' : undefined}>
      <a className="skip-link" href="#main">
        Skip to the dashboard
      </a>
      <PanelNav
        entries={order.map((id) => ({ id, ...slots[id], collapsed: layout.collapsed.includes(id) }))}
        onGo={goTo}
        onFold={foldPanel}
        onMove={(id, by) => setLayout(movePanel(layout, id, by))}
        before={filtersToggle}
      />
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
          <AppLink className="button-like" to={briefingLink} navigate={navigate}>
            Briefing view
          </AppLink>
          <DashboardExport index={index} selection={selection} filters={view.filters} />
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
      {loaded.warnings.length ? (
        <div className="notices dataset-warnings" role="status">
          <strong>The dataset loaded, with {loaded.warnings.length === 1 ? 'a warning' : `${loaded.warnings.length} warnings`}:</strong>
          <ul>
            {loaded.warnings.map((w, i) => (
              <li key={i}>
                <code>{w.path}</code> {w.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="result-summary" aria-live="polite">
        <span>{summary}</span>
        <span className="muted"> · {describeFilters(view.filters, index)}</span>
        {combination ? <span className="muted"> · {combination}</span> : null}
      </p>
      <div className={`layout${tray.items.length > 0 || tray.notices.length > 0 ? ' with-tray' : ''}`}>
        <aside
          ref={drawer}
          tabIndex={-1}
          className="sidebar"
          id="filters-drawer"
          data-open={filtersOpen ? '' : undefined}
          aria-label="Filters"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filtersOpen) {
              e.stopPropagation();
              closeFilters();
            }
          }}
        >
          <button type="button" className="drawer-close" onClick={closeFilters}>
            Show {plural(selection.rows.length, 'record')}
          </button>
          <PanelProfiler id="filters">
            <FiltersPanel index={index} filters={current.filters} facets={selection.facets} onChange={setFilters} />
          </PanelProfiler>
        </aside>
        <PanelExports index={index} selection={selection} filters={view.filters} panels={panels} pinView={panelViewOf(view)}>
          <main id="main" className="panels" tabIndex={-1}>
            {order.map((id, i) => (
              <PanelSlot.Provider key={id} value={slotValues.get(id)!}>
                <NearViewport slotId={id} title={headingOf(id, index)} eager={i < EAGER_PANELS || layout.collapsed.includes(id)}>
                  <PanelProfiler id={id}>{slots[id].element}</PanelProfiler>
                </NearViewport>
              </PanelSlot.Provider>
            ))}
          </main>
        </PanelExports>
        <div className="tray-column">
          <BriefingTray index={index} rows={selection.rows} onOpen={open} panelPins={panelPins} />
        </div>
      </div>
      {current.record ? (
        <Suspense fallback={null}>
          <ProvenancePanel index={index} texts={texts} recordId={current.record} onClose={close} onOpen={open} />
        </Suspense>
      ) : null}
    </div>
  );
}
