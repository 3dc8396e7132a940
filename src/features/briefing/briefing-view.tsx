import { Fragment, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { DatasetIndex } from '../../dataset/indexes';
import type { Selection } from '../../dataset/select';
import { AppLink } from '../../components/app-link';
import { formatMadeAt, outletNames } from '../../export/caption';
import { footnoteBook, type Footnote } from '../../export/footnotes';
import { paginate, type BlockSize, type NoteSizes, type PagePlan } from '../../export/paginate';
import type { PanelRegistry } from '../../export/panel-registry';
import { isEmptyBlock, PageNotesContext, type PageNotes, type PrintBlock } from '../../export/print-block';
import { writeView, type BriefingFormat, type BriefingShow, type ParsedView } from '../../dataset/url-state';
import { buildDeck, type DeckItem, type PanelPins } from '../../export/deck';
import type { Slide } from '../../export/slide-model';
import { usePinnedSlides } from '../../export/use-pinned-slides';
import { SlideView } from '../../export/slide-view';
import { formatDate } from '../../lib/dates';
import { plural } from '../../lib/format';
import { describeFilters } from '../../records/describe-filters';
import './briefing.css';
import { quoted } from '../../records/names';

const FORMATS: Record<BriefingFormat, string> = { a4: 'A4 portrait', slide: '16:9 slide' };
/** A slide of the deck fills an A4 sheet turned landscape. */
const DECK_FORMATS: Record<BriefingFormat, string> = { a4: 'A4 landscape', slide: '16:9 slide' };
const BLOCK_GAP = 18;

interface Props {
  index: DatasetIndex;
  view: ParsedView;
  selection: Selection;
  params: URLSearchParams;
  navigate: (next: URLSearchParams) => void;
  /** The panels that print, in order, each drawing its records through the record presenters. */
  panels: PanelRegistry;
  /** The briefing tray's pins, and how a pinned panel's slide is made: the deck this view previews. */
  deck: { items: readonly DeckItem[]; panelPins: PanelPins };
}

type Block = PrintBlock;

const NO_PANELS: PanelRegistry = new Map();

function buildBlocks(
  index: DatasetIndex,
  view: ParsedView,
  selection: Selection,
  format: BriefingFormat,
  madeAt: Date,
  panels: PanelRegistry,
): { blocks: Block[]; notes: readonly Footnote[] } {
  const { dataset } = index;
  const book = footnoteBook(index);
  const slide = format === 'slide';
  const outlets = outletNames(selection.shownSources, index);

  const built = [...panels.values()].flatMap((p) => {
    const b = p.print?.build({ book, slide });
    return b ? [{ title: p.title, block: b }] : [];
  });
  // A panel with nothing under the filters is named on the cover instead of taking a page.
  const nothing = built.filter((b) => isEmptyBlock(b.block)).map((b) => b.title);
  const panelBlocks = built.filter((b) => !isEmptyBlock(b.block)).map((b) => b.block);
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
            {nothing.length ? (
              <>
                <dt>Nothing shown</dt>
                <dd>{nothing.join('; ')}: nothing under these filters</dd>
              </>
            ) : null}
            <dt>Outlets</dt>
            <dd>{outlets.length ? outlets.join('; ') : 'none (nothing shown)'}</dd>
            <dt>Dataset</dt>
            <dd>
              Version {dataset.version}, compiled {formatDate({ value: dataset.date, precision: 'day' })}
            </dd>
            <dt>Prepared</dt>
            <dd>{formatMadeAt(madeAt)}</dd>
          </dl>
          <p className="b-note">Superscript numbers point to the sources at the foot of the same page, each with the words as printed.</p>
        </li>
      ),
    ],
  };

  return { blocks: [cover, ...panelBlocks], notes: book.notes };
}

function FootnoteItem({ f, n, id }: { f: Footnote; n: number; id?: string }) {
  return (
    <li id={id} className="b-footnote" data-note={id ? undefined : f.n}>
      <span className="fn-n">[{n}]</span> {f.outlet} — {quoted(f.excerpt)} <span className="b-muted">({f.article})</span>
    </li>
  );
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
    notes: [...items.children].map((c) => [...c.querySelectorAll<HTMLElement>('[data-fn]')].map((e) => Number(e.dataset.fn))),
  };
}

