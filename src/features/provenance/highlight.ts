export interface Segment {
  text: string;
  /** Index of the excerpt this segment highlights, or -1 for plain text. */
  mark: number;
}

/** An excerpt with the optional words around it that pick one occurrence (a TextQuoteSelector). */
export interface Quote {
  excerpt: string;
  prefix?: string;
  suffix?: string;
}

export interface Anchor {
  /** Where the cited occurrence starts, or -1 when the text does not contain the excerpt. */
  at: number;
  /** How many other times the excerpt occurs in the text. */
  others: number;
}

/** The occurrence a citation means: the one its prefix and suffix fit, else the first. */
export function anchor(text: string, q: Quote): Anchor {
  const { excerpt, prefix, suffix } = q;
  if (!excerpt) return { at: -1, others: 0 };
  let first = -1;
  let picked = -1;
  let count = 0;
  for (let at = text.indexOf(excerpt); at !== -1; at = text.indexOf(excerpt, at + 1)) {
    count++;
    if (first < 0) first = at;
    if (picked < 0 && (prefix || suffix)) {
      const before = !prefix || text.slice(Math.max(0, at - prefix.length), at) === prefix;
      const after = !suffix || text.startsWith(suffix, at + excerpt.length);
      if (before && after) picked = at;
    }
  }
  return { at: picked >= 0 ? picked : first, others: Math.max(0, count - 1) };
}

/**
 * Pure: splits a text into plain and highlighted runs, one run per excerpt at the occurrence it
 * cites, so an excerpt found 500,000 times still makes one mark.
 */
export function highlight(text: string, quotes: readonly (Quote | string)[]): Segment[] {
  const ranges: [number, number, number][] = [];
  quotes.forEach((q, i) => {
    const quote = typeof q === 'string' ? { excerpt: q } : q;
    const { at } = anchor(text, quote);
    if (at >= 0) ranges.push([at, at + quote.excerpt.length, i]);
  });
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const segments: Segment[] = [];
  let pos = 0;
  for (const [start, end, i] of ranges) {
    if (end <= pos) continue; // inside an earlier, longer excerpt
    const from = Math.max(start, pos);
    if (from > pos) segments.push({ text: text.slice(pos, from), mark: -1 });
    segments.push({ text: text.slice(from, end), mark: i });
    pos = end;
  }
  if (pos < text.length) segments.push({ text: text.slice(pos), mark: -1 });
  return segments;
}
