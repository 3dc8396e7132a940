import type { PanelDefinition } from '../../export/panel-registry';
import { aidTable } from '../../export/tables';
import type { ViewContext } from '../../filters/view-context';
import { sortAid, type SortKey } from './aid-data';

/** The items in the order the tracker shows them (its sort, from the URL). */
export const aidInViewOrder = ({ index, selection, view }: ViewContext) =>
  sortAid(selection.aid, view.sort.key as SortKey, view.sort.dir, index);

export const aidPanel: PanelDefinition<ViewContext> = {
  id: 'aid',
  title: 'Weapons and aid tracker',
  table: (args) => aidTable(aidInViewOrder(args), args.index),
  print: () => import('./aid-print').then((m) => m.printAid),
  slide: () => import('./aid-slide').then((m) => m.aidSlide),
};