function measureNotes(root: HTMLElement): NoteSizes {
  const list = root.querySelector<HTMLElement>('[data-m="notes"]');
  const heights = new Map<number, number>();
  let sum = 0;
  for (const li of list?.querySelectorAll<HTMLElement>('[data-note]') ?? []) {
    const h = li.getBoundingClientRect().height;
    heights.set(Number(li.dataset.note), h);
    sum += h;
  }
  return { height: (n) => heights.get(n) ?? 0, head: list && heights.size ? list.getBoundingClientRect().height - sum : 0 };
}

export interface PageLayout {
  pages: PagePlan;
  /** The footnotes at the foot of each page, in the order first cited there. */
  notes: number[][];
}

function layoutPages(root: HTMLElement, blocks: Block[]): PageLayout | null {
  const pageBody = root.querySelector<HTMLElement>('[data-m="page-body"]');
  // Under print media the measuring copy is not laid out: nothing to measure.
  if (!pageBody || pageBody.clientHeight === 0) return null;
  const sizes = blocks.map((b) => measureBlock(root.querySelector<HTMLElement>(`[data-block="${b.key}"]`)!, b));
  // Two pixels of slack for rounding between the measuring copy and the pages.
  const pages = paginate(sizes, pageBody.clientHeight - 2, BLOCK_GAP, measureNotes(root));
  const byKey = new Map(sizes.map((z) => [z.key, z]));
  const notes = pages.map((page) => {
    const seen = new Set<number>();
    for (const c of page) for (let i = c.from; i < c.to; i++) for (const n of byKey.get(c.key)?.notes?.[i] ?? []) seen.add(n);
    return [...seen];
  });
  return { pages, notes };
}

const printing = () => window.matchMedia('print').matches;

const noteId = (page: number, n: number) => `fn-${page}-${n}`;

/** Numbers a page's footnotes 1, 2, … in the order it cites them. */
function pageNotes(cited: number[], page: number): PageNotes {
  const local = new Map(cited.map((n, i) => [n, i + 1]));
  return { local: (n) => local.get(n), id: (n) => noteId(page, n) };
}

/**
 * Measures every block off screen once the fonts are in, then packs them into pages. The plan is
 * final when it was measured with every font loaded; it is never measured again under print media
 * (the measuring copy is not laid out there), and printing straight away measures at once.
 */
function usePagePlan(blocks: Block[], measureRef: React.RefObject<HTMLDivElement | null>): { layout: PageLayout; final: boolean } | null {
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ layout: PageLayout; blocks: Block[]; final: boolean } | null>(null);
  const current = useRef({ state, blocks });
  useLayoutEffect(() => {
    current.current = { state, blocks };
  });

  const measure = useCallback((): { layout: PageLayout; blocks: Block[]; final: boolean } | null => {
    const root = measureRef.current;
    const layout = root && !printing() ? layoutPages(root, blocks) : null;
    // Measuring lays the copy out, which may start a font loading: then the plan is not final yet.
    return layout ? { layout, blocks, final: document.fonts.status === 'loaded' } : null;
  }, [blocks, measureRef]);

  useLayoutEffect(() => {
    if (state && state.blocks === blocks && state.final) return;
    if (document.fonts.status === 'loaded') {
      const next = measure();
      if (next) setState(next);
      if (next?.final) return;
    }
    let live = true;
    void document.fonts.ready.then(() => live && setTick((t) => t + 1));
    return () => {
      live = false;
    };
  }, [blocks, tick, measure, state]);

  useEffect(() => {
    // Ctrl+P before the plan is made: make it now, with whatever fonts are in, before the print media applies.
    const beforePrint = () => {
      const { state: s, blocks: b } = current.current;
      if (s && s.blocks === b) return;
      const next = measure();
      if (next) flushSync(() => setState(next));
    };
    const afterPrint = () => setTick((t) => t + 1);
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', afterPrint);
    return () => {
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', afterPrint);
    };
  }, [measure]);

  return state && state.blocks === blocks ? { layout: state.layout, final: state.final } : null;
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
  if (props.view.show === 'deck' && props.deck.items.length) return <DeckPreview {...props} />;
  return <BriefingDocument {...props} ready={ready} />;
}

