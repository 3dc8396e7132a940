import type { ReactElement } from 'react';
import type { DatasetIndex, Row } from '../dataset/indexes';
import type { Citation, Event } from '../dataset/schema';
import { RELIABILITY_GRADES, type ReliabilityGrade } from '../dataset/grading-vocabulary';
import { PRECISION_LABEL, termLabel } from '../dataset/vocabulary';
import { maxOf } from '../lib/bounds';
import { formatDate } from '../lib/dates';
import { plural } from '../lib/format';
import { clipText, oneLine, quoted } from '../records/names';
import { affiliationOf, concerns, contextOf, quotesOf, requesterEvidence } from '../records/event-context';
import { eventPresenter } from '../records/event';
import { quoteSpeaker, quoteWords } from '../records/quote';
import { present } from '../records/record-label';
import type { Fact } from '../records/presentation';
import { formatMadeAt } from './caption';
import { footnoteBook } from './footnotes';

/** A line of a list on a slide, with the numbers of the citations behind it. */
export interface SlideItem {
  text: string;
  detail?: string;
  cites: number[];
}

export interface SlideQuote {
  /** The words as printed (in quotation marks when given word for word). */
  words: string;
  who: string;
  cites: number[];
}

/**
 * A chart on a slide. Bars are simple enough to be drawn natively (PowerPoint) as well as on the DOM
 * slide; a figure is the panel's own chart, drawn by the panel as SVG in the box the slide gives it
 * (PowerPoint gets a picture of it).
 */
export type ChartSpec =
  | {
      type: 'bar';
      categories: string[];
      series: { name: string; values: number[] }[];
      /** A colour per category (CSS colours for the DOM slide, #rrggbb for PowerPoint). */
      colors?: { css: string; hex: string }[];
      /** The values are money in this currency: written as formatAmount writes them, never summed with another. */
      currency?: string;
    }
  | {
      type: 'figure';
      /** The chart in words, for screen readers and as the PowerPoint picture's description. */
      alt: string;
      /** The chart at slide size, every mark labelled on it (a slide cannot be hovered). */
      draw: (box: { width: number; height: number }) => ReactElement;
    };

/**
 * Blocks may name the column they stand in (0 left, 1 right): those that name none then go across
 * both, above them. On a slide where no block names one, they flow down both columns.
 */
export type SlideBlock = SlideBlockBody & { column?: 0 | 1 };

type SlideBlockBody =
  | { kind: 'text'; title?: string; text: string; quoted: boolean; cites: number[] }
  | { kind: 'facts'; title?: string; facts: Fact[] }
  | { kind: 'list'; title?: string; items: SlideItem[]; more: number }
  | { kind: 'quotes'; title?: string; items: SlideQuote[]; more: number }
  | { kind: 'chart'; title?: string; chart: ChartSpec }
  /**
   * Records side by side, aspect by aspect (the Compare panel), or a matrix (source coverage): `more`
   * says what was cut ("and 12 more facts"), `labelWidth` widens the row labels (slide pixels).
   */
  | {
      kind: 'table';
      head: string[];
      rows: { label: string; cells: SlideItem[][]; more: number[] }[];
      more?: string;
      labelWidth?: number;
    };

export interface SlideFootnote {
  n: number;
  outlet: string;
  /** The outlet's reliability letter (A–F). */
  grade: ReliabilityGrade;
  date: string;
  excerpt: string;
}

export interface SlideFooter {
  /** "Sources: Outlet (B), Other outlet (C)". */
  sources: string;
  /** "Dataset title, version 3, compiled 1 Aug 2024". */
  dataset: string;
  madeAt: string;
}

export interface Slide {
  kind: 'title' | 'content' | 'sources';
  headline: string;
  /** The filters in words, or what the slide is about. */
  subhead: string;
  blocks: SlideBlock[];
  /** The analyst's note on a pinned item. */
  note?: string;
  /** The numbered citations drawn on the slide (those that fit). */
  footnotes: SlideFootnote[];
  /** Citations cited on the slide but not drawn for want of room; all are in the notes. */
  moreFootnotes: number;
  footer: SlideFooter;
  /** Speaker notes: every citation of the slide in full. */
  notes: string;
}

/** What a panel or a record gives for a slide, before the footer and footnotes are added. */
export interface SlideContent {
  headline: string;
  subhead: string;
  blocks: SlideBlock[];
  /** Sources behind what is shown, cited or not (for the source line). */
  sourceIds: readonly string[];
  /** Citations drawn at most (a chart wants the room); the rest are in the notes. */
  maxFootnotes?: number;
}

