import { AID_STATUS_COLOR, CATEGORICAL, EVENT_KIND_COLOR, THEME, paletteVar } from '../lib/palette';
import type { RowType } from './indexes';
import type { Dataset, DatePrecision, DiscrepancyKind, SourceKind } from './schema';

/** The words for every enum of the schema, beside it; and the vocabulary a dataset may declare. */

export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  wire: 'Wire report',
  'news-site': 'News site',
  aggregator: 'Aggregator',
  'blog-repost': 'Blog repost',
  opinion: 'Opinion',
};

export const DISCREPANCY_KIND_LABEL: Record<DiscrepancyKind, string> = {
  conflict: 'Sources conflict',
  vague: 'Vague',
  misdating: 'Possible misdating',
  claim: 'Disputed claim',
  spelling: 'Spelling',
};

export const PRECISION_LABEL: Record<DatePrecision, string> = {
  day: 'exact day',
  weekday: 'weekday only; date inferred',
  month: 'month only',
  year: 'year only',
  approximate: 'approximate',
};

/** A record type, one of them and many of them: "Aid item", "Aid items". */
export const RECORD_TYPE_NAME: Record<RowType, { one: string; many: string }> = {
  event: { one: 'Event', many: 'Events' },
  quote: { one: 'Quote', many: 'Quotes' },
  aid: { one: 'Aid item', many: 'Aid items' },
  discrepancy: { one: 'Discrepancy', many: 'Discrepancies' },
};

interface DeclaredTerm {
  id: string;
  label: string;
}

interface DeclaredKind extends DeclaredTerm {
  contact: boolean;
}

interface DeclaredStatus extends DeclaredTerm {
  inEffect: boolean;
}

/** The event kinds that apply when a dataset declares none. Calls, meetings and visits are contacts. */
export const DEFAULT_EVENT_KINDS: readonly DeclaredKind[] = [
  { id: 'call', label: 'Call', contact: true },
  { id: 'meeting', label: 'Meeting', contact: true },
  { id: 'visit', label: 'Visit', contact: true },
  { id: 'summit', label: 'Summit', contact: false },
  { id: 'announcement', label: 'Announcement', contact: false },
  { id: 'statement', label: 'Statement', contact: false },
  { id: 'interview', label: 'Interview', contact: false },
  { id: 'appointment', label: 'Appointment', contact: false },
  { id: 'legal', label: 'Legal', contact: false },
  { id: 'vote', label: 'Vote', contact: false },
  { id: 'sanction', label: 'Sanction', contact: false },
  { id: 'exercise', label: 'Exercise', contact: false },
  { id: 'deployment', label: 'Deployment', contact: false },
  { id: 'strike', label: 'Strike', contact: false },
  { id: 'other', label: 'Other', contact: false },
];

export const DEFAULT_AID_CATEGORIES: readonly DeclaredTerm[] = [
  { id: 'aid-package', label: 'Aid package' },
  { id: 'weapon-system', label: 'Weapon system' },
  { id: 'deployment', label: 'Deployment' },
  { id: 'strike-permission', label: 'Strike permission' },
  { id: 'other', label: 'Other' },
];

/** Announced is kept apart from delivered, as the Kiel Institute's support tracker does. */
export const DEFAULT_AID_STATUSES: readonly DeclaredStatus[] = [
  { id: 'announced', label: 'Announced', inEffect: false },
  { id: 'planned', label: 'Planned', inEffect: false },
  { id: 'in-effect', label: 'In effect', inEffect: true },
  { id: 'reported', label: 'Reported', inEffect: false },
  { id: 'delivered', label: 'Delivered', inEffect: true },
];

export interface Term {
  id: string;
  label: string;
  /** For the screen: a custom property of the palette, e.g. `var(--kind-call)`. */
  color: string;
  /** The same colour on paper (light theme), for files that cannot read custom properties. */
  hex: string;
}

export interface EventKindTerm extends Term {
  contact: boolean;
}

export interface TermList<T extends Term> {
  /** In the order the dataset (or the default vocabulary) lists them. */
  list: readonly T[];
  byId: ReadonlyMap<string, T>;
}

/** The vocabulary that applies to one dataset, with a colour for each term. */
export interface ResolvedVocabulary {
  eventKinds: TermList<EventKindTerm>;
  aidCategories: TermList<Term>;
  aidStatuses: TermList<Term>;
  /** Ids of the event kinds that are contacts. */
  contactKinds: ReadonlySet<string>;
  /** Ids of the aid statuses that say an item already takes effect (delivered, in force). */
  inEffectStatuses: ReadonlySet<string>;
}

function termList<T extends Term>(list: T[]): TermList<T> {
  return { list, byId: new Map(list.map((t) => [t.id, t])) };
}

const isDefaultKind = (id: string): id is keyof typeof EVENT_KIND_COLOR => Object.hasOwn(EVENT_KIND_COLOR, id);
const isDefaultStatus = (id: string): id is keyof typeof AID_STATUS_COLOR => Object.hasOwn(AID_STATUS_COLOR, id);

export function resolveVocabulary(dataset: Pick<Dataset, 'vocabulary'>): ResolvedVocabulary {
  const declared = dataset.vocabulary;
  let next = 0;
  const eventKinds = (declared?.eventKinds ?? DEFAULT_EVENT_KINDS).map(({ id, label, contact }) => {
    if (isDefaultKind(id)) return { id, label, contact, color: `var(${paletteVar('kind', id)})`, hex: EVENT_KIND_COLOR[id] };
    const n = next++ % CATEGORICAL.length;
    return { id, label, contact, color: `var(${paletteVar('cat', n + 1)})`, hex: CATEGORICAL[n] };
  });
  const statuses = declared?.aidStatuses ?? DEFAULT_AID_STATUSES;
  const aidStatuses = statuses.map(({ id, label }) =>
    isDefaultStatus(id)
      ? { id, label, color: `var(${paletteVar('status', id)})`, hex: AID_STATUS_COLOR[id].light }
      : { id, label, color: 'var(--text)', hex: THEME.text.light },
  );
  const aidCategories = (declared?.aidCategories ?? DEFAULT_AID_CATEGORIES).map(({ id, label }) => ({
    id,
    label,
    color: 'var(--text)',
    hex: THEME.text.light,
  }));
  return {
    eventKinds: termList(eventKinds),
    aidCategories: termList(aidCategories),
    aidStatuses: termList(aidStatuses),
    contactKinds: new Set(eventKinds.filter((k) => k.contact).map((k) => k.id)),
    inEffectStatuses: new Set(statuses.filter((t) => t.inEffect).map((t) => t.id)),
  };
}

/** A term's label; the id itself for one the vocabulary does not hold (a validated dataset has none). */
export function termLabel(terms: TermList<Term>, id: string): string {
  return terms.byId.get(id)?.label ?? id;
}
