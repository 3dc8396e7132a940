import type { DatasetIndex } from '../../dataset/indexes';
import type { Quote } from '../../dataset/schema';
import { actorName } from '../../records/names';
import { compareText } from '../../lib/collate';

export interface QuoteGroup {
  key: string;
  label: string;
  quotes: Quote[];
}

/** Pure: quotes grouped by speaker (largest group first) or by event (in date order, "No event" last). */
export function groupQuotes(quotes: readonly Quote[], by: 'speaker' | 'event', index: DatasetIndex): QuoteGroup[] {
  const groups = new Map<string, QuoteGroup>();
  for (const q of quotes) {
    const key = by === 'speaker' ? q.speaker : (q.event ?? '');
    let group = groups.get(key);
    if (!group) {
      const label = by === 'speaker' ? actorName(index, key) : key ? (index.events.get(key)?.title ?? key) : 'No particular event';
      group = { key: key || '(none)', label, quotes: [] };
      groups.set(key, group);
    }
    group.quotes.push(q);
  }
  const list = [...groups.values()];
  if (by === 'speaker') return list.sort((a, b) => b.quotes.length - a.quotes.length || compareText(a.label, b.label));
  const order = (g: QuoteGroup) => (g.key === '(none)' ? '9999' : (index.events.get(g.key)?.date.value ?? '9999'));
  return list.sort((a, b) => compareText(order(a), order(b)));
}
