import type { PanelDefinition } from '../../export/panel-registry';
import type { ViewContext } from '../../filters/view-context';

/** Image only: its cells are outlets × facts, not records. */
export const coveragePanel: PanelDefinition<ViewContext> = { id: 'coverage', title: 'Source coverage' };
