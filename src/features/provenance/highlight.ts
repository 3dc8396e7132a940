import { anchor, type Quote } from '../../dataset/anchor';

export interface Segment {
  text: string;
  /** Index of the excerpt this segment highlights, or -1 for plain text. */
  mark: number;
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
