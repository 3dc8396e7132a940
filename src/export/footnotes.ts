import type { DatasetIndex } from '../dataset/indexes';
import type { Citation } from '../dataset/schema';
import { formatDate } from '../lib/dates';
import { outletLabel, outletName, quoted } from '../records/names';

export interface Footnote {
  n: number;
  source: string;
  /** The outlet as the Sources filter lists it (unnamed outlets carry their date). */
  outlet: string;
  /** The outlet as the source names it. */
  sourceOutlet: string;
  excerpt: string;
  /** The article's headline and publication date. */
  article: string;
  headline: string;
  /** The publication date in words, or "date unknown". */
  published: string;
}

/**
 * The one citation numberer of every output (briefing view, tray brief): citations are numbered in
 * the order they are first cited; the same words from the same article keep their number wherever
 * they are cited again.
 */
export function footnoteBook(index: DatasetIndex) {
  const notes: Footnote[] = [];
  const byKey = new Map<string, Footnote>();
  const keyOf = (source: string, excerpt: string) => `${source}\u0000${excerpt}`;
  const cite = (citations: readonly Citation[]): number[] => {
    const numbers = citations.map((c) => {
      const key = keyOf(c.source, c.excerpt);
      let note = byKey.get(key);
      if (!note) {
        const s = index.sources.get(c.source);
        note = {
          n: notes.length + 1,
          source: c.source,
          outlet: outletLabel(index, c.source),
          sourceOutlet: outletName(index, c.source),
          excerpt: c.excerpt,
          article: s ? `${s.title}, ${formatDate(s.published)}` : '',
          headline: s?.title ?? '',
          published: s ? formatDate(s.published) : 'date unknown',
        };
        notes.push(note);
        byKey.set(key, note);
      }
      return note.n;
    });
    return [...new Set(numbers)].sort((a, b) => a - b);
  };
  /** The number already given to these words from this source, if any. */
  const numberOf = (source: string, excerpt: string) => byKey.get(keyOf(source, excerpt))?.n;
  return { cite, notes, numberOf };
}

/** The text of a footnote: [3] Harbour Times — “the words as printed”. */
export const footnoteText = (f: Footnote) => `[${f.n}] ${f.outlet} — ${quoted(f.excerpt)}`;
