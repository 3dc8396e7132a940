import type { DatasetIndex } from '../dataset/indexes';
import type { Citation } from '../dataset/schema';
import { formatDate } from '../lib/dates';

export interface Footnote {
  n: number;
  source: string;
  outlet: string;
  excerpt: string;
  /** The article's headline and publication date. */
  article: string;
}

/**
 * Numbers citations in the order they are first cited; the same words from the same article keep
 * their number wherever they are cited again.
 */
export function footnoteBook(index: DatasetIndex) {
  const notes: Footnote[] = [];
  const byKey = new Map<string, Footnote>();
  const cite = (citations: readonly Citation[]): number[] => {
    const numbers = citations.map((c) => {
      const key = `${c.source}\u0000${c.excerpt}`;
      let note = byKey.get(key);
      if (!note) {
        const s = index.sources.get(c.source);
        note = {
          n: notes.length + 1,
          source: c.source,
          // The Sources filter's label: unnamed outlets are told apart by their date there.
          outlet: index.outlets.find((o) => o.key === index.outletOfSource.get(c.source))?.label ?? s?.outlet ?? c.source,
          excerpt: c.excerpt,
          article: s ? `${s.title}, ${formatDate(s.published)}` : '',
        };
        notes.push(note);
        byKey.set(key, note);
      }
      return note.n;
    });
    return [...new Set(numbers)].sort((a, b) => a - b);
  };
  return { cite, notes };
}

/** The text of a footnote: [3] Kyiv Post — “the words as printed”. */
export const footnoteText = (f: Footnote) => `[${f.n}] ${f.outlet} — “${f.excerpt}”`;
