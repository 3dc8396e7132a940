import { describe, expect, it } from 'vitest';
import { isoToDay } from '../lib/dates';
import { generateDataset } from '../testing/generate';
import { CREDIBILITY_GRADES, RELIABILITY_GRADES, type CredibilityGrade, type ReliabilityGrade } from './grading-vocabulary';
import { buildIndex, ROW_TYPES, type DatasetIndex, type Row, type RowType } from './indexes';
import { Dataset, type Discrepancy, type EventKind, type Fact } from './schema';
import { activeFilterCount, isFiltered, NO_FILTERS, select, type Filters, type Selection } from './select';
import { mutated, validDataset } from '../testing/test-fixtures';
import { DEFAULT_EVENT_KINDS } from './vocabulary';

const EVENT_KINDS = DEFAULT_EVENT_KINDS.map((k) => k.id);

/** A row's grades by their plain definition: the fact's own, a discrepancy's best concerned fact, 0 for none. */
function gradesOf(index: DatasetIndex, row: Row): { credibility: number; reliability: ReliabilityGrade } {
  const letters = row.sources.map((id) => index.grading.source(id).grade).sort();
  const reliability = letters[0] ?? 'F';
  if (row.type !== 'discrepancy') return { credibility: index.grading.fact(row.record as Fact).credibility, reliability };
  const { events, quotes, aid } = (row.record as Discrepancy).concerns;
  const concerned = [...events, ...quotes, ...aid].map((id) => index.rowById.get(id)?.record as Fact | undefined);
  const grades = concerned.filter((f): f is Fact => f !== undefined).map((f) => index.grading.fact(f).credibility);
  return { credibility: grades.length ? Math.min(...grades) : 0, reliability };
}

/** The plain definition of the selection, one closure per check; the fast path must agree with it. */
function reference(index: DatasetIndex, f: Filters) {
  const words = f.q.toLowerCase().split(/\s+/).filter(Boolean);
  const from = f.from ? isoToDay(f.from) : -Infinity;
  const to = f.to ? isoToDay(f.to) : Infinity;
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  const facets = {
    outlets: new Map<string, number>(),
    actors: new Map<string, number>(),
    types: new Map<RowType, number>(),
    kinds: new Map<EventKind, number>(),
    credibility: new Map<CredibilityGrade, number>(),
    reliability: new Map<ReliabilityGrade, number>(),
  };
  const shown: Row[] = [];
  for (const row of index.rows) {
    const okDate = (f.from === null && f.to === null) || Number.isNaN(row.start) || (row.end >= from && row.start <= to);
    const okText = words.every((w) => row.text.includes(w));
    if (!okDate || !okText) continue;
    const okSource = !f.sources.length || row.sources.some((s) => f.sources.includes(s));
    const okActor = !f.actors.length || row.actors.some((a) => f.actors.includes(a));
    const okType = !f.types.length || f.types.includes(row.type);
    const okKind = !f.kinds.length || row.kinds.some((k) => f.kinds.includes(k));
    const grade = gradesOf(index, row);
    const okCred = f.minCredibility === null || grade.credibility === 0 || grade.credibility <= f.minCredibility;
    const okRel = !f.reliability.length || f.reliability.includes(grade.reliability);
    const okGrades = okCred && okRel;
    if (okActor && okType && okKind && okGrades) row.outlets.forEach((o) => bump(facets.outlets, o));
    if (okSource && okType && okKind && okGrades) row.actors.forEach((a) => bump(facets.actors, a));
    if (okSource && okActor && okKind && okGrades) bump(facets.types, row.type);
    if (okSource && okActor && okType && okGrades) row.kinds.forEach((k) => bump(facets.kinds, k));
    const okRest = okSource && okActor && okType && okKind;
    if (okRest && okRel && grade.credibility > 0) bump(facets.credibility, grade.credibility as CredibilityGrade);
    if (okRest && okCred) bump(facets.reliability, grade.reliability);
    if (okRest && okGrades) shown.push(row);
  }
  const byStart = (a: Row, b: Row) => a.start - b.start || a.end - b.end;
  const ids = (type: RowType) =>
    shown
      .filter((r) => r.type === type)
      .sort(type === 'discrepancy' ? () => 0 : byStart)
      .map((r) => r.id);
  return { events: ids('event'), quotes: ids('quote'), aid: ids('aid'), discrepancies: ids('discrepancy'), facets };
}

