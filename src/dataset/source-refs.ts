/**
 * Prose fields (summaries, readings, notes) may name a source by id in a marked form, `[[src:<id>]]`,
 * which the dashboard shows as the source's label. One pattern, read by the validator and the presenters.
 */
const SOURCE_REF = /\[\[src:([^\]\s]+)\]\]/g;

export type ProsePart = string | { source: string };

/** The text cut into plain runs and source references, in order. */
export function splitSourceRefs(text: string): ProsePart[] {
  const parts: ProsePart[] = [];
  let at = 0;
  for (const m of text.matchAll(SOURCE_REF)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push({ source: m[1] });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** The source ids a text refers to, in order of appearance. */
export function sourceRefIds(text: string): string[] {
  return [...text.matchAll(SOURCE_REF)].map((m) => m[1]);
}
