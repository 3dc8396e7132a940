import type { FactGrade } from '../dataset/grading';
import { RELIABILITY_LABEL } from '../dataset/grading-vocabulary';
import type { DatasetIndex } from '../dataset/indexes';
import type { Citation, Fact } from '../dataset/schema';
import { SOURCE_KIND_LABEL } from '../dataset/vocabulary';
import { plural } from '../lib/format';
import { sourceLabel } from '../records/source';
import { gradeName } from '../records/presentation';
import { opensQuoted } from '../records/names';

const factsByCitations = new WeakMap<DatasetIndex, WeakMap<readonly Citation[], Fact>>();

/** The graded fact whose own citation list this is, so every list of outlets shows its record's grade. */
function factOf(index: DatasetIndex, citations: readonly Citation[]): Fact | undefined {
  let map = factsByCitations.get(index);
  if (!map) {
    map = new WeakMap();
    const d = index.dataset;
    for (const list of [d.events, d.quotes, d.aid] as readonly Fact[][]) for (const f of list) map.set(f.citations, f);
    factsByCitations.set(index, map);
  }
  return map.get(citations);
}

/** Cited words in quotation marks; an excerpt that opens with its own mark gets no second one. */
export function Quoted({ text }: { text: string }) {
  return <q className={opensQuoted(text) ? 'own-marks' : undefined}>{text}</q>;
}

/** A record's two-character grade ("B2"), named in words for assistive technology and on hover. */
export function GradeCode({ grade }: { grade: Pick<FactGrade, 'code' | 'reliability' | 'credibility'> }) {
  const words = gradeName(grade);
  return (
    <span className={`grade-code cred-${grade.credibility}`} title={`Grade ${grade.code}: ${words}`}>
      <span aria-hidden="true">{grade.code}</span>
      <span className="visually-hidden">
        Grade {grade.code}: {words}
      </span>
    </span>
  );
}

/** The outlets behind a record, each with its reliability letter and marked when it is a repost, a wire copy or opinion; the record's grade first. */
export function SourceBadges({ citations, index }: { citations: readonly Citation[]; index: DatasetIndex }) {
  const ids = [...new Set(citations.map((c) => c.source))];
  const fact = factOf(index, citations);
  const grade = fact ? index.grading.code(fact, ids) : null;
  return (
    <ul className="source-badges" aria-label="Reported by">
      {grade ? (
        <li className="source-grade">
          <GradeCode grade={{ ...grade, code: `${grade.reliability}${grade.credibility}` }} />
        </li>
      ) : null}
      {ids.map((id) => {
        const s = index.sources.get(id);
        if (!s) return null;
        const caveat = s.kind === 'news-site' ? null : SOURCE_KIND_LABEL[s.kind];
        const reliability = index.grading.source(id).grade;
        return (
          <li
            key={id}
            className={`source-badge kind-${s.kind}`}
            title={`${sourceLabel(index, id)} — ${SOURCE_KIND_LABEL[s.kind]} — ${RELIABILITY_LABEL[reliability]}`}
          >
            <span className="grade-letter" aria-hidden="true">
              {reliability}
            </span>{' '}
            {sourceLabel(index, id)}
            <span className="visually-hidden">
              , {RELIABILITY_LABEL[reliability].toLowerCase()} ({reliability})
            </span>
            {caveat ? <span className="caveat"> · {caveat}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function DiscrepancyMarker({ id, index }: { id: string; index: DatasetIndex }) {
  const list = index.discrepanciesByRecord.get(id);
  if (!list?.length) return null;
  return (
    <span className="discrepancy-marker" title={list.map((d) => d.topic).join('\n')}>
      <span aria-hidden="true">⚠</span> {plural(list.length, 'discrepancy', 'discrepancies')}
    </span>
  );
}

export function ProvenanceButton({ id, label, onOpen }: { id: string; label: string; onOpen: (id: string) => void }) {
  return (
    <button type="button" className="link-button" onClick={() => onOpen(id)} aria-label={`Sources for ${label}`} data-export-hide>
      Sources
    </button>
  );
}
