/** The dashboard's panels, in their usual order; the `panels` link parameter arranges them. */
export const PANEL_IDS = ['bottom-line', 'timeline', 'quotes', 'aid', 'discrepancies', 'coverage', 'compare'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** Which panels are open and in what order: `panels=timeline,-quotes,aid` (a leading `-` folds a panel). */
export interface PanelLayout {
  order: string[];
  collapsed: string[];
}

/**
 * Reads the parameter against the panels the page has. Panels it leaves out follow in their usual
 * order, open, so a link made before a panel existed still shows it; unknown ids are reported.
 */
export function parsePanelLayout(value: string | null, known: readonly string[]): { layout: PanelLayout; unknown: string[] } {
  const order: string[] = [];
  const collapsed: string[] = [];
  const unknown: string[] = [];
  for (const raw of (value ?? '').split(',')) {
    const part = raw.trim();
    if (!part) continue;
    const folded = part.startsWith('-');
    const id = folded ? part.slice(1) : part;
    if (!known.includes(id)) {
      if (!unknown.includes(part)) unknown.push(part);
      continue;
    }
    if (order.includes(id)) continue;
    order.push(id);
    if (folded) collapsed.push(id);
  }
  for (const id of known) if (!order.includes(id)) order.push(id);
  return { layout: { order, collapsed }, unknown };
}

/** The parameter's value, or null when the layout is the usual one. */
export function writePanelLayout(layout: PanelLayout, known: readonly string[]): string | null {
  const usual = layout.collapsed.length === 0 && layout.order.length === known.length && layout.order.every((id, i) => id === known[i]);
  if (usual) return null;
  return layout.order.map((id) => (layout.collapsed.includes(id) ? `-${id}` : id)).join(',');
}

export function toggleCollapsed(layout: PanelLayout, id: string, collapse: boolean): PanelLayout {
  const rest = layout.collapsed.filter((c) => c !== id);
  return { ...layout, collapsed: collapse ? [...rest, id] : rest };
}

/** Moves a panel one place up (-1) or down (+1); at either end it stays. */
export function movePanel(layout: PanelLayout, id: string, by: -1 | 1): PanelLayout {
  const at = layout.order.indexOf(id);
  const to = at + by;
  if (at < 0 || to < 0 || to >= layout.order.length) return layout;
  const order = [...layout.order];
  [order[at], order[to]] = [order[to], order[at]];
  return { ...layout, order };
}
