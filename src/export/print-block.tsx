import { createContext, Fragment, useContext, type ReactNode } from 'react';
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

const EMPTY = new WeakSet<PrintItem[]>();

/** The one item of a block with nothing to show under the filters. */
export const emptyItems = (text: string): PrintItem[] => {
  const items: PrintItem[] = [() => <li className="b-empty">{text}</li>];
  EMPTY.add(items);
  return items;
};

/** True for a block whose only item says that nothing matches. */
export const isEmptyBlock = (block: PrintBlock) => EMPTY.has(block.items);

/** The footnotes of the page being drawn: a document-wide number to its number on this page, and the page's own ids. */
export interface PageNotes {
  local: (n: number) => number | undefined;
  id: (local: number) => string;
}

export const PageNotesContext = createContext<PageNotes | null>(null);

/**
 * Superscript citation numbers, each a link to its footnote on the same page. The measuring copy
 * prints the document-wide numbers, each marked with data-fn, so a page can tell what it cites.
 */
export function Refs({ numbers, measuring }: { numbers: number[]; measuring: boolean }) {
  const notes = useContext(PageNotesContext);
  const shown = measuring || !notes ? numbers : [...new Set(numbers.map((n) => notes.local(n) ?? n))].sort((a, b) => a - b);
  return (
    <sup className="fn-ref">
      {shown.map((n, i) => (
        <Fragment key={n}>
          {i ? ',' : ''}
          {measuring ? <span data-fn={n}>{n}</span> : <a href={`#${notes ? notes.id(n) : `fn-${n}`}`}>{n}</a>}
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
