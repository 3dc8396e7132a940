import type { DatasetIndex } from '../dataset/indexes';
import type { AidItem } from '../dataset/schema';
import { formatDate } from '../lib/dates';
import { formatAmount } from '../lib/format';
import { RECORD_TYPE_NAME, termLabel } from '../dataset/vocabulary';
import { actorName, exportCitations } from './names';
import { emptyBody, factGrade, facts, GRADE_COLUMNS, gradeLine, gradeValues, type Presenter } from './presentation';
import { proseText } from './source';

/** The item an aid item is part of, by name. */
export const aidParent = (a: AidItem, index: DatasetIndex) =>
  a.partOf ? ((index.rowById.get(a.partOf)?.record as AidItem | undefined)?.item ?? a.partOf) : '';

/** Where it goes: "the river commission, Northport", either part when known. */
export const aidDestination = (a: AidItem, index: DatasetIndex) =>
  [a.recipient ? actorName(index, a.recipient) : null, a.location ?? null].filter(Boolean).join(', ');

export const aidPresenter: Presenter<'aid'> = {
  type: 'aid',
  typeName: RECORD_TYPE_NAME.aid.one,
  label: (a) => a.item,
  heading: (a) => a.item,
  date: (a) => a.announced,
  dateText: (a) => formatDate(a.announced),
  body: (a, index) => ({
    ...emptyBody(a.notes ? proseText(a.notes, index) : ''),
    facts: facts(
      { label: 'Donor', value: actorName(index, a.donor) },
      { label: 'To', value: aidDestination(a, index) },
      { label: 'Amount', value: a.amount ? formatAmount(a.amount) : '' },
      { label: 'Announced', value: formatDate(a.announced) },
      { label: 'Effective', value: a.effective ? formatDate(a.effective) : '' },
      { label: 'Status', value: termLabel(index.vocabulary.aidStatuses, a.status) },
      { label: 'Part of', value: aidParent(a, index) },
    ),
  }),
  lines: (a, index) => {
    const to = aidDestination(a, index);
    const line = [
      `${actorName(index, a.donor)}${to ? ` → ${to}` : ''}`,
      a.amount ? formatAmount(a.amount) : null,
      `announced ${formatDate(a.announced)}`,
      a.effective ? `effective ${formatDate(a.effective)}` : null,
      `status: ${termLabel(index.vocabulary.aidStatuses, a.status).toLowerCase()}`,
    ].filter(Boolean);
    return [line.join(' · '), ...(a.notes ? [proseText(a.notes, index)] : []), gradeLine(factGrade(a, index))];
  },
  columns: () => [
    'id',
    'item',
    'donor',
    'recipient',
    'location',
    'category',
    'amount',
    'currency',
    'announced',
    'effective',
    'status',
    'part of',
    'notes',
    ...GRADE_COLUMNS,
  ],
  values: (a, index) => ({
    id: a.id,
    item: a.item,
    donor: actorName(index, a.donor),
    recipient: actorName(index, a.recipient),
    location: a.location ?? '',
    category: a.category,
    amount: a.amount ? String(a.amount.value) : '',
    currency: a.amount?.currency ?? '',
    announced: a.announced.value,
    effective: a.effective?.value ?? '',
    status: a.status,
    'part of': aidParent(a, index),
    notes: a.notes ? proseText(a.notes, index) : '',
    ...gradeValues(factGrade(a, index)),
  }),
  summary: (a) => ({ date: a.announced.value, title: a.item, detail: a.status }),
  citations: (a) => a.citations,
  grade: (a, index) => factGrade(a, index),
  exportRecord: (a, index) => ({ type: 'aid', ...a, citations: exportCitations(a.citations, index) }),
};
