import type { PanelDefinition } from '../../export/panel-registry';
import type { ViewContext } from '../../filters/view-context';

/** No table: two events side by side are a slide, not records. */
export const comparePanel: PanelDefinition<ViewContext> = {
  id: 'compare',
  title: 'Compare calls',
  print: () => import('./compare-print').then((m) => m.printCompare),
  slideButton: true,
  slide: () => import('./compare-slide').then((m) => m.comparePanelSlide),
};
