import { emptyItems, Refs, type PrintBuilder, type PrintItem } from '../../export/print-block';
import type { ViewContext } from '../../filters/view-context';
import { formatDate, formatDateRange } from '../../lib/dates';
import { comparePanel } from './compare-panel';
import { compareEvents, comparedPair, type CompareItem, type CompareRow } from './compare-data';
import { quoted } from '../../records/names';

type Book = Parameters<PrintBuilder<ViewContext>>[1]['book'];

/** One item of one side, with its sources' words as printed, each cited. */
function itemOf(item: CompareItem | undefined, book: Book) {
  if (!item) return () => null;
  const evidence = (item.evidence ?? []).map((ev) => ({ ev, refs: book.cite([{ source: ev.source, excerpt: ev.excerpt }]) }));
  return (m: boolean) => (
    <div className="b-cmp-item">
      {item.text}
      {item.shared ? <span className="b-muted"> (in both)</span> : null}
      {item.detail ? <div className="b-muted">{item.detail}</div> : null}
      {evidence.map(({ ev, refs }, j) => (
        <div key={j} className="b-cmp-ev">
          <strong>
            {ev.outlet}
            {ev.published ? `, ${formatDate(ev.published)}` : ''}:
          </strong>{' '}
          {quoted(ev.excerpt)}
          <Refs numbers={refs} measuring={m} />
          {ev.reading ? <div className="b-muted">{ev.reading}</div> : null}
        </div>
      ))}
    </div>
  );
}

/**
 * A row of the comparison as table rows, the sides' items paired line by line, so that a long row
 * (many printings of one line) can go on across slides.
 */
function rowsOf(row: CompareRow, book: Book): PrintItem[] {
  const lines = Math.max(1, row.a.length, row.b.length);
  const out: PrintItem[] = [];
  for (let i = 0; i < lines; i++) {
    const left = itemOf(row.a[i], book);
    const right = itemOf(row.b[i], book);
    const first = i === 0;
    const more = (n: number | undefined) => (first && n ? <div className="b-muted">{n} earlier not listed</div> : null);
    const none = (items: CompareItem[]) => (first && items.length === 0 ? <span className="b-muted">—</span> : null);
    out.push((m) => (
      <tr className={`${row.differs ? 'b-cmp-differs' : ''}${first ? '' : ' b-cmp-cont'}`}>
        <th scope="row">
          {first ? (
            <>
              {row.label}
              <div className="b-muted">{row.differs ? '≠ differs' : '= same'}</div>
            </>
          ) : (
            <span className="visually-hidden">{row.label}, continued</span>
          )}
        </th>
        <td>
          {none(row.a)}
          {more(row.moreA)}
          {left(m)}
        </td>
        <td>
          {none(row.b)}
          {more(row.moreB)}
          {right(m)}
        </td>
      </tr>
    ));
  }
  return out;
}

/** The two compared events as a table, one row per aspect, every source's words cited. */
export const printCompare: PrintBuilder<ViewContext> = ({ index, selection, view }, { book }) => {
  const [a, b] = comparedPair(selection.events, view.compare, index);
  const cmp = a && b ? compareEvents(index, a, b) : null;
  const head = (e: NonNullable<typeof cmp>['a'], which: string) => `${which}: ${e.title} (${formatDateRange(e.date, e.end)})`;
  return {
    key: 'compare',
    title: comparePanel.title,
    breakBefore: true,
    columns: 1,
    table: cmp ? { widths: ['16%', '42%', '42%'], head: ['Aspect', head(cmp.a, 'First'), head(cmp.b, 'Second')] } : undefined,
    items: cmp ? cmp.rows.flatMap((row) => rowsOf(row, book)) : emptyItems('Fewer than two events match the filters.'),
  };
};
