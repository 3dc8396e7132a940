import { Fragment, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { DatasetIndex } from '../../dataset/indexes';
import type { Selection } from '../../dataset/select';
import { formatMadeAt, outletNames } from '../../export/caption';
import { footnoteBook, type Footnote } from '../../export/footnotes';
import { paginate, type BlockSize, type PagePlan } from '../../export/paginate';
import type { PanelRegistry } from '../../export/panel-registry';
import { emptyItems, type PrintBlock } from '../../export/print-block';
import { writeView, type BriefingFormat, type ParsedView } from '../../dataset/url-state';
import { formatDate } from '../../lib/dates';
import { plural } from '../../lib/format';
import { describeFilters } from '../../records/describe-filters';
import './briefing.css';

const FORMATS: Record<BriefingFormat, string> = { a4: 'A4 portrait', slide: '16:9 slide' };
const BLOCK_GAP = 18;

interface Props {
  index: DatasetIndex;
  view: ParsedView;
  selection: Selection;
  params: URLSearchParams;
  navigate: (next: URLSearchParams) => void;
  /** The panels that print, in order, each drawing its records through the record presenters. */
  panels: PanelRegistry;
}

type Block = PrintBlock;

const NO_PANELS: PanelRegistry = new Map();

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

function buildBlocks(
  index: DatasetIndex,
  view: ParsedView,
  selection: Selection,
  format: BriefingFormat,
  madeAt: Date,
  panels: PanelRegistry,
): { blocks: Block[]; notes: Footnote[] } {
  const { dataset } = index;
  const book = footnoteBook(index);
  const slide = format === 'slide';
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

  const panelBlocks = [...panels.values()].flatMap((p) => p.print?.build({ book, slide }) ?? []);

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
      : emptyItems('Nothing shown, so nothing cited.'),
  };

  return { blocks: [cover, ...panelBlocks, sources], notes };
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
export function BriefingView(props: Props) {
  const { panels } = props;
  const printing = [...panels.values()].flatMap((p) => (p.print ? [p.print] : []));
  const [, setLoads] = useState(0);
  const ready = printing.every((p) => p.ready());
  useEffect(() => {
    if (ready) return;
    let live = true;
    void Promise.all(printing.map((p) => p.load())).then(() => live && setLoads((n) => n + 1));
    return () => {
      live = false;
    };
  });
  return <BriefingDocument {...props} ready={ready} />;
}

function BriefingDocument({ index, view, selection, params, navigate, panels, ready }: Props & { ready: boolean }) {
  const { format } = view;
  const [madeAt] = useState(() => new Date());
  const measureRef = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const { blocks } = useMemo(
    () => buildBlocks(index, view, selection, format, madeAt, ready ? panels : NO_PANELS),
    [index, view, selection, format, madeAt, ready, panels],
  );
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
    <div className={`briefing format-${format}`} data-ready={plan && fontsDone && ready ? 'true' : undefined}>
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
