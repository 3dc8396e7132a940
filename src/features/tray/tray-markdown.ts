import { citationsOf, type DatasetIndex, type RowType } from '../../dataset/indexes';
import type { AidItem, Discrepancy, Event, Quote } from '../../dataset/schema';
import { RECORD_TYPE_NAME, termLabel } from '../../dataset/vocabulary';
import { formatDate, formatDateRange } from '../../lib/dates';
import { formatAmount } from '../../lib/format';
import { recordDate, recordLabel } from '../../lib/record-label';
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
  type: RowType;
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

const name = (index: DatasetIndex, id: string | undefined) => (id ? (index.actors.get(id)?.name ?? id) : '');
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Pure: the pinned records in tray order, each with its citations numbered once across the brief. */
export function buildBrief(index: DatasetIndex, items: readonly TrayItem[], preparedOn: string): Brief {
  const citations: BriefCitation[] = [];
  const numberOf = new Map<string, number>();
  const entries: BriefEntry[] = [];
  for (const item of items) {
    const row = index.rowById.get(item.id);
    if (!row) continue;
    const cites: number[] = [];
    for (const c of citationsOf(row.record)) {
      const key = `${c.source}\u0000${c.excerpt}`;
      let n = numberOf.get(key);
      if (n === undefined) {
        n = citations.length + 1;
        numberOf.set(key, n);
        const s = index.sources.get(c.source);
        citations.push({
          n,
          source: c.source,
          outlet: s?.outlet ?? c.source,
          published: s ? formatDate(s.published) : 'date unknown',
          article: s?.title ?? '',
          excerpt: oneLine(c.excerpt),
        });
      }
      if (!cites.includes(n)) cites.push(n);
    }
    const date = recordDate(row);
    entries.push({
      id: row.id,
      type: row.type,
      typeName: RECORD_TYPE_NAME[row.type].one,
      title: row.type === 'quote' ? `Quote by ${name(index, (row.record as Quote).speaker)}` : recordLabel(row, index, 200),
      date: row.type === 'event' ? formatDateRange((row.record as Event).date, (row.record as Event).end) : date ? formatDate(date) : null,
      body: bodyOf(index, row.type, row.record, (source, excerpt) => numberOf.get(`${source}\u0000${excerpt}`)),
      note: oneLine(item.note),
      cites,
    });
  }
  const { dataset } = index;
  const sources = new Set(citations.map((c) => c.source)).size;
  return {
    title: `Briefing: ${dataset.title}`,
    subtitle: `Prepared ${formatDate({ value: preparedOn, precision: 'day' })} · dataset version ${dataset.version} · ${entries.length} item${entries.length === 1 ? '' : 's'} · ${sources} source${sources === 1 ? '' : 's'} cited`,
    entries,
    citations,
  };
}

function bodyOf(
  index: DatasetIndex,
  type: RowType,
  record: Event | Quote | AidItem | Discrepancy,
  citeNo: (source: string, excerpt: string) => number | undefined,
): string[] {
  switch (type) {
    case 'event': {
      const e = record as Event;
      return [e.summary, ...(e.initiatedBy ? [`Requested by ${name(index, e.initiatedBy)}, as the sources tell it.`] : [])];
    }
    case 'quote': {
      const q = record as Quote;
      const event = q.event ? index.events.get(q.event) : undefined;
      const words = q.mode === 'direct' ? `“${oneLine(q.text)}”` : oneLine(q.text);
      const who = `${name(index, q.speaker)}${q.onBehalfOf ? ` for ${name(index, q.onBehalfOf)}` : ''}`;
      return [
        words,
        `${q.mode === 'direct' ? 'Direct quote' : 'Paraphrase'}, ${who}${q.setting ? `, ${q.setting}` : ''}${event ? `; at: ${event.title}` : ''}.`,
      ];
    }
    case 'aid': {
      const a = record as AidItem;
      const to = [a.recipient ? name(index, a.recipient) : null, a.location ?? null].filter(Boolean).join(', ');
      const facts = [
        `${name(index, a.donor)}${to ? ` → ${to}` : ''}`,
        a.amount ? formatAmount(a.amount) : null,
        `announced ${formatDate(a.announced)}`,
        a.effective ? `effective ${formatDate(a.effective)}` : null,
        `status: ${termLabel(index.vocabulary.aidStatuses, a.status).toLowerCase()}`,
      ].filter(Boolean);
      return [facts.join(' · '), ...(a.notes ? [a.notes] : [])];
    }
    case 'discrepancy': {
      const d = record as Discrepancy;
      return [
        d.summary,
        ...d.versions.map((v) => {
          const n = citeNo(v.source, v.excerpt);
          return `${index.sources.get(v.source)?.outlet ?? v.source}${n ? ` [${n}]` : ''}: ${v.reading}`;
        }),
      ];
    }
  }
}

/** Backslash-escapes what Markdown would read as markup, so dataset text stays text. */
export function escapeMarkdown(text: string): string {
  return (
    oneLine(text)
      .replace(/([\\`*_{}[\]<>|#~])/g, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      .replace(/^([-+])/, '\\$1')
      // A citation number such as [14] is not markup unless it starts a link or a link definition.
      .replace(/\\\[(\d+)\\\](?![([])/g, '[$1]')
      .replace(/^\[(\d+)\]:/, '\\[$1\\]:')
  );
}

export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]<>|#~.)+-])/g, '$1');
}

export function citationLine(c: BriefCitation): string {
  return `[${c.n}] ${escapeMarkdown(c.outlet)}, published ${escapeMarkdown(c.published)}: “${escapeMarkdown(c.excerpt)}”`;
}

export function briefMarkdown(brief: Brief): string {
  const out: string[] = [`# ${escapeMarkdown(brief.title)}`, '', `*${escapeMarkdown(brief.subtitle)}*`, ''];
  brief.entries.forEach((e, i) => {
    out.push(`## ${i + 1}. ${escapeMarkdown(e.title)}`, '');
    out.push(`*${e.typeName}${e.date ? ` · ${escapeMarkdown(e.date)}` : ''}*`, '');
    for (const line of e.body) out.push(escapeMarkdown(line), '');
    if (e.note) out.push(`> **Analyst note:** ${escapeMarkdown(e.note)}`, '');
    out.push(`Sources: ${e.cites.map((n) => `[${n}]`).join(' ')}`, '');
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
    const m = /^\[(\d+)\] (.+?), published (.+?): “(.*)”$/.exec(line);
    if (m)
      out.push({ n: Number(m[1]), outlet: unescapeMarkdown(m[2]), published: unescapeMarkdown(m[3]), excerpt: unescapeMarkdown(m[4]) });
  }
  return out;
}
