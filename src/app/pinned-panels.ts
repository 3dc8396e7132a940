import type { PinnedPanel } from '../components/pin-button';
import type { DatasetIndex } from '../dataset/indexes';
import { select } from '../dataset/select';
import { readPanelView, type ParsedView } from '../dataset/url-state';
import type { PanelPins } from '../export/deck';
import { bindPanels, type PanelRegistry } from '../export/panel-registry';
import type { panelSlideContent } from '../export/panel-slide';
import type { slideBook } from '../export/slide-model';
import { describeFilters } from '../records/describe-filters';
import { PANELS } from './panels';

interface SlideKit {
  panelSlideContent: typeof panelSlideContent;
  slideBook: typeof slideBook;
}

// The slide kernel, loaded with the first pinned panel's slide code.
let kit: SlideKit | null = null;
const loadKit = async () => {
  if (kit) return;
  const [slides, model] = await Promise.all([import('../export/panel-slide'), import('../export/slide-model')]);
  kit = { panelSlideContent: slides.panelSlideContent, slideBook: model.slideBook };
};

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
  const ready: PanelPins['ready'] = (pins) => !pins.length || (kit !== null && pins.every((p) => bound(p).entry?.slide?.ready() ?? true));
  const slide: PanelPins['slide'] = (pin, book) => {
    if (!kit) throw new Error('A pinned panel’s slide is asked for before the slide code has loaded.');
    const { view, entry } = bound(pin);
    const content = entry ? kit.panelSlideContent(entry, index, view.filters, book) : null;
    return content && pin.headline ? { ...content, headline: pin.headline } : content;
  };
  return {
    ready,
    load: async (pins) => {
      await Promise.all([loadKit(), ...pins.map((p) => bound(p).entry?.slide?.load())]);
    },
    slide,
    describe: (pin) => {
      if (!ready([pin])) return null;
      const key = `${pin.panel}?${pin.view}?${pin.headline ?? ''}`;
      if (!described.has(key)) {
        const { view, entry } = bound(pin);
        const content = entry && kit ? slide(pin, kit.slideBook(index)) : null;
        described.set(key, entry ? { headline: content?.headline ?? entry.title, filters: describeFilters(view.filters, index) } : null);
      }
      return described.get(key) ?? null;
    },
  };
}
