import { describe, expect, it } from 'vitest';
import { buildIndex } from '../dataset/indexes';
import { Dataset, type Event } from '../dataset/schema';
import { mutated } from '../testing/test-fixtures';
import { buildDeck, SOURCES_PER_SLIDE } from './deck';
import {
  citedIn,
  cutList,
  defaultHeadline,
  finishSlide,
  fitList,
  footnoteLine,
  moreText,
  recordCard,
  slideBook,
  sourceLine,
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
