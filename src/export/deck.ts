import type { DatasetIndex } from '../dataset/indexes';
import type { PinnedPanel } from '../components/pin-button';
import { formatDay } from '../lib/dates';
import { plural } from '../lib/format';
import { keyPointPresenter } from '../records/key-point';
import { oneLine } from '../records/names';
import {
  cutList,
  datasetLine,
  finishSlide,
  footnoteLine,
  recordSlideContent,
  slideBook,
  type Slide,
  type SlideBlock,
  type SlideBook,
  type SlideContent,
} from './slide-model';

/** A pinned item of the deck: a record by its id, or a panel (then `id` is the pin's own key). */
export interface DeckItem {
  id: string;
  note: string;
  panel?: PinnedPanel;
}

/** A pinned panel's slide content as it was pinned, its citations numbered in the deck's book. */
export type PanelSlideOf = (pin: PinnedPanel, book: SlideBook) => SlideContent | null;

/**
 * What the app knows of pinned panels: each one's slide, and its headline and filters in words for the
 * tray's row. Their slide code loads on use: `slide` needs `load` to have been awaited for its pins, and
 * `describe` gives null for a pin until then.
 */
export interface PanelPins {
  ready: (pins: readonly PinnedPanel[]) => boolean;
  load: (pins: readonly PinnedPanel[]) => Promise<void>;
  slide: PanelSlideOf;
  describe: (pin: PinnedPanel) => { headline: string; filters: string } | null;
}

/** Citations per sources slide: as many as stay legible at slide size. */
export const SOURCES_PER_SLIDE = 12;

/** The bottom line: the dataset's key points where it has them, else its description and its figures. */
export function bottomLine(index: DatasetIndex, book: SlideBook): SlideBlock[] {
  const { dataset } = index;
  const points = dataset.keyPoints ?? [];
  if (points.length) {
    // As many as the title slide holds at its size; the rest are counted ("and 2 more").
    const list = cutList(points, 3);
    return [
      {
        kind: 'list',
        title: 'Bottom line',
        items: list.items.map((p) => ({ text: keyPointPresenter.label(p, 220), cites: book.cite(keyPointPresenter.citations(p)) })),
        more: list.more,
      },
    ];
  }
  const blocks: SlideBlock[] = [];
  if (dataset.description)
    blocks.push({ kind: 'text', title: 'Bottom line', text: oneLine(dataset.description), quoted: false, cites: [] });
  const range = index.dayRange;
  blocks.push({
    kind: 'facts',
    title: 'Key figures',
    facts: [
      { label: 'Events', value: String(dataset.events.length) },
      { label: 'Quotes', value: String(dataset.quotes.length) },
      { label: 'Aid and weapons items', value: String(dataset.aid.length) },
      { label: 'Discrepancies', value: String(dataset.discrepancies.length) },
      { label: 'Sources', value: `${dataset.sources.length} from ${plural(index.outlets.length, 'outlet')}` },
      ...(range ? [{ label: 'Period', value: `${formatDay(range[0])} – ${formatDay(range[1])}` }] : []),
    ],
  });
  return blocks;
}

/**
 * The tray as a deck: a title slide with the bottom line, one slide per pinned item (its record card
 * or its panel's slide) with the analyst's note, and sources slides with every numbered citation.
 */
export function buildDeck(index: DatasetIndex, items: readonly DeckItem[], madeAt: Date, panelSlide?: PanelSlideOf): Slide[] {
  const book = slideBook(index);
  // The bottom line is cited first, so the numbers run in slide order.
  const opening = bottomLine(index, book);
  const body: Slide[] = [];
  for (const item of items) {
    const row = item.panel ? undefined : index.rowById.get(item.id);
    const content = row ? recordSlideContent(index, book, row) : item.panel && panelSlide ? panelSlide(item.panel, book) : null;
    if (!content) continue;
    body.push(finishSlide(index, book, content, madeAt, { note: oneLine(item.note) || undefined, maxFootnotes: item.note ? 5 : 6 }));
  }
  const title = finishSlide(
    index,
    book,
    {
      headline: index.dataset.title,
      subhead: `Briefing of ${plural(body.length, 'item')} · ${datasetLine(index)}`,
      blocks: opening,
      sourceIds: book.all().map((f) => book.sourceOf(f.n) ?? ''),
    },
    madeAt,
    { kind: 'title' },
  );
  const notes = book.all();
  const sources: Slide[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(notes.length / SOURCES_PER_SLIDE)); i++) {
    const page = notes.slice(i * SOURCES_PER_SLIDE, (i + 1) * SOURCES_PER_SLIDE);
    const pages = Math.ceil(notes.length / SOURCES_PER_SLIDE);
    const slide = finishSlide(
      index,
      book,
      {
        headline: pages > 1 ? `Sources (${i + 1} of ${pages})` : 'Sources',
        subhead: `${plural(notes.length, 'numbered citation')}, in the words as printed; reliability of each outlet in brackets (A–F)`,
        blocks: [],
        sourceIds: page.map((f) => book.sourceOf(f.n) ?? ''),
      },
      madeAt,
      { kind: 'sources' },
    );
    sources.push({
      ...slide,
      footnotes: page,
      notes: page.length ? ['Citations:', ...page.map(footnoteLine)].join('\n') : 'No citations.',
    });
  }
  return [title, ...body, ...sources];
}
