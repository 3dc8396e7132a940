import { memo, useCallback, useLayoutEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { DatasetIndex } from '../dataset/indexes';
import type { Filters, Selection } from '../dataset/select';
import { PanelTools } from '../components/panel';
import type { PinnedPanel } from '../components/pin-button';
import { describeFilters } from '../records/describe-filters';
import { makeCaption } from './caption';
import { ExportMenu, type ExportSpec } from './export-menu';
import type { PanelRegistry } from './panel-registry';
import { SlideDialogHost, useSlideDialog, type SlideRequest } from './slide-dialog';
import type { PanelEntry } from './panel-registry';
import { recordsTable, type ExportMeta, type ExportTable } from './tables';

interface Args {
  index: DatasetIndex;
  selection: Selection;
  filters: Filters;
}

/** A panel's slide, offered when the panel has content for one; `pin` is the panel as pinned to the deck now. */
function slideOf(entry: PanelEntry | undefined, { index, filters }: Args, pin?: PinnedPanel): (() => SlideRequest) | undefined {
  if (!entry || (!entry.slide && !entry.table)) return undefined;
  return () => ({
    label: entry.title,
    pin,
    make: async (madeAt) => {
      const [{ panelSlideContent }, { finishSlide, slideBook }] = await Promise.all([
        import('./panel-slide'),
        import('./slide-model'),
        entry.slide?.load(),
      ]);
      const book = slideBook(index);
      const content = panelSlideContent(entry, index, filters, book);
      if (!content) throw new Error(`${entry.title} shows nothing to put on a slide.`);
      return finishSlide(index, book, content, madeAt);
    },
  });
}

function specFor(label: string, table: (() => ExportTable) | undefined, { index, selection, filters }: Args): ExportSpec {
  const sourcesOf = () => (table ? table().rows.flatMap((r) => r.citations.map((c) => c.source)) : selection.shownSources);
  const meta = (madeAt: Date): ExportMeta => ({
    title: index.dataset.title,
    version: index.dataset.version,
    date: index.dataset.date,
    filters: describeFilters(filters, index),
    view: window.location.href,
    madeAt: madeAt.toISOString(),
  });
  return {
    label,
    target: (from) => from.closest<HTMLElement>('section.panel'),
    caption: (madeAt) => makeCaption({ index, filters, subject: label, sourceIds: sourcesOf(), madeAt }),
    table,
    meta,
  };
}

function SlideButton({ title, request }: { title: string; request: () => SlideRequest }) {
  const slides = useSlideDialog();
  if (!slides) return null;
  return (
    <button type="button" aria-label={`Download slide of ${title}`} onClick={() => slides.open(request())}>
      Download slide
    </button>
  );
}

interface ExportsProps extends Args {
  panels: PanelRegistry;
  /** The view a panel pinned to the deck now keeps (url-state's `panelViewOf`). */
  pinView: string;
  children: ReactNode;
}

/**
 * Gives every panel inside it an Export menu: its image, its slide, "Pin panel to deck", and the
 * table its registry entry gives, as CSV and JSON.
 */
export function PanelExports({ children, panels, pinView, index, selection, filters }: ExportsProps) {
  const current = useMemo<ToolArgs>(() => ({ index, selection, filters, panels, pinView }), [index, selection, filters, panels, pinView]);
  // The panels reach their tools through a context whose value never changes, so a filter change does
  // not draw every panel's frame again (far ones included); only the tools follow the view.
  const [store] = useState(() => toolStore(current));
  useLayoutEffect(() => store.set(current), [store, current]);
  const tools = useCallback(
    ({ id, title }: { id?: string; title: string }) => <PanelToolsFor id={id} title={title} store={store} />,
    [store],
  );
  return (
    <SlideDialogHost index={index}>
      <PanelTools.Provider value={tools}>{children}</PanelTools.Provider>
    </SlideDialogHost>
  );
}

interface ToolArgs extends Args {
  panels: PanelRegistry;
  pinView: string;
}

type ToolStore = ReturnType<typeof toolStore>;

function toolStore(initial: ToolArgs) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: ToolArgs) {
      if (next === value) return;
      value = next;
      listeners.forEach((l) => l());
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const PanelToolsFor = memo(function PanelToolsFor({ id, title, store }: { id?: string; title: string; store: ToolStore }) {
  const { index, selection, filters, panels, pinView } = useSyncExternalStore(store.subscribe, store.get);
  const entry = id ? panels.get(id) : undefined;
  const spec = specFor(title, entry?.table, { index, selection, filters });
  const pin = entry ? { panel: entry.id, view: pinView } : undefined;
  const slide = slideOf(entry, { index, selection, filters }, pin);
  const pinning = slide && pin ? { ...pin, filters: describeFilters(filters, index) } : undefined;
  return (
    <>
      {slide && entry?.slideButton ? <SlideButton title={title} request={slide} /> : null}
      <ExportMenu spec={{ ...spec, slide, pin: pinning }} />
    </>
  );
});

/** The whole dashboard's Export menu: one image of the page, and every shown record as a table. */
export function DashboardExport(args: Args) {
  const { index, selection, filters } = args;
  const spec = useMemo<ExportSpec>(() => {
    const table = () => recordsTable(selection.rows, index);
    return {
      ...specFor('Dashboard', table, { index, selection, filters }),
      target: (from) => from.closest<HTMLElement>('.app'),
      caption: (madeAt) => makeCaption({ index, filters, subject: 'Dashboard', sourceIds: selection.shownSources, madeAt }),
    };
  }, [index, selection, filters]);
  return <ExportMenu spec={spec} />;
}
