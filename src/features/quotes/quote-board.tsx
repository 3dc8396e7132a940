import { memo, useMemo, useRef } from 'react';
import type { DatasetIndex } from '../../dataset/indexes';
import type { Quote } from '../../dataset/schema';
import { Panel } from '../../components/panel';
import { DiscrepancyMarker, SourceBadges } from '../../components/record-bits';
import { RecordActions } from '../../export/record-actions';
import { VIRTUALISE_ABOVE, chunk, gridColumns, useVirtualRows, useWidth } from '../../components/virtual-rows';
import { plural } from '../../lib/format';
import { groupQuotes } from './group-quotes';
import { quotesPanel } from './quotes-panel';
import { actorName } from '../../records/names';
import { quoteModeName, quotePresenter, quoteWords } from '../../records/quote';

/** As in the stylesheet: `.quote-cards` columns are at least 320px, 0.55rem apart. */
const CARD_MIN_WIDTH = 320;
const CARD_GAP = 8.8;

interface Props {
  index: DatasetIndex;
  quotes: Quote[];
  group: 'speaker' | 'event';
  selected: string | null;
  onGroup: (group: 'speaker' | 'event') => void;
  onOpen: (id: string) => void;
}

type BoardRow = { key: string; label: string; count: number } | { key: string; quotes: Quote[] };

export const QuoteBoard = memo(function QuoteBoard({ index, quotes, group, selected, onGroup, onOpen }: Props) {
  const groups = useMemo(() => groupQuotes(quotes, group, index), [quotes, group, index]);
  const speakers = useMemo(() => new Set(quotes.map((q) => q.speaker)).size, [quotes]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const large = quotes.length > VIRTUALISE_ABOVE;
  const columns = gridColumns(useWidth(scrollRef, 800, large), CARD_MIN_WIDTH, CARD_GAP);
  // Long boards scroll in their own box, one row of cards at a time, with each group's heading as a row.
  const rows = useMemo<BoardRow[]>(
    () =>
      large
        ? groups.flatMap((g) => [
            { key: `h:${g.key}`, label: g.label, count: g.quotes.length },
            ...chunk(g.quotes, columns).map((qs) => ({ key: `r:${qs[0].id}`, quotes: qs })),
          ])
        : [],
    [groups, columns, large],
  );
  const virtual = useVirtualRows(scrollRef, rows.length, 180, { threshold: 0, resetKey: groups });
  const card = (q: Quote) => <QuoteCard key={q.id} quote={q} index={index} selected={q.id === selected} onOpen={onOpen} />;
  return (
    <Panel
      title={quotesPanel.title}
      panelId={quotesPanel.id}
      className="quotes"
      subtitle={`${plural(quotes.length, 'quote')} from ${plural(speakers, 'speaker')}`}
      actions={
        <div className="segmented" role="group" aria-label="Group quotes">
          {(['speaker', 'event'] as const).map((g) => (
            <button key={g} type="button" aria-pressed={group === g} onClick={() => onGroup(g)}>
              By {g}
            </button>
          ))}
        </div>
      }
    >
      {quotes.length === 0 ? <p className="empty">No quotes match the filters.</p> : null}
      {large ? (
        <div ref={scrollRef} className="virtual-scroll quote-scroll" tabIndex={0} role="group" aria-label="Quotes, scrollable">
          <div style={virtual.on ? { paddingTop: virtual.before, paddingBottom: virtual.after } : undefined}>
            {(virtual.on ? virtual.items.map((v) => [rows[v.index], v.index] as const) : rows.map((r, i) => [r, i] as const)).map(
              ([row, at]) => {
                const measured = virtual.on ? { ref: virtual.measure, 'data-index': at } : {};
                return 'label' in row ? (
                  <div key={row.key} className="virtual-row group-row" {...measured}>
                    <h3 className="group-title">
                      {row.label} <span className="count">{row.count}</span>
                    </h3>
                  </div>
                ) : (
                  <div key={row.key} className="virtual-row grid-row" {...measured}>
                    <ul className="quote-cards" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
                      {row.quotes.map(card)}
                    </ul>
                  </div>
                );
              },
            )}
          </div>
        </div>
      ) : (
        groups.map((g) => (
          <div key={g.key} className="quote-group">
            <h3 className="group-title">
              {g.label} <span className="count">{g.quotes.length}</span>
            </h3>
            <ul className="quote-cards">{g.quotes.map(card)}</ul>
          </div>
        ))
      )}
    </Panel>
  );
});

function QuoteCard({
  quote: q,
  index,
  selected,
  onOpen,
}: {
  quote: Quote;
  index: DatasetIndex;
  selected: boolean;
  onOpen: (id: string) => void;
}) {
  const event = q.event ? index.events.get(q.event) : undefined;
  const speaker = actorName(index, q.speaker);
  return (
    <li className={`quote-card mode-${q.mode}${selected ? ' is-selected' : ''}`}>
      <span className="mode-tag">{quoteModeName(q)}</span>
      <blockquote>{quoteWords(q)}</blockquote>
      <p className="attribution">
        — <strong>{speaker}</strong>
        {q.onBehalfOf ? <span className="on-behalf"> for {actorName(index, q.onBehalfOf)}</span> : null}
        {q.setting ? <span className="muted">, {q.setting}</span> : null}
      </p>
      <p className="meta">
        <time dateTime={q.date.value}>{quotePresenter.dateText(q)}</time>
        {event ? <span> · {event.title}</span> : null}
        <DiscrepancyMarker id={q.id} index={index} />
      </p>
      <div className="meta">
        <SourceBadges citations={q.citations} index={index} />
        <RecordActions id={q.id} label={`quote by ${speaker}`} detail={q.text} onOpen={onOpen} />
      </div>
    </li>
  );
}
