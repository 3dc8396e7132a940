import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../dataset/indexes';
import { Dataset, type Event } from '../dataset/schema';
import { mutated } from '../testing/test-fixtures';
import { buildDeck, SOURCES_PER_SLIDE } from './deck';
import {
  citedIn,
  COLUMN_PX,
  cutList,
  defaultHeadline,
  finishSlide,
  fitColumn,
  fitList,
  fitRows,
  footnoteLine,
  itemLines,
  moreText,
  recordCard,
  slideBook,
  sourceLine,
  type SlideBlock,
} from './slide-model';
import { quoted } from '../records/names';
import { quotePresenter, quoteWords } from '../records/quote';

const graded = () =>
  buildIndex(
    Dataset.parse(
      mutated((d) => {
        d.sources[0].reliability = { grade: 'B', reason: 'A wire with a long record' };
      }),
    ),
  );

describe('slide headline', () => {
  it('defaults to the title, with the filters in words as the subhead', () => {
    expect(defaultHeadline('  Call   timeline ', 'Sources: AFP · Kinds: Call')).toEqual({
      headline: 'Call timeline',
      subhead: 'Sources: AFP · Kinds: Call',
    });
    expect(defaultHeadline('Quotes', 'No filters').subhead).toBe('All records, no filters applied');
  });
});

describe('cutList', () => {
  it('keeps the first items and counts the rest as "and N more"', () => {
    expect(cutList([1, 2, 3, 4, 5], 3)).toEqual({ items: [1, 2, 3], more: 2 });
    expect(cutList([1, 2], 3)).toEqual({ items: [1, 2], more: 0 });
    expect(cutList([1, 2], -1)).toEqual({ items: [], more: 2 });
    expect(moreText(2)).toBe('and 2 more');
  });
});

describe('fitList', () => {
  it('keeps what fits in the lines there are, a line kept for "and N more"', () => {
    expect(fitList([2, 2, 2, 2], (n) => n, 6)).toEqual({ items: [2, 2], more: 2 });
    expect(fitList([2, 2, 2], (n) => n, 6)).toEqual({ items: [2, 2, 2], more: 0 });
    expect(fitList([9], (n) => n, 6)).toEqual({ items: [], more: 1 });
  });
});

describe('excerpts already quoted', () => {
  it('are not wrapped in a second pair of quotation marks, on slides, footnotes and quotes', () => {
    expect(quoted('the words')).toBe('“the words”');
    for (const own of ['“The issue was discussed,” the ministry said', '"That is a precondition."', '« Non »', '\u2068“rtl”\u2069'])
      expect(quoted(own)).toBe(own);
    const index = buildIndex(
      Dataset.parse(
        mutated((d) => {
          d.quotes[0].mode = 'direct';
          d.quotes[0].text = '"We will stand with Ukraine"';
        }),
      ),
    );
    const q = index.dataset.quotes[0];
    expect(quoteWords(q)).toBe('"We will stand with Ukraine"');
    expect(quotePresenter.label(q, index)).toBe('Joe Biden: "We will stand with Ukraine"');
    const f = {
      n: 1,
      outlet: 'AFP',
      grade: 'B' as const,
      date: '13 Jul 2024',
      excerpt: '“Belousov has highlighted the danger,” the ministry said',
    };
    expect(footnoteLine(f)).toBe('[1] AFP (B), 13 Jul 2024: “Belousov has highlighted the danger,” the ministry said');
    expect(footnoteLine({ ...f, excerpt: 'the danger' })).toBe('[1] AFP (B), 13 Jul 2024: “the danger”');
  });
});

describe('chart blocks', () => {
  it('go through to the finished slide as they are, cited nowhere', () => {
    const index = graded();
    const book = slideBook(index);
    const chart = {
      kind: 'chart' as const,
      title: 'Money by donor and status, USD',
      chart: {
        type: 'bar' as const,
        categories: ['Donor · Announced'],
        series: [{ name: 'Amount (USD)', values: [225e6] }],
        currency: 'USD',
      },
    };
    const slide = finishSlide(index, book, { headline: 'Aid', subhead: '', blocks: [chart], sourceIds: ['src-wire'] }, new Date());
    expect(slide.blocks).toEqual([chart]);
    expect(slide.footnotes).toEqual([]);
    expect(slide.footer.sources).toBe('Sources: AFP (B)');
  });
});

