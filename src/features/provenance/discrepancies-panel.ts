import type { PanelDefinition } from '../../export/panel-registry';
import { discrepanciesTable } from '../../export/tables';
import type { ViewContext } from '../../filters/view-context';

export const discrepanciesPanel: PanelDefinition<ViewContext> = {
  id: 'discrepancies',
  title: 'Discrepancies',
  table: ({ index, selection }) => discrepanciesTable(selection.discrepancies, index),
  print: () => import('./discrepancies-print').then((m) => m.printDiscrepancies),
};
