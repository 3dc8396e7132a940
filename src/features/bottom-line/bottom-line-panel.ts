import type { PanelDefinition } from '../../export/panel-registry';
import type { ViewContext } from '../../filters/view-context';

export const bottomLinePanel: PanelDefinition<ViewContext> = {
  id: 'bottom-line',
  title: 'Bottom line',
};
