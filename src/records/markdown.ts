import { oneLine } from './names';

/**
 * Backslash-escapes what Markdown would read as markup, so dataset text stays text. An `&` that
 * starts an entity reference (`&amp;`, `&#169;`) is escaped too: "AT&amp;T" must not become "AT&T".
 */
export function escapeMarkdown(text: string): string {
  return (
    oneLine(text)
      .replace(/([\\`*_{}[\]<>|#~])/g, '\\$1')
      .replace(/&(?=(?:\\?#)?[0-9A-Za-z]+;)/g, '\\&')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      .replace(/^([-+])/, '\\$1')
      // A citation number such as [14] is not markup unless it starts a link or a link definition.
      .replace(/\\\[(\d+)\\\](?![([])/g, '[$1]')
      .replace(/^\[(\d+)\]:/, '\\[$1\\]:')
  );
}

export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]<>|#~.)+&-])/g, '$1');
}

/** One record as a Markdown section: the heading, type and date, its lines, a note, its citation numbers. */
export interface MarkdownEntry {
  heading: string;
  typeName: string;
  date: string | null;
  lines: readonly string[];
  note?: string;
  cites: readonly number[];
}

export function recordMarkdown(entry: MarkdownEntry, n?: number): string[] {
  const out = [`## ${n === undefined ? '' : `${n}. `}${escapeMarkdown(entry.heading)}`, ''];
  out.push(`*${entry.typeName}${entry.date ? ` · ${escapeMarkdown(entry.date)}` : ''}*`, '');
  for (const line of entry.lines) out.push(escapeMarkdown(line), '');
  if (entry.note) out.push(`> **Analyst note:** ${escapeMarkdown(entry.note)}`, '');
  if (entry.cites.length) out.push(`Sources: ${entry.cites.map((c) => `[${c}]`).join(' ')}`, '');
  return out;
}
