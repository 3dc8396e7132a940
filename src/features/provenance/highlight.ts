export interface Segment {
  text: string;
  /** Index of the excerpt this segment highlights, or -1 for plain text. */
  mark: number;
}

/** Pure: splits a text into plain and highlighted runs for every occurrence of every excerpt. */
export function highlight(text: string, excerpts: readonly string[]): Segment[] {
  const ranges: [number, number, number][] = [];
  excerpts.forEach((ex, i) => {
    if (!ex) return;
    for (let at = text.indexOf(ex); at !== -1; at = text.indexOf(ex, at + ex.length)) ranges.push([at, at + ex.length, i]);
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
