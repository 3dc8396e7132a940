import type { PanelSlide } from '../../export/panel-registry';
import { COLUMN_PX, fitList, LIMITS, linesOf, type SlideBlock, type SlideBook } from '../../export/slide-model';
import type { ViewContext } from '../../filters/view-context';
import type { Quote } from '../../dataset/schema';
import { isoToDay } from '../../lib/dates';
import { factGrade } from '../../records/presentation';
import { quoteModeName, quotePresenter, quoteSpeaker, quoteWords } from '../../records/quote';

/** Lines of 26px type a column of the body holds under its title. */
const COLUMN_LINES = 14;

/**
 * The quote board on one slide: the most widely reported quotes first (independent outlets, then
 * words given verbatim, then the latest), each in the words as printed with who said it, when, how
 * and its grade; two columns, the rest counted as "and N more".
 */
export function quotesSlide({ index, selection }: ViewContext, book: SlideBook): PanelSlide | null {
  const quotes = selection.quotes;
  if (!quotes.length) return null;
  const outlets = new Map(quotes.map((q) => [q.id, factGrade(q, index).groups.length]));
  const ranked = [...quotes].sort(
    (a, b) =>
      (outlets.get(b.id) ?? 0) - (outlets.get(a.id) ?? 0) ||
      Number(b.mode === 'direct') - Number(a.mode === 'direct') ||
      isoToDay(b.date.value) - isoToDay(a.date.value),
  );
  const who = (q: Quote) =>
    `${quoteSpeaker(q, index)} · ${quotePresenter.dateText(q)} · ${quoteModeName(q).toLowerCase()} · grade ${factGrade(q, index).code}`;
  // The words, a line (22px) for who said it, and the space between quotes.
  const lines = (q: Quote) => linesOf(`${quoteWords(q, LIMITS.quoteChars)} [1]`, COLUMN_PX.half - 23) + 1.4;
  const left = fitList(ranked, lines, COLUMN_LINES);
  const right = fitList(ranked.slice(left.items.length), lines, COLUMN_LINES + 1);
  const block = (list: Quote[], column: 0 | 1, more: number, title?: string): SlideBlock => ({
    kind: 'quotes',
    column,
    ...(title ? { title } : {}),
    items: list.map((q) => ({ words: quoteWords(q, LIMITS.quoteChars), who: who(q), cites: book.cite(q.citations) })),
    more,
  });
  const shown = left.items.length + right.items.length;
  return {
    blocks: [
      block(left.items, 0, right.items.length ? 0 : left.more, `${shown} of ${quotes.length}, the most widely reported first`),
      ...(right.items.length ? [block(right.items, 1, right.more)] : []),
    ],
    sourceIds: quotes.flatMap((q) => q.citations.map((c) => c.source)),
    // Each quote is cited by several outlets: four citations leave the room for the quotes.
    maxFootnotes: 4,
  };
}
