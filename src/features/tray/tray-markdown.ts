import type { DatasetIndex, RowType } from '../../dataset/indexes';
import type { PanelPins } from '../../export/deck';
import { footnoteBook } from '../../export/footnotes';
import { formatDate } from '../../lib/dates';
import { escapeMarkdown, recordMarkdown, unescapeMarkdown } from '../../records/markdown';
import { oneLine, opensQuoted, quoted } from '../../records/names';
import { present } from '../../records/record-label';
import type { TrayItem } from './tray-storage';

export interface BriefCitation {
  n: number;
  source: string;
  outlet: string;
  published: string;
  article: string;
  excerpt: string;
}

export interface BriefEntry {
  id: string;
  type: RowType | 'panel';
  typeName: string;
  title: string;
  date: string | null;
  /** Lines in our words and the record's own (a quote's text, a discrepancy's versions). */
  body: string[];
  note: string;
  cites: number[];
}

export interface Brief {
  title: string;
  subtitle: string;
  entries: BriefEntry[];
  citations: BriefCitation[];
}

/**
 * Pure: the pinned records in tray order, each with its citations numbered once across the brief; a
 * pinned panel is named with the filters it was pinned with (its content is on its slide in the deck).
 */
export function buildBrief(index: DatasetIndex, items: readonly TrayItem[], preparedOn: string, panels?: PanelPins): Brief {
  const book = footnoteBook(index);
  const entries: BriefEntry[] = [];
  for (const item of items) {
    if (item.panel) {
      const about = panels?.describe(item.panel);
      if (about)
        entries.push({
          id: item.id,
          type: 'panel',
          typeName: 'Panel',
          title: about.headline,
          date: null,
          body: [`As pinned: ${about.filters}`],
          note: oneLine(item.note),
          cites: [],
        });
      continue;
    }
    const row = index.rowById.get(item.id);
    if (!row) continue;
    const p = present(row, index);
    const cites = book.cite(p.citations());
    entries.push({
      id: row.id,
      type: row.type,
      typeName: p.typeName,
      title: row.type === 'quote' ? p.heading() : p.label(200),
      date: p.dateText(),
      body: p.lines(book.numberOf),
      note: oneLine(item.note),
      cites,
    });
  }
  const citations: BriefCitation[] = book.notes.map((f) => ({
    n: f.n,
    source: f.source,
    outlet: f.sourceOutlet,
    published: f.published,
    article: f.headline,
    excerpt: oneLine(f.excerpt),
  }));
  const { dataset } = index;
  const sources = new Set(citations.map((c) => c.source)).size;
  return {
    title: `Briefing: ${dataset.title}`,
    subtitle: `Prepared ${formatDate({ value: preparedOn, precision: 'day' })} · dataset version ${dataset.version} · ${entries.length} item${entries.length === 1 ? '' : 's'} · ${sources} source${sources === 1 ? '' : 's'} cited`,
    entries,
    citations,
  };
}

export function citationLine(c: BriefCitation): string {
  return `[${c.n}] ${escapeMarkdown(c.outlet)}, published ${escapeMarkdown(c.published)}: ${quoted(escapeMarkdown(c.excerpt))}`;
}

export function briefMarkdown(brief: Brief): string {
  const out: string[] = [`# ${escapeMarkdown(brief.title)}`, '', `*${escapeMarkdown(brief.subtitle)}*`, ''];
  brief.entries.forEach((e, i) => {
    for (const line of recordMarkdown(
      { heading: e.title, typeName: e.typeName, date: e.date, lines: e.body, note: e.note, cites: e.cites },
      i + 1,
    ))
      out.push(line);
  });
  if (brief.citations.length) {
    out.push('## Citations', '');
    for (const c of brief.citations) out.push(citationLine(c), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export interface ParsedCitation {
  n: number;
  outlet: string;
  published: string;
  excerpt: string;
}

/** Reads the citation lines back out of a brief (used to check an export against the dataset). */
export function parseCitations(markdown: string): ParsedCitation[] {
  const out: ParsedCitation[] = [];
  for (const line of markdown.split('\n')) {
    const m = /^\[(\d+)\] (.+?), published (.+?): (.+)$/.exec(line);
    if (!m) continue;
    // The marks quoted() put around it; an excerpt that opens with its own mark got none.
    const inner = m[4].slice(1, -1);
    const excerpt = m[4].startsWith('“') && m[4].endsWith('”') && !opensQuoted(inner) ? inner : m[4];
    out.push({ n: Number(m[1]), outlet: unescapeMarkdown(m[2]), published: unescapeMarkdown(m[3]), excerpt: unescapeMarkdown(excerpt) });
  }
  return out;
}
