import type { DatasetIndex } from '../dataset/indexes';
import type { Filters } from '../dataset/select';
import { formatDay, isoToDay } from '../lib/dates';
import { RECORD_TYPE_NAME, termLabel } from '../dataset/vocabulary';
import { actorName } from './names';
import { CREDIBILITY_LABEL, RELIABILITY_LABEL } from '../dataset/grading-vocabulary';

/** Filters in words, for the result line, captions and exports: "Sources: Harbour Times · Actors: Ada Varga". */
export function describeFilters(f: Filters, index: DatasetIndex): string {
  const parts: string[] = [];
  if (f.sources.length) {
    const chosen = new Set(f.sources);
    const names = index.outlets.filter((o) => o.sourceIds.some((id) => chosen.has(id))).map((o) => o.label);
    parts.push(`Sources: ${names.join(', ')}`);
  }
  if (f.actors.length) parts.push(`Actors: ${f.actors.map((id) => actorName(index, id)).join(', ')}`);
  if (f.from || f.to) {
    parts.push(`${f.from ? formatDay(isoToDay(f.from)) : 'start'} – ${f.to ? formatDay(isoToDay(f.to)) : 'end'}`);
  }
  if (f.types.length) parts.push(`Types: ${f.types.map((t) => RECORD_TYPE_NAME[t].many).join(', ')}`);
  if (f.kinds.length) parts.push(`Kinds: ${f.kinds.map((k) => termLabel(index.vocabulary.eventKinds, k)).join(', ')}`);
  if (f.minCredibility !== null) {
    const label = CREDIBILITY_LABEL[f.minCredibility].toLowerCase();
    parts.push(`Credibility: ${f.minCredibility === 1 ? label : `${label} or better`} (${f.minCredibility})`);
  }
  if (f.reliability.length)
    parts.push(`Reliability: ${f.reliability.map((g) => `${RELIABILITY_LABEL[g].toLowerCase()} (${g})`).join(', ')}`);
  if (f.q.trim()) parts.push(`Search: “${f.q.trim()}”`);
  return parts.length ? parts.join(' · ') : 'No filters';
}

/** How the chosen filters combine, in words: any of the values within a filter, every filter at once. */
export function describeCombination(f: Filters): string {
  const any = (n: number, one: string, many: string) => (n === 1 ? one : many);
  const parts: string[] = [];
  if (f.sources.length) parts.push(any(f.sources.length, 'cite the chosen source', 'cite any of the chosen sources'));
  if (f.actors.length) parts.push(any(f.actors.length, 'involve the chosen actor', 'involve any of the chosen actors'));
  if (f.from || f.to) parts.push('fall within the dates');
  if (f.types.length) parts.push(any(f.types.length, 'are of the chosen type', 'are of any of the chosen types'));
  if (f.kinds.length) parts.push(any(f.kinds.length, 'are of the chosen event kind', 'are of any of the chosen event kinds'));
  if (f.q.trim()) parts.push(f.q.trim().includes(' ') ? 'contain every word searched' : 'contain the word searched');
  if (f.minCredibility !== null) parts.push('are at least as credible as chosen');
  if (f.reliability.length)
    parts.push(any(f.reliability.length, 'rest on a source of the chosen reliability', 'rest on a source of any chosen reliability'));
  if (parts.length === 0) return '';
  const last = parts.pop() as string;
  return `Records that ${parts.length ? `${parts.join(', ')} and ${last}` : last}.`;
}
