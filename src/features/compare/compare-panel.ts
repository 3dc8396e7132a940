import type { PanelDefinition } from '../../export/panel-registry';
import type { ViewContext } from '../../filters/view-context';

/** Image and print only: two events side by side have no table of their own. */
export const comparePanel: PanelDefinition<ViewContext> = {
  id: 'compare',
  title: 'Compare calls',
  print: () => import('./compare-print').then((m) => m.printCompare),
};
