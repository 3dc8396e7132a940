import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { DatasetLoadError, datasetQuery, fileQuery, resolveDatasetPath, type LoadedDataset } from '../dataset/load';
import { writeView } from '../dataset/url-state';
import { useUrlParam } from '../filters/use-url';
import { Dashboard } from './dashboard';
import { TrayProvider } from '../features/tray/tray-state';
import { DatasetOpener } from './dataset-opener';
import { PanelProfiler } from './panel-profiler';
import { LoadError, LoadingSkeleton } from './load-states';

// One placeholder for the disabled file query: making a File on every render (each filter change) is not free.
let placeholder: File | null = null;
const noFile = () => (placeholder ??= new File([], '(none)'));

/** Loads the dataset named by the URL (or opened from disk), then hands it to the dashboard. */
export function App() {
  const [datasetParam, navigate] = useUrlParam('dataset');
  const [file, setFile] = useState<File | null>(null);
  const resolved = resolveDatasetPath(datasetParam);

  useEffect(() => setFile(null), [datasetParam]);

  const urlQuery = useQuery({
    ...datasetQuery(resolved.ok ? resolved.url : 'about:blank'),
    enabled: resolved.ok && file === null,
  });
  const fromFile = useQuery({ ...fileQuery(file ?? noFile()), enabled: file !== null });
  const query = file ? fromFile : urlQuery;

  const openDefault = useCallback(() => {
    setFile(null);
    navigate(writeView(new URLSearchParams(window.location.search), { dataset: null }));
  }, [navigate]);

  const opener = <DatasetOpener onFile={setFile} />;

  if (!resolved.ok && !file) {
    return (
      <Shell opener={opener}>
        <LoadError error={new DatasetLoadError('refused', resolved.message, datasetParam ?? '')} onRetry={null} onDefault={openDefault} />
      </Shell>
    );
  }
  if (query.isError) {
    return (
      <Shell opener={opener}>
        <LoadError error={query.error} onRetry={() => void query.refetch()} onDefault={openDefault} retrying={query.isFetching} />
      </Shell>
    );
  }
  if (!query.data) {
    return (
      <Shell opener={opener}>
        <LoadingSkeleton />
      </Shell>
    );
  }
  const loaded = query.data as LoadedDataset;
  return (
    <TrayProvider index={loaded.index}>
      <PanelProfiler id="page">
        <Dashboard loaded={loaded} opener={opener} fromFile={file?.name ?? null} />
      </PanelProfiler>
    </TrayProvider>
  );
}

function Shell({ children, opener }: { children: React.ReactNode; opener: React.ReactNode }) {
  return (
    <div className="app">
      <header className="app-head">
        <div>
          <h1>Briefing dashboard</h1>
        </div>
        <div className="head-actions">{opener}</div>
      </header>
      <main id="main">{children}</main>
    </div>
  );
}
