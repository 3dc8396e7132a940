import { emptyItems, Refs, type PrintBuilder } from '../../export/print-block';
import type { ViewContext } from '../../filters/view-context';
import { discrepancyPresenter } from '../../records/discrepancy';

export const printDiscrepancies: PrintBuilder<ViewContext> = ({ index, selection }, { book, slide }) => ({
  key: 'discrepancies',
  title: 'Discrepancies',
  breakBefore: true,
  columns: slide ? 2 : 1,
  items: selection.discrepancies.length
    ? selection.discrepancies.map((d) => {
        const body = discrepancyPresenter.body(d, index);
        const versions = body.versions.map((v) => ({ v, refs: book.cite([v]) }));
        return (m: boolean) => (
          <li className="b-disc">
            <p className="b-eyebrow">⚠ {body.facts[0].value}</p>
            <h3>{discrepancyPresenter.label(d, index)}</h3>
            <p>{body.text}</p>
            <ul>
              {versions.map(({ v, refs }, i) => (
                <li key={i}>
                  <strong>{v.outlet}:</strong> {v.reading}
                  {v.likelihood ? ` (judged ${v.likelihood})` : ''}
                  <Refs numbers={refs} measuring={m} />
                </li>
              ))}
            </ul>
          </li>
        );
      })
    : emptyItems('No discrepancies match the filters.'),
});
