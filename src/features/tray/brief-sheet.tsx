import type { Brief } from './tray-markdown';
import { quoted } from '../../records/names';

/** The one-page brief as printed and as saved to PNG: light, plain, every claim numbered to its source. */
export function BriefSheet({ brief }: { brief: Brief }) {
  return (
    <article className="brief-sheet">
      <header className="brief-head">
        <h1>{brief.title}</h1>
        <p>{brief.subtitle}</p>
      </header>
      <ol className="brief-entries">
        {brief.entries.map((e) => (
          <li key={e.id}>
            <h2>{e.title}</h2>
            <p className="brief-meta">
              {e.typeName}
              {e.date ? ` · ${e.date}` : ''}
            </p>
            {e.body.map((line, i) => (
              <p key={i} className={i === 0 && e.type === 'quote' ? 'brief-quote' : undefined}>
                {line}
              </p>
            ))}
            {e.note ? (
              <p className="brief-note">
                <strong>Analyst note:</strong> {e.note}
              </p>
            ) : null}
            {e.cites.length ? <p className="brief-cites">Sources: {e.cites.map((n) => `[${n}]`).join(' ')}</p> : null}
          </li>
        ))}
      </ol>
      {brief.citations.length ? (
        <section className="brief-citations">
          <h2>Citations</h2>
          <ol>
            {brief.citations.map((c) => (
              <li key={c.n}>
                <span className="brief-n">[{c.n}]</span> {c.outlet}, published {c.published}:{' '}
                <span className="brief-excerpt">{quoted(c.excerpt)}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
