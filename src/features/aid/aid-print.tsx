import { emptyItems, PrintGrade, Refs, type PrintBuilder } from '../../export/print-block';
import type { ViewContext } from '../../filters/view-context';
import { aidPresenter } from '../../records/aid';
import { aidInViewOrder } from './aid-panel';

export const printAid: PrintBuilder<ViewContext> = (args, { book }) => {
  const { index } = args;
  const rows = aidInViewOrder(args);
  return {
    key: 'aid',
    title: 'Weapons and aid tracker',
    breakBefore: true,
    columns: 1,
    table: rows.length
      ? {
          widths: ['28%', '18%', '11%', '11%', '10%', '10%', '12%'],
          head: ['Item', 'Donor → to', 'Amount', 'Announced', 'Effective', 'Status', 'Credibility'],
        }
      : undefined,
    items: rows.length
      ? rows.map((a) => {
          const refs = book.cite(aidPresenter.citations(a));
          const fact = Object.fromEntries(aidPresenter.body(a, index).facts.map((f) => [f.label, f.value]));
          return (m: boolean) => (
            <tr>
              <td>
                <strong>{aidPresenter.label(a, index)}</strong>
                <Refs numbers={refs} measuring={m} />
                {fact['Part of'] ? <div className="b-muted">part of {fact['Part of']}</div> : null}
              </td>
              <td>
                {fact.Donor}
                {fact.To ? ` → ${fact.To}` : ''}
              </td>
              <td>{fact.Amount ?? '—'}</td>
              <td>{fact.Announced}</td>
              <td>{fact.Effective ?? '—'}</td>
              <td>{fact.Status}</td>
              <td>
                <PrintGrade grade={aidPresenter.grade(a, index)} />
              </td>
            </tr>
          );
        })
      : emptyItems('No aid or weapons items match the filters.'),
  };
};
