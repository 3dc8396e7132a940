import { useEffect, useId, useRef } from 'react';
import { citationsOf, type DatasetIndex } from '../../dataset/indexes';
import type { Citation, Discrepancy, Source } from '../../dataset/schema';
import { RECORD_TYPE_NAME, SOURCE_KIND_LABEL } from '../../dataset/vocabulary';
import { formatDate } from '../../lib/dates';
import { anchor } from '../../dataset/anchor';
import { DiscrepancyVersions } from './discrepancy-list';
import { highlight } from './highlight';
import { present, recordLabel } from '../../records/record-label';
import { keyPointPresenter } from '../../records/key-point';
import { proseText, sourceLabel } from '../../records/source';
import type { SourceGrade } from '../../dataset/grading';
import { RELIABILITY_LABEL } from '../../dataset/grading-vocabulary';
import { GradeCode, Quoted } from '../../components/record-bits';
import { formatCount } from '../../lib/format';

interface Props {
  index: DatasetIndex;
  texts: ReadonlyMap<string, string>;
  recordId: string;
  onClose: () => void;
  onOpen: (id: string) => void;
}

const EVIDENCE_LABEL: Record<Source['outletEvidence'], string> = {
  byline: 'a byline',
  'wire-credit': 'a wire credit',
  hashtag: 'a hashtag',
  'follow-line': 'a “follow our coverage” line',
  masthead: 'the masthead',
  'not-named': 'not named in the text',
};

/** Each citing source's full text, with the cited words marked and scrolled into view. */
export function ProvenancePanel({ index, texts, recordId, onClose, onOpen }: Props) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const row = index.rowById.get(recordId);

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
    for (const box of bodyRef.current?.querySelectorAll<HTMLElement>('.article-text') ?? []) {
      const mark = box.querySelector<HTMLElement>('mark');
      if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
    }
  }, [recordId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const point = row ? undefined : index.keyPoints.get(recordId);
  if (!row && !point) return null;
  const citations = row ? citationsOf(row.record) : point ? keyPointPresenter.citations(point) : [];
  const bySource = new Map<string, Citation[]>();
  for (const c of citations) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c]);
  const grade = row ? present(row, index).grade() : null;
  const concerns: Discrepancy[] = !row || row.type === 'discrepancy' ? [] : (index.discrepanciesByRecord.get(row.id) ?? []);
  const about = point ? keyPointPresenter.about(point, index) : [];

  return (
    <section className="provenance" aria-labelledby={headingId} data-export-hide>
      <header className="provenance-head">
        <div>
          <p className="eyebrow">Provenance · {row ? RECORD_TYPE_NAME[row.type].one : keyPointPresenter.typeName}</p>
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            {row ? present(row, index).heading() : point ? keyPointPresenter.heading(point) : ''}
          </h2>
          <p className="muted small">{bySource.size === 1 ? 'Reported by one source only.' : `Reported by ${bySource.size} sources.`}</p>
          {grade ? (
            <p className="grade-words">
              <GradeCode grade={grade} /> {grade.words}
            </p>
          ) : null}
        </div>
        <button type="button" onClick={onClose} aria-label="Close provenance">
          Close
        </button>
      </header>
      <div className="provenance-body" ref={bodyRef}>
        {row?.type === 'discrepancy' ? <DiscrepancyVersions d={row.record as Discrepancy} index={index} /> : null}
        {point ? (
          <div className="key-point-provenance">
            <p>{point.text}</p>
            {about.length ? (
              <>
                <h3>Records this point sums up</h3>
                <ul>
                  {about.map((r) => (
                    <li key={r.id}>
                      <button type="button" className="link-button" onClick={() => onOpen(r.id)}>
                        {recordLabel(r, index, 90)}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        {[...bySource.entries()].map(([sourceId, cites]) => {
          const source = index.sources.get(sourceId);
          const text = texts.get(sourceId);
          if (!source) return null;
          return (
            <article key={sourceId} className="source-article" aria-label={`${sourceLabel(index, sourceId)}: ${source.title}`}>
              <h3>{sourceLabel(index, sourceId)}</h3>
              <SourceFacts source={source} index={index} grade={index.grading.source(sourceId)} />
              <p className="cited">
                Cited:{' '}
                {cites.map((c, i) => {
                  const others = text === undefined ? 0 : anchor(text, c).others;
                  return (
                    <span key={i}>
                      <Quoted text={c.excerpt} />
                      {others ? (
                        <span className="muted small occurs">
                          {' '}
                          (the marked occurrence; the words occur {formatCount(others)} more time{others === 1 ? '' : 's'} in
                          this text)
                        </span>
                      ) : null}
                    </span>
                  );
                })}
              </p>
              {text === undefined ? (
                <p className="muted">The article text is not available.</p>
              ) : (
                <div className="article-text" tabIndex={0} aria-label={`Full text of ${source.title}`}>
                  {highlight(text, cites).map((seg, i) =>
                    seg.mark >= 0 ? <mark key={i}>{seg.text}</mark> : <span key={i}>{seg.text}</span>,
                  )}
                </div>
              )}
            </article>
          );
        })}
        {concerns.length ? (
          <div className="concerns">
            <h3>Discrepancies about this record</h3>
            <ul>
              {concerns.map((d) => (
                <li key={d.id}>
                  <button type="button" className="link-button" onClick={() => onOpen(d.id)}>
                    ⚠ {d.topic}
                  </button>
                  <p>{proseText(d.summary, index)}</p>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}

export function SourceFacts({ source, index, grade }: { source: Source; index: DatasetIndex; grade: SourceGrade }) {
  return (
    <dl className="source-facts">
      <dt>Reliability</dt>
      <dd className="source-reliability">
        {grade.grade} · {/* Reasons often open with the grade's own words; they are not said twice. */}
        {grade.reason.toLowerCase().startsWith(RELIABILITY_LABEL[grade.grade].toLowerCase())
          ? grade.reason
          : `${RELIABILITY_LABEL[grade.grade]}: ${grade.reason}`}
      </dd>
      <dt>Article</dt>
      <dd>{source.title}</dd>
      <dt>Published</dt>
      <dd>{formatDate(source.published)}</dd>
      <dt>Kind</dt>
      <dd>
        {SOURCE_KIND_LABEL[source.kind]}
        {source.reposts?.length ? `, reposting ${source.reposts.join(', ')}` : ''}
      </dd>
      <dt>Outlet identified by</dt>
      <dd>
        {EVIDENCE_LABEL[source.outletEvidence]}
        {source.outletExcerpt ? <q>{source.outletExcerpt}</q> : null}
      </dd>
      {source.translatedFrom ? (
        <>
          <dt>Translated from</dt>
          <dd>
            {source.translatedFrom}
            {source.translationNote ? ` — ${source.translationNote}` : ''}
          </dd>
        </>
      ) : null}
      {source.notes ? (
        <>
          <dt>Note</dt>
          <dd>{proseText(source.notes, index)}</dd>
        </>
      ) : null}
      {source.url ? (
        <>
          <dt>Link</dt>
          <dd>
            <a href={source.url} target="_blank" rel="noopener noreferrer">
              {source.url}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
