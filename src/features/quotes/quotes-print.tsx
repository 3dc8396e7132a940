import { emptyItems, PrintGrade, Refs, type PrintBuilder } from '../../export/print-block';
import type { ViewContext } from '../../filters/view-context';
import { actorName } from '../../records/names';
import { quotePresenter, quoteWords } from '../../records/quote';

export const printQuotes: PrintBuilder<ViewContext> = ({ index, selection }, { book }) => ({
  key: 'quotes',
  title: 'Quote board',
  breakBefore: true,
  columns: 2,
  items: selection.quotes.length
    ? selection.quotes.map((q) => {
        const refs = book.cite(quotePresenter.citations(q));
        const event = q.event ? index.events.get(q.event) : undefined;
        return (m: boolean) => (
          <li className={`b-quote mode-${q.mode}`}>
            <blockquote>
              {quoteWords(q)}
              <Refs numbers={refs} measuring={m} />
            </blockquote>
            <p className="b-attr">
              — <strong>{actorName(index, q.speaker)}</strong>
              {q.onBehalfOf ? ` for ${actorName(index, q.onBehalfOf)}` : ''}
              {q.mode === 'paraphrase' ? ' (paraphrase)' : ''}
              <span className="b-muted">
                {' '}
                · {quotePresenter.dateText(q)}
                {event ? ` · ${event.title}` : ''}
              </span>{' '}
              <PrintGrade grade={quotePresenter.grade(q, index)} />
            </p>
          </li>
        );
      })
    : emptyItems('No quotes match the filters.'),
});
