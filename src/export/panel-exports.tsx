import { useCallback, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import type { DatasetIndex } from '../dataset/indexes';
import type { Filters, Selection } from '../dataset/select';
import { PanelTools } from '../components/panel';
import { describeFilters } from '../records/describe-filters';
import { makeCaption } from './caption';
import { ExportMenu, type ExportSpec } from './export-menu';
import type { PanelRegistry } from './panel-registry';
import { panelSlideContent } from './panel-slide';
import { SlideDialogHost, useSlideDialog, type SlideRequest } from './slide-dialog';
import { finishSlide, slideBook } from './slide-model';
import type { PanelEntry } from './panel-registry';
import { recordsTable, type ExportMeta, type ExportTable } from './tables';

interface Args {
  index: DatasetIndex;
  selection: Selection;
  filters: Filters;
}

/** A panel's slide, offered when the panel has content for one; `at` gives the entry and view as they are when it is asked for. */
function slideOf(entry: PanelEntry | undefined, at: () => Args & { entry: PanelEntry }): (() => SlideRequest) | undefined {
  if (!entry || (!entry.slide && !entry.table)) return undefined;
  return () => {
    const { index, filters, entry: now } = at();
    return {
      label: now.title,
      make: (madeAt) => {
        const book = slideBook(index);
        const content = panelSlideContent(now, index, filters, book);
        if (!content) throw new Error(`${now.title} shows nothing to put on a slide.`);
        return finishSlide(index, book, content, madeAt);
      },
    };
  };
}

/** What an Export menu offers; `at` gives the view as it is when an export is made, not when the menu was drawn. */
function specFor(label: string, table: (() => ExportTable) | undefined, at: () => Args): ExportSpec {
  const sourcesOf = () => (table ? table().rows.flatMap((r) => r.citations.map((c) => c.source)) : at().selection.shownSources);
  const meta = (madeAt: Date): ExportMeta => {
    const { index, filters } = at();
    return {
      title: index.dataset.title,
      version: index.dataset.version,
      date: index.dataset.date,
      filters: describeFilters(filters, index),
      view: window.location.href,
      madeAt: madeAt.toISOString(),
    };
  };
  return {
    label,
    target: (from) => from.closest<HTMLElement>('section.panel'),
    caption: (madeAt) => {
      const { index, filters } = at();
      return makeCaption({ index, filters, subject: label, sourceIds: sourcesOf(), madeAt });
    },
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

/** Gives every panel inside it an Export menu: its image, and the table its registry entry gives, as CSV and JSON. */
export function PanelExports({ children, panels, index, selection, filters }: Args & { panels: PanelRegistry; children: ReactNode }) {
  // The menus read the view when an export is made, so a filter change need not draw every panel's header again.
  const latest = useRef({ index, selection, filters, panels });
  useLayoutEffect(() => {
    latest.current = { index, selection, filters, panels };
  });
  const tools = useCallback(({ id, title }: { id?: string; title: string }) => {
    const entry = id ? latest.current.panels.get(id) : undefined;
    const now = () => {
      const { panels: registry, ...args } = latest.current;
      return { ...args, entry: (id ? registry.get(id) : undefined) ?? entry! };
    };
    const table = entry?.table ? () => now().entry.table!() : undefined;
    const spec = specFor(title, table, now);
    const slide = slideOf(entry, now);
    return (
      <>
        {slide && entry?.slideButton ? <SlideButton title={title} request={slide} /> : null}
        <ExportMenu spec={{ ...spec, slide }} />
      </>
    );
  }, []);
  return (
    <SlideDialogHost index={index}>
      <PanelTools.Provider value={tools}>{children}</PanelTools.Provider>
    </SlideDialogHost>
  );
}

/** The whole dashboard's Export menu: one image of the page, and every shown record as a table. */
export function DashboardExport(args: Args) {
  const { index, selection, filters } = args;
  const spec = useMemo<ExportSpec>(() => {
    const table = () => recordsTable(selection.rows, index);
    return {
      ...specFor('Dashboard', table, () => ({ index, selection, filters })),
      target: (from) => from.closest<HTMLElement>('.app'),
      caption: (madeAt) => makeCaption({ index, filters, subject: 'Dashboard', sourceIds: selection.shownSources, madeAt }),
    };
  }, [index, selection, filters]);
  return <ExportMenu spec={spec} />;
}