/** Numbers citations across one slide or one deck; every number comes from the one citation numberer. */
export interface SlideBook {
  cite(citations: readonly Citation[]): number[];
  /** Every citation numbered so far, in number order. */
  all(): SlideFootnote[];
  sourceOf(n: number): string | undefined;
}

export function slideBook(index: DatasetIndex): SlideBook {
  const book = footnoteBook(index);
  const toFootnote = (f: (typeof book.notes)[number]): SlideFootnote => ({
    n: f.n,
    outlet: f.outlet,
    grade: index.grading.source(f.source).grade,
    // An unnamed outlet is named by its date already.
    date: f.outlet.endsWith(f.published) ? '' : f.published,
    excerpt: oneLine(f.excerpt),
  });
  return {
    cite: (citations) => book.cite(citations),
    all: () => book.notes.map(toFootnote),
    sourceOf: (n) => book.notes[n - 1]?.source,
  };
}

export const moreText = (n: number) => `and ${n} more`;

/** The first `max` items and how many were left out. */
export function cutList<T>(items: readonly T[], max: number): { items: T[]; more: number } {
  const keep = Math.max(0, max);
  return { items: items.slice(0, keep), more: Math.max(0, items.length - keep) };
}

/** Where the body's columns stand: two equal ones, or a chart's wider one and the column beside it. */
export const COLUMN_PX = { half: 832, beside: 574 };

/** Lines a text takes in a column this wide, at the body's 26px type or another: a plain estimate, about half the type's size a character. */
export const linesOf = (text: string, columnPx: number, typePx = 26) =>
  Math.max(1, Math.ceil(text.length / Math.floor(columnPx / (typePx * 0.52))));

/**
 * As many items as fit in `room` lines, each taking the lines it needs: the rest are counted for
 * "and N more", never drawn smaller.
 */
export function fitList<T>(items: readonly T[], lines: (item: T) => number, room: number): { items: T[]; more: number } {
  let used = 0;
  let keep = 0;
  for (const item of items) {
    // The last line is kept for "and N more" while there are items left over.
    const reserve = keep + 1 < items.length ? 1 : 0;
    if (used + lines(item) + reserve > room) break;
    used += lines(item);
    keep++;
  }
  return cutList(items, keep);
}

/** A row of a table before it is fitted: its cells' items, and what each cell had cut already. */
export interface TableRowDraft<T> {
  label: string;
  cells: readonly (readonly T[])[];
  more: readonly number[];
}

/**
 * A table's rows cut to `room` lines, the rows in the order they matter: each row is as tall as its
 * tallest cell (`rowCost` lines more for its padding), and a cell's items left off are counted for
 * "and N more" (a line). Every row first gets each cell's first item; the room left goes to the rows'
 * further items in order. Rows that do not fit even so are cut whole, last first, and counted in `more`.
 */
export function fitRows<T>(
  rows: readonly TableRowDraft<T>[],
  lines: (item: T) => number,
  room: number,
  rowCost = 0.4,
): { rows: { label: string; cells: T[][]; more: number[] }[]; more: number } {
  const cellHeight = (items: readonly T[], kept: number, had: number) =>
    items.slice(0, kept).reduce((sum, it) => sum + lines(it), 0) + (kept < items.length || had ? 1 : 0);
  const state = rows.map((r) => ({ row: r, kept: r.cells.map((c) => Math.min(1, c.length)) }));
  const height = (s: (typeof state)[number], kept = s.kept) =>
    maxOf([1, ...s.row.cells.map((c, i) => cellHeight(c, kept[i] ?? 0, s.row.more[i] ?? 0))]) + rowCost;
  let shown = state.length;
  const total = () => state.slice(0, shown).reduce((sum, s) => sum + height(s), 0) + (shown < state.length ? 1 : 0);
  while (shown > 0 && total() > room) shown--;
  let used = total();
  for (const s of state.slice(0, shown)) {
    // The cells of a row grow an item at a time in turn, so both sides keep alike.
    const open = s.row.cells.map((c, i) => (s.kept[i] ?? 0) < c.length);
    while (open.some(Boolean))
      s.row.cells.forEach((c, i) => {
        if (!open[i]) return;
        const next = s.kept.map((k, j) => (j === i ? k + 1 : k));
        const grown = used - height(s) + height(s, next);
        if (grown > room) open[i] = false;
        else {
          used = grown;
          s.kept = next;
          open[i] = (next[i] ?? 0) < c.length;
        }
      });
  }
  return {
    rows: state.slice(0, shown).map(({ row, kept }) => ({
      label: row.label,
      cells: row.cells.map((c, i) => c.slice(0, kept[i])),
      more: row.cells.map((c, i) => c.length - (kept[i] ?? 0) + (row.more[i] ?? 0)),
    })),
    more: state.length - shown,
  };
}

