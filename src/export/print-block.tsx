import { Fragment, type ReactNode } from 'react';
import type { footnoteBook } from './footnotes';
import type { FactGrade } from '../dataset/grading';
import { CREDIBILITY_LABEL, RELIABILITY_LABEL } from '../dataset/grading-vocabulary';

/** One item of a block; `measuring` is true for the hidden copy used to measure heights (no ids). */
export type PrintItem = (measuring: boolean) => ReactNode;

/** A panel as the briefing view prints it: a heading, an optional figure, then items paginated one by one. */
export interface PrintBlock {
  key: string;
  /** The heading; none for the cover. */
  title: string | null;
  breakBefore: boolean;
  columns: number;
  intro?: ReactNode;
  items: PrintItem[];
  /** Items are table rows under this header; otherwise list items. */
  table?: { widths: string[]; head: string[] };
  className?: string;
}

export interface PrintContext {
  /** Numbers citations across the whole document, in the order the blocks are built. */
  book: ReturnType<typeof footnoteBook>;
  slide: boolean;
}

/** Builds a panel's print block for the view it is given. */
export type PrintBuilder<A> = (args: A, ctx: PrintContext) => PrintBlock;

export const emptyItems = (text: string): PrintItem[] => [() => <li className="b-empty">{text}</li>];

/** Superscript citation numbers, each a link to its footnote (plain numbers in the measuring copy). */
export function Refs({ numbers, measuring }: { numbers: number[]; measuring: boolean }) {
  return (
    <sup className="fn-ref">
      {numbers.map((n, i) => (
        <Fragment key={n}>
          {i ? ',' : ''}
          {measuring ? <span>{n}</span> : <a href={`#fn-${n}`}>{n}</a>}
        </Fragment>
      ))}
    </sup>
  );
}

/** A record's grade on paper, code and words together since print has no hover: "B2 · usually reliable, probably true". */
export function PrintGrade({ grade }: { grade: FactGrade | null }) {
  if (!grade) return null;
  return (
    <span className={`b-grade cred-${grade.credibility}`}>
      {grade.code} · {RELIABILITY_LABEL[grade.reliability].toLowerCase()}, {CREDIBILITY_LABEL[grade.credibility].toLowerCase()}
    </span>
  );
}
