import type { CSSProperties } from 'react';
import { maxOf } from '../lib/bounds';
import { THEME } from '../lib/palette';
import { footnoteSource, moreText, type Slide, type SlideBlock, type SlideItem } from './slide-model';
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

function Block({ block, n }: { block: SlideBlock; n: number }) {
  const title = 'title' in block && block.title ? <h3 className="slide-block-title">{block.title}</h3> : null;
  switch (block.kind) {
    case 'text':
      return (
        <section className="slide-block" data-block={n}>
          {title}
          <p className={`slide-text${block.quoted ? ' is-quoted' : ''}`}>
            {block.quoted ? `“${block.text}”` : block.text}
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
    case 'chart': {
      const { categories, series } = block.chart;
      const values = series[0]?.values ?? [];
      const top = Math.max(1, maxOf(values));
      return (
        <section className="slide-block is-wide" data-block={n}>
          {title}
          <div className="slide-chart" role="img" aria-label={categories.map((c, i) => `${c}: ${values[i]}`).join(', ')}>
            {categories.map((c, i) => (
              <div key={c} className="slide-bar-row">
                <span className="slide-bar-label">{c}</span>
                <span className="slide-bar-track">
                  <span className="slide-bar" style={{ width: `${(100 * (values[i] ?? 0)) / top}%` }} />
                </span>
                <span className="slide-bar-value">{values[i] ?? 0}</span>
              </div>
            ))}
          </div>
        </section>
      );
    }
    case 'table':
      return (
        <section className="slide-block is-wide" data-block={n}>
          <table className="slide-table">
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
        <div className="slide-body is-split" data-part="body">
          {([0, 1] as const).map((c) => (
            <div key={c} className="slide-column">
              {slide.blocks
                .map((b, i) => [b, i] as const)
                .filter(([b]) => (b.column ?? 0) === c)
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
              <span className="slide-fn-n">[{f.n}]</span> {footnoteSource(f)}: “{f.excerpt}”
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
