import type { PanelDefinition } from '../../export/panel-registry';
import { eventsTable } from '../../export/tables';
import type { ViewContext } from '../../filters/view-context';

export const timelinePanel: PanelDefinition<ViewContext> = {
  id: 'timeline',
  title: 'Call timeline',
  table: ({ index, selection }) => eventsTable(selection.events, index),
  print: () => import('./timeline-print').then((m) => m.printTimeline),
  slide: () => import('./timeline-slide').then((m) => m.timelineSlide),
};
