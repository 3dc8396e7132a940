import type { PanelDefinition } from '../../export/panel-registry';
import type { ViewContext } from '../../filters/view-context';

/** Image only: the tray hands out its own Markdown, print and PNG. */
export const trayPanel: PanelDefinition<ViewContext> = { id: 'tray', title: 'Briefing tray' };
