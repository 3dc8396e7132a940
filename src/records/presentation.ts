import type { DatasetIndex, RecordOf, RowType } from '../dataset/indexes';
import type { FactGrade } from '../dataset/grading';
import { CREDIBILITY_LABEL, RELIABILITY_LABEL } from '../dataset/grading-vocabulary';
import type { Citation, Fact as GradedFact, FuzzyDate } from '../dataset/schema';

/** One labelled value of a record, in words: "Requested by" — "Ada Varga". */
export interface Fact {
  label: string;
  value: string;
}

/**
 * What a record says, independent of where it is drawn: screen panels, the briefing view, the
 * tray's brief, Markdown and any later slide or deck each render this, none describes a record itself.
 */
export interface RecordBody {
  /** The record's main text: an event's summary, a quote's words, an item's notes, a discrepancy's summary. */
  text: string;
  /** A quote given word for word: its text is shown in quotation marks. */
  quoted: boolean;
  facts: Fact[];
  /** What each source says, for a discrepancy. */
  versions: { source: string; outlet: string; reading: string; excerpt: string; likelihood?: string }[];
}

/** Looks up the number a citation has in the output being made (footnotes, a brief). */
export type CiteNumber = (source: string, excerpt: string) => number | undefined;

/** The record in the whole-dashboard table, where every type shares the same few columns. */
export interface RecordSummary {
  date: string;
  title: string;
  detail: string;
}

export interface Presenter<T extends RowType> {
  type: T;
  /** "Event", "Quote", "Aid item", "Discrepancy". */
  typeName: string;
  /** A one-line name, clipped to about `max` characters. */
  label(record: RecordOf<T>, index: DatasetIndex, max?: number): string;
  /** A heading that names the record in a brief or the provenance panel. */
  heading(record: RecordOf<T>, index: DatasetIndex): string;
  /** The date the record carries itself; discrepancies have none. */
  date(record: RecordOf<T>): FuzzyDate | null;
  /** That date in words, precision shown (an event's range included). */
  dateText(record: RecordOf<T>): string | null;
  body(record: RecordOf<T>, index: DatasetIndex): RecordBody;
  /** The body as plain lines of prose, citation numbers after each source's reading. */
  lines(record: RecordOf<T>, index: DatasetIndex, cite?: CiteNumber): string[];
  /** Table columns for CSV and JSON, `id` first; given all records of the table (discrepancies have one column per reading). */
  columns(records: readonly RecordOf<T>[]): string[];
  values(record: RecordOf<T>, index: DatasetIndex, columns: readonly string[]): Record<string, string>;
  summary(record: RecordOf<T>, index: DatasetIndex): RecordSummary;
  citations(record: RecordOf<T>): Citation[];
  /** Its Admiralty grade (reliability and credibility, with the reason); discrepancies have none. */
  grade(record: RecordOf<T>, index: DatasetIndex): FactGrade | null;
  /** The record for the JSON export: its fields, with each citation's outlet added. */
  exportRecord(record: RecordOf<T>, index: DatasetIndex): unknown;
}

export const emptyBody = (text: string): RecordBody => ({ text, quoted: false, facts: [], versions: [] });

/** Facts with a value; a fact whose value is empty is left out rather than shown blank. */
export const facts = (...list: (Fact | null | false)[]): Fact[] => list.filter((f): f is Fact => !!f && f.value !== '');

/** A fact's grade, as every presenter gives it. */
export const factGrade = (fact: GradedFact, index: DatasetIndex): FactGrade => index.grading.fact(fact);

/** The grade in words, as an accessible name beside its code: "Usually reliable, probably true". */
export const gradeName = (g: Pick<FactGrade, 'reliability' | 'credibility'>) =>
  `${RELIABILITY_LABEL[g.reliability]}, ${CREDIBILITY_LABEL[g.credibility].toLowerCase()}`;

/** The grade as a line of a brief: "Grade B2: Usually reliable · Probably true: 2 independent outlets report it (…)." */
export const gradeLine = (g: FactGrade) => `Grade ${g.code}: ${g.words}.`;

/** Table columns of a graded record, after its own. */
export const GRADE_COLUMNS = ['grade', 'reliability', 'credibility', 'credibility reason'] as const;

export const gradeValues = (g: FactGrade) => ({
  grade: g.code,
  reliability: RELIABILITY_LABEL[g.reliability],
  credibility: CREDIBILITY_LABEL[g.credibility],
  'credibility reason': g.reason,
});
