import type { DatasetIndex } from '../../dataset/indexes';
import type { Discrepancy } from '../../dataset/schema';
import { Panel } from '../../components/panel';
import { ProvenanceButton } from '../../components/record-bits';
import { plural } from '../../lib/format';
import { DiscrepancyVersions } from './provenance-panel';

const KIND_WORD: Record<Discrepancy['kind'], string> = {
  conflict: 'Sources conflict',
  vague: 'Vague',
  misdating: 'Possible misdating',
  claim: 'Disputed claim',
  spelling: 'Spelling',
};

/** Every point where the sources disagree or are unclear, each version side by side. */
export function DiscrepancyList({
  index,
  discrepancies,
  onOpen,
}: {
  index: DatasetIndex;
  discrepancies: Discrepancy[];
  onOpen: (id: string) => void;
}) {
  return (
    <Panel
      title="Discrepancies"
      className="discrepancies"
      subtitle={`${plural(discrepancies.length, 'point')} where sources disagree, are vague, or may be misdated`}
    >
      {discrepancies.length === 0 ? <p className="empty">No discrepancies match the filters.</p> : null}
      <ul className="discrepancy-cards">
        {discrepancies.map((d) => (
          <li key={d.id} className={`discrepancy-card kind-${d.kind}`}>
            <p className="eyebrow">
              <span aria-hidden="true">⚠ </span>
              {KIND_WORD[d.kind]}
            </p>
            <h3>{d.topic}</h3>
            <DiscrepancyVersions d={d} index={index} />
            <ProvenanceButton id={d.id} label={d.topic} onOpen={onOpen} />
          </li>
        ))}
      </ul>
    </Panel>
  );
}
