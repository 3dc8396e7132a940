import type { DatasetIndex, RecordOf, Row, RowType } from '../dataset/indexes';
import type { FuzzyDate } from '../dataset/schema';
import { aidPresenter } from './aid';
import { discrepancyPresenter } from './discrepancy';
import { eventPresenter } from './event';
import type { Presenter } from './presentation';
import { quotePresenter } from './quote';

const PRESENTERS: { [T in RowType]: Presenter<T> } = {
  event: eventPresenter,
  quote: quotePresenter,
  aid: aidPresenter,
  discrepancy: discrepancyPresenter,
};

export function presenterOf<T extends RowType>(type: T): Presenter<T> {
  return PRESENTERS[type];
}

/**
 * A row through its type's presenter: every method of it, bound to the row's record, so callers
 * that hold a Row of any type need no switch of their own.
 */
export function present(row: Row, index: DatasetIndex) {
  const p = PRESENTERS[row.type] as Presenter<RowType>;
  const r = row.record as RecordOf<RowType>;
  return {
    type: row.type,
    typeName: p.typeName,
    label: (max?: number) => p.label(r, index, max),
    heading: () => p.heading(r, index),
    date: () => p.date(r),
    dateText: () => p.dateText(r),
    body: () => p.body(r, index),
    lines: (cite?: Parameters<Presenter<RowType>['lines']>[2]) => p.lines(r, index, cite),
    summary: () => p.summary(r, index),
    citations: () => p.citations(r),
    grade: () => p.grade(r, index),
  };
}

/** A one-line name for any record: an event's title, a quote's speaker and words, an item, a topic. */
export function recordLabel(row: Row, index: DatasetIndex, max = 110): string {
  return (PRESENTERS[row.type] as Presenter<RowType>).label(row.record as RecordOf<RowType>, index, max);
}

/** The date a record carries itself; discrepancies have none of their own. */
export function recordDate(row: Row): FuzzyDate | null {
  return (PRESENTERS[row.type] as Presenter<RowType>).date(row.record as RecordOf<RowType>);
}
