import type { PanelDefinition } from '../../export/panel-registry';
import type { ViewContext } from '../../filters/view-context';
import { compareSlide, pairOf } from './compare-slide';

/** No table: two events side by side are a slide, not records. */
export const comparePanel: PanelDefinition<ViewContext> = {
  id: 'compare',
  title: 'Compare calls',
  print: () => import('./compare-print').then((m) => m.printCompare),
  slideButton: true,
  slide: ({ index, selection, view }, book) => {
    const pair = pairOf(view.compare, selection.events, index);
    return pair ? compareSlide(index, book, pair) : null;
  },
};
