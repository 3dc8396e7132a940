import { Fragment, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { DatasetIndex } from '../dataset/indexes';
import type { AidItem, Event } from '../dataset/schema';
import type { Selection } from '../dataset/select';
import { writeView, type BriefingFormat, type ParsedView } from '../dataset/url-state';
import { describeFilters } from '../app/describe-filters';
import { DISCREPANCY_KIND_LABEL, termLabel, type EventKindTerm, type TermList } from '../dataset/vocabulary';
import { EVENT_KIND_COLOR } from '../lib/palette';
import { sortAid } from '../features/aid/aid-data';
import { focusWindow } from '../features/timeline/timeline-data';
import { dateSpan, formatDate, formatDateRange, formatDay } from '../lib/dates';
import { formatAmount, plural } from '../lib/format';
import { formatMadeAt, outletNames } from './caption';
import { footnoteBook, type Footnote } from './footnotes';
import { paginate, type BlockSize, type PagePlan } from './paginate';
import './briefing.css';
import { maxOf, minOf } from '../lib/bounds';

const FORMATS: Record<BriefingFormat, string> = { a4: 'A4 portrait', slide: '16:9 slide' };
const BLOCK_GAP = 18;

interface Props {
  index: DatasetIndex;
  view: ParsedView;
  selection: Selection;
  params: URLSearchParams;
  navigate: (next: URLSearchParams) => void;
}

/** One item of a block; `measuring` is true for the hidden copy used to measure heights (no ids). */
type Item = (measuring: boolean) => ReactNode;

interface Block {
  key: string;
  /** The heading; none for the cover. */
  title: string | null;
  breakBefore: boolean;
  columns: number;
  intro?: ReactNode;
  items: Item[];
  /** Items are table rows under this header; otherwise list items. */
  table?: { widths: string[]; head: string[] };
  className?: string;
}

/** Links inside the app change the URL without reloading; a modified click still opens a tab. */
function AppLink({
  to,
  navigate,
  children,
  current,
}: {
  to: URLSearchParams;
  navigate: Props['navigate'];
  children: ReactNode;
  current?: boolean;
}) {
  const query = to.toString();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={query ? `?${query}` : window.location.pathname} onClick={onClick} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

function Refs({ numbers, measuring }: { numbers: number[]; measuring: boolean }) {
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
          const cx = x(span[0]);
          const cy = y(e.kind);
          const color = vocabulary.byId.get(e.kind)?.hex ?? EVENT_KIND_COLOR.other;
          const fuzzy = e.date.precision !== 'day';
          // Only events that really last several days get a bar; a vague date is drawn dashed instead.
          const end = e.end ? Math.min(span[1], hi) : span[0];
          return (
            <g key={e.id}>
              {end > span[0] ? <line x1={cx} x2={x(end)} y1={cy} y2={cy} stroke={color} strokeWidth="4" strokeOpacity="0.35" /> : null}
              {e.kind === 'call' ? (
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
        <span>
          <span style={{ color: EVENT_KIND_COLOR.call }}>★</span> call
        </span>
        <span>● event on a known day</span>
        <span>◌ date approximate, month or weekday only</span>
        <span>▬ spans several days</span>
        {outside ? <span>{plural(outside, 'earlier or later event')} outside the chart, all listed below</span> : null}
      </figcaption>
    </figure>
  );
}

function buildBlocks(
  index: DatasetIndex,
  view: ParsedView,
  selection: Selection,
  format: BriefingFormat,
  madeAt: Date,
): { blocks: Block[]; notes: Footnote[] } {
  const { dataset } = index;
  const book = footnoteBook(index);
  const slide = format === 'slide';
  const name = (id: string | undefined) => (id ? (index.actors.get(id)?.name ?? id) : '');
  const empty = (text: string): Item[] => [() => <li className="b-empty">{text}</li>];
  const outlets = outletNames(selection.shownSources, index);

  const cover: Block = {
    key: 'cover',
    title: null,
    breakBefore: true,
    columns: 1,
    className: 'b-cover',
    items: [
      () => (
        <li className="b-cover-body">
          <p className="b-eyebrow">Briefing · {FORMATS[format]}</p>
          <h1>{dataset.title}</h1>
          <dl className="b-facts">
            <dt>Filters</dt>
            <dd>{describeFilters(view.filters, index)}</dd>
            <dt>Shown</dt>
            <dd>
              {plural(selection.events.length, 'event')}, {plural(selection.quotes.length, 'quote')},{' '}
              {plural(selection.aid.length, 'aid item')}, {plural(selection.discrepancies.length, 'discrepancy', 'discrepancies')}
            </dd>
            <dt>Outlets</dt>
            <dd>{outlets.length ? outlets.join('; ') : 'none (nothing shown)'}</dd>
            <dt>Dataset</dt>
            <dd>
              Version {dataset.version}, compiled {formatDate({ value: dataset.date, precision: 'day' })}
            </dd>
            <dt>Prepared</dt>
            <dd>{formatMadeAt(madeAt)}</dd>
          </dl>
          <p className="b-note">Superscript numbers point to the sources cited at the end, each with the words as printed.</p>
        </li>
      ),
    ],
  };

  const events: Block = {
    key: 'timeline',
    title: 'Call timeline',
    breakBefore: slide,
    columns: slide ? 2 : 1,
    intro: selection.events.length ? <TimelineStrip events={selection.events} vocabulary={index.vocabulary.eventKinds} /> : undefined,
    items: selection.events.length
      ? selection.events.map((e) => {
          const refs = book.cite(e.citations);
          return (m: boolean) => (
            <li className="b-event">
              <div className="b-date">
                {formatDateRange(e.date, e.end)}
                <span
                  className={`b-kind kind-tag kind-${e.kind}`}
                  style={{ background: index.vocabulary.eventKinds.byId.get(e.kind)?.hex }}
                >
                  {e.kind === 'call' ? '★ ' : ''}
                  {termLabel(index.vocabulary.eventKinds, e.kind)}
                </span>
              </div>
              <div>
                <strong>{e.title}</strong>
                <Refs numbers={refs} measuring={m} /> <span>{e.summary}</span>
                {e.actors.length ? <span className="b-muted"> · {e.actors.map(name).join(', ')}</span> : null}
              </div>
            </li>
          );
        })
      : empty('No events match the filters.'),
  };

  const quotes: Block = {
    key: 'quotes',
    title: 'Quote board',
    breakBefore: true,
    columns: 2,
    items: selection.quotes.length
      ? selection.quotes.map((q) => {
          const refs = book.cite(q.citations);
          const event = q.event ? index.events.get(q.event) : undefined;
          return (m: boolean) => (
            <li className={`b-quote mode-${q.mode}`}>
              <blockquote>
                {q.mode === 'direct' ? `“${q.text}”` : q.text}
                <Refs numbers={refs} measuring={m} />
              </blockquote>
              <p className="b-attr">
                — <strong>{name(q.speaker)}</strong>
                {q.onBehalfOf ? ` for ${name(q.onBehalfOf)}` : ''}
                {q.mode === 'paraphrase' ? ' (paraphrase)' : ''}
                <span className="b-muted">
                  {' '}
                  · {formatDate(q.date)}
                  {event ? ` · ${event.title}` : ''}
                </span>
              </p>
            </li>
          );
        })
      : empty('No quotes match the filters.'),
  };

  const aidRows = sortAid(selection.aid, view.sort.key, view.sort.dir, index);
  const aid: Block = {
    key: 'aid',
    title: 'Weapons and aid tracker',
    breakBefore: true,
    columns: 1,
    table: aidRows.length
      ? { widths: ['34%', '20%', '12%', '12%', '11%', '11%'], head: ['Item', 'Donor → to', 'Amount', 'Announced', 'Effective', 'Status'] }
      : undefined,
    items: aidRows.length
      ? aidRows.map((a) => {
          const refs = book.cite(a.citations);
          const parent = a.partOf ? (index.rowById.get(a.partOf)?.record as AidItem | undefined) : undefined;
          return (m: boolean) => (
            <tr>
              <td>
                <strong>{a.item}</strong>
                <Refs numbers={refs} measuring={m} />
                {parent ? <div className="b-muted">part of {parent.item}</div> : null}
              </td>
              <td>
                {name(a.donor)}
                {a.recipient || a.location ? ` → ${[a.recipient ? name(a.recipient) : null, a.location].filter(Boolean).join(', ')}` : ''}
              </td>
              <td>{formatAmount(a.amount)}</td>
              <td>{formatDate(a.announced)}</td>
              <td>{a.effective ? formatDate(a.effective) : '—'}</td>
              <td>{termLabel(index.vocabulary.aidStatuses, a.status)}</td>
            </tr>
          );
        })
      : empty('No aid or weapons items match the filters.'),
  };

  const discrepancies: Block = {
    key: 'discrepancies',
    title: 'Discrepancies',
    breakBefore: true,
    columns: slide ? 2 : 1,
    items: selection.discrepancies.length
      ? selection.discrepancies.map((d) => {
          const versions = d.versions.map((v) => ({ v, refs: book.cite([v]) }));
          return (m: boolean) => (
            <li className="b-disc">
              <p className="b-eyebrow">⚠ {DISCREPANCY_KIND_LABEL[d.kind]}</p>
              <h3>{d.topic}</h3>
              <p>{d.summary}</p>
              <ul>
                {versions.map(({ v, refs }, i) => (
                  <li key={i}>
                    <strong>{index.sources.get(v.source)?.outlet ?? v.source}:</strong> {v.reading}
                    <Refs numbers={refs} measuring={m} />
                  </li>
                ))}
              </ul>
            </li>
          );
        })
      : empty('No discrepancies match the filters.'),
  };

  const notes = book.notes;
  const sources: Block = {
    key: 'sources',
    title: 'Sources cited',
    breakBefore: true,
    columns: slide ? 2 : 1,
    className: 'b-footnotes',
    items: notes.length
      ? notes.map((f) => (m: boolean) => (
          <li id={m ? undefined : `fn-${f.n}`} className="b-footnote">
            <span className="fn-n">[{f.n}]</span> {f.outlet} — “{f.excerpt}” <span className="b-muted">({f.article})</span>
          </li>
        ))
      : empty('Nothing shown, so nothing cited.'),
  };

  return { blocks: [cover, events, quotes, aid, discrepancies, sources], notes };
}

function BlockView({
  block,
  from,
  to,
  continued,
  gapBefore,
  measuring,
}: {
  block: Block;
  from: number;
  to: number;
  continued: boolean;
  gapBefore: boolean;
  measuring: boolean;
}) {
  const headingId = useId();
  const items = block.items.slice(from, to).map((item, i) => <Fragment key={from + i}>{item(measuring)}</Fragment>);
  const body = block.table ? (
    <table className="b-table">
      <colgroup>
        {block.table.widths.map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {block.table.head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody data-m="items">{items}</tbody>
    </table>
  ) : (
    <ol className="b-items" data-m="items" style={{ gridTemplateColumns: `repeat(${block.columns}, minmax(0, 1fr))` }}>
      {items}
    </ol>
  );
  const style = gapBefore ? { marginTop: BLOCK_GAP } : undefined;
  const content = (
    <>
      {block.title ? (
        <h2 id={measuring ? undefined : headingId} className="b-head">
          {block.title}
          {continued ? <span className="b-cont"> (continued)</span> : null}
        </h2>
      ) : null}
      {!continued && block.intro ? (
        <div className="b-intro" data-m="intro">
          {block.intro}
        </div>
      ) : null}
      {body}
    </>
  );
  const className = `b-block b-${block.key} ${block.className ?? ''}`;
  if (!block.title) {
    return (
      <header className={className} style={style} data-block={measuring ? block.key : undefined}>
        {content}
      </header>
    );
  }
  return (
    <section
      className={className}
      style={style}
      aria-labelledby={measuring ? undefined : headingId}
      data-block={measuring ? block.key : undefined}
    >
      {content}
    </section>
  );
}

function measureBlock(el: HTMLElement, block: Block): BlockSize {
  const top = el.getBoundingClientRect().top;
  const items = el.querySelector<HTMLElement>('[data-m="items"]')!;
  const intro = el.querySelector<HTMLElement>(':scope > [data-m="intro"]');
  const thead = el.querySelector<HTMLElement>('thead');
  const itemsTop = items.getBoundingClientRect().top;
  const heights = [...items.children].map((c) => c.getBoundingClientRect().height);
  const last = items.lastElementChild?.getBoundingClientRect().bottom ?? itemsTop;
  const theadH = thead && intro ? thead.getBoundingClientRect().height : 0;
  const introTop = intro?.getBoundingClientRect().top ?? itemsTop;
  return {
    key: block.key,
    head: introTop - top + theadH,
    intro: intro ? itemsTop - introTop - theadH : 0,
    items: heights,
    columns: block.columns,
    gap: block.table ? 0 : parseFloat(getComputedStyle(items).rowGap) || 0,
    tail: el.getBoundingClientRect().bottom - last,
    breakBefore: block.breakBefore,
  };
}

/** Measures every block off screen (after the fonts are in), then packs them into pages. */
function usePagePlan(blocks: Block[], measureRef: React.RefObject<HTMLDivElement | null>): PagePlan | null {
  const [fontsTick, setFontsTick] = useState(0);
  const [state, setState] = useState<{ plan: PagePlan; blocks: Block[]; tick: number } | null>(null);

  useEffect(() => {
    let live = true;
    const bump = () => live && setFontsTick((t) => t + 1);
    void document.fonts.ready.then(bump);
    document.fonts.addEventListener('loadingdone', bump);
    return () => {
      live = false;
      document.fonts.removeEventListener('loadingdone', bump);
    };
  }, []);

  useLayoutEffect(() => {
    const root = measureRef.current;
    if (!root) return;
    const pageBody = root.querySelector<HTMLElement>('[data-m="page-body"]');
    if (!pageBody) return;
    const sizes = blocks.map((b) => measureBlock(root.querySelector<HTMLElement>(`[data-block="${b.key}"]`)!, b));
    // Two pixels of slack for rounding between the measuring copy and the pages.
    setState({ plan: paginate(sizes, pageBody.clientHeight - 2, BLOCK_GAP), blocks, tick: fontsTick });
  }, [blocks, fontsTick, measureRef]);

  return state && state.blocks === blocks ? state.plan : null;
}

/**
 * The current view as a document: light theme, no controls, laid out on A4 portrait pages or 16:9
 * slides that print one to a sheet, every record's sources as numbered footnotes at the end.
 */
export function BriefingView({ index, view, selection, params, navigate }: Props) {
  const { format } = view;
  const [madeAt] = useState(() => new Date());
  const measureRef = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const { blocks } = useMemo(() => buildBlocks(index, view, selection, format, madeAt), [index, view, selection, format, madeAt]);
  const plan = usePagePlan(blocks, measureRef);
  const [fontsDone, setFontsDone] = useState(false);

  useEffect(() => {
    const root = document.documentElement;
    const had = root.classList.contains('theme-light');
    root.classList.add('theme-light');
    const title = document.title;
    document.title = `${index.dataset.title} — briefing`;
    void document.fonts.ready.then(() => setFontsDone(true));
    return () => {
      if (!had) root.classList.remove('theme-light');
      document.title = title;
    };
  }, [index]);

  useLayoutEffect(() => {
    for (const body of pagesRef.current?.querySelectorAll<HTMLElement>('.page-body') ?? []) {
      const over = body.scrollHeight > body.clientHeight + 1;
      body.toggleAttribute('data-overflow', over);
      if (over) console.warn(`Briefing: content overflows page ${body.dataset.page}`);
    }
  }, [plan]);

  const dashboardLink = writeView(params, { briefing: false, format: 'a4' });
  const formatLink = (f: BriefingFormat) => writeView(params, { format: f });
  const byKey = new Map(blocks.map((b) => [b.key, b]));
  const footer = `${index.dataset.title} · ${describeFilters(view.filters, index)}`;

  return (
    <div className={`briefing format-${format}`} data-ready={plan && fontsDone ? 'true' : undefined}>
      <nav className="briefing-bar" aria-label="Briefing">
        <AppLink to={dashboardLink} navigate={navigate}>
          ← Back to dashboard
        </AppLink>
        <span className="briefing-formats">
          Layout:{' '}
          {(Object.keys(FORMATS) as BriefingFormat[]).map((f, i) => (
            <Fragment key={f}>
              {i ? ' · ' : ''}
              <AppLink to={formatLink(f)} navigate={navigate} current={f === format}>
                {FORMATS[f]}
              </AppLink>
            </Fragment>
          ))}
        </span>
        <span className="b-muted">Print or save as PDF from the browser: one {format === 'a4' ? 'page' : 'slide'} per sheet.</span>
        {view.notices.length ? (
          <span className="b-notice" role="status">
            {view.notices.join(' · ')}
          </span>
        ) : null}
      </nav>
      <main id="main" className="briefing-pages" ref={pagesRef} aria-busy={plan ? undefined : true}>
        {plan
          ? plan.map((page, p) => (
              <article key={p} className="briefing-page" aria-label={`${format === 'a4' ? 'Page' : 'Slide'} ${p + 1} of ${plan.length}`}>
                <div className="page-body" data-page={p + 1}>
                  {page.map((c, i) => (
                    <BlockView
                      key={`${c.key}-${c.from}`}
                      block={byKey.get(c.key)!}
                      from={c.from}
                      to={c.to}
                      continued={c.continued}
                      gapBefore={i > 0}
                      measuring={false}
                    />
                  ))}
                </div>
                <footer className="page-foot">
                  <span className="page-foot-text">{footer}</span>
                  <span>
                    {p + 1} / {plan.length}
                  </span>
                </footer>
              </article>
            ))
          : null}
      </main>
      <div className="briefing-measure" ref={measureRef} aria-hidden="true" inert>
        <div className="briefing-page">
          <div className="page-body" data-m="page-body">
            {blocks.map((b) => (
              <BlockView key={b.key} block={b} from={0} to={b.items.length} continued={false} gapBefore={false} measuring />
            ))}
          </div>
          <footer className="page-foot">
            <span className="page-foot-text">{footer}</span>
            <span>1 / 1</span>
          </footer>
        </div>
      </div>
    </div>
  );
}