/** A line of the body's 26px type, in slide pixels: the unit the room of a column is counted in. */
const LINE_PX = 26 * 1.3;
/** The room of a column of a split body, in lines, under a headline of two lines (the most it is drawn with) and four citations. */
export const SPLIT_ROOM = 430 / LINE_PX;
/** A headline line (58px bold, leading 1.12), in body lines: what a one-line headline gives back to the body. */
const HEADLINE_LINE = (58 * 1.12) / LINE_PX;
/** The body's room under this headline: one line more than SPLIT_ROOM's two-line assumption gives when it fits one line (bold type runs wider). */
export const splitRoomUnder = (headline: string) =>
  SPLIT_ROOM + (linesOf(headline, COLUMN_PX.half * 2 + 64, 58 * 1.15) <= 1 ? HEADLINE_LINE : 0);

/** The lines a list's or quotes' item takes in a column this wide, its citation numbers, detail and speaker with it. */
export function itemLines(b: SlideBlock, i: number, columnPx: number): number {
  if (b.kind === 'quotes') {
    const q = b.items[i];
    return q ? linesOf(`${q.words}${' [12]'.repeat(q.cites.length)}`, columnPx - 23) + 1.26 : 0;
  }
  if (b.kind !== 'list') return 0;
  const it = b.items[i];
  return it ? linesOf(`${it.text}${' [12]'.repeat(it.cites.length)}${it.detail ? ` · ${it.detail}` : ''}`, columnPx - 22) + 0.18 : 0;
}

/**
 * Blocks of one column cut to `room` lines, in the order they stand: each list or quotes block keeps
 * the items that fit, the rest counted in its "and N more" (a line). Every block first gets its title
 * and first item; the room left goes to further items, block by block. Gives the items each block keeps.
 */
export function fitColumn(blocks: readonly SlideBlock[], columnPx: number, room: number): number[] {
  const count = (b: SlideBlock) => (b.kind === 'list' || b.kind === 'quotes' ? b.items.length : 0);
  const height = (b: SlideBlock, kept: number) =>
    ('title' in b && b.title ? 1 : 0) +
    0.65 +
    Array.from({ length: kept }, (_, n) => itemLines(b, n, columnPx)).reduce((sum, x) => sum + x, 0) +
    (kept < count(b) || ('more' in b && typeof b.more === 'number' && b.more) ? 1 : 0);
  const kept = blocks.map((b) => Math.min(1, count(b)));
  let used = blocks.reduce((sum, b, i) => sum + height(b, kept[i]), 0);
  // Not even the first items fit: the last blocks' go first.
  for (let i = blocks.length - 1; i >= 0 && used > room; i--)
    if (kept[i]) {
      used += height(blocks[i], 0) - height(blocks[i], kept[i]);
      kept[i] = 0;
    }
  for (const [i, b] of blocks.entries())
    while (kept[i] < count(b)) {
      const grown = used - height(b, kept[i]) + height(b, kept[i] + 1);
      if (grown > room) break;
      used = grown;
      kept[i]++;
    }
  return kept;
}

/** The headline a slide starts with (the analyst may change it) and its subhead: the active filters in words. */
export function defaultHeadline(title: string, filtersInWords: string): { headline: string; subhead: string } {
  return { headline: oneLine(title), subhead: filtersInWords === 'No filters' ? 'All records, no filters applied' : filtersInWords };
}

const RANK = new Map<string, number>(RELIABILITY_GRADES.map((g, i) => [g, i]));

/** The outlets behind the sources, in the Sources filter's order, each with its best reliability letter. */
export function sourceLine(index: DatasetIndex, sourceIds: Iterable<string>): string {
  const best = new Map<string, ReliabilityGrade>();
  for (const id of sourceIds) {
    const key = index.outletOfSource.get(id) ?? id;
    const grade = index.grading.source(id).grade;
    const was = best.get(key);
    if (!was || (RANK.get(grade) ?? 9) < (RANK.get(was) ?? 9)) best.set(key, grade);
  }
  const named = index.outlets.filter((o) => best.has(o.key)).map((o) => `${o.label} (${best.get(o.key)})`);
  return named.length ? `Sources: ${named.join(', ')}` : 'Sources: none (nothing shown)';
}

