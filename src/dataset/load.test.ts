import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DATASET, DatasetLoadError, FIRST_BYTE_TIMEOUT_MS, datasetQuery, resolveDatasetPath, type LoadedDataset } from './load';

const BASE = 'http://127.0.0.1:4173/?dataset=x';
const label = (s: string) => (s.length > 60 ? `"${s.slice(0, 12)}…" (${s.length} characters)` : JSON.stringify(s));

describe('resolveDatasetPath', () => {
  it('opens the default dataset when the parameter is absent or empty', () => {
    expect(resolveDatasetPath(null, BASE)).toEqual({ ok: true, url: `http://127.0.0.1:4173${DEFAULT_DATASET}` });
    expect(resolveDatasetPath('', BASE)).toEqual({ ok: true, url: `http://127.0.0.1:4173${DEFAULT_DATASET}` });
  });

  it.each(
    [
      ['/data/other.json', 'http://127.0.0.1:4173/data/other.json'],
      ['data/other.json', 'http://127.0.0.1:4173/data/other.json'],
      ['./data/../data/other.json', 'http://127.0.0.1:4173/data/other.json'],
      ['/data/other.json?v=2#top', 'http://127.0.0.1:4173/data/other.json?v=2#top'],
      // Still this site: the slashes are part of the path, never a host.
      ['%2F%2Fevil.example/x.json', 'http://127.0.0.1:4173/%2F%2Fevil.example/x.json'],
      ['/..//evil.example/x.json', 'http://127.0.0.1:4173//evil.example/x.json'],
      ['／／evil.example/x.json', 'http://127.0.0.1:4173/%EF%BC%8F%EF%BC%8Fevil.example/x.json'],
      [':not-a-scheme.json', 'http://127.0.0.1:4173/:not-a-scheme.json'],
      ['/' + 'a'.repeat(499), `http://127.0.0.1:4173/${'a'.repeat(499)}`],
    ].map(([param, url]) => [label(param), param, url]),
  )('takes the same-origin path %s', (_, param, url) => {
    expect(resolveDatasetPath(param, BASE)).toEqual({ ok: true, url });
  });

  it.each(
    [
      ['http://evil.example/x.json', /not other addresses/],
      ['https://evil.example/x.json', /not other addresses/],
      ['HTTPS://EVIL.EXAMPLE/x.json', /not other addresses/],
      ['https://127.0.0.1:4173.evil.example/x.json', /not other addresses/],
      ['http://127.0.0.1:4174/data/briefing.json', /not other addresses/],
      ['//evil.example/x.json', /not other addresses/],
      ['///evil.example/x.json', /not other addresses/],
      ['javascript:alert(1)', /not other addresses/],
      ['JaVaScRiPt:alert(1)', /not other addresses/],
      ['data:application/json,{}', /not other addresses/],
      ['blob:http://127.0.0.1:4173/0b0f', /not other addresses/],
      ['file:///etc/passwd', /not other addresses/],
      ['http:evil.example', /not other addresses/],
      ['\\\\evil.example\\x.json', /backslash/],
      ['/\\evil.example/x.json', /backslash/],
      ['\\/evil.example/x.json', /backslash/],
      ['java\nscript:alert(1)', /control character/],
      ['\t//evil.example/x.json', /control character/],
      ['/data/x.json\u0000.txt', /control character/],
      ['/data/\u007f.json', /control character/],
      // Leading spaces are stripped by the URL parser, so the origin check has to catch this one.
      [' //evil.example/x.json', /only paths on this site/],
      ['  https://evil.example/x.json', /only paths on this site/],
      ['/' + 'a'.repeat(500), /too long/],
      ['/' + 'a'.repeat(100_000), /too long/],
    ].map(([param, why]) => [label(param as string), param as string, why as RegExp] as const),
  )('refuses %s', (_, param, why) => {
    const result = resolveDatasetPath(param, BASE);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(why) });
    // The message quotes the link, clipped: a 100,000-character link is not echoed whole.
    if (!result.ok) expect(result.message.length).toBeLessThan(200);
  });
});

describe('loading over the network', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const url = 'http://127.0.0.1:4173/data/briefing.json';
  function run(): Promise<LoadedDataset> {
    const query = datasetQuery(url);
    const fn = query.queryFn as unknown as (ctx: { signal: AbortSignal; queryKey: readonly unknown[] }) => Promise<LoadedDataset>;
    return fn({ signal: new AbortController().signal, queryKey: query.queryKey });
  }
  async function failure(): Promise<DatasetLoadError> {
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatasetLoadError);
    return error as DatasetLoadError;
  }

  it('names the status of an HTTP error', async () => {
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 404, statusText: 'Not Found' }));
    expect(await failure()).toMatchObject({ kind: 'http', where: url, message: 'The server answered 404 Not Found for the dataset' });
    vi.stubGlobal('fetch', async () => new Response('oops', { status: 500 }));
    expect(await failure()).toMatchObject({ kind: 'http', message: 'The server answered 500 for the dataset' });
  });

  it('tells an unreachable server apart from a connection dropped mid-body', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failure()).toMatchObject({ kind: 'network', message: /Could not reach the server for the dataset: Failed to fetch/ });

    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"title": "half a'));
        controller.error(new TypeError('network error'));
      },
    });
    vi.stubGlobal('fetch', async () => new Response(body));
    expect(await failure()).toMatchObject({ kind: 'network', message: /connection dropped while reading the dataset/ });
  });

  it('gives up on a server that sends nothing at all, and says so', async () => {
    vi.useFakeTimers();
    let aborted = false;
    vi.stubGlobal(
      'fetch',
      (_: string, init: RequestInit) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('The operation was aborted.', 'AbortError'));
          });
        }),
    );
    const pending = failure();
    await vi.advanceTimersByTimeAsync(FIRST_BYTE_TIMEOUT_MS - 1);
    expect(aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(aborted).toBe(true);
    expect(error).toMatchObject({
      kind: 'network',
      message: `The server sent no answer for the dataset within ${FIRST_BYTE_TIMEOUT_MS / 1000} s`,
    });
  });

  it('does not time out a slow body once the server has answered', async () => {
    vi.useFakeTimers();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((r) => setTimeout(r, FIRST_BYTE_TIMEOUT_MS * 2));
        controller.enqueue(new TextEncoder().encode('null'));
        controller.close();
      },
    });
    vi.stubGlobal('fetch', async () => new Response(body));
    const pending = failure();
    await vi.advanceTimersByTimeAsync(FIRST_BYTE_TIMEOUT_MS * 2 + 10);
    // It got to the body and judged it: null is not a dataset.
    expect(await pending).toMatchObject({ kind: 'invalid', problems: [{ path: '(root)', message: expect.stringMatching(/found null/) }] });
  });

  it('passes the caller’s cancellation through unchanged', async () => {
    vi.stubGlobal(
      'fetch',
      (_: string, init: RequestInit) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const controller = new AbortController();
    const query = datasetQuery(url);
    const fn = query.queryFn as unknown as (ctx: { signal: AbortSignal; queryKey: readonly unknown[] }) => Promise<LoadedDataset>;
    const pending = fn({ signal: controller.signal, queryKey: query.queryKey }).catch((e: unknown) => e);
    controller.abort();
    const error = await pending;
    expect(error).not.toBeInstanceOf(DatasetLoadError);
    expect((error as Error).name).toBe('AbortError');
  });
});
