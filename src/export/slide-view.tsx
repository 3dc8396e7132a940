import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { maxOf } from '../lib/bounds';
import { formatAmount, formatCount } from '../lib/format';
import { THEME } from '../lib/palette';
import { clipText, quoted } from '../records/names';
import { footnoteSource, moreText, type ChartSpec, type Slide, type SlideBlock, type SlideItem } from './slide-model';
import './slides.css';

/** The slide's size in CSS pixels: a PNG of it is this at 1×, twice this at 2×. */
export const SLIDE_WIDTH = 1920;
export const SLIDE_HEIGHT = 1080;

// Slides are made for paper and projectors: always the light theme, whatever the page shows.
const LIGHT = Object.fromEntries(Object.entries(THEME).map(([name, v]) => [`--${name}`, v.light])) as CSSProperties;

const Cites = ({ ns }: { ns: readonly number[] }) =>
  ns.length ? <sup className="slide-cite">{ns.map((n) => `[${n}]`).join('')}</sup> : null;

function Items({ items, more }: { items: readonly SlideItem[]; more: number }) {
  return (
    <ul className="slide-items">
      {items.map((it, i) => (
        <li key={i}>
          <span>{it.text}</span>
          <Cites ns={it.cites} />
          {it.detail ? <span className="slide-detail"> · {it.detail}</span> : null}
        </li>
      ))}
      {more ? <li className="slide-more">{moreText(more)}</li> : null}
    </ul>
  );
}

/** Where a figure goes when its box cannot be measured (a slide laid out hidden, for print). */
export const FIGURE_BOX = { width: 1090, height: 470 };

/** The panel's own chart, drawn in the room its column leaves (measured once the slide is laid out). */
function Figure({ chart }: { chart: Extract<ChartSpec, { type: 'figure' }> }) {
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const { clientWidth: width, clientHeight: height } = el;
      setBox((was) =>
        width > 0 && height > 0 ? (was?.width === width && was.height === height ? was : { width, height }) : (was ?? FIGURE_BOX),
      );
    };
    measure();
    // A slide laid out before it is shown (the dialog's preview) gets its size once it is.
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="slide-figure" role="img" aria-label={chart.alt} data-chart="">
      {box ? chart.draw(box) : null}
    </div>
  );
}

/** The bar chart in slide pixels: its width, a row per bar, the label column and the room for the amounts. */
export const BAR = { width: 1728, row: 58, bar: 36, label: 460, value: 260, minHeight: 150 };

/** A row per bar, the rows taller when there are few (a native chart needs the height to set its type in). */
export const barRow = (bars: number) => Math.max(BAR.row, BAR.minHeight / Math.max(1, bars));

/** Each bar's value as it is written on the slide and in its description: money as formatAmount writes it. */
export const barValues = (chart: Extract<ChartSpec, { type: 'bar' }>) =>
  (chart.series[0]?.values ?? []).map((v) => (chart.currency ? formatAmount({ value: v, currency: chart.currency }) : formatCount(v)));

