import { queryOptions } from '@tanstack/react-query';
import { buildIndex, type DatasetIndex } from './indexes';
import { applyPatch, type PatchEdit } from './patch';
import type { Dataset } from './schema';
import { articleText, binaryKind, SNIFF_BYTES } from './sniff';
import type { Counts, Problem, TextLoad } from './validate';
import type { FromWorker, ToWorker } from './validate.worker';
import { clipGraphemes } from '../lib/graphemes';
import { formatCount } from '../lib/format';

export const DEFAULT_DATASET = '/data/briefing.json';
const MAX_PATH = 500;

export type LoadErrorKind = 'refused' | 'network' | 'http' | 'too-large' | 'not-json' | 'invalid';

/** The largest dataset read: a JavaScript string cannot hold much more, and no briefing needs it. */
export const MAX_DATASET_BYTES = 400 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

function tooLarge(bytes: number, where: string): DatasetLoadError {
  return new DatasetLoadError('too-large', `The dataset is too large to open: ${megabytes(bytes)}`, where, [
    {
      path: '(file)',
      message: `is ${formatCount(bytes)} bytes (${megabytes(bytes)}); datasets up to ${megabytes(MAX_DATASET_BYTES)} are read`,
    },
  ]);
}

/** A dataset that is plainly some other kind of file, told by its first bytes before anything is decoded. */
function notADataset(head: Uint8Array, where: string): DatasetLoadError | null {
  const kind = binaryKind(head);
  if (!kind) return null;
  const shown = kind.replace(/ \(.*\)$/, '');
  return new DatasetLoadError('not-json', `This is ${shown}, not a dataset`, where, [
    { path: '(file) line 1, column 1', message: `this is ${kind}, not a JSON dataset (told by its first bytes)` },
  ]);
}

/** A failure the page can explain: what failed, where, and the problems found. */
export class DatasetLoadError extends Error {
  constructor(
    readonly kind: LoadErrorKind,
    message: string,
    readonly where: string,
    readonly problems: Problem[] = [],
    /** Problems found beyond those listed. */
    readonly more = 0,
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
  /** What passed but deserves a word, such as a key given twice. */
  warnings: Problem[];
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
  const shown = clipGraphemes(param, 80);
  const refuse = (why: string) => ({ ok: false as const, message: `Refused dataset “${shown}”: ${why}` });
  if (param.length > MAX_PATH) return refuse('the path is too long');
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
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

/** A server that sends no answer at all (not even headers) this long is treated as unreachable. */
export const FIRST_BYTE_TIMEOUT_MS = 30_000;

async function fetchBytes(
  url: string,
  signal: AbortSignal,
  what: string,
  maxBytes = Infinity,
  onLength: (bytes: number | null) => void = () => undefined,
): Promise<Uint8Array> {
  // Our own controller, so a hung server can be given up on without the caller having aborted.
  const controller = new AbortController();
  const forward = () => controller.abort(signal.reason);
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, FIRST_BYTE_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json, text/plain' } });
  } catch (error) {
    if (signal.aborted) throw error;
    if (timedOut) {
      throw new DatasetLoadError('network', `The server sent no answer for ${what} within ${FIRST_BYTE_TIMEOUT_MS / 1000} s`, url);
    }
    throw new DatasetLoadError('network', `Could not reach the server for ${what}: ${(error as Error).message}`, url);
  } finally {
    clearTimeout(timer);
  }
  try {
    if (!response.ok) {
      const status = [response.status, response.statusText].filter(Boolean).join(' ');
      throw new DatasetLoadError('http', `The server answered ${status} for ${what}`, url);
    }
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(length) && length > maxBytes) throw tooLarge(length, url);
    onLength(Number.isFinite(length) ? length : null);
    try {
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (signal.aborted) throw error;
      throw new DatasetLoadError('network', `The connection dropped while reading ${what}: ${(error as Error).message}`, url);
    }
  } finally {
    signal.removeEventListener('abort', forward);
  }
}

/** Above this many characters a dataset is checked in a worker, so the page stays responsive meanwhile. */
export const WORKER_ABOVE = 1_000_000;

// The validator (zod, and the parser that says where a syntax error is) is not needed before the data
// is asked for: it is fetched while the data downloads when the size says this thread will check it
// (a compressed response gives no size; then it is fetched once the text is in, if needed).
const validator = () => import('./validate');
const fetchValidatorFor = (bytes: number | null) => {
  if (bytes !== null && (bytes <= WORKER_ABOVE || typeof Worker === 'undefined')) validator().catch(() => undefined);
};

/** Shared by the URL and file routes: validate, then index once. */
export async function loadDatasetText(
  text: string,
  origin: string,
  loadText: (textPath: string) => Promise<TextLoad>,
  signal?: AbortSignal,
): Promise<LoadedDataset> {
  if (/^\s*</.test(text)) {
    throw new DatasetLoadError('not-json', 'This is an HTML page, not a JSON dataset', origin, [
      { path: '(file) line 1, column 1', message: 'starts with “<”: the server sent a web page instead of the dataset' },
    ]);
  }
  if (text.length > WORKER_ABOVE && typeof Worker !== 'undefined') {
    const loaded = await loadInWorker(text, origin, loadText, signal);
    if (loaded) return loaded;
  }
  const { validateDatasetText } = await validator();
  const result = await validateDatasetText(text, loadText);
  if (!result.ok) throw problemsError(result.problems, origin, result.more);
  performance.mark('dataset-validated');
  const index = buildIndex(result.dataset);
  performance.mark('dataset-indexed');
  return { origin, index, texts: await sourceTexts(result.dataset, loadText), counts: result.counts, warnings: result.warnings };
}

