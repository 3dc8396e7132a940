import type { Event } from '../../dataset/schema';
import { termLabel, type EventKindTerm, type TermList } from '../../dataset/vocabulary';
import { emptyItems, PrintGrade, Refs, type PrintBuilder } from '../../export/print-block';
import type { ViewContext } from '../../filters/view-context';
import { maxOf, minOf } from '../../lib/bounds';
import { EVENT_KIND_COLOR } from '../../lib/palette';
import { dateSpan, formatDay } from '../../lib/dates';
import { plural } from '../../lib/format';
import { eventPresenter } from '../../records/event';
import { proseText } from '../../records/source';
import { focusWindow } from './timeline-data';

/** The contact kinds among the events, by the vocabulary's labels: "call", "meeting or visit". */
const contactNames = (vocabulary: TermList<EventKindTerm>, events: readonly Event[]) =>
  vocabulary.list
    .filter((k) => k.contact && events.some((e) => e.kind === k.id))
    .map((k) => k.label.toLowerCase())
    .join(' or ');

/** The timeline drawn for paper: every kind a lane, contacts as stars, the same focus window as the screen's chart. */
function TimelineStrip({ events, vocabulary }: { events: readonly Event[]; vocabulary: TermList<EventKindTerm> }) {
  const [lo0, hi0] = focusWindow(events);
  const spans = events.map((e) => ({ e, span: dateSpan(e.date, e.end) }));
  const inside = spans.filter(({ span }) => span[0] >= lo0 && span[0] <= hi0);
  if (!inside.length) return null;
  let lo = minOf(inside.map((s) => s.span[0]));
  let hi = maxOf(inside.map((s) => Math.min(s.span[1], Number.isFinite(hi0) ? hi0 : s.span[1])));
  if (hi - lo < 6) {
    lo -= 3;
    hi += 3;
  }
  const kinds = vocabulary.list.map((t) => t.id).filter((k) => inside.some(({ e }) => e.kind === k));
  const W = 1000;
  const left = 118;
  const right = 14;
  const laneH = 22;
  const top = 6;
  const H = top + kinds.length * laneH + 24;
  const x = (d: number) => left + ((d - lo) / (hi - lo)) * (W - left - right);
  const y = (k: Event['kind']) => top + kinds.indexOf(k) * laneH + laneH / 2;
  const ticks = [0, 1, 2, 3, 4].map((i) => Math.round(lo + ((hi - lo) * i) / 4));
  const outside = events.length - inside.length;
  const star = (cx: number, cy: number, r: number) =>
    Array.from({ length: 10 }, (_, i) => {
      const rr = i % 2 === 0 ? r : r * 0.45;
      const a = (Math.PI / 5) * i - Math.PI / 2;
      return `${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`;
    }).join(' ');
  return (
    <figure className="b-figure">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={`Events by kind, ${formatDay(lo)} to ${formatDay(hi)}`}>
        {kinds.map((k) => (
          <g key={k}>
            <line x1={left} x2={W - right} y1={y(k)} y2={y(k)} stroke="#e3e6ea" />
            <text x={left - 8} y={y(k) + 4} textAnchor="end" fontSize="13" fill="#1b1f24">
              {termLabel(vocabulary, k)}
            </text>
          </g>
        ))}
        {ticks.map((t, i) => (
          <text
            key={t}
            x={x(t)}
            y={H - 6}
            textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}
            fontSize="12"
            fill="#57606a"
          >
            {formatDay(t)}
          </text>
        ))}
        {inside.map(({ e, span }) => {
          const cy = y(e.kind);
          const color = vocabulary.byId.get(e.kind)?.hex ?? EVENT_KIND_COLOR.other;
          const fuzzy = e.date.precision !== 'day';
          // A vague date covers its period (a month, a year): drawn faint over it, its mark in the middle, never on the 1st.
          const end = Math.min(span[1], hi);
          const cx = fuzzy ? (x(span[0]) + x(end + 1)) / 2 : x(span[0]);
          return (
            <g key={e.id}>
              {fuzzy && end > span[0] ? (
                <rect
                  x={x(span[0])}
                  y={cy - 5}
                  width={x(end + 1) - x(span[0])}
                  height={10}
                  rx={2}
                  fill={color}
                  fillOpacity="0.18"
                  stroke={color}
                  strokeDasharray="2 2"
                />
              ) : e.end && end > span[0] ? (
                <line x1={cx} x2={x(end)} y1={cy} y2={cy} stroke={color} strokeWidth="4" strokeOpacity="0.35" />
              ) : null}
              {vocabulary.byId.get(e.kind)?.contact ? (
                <polygon points={star(cx, cy, 9)} fill={color} stroke="#fff" />
              ) : (
                <circle
                  cx={cx}
                  cy={cy}
                  r="5.5"
                  fill={fuzzy ? '#fff' : color}
                  stroke={color}
                  strokeWidth="2"
                  strokeDasharray={fuzzy ? '2 2' : undefined}
                />
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="b-legend">
        <span>★ contact ({contactNames(vocabulary, events) || 'none shown'})</span>
        <span>● event on a known day</span>
        <span>◌ date approximate, month or weekday only: a faint span over its period</span>
        <span>▬ spans several days</span>
        {outside ? <span>{plural(outside, 'earlier or later event')} outside the chart, all listed below</span> : null}
      </figcaption>
    </figure>
  );
}

export const printTimeline: PrintBuilder<ViewContext> = ({ index, selection }, { book, slide }) => ({
  key: 'timeline',
  title: 'Call timeline',
  breakBefore: slide,
  columns: slide ? 2 : 1,
  intro: selection.events.length ? <TimelineStrip events={selection.events} vocabulary={index.vocabulary.eventKinds} /> : undefined,
  items: selection.events.length
    ? selection.events.map((e) => {
        const refs = book.cite(eventPresenter.citations(e));
        const actors = eventPresenter.body(e, index).facts.find((f) => f.label === 'Actors')?.value;
        return (m: boolean) => (
          <li className="b-event">
            <div className="b-date">
              {eventPresenter.dateText(e)}
              <span className={`b-kind kind-tag kind-${e.kind}`} style={{ background: index.vocabulary.eventKinds.byId.get(e.kind)?.hex }}>
                {index.vocabulary.contactKinds.has(e.kind) ? '★ ' : ''}
                {termLabel(index.vocabulary.eventKinds, e.kind)}
              </span>
            </div>
            <div>
              <strong>{eventPresenter.label(e, index)}</strong>
              <Refs numbers={refs} measuring={m} /> <span>{proseText(e.summary, index)}</span>
              {actors ? <span className="b-muted"> · {actors}</span> : null} <PrintGrade grade={eventPresenter.grade(e, index)} />
            </div>
          </li>
        );
      })
    : emptyItems('No events match the filters.'),
});