export function datasetLine(index: DatasetIndex): string {
  const { dataset } = index;
  return `${dataset.title}, version ${dataset.version}, compiled ${formatDate({ value: dataset.date, precision: 'day' })}`;
}

/** "Outlet (B), 13 Jul 2024": who printed a citation, how reliable, when. */
export const footnoteSource = (f: SlideFootnote) => `${f.outlet} (${f.grade})${f.date ? `, ${f.date}` : ''}`;

export const footnoteLine = (f: SlideFootnote) => `[${f.n}] ${footnoteSource(f)}: ${quoted(f.excerpt)}`;

/** On the slide a citation's words are cut to this many characters; the notes keep them whole. */
export const FOOTNOTE_CHARS = 150;

/** Numbers cited in the blocks, in order, each once. */
export function citedIn(blocks: readonly SlideBlock[]): number[] {
  const out = new Set<number>();
  const add = (ns: readonly number[]) => ns.forEach((n) => out.add(n));
  for (const b of blocks) {
    if (b.kind === 'text') add(b.cites);
    else if (b.kind === 'list' || b.kind === 'quotes') b.items.forEach((i) => add(i.cites));
    else if (b.kind === 'table') b.rows.forEach((r) => r.cells.forEach((c) => c.forEach((i) => add(i.cites))));
  }
  return [...out].sort((a, b) => a - b);
}

/** The slide whole: its footnotes (those of its blocks, as many as fit), the footer and the notes. */
export function finishSlide(
  index: DatasetIndex,
  book: SlideBook,
  content: SlideContent,
  madeAt: Date,
  options: { maxFootnotes?: number; note?: string; kind?: Slide['kind'] } = {},
): Slide {
  // A pinned item's note takes the room of a row of citations (two) a line.
  const noteRows = options.note ? linesOf(options.note, 1696) : 0;
  const maxFootnotes = Math.max(0, Math.min(options.maxFootnotes ?? 6, content.maxFootnotes ?? 6) - 2 * noteRows);
  const all = book.all();
  const mine = citedIn(content.blocks)
    .map((n) => all[n - 1])
    .filter((f) => f !== undefined);
  const shown = cutList(mine, maxFootnotes);
  const sources = new Set(content.sourceIds);
  for (const f of mine) {
    const s = book.sourceOf(f.n);
    if (s) sources.add(s);
  }
  const notes = [
    ...(options.note ? [`Note: ${options.note}`, ''] : []),
    ...(mine.length ? ['Citations:', ...mine.map(footnoteLine)] : ['No citations on this slide.']),
  ].join('\n');
  return {
    kind: options.kind ?? 'content',
    headline: content.headline,
    subhead: content.subhead,
    blocks: content.blocks,
    ...(options.note ? { note: options.note } : {}),
    footnotes: shown.items.map((f) => ({ ...f, excerpt: clipText(f.excerpt, FOOTNOTE_CHARS) })),
    moreFootnotes: shown.more,
    footer: { sources: sourceLine(index, sources), dataset: datasetLine(index), madeAt: `Made ${formatMadeAt(madeAt)}` },
    notes,
  };
}

/** Room on one slide, so nothing has to be drawn smaller than the slide's smallest type. */
export const LIMITS = { quotes: 2, quoteChars: 240, context: 3, discrepancies: 2, evidence: 3, evidenceChars: 170, list: 8 };

function quoteLine(index: DatasetIndex, book: SlideBook, q: ReturnType<typeof quotesOf>[number], chars = LIMITS.quoteChars): SlideQuote {
  return { words: quoteWords(q, chars), who: quoteSpeaker(q, index), cites: book.cite(q.citations) };
}

/** Who asked for the event, as each source tells it, each line cited. */
export function requesterItems(
  index: DatasetIndex,
  book: SlideBook,
  e: Event,
  max: number = LIMITS.evidence,
): { items: SlideItem[]; more: number } {
  const told = cutList(requesterEvidence(index, e), max);
  return {
    items: told.items.map((x) => ({
      text: `${x.outlet}: ${x.reading ?? quoted(clipText(x.excerpt, LIMITS.evidenceChars))}`,
      cites: book.cite([{ source: x.source, excerpt: x.excerpt }]),
    })),
    more: told.more,
  };
}

/**
 * An event as one slide: its date and precision, who asked for it as each source tells it, what each
 * side said in the words as printed, the days before and the open discrepancies about it.
 */
