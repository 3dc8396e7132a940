import { afterEach, describe, expect, it, vi } from 'vitest';
import { BROKEN_CASES, readCase, tenTimesDataset, type BrokenCase } from '../../e2e/fixtures/broken/cases';
import { DatasetLoadError, datasetQuery, type LoadedDataset } from './load';
import { buildIndex } from './indexes';
import { validDataset } from '../testing/test-fixtures';
import { MAX_PROBLEMS, parseJson, validateDatasetText } from './validate';

const ORIGIN = 'http://127.0.0.1:4173';

/**
 * The real URL route (fetch, validation, article texts) against a fake server that holds only the
 * files given. Every URL asked for is recorded, so a test can tell what was never requested.
 */
async function loadThroughUrl(path: string, files: Record<string, Uint8Array<ArrayBuffer> | string>) {
  const requested: string[] = [];
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const url = new URL(String(input));
    requested.push(url.href);
    const body = url.origin === ORIGIN ? files[url.pathname] : undefined;
    return body === undefined ? new Response('Not Found', { status: 404, statusText: 'Not Found' }) : new Response(body);
  });
  const query = datasetQuery(`${ORIGIN}${path}`);
  const run = query.queryFn as unknown as (ctx: { signal: AbortSignal; queryKey: readonly unknown[] }) => Promise<LoadedDataset>;
  try {
    return { result: await run({ signal: new AbortController().signal, queryKey: query.queryKey }), requested };
  } catch (error) {
    return { error, requested };
  }
}

function expectNoPollution() {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the corpus of broken datasets, through the URL route', () => {
  it.each(BROKEN_CASES.map((c) => [c.name, c] as [string, BrokenCase]))(
    '%s',
    async (name, c) => {
      const started = performance.now();
      const extra = Object.fromEntries(Object.entries(c.files ?? {}).map(([p, body]) => [p, new Uint8Array(body)]));
      const { error, requested } = await loadThroughUrl(`/fixtures/broken/${name}`, {
        [`/fixtures/broken/${name}`]: new Uint8Array(readCase(c)),
        ...extra,
      });
      const ms = performance.now() - started;

      expect(error, c.what).toBeInstanceOf(DatasetLoadError);
      const e = error as DatasetLoadError;
      expect(e.kind).toBe(c.kind);
      expect(e.where).toBe(`${ORIGIN}/fixtures/broken/${name}`);
      expect(e.problems).toContainEqual({ path: c.path, message: expect.stringMatching(c.message) });
      // A text that is not an article is blamed itself, not every excerpt cited from it.
      if (c.files) expect(e.problems.map((p) => p.path)).toEqual([c.path]);
      // Messages and paths never echo a hostile value whole (the 50 MB string, a giant key).
      for (const p of e.problems) {
        expect(p.path.length).toBeLessThan(300);
        expect(p.message.length).toBeLessThan(400);
      }
      // Nothing was fetched from anywhere but this origin.
      expect(requested.filter((u) => !u.startsWith(`${ORIGIN}/`))).toEqual([]);
      expectNoPollution();
      expect(ms, `${name} took ${Math.round(ms)} ms`).toBeLessThan(15_000);
    },
    30_000,
  );

  it('has at least 30 cases, each file under 200 KB unless generated', () => {
    expect(BROKEN_CASES.length).toBeGreaterThanOrEqual(30);
    for (const c of BROKEN_CASES.filter((x) => !x.generate)) expect(readCase(c).length, c.name).toBeLessThan(200_000);
  });
});

