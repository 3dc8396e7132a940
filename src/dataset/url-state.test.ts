import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex, ROW_TYPES } from './indexes';
import { isRealIsoDate } from './formats';
import { checkShape } from './validate';
import { AID_SORT_KEYS, MAX_QUERY_LENGTH, PARAMS, parseView, writeView, type ParsedView } from './url-state';

const shape = checkShape(JSON.parse(readFileSync('public/data/briefing.json', 'utf8')));
if (!shape.ok) throw new Error('the shipped dataset does not validate');
const index = buildIndex(shape.dataset);
const EVENT_KINDS = index.vocabulary.eventKinds.list.map((k) => k.id);

/** mulberry32: a small seeded PRNG, so a failing link can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}

const JUNK = [
  '',
  ' ',
  ',',
  ',,,',
  ' , ',
  '%',
  '%ZZ',
  '%E0%A4%A',
  '%00',
  '+',
  '&',
  '=',
  '==',
  '#',
  '?',
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '\u0000',
  '\u001b[31m',
  '\u202eevil',
  '🇺🇦',
  '\ud800',
  'Ω≈ç√',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '..',
  '../../etc/passwd',
  'x'.repeat(1000),
];
const DATES = [
  '2024-06-25',
  '2024-07-12',
  '2024-02-29',
  '2023-02-29',
  '2024-02-30',
  '2024-13-01',
  '2024-7-1',
  '2024-06',
  '2024',
  '99999-01-01',
  '0000-01-01',
  '2024-06-25T00:00',
  ' 2024-06-25',
];
const KNOWN_KEYS = Object.values(PARAMS).filter((k) => k !== PARAMS.dataset);

function randomValue(r: ReturnType<typeof prng>, key: string): string {
  const known: Record<string, readonly string[]> = {
    [PARAMS.sources]: [...index.sources.keys()],
    [PARAMS.actors]: [...index.actors.keys()],
    [PARAMS.types]: ROW_TYPES,
    [PARAMS.kinds]: EVENT_KINDS,
    [PARAMS.from]: DATES,
    [PARAMS.to]: DATES,
    [PARAMS.record]: [...index.rowById.keys()],
    [PARAMS.group]: ['speaker', 'event', 'Speaker'],
    [PARAMS.lane]: ['kind', 'actor', 'actors'],
    [PARAMS.view]: ['dashboard', 'briefing', 'print'],
    [PARAMS.sort]: [...AID_SORT_KEYS, ...AID_SORT_KEYS.map((k) => `-${k}`), '--amount', '-', 'amount,-item', 'AMOUNT'],
    [PARAMS.q]: ['Patriot', 'Belousov Austin', 'q'.repeat(MAX_QUERY_LENGTH + 5), '*', '(', '\\'],
  };
  const pool = known[key] ?? [];
  const one = () => (pool.length && r.next() < 0.6 ? r.pick(pool) : r.pick(JUNK));
  const n = 1 + r.int(4);
  return Array.from({ length: n }, one).join(r.next() < 0.8 ? ',' : ' , ');
}

/** A raw query string: mostly known keys with good or bad values, some unknown keys, some broken encoding. */
function randomQuery(seed: number): string {
  const r = prng(seed);
  const parts: string[] = [];
  const n = r.int(7);
  for (let i = 0; i < n; i++) {
    const key =
      r.next() < 0.8 ? r.pick(KNOWN_KEYS) : r.pick(['zzz', 'ACTOR', 'actor ', 'src[]', '__proto__', 'constructor', '', 'k'.repeat(300)]);
    const value = randomValue(r, key);
    const encode = r.next() < 0.85;
    parts.push(encode ? new URLSearchParams([[key, value]]).toString() : `${key}=${value}`);
  }
  if (r.next() < 0.1) parts.push(r.pick(['&&&', '=', '==x', '%', '%%%', 'a=%G1', '&=&']));
  return parts.join('&');
}

