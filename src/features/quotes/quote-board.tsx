import type { DatasetIndex } from '../../dataset/indexes';
import type { Quote } from '../../dataset/schema';
import { Panel } from '../../components/panel';
import { DiscrepancyMarker, ProvenanceButton, SourceBadges, actorName } from '../../components/record-bits';
import { formatDate } from '../../lib/dates';
import { plural } from '../../lib/format';
import { groupQuotes } from './group-quotes';

interface Props {
  index: DatasetIndex;
  quotes: Quote[];
  group: 'speaker' | 'event';
  selected: string | null;
  onGroup: (group: 'speaker' | 'event') => void;
  onOpen: (id: string) => void;
}

export function QuoteBoard({ index, quotes, group, selected, onGroup, onOpen }: Props) {
  const groups = groupQuotes(quotes, group, index);
  return (
    <Panel
      title="Quote board"
      className="quotes"
      subtitle={`${plural(quotes.length, 'quote')} from ${plural(new Set(quotes.map((q) => q.speaker)).size, 'speaker')}`}
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
      {groups.map((g) => (
        <div key={g.key} className="quote-group">
          <h3 className="group-title">
            {g.label} <span className="count">{g.quotes.length}</span>
          </h3>
          <ul className="quote-cards">
            {g.quotes.map((q) => (
              <QuoteCard key={q.id} quote={q} index={index} selected={q.id === selected} onOpen={onOpen} />
            ))}
          </ul>
        </div>
      ))}
    </Panel>
  );
}

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
      <span className="mode-tag">{q.mode === 'direct' ? 'Direct quote' : 'Paraphrase'}</span>
      <blockquote>
        {q.mode === 'direct' ? '“' : ''}
        {q.text}
        {q.mode === 'direct' ? '”' : ''}
      </blockquote>
      <p className="attribution">
        — <strong>{speaker}</strong>
        {q.onBehalfOf ? <span className="on-behalf"> for {actorName(index, q.onBehalfOf)}</span> : null}
        {q.setting ? <span className="muted">, {q.setting}</span> : null}
      </p>
      <p className="meta">
        <time dateTime={q.date.value}>{formatDate(q.date)}</time>
        {event ? <span> · {event.title}</span> : null}
        <DiscrepancyMarker id={q.id} index={index} />
      </p>
      <div className="meta">
        <SourceBadges citations={q.citations} index={index} />
        <ProvenanceButton id={q.id} label={`quote by ${speaker}`} onOpen={onOpen} />
      </div>
    </li>
  );
}