function problemsError(problems: Problem[], origin: string, more = 0): DatasetLoadError {
  // Only file-level problems (syntax, emptiness) mean "not JSON"; "must not be empty" on a field does not.
  const syntax = problems.every((p) => p.path.startsWith('(file)'));
  const n = problems.length + more;
  return new DatasetLoadError(
    syntax ? 'not-json' : 'invalid',
    syntax ? 'The file is not valid JSON' : `The dataset has ${formatCount(n)} problem${n === 1 ? '' : 's'}`,
    origin,
    problems,
    more,
  );
}

async function sourceTexts(dataset: Dataset, loadText: (textPath: string) => Promise<TextLoad>): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const s of dataset.sources) {
    const t = s.text ?? (await loadText(s.textPath as string));
    if (typeof t === 'string') texts.set(s.id, t);
  }
  return texts;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A large dataset: a worker runs the checks (schema, references, excerpts) while this thread parses
 * the same text and, once the worker says the schema holds, applies the schema's edits (defaults,
 * trimming) and builds the index. Sending the checked records back from the worker would cost more
 * than parsing them here. Returns null when no worker could be started, to check on this thread.
 */
async function loadInWorker(
  text: string,
  origin: string,
  loadText: (textPath: string) => Promise<TextLoad>,
  signal?: AbortSignal,
): Promise<LoadedDataset | null> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./validate.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  type Verdict = Extract<FromWorker, { type: 'done' }> | { type: 'unavailable' };
  let onShape: (edits: PatchEdit[]) => void = () => undefined;
  let onVerdict: (verdict: Verdict) => void = () => undefined;
  const shape = new Promise<PatchEdit[] | null>((resolve) => (onShape = resolve));
  const verdict = new Promise<Verdict>((resolve) => (onVerdict = resolve));
  const stop = () => onVerdict({ type: 'unavailable' });
  signal?.addEventListener('abort', stop, { once: true });
  worker.onerror = stop;
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'shape') onShape(message.edits);
    else if (message.type === 'texts') {
      void Promise.all(message.paths.map((p) => loadText(p).catch(() => undefined))).then((texts) =>
        worker.postMessage({ type: 'texts', id: message.id, texts } satisfies ToWorker),
      );
    } else if (message.type === 'done') onVerdict(message);
    else stop();
  };
  try {
    worker.postMessage({ type: 'validate', text } satisfies ToWorker);
    await nextTask();
    let raw: unknown;
    try {
      raw = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
    } catch {
      raw = undefined;
    }
    const edits = await Promise.race([shape, verdict.then(() => null)]);
    let index: DatasetIndex | null = null;
    let dataset: Dataset | null = null;
    if (edits && raw !== undefined) {
      dataset = applyPatch(raw, edits) as Dataset;
      await nextTask();
      index = buildIndex(dataset);
      performance.mark('dataset-indexed');
    }
    const result = await verdict;
    performance.mark('dataset-validated');
    if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
    if (result.type === 'unavailable') return null;
    if (!result.ok) throw problemsError(result.problems, origin, result.more);
    if (!dataset || !index) return null;
    return { origin, index, texts: await sourceTexts(dataset, loadText), counts: result.counts, warnings: result.warnings };
  } finally {
    signal?.removeEventListener('abort', stop);
    worker.terminate();
  }
}

/** The dataset's bytes as text: refused first if they are plainly an image, an archive or a PDF. */
function datasetText(bytes: Uint8Array, where: string): string {
  const wrong = notADataset(bytes.subarray(0, SNIFF_BYTES), where);
  if (wrong) throw wrong;
  // Decoded as fetch's response.text() is (UTF-8, replacing what is not), so UTF-16 is told apart by the parser.
  return new TextDecoder().decode(bytes);
}

export const REFUSED_TEXT_PATH = 'was refused: only same-origin paths are allowed';

function sameOriginText(base: string, signal: AbortSignal) {
  const cache = new Map<string, Promise<TextLoad>>();
  return (textPath: string): Promise<TextLoad> => {
    const resolved = resolveDatasetPath(textPath, base);
    if (!resolved.ok) return Promise.resolve({ failed: REFUSED_TEXT_PATH });
    let p = cache.get(resolved.url);
    if (!p) {
      p = fetchBytes(resolved.url, signal, `source text ${textPath}`).then(
        (bytes): TextLoad => {
          const checked = articleText(bytes);
          return checked.ok ? checked.text : { failed: `is not an article text: ${checked.why}` };
        },
        () => undefined,
      );
      cache.set(resolved.url, p);
    }
    return p;
  };
}

export function datasetQuery(url: string) {
  return queryOptions({
    queryKey: ['dataset', url] as const,
    queryFn: async ({ signal }) => {
      const text = datasetText(await fetchBytes(url, signal, 'the dataset', MAX_DATASET_BYTES, fetchValidatorFor), url);
      return loadDatasetText(text, url, sameOriginText(url, signal), signal);
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
      // Decoded as fetch's response.text() is (UTF-8), so a file reads the same from disk and by link:
      // Chromium's file.text() would quietly accept UTF-16 that the link route and the command line refuse.
      const where = `file: ${file.name}`;
      // Size and first bytes before reading: a 600 MB file is too large, not "empty"; a photo is a photo.
      if (file.size > MAX_DATASET_BYTES) throw tooLarge(file.size, where);
      fetchValidatorFor(file.size);
      const wrong = notADataset(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()), where);
      if (wrong) throw wrong;
      const text = datasetText(new Uint8Array(await file.arrayBuffer()), where);
      const base = new URL(DEFAULT_DATASET, window.location.href).href;
      return loadDatasetText(text, `file: ${file.name}`, sameOriginText(base, signal), signal);
    },
    staleTime: Infinity,
    structuralSharing: false,
    retry: false,
  });
}
