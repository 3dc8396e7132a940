import { citationsOf } from '../dataset/indexes';
import { DISCREPANCY_KIND_LABEL, RECORD_TYPE_NAME } from '../dataset/vocabulary';
import { LIKELIHOOD_LABEL } from '../dataset/grading-vocabulary';
import type { Discrepancy } from '../dataset/schema';
import { maxOf } from '../lib/bounds';
import { proseText, sourceLabel } from './source';
import type { Presenter } from './presentation';

const readingColumn = (i: number) => `reading ${i + 1}`;

type Version = Discrepancy['versions'][number];

/** How likely we judge a version, in ICD 203 words: " (judged likely)"; never a number. */
export const likelihoodWords = (v: Version) => (v.likelihood ? ` (judged ${LIKELIHOOD_LABEL[v.likelihood]})` : '');

export const discrepancyPresenter: Presenter<'discrepancy'> = {
  type: 'discrepancy',
  typeName: RECORD_TYPE_NAME.discrepancy.one,
  label: (d) => d.topic,
  heading: (d) => d.topic,
  date: () => null,
  dateText: () => null,
  body: (d, index) => ({
    text: proseText(d.summary, index),
    quoted: false,
    facts: [{ label: 'Kind', value: DISCREPANCY_KIND_LABEL[d.kind] }],
    versions: d.versions.map((v) => ({
      source: v.source,
      outlet: sourceLabel(index, v.source),
      reading: proseText(v.reading, index),
      excerpt: v.excerpt,
      ...(v.likelihood ? { likelihood: LIKELIHOOD_LABEL[v.likelihood] } : {}),
    })),
  }),
  lines: (d, index, cite) => [
    proseText(d.summary, index),
    ...d.versions.map((v) => {
      const n = cite?.(v.source, v.excerpt);
      return `${sourceLabel(index, v.source)}${n ? ` [${n}]` : ''}: ${proseText(v.reading, index)}${likelihoodWords(v)}`;
    }),
  ],
  columns: (list) => {
    const most = Math.max(0, maxOf(list.map((d) => d.versions.length)));
    return ['id', 'kind', 'topic', 'summary', ...Array.from({ length: most }, (_, i) => readingColumn(i))];
  },
  values: (d, index, columns) => {
    const readings = columns.filter((c) => c.startsWith('reading '));
    return {
      id: d.id,
      kind: d.kind,
      topic: d.topic,
      summary: proseText(d.summary, index),
      ...Object.fromEntries(
        readings.map((col, i) => [col, d.versions[i] ? `${proseText(d.versions[i].reading, index)}${likelihoodWords(d.versions[i])}` : '']),
      ),
    };
  },
  summary: (d, index) => ({ date: '', title: d.topic, detail: proseText(d.summary, index) }),
  citations: (d) => citationsOf(d),
  grade: () => null,
  exportRecord: (d, index) => ({
    type: 'discrepancy',
    ...d,
    versions: d.versions.map((v) => ({ ...v, outlet: sourceLabel(index, v.source) })),
  }),
};