describe('hostile shapes', () => {
  it('reads 100,000 levels of nesting without overflowing the stack, complete or cut short', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(parseJson(deep).ok).toBe(true);
    const cut = parseJson('['.repeat(100_000));
    expect(cut).toEqual({ ok: false, problems: [{ path: '(file)', message: expect.stringMatching(/^JSON syntax error/) }] });
  });

  it('reports a giant unknown key clipped, not whole', async () => {
    const key = 'k'.repeat(1_000_000);
    const result = await validateDatasetText(`{"${key}": 1}`, async () => undefined);
    if (result.ok) throw new Error('accepted');
    const problem = result.problems.find((p) => p.message.startsWith('unknown field'));
    expect(problem?.message.length).toBeLessThan(100);
    expect(problem?.path.length).toBeLessThan(100);
  });

  it('keeps __proto__ and constructor keys as plain data, even through the tolerant parser', async () => {
    for (const name of ['proto-keys.json', 'proto-keys-broken-json.json']) {
      const c = BROKEN_CASES.find((x) => x.name === name) as BrokenCase;
      const result = await validateDatasetText(readCase(c).toString('utf8'), async () => undefined);
      expect(result.ok).toBe(false);
      expectNoPollution();
    }
    // JSON.parse makes "__proto__" an own key; the schema then reports it rather than passing it on.
    const parsed = parseJson('{"__proto__": {"polluted": 1}}');
    if (!parsed.ok) throw new Error('not parsed');
    expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
    expect(Object.keys(parsed.value as object)).toEqual(['__proto__']);
    expectNoPollution();
  });

  it('tells a UTF-16 file apart, with or without its byte-order mark', () => {
    const json = '{"title": "x"}';
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]),
      Buffer.from(json, 'utf16le'),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, 'utf16le').swap16()]),
    ]) {
      const result = parseJson(new TextDecoder().decode(bytes));
      expect(result).toEqual({ ok: false, problems: [{ path: '(file) line 1, column 1', message: expect.stringMatching(/UTF-16/) }] });
    }
  });

  it('says "does not match the schema", not "not JSON", for a field that must not be empty', async () => {
    const c = BROKEN_CASES.find((x) => x.name === 'blank-title.json') as BrokenCase;
    const { error } = await loadThroughUrl('/b.json', { '/b.json': readCase(c).toString('utf8') });
    expect((error as DatasetLoadError).kind).toBe('invalid');
  });

  it('loads the shipped dataset ten times over (about 1 MB) in well under a few seconds', async () => {
    const big = tenTimesDataset();
    const files: Record<string, string> = { '/data/ten.json': big.text };
    const real = JSON.parse(big.text) as { sources: { textPath: string }[] };
    const { readFileSync } = await import('node:fs');
    for (const s of real.sources) files[`/data/${s.textPath}`] = readFileSync(`public/data/${s.textPath}`, 'utf8');
    const started = performance.now();
    const { result, error, requested } = await loadThroughUrl('/data/ten.json', files);
    const ms = performance.now() - started;
    if (error) throw error;
    expect(result?.index.dataset.events).toHaveLength(big.events);
    expect(result?.index.dataset.quotes).toHaveLength(big.quotes);
    // Fifty sources share five article files, each fetched once.
    expect(new Set(requested).size).toBe(requested.length);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('inputs too large to spread into a call', () => {
  it('lists the first 200 of 130,000 schema problems and counts the rest, without overflowing the stack', { timeout: 30_000 }, async () => {
    const c = BROKEN_CASES.find((x) => x.name === 'many-schema-problems.json') as BrokenCase;
    const result = await validateDatasetText(readCase(c).toString('utf8'), async () => undefined);
    if (result.ok) throw new Error('accepted');
    expect(result.problems).toHaveLength(MAX_PROBLEMS);
    expect(result.problems[0]).toEqual({ path: 'events[0].kind', message: expect.stringMatching(/expected one of/) });
    expect(result.problems[199].path).toBe('events[199].kind');
    expect(result.more).toBe(130_000 - MAX_PROBLEMS);
  });

  it('validates and indexes a discrepancy that concerns one event 130,000 times', { timeout: 30_000 }, async () => {
    const d = validDataset();
    const first = d.events[0].id;
    d.discrepancies[0].concerns = { events: Array.from({ length: 130_000 }, () => first) };
    const result = await validateDatasetText(JSON.stringify(d), async () => undefined);
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    const index = buildIndex(result.dataset);
    const row = index.rows.find((r) => r.id === d.discrepancies[0].id);
    expect(row?.start).toBe(index.rows.find((r) => r.id === first)?.start);
  });
});
