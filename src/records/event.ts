import type { Event } from '../dataset/schema';
import { formatDate, formatDateRange } from '../lib/dates';
import { PRECISION_LABEL, RECORD_TYPE_NAME, termLabel } from '../dataset/vocabulary';
import { actorName, actorNames, exportCitations } from './names';
import { emptyBody, factGrade, facts, GRADE_COLUMNS, gradeLine, gradeValues, type Presenter } from './presentation';
import { proseText } from './source';

export const eventPresenter: Presenter<'event'> = {
  type: 'event',
  typeName: RECORD_TYPE_NAME.event.one,
  label: (e) => e.title,
  heading: (e) => e.title,
  date: (e) => e.date,
  dateText: (e) => formatDateRange(e.date, e.end),
  body: (e, index) => ({
    ...emptyBody(proseText(e.summary, index)),
    facts: facts(
      { label: 'Kind', value: termLabel(index.vocabulary.eventKinds, e.kind) },
      { label: 'Date', value: formatDateRange(e.date, e.end) },
      e.date.precision !== 'day' && { label: 'Date precision', value: PRECISION_LABEL[e.date.precision] },
      { label: 'Actors', value: actorNames(index, e.actors, ', ') },
      { label: 'Requested by', value: actorName(index, e.initiatedBy) },
    ),
  }),
  lines: (e, index) => [
    proseText(e.summary, index),
    ...(e.initiatedBy ? [`Requested by ${actorName(index, e.initiatedBy)}, as the sources tell it.`] : []),
    gradeLine(factGrade(e, index)),
  ],
  columns: () => [
    'id',
    'date',
    'end',
    'date precision',
    'date as printed',
    'kind',
    'title',
    'summary',
    'actors',
    'requested by',
    ...GRADE_COLUMNS,
  ],
  values: (e, index) => ({
    id: e.id,
    date: e.date.value,
    end: e.end?.value ?? '',
    'date precision': e.date.precision,
    'date as printed': e.date.as ?? '',
    kind: e.kind,
    title: e.title,
    summary: proseText(e.summary, index),
    actors: actorNames(index, e.actors),
    'requested by': actorName(index, e.initiatedBy),
    ...gradeValues(factGrade(e, index)),
  }),
  summary: (e, index) => ({ date: e.date.value, title: e.title, detail: proseText(e.summary, index) }),
  citations: (e) => e.citations,
  grade: (e, index) => factGrade(e, index),
  exportRecord: (e, index) => ({ type: 'event', ...e, citations: exportCitations(e.citations, index) }),
};

/** "12 Jul 2024 — Call between …": how an event is offered in a picker. */
export const eventOption = (e: Event, clip: (s: string) => string) => `${formatDate(e.date)} — ${clip(e.title)}`;
