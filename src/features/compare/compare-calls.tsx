import { memo, useId, useMemo } from 'react';
import type { DatasetIndex } from '../../dataset/indexes';
import type { Event } from '../../dataset/schema';
import { Panel } from '../../components/panel';
import { Quoted } from '../../components/record-bits';
import { formatDate, formatDateRange } from '../../lib/dates';
import { plural } from '../../lib/format';
import { clipText } from '../../records/names';
import { compareEvents, comparedPair, compareTitle, defaultPair, describePair, type CompareItem, type CompareRow } from './compare-data';
import type { Evidence } from '../../records/event-context';
import { eventOption } from '../../records/event';
import { comparePanel } from './compare-panel';
import './compare-calls.css';

interface Props {
  index: DatasetIndex;
  /** Events of the current selection, in date order. */
  events: Event[];
  /** Ids picked in the URL (zero, one or two); missing ones come from the selection. */
  picked: readonly string[];
  /** One id while the user has picked only the first event. */
  onPick: (ids: string[]) => void;
  onOpen: (id: string) => void;
}

const MAX_OPTIONS = 300;

/** Two events (by default the two latest contacts) side by side, with the rows that differ marked. */
export const CompareCalls = memo(function CompareCalls({ index, events, picked, onPick, onOpen }: Props) {
  const [a, b] = useMemo(() => comparedPair(events, picked, index), [events, picked, index]);
  const cmp = useMemo(() => (a && b ? compareEvents(index, a, b) : null), [index, a, b]);
  const shown = useMemo(() => new Set(events.map((e) => e.id)), [events]);
  const options = useMemo(() => eventOptions(events, [a, b], index), [events, a, b, index]);
  const differing = cmp ? cmp.rows.filter((r) => r.differs).length : 0;
  const fallback = useMemo(() => (picked.length === 0 ? defaultPair(events, index) : null), [events, picked, index]);
  const isDefault = cmp !== null && fallback !== null;
  const what = isDefault ? describePair(fallback, index) : cmp ? 'the two events picked' : '';

  return (
    <Panel
      title={compareTitle(index, comparePanel.title)}
      panelId={comparePanel.id}
      className="compare"
      resetKey={`${a} ${b}`}
      subtitle={
        cmp ? `${plural(differing, 'row differs', 'rows differ')} of ${cmp.rows.length}; comparing ${what}` : 'Pick two events to compare'
      }
    >
      <div className="cmp-pickers" data-export-hide>
        <Picker label="First event" value={a} options={options} onChange={(id) => onPick(b ? [id, b] : [id])} />
        <Picker label="Second event" value={b} options={options} onChange={(id) => onPick(a ? [a, id] : [id])} />
        <button type="button" onClick={() => a && b && onPick([b, a])} disabled={!a || !b}>
          Swap
        </button>
      </div>
      {options.capped ? (
        <p className="muted small">
          The lists offer the {MAX_OPTIONS} latest contacts and the {MAX_OPTIONS} latest other events that match the filters; narrow the
          filters to reach others.
        </p>
      ) : null}
      {!cmp ? (
        <p className="empty">
          {events.length < 2
            ? 'Fewer than two events match the filters.'
            : a !== null || b !== null
              ? 'Pick the second event to compare.'
              : 'Fewer than two contacts match the filters: pick the two events to compare.'}
        </p>
      ) : (
        <table className="cmp-table">
          <caption className="visually-hidden">
            {cmp.a.title} compared with {cmp.b.title}; rows whose values differ are marked “differs”.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="cmp-aspect">
                Aspect
              </th>
              <EventHead event={cmp.a} which="First" hidden={!shown.has(cmp.a.id)} onOpen={onOpen} />
              <EventHead event={cmp.b} which="Second" hidden={!shown.has(cmp.b.id)} onOpen={onOpen} />
            </tr>
          </thead>
          <tbody>
            {cmp.rows.map((row) => (
              <Row key={row.key} row={row} a={cmp.a} b={cmp.b} onOpen={onOpen} />
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
});

interface Options {
  contacts: Event[];
  others: Event[];
  /** Picked events the lists above leave out (hidden by filters, or beyond the cap). */
  hidden: Event[];
  capped: boolean;
}

function eventOptions(events: readonly Event[], picked: (string | null)[], index: DatasetIndex): Options {
  const isContact = (e: Event) => index.vocabulary.contactKinds.has(e.kind);
  const allContacts = events.filter(isContact);
  const rest = events.filter((e) => !isContact(e));
  const contacts = allContacts.slice(-MAX_OPTIONS);
  const others = rest.slice(-MAX_OPTIONS);
  const listed = new Set([...contacts, ...others].map((e) => e.id));
  const hidden = [...new Set(picked)]
    .filter((id): id is string => id !== null && !listed.has(id))
    .map((id) => index.events.get(id))
    .filter((e) => e !== undefined);
  return { contacts, others, hidden, capped: rest.length > others.length || allContacts.length > contacts.length };
}

const optionText = (e: Event) => eventOption(e, (title) => clipText(title, 70));

function Picker({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | null;
  options: Options;
  onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="field cmp-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => e.target.value && onChange(e.target.value)}>
        {value === null ? <option value="">Pick an event…</option> : null}
        {options.contacts.length ? (
          <optgroup label="Contacts">
            {options.contacts.map((e) => (
              <option key={e.id} value={e.id}>
                {optionText(e)}
              </option>
            ))}
          </optgroup>
        ) : null}
        {options.others.length ? (
          <optgroup label="Other events">
            {options.others.map((e) => (
              <option key={e.id} value={e.id}>
                {optionText(e)}
              </option>
            ))}
          </optgroup>
        ) : null}
        {options.hidden.length ? (
          <optgroup label="Picked (not in the lists above)">
            {options.hidden.map((e) => (
              <option key={e.id} value={e.id}>
                {optionText(e)}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </div>
  );
}

function EventHead({ event, which, hidden, onOpen }: { event: Event; which: string; hidden: boolean; onOpen: (id: string) => void }) {
  return (
    <th scope="col" className="cmp-event-head">
      <span className="cmp-which">{which}</span>
      <span className="cmp-title">{event.title}</span>
      <span className="muted small">{formatDateRange(event.date, event.end)}</span>
      {hidden ? <span className="cmp-hidden">Hidden by filters</span> : null}
      <button
        type="button"
        className="link-button"
        onClick={() => onOpen(event.id)}
        aria-label={`Sources for ${event.title}, compared as ${which.toLowerCase()}`}
        data-export-hide
      >
        Sources
      </button>
    </th>
  );
}

function Row({ row, a, b, onOpen }: { row: CompareRow; a: Event; b: Event; onOpen: (id: string) => void }) {
  return (
    <tr className={row.differs ? 'cmp-differs' : undefined} data-row={row.key}>
      <th scope="row" className="cmp-aspect">
        <span>{row.label}</span>
        {row.differs ? (
          <span className="cmp-flag is-differs">
            <span aria-hidden="true">≠</span> differs
          </span>
        ) : (
          <span className="cmp-flag is-same">
            <span aria-hidden="true">=</span> same
          </span>
        )}
      </th>
      <Cell
        items={row.a}
        more={row.moreA ?? 0}
        aspect={row.label}
        side={`First · ${formatDate(a.date)}`}
        fold={row.key.startsWith('said')}
        onOpen={onOpen}
      />
      <Cell
        items={row.b}
        more={row.moreB ?? 0}
        aspect={row.label}
        side={`Second · ${formatDate(b.date)}`}
        fold={row.key.startsWith('said')}
        onOpen={onOpen}
      />
    </tr>
  );
}

interface CellProps {
  items: CompareItem[];
  more: number;
  /** The row's name, so each Sources button in the table has a name of its own. */
  aspect: string;
  side: string;
  /** Fold the sources' words away (a quote's printings), leaving the outlets in view. */
  fold: boolean;
  onOpen: (id: string) => void;
}

function Cell({ items, more, aspect, side, fold, onOpen }: CellProps) {
  return (
    <td className="cmp-cell">
      <span className="cmp-side">{side}</span>
      {items.length === 0 ? <span className="muted">—</span> : null}
      {more > 0 ? <p className="muted small">{plural(more, 'earlier event')} not listed</p> : null}
      <ul className="cmp-items">
        {items.map((item, i) => (
          <li key={`${item.recordId ?? ''}${i}`}>
            <span className="cmp-item-text">{item.text}</span>
            {item.shared ? <span className="cmp-shared">in both</span> : null}
            {item.recordId ? (
              <button
                type="button"
                className="link-button"
                onClick={() => onOpen(item.recordId!)}
                data-export-hide
                aria-label={`Sources for ${clipText(item.text, 60)}; ${aspect}, ${side}`}
              >
                Sources
              </button>
            ) : null}
            {item.detail ? <span className="cmp-detail">{item.detail}</span> : null}
            {item.evidence?.length ? (
              fold ? (
                <details className="cmp-fold">
                  <summary>Printed by {[...new Set(item.evidence.map((ev) => ev.outlet))].join(', ')}</summary>
                  <EvidenceList evidence={item.evidence} />
                </details>
              ) : (
                <EvidenceList evidence={item.evidence} />
              )
            ) : null}
          </li>
        ))}
      </ul>
    </td>
  );
}

function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  return (
    <ul className="cmp-evidence">
      {evidence.map((ev, j) => (
        <li key={j}>
          <span className="cmp-outlet">
            {ev.outlet}
            {ev.published ? `, ${formatDate(ev.published)}` : ''}:
          </span>{' '}
          <Quoted text={ev.excerpt} />
          {ev.reading ? <span className="cmp-detail">{ev.reading}</span> : null}
        </li>
      ))}
    </ul>
  );
}
