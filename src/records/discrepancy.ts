import { citationsOf } from '../dataset/indexes';
import { DISCREPANCY_KIND_LABEL, RECORD_TYPE_NAME } from '../dataset/vocabulary';
import { LIKELIHOOD_LABEL } from '../dataset/grading-vocabulary';
import type { Discrepancy } from '../dataset/schema';
import { maxOf } from '../lib/bounds';
import { outletName } from './names';
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
    text: d.summary,
    quoted: false,
    facts: [{ label: 'Kind', value: DISCREPANCY_KIND_LABEL[d.kind] }],
    versions: d.versions.map((v) => ({
      source: v.source,
      outlet: outletName(index, v.source),
      reading: v.reading,
      excerpt: v.excerpt,
      ...(v.likelihood ? { likelihood: LIKELIHOOD_LABEL[v.likelihood] } : {}),
    })),
  }),
  lines: (d, index, cite) => [
    d.summary,
    ...d.versions.map((v) => {
      const n = cite?.(v.source, v.excerpt);
      return `${outletName(index, v.source)}${n ? ` [${n}]` : ''}: ${v.reading}${likelihoodWords(v)}`;
    }),
  ],
  columns: (list) => {
    const most = Math.max(0, maxOf(list.map((d) => d.versions.length)));
    return ['id', 'kind', 'topic', 'summary', ...Array.from({ length: most }, (_, i) => readingColumn(i))];
  },
  values: (d, _index, columns) => {
    const readings = columns.filter((c) => c.startsWith('reading '));
    return {
      id: d.id,
      kind: d.kind,
      topic: d.topic,
      summary: d.summary,
      ...Object.fromEntries(
        readings.map((col, i) => [col, d.versions[i] ? `${d.versions[i].reading}${likelihoodWords(d.versions[i])}` : '']),
      ),
    };
  },
  summary: (d) => ({ date: '', title: d.topic, detail: d.summary }),
  citations: (d) => citationsOf(d),
  grade: () => null,
  exportRecord: (d, index) => ({
    type: 'discrepancy',
    ...d,
    versions: d.versions.map((v) => ({ ...v, outlet: outletName(index, v.source) })),
  }),
};