/** Bars drawn as SVG, each labelled with its category and its value as written (money as formatAmount writes it). */
function BarChart({ chart }: { chart: Extract<ChartSpec, { type: 'bar' }> }) {
  const { categories, series } = chart;
  const values = series[0]?.values ?? [];
  const top = Math.max(1, maxOf(values));
  const written = barValues(chart);
  const { width } = BAR;
  const row = barRow(categories.length);
  const plot = width - BAR.label - BAR.value;
  return (
    <svg
      data-chart=""
      className="slide-bars"
      width="100%"
      viewBox={`0 0 ${width} ${categories.length * row}`}
      role="img"
      aria-label={categories.map((c, i) => `${c}: ${written[i]}`).join(', ')}
    >
      {categories.map((c, i) => {
        const y = i * row + (row - BAR.bar) / 2;
        const w = Math.max(2, (plot * (values[i] ?? 0)) / top);
        return (
          <g key={i}>
            <text x={BAR.label - 16} y={y + BAR.bar / 2} dy="0.35em" textAnchor="end" fontSize={24} fill="var(--text)">
              {clipText(c, 34)}
            </text>
            <rect x={BAR.label} y={y} width={w} height={BAR.bar} fill={chart.colors?.[i]?.css ?? 'var(--series-1)'} />
            <text x={BAR.label + w + 12} y={y + BAR.bar / 2} dy="0.35em" fontSize={24} fontWeight={700} fill="var(--text)">
              {written[i]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Block({ block, n }: { block: SlideBlock; n: number }) {
  const title = 'title' in block && block.title ? <h3 className="slide-block-title">{block.title}</h3> : null;
  switch (block.kind) {
    case 'text':
      return (
        <section className="slide-block" data-block={n}>
          {title}
          <p className={`slide-text${block.quoted ? ' is-quoted' : ''}`}>
            {block.quoted ? quoted(block.text) : block.text}
            <Cites ns={block.cites} />
          </p>
        </section>
      );
    case 'facts':
      return (
        <section className="slide-block" data-block={n}>
          {title}
          <dl className="slide-facts">
            {block.facts.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      );
    case 'list':
      return (
        <section className="slide-block" data-block={n}>
          {title}
          <Items items={block.items} more={block.more} />
        </section>
      );
    case 'quotes':
      return (
        <section className="slide-block" data-block={n}>
          {title}
          <ul className="slide-quotes">
            {block.items.map((q, i) => (
              <li key={i}>
                <blockquote>
                  {q.words}
                  <Cites ns={q.cites} />
                </blockquote>
                <p className="slide-detail">{q.who}</p>
              </li>
            ))}
            {block.more ? <li className="slide-more">{moreText(block.more)}</li> : null}
          </ul>
        </section>
      );
    case 'chart':
      return (
        <section className={`slide-block slide-chart-block${block.column === undefined ? ' is-wide' : ''}`} data-block={n}>
          {title}
          {block.chart.type === 'bar' ? <BarChart chart={block.chart} /> : <Figure chart={block.chart} />}
        </section>
      );
    case 'table':
      return (
        <section className="slide-block is-wide" data-block={n}>
          <table
            className="slide-table"
            style={block.labelWidth ? ({ '--label-width': `${block.labelWidth}px` } as CSSProperties) : undefined}
          >
            <thead>
              <tr>
                {block.head.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  {r.cells.map((c, i) => (
                    <td key={i}>
                      <Items items={c} more={r.more[i] ?? 0} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {block.more ? <p className="slide-more">{block.more}</p> : null}
        </section>
      );
  }
}

/** One slide as the DOM draws it, 1920×1080 CSS pixels: header, content, numbered citations, footer. */
export function SlideView({ slide }: { slide: Slide }) {
  return (
    <article className={`slide slide-${slide.kind}`} style={LIGHT} data-slide="">
      <header className="slide-head">
        <h2 className="slide-headline" data-part="headline">
          {slide.headline}
        </h2>
        <p className="slide-subhead" data-part="subhead">
          {slide.subhead}
        </p>
        {slide.note ? (
          <p className="slide-note" data-part="note">
            {slide.note}
          </p>
        ) : null}
      </header>
      {slide.blocks.length && slide.blocks.some((b) => b.column !== undefined) ? (
        <div
          className={`slide-body is-split${slide.blocks.some((b) => b.kind === 'chart' && b.column === 0) ? ' has-chart' : ''}`}
          data-part="body"
        >
          {slide.blocks.some((b) => b.column === undefined) ? (
            <div className="slide-wide">
              {slide.blocks.map((b, i) => (b.column === undefined ? <Block key={i} block={b} n={i} /> : null))}
            </div>
          ) : null}
          {([0, 1] as const).map((c) => (
            <div key={c} className="slide-column">
              {slide.blocks
                .map((b, i) => [b, i] as const)
                .filter(([b]) => b.column === c)
                .map(([b, i]) => (
                  <Block key={i} block={b} n={i} />
                ))}
            </div>
          ))}
        </div>
      ) : slide.blocks.length ? (
        <div className="slide-body" data-part="body">
          {slide.blocks.map((b, i) => (
            <Block key={i} block={b} n={i} />
          ))}
        </div>
      ) : null}
      {slide.footnotes.length ? (
        <ol className="slide-footnotes" data-part="footnotes">
          {slide.footnotes.map((f) => (
            <li key={f.n} data-fn={f.n}>
              <span className="slide-fn-n">[{f.n}]</span> {footnoteSource(f)}: {quoted(f.excerpt)}
            </li>
          ))}
          {slide.moreFootnotes ? (
            <li className="slide-more" data-fn="more">
              {moreText(slide.moreFootnotes)} citations, in full in the notes
            </li>
          ) : null}
        </ol>
      ) : null}
      <footer className="slide-foot" data-part="foot">
        <span className="slide-source-line" data-part="sources">
          {slide.footer.sources}
        </span>
        <span data-part="meta">
          {slide.footer.dataset} · {slide.footer.madeAt}
        </span>
      </footer>
    </article>
  );
}
