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
