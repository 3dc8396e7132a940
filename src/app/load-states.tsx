import { useEffect, useState } from 'react';
import { DatasetLoadError } from '../dataset/load';
import { clipGraphemes } from '../lib/graphemes';
import { formatCount } from '../lib/format';

const SHOWN_PROBLEMS = 50;

export function LoadingSkeleton() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const t = window.setTimeout(() => setSlow(true), 4000);
    return () => window.clearTimeout(t);
  }, []);
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-busy="true">
      <p className="skeleton-text">{slow ? 'Still waiting for the dataset… the server is slow to answer.' : 'Loading the dataset…'}</p>
      <div className="skeleton-grid" aria-hidden="true">
        <div className="skeleton-block tall" />
        <div className="skeleton-block" />
        <div className="skeleton-block" />
        <div className="skeleton-block" />
      </div>
    </div>
  );
}

const TITLES: Record<DatasetLoadError['kind'], string> = {
  refused: 'This dataset link was refused',
  network: 'The dataset could not be reached',
  http: 'The server would not give the dataset',
  'too-large': 'The dataset is too large to open',
  'not-json': 'The dataset is not a JSON file',
  invalid: 'The dataset does not match the schema',
};

export function LoadError({
  error,
  onRetry,
  onDefault,
  retrying = false,
}: {
  error: Error;
  onRetry: (() => void) | null;
  onDefault: () => void;
  retrying?: boolean;
}) {
  const known = error instanceof DatasetLoadError ? error : null;
  const problems = known?.problems ?? [];
  const total = problems.length + (known?.more ?? 0);
  return (
    <div className="load-error" role="alert">
      <h2>{known ? TITLES[known.kind] : 'The dataset could not be loaded'}</h2>
      <p>{error.message}</p>
      {known?.where ? (
        <p className="muted small">
          Where: <code>{clipGraphemes(known.where, 200)}</code>
        </p>
      ) : null}
      {problems.length ? (
        <>
          <p>
            {total === 1 ? '1 problem' : `${formatCount(total)} problems`}
            {total > SHOWN_PROBLEMS ? ` (the first ${SHOWN_PROBLEMS} shown)` : ''}:
          </p>
          <ul className="problems">
            {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
              <li key={i}>
                <code>{clipGraphemes(p.path, 160)}</code> {clipGraphemes(p.message, 300)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="actions">
        {onRetry ? (
          <button type="button" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        ) : null}
        <button type="button" onClick={onDefault}>
          Open the default dataset
        </button>
      </div>
    </div>
  );
}
