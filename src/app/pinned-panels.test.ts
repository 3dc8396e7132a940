import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../dataset/indexes';
import { Dataset } from '../dataset/schema';
import { NO_FILTERS, select } from '../dataset/select';
import { panelViewOf, parseView, readPanelView, writeView } from '../dataset/url-state';
import { buildDeck } from '../export/deck';
import { slideBook } from '../export/slide-model';
import { validDataset } from '../testing/test-fixtures';
import { briefMarkdown, buildBrief } from '../features/tray/tray-markdown';
import { pinnedPanels } from './pinned-panels';

const index = buildIndex(Dataset.parse(validDataset()));
const viewOf = (query: string) => parseView(new URLSearchParams(query), index);

describe('the view a pinned panel keeps', () => {
  it('is the filters and the panels’ settings, never the page’s own state', () => {
    const view = viewOf('kind=call&lane=actor&rec=ev-call&view=briefing&format=slide&panels=aid&cmp=ev-call,ev-summit');
    const kept = panelViewOf(view);
    expect(new URLSearchParams(kept).get('kind')).toBe('call');
    expect(kept).not.toMatch(/rec=|view=|format=|panels=/);
    const back = readPanelView(kept, index);
    expect(back.notices).toEqual([]);
    expect(back.filters).toEqual({ ...NO_FILTERS, kinds: ['call'] });
    expect(back.lane).toBe('actor');
    expect(back.compare).toEqual(['ev-call', 'ev-summit']);
    expect(back.briefing).toBe(false);
  });

  it('drops what a view of a panel cannot hold, saying so', () => {
    const back = readPanelView(writeView(new URLSearchParams('kind=call'), { briefing: true, record: 'ev-call' }).toString(), index);
    expect(back.briefing).toBe(false);
    expect(back.record).toBeNull();
    expect(back.filters.kinds).toEqual(['call']);
    expect(back.notices).toEqual([expect.stringMatching(/in a pinned panel's view/)]);
  });
});

describe('a pinned panel on its slide', () => {
  const pins = pinnedPanels(index);
  const calls = { panel: 'timeline', view: panelViewOf(viewOf('kind=call')) };
  beforeAll(() => pins.load([calls, { panel: 'timeline', view: '' }]));

  it('shows the panel under the filters it was pinned with, named in words, whatever the page shows now', () => {
    const content = pins.slide(calls, slideBook(index))!;
    expect(content.subhead).toBe('Kinds: Call');
    const text = JSON.stringify(content.blocks);
    const call = index.dataset.events.find((e) => e.kind === 'call')!;
    const summit = index.dataset.events.find((e) => e.kind === 'summit')!;
    expect(text).toContain(call.title.slice(0, 30));
    expect(text).not.toContain(summit.title.slice(0, 30));
    const unfiltered = pins.slide({ panel: 'timeline', view: '' }, slideBook(index))!;
    expect(unfiltered.subhead).toBe('All records, no filters applied');
    expect(JSON.stringify(unfiltered.blocks)).toContain(summit.title.slice(0, 30));
    expect(pins.describe(calls)).toEqual({ headline: content.headline, filters: 'Kinds: Call' });
  });

  it('takes its place in the deck with its note, its citations numbered with the rest', () => {
    const deck = buildDeck(
      index,
      [
        { id: 'q-stand', note: '' },
        { id: `@timeline?${calls.view}`, note: 'Calls only', panel: calls },
      ],
      new Date('2024-08-01T12:00:00Z'),
      pins.slide,
    );
    expect(deck.map((s) => s.kind)).toEqual(['title', 'content', 'content', ...deck.slice(3).map(() => 'sources')]);
    expect(deck[2].subhead).toBe('Kinds: Call');
    expect(deck[2].note).toBe('Calls only');
    const numbers = deck.filter((s) => s.kind === 'sources').flatMap((s) => s.footnotes.map((f) => f.n));
    for (const f of deck[2].footnotes) expect(numbers).toContain(f.n);
  });

  it('is left out of the deck for a panel the page no longer has', () => {
    const deck = buildDeck(index, [{ id: '@gone?', note: '', panel: { panel: 'gone', view: '' } }], new Date(), pins.slide);
    expect(deck.filter((s) => s.kind === 'content')).toHaveLength(0);
    expect(pins.describe({ panel: 'gone', view: '' })).toBeNull();
  });
});

describe('a pinned panel in the brief', () => {
  it('is named with the filters it was pinned with and its note, among the records', async () => {
    const calls = { panel: 'timeline', view: 'kind=call' };
    const pins = pinnedPanels(index);
    await pins.load([calls]);
    const md = briefMarkdown(
      buildBrief(
        index,
        [
          { id: 'q-stand', note: '' },
          { id: '@timeline?kind=call', note: 'Calls only', panel: calls },
        ],
        '2024-08-01',
        pins,
      ),
    );
    expect(md).toMatch(/## 2\. Call timeline\n\n\*Panel\*\n\nAs pinned: Kinds: Call\n\n> \*\*Analyst note:\*\* Calls only/);
    expect(md).toMatch(/## 1\. .+\n[\s\S]*Sources: \[1\]/);
  });
});

describe('a pinned panel before its slide code has loaded', () => {
  it('is not named yet, loads when asked, and is named after', async () => {
    const pins = pinnedPanels(index);
    const pin = { panel: 'compare', view: panelViewOf(viewOf('cmp=ev-call,ev-summit')) };
    expect(pins.ready([])).toBe(true);
    expect(pins.ready([pin])).toBe(false);
    expect(pins.describe(pin)).toBeNull();
    await pins.load([pin]);
    expect(pins.ready([pin])).toBe(true);
    const about = pins.describe(pin)!;
    expect(about.filters).toBe('No filters');
    expect(about.headline).toMatch(/ and /);
    expect(about.headline).toBe(pins.slide(pin, slideBook(index))!.headline);
    expect(about.headline).not.toBe('Compare calls');
  });
});

describe('a panel’s slide asked for before its code has loaded', () => {
  it('fails, naming the panel, instead of standing in the records list', async () => {
    const { bindPanels } = await import('../export/panel-registry');
    const { panelSlideContent } = await import('../export/panel-slide');
    const { PANELS } = await import('./panels');
    // A loader of its own, so the quotes' slide code counts as not loaded whatever ran before.
    const lazyOnly = PANELS.map((d) => (d.id === 'quotes' ? { ...d, slide: () => d.slide!() } : d));
    const entry = bindPanels(lazyOnly, { index, selection: select(index, NO_FILTERS), view: viewOf('') }).get('quotes')!;
    expect(() => panelSlideContent(entry, index, NO_FILTERS, slideBook(index))).toThrow(/slide of Quote board .* before its code has loaded/);
  });
});
