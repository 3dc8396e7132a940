import { useCallback, useMemo, type ReactNode } from 'react';
import type { DatasetIndex } from '../dataset/indexes';
import type { Selection } from '../dataset/select';
import type { ParsedView } from '../dataset/url-state';
import { describeFilters } from '../app/describe-filters';
import { PanelTools } from '../components/panel';
import { sortAid } from '../features/aid/aid-data';
import { makeCaption } from './caption';
import { ExportMenu, type ExportSpec } from './export-menu';
import { aidTable, discrepanciesTable, eventsTable, quotesTable, recordsTable, type ExportMeta, type ExportTable } from './tables';

interface Args {
  index: DatasetIndex;
  selection: Selection;
  view: ParsedView;
}

/** The records each panel shows, by the panel's title, in the order the panel shows them. */
function panelTable(title: string, { index, selection, view }: Args): (() => ExportTable) | undefined {
  switch (title) {
    case 'Call timeline':
      return () => eventsTable(selection.events, index);
    case 'Quote board':
      return () => quotesTable(selection.quotes, index);
    case 'Weapons and aid tracker':
      return () => aidTable(sortAid(selection.aid, view.sort.key, view.sort.dir, index), index);
    case 'Discrepancies':
      return () => discrepanciesTable(selection.discrepancies, index);
    default:
      return undefined;
  }
}

function specFor(label: string, table: (() => ExportTable) | undefined, { index, selection, view }: Args): ExportSpec {
  const sourcesOf = () => (table ? table().rows.flatMap((r) => r.citations.map((c) => c.source)) : selection.shownSources);
  const meta = (madeAt: Date): ExportMeta => ({
    title: index.dataset.title,
    version: index.dataset.version,
    date: index.dataset.date,
    filters: describeFilters(view.filters, index),
    view: window.location.href,
    madeAt: madeAt.toISOString(),
  });
  return {
    label,
    target: (from) => from.closest<HTMLElement>('section.panel'),
    caption: (madeAt) => makeCaption({ index, filters: view.filters, subject: label, sourceIds: sourcesOf(), madeAt }),
    table,
    meta,
  };
}

/** Gives every panel inside it an Export menu (image, and its records as CSV and JSON). */
export function PanelExports({ children, ...args }: Args & { children: ReactNode }) {
  const { index, selection, view } = args;
  const tools = useCallback(
    ({ title }: { title: string }) => {
      const a = { index, selection, view };
      return <ExportMenu spec={specFor(title, panelTable(title, a), a)} />;
    },
    [index, selection, view],
  );
  return <PanelTools.Provider value={tools}>{children}</PanelTools.Provider>;
}

/** The whole dashboard's Export menu: one image of the page, and every shown record as a table. */
export function DashboardExport(args: Args) {
  const { index, selection, view } = args;
  const spec = useMemo<ExportSpec>(() => {
    const table = () => recordsTable(selection.rows, index);
    return {
      ...specFor('Dashboard', table, { index, selection, view }),
      target: (from) => from.closest<HTMLElement>('.app'),
      caption: (madeAt) => makeCaption({ index, filters: view.filters, subject: 'Dashboard', sourceIds: selection.shownSources, madeAt }),
    };
  }, [index, selection, view]);
  return <ExportMenu spec={spec} />;
}