/** The light theme and the tab's title while the view is open; true once the fonts are in. */
function useBriefingPage(index: DatasetIndex): boolean {
  const [fontsDone, setFontsDone] = useState(false);
  useEffect(() => {
    const root = document.documentElement;
    const had = root.classList.contains('theme-light');
    root.classList.add('theme-light');
    const title = document.title;
    document.title = `${index.dataset.title} — briefing`;
    let live = true;
    void document.fonts.ready.then(() => live && setFontsDone(true));
    return () => {
      live = false;
      if (!had) root.classList.remove('theme-light');
      document.title = title;
    };
  }, [index]);
  return fontsDone;
}

/** Print once the pages are settled: at once, or as soon as they are. */
function useSettledPrint(settled: boolean): { print: () => void; asked: boolean } {
  const waiting = useRef<(() => void)[]>([]);
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!settled) return;
    for (const go of waiting.current.splice(0)) go();
  }, [settled]);
  const print = () => {
    if (settled) return window.print();
    setAsked(true);
    waiting.current.push(() => {
      setAsked(false);
      window.print();
    });
  };
  return { print, asked };
}

interface BarProps {
  view: ParsedView;
  params: URLSearchParams;
  navigate: Props['navigate'];
  showing: BriefingShow;
  pins: number;
  count: string | null;
  print: { print: () => void; asked: boolean };
}

/** Back, what to show (the deck or everything), the layout, Print, and how many sheets. */
function BriefingBar({ view, params, navigate, showing, pins, count, print }: BarProps) {
  const { format } = view;
  const dashboardLink = writeView(params, { briefing: false, format: 'a4', show: 'deck' });
  const formats = showing === 'deck' ? DECK_FORMATS : FORMATS;
  return (
    <nav className="briefing-bar" aria-label="Briefing">
      <AppLink to={dashboardLink} navigate={navigate}>
        ← Back to dashboard
      </AppLink>
      <span className="briefing-formats">
        Show:{' '}
        {pins ? (
          <AppLink to={writeView(params, { show: 'deck' })} navigate={navigate} current={showing === 'deck'}>
            The deck ({plural(pins, 'pin')})
          </AppLink>
        ) : (
          <span className="b-muted">the deck (nothing pinned)</span>
        )}
        {' · '}
        <AppLink to={writeView(params, { show: 'everything' })} navigate={navigate} current={showing === 'everything'}>
          Everything in this view
        </AppLink>
      </span>
      <span className="briefing-formats">
        Layout:{' '}
        {(Object.keys(formats) as BriefingFormat[]).map((f, i) => (
          <Fragment key={f}>
            {i ? ' · ' : ''}
            <AppLink to={writeView(params, { format: f })} navigate={navigate} current={f === format}>
              {formats[f]}
            </AppLink>
          </Fragment>
        ))}
      </span>
      <button type="button" className="briefing-print" onClick={print.print} aria-busy={print.asked || undefined}>
        {print.asked ? 'Preparing the pages…' : 'Print or save as PDF'}
      </button>
      <span className="b-muted">{count ? `${count}, ` : ''}one per sheet; Print waits until the pages are settled.</span>
      {pins === 0 ? (
        <span className="b-hint">
          To build a deck, pin records (“Pin”) or panels (“Pin panel to deck” in a panel’s Export menu) on the dashboard: this view then
          shows the deck’s slides, as its PDF, PNGs and PowerPoint have them.
        </span>
      ) : null}
      {view.notices.length ? (
        <span className="b-notice" role="status">
          {view.notices.join(' · ')}
        </span>
      ) : null}
    </nav>
  );
}

