import { memo, useId, useMemo, useState } from 'react';
import { AID_STAGE_LABEL, keyFigures, keyPointsFor, type AidFigure, type KeyFigures } from '../../dataset/bottom-line';
import type { DatasetIndex } from '../../dataset/indexes';
import type { KeyPoint } from '../../dataset/schema';
import { isFiltered, type Filters, type Selection } from '../../dataset/select';
import { DISCREPANCY_KIND_LABEL } from '../../dataset/vocabulary';
import { Panel } from '../../components/panel';
import { actorName, clipText } from '../../records/names';
import { formatDate } from '../../lib/dates';
import { formatAmount, formatTotals, plural } from '../../lib/format';
import { bottomLinePanel } from './bottom-line-panel';
import './bottom-line.css';

/** A first screen names a few records; the panels below list them all. */
const SHOW_AT_MOST = 4;

interface Props {
  index: DatasetIndex;
  selection: Selection;
  filters: Filters;
  onOpen: (id: string) => void;
}

/** The first screen: the dataset's own words on what matters, and the figures behind what is shown. */
export const BottomLine = memo(function BottomLine({ index, selection, filters, onOpen }: Props) {
  const filtered = isFiltered(filters);
  const points = useMemo(() => keyPointsFor(index, selection, filtered, filters.sources), [index, selection, filtered, filters.sources]);
  const figures = useMemo(() => keyFigures(index, selection), [index, selection]);
  const all = index.dataset.keyPoints?.length ?? 0;
  const { description } = index.dataset;
  return (
    <Panel
      title={bottomLinePanel.title}
      panelId={bottomLinePanel.id}
      className="bottom-line"
      subtitle={filtered ? `Following the filters: ${plural(points.length, 'key point')} of ${all}, figures for what is shown` : undefined}
    >
      {description ? <Description text={description} /> : null}
      <div className={`bottom-line-body${all > 0 ? '' : ' figures-only'}`}>
        {all > 0 ? (
          <div className="key-points">
            <h3 className="visually-hidden">Key points</h3>
            {points.length ? (
              <ol>
                {points.map((p, i) => (
                  <KeyPointItem key={p.id} point={p} n={i + 1} onOpen={onOpen} />
                ))}
              </ol>
            ) : (
              <p className="empty">No key point concerns what the filters show.</p>
            )}
          </div>
        ) : null}
        <Figures index={index} figures={figures} onOpen={onOpen} />
      </div>
    </Panel>
  );
});

/** On a phone the description is cut to three lines, so the key points stay on the first screen. */
function Description({ text }: { text: string }) {
  const [whole, setWhole] = useState(false);
  const id = useId();
  return (
    <div className="dataset-description-box">
      <p id={id} className={`dataset-description${whole ? ' is-whole' : ''}`}>
        {text}
      </p>
      <button
        type="button"
        className="link-button description-toggle"
        aria-expanded={whole}
        aria-controls={id}
        onClick={() => setWhole(!whole)}
      >
        {whole ? 'Less about this dataset' : 'More about this dataset'}
      </button>
    </div>
  );
}

function KeyPointItem({ point, n, onOpen }: { point: KeyPoint; n: number; onOpen: (id: string) => void }) {
  return (
    <li>
      <span className="key-point-text">{point.text}</span>{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => onOpen(point.id)}
        aria-label={`Sources for key point ${n}: ${clipText(point.text, 60)}`}
        data-export-hide
      >
        Sources ({point.citations.length})
      </button>
    </li>
  );
}

function Figures({ index, figures, onOpen }: { index: DatasetIndex; figures: KeyFigures; onOpen: (id: string) => void }) {
  const { contacts, aid } = figures;
  const kinds = [...figures.byKind].sort((a, b) => b[1] - a[1]);
  return (
    <div className="key-figures">
      <h3 className="visually-hidden">Key figures</h3>
      <div className="figure">
        <h4>
          <span className="figure-number">{contacts.length}</span> {contacts.length === 1 ? 'contact' : 'contacts'}
        </h4>
        {contacts.length ? (
          <ul>
            {contacts.slice(0, SHOW_AT_MOST).map((e) => (
              <li key={e.id}>
                <button type="button" className="link-button figure-link" onClick={() => onOpen(e.id)}>
                  <span className="figure-date">{formatDate(e.date)}</span> {e.title}
                </button>
                {e.initiatedBy ? <span className="muted"> · asked for by {actorName(index, e.initiatedBy)}</span> : null}
              </li>
            ))}
            <More n={contacts.length} />
          </ul>
        ) : (
          <p className="muted">None among the records shown.</p>
        )}
      </div>
      <div className="figure">
        <h4>
          <span className="figure-number">
            {plural(
              aid.reduce((n, g) => n + g.items.length, 0),
              'aid item',
            )}
          </span>
        </h4>
        {aid.length ? (
          <ul>
            {aid.map((g) => (
              <AidLine key={`${g.stage} ${g.year}`} figure={g} onOpen={onOpen} />
            ))}
          </ul>
        ) : (
          <p className="muted">None among the records shown.</p>
        )}
      </div>
      <div className="figure">
        <h4>
          <span className="figure-number">{figures.singleOutlet}</span> of {plural(figures.facts, 'fact')} rest on one outlet
        </h4>
        <p className="muted">Events, quotes and aid items reported by a single outlet (its copies count with it).</p>
      </div>
      <div className="figure">
        <h4>
          <span className="figure-number">{figures.discrepancies}</span> open{' '}
          {figures.discrepancies === 1 ? 'discrepancy' : 'discrepancies'}
        </h4>
        {kinds.length ? <p className="muted">{kinds.map(([kind, n]) => `${DISCREPANCY_KIND_LABEL[kind]} ${n}`).join(' · ')}</p> : null}
      </div>
    </div>
  );
}

function AidLine({ figure, onOpen }: { figure: AidFigure; onOpen: (id: string) => void }) {
  const money = formatTotals(figure.totals);
  return (
    <li>
      <strong>
        {AID_STAGE_LABEL[figure.stage]} {figure.year}
      </strong>
      {money ? `: ${money}` : ''}
      <ul className="figure-items">
        {figure.items.slice(0, SHOW_AT_MOST).map((a) => (
          <li key={a.id}>
            <button type="button" className="link-button figure-link" onClick={() => onOpen(a.id)}>
              {a.item}
            </button>
            {a.amount ? <span className="muted"> · {formatAmount(a.amount)}</span> : null}
          </li>
        ))}
        <More n={figure.items.length} />
      </ul>
    </li>
  );
}

function More({ n }: { n: number }) {
  return n > SHOW_AT_MOST ? <li className="muted">and {plural(n - SHOW_AT_MOST, 'more', 'more')}</li> : null;
}
