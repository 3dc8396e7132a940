import type { PanelDefinition } from '../../export/panel-registry';
import type { ViewContext } from '../../filters/view-context';

/** No table: its cells are outlets × facts, not records; its slide is the matrix cut to fit. */
export const coveragePanel: PanelDefinition<ViewContext> = {
  id: 'coverage',
  title: 'Source coverage',
  slide: () => import('./coverage-slide').then((m) => m.coverageSlide),
};
