import type { DatasetIndex, Row } from '../dataset/indexes';
import type { AidItem, Discrepancy, Event, FuzzyDate, Quote } from '../dataset/schema';
import { isolate } from './bidi';
import { clipGraphemes } from './graphemes';

export function clipText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return clipGraphemes(flat, max);
}

function actor(index: DatasetIndex, id: string | undefined): string {
  return id ? (index.actors.get(id)?.name ?? id) : '';
}

/** A one-line name for any record: an event's title, a quote's speaker and words, an item, a topic. */
export function recordLabel(row: Row, index: DatasetIndex, max = 110): string {
  switch (row.type) {
    case 'event':
      return (row.record as Event).title;
    case 'quote': {
      const q = row.record as Quote;
      const who = actor(index, q.speaker);
      const words = isolate(clipText(q.text, Math.max(20, max - who.length - 4)));
      return `${isolate(who)}: ${q.mode === 'direct' ? '“' : ''}${words}${q.mode === 'direct' ? '”' : ''}`;
    }
    case 'aid':
      return (row.record as AidItem).item;
    case 'discrepancy':
      return (row.record as Discrepancy).topic;
  }
}

/** The date a record carries itself; discrepancies have none of their own. */
export function recordDate(row: Row): FuzzyDate | null {
  switch (row.type) {
    case 'event':
      return (row.record as Event).date;
    case 'quote':
      return (row.record as Quote).date;
    case 'aid':
      return (row.record as AidItem).announced;
    case 'discrepancy':
      return null;
  }
}