describe('sourceLine', () => {
  it('names each outlet once, in the Sources filter order, with its reliability letter', () => {
    const index = graded();
    expect(sourceLine(index, ['src-site', 'src-wire', 'src-wire'])).toBe('Sources: AFP (B), Kyiv Daily (F)');
    expect(sourceLine(index, [])).toBe('Sources: none (nothing shown)');
  });
});

describe('slide footnotes', () => {
  it('numbers citations once through the one numberer, shows those that fit and keeps all in the notes', () => {
    const index = graded();
    const book = slideBook(index);
    const call = index.events.get('ev-call') as Event;
    const first = book.cite(call.citations);
    expect(first[0]).toBe(1);
    // The same words from the same article keep their number.
    expect(book.cite(call.citations)).toEqual(first);
    const content = recordCard(index, book, call);
    const slide = finishSlide(index, book, content, new Date('2024-08-01T12:00:00Z'), { maxFootnotes: 1 });
    const cited = citedIn(content.blocks);
    expect(slide.footnotes.map((f) => f.n)).toEqual(cited.slice(0, 1));
    expect(slide.moreFootnotes).toBe(cited.length - 1);
    for (const n of cited) expect(slide.notes).toContain(`[${n}] `);
    expect(slide.footer.sources).toMatch(/^Sources: .*\([A-F]\)/);
    expect(slide.footer.dataset).toBe('Test briefing, version 1, compiled 15 Jul 2024');
    expect(slide.footer.madeAt).toBe('Made 2024-08-01 12:00 UTC');
  });

  it('gives a record card who asked for the event as each source tells it, and what each side said', () => {
    const index = graded();
    const call = index.events.get('ev-call') as Event;
    const card = recordCard(index, slideBook(index), call);
    const titles = card.blocks.map((b) => ('title' in b ? b.title : ''));
    expect(titles).toContain('Who requested it, as each source tells it');
    expect(titles).toContain('In the 14 days before');
    expect(titles).toContain('Open discrepancies');
    const asked = card.blocks.find((b) => 'title' in b && b.title === 'Who requested it, as each source tells it');
    expect(asked?.kind === 'list' && asked.items[0].text).toBe('Recorded as requested by: Joe Biden');
    expect(card.subhead).toContain('date precision: ');
  });
});

describe('buildDeck', () => {
  it('is a title slide, one slide per pinned record with its note, and sources slides of every citation', () => {
    const index = graded();
    const ids = index.rows.map((r) => r.id);
    const deck = buildDeck(
      index,
      ids.map((id, i) => ({ id, note: i === 0 ? 'Read first' : '' })),
      new Date('2024-08-01T12:00:00Z'),
    );
    const sources = deck.filter((s) => s.kind === 'sources');
    expect(deck[0].kind).toBe('title');
    expect(deck.length).toBe(1 + ids.length + sources.length);
    expect(deck[1].note).toBe('Read first');
    expect(deck[1].notes).toMatch(/^Note: Read first/);
    const all = sources.flatMap((s) => s.footnotes.map((f) => f.n));
    expect(all).toEqual(all.map((_, i) => i + 1));
    expect(sources.every((s) => s.footnotes.length <= SOURCES_PER_SLIDE)).toBe(true);
    // Every number on a body slide is in the sources.
    for (const s of deck.slice(1, 1 + ids.length)) for (const f of s.footnotes) expect(all).toContain(f.n);
  });

  it('leaves out pins the dataset no longer has', () => {
    const index = graded();
    expect(buildDeck(index, [{ id: 'gone', note: '' }], new Date()).filter((s) => s.kind === 'content')).toHaveLength(0);
  });
});