const list = (value: string | null) => [
  ...new Set(
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

function canonical(view: ParsedView): URLSearchParams {
  const { notices: _, ...rest } = view;
  return writeView(new URLSearchParams(), rest);
}

const CASES = 500;

describe('parseView against fuzzed links (seeded)', () => {
  const queries = Array.from({ length: CASES }, (_, i) => [i + 1, randomQuery(i + 1)] as const);

  it(`never throws, and keeps only values that mean something, for ${CASES} links`, () => {
    let withNotices = 0;
    for (const [seed, query] of queries) {
      const params = new URLSearchParams(query);
      let view: ParsedView;
      try {
        view = parseView(params, index);
      } catch (error) {
        throw new Error(`seed ${seed}: parseView threw on ?${query}: ${(error as Error).message}`, { cause: error });
      }
      const f = view.filters;
      const where = `seed ${seed}: ?${query.slice(0, 200)}`;
      for (const s of f.sources) expect(index.sources.has(s), where).toBe(true);
      for (const a of f.actors) expect(index.actors.has(a), where).toBe(true);
      for (const t of f.types) expect(ROW_TYPES, where).toContain(t);
      for (const k of f.kinds) expect(EVENT_KINDS, where).toContain(k);
      for (const d of [f.from, f.to]) if (d !== null) expect(d.length === 10 && isRealIsoDate(d), where).toBe(true);
      if (f.from && f.to) expect(f.from <= f.to, where).toBe(true);
      expect(f.q.length, where).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      if (view.record !== null) expect(index.rowById.has(view.record), where).toBe(true);
      expect(['speaker', 'event'], where).toContain(view.group);
      expect(['kind', 'actor'], where).toContain(view.lane);
      expect(AID_SORT_KEYS as readonly string[], where).toContain(view.sort.key);
      for (const n of view.notices) expect(typeof n === 'string' && n.length > 0, where).toBe(true);
      if (view.notices.length) withNotices++;

      // What it kept is a link that reads back the same, with nothing to complain about.
      const again = parseView(canonical(view), index);
      expect(again.notices, where).toEqual([]);
      expect({ ...again, notices: [] }, where).toEqual({ ...view, notices: [] });

      // Nothing is dropped silently: no notice means every value in the link was used as written.
      if (view.notices.length === 0) {
        for (const key of params.keys()) expect(Object.values(PARAMS) as string[], `${where}: unknown key "${key}"`).toContain(key);
        expect(new Set(f.sources), where).toEqual(new Set(list(params.get(PARAMS.sources))));
        expect(new Set(f.actors), where).toEqual(new Set(list(params.get(PARAMS.actors))));
        expect(new Set(f.types), where).toEqual(new Set(list(params.get(PARAMS.types))));
        expect(new Set(f.kinds), where).toEqual(new Set(list(params.get(PARAMS.kinds))));
        expect(f.from ?? '', where).toBe(params.get(PARAMS.from) ?? '');
        expect(f.to ?? '', where).toBe(params.get(PARAMS.to) ?? '');
        expect(view.record, where).toBe(params.get(PARAMS.record));
        expect(f.q, where).toBe(params.get(PARAMS.q) ?? '');
      }
    }
    // The generator is not so tame that every link is clean, nor so wild that none is.
    expect(withNotices).toBeGreaterThan(CASES * 0.5);
    expect(withNotices).toBeLessThan(CASES);
  });

  it('answers a 100,000-character link quickly and clips what it quotes back', () => {
    const huge = new URLSearchParams({ actor: 'x'.repeat(100_000), zzz: '1', q: 'y'.repeat(100_000), rec: 'z'.repeat(100_000) });
    const started = performance.now();
    const view = parseView(huge, index);
    expect(performance.now() - started).toBeLessThan(200);
    expect(view.filters.q).toHaveLength(MAX_QUERY_LENGTH);
    for (const n of view.notices) expect(n.length).toBeLessThan(200);
  });

  it('treats __proto__ and constructor as unknown names, not as lookups', () => {
    const view = parseView(new URLSearchParams('actor=__proto__,constructor,toString&src=hasOwnProperty&rec=__proto__&__proto__=1'), index);
    expect(view.filters.actors).toEqual([]);
    expect(view.filters.sources).toEqual([]);
    expect(view.record).toBeNull();
    expect(view.notices.join('\n')).toMatch(/unknown actor: “__proto__”, “constructor”, “toString”/);
    expect(view.notices.join('\n')).toMatch(/unknown link parameter: __proto__/);
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
  });
});
