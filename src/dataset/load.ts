import { queryOptions } from '@tanstack/react-query';
import { buildIndex, type DatasetIndex } from './indexes';
import { validateDatasetText, type Counts, type Problem } from './validate';

export const DEFAULT_DATASET = '/data/briefing.json';
const MAX_PATH = 500;

export type LoadErrorKind = 'refused' | 'network' | 'http' | 'not-json' | 'invalid';

/** A failure the page can explain: what failed, where, and the problems found. */
export class DatasetLoadError extends Error {
  constructor(
    readonly kind: LoadErrorKind,
    message: string,
    readonly where: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'DatasetLoadError';
  }
}

export interface LoadedDataset {
  /** Where it came from: a same-origin URL, or "file: name.json". */
  origin: string;
  index: DatasetIndex;
  texts: Map<string, string>;
  counts: Counts;
}

/**
 * `?dataset=` takes a same-origin path only ("/data/other.json" or "data/other.json"). Anything
 * with a scheme, a host ("//evil"), or a backslash is refused before any request is made.
 */
export function resolveDatasetPath(
  param: string | null,
  base: string = window.location.href,
): { ok: true; url: string } | { ok: false; message: string } {
  if (param === null || param === '') return { ok: true, url: new URL(DEFAULT_DATASET, base).href };
  const shown = param.length > 80 ? `${param.slice(0, 79)}…` : param;
  const refuse = (why: string) => ({ ok: false as const, message: `Refused dataset “${shown}”: ${why}` });
  if (param.length > MAX_PATH) return refuse('the path is too long');
  if (/[\\\u0000-\u001f\u007f]/.test(param)) return refuse('it contains a backslash or a control character');
  if (/^[a-z][a-z0-9+.-]*:/i.test(param) || param.startsWith('//')) {
    return refuse('only paths on this site are allowed, not other addresses');
  }
  let url: URL;
  try {
    url = new URL(param, base);
  } catch {
    return refuse('it is not a valid path');
  }
  if (url.origin !== new URL(base).origin) return refuse('only paths on this site are allowed');
  return { ok: true, url: url.href };
}

async function fetchText(url: string, signal: AbortSignal, what: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json, text/plain' } });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new DatasetLoadError('network', `Could not reach the server for ${what}: ${(error as Error).message}`, url);
  }
  if (!response.ok) {
    throw new DatasetLoadError('http', `The server answered ${response.status} ${response.statusText || ''} for ${what}`.trim(), url);
  }
  try {
    return await response.text();
  } catch (error) {
    if (signal.aborted) throw error;
    throw new DatasetLoadError('network', `The connection dropped while reading ${what}: ${(error as Error).message}`, url);
  }
}

/** Shared by the URL and file routes: validate, then index once. */
export async function loadDatasetText(
  text: string,
  origin: string,
  loadText: (textPath: string) => Promise<string | undefined>,
): Promise<LoadedDataset> {
  if (/^\s*</.test(text)) {
    throw new DatasetLoadError('not-json', 'This is an HTML page, not a JSON dataset', origin, [
      { path: '(file) line 1, column 1', message: 'starts with “<”: the server sent a web page instead of the dataset' },
    ]);
  }
  const result = await validateDatasetText(text, loadText);
  if (!result.ok) {
    const syntax = result.problems.some((p) => p.message.startsWith('JSON syntax') || p.message.includes('empty'));
    const n = result.problems.length;
    throw new DatasetLoadError(
      syntax ? 'not-json' : 'invalid',
      syntax ? 'The file is not valid JSON' : `The dataset has ${n} problem${n === 1 ? '' : 's'}`,
      origin,
      result.problems,
    );
  }
  const texts = new Map<string, string>();
  for (const s of result.dataset.sources) {
    const t = s.text ?? (await loadText(s.textPath as string));
    if (t !== undefined) texts.set(s.id, t);
  }
  return { origin, index: buildIndex(result.dataset), texts, counts: result.counts };
}

function sameOriginText(base: string, signal: AbortSignal) {
  const cache = new Map<string, Promise<string | undefined>>();
  return (textPath: string) => {
    const resolved = resolveDatasetPath(textPath, base);
    if (!resolved.ok) return Promise.resolve(undefined);
    let p = cache.get(resolved.url);
    if (!p) {
      p = fetchText(resolved.url, signal, `source text ${textPath}`).catch(() => undefined);
      cache.set(resolved.url, p);
    }
    return p;
  };
}

export function datasetQuery(url: string) {
  return queryOptions({
    queryKey: ['dataset', url] as const,
    queryFn: async ({ signal }) => {
      const text = await fetchText(url, signal, 'the dataset');
      return loadDatasetText(text, url, sameOriginText(url, signal));
    },
    staleTime: Infinity,
    structuralSharing: false,
  });
}

/** A dataset opened from disk: article texts resolve against the default dataset's folder. */
export function fileQuery(file: File) {
  return queryOptions({
    queryKey: ['dataset', 'file', file.name, file.size, file.lastModified] as const,
    queryFn: async ({ signal }) => {
      const text = await file.text();
      const base = new URL(DEFAULT_DATASET, window.location.href).href;
      return loadDatasetText(text, `file: ${file.name}`, sameOriginText(base, signal));
    },
    staleTime: Infinity,
    structuralSharing: false,
    retry: false,
  });
}