export function recordCard(index: DatasetIndex, book: SlideBook, e: Event, contextDays = 14): SlideContent {
  // Each side's words come before anything else on the right: where the sides' first quotes do not
  // all fit, they are cut shorter, and then the open discrepancies are counted in the subhead, rather
  // than one side left out.
  const everySide = (c: ReturnType<typeof cardCaps>) => c.quotes.every((n, i) => n > 0 || c.quoteCounts[i] === 0);
  let caps = cardCaps(index, e, contextDays, CARD_QUOTE_CHARS[0], false);
  for (const [chars, counted] of [...CARD_QUOTE_CHARS.slice(1).map((c) => [c, false] as const), [CARD_QUOTE_CHARS[0], true] as const]) {
    if (everySide(caps)) break;
    caps = cardCaps(index, e, contextDays, chars, counted);
  }
  return cardOf(index, book, e, contextDays, caps);
}

/** How long a side's quote may run on a record card, longest first. */
const CARD_QUOTE_CHARS = [LIMITS.quoteChars, 160, 110];

/** Laid out once with numbers of its own to see what fits: what the card keeps of each block. */
function cardCaps(
  index: DatasetIndex,
  e: Event,
  contextDays: number,
  quoteChars: number,
  discrepanciesCounted: boolean,
): CardCaps & { quoteCounts: number[] } {
  const draft = cardOf(index, slideBook(index), e, contextDays, { ...CARD_CAPS, quoteChars, discrepanciesCounted });
  const kept = new Map<SlideBlock, number>();
  const [asked, ...left] = draft.blocks.filter((b) => b.column === 0);
  // Who asked, as each source tells it, comes before the days before: those get the room it leaves (a title and "and N more" at least).
  const room = splitRoomUnder(draft.headline);
  const told = fitColumn([asked], COLUMN_PX.half, room - 2.65)[0];
  const cut = asked.kind === 'list' ? { ...asked, items: asked.items.slice(0, told), more: asked.more + asked.items.length - told } : asked;
  kept.set(asked, told);
  fitColumn([cut, ...left], COLUMN_PX.half, room)
    .slice(1)
    .forEach((n, i) => kept.set(left[i], n));
  const right = draft.blocks.filter((b) => b.column === 1);
  fitColumn(right, COLUMN_PX.half, room).forEach((n, i) => kept.set(right[i], n));
  const [requested, ...rest] = draft.blocks.map((b) => kept.get(b) ?? 0);
  const sides = draft.blocks.filter((b) => b.kind === 'quotes');
  return {
    evidence: Math.max(0, (requested ?? 1) - 1),
    quotes: sides.map((b) => kept.get(b) ?? 0),
    quoteCounts: sides.map((b) => (b.kind === 'quotes' ? b.items.length : 0)),
    quoteChars,
    discrepanciesCounted,
    context: (discrepanciesCounted ? rest[rest.length - 1] : rest[rest.length - 2]) ?? CARD_CAPS.context,
    discrepancies: discrepanciesCounted ? 0 : Math.max(1, rest[rest.length - 1] ?? CARD_CAPS.discrepancies),
  };
}

interface CardCaps {
  evidence: number;
  /** Quotes kept of each side, in the order the sides are drawn. */
  quotes: number[];
  /** How long each quote may run. */
  quoteChars: number;
  /** The open discrepancies only counted, in the subhead: the right column is left to each side's words. */
  discrepanciesCounted: boolean;
  context: number;
  discrepancies: number;
}

const CARD_CAPS: CardCaps = {
  evidence: LIMITS.evidence,
  quotes: [],
  quoteChars: LIMITS.quoteChars,
  discrepanciesCounted: false,
  context: LIMITS.context,
  discrepancies: LIMITS.discrepancies,
};

