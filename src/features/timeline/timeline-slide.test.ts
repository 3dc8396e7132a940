import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../dataset/indexes';
import { Dataset } from '../../dataset/schema';
import { select } from '../../dataset/select';
import { parseView } from '../../dataset/url-state';
import { finishSlide, slideBook } from '../../export/slide-model';
import type { ViewContext } from '../../filters/view-context';
import { timelineSlide } from './timeline-slide';

function viewOf(file: string, query = ''): ViewContext {
  const index = buildIndex(Dataset.parse(JSON.parse(readFileSync(file, 'utf8'))));
  const view = parseView(new URLSearchParams(query), index);
  return { index, view, selection: select(index, view.filters) };
}

describe.each(['public/data/briefing.json', 'e2e/fixtures/valid/maritime-talks.json'])('the timeline slide of %s', (file) => {
  it('carries the panel’s chart redrawn at slide size, its marks labelled, and the events beside it cut to fit', () => {
    const ctx = viewOf(file);
    const book = slideBook(ctx.index);
    const panel = timelineSlide(ctx, book);
    expect(panel).not.toBeNull();
    const [chart, list] = panel!.blocks;
    expect(chart.kind === 'chart' && chart.column).toBe(0);
    if (chart.kind !== 'chart' || chart.chart.type !== 'figure') throw new Error('no figure');
    const svg = renderToStaticMarkup(chart.chart.draw({ width: 1090, height: 560 }));
    // Drawn 1.8 times its own size: the 11px labels are 20px on the slide.
    const [, w, vw] = /<svg width="([\d.]+)"[^>]*viewBox="0 0 ([\d.]+)/.exec(svg) ?? [];
    expect(Number(w) / Number(vw)).toBeCloseTo(1.8);
    expect(Number(w)).toBeLessThanOrEqual(1090);
    const kinds = ctx.index.vocabulary.eventKinds.list.filter((k) => ctx.selection.events.some((e) => e.kind === k.id));
    for (const k of kinds) expect(svg).toContain(`>${k.label}</text>`);
    // Each contact's date and label are written on the chart; a still picture has no buttons.
    const contact = ctx.selection.events.filter((e) => ctx.index.vocabulary.contactKinds.has(e.kind)).at(-1)!;
    expect(svg).toContain(contact.title.slice(0, 20));
    expect(svg).not.toContain('role="button"');
    expect(list.kind === 'list' && list.column).toBe(1);
    if (list.kind !== 'list') throw new Error('no list');
    expect(list.items.length + list.more).toBe(ctx.selection.events.length);
    const slide = finishSlide(ctx.index, book, { headline: 'Call timeline', subhead: '', ...panel! }, new Date());
    expect(slide.footnotes.length).toBeLessThanOrEqual(2);
  });
});

it('gives no timeline slide when no event matches', () => {
  const ctx = viewOf('public/data/briefing.json', 'q=zzzznothingmatches');
  expect(timelineSlide(ctx, slideBook(ctx.index))).toBeNull();
});