/**
 * The tray's deck, slide by slide, as its PDF, PNGs and PowerPoint have it (one slide model, one
 * renderer): each slide on its own sheet, 16:9 or A4 landscape. Nothing is measured, so nothing can
 * re-paginate: the sheets are the slides.
 */
function DeckPreview({ index, view, params, navigate, deck }: Props) {
  const [madeAt] = useState(() => new Date());
  const { items, panelPins } = deck;
  const { ready } = usePinnedSlides(panelPins, items);
  const slides: Slide[] | null = useMemo(
    () => (ready ? buildDeck(index, items, madeAt, panelPins.slide) : null),
    [ready, index, items, panelPins, madeAt],
  );
  const settled = useBriefingPage(index) && slides !== null;
  const print = useSettledPrint(settled);
  const { format } = view;
  return (
    <div className={`briefing is-deck format-${format}`} data-ready={settled ? 'true' : undefined}>
      <BriefingBar
        view={view}
        params={params}
        navigate={navigate}
        showing="deck"
        pins={deck.items.length}
        count={slides ? plural(slides.length, 'slide') : null}
        print={print}
      />
      <main id="main" className="briefing-pages">
        {slides?.map((s, i, all) => (
          <article key={i} className="briefing-page deck-sheet" aria-label={`Slide ${i + 1} of ${all.length}`} data-kind={s.kind}>
            <div className="deck-frame">
              <div className="deck-scale">
                <SlideView slide={s} />
              </div>
            </div>
          </article>
        ))}
      </main>
    </div>
  );
}

function BriefingDocument({ index, view, selection, params, navigate, panels, ready, deck }: Props & { ready: boolean }) {
  const { format } = view;
  const [madeAt] = useState(() => new Date());
  const measureRef = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const { blocks, notes } = useMemo(
    () => buildBlocks(index, view, selection, format, madeAt, ready ? panels : NO_PANELS),
    [index, view, selection, format, madeAt, ready, panels],
  );
  const planned = usePagePlan(blocks, measureRef);
  const plan = planned?.layout.pages ?? null;
  const fontsDone = useBriefingPage(index);
  const settled = Boolean(planned?.final && fontsDone && ready);
  const print = useSettledPrint(settled);

  useLayoutEffect(() => {
    for (const body of pagesRef.current?.querySelectorAll<HTMLElement>('.page-body') ?? []) {
      const over = body.scrollHeight > body.clientHeight + 1;
      body.toggleAttribute('data-overflow', over);
      if (over) console.warn(`Briefing: content overflows page ${body.dataset.page}`);
    }
  }, [plan]);

  const byKey = new Map(blocks.map((b) => [b.key, b]));
  const footer = `${index.dataset.title} · ${describeFilters(view.filters, index)}`;

  return (
    <div className={`briefing format-${format}`} data-ready={settled ? 'true' : undefined}>
      <BriefingBar
        view={view}
        params={params}
        navigate={navigate}
        showing="everything"
        pins={deck.items.length}
        count={plan ? plural(plan.length, format === 'a4' ? 'page' : 'slide') : null}
        print={print}
      />
      <main id="main" className="briefing-pages" ref={pagesRef} aria-busy={plan ? undefined : true}>
        {plan
          ? plan.map((page, p) => (
              <article key={p} className="briefing-page" aria-label={`${format === 'a4' ? 'Page' : 'Slide'} ${p + 1} of ${plan.length}`}>
                <div className="page-body" data-page={p + 1}>
                  <PageNotesContext.Provider value={pageNotes(planned!.layout.notes[p], p + 1)}>
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
                  </PageNotesContext.Provider>
                  {planned!.layout.notes[p].length ? (
                    <ol className="page-notes" aria-label="Sources on this page">
                      {planned!.layout.notes[p].map((n, i) => (
                        <FootnoteItem key={n} f={notes[n - 1]} n={i + 1} id={noteId(p + 1, i + 1)} />
                      ))}
                    </ol>
                  ) : null}
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
            <ol className="page-notes" data-m="notes">
              {notes.map((f) => (
                <FootnoteItem key={f.n} f={f} n={f.n} />
              ))}
            </ol>
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