function cardOf(index: DatasetIndex, book: SlideBook, e: Event, contextDays: number, caps: CardCaps): SlideContent {
  const precision = PRECISION_LABEL[e.date.precision];
  const recorded = e.initiatedBy ? (index.actors.get(e.initiatedBy)?.name ?? e.initiatedBy) : 'not recorded';
  const requested = requesterItems(index, book, e, caps.evidence);
  const blocks: SlideBlock[] = [
    {
      kind: 'list',
      title: 'Who requested it, as each source tells it',
      column: 0,
      items: [
        { text: `Recorded as requested by: ${recorded}`, cites: [] },
        ...(requested.items.length ? requested.items : [{ text: 'No source says who asked for it.', cites: [] }]),
      ],
      more: requested.more,
    },
  ];
  const quotes = quotesOf(index, e.id);
  const sides = [...new Set(quotes.map((q) => affiliationOf(index, q)))];
  for (const [i, side] of sides.entries()) {
    const list = cutList(
      quotes.filter((q) => affiliationOf(index, q) === side),
      Math.min(caps.quotes[i] ?? LIMITS.quotes, sides.length > 2 ? 1 : LIMITS.quotes),
    );
    blocks.push({
      kind: 'quotes',
      column: 1,
      title: `What the ${side} side said`,
      items: list.items.map((q) => quoteLine(index, book, q, caps.quoteChars)),
      more: list.more,
    });
  }
  if (!sides.length)
    blocks.push({
      kind: 'list',
      column: 1,
      title: 'What each side said',
      items: [{ text: 'No quotes are recorded for it.', cites: [] }],
      more: 0,
    });
  const before = contextOf(index, e, contextDays).reverse();
  const ctx = cutList(before, caps.context);
  blocks.push({
    kind: 'list',
    title: `In the ${contextDays} days before`,
    column: 0,
    // Cut to none for want of room, it says only how many there are.
    items: before.length
      ? ctx.items.map((x) => ({ text: clipText(x.title, 90), detail: eventPresenter.dateText(x) ?? '', cites: [] }))
      : [{ text: 'Nothing recorded.', cites: [] }],
    more: ctx.more,
  });
  const concernsOf = concerns(index, e.id);
  const open = cutList(concernsOf, caps.discrepancies);
  if (!caps.discrepanciesCounted)
    blocks.push({
      kind: 'list',
      title: 'Open discrepancies',
      // Under what each side said: the left column is full with the sources' tellings and the days before.
      column: 1,
      items: open.items.length
        ? open.items.map((d) => ({ text: clipText(d.topic, 90), cites: [] }))
        : [{ text: 'None recorded.', cites: [] }],
      more: open.more,
    });
  return {
    headline: e.title,
    subhead: `${termLabel(index.vocabulary.eventKinds, e.kind)} · ${eventPresenter.dateText(e) ?? ''}${e.date.as && !(eventPresenter.dateText(e) ?? '').includes(e.date.as) ? ` (the sources say “${e.date.as}”)` : ''} · date precision: ${precision.toLowerCase()}${
      caps.discrepanciesCounted && concernsOf.length
        ? ` · ${concernsOf.length} open ${concernsOf.length === 1 ? 'discrepancy' : 'discrepancies'}, in the Discrepancies panel`
        : ''
    }`,
    blocks,
    sourceIds: e.citations.map((c) => c.source),
    maxFootnotes: 4,
  };
}

/** Any record as one slide: an event as its record card, any other record through its presenter. */
export function recordSlideContent(index: DatasetIndex, book: SlideBook, row: Row): SlideContent {
  if (row.type === 'event') return recordCard(index, book, row.record as Event);
  const p = present(row, index);
  const body = p.body();
  const blocks: SlideBlock[] = [];
  const citations = p.citations();
  if (body.text)
    blocks.push({
      kind: 'text',
      text: clipText(body.text, 420),
      quoted: body.quoted,
      cites: body.versions.length ? [] : book.cite(citations),
    });
  if (body.versions.length) {
    const list = cutList(body.versions, 4);
    blocks.push({
      kind: 'list',
      title: 'What each source says',
      items: list.items.map((v) => ({
        text: `${v.outlet}: ${clipText(v.reading, 150)}`,
        cites: book.cite([{ source: v.source, excerpt: v.excerpt }]),
      })),
      more: list.more,
    });
  }
  if (body.facts.length) blocks.push({ kind: 'facts', facts: body.facts });
  return {
    headline: p.type === 'quote' ? p.heading() : p.label(120),
    subhead: [p.typeName, p.dateText()].filter(Boolean).join(' · '),
    blocks,
    sourceIds: citations.map((c) => c.source),
  };
}

/** Records as a list slide: the fallback for a panel that gives no slide of its own. */
export function recordsList(index: DatasetIndex, book: SlideBook, rows: readonly Row[], title: string, max = LIMITS.list): SlideBlock {
  const list = cutList(rows, max);
  return {
    kind: 'list',
    title: `${title}: ${plural(rows.length, 'record')}`,
    items: list.items.map((r) => {
      const p = present(r, index);
      return { text: p.label(110), detail: p.dateText() ?? undefined, cites: book.cite(p.citations()) };
    }),
    more: list.more,
  };
}
