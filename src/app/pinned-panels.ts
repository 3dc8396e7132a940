import type { PinnedPanel } from '../components/pin-button';
import type { DatasetIndex } from '../dataset/indexes';
import { select } from '../dataset/select';
import { readPanelView, type ParsedView } from '../dataset/url-state';
import type { PanelPins } from '../export/deck';
import { bindPanels, type PanelRegistry } from '../export/panel-registry';
import { panelSlideContent } from '../export/panel-slide';
import { slideBook } from '../export/slide-model';
import { describeFilters } from '../records/describe-filters';
import { PANELS } from './panels';

/**
 * Pinned panels as they were pinned: the view kept with the pin is read back, selected again and
 * bound to the panel definitions, whatever the page's filters are now. One binding per view.
 */
export function pinnedPanels(index: DatasetIndex): PanelPins {
  const views = new Map<string, { view: ParsedView; panels: PanelRegistry }>();
  const described = new Map<string, { headline: string; filters: string } | null>();
  const bound = (pin: PinnedPanel) => {
    let b = views.get(pin.view);
    if (!b) {
      const view = readPanelView(pin.view, index);
      b = { view, panels: bindPanels(PANELS, { index, selection: select(index, view.filters), view }) };
      views.set(pin.view, b);
    }
    return { view: b.view, entry: b.panels.get(pin.panel) };
  };
  const slide: PanelPins['slide'] = (pin, book) => {
    const { view, entry } = bound(pin);
    return entry ? panelSlideContent(entry, index, view.filters, book) : null;
  };
  return {
    slide,
    describe: (pin) => {
      const key = `${pin.panel}?${pin.view}`;
      if (!described.has(key)) {
        const { view, entry } = bound(pin);
        const content = entry ? slide(pin, slideBook(index)) : null;
        described.set(key, entry ? { headline: content?.headline ?? entry.title, filters: describeFilters(view.filters, index) } : null);
      }
      return described.get(key) ?? null;
    },
  };
}
