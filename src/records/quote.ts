import type { Quote } from '../dataset/schema';
import { RECORD_TYPE_NAME } from '../dataset/vocabulary';
import { isolate } from '../lib/bidi';
import { formatDate } from '../lib/dates';
import { actorName, clipText, eventTitle, exportCitations, oneLine, quoted } from './names';
import { factGrade, facts, GRADE_COLUMNS, gradeLine, gradeValues, type Presenter } from './presentation';

/** The speaker, and on whose behalf: "A spokesman for the president". */
export const quoteSpeaker = (q: Quote, index: Parameters<typeof actorName>[0]) =>
  `${actorName(index, q.speaker)}${q.onBehalfOf ? ` for ${actorName(index, q.onBehalfOf)}` : ''}`;

export const quoteModeName = (q: Quote) => (q.mode === 'direct' ? 'Direct quote' : 'Paraphrase');

/** The words, in quotation marks when they are given word for word (cut to `max` inside the marks). */
export const quoteWords = (q: Quote, max?: number) => {
  const words = max === undefined ? oneLine(q.text) : clipText(q.text, max);
  return q.mode === 'direct' ? quoted(words) : words;
};

export const quotePresenter: Presenter<'quote'> = {
  type: 'quote',
  typeName: RECORD_TYPE_NAME.quote.one,
  label: (q, index, max = 110) => {
    const who = actorName(index, q.speaker);
    const words = clipText(q.text, Math.max(20, max - who.length - 4));
    return `${isolate(who)}: ${q.mode === 'direct' ? quoted(isolate(words)) : isolate(words)}`;
  },
  heading: (q, index) => `Quote by ${actorName(index, q.speaker)}`,
  date: (q) => q.date,
  dateText: (q) => formatDate(q.date),
  body: (q, index) => ({
    text: q.text,
    quoted: q.mode === 'direct',
    facts: facts(
      { label: 'Speaker', value: actorName(index, q.speaker) },
      { label: 'On behalf of', value: actorName(index, q.onBehalfOf) },
      { label: 'Mode', value: quoteModeName(q) },
      { label: 'Date', value: formatDate(q.date) },
      { label: 'Setting', value: q.setting ?? '' },
      { label: 'Event', value: q.event ? (index.events.get(q.event)?.title ?? '') : '' },
    ),
    versions: [],
  }),
  lines: (q, index) => {
    const event = q.event ? index.events.get(q.event) : undefined;
    return [
      quoteWords(q),
      `${quoteModeName(q)}, ${quoteSpeaker(q, index)}${q.setting ? `, ${q.setting}` : ''}${event ? `; at: ${event.title}` : ''}.`,
      gradeLine(factGrade(q, index)),
    ];
  },
  columns: () => ['id', 'date', 'date precision', 'speaker', 'on behalf of', 'mode', 'text', 'setting', 'event', ...GRADE_COLUMNS],
  values: (q, index) => ({
    id: q.id,
    date: q.date.value,
    'date precision': q.date.precision,
    speaker: actorName(index, q.speaker),
    'on behalf of': actorName(index, q.onBehalfOf),
    mode: q.mode,
    text: q.text,
    setting: q.setting ?? '',
    event: eventTitle(index, q.event),
    ...gradeValues(factGrade(q, index)),
  }),
  summary: (q, index) => ({ date: q.date.value, title: q.text, detail: actorName(index, q.speaker) }),
  citations: (q) => q.citations,
  grade: (q, index) => factGrade(q, index),
  exportRecord: (q, index) => ({ type: 'quote', ...q, citations: exportCitations(q.citations, index) }),
};