const sorted = <K>(m: Map<K, number>) => [...m.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
const summary = (s: Selection) => ({
  events: s.events.map((r) => r.id),
  quotes: s.quotes.map((r) => r.id),
  aid: s.aid.map((r) => r.id),
  discrepancies: s.discrepancies.map((r) => r.id),
  facets: {
    outlets: sorted(s.facets.outlets),
    actors: sorted(s.facets.actors),
    types: sorted(s.facets.types),
    kinds: sorted(s.facets.kinds),
    credibility: sorted(s.facets.credibility),
    reliability: sorted(s.facets.reliability),
  },
});
const referenceSummary = (index: DatasetIndex, f: Filters) => {
  const r = reference(index, f);
  return {
    ...r,
    facets: {
      outlets: sorted(r.facets.outlets),
      actors: sorted(r.facets.actors),
      types: sorted(r.facets.types),
      kinds: sorted(r.facets.kinds),
      credibility: sorted(r.facets.credibility),
      reliability: sorted(r.facets.reliability),
    },
  };
};

/** A small seeded PRNG, so the random filters are the same on every run. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A generated dataset with every grade in it: sources graded A–F in turn, some facts judged by hand. */
function gradedDataset() {
  const d = generateDataset({ records: 1500, seed: 5 });
  d.sources.forEach((s, i) => {
    if (i % 7 !== 6) s.reliability = { grade: RELIABILITY_GRADES[i % 6], reason: 'Graded for the test.' };
  });
  d.events.forEach((e, i) => {
    if (i % 11 === 0) e.credibility = { grade: CREDIBILITY_GRADES[i % 6], reason: 'Judged for the test.' };
  });
  return d;
}

describe('select', () => {
  const index = buildIndex(Dataset.parse(gradedDataset()));

  it('agrees with the plain definition for many random filter combinations', () => {
    const rnd = prng(9);
    const pick = <T>(xs: readonly T[], max: number) => xs.filter(() => rnd() < max / Math.max(1, xs.length));
    // Words and pairs taken from the records themselves, so searches hit, plus one that never does.
    const sample = index.rows.filter((_, i) => i % 97 === 0).flatMap((r) => r.text.split(' ').slice(1, 3));
    const words = [...sample.slice(0, 12), `${sample[0]} ${sample[3]}`, 'zzzz', 'a'];
    const [lo, hi] = index.dayRange as [number, number];
    const day = () => new Date((lo + Math.floor(rnd() * (hi - lo + 1))) * 86_400_000).toISOString().slice(0, 10);
    for (let trial = 0; trial < 120; trial++) {
      const a = rnd() < 0.4 ? day() : null;
      const b = rnd() < 0.4 ? day() : null;
      const f: Filters = {
        sources: rnd() < 0.4 ? pick(index.sourceOrder, 2) : [],
        actors: rnd() < 0.4 ? pick([...index.actors.keys()], 2) : [],
        from: a && b && a > b ? b : a,
        to: a && b && a > b ? a : b,
        types: rnd() < 0.3 ? pick(ROW_TYPES, 1.5) : [],
        kinds: rnd() < 0.3 ? pick(EVENT_KINDS, 2) : [],
        q: rnd() < 0.4 ? words[Math.floor(rnd() * words.length)] : '',
        minCredibility: rnd() < 0.3 ? CREDIBILITY_GRADES[Math.floor(rnd() * 6)] : null,
        reliability: rnd() < 0.3 ? pick(RELIABILITY_GRADES, 2) : [],
      };
      expect(summary(select(index, f)), JSON.stringify(f)).toEqual(referenceSummary(index, f));
    }
  });

  it('gives the same answer when the search text repeats, changes and comes back', () => {
    const withQ = (q: string) => ({ ...NO_FILTERS, q });
    const word = index.rows[0].text.split(' ')[0];
    const first = summary(select(index, withQ(word)));
    expect(summary(select(index, withQ('said')))).toEqual(referenceSummary(index, withQ('said')));
    expect(summary(select(index, withQ(word)))).toEqual(first);
    expect(first).toEqual(referenceSummary(index, withQ(word)));
    expect(first.events.length).toBeGreaterThan(0);
  });

  it('lists events, quotes and aid by date and discrepancies in dataset order, with no filter', () => {
    const s = select(index, NO_FILTERS);
    const starts = s.events.map((e) => index.rowById.get(e.id)!.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(s.discrepancies.map((d) => d.id)).toEqual(index.dataset.discrepancies.map((d) => d.id));
    expect(s.events.length + s.quotes.length + s.aid.length + s.discrepancies.length).toBe(1500);
  });

  it('finds words across the joined texts without matching across two records', () => {
    const small = buildIndex(Dataset.parse(validDataset()));
    const all = select(small, NO_FILTERS);
    expect(all.events.length).toBeGreaterThan(1);
    // The end of one record's text and the start of the next never make a match together.
    const texts = small.rows.map((r) => r.text);
    const across = `${texts[0].slice(-3)}${texts[1].slice(0, 3)}`;
    const expected = texts.filter((t) => t.includes(across)).length;
    const got = select(small, { ...NO_FILTERS, q: across }).rows.length;
    expect(got).toBe(expected);
    expect(select(small, { ...NO_FILTERS, q: 'patriot' }).rows.map((r) => r.id)).toEqual(
      small.rows.filter((r) => r.text.includes('patriot')).map((r) => r.id),
    );
  });
});

describe('dates in the years 1–99', () => {
  it('from=0050-01-01&to=0050-12-31 shows an event of the year 50, not one of 1950', () => {
    const d = validDataset();
    d.events[0].date = { value: '1950-06-01', precision: 'day' };
    d.events[1].date = { value: '0050-06-01', precision: 'day' };
    delete d.events[1].end;
    const index = buildIndex(Dataset.parse(d));
    const s = select(index, { ...NO_FILTERS, from: '0050-01-01', to: '0050-12-31' });
    expect(s.events.map((e) => e.id)).toEqual([d.events[1].id]);
  });
});

describe('bidi', () => {
  it('an unclosed U+202E in an unnamed outlet is isolated from the date after it', () => {
    const d = validDataset();
    Object.assign(d.sources[1], { outlet: 'Unnamed outlet\u202E', outletEvidence: 'not-named', outletExcerpt: undefined });
    const index = buildIndex(Dataset.parse(d));
    const labels = [...index.outlets.values()].map((o) => o.label);
    expect(labels).toContain('\u2068Unnamed outlet\u202E\u2069, Jul 2024');
  });
});

describe('grade filters', () => {
  // The wire is usually reliable, the site unreliable; the call is contradicted but judged probably true.
  const index = buildIndex(
    Dataset.parse(
      mutated((d) => {
        d.sources[0].reliability = { grade: 'B', reason: 'A wire report.' };
        d.sources[1].reliability = { grade: 'E', reason: 'Has misreported dates before.' };
        d.events[0].credibility = { grade: 2, reason: 'Both texts report the call; they differ on its date.' };
        d.discrepancies.push({
          id: 'disc-spelling',
          kind: 'spelling',
          topic: 'Spelling',
          summary: 'Two spellings.',
          versions: [{ source: 'src-site', excerpt: 'Zelensky', reading: 'Zelensky.' }],
          concerns: { actors: ['zelensky'] },
        });
      }),
    ),
  );
  const ids = (s: Selection) => s.rows.map((r) => r.id);

  it('keeps records at least as credible as asked, discrepancies with the records they concern', () => {
    expect(ids(select(index, { ...NO_FILTERS, minCredibility: 2 }))).toEqual(['ev-call', 'disc-call-date', 'disc-spelling']);
    expect(ids(select(index, { ...NO_FILTERS, minCredibility: 3 }))).toEqual([
      'ev-call',
      'q-stand',
      'aid-pkg',
      'disc-call-date',
      'disc-spelling',
    ]);
    expect(select(index, { ...NO_FILTERS, minCredibility: 6 }).rows).toHaveLength(index.rows.length);
  });

  it('keeps records whose best source has one of the chosen grades', () => {
    expect(ids(select(index, { ...NO_FILTERS, reliability: ['E'] }))).toEqual(['ev-summit', 'aid-patriot', 'disc-spelling']);
    expect(ids(select(index, { ...NO_FILTERS, reliability: ['A', 'B'], minCredibility: 2 }))).toEqual(['ev-call', 'disc-call-date']);
  });

  it('counts each grade over what every other filter keeps', () => {
    const narrowed = select(index, { ...NO_FILTERS, minCredibility: 2 });
    expect(sorted(narrowed.facets.credibility)).toEqual([
      [2, 2],
      [3, 2],
      [6, 2],
    ]);
    expect(sorted(narrowed.facets.reliability)).toEqual([
      ['B', 2],
      ['E', 1],
    ]);
    expect(sorted(narrowed.facets.types)).toEqual([
      ['discrepancy', 2],
      ['event', 1],
    ]);
    const unreliable = select(index, { ...NO_FILTERS, reliability: ['E'] });
    expect(sorted(unreliable.facets.credibility)).toEqual([[6, 2]]);
    expect(sorted(unreliable.facets.reliability)).toEqual([
      ['B', 4],
      ['E', 3],
    ]);
  });

  it('counts as a filter only when set', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, minCredibility: 6 })).toBe(true);
    expect(isFiltered({ ...NO_FILTERS, reliability: ['F'] })).toBe(true);
  });
});

describe('activeFilterCount', () => {
  it('counts each filter in use once, however many values it has', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, sources: ['a', 'b', 'c'] })).toBe(1);
    expect(activeFilterCount({ ...NO_FILTERS, sources: ['a'], actors: ['x'], from: '2024-01-01', to: '2024-02-01', q: '  ' })).toBe(3);
    expect(activeFilterCount({ ...NO_FILTERS, minCredibility: 2, reliability: ['A'], types: ['event'], kinds: ['call'], q: 'x' })).toBe(5);
  });
});
