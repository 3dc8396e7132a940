import type { DatasetIndex } from '../../dataset/indexes';
import type { Citation, Event } from '../../dataset/schema';
import type { PanelSlide } from '../../export/panel-registry';
import { cutList, type SlideBook, type SlideItem } from '../../export/slide-model';
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
 * Rows kept on the slide, and how many items of each side fit in a cell: the slide answers who asked
 * and what each side said; each event's record card has the days before and the disputes.
 */
const ROWS: { key: RegExp; max: number; chars: number; bySource?: boolean; detail?: boolean }[] = [
  { key: /^date$/, max: 1, chars: 60 },
  { key: /^requested$/, max: 3, chars: 110, bySource: true },
  { key: /^readout$/, max: 1, chars: 70, detail: false },
  { key: /^said/, max: 1, chars: 130 },
];

function cell(
  book: SlideBook,
  items: readonly CompareItem[],
  rule: { max: number; chars: number; bySource?: boolean; detail?: boolean },
  left: number,
): { items: SlideItem[]; more: number } {
  const { chars } = rule;
  // Cited only once cut, so no number goes to a line left off the slide.
  const out: (Omit<SlideItem, 'cites'> & { cites: Citation[] })[] = [];
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
  const cut = cutList(out, rule.max);
  return { items: cut.items.map((it) => ({ ...it, cites: book.cite(it.cites) })), more: cut.more + left };
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
  const rows = dated.flatMap((r: CompareRow) => {
    const rule = ROWS.find((x) => x.key.test(r.key));
    if (!rule) return [];
    const a = cell(book, r.a, rule, r.moreA ?? 0);
    const b = cell(book, r.b, rule, r.moreB ?? 0);
    return [{ label: r.label, cells: [a.items, b.items], more: [a.more, b.more] }];
  });
  return {
    headline: `${clipText(cmp.a.title, 60)} and ${clipText(cmp.b.title, 60)}`,
    blocks: [{ kind: 'table', head: ['', clipText(cmp.a.title, 80), clipText(cmp.b.title, 80)], rows }],
    sourceIds: [...cmp.a.citations, ...cmp.b.citations].map((c) => c.source),
  };
}
