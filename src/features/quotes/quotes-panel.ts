import type { PanelDefinition } from '../../export/panel-registry';
import { quotesTable } from '../../export/tables';
import type { ViewContext } from '../../filters/view-context';

export const quotesPanel: PanelDefinition<ViewContext> = {
  id: 'quotes',
  title: 'Quote board',
  table: ({ index, selection }) => quotesTable(selection.quotes, index),
  print: () => import('./quotes-print').then((m) => m.printQuotes),
  slide: () => import('./quotes-slide').then((m) => m.quotesSlide),
};
