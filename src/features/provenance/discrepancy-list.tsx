import { DISCREPANCY_KIND_LABEL } from '../../dataset/vocabulary';
import { memo, useMemo, useRef } from 'react';
import type { DatasetIndex } from '../../dataset/indexes';
import type { Discrepancy } from '../../dataset/schema';
import { Panel } from '../../components/panel';
import { RecordActions } from '../../export/record-actions';
import { VIRTUALISE_ABOVE, chunk, gridColumns, useVirtualRows, useWidth } from '../../components/virtual-rows';
import { plural } from '../../lib/format';
import { LIKELIHOOD_LABEL } from '../../dataset/grading-vocabulary';
import { Quoted } from '../../components/record-bits';
import { proseText, sourceLabel } from '../../records/source';
import { discrepanciesPanel } from './discrepancies-panel';

/** As in the stylesheet: `.discrepancy-cards` columns are at least 330px, 0.7rem apart. */
const CARD_MIN_WIDTH = 330;
const CARD_GAP = 11.2;

/** Every point where the sources disagree or are unclear, each version side by side. */
export const DiscrepancyList = memo(function DiscrepancyList({
  index,
  discrepancies,
  onOpen,
}: {
  index: DatasetIndex;
  discrepancies: Discrepancy[];
  onOpen: (id: string) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const large = discrepancies.length > VIRTUALISE_ABOVE;
  const columns = gridColumns(useWidth(scrollRef, 800, large), CARD_MIN_WIDTH, CARD_GAP);
  const rows = useMemo(() => (large ? chunk(discrepancies, columns) : []), [discrepancies, columns, large]);
  const virtual = useVirtualRows(scrollRef, rows.length, 240, { threshold: 0, resetKey: discrepancies });
  const card = (d: Discrepancy) => (
    <li key={d.id} className={`discrepancy-card kind-${d.kind}`}>
      <p className="eyebrow">
        <span aria-hidden="true">⚠ </span>
        {DISCREPANCY_KIND_LABEL[d.kind]}
      </p>
      <h3>{d.topic}</h3>
      <DiscrepancyVersions d={d} index={index} />
      <RecordActions id={d.id} label={d.topic} onOpen={onOpen} />
    </li>
  );
  return (
    <Panel
      title={discrepanciesPanel.title}
      panelId={discrepanciesPanel.id}
      className="discrepancies"
      subtitle={`${plural(discrepancies.length, 'point')} where sources disagree, are vague, or may be misdated`}
    >
      {discrepancies.length === 0 ? <p className="empty">No discrepancies match the filters.</p> : null}
      {large ? (
        // Long lists scroll in their own box, one row of cards at a time.
        <div ref={scrollRef} className="virtual-scroll" tabIndex={0} role="group" aria-label="Discrepancies, scrollable">
          <div style={virtual.on ? { paddingTop: virtual.before, paddingBottom: virtual.after } : undefined}>
            {(virtual.on ? virtual.items.map((v) => v.index) : rows.map((_, i) => i)).map((at) => (
              <div
                key={rows[at][0].id}
                className="virtual-row grid-row"
                {...(virtual.on ? { ref: virtual.measure, 'data-index': at } : {})}
              >
                <ul className="discrepancy-cards" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
                  {rows[at].map(card)}
                </ul>
              </div>
            ))}
          </div>
        </div>
      ) : (
        <ul className="discrepancy-cards">{discrepancies.map(card)}</ul>
      )}
    </Panel>
  );
});

export function DiscrepancyVersions({ d, index }: { d: Discrepancy; index: DatasetIndex }) {
  return (
    <div className="versions">
      <p>{proseText(d.summary, index)}</p>
      <ul className="version-list">
        {d.versions.map((v, i) => (
          <li key={i}>
            <strong>{sourceLabel(index, v.source)}</strong>
            <Quoted text={v.excerpt} />
            <span className="reading">{proseText(v.reading, index)}</span>
            {v.likelihood ? <span className="likelihood">Judged {LIKELIHOOD_LABEL[v.likelihood]}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
