import type { DatasetIndex } from '../dataset/indexes';
import type { Citation } from '../dataset/schema';
import { SOURCE_KIND_LABEL } from '../dataset/vocabulary';
import { plural } from '../lib/format';
import { sourceLabel } from '../records/source';

/** The outlets behind a record, each marked when it is a repost, a wire copy or opinion. */
export function SourceBadges({ citations, index }: { citations: readonly Citation[]; index: DatasetIndex }) {
  const ids = [...new Set(citations.map((c) => c.source))];
  return (
    <ul className="source-badges" aria-label="Reported by">
      {ids.map((id) => {
        const s = index.sources.get(id);
        if (!s) return null;
        const caveat = s.kind === 'news-site' ? null : SOURCE_KIND_LABEL[s.kind];
        return (
          <li key={id} className={`source-badge kind-${s.kind}`} title={`${sourceLabel(index, id)} — ${SOURCE_KIND_LABEL[s.kind]}`}>
            {sourceLabel(index, id)}
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