describe('fitting a table and a column to the room of the slide', () => {
  const row = (label: string, a: number[], b: number[], more = [0, 0]) => ({ label, cells: [a, b], more });
  const lines = (n: number) => n;

  it('gives every row its first items before any row its further ones, and counts what is left', () => {
    const fit = fitRows([row('date', [1], [1]), row('asked', [1, 2, 2], [1, 2]), row('said', [2], [3])], lines, 8, 0);
    // 1 + 2 (first items and "and N more") + 3, then the two lines left go to the asked row.
    expect(fit.rows.map((r) => r.cells)).toEqual([
      [[1], [1]],
      [
        [1, 2],
        [1, 2],
      ],
      [[2], [3]],
    ]);
    expect(fit.rows[1].more).toEqual([1, 0]);
    expect(fit.more).toBe(0);
    const height = (r: (typeof fit.rows)[number]) => Math.max(...r.cells.map((c, i) => c.reduce((s, n) => s + n, 0) + (r.more[i] ? 1 : 0)));
    expect(fit.rows.reduce((s, r) => s + height(r), 0)).toBeLessThanOrEqual(8);
  });

  it('cuts whole rows, last first, when even their first items do not fit, keeping a line to say so', () => {
    const fit = fitRows([row('date', [1], [1]), row('asked', [3], [1]), row('said', [4], [4])], lines, 6, 0);
    expect(fit.rows.map((r) => r.label)).toEqual(['date', 'asked']);
    expect(fit.more).toBe(1);
  });

  it('counts what a cell had cut already', () => {
    const fit = fitRows([row('asked', [1, 1], [1], [2, 0])], lines, 10, 0);
    expect(fit.rows[0].more).toEqual([2, 0]);
  });

  it('keeps a column’s blocks within the room: every block its first item before any block its further ones', () => {
    const item = (text: string) => ({ text, cites: [] });
    const long = 'x'.repeat(100);
    const blocks: SlideBlock[] = [
      { kind: 'list', title: 'First', items: [item(long), item(long), item(long), item(long)], more: 0 },
      { kind: 'list', title: 'Second', items: [item('short'), item('short')], more: 0 },
    ];
    const kept = fitColumn(blocks, COLUMN_PX.half, 9.5);
    // The first block's second item would leave the second block no room for its first.
    expect(kept).toEqual([1, 2]);
    const used = blocks.reduce(
      (sum, b, i) =>
        sum +
        1.65 +
        Array.from({ length: kept[i] }, (_, n) => itemLines(b, n, COLUMN_PX.half)).reduce((s, x) => s + x, 0) +
        (kept[i] < (b.kind === 'list' ? b.items.length : 0) ? 1 : 0),
      0,
    );
    expect(used).toBeLessThanOrEqual(9.5);
    expect(fitColumn(blocks, COLUMN_PX.half, 30)).toEqual([4, 2]);
  });
});

describe('a record card gives each side its say', () => {
  it.each(['public/data/briefing.json', 'e2e/fixtures/valid/maritime-talks.json'])('every contact of %s keeps a quote of each side that has one', (file) => {
    const index = buildIndex(Dataset.parse(JSON.parse(readFileSync(file, 'utf8'))));
    for (const e of index.dataset.events.filter((x) => index.vocabulary.contactKinds.has(x.kind))) {
      const card = recordCard(index, slideBook(index), e);
      for (const side of card.blocks.filter((b) => b.kind === 'quotes'))
        expect(side.kind === 'quotes' && side.items.length, `${e.id}: ${'title' in side ? side.title : ''}`).toBeGreaterThan(0);
      // What no longer fits beside the words is still counted.
      const listed = card.blocks.some((b) => 'title' in b && b.title === 'Open discrepancies');
      const open = index.discrepanciesByRecord.get(e.id)?.length ?? 0;
      if (!listed && open) expect(card.subhead).toContain(`${open} open discrepanc`);
    }
  });
});
