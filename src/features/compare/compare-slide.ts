import type { DatasetIndex } from '../../dataset/indexes';
import type { Citation, Event } from '../../dataset/schema';
import type { PanelSlide } from '../../export/panel-registry';
import type { ViewContext } from '../../filters/view-context';
import { plural } from '../../lib/format';
import { cutList, fitRows, linesOf, type SlideBook, type SlideItem } from '../../export/slide-model';
import { clipText, quoted } from '../../records/names';
import { compareEvents, defaultPair, type CompareItem, type CompareRow } from './compare-data';

/** The pair the panel shows: the ids picked in the URL, the rest from the selection's latest calls. */
export function pairOf(picked: readonly string[], events: readonly Event[], index: DatasetIndex): [string, string] | null {
  const fallback = defaultPair(events, index);
  const a = picked[0] ?? fallback?.[0] ?? null;
  const b = picked[1] ?? (fallback ? (fallback[1] !== a ? fallback[1] : fallback[0]) : null);
  return a && b ? [a, b] : null;
}

/**
 * Rows kept on the slide, and how many items of each side a cell may hold at most: the slide answers who
 * asked and what each side said; each event's record card has the days before and the disputes.
 */
const ROWS: { key: RegExp; max: number; chars: number; bySource?: boolean; detail?: boolean }[] = [
  { key: /^date$/, max: 1, chars: 60 },
  { key: /^requested$/, max: 4, chars: 110, bySource: true },
  { key: /^said/, max: 1, chars: 130 },
  { key: /^readout$/, max: 1, chars: 70, detail: false },
];

/** Citations drawn under the table (the rest are in the notes): the table wants the room. */
const FOOTNOTES = 4;
/** A cell's width for its text (slide pixels): half the table beside the row labels, less its padding and bullet. */
const CELL_PX = (1728 - 250) / 2 - 34;
/**
 * The table's room in lines of its 22px type, under a headline of two lines (the most it is drawn
 * with, whatever the analyst writes), a head of two lines, the citations drawn and the footer; a head
 * of one line leaves a line more.
 */
const ROOM = 11.8;
const HEAD_PX = CELL_PX + 22;

type Draft = Omit<SlideItem, 'cites'> & { cites: Citation[] };

/** A cell's lines as they would be drawn, uncited: numbers go only to the lines kept on the slide. */
function cell(items: readonly CompareItem[], rule: (typeof ROWS)[number]): Draft[] {
  const { chars } = rule;
  const out: Draft[] = [];
  for (const it of items) {
    const evidence = it.evidence ?? [];
    if (rule.bySource) {
      out.push({ text: clipText(it.text, chars), detail: evidence.length ? 'as recorded' : 'no source says who asked', cites: [] });
      // Each source's telling of who asked is a line of its own, cited.
      for (const e of evidence) {
        const words = e.reading ?? quoted(e.excerpt);
        out.push({ text: `${e.outlet}: ${clipText(words, chars)}`, cites: [{ source: e.source, excerpt: e.excerpt }] });
      }
      continue;
    }
    const cites = evidence.map((e) => ({ source: e.source, excerpt: e.excerpt }));
    const detail = rule.detail !== false && it.detail && !evidence.length ? clipText(it.detail, 50) : undefined;
    out.push({ text: clipText(it.text, chars), ...(detail ? { detail } : {}), cites });
  }
  return out;
}

/** The lines an item of a cell takes at the table's 22px type, its citation numbers and detail with it. */
export const cellLines = (it: Omit<SlideItem, 'cites'> & { cites: readonly unknown[] }) =>
  linesOf(`${it.text}${' [12]'.repeat(it.cites.length)}${it.detail ? ` · ${it.detail}` : ''}`, CELL_PX, 22);

/** Characters of a headline that stay on two lines at the slide's 58px. */
const HEADLINE_CHARS = 90;

/** Both titles, whole when they fit two lines: else the longer is cut, so the table has the room it is fitted to. */
export function pairHeadline(a: string, b: string): string {
  const room = HEADLINE_CHARS - ' and '.length;
  if (a.length + b.length <= room) return `${a} and ${b}`;
  const short = Math.min(a.length, b.length, room / 2);
  const long = Math.max(room / 2, room - short);
  return a.length <= b.length ? `${clipText(a, short)} and ${clipText(b, long)}` : `${clipText(a, long)} and ${clipText(b, short)}`;
}

/** The Compare panel's two events as one slide: a table, aspect by aspect, each source's words cited. */
export function compareSlide(index: DatasetIndex, book: SlideBook, pair: [string, string]): PanelSlide | null {
  const cmp = compareEvents(index, pair[0], pair[1], { maxContext: 3 });
  if (!cmp) return null;
  // The date's precision goes beside the date, where "the sources say" would go: one row fewer.
  const precision = cmp.rows.find((r) => r.key === 'precision');
  const dated = cmp.rows.map((r) =>
    r.key === 'date' && precision
      ? { ...r, a: r.a.map((x) => ({ ...x, detail: precision.a[0]?.text })), b: r.b.map((x) => ({ ...x, detail: precision.b[0]?.text })) }
      : r,
  );
  const drafts = ROWS.flatMap((rule) =>
    dated
      .filter((r: CompareRow) => rule.key.test(r.key))
      .map((r) => {
        const [a, b] = [cutList(cell(r.a, rule), rule.max), cutList(cell(r.b, rule), rule.max)];
        return { label: r.label, cells: [a.items, b.items], more: [a.more + (r.moreA ?? 0), b.more + (r.moreB ?? 0)] };
      })
      // A row with nothing on either side says nothing.
      .filter((r) => r.cells.some((c) => c.length) || r.more.some(Boolean)),
  );
  // The rows in the panel's order once fitted (fitted in the order they matter).
  const order = (label: string) => dated.findIndex((r) => r.label === label);
  const titles = [clipText(cmp.a.title, 80), clipText(cmp.b.title, 80)];
  const oneLineHead = titles.every((t) => linesOf(t, HEAD_PX, 24) === 1);
  const fit = fitRows(drafts, cellLines, ROOM + (oneLineHead ? 1.05 : 0));
  const rows = [...fit.rows]
    .sort((x, y) => order(x.label) - order(y.label))
    .map((r) => ({ label: r.label, cells: r.cells.map((c) => c.map((it) => ({ ...it, cites: book.cite(it.cites) }))), more: r.more }));
  return {
    headline: pairHeadline(cmp.a.title, cmp.b.title),
    blocks: [
      {
        kind: 'table',
        head: ['', ...titles],
        rows,
        ...(fit.more ? { more: `and ${plural(fit.more, 'more row')} in the panel` } : {}),
      },
    ],
    sourceIds: [...cmp.a.citations, ...cmp.b.citations].map((c) => c.source),
    maxFootnotes: FOOTNOTES,
  };
}

/** The panel's slide for its view: the pair it shows, or nothing without two events. */
export function comparePanelSlide({ index, selection, view }: ViewContext, book: SlideBook): PanelSlide | null {
  const pair = pairOf(view.compare, selection.events, index);
  return pair ? compareSlide(index, book, pair) : null;
}
