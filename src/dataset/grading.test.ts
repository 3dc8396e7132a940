import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeDataset } from './grading';
import { buildIndex } from './indexes';
import { Dataset, type DatasetInput, type Event, type Fact } from './schema';
import { mutated } from '../testing/test-fixtures';
import { checkShape } from './validate';

type SourceIn = DatasetInput['sources'][number];

const source = (id: string, outlet: string, more: Partial<SourceIn> = {}): SourceIn => ({
  id,
  title: id,
  outlet,
  outletEvidence: 'masthead',
  outletExcerpt: outlet,
  published: { value: '2024-07-13', precision: 'day' },
  kind: 'news-site',
  text: `${outlet}: the ministers spoke.`,
  ...more,
});

const unnamed = (id: string, published: string, more: Partial<SourceIn> = {}): SourceIn =>
  source(id, 'Unnamed outlet', {
    outletEvidence: 'not-named',
    outletExcerpt: undefined,
    published: { value: published, precision: 'day' },
    ...more,
  });

const graded = (grade: 'A' | 'B' | 'C' | 'D' | 'E' | 'F') => ({ reliability: { grade, reason: `graded ${grade} for the test` } });

/** A dataset of the given sources and one event cited by each of `cited`. */
function withEvent(sources: SourceIn[], cited: string[], more: Partial<Event> = {}, discrepancies: DatasetInput['discrepancies'] = []) {
  const dataset = Dataset.parse({
    title: 't',
    version: '1',
    date: '2024-08-01',
    sources,
    actors: [],
    events: [
      {
        id: 'ev',
        date: { value: '2024-07-12', precision: 'day' },
        kind: 'call',
        title: 'The call',
        summary: 'They spoke.',
        actors: [],
        citations: cited.map((id) => ({ source: id, excerpt: 'the ministers spoke' })),
        ...more,
      },
    ],
    quotes: [],
    aid: [],
    discrepancies,
  });
  const index = buildIndex(dataset);
  return { index, grade: index.grading.fact(dataset.events[0]), code: index.grading.code(dataset.events[0]) };
}

const conflict = (id: string, topic: string) => ({
  id,
  kind: 'conflict' as const,
  topic,
  summary: 'The texts disagree.',
  versions: [{ source: 'afp', excerpt: 'the ministers spoke', reading: 'They spoke.' }],
  concerns: { events: ['ev'] },
});

describe('corroboration', () => {
  it('counts a wire report and its copy once', () => {
    const { grade } = withEvent(
      [source('afp', 'AFP', { kind: 'wire', ...graded('B') }), source('kp', 'Kyiv Post', { reposts: ['AFP'], ...graded('B') })],
      ['afp', 'kp'],
    );
    expect(grade.groups).toHaveLength(1);
    expect(grade.groups[0]).toMatchObject({ label: 'AFP', sourceIds: ['afp', 'kp'], copies: ['Kyiv Post copies AFP'] });
    expect(grade.credibility).toBe(3);
    expect(grade.code).toBe('B3');
    expect(grade.words).toBe('Usually reliable · Possibly true: 1 outlet reports it (AFP); Kyiv Post copies AFP');
  });

  it('counts a repost with what it reposts, the original there or not', () => {
    const hill = source('hill', 'The Hill', graded('C'));
    const blog = source('blog', 'Blog repost', { kind: 'blog-repost', reposts: ['the hill '], ...graded('D') });
    const both = withEvent([hill, blog], ['hill', 'blog']).grade;
    expect(both.groups.map((g) => g.label)).toEqual(['The Hill']);
    expect(both.corroboration).toBe('1 outlet reports it (The Hill); Blog repost copies the hill');
    expect(both.code).toBe('C3');

    const alone = withEvent([blog, source('kp', 'Kyiv Post', graded('B'))], ['blog', 'kp']).grade;
    // Listed best graded first.
    expect(alone.groups.map((g) => g.label)).toEqual(['Kyiv Post', 'Blog repost via the hill']);
    expect(alone.credibility).toBe(2);
  });

  it('counts two copies of one wire once even without the wire itself', () => {
    const { grade } = withEvent(
      [source('kp', 'Kyiv Post', { reposts: ['AFP'], ...graded('B') }), source('fr', 'France 24', { reposts: ['AFP'], ...graded('B') })],
      ['kp', 'fr'],
    );
    expect(grade.groups).toHaveLength(1);
    expect(grade.corroboration).toBe('1 outlet reports it (Kyiv Post via AFP); France 24 copies AFP');
  });

  it('counts two independent outlets as two, and says which', () => {
    const { grade, code } = withEvent(
      [source('kp', 'Kyiv Post', { reposts: ['AFP'], ...graded('B') }), unnamed('agg', '2024-07-13', graded('F'))],
      ['kp', 'agg'],
    );
    expect(grade.groups).toHaveLength(2);
    expect(grade.code).toBe('B2');
    expect(code).toEqual({ reliability: 'B', credibility: 2 });
    expect(grade.words).toBe(
      'Usually reliable · Probably true: 2 independent outlets report it (Kyiv Post via AFP; Unnamed outlet, 13 Jul 2024)',
    );
  });

  it('keeps unnamed outlets apart, and one named outlet’s articles together', () => {
    const { grade } = withEvent(
      [
        unnamed('u1', '2024-07-13', graded('C')),
        unnamed('u2', '2024-07-14', graded('C')),
        source('t1', 'Tempo', graded('C')),
        source('t2', 'Tempo', graded('C')),
      ],
      ['u1', 'u2', 't1', 't2'],
    );
    expect(grade.groups.map((g) => g.label)).toEqual(['Unnamed outlet, 13 Jul 2024', 'Unnamed outlet, 14 Jul 2024', 'Tempo (2 articles)']);
    // Three independent outlets, but none graded A or B: probably true, not confirmed.
    expect(grade.credibility).toBe(2);
  });

  it('confirms with three independent outlets when one is graded A or B', () => {
    const { grade } = withEvent(
      [source('a', 'AFP', graded('B')), source('b', 'Tempo', graded('F')), unnamed('c', '2024-07-13')],
      ['a', 'b', 'c'],
    );
    expect(grade.code).toBe('B1');
    expect(grade.reason).toBe('3 independent outlets report it (AFP; Tempo; Unnamed outlet, 13 Jul 2024)');
  });

  it('counts corroboration before grades: independent outlets none graded A–C still make it probably true', () => {
    const weak = withEvent([source('a', 'One', graded('D')), source('b', 'Two', graded('E'))], ['a', 'b']).grade;
    expect(weak.code).toBe('D2');
    expect(weak.words).toBe('Not usually reliable · Probably true: 2 independent outlets report it (One; Two)');
    const three = withEvent(
      [source('a', 'One', graded('C')), source('b', 'Two', graded('D')), unnamed('c', '2024-07-13')],
      ['a', 'b', 'c'],
    );
    expect(three.grade.code).toBe('C2');
    expect(three.code).toEqual({ reliability: 'C', credibility: 2 });
  });

  it('rates one outlet by its grade: possibly true when graded A–C, else cannot be judged', () => {
    expect(withEvent([source('a', 'One', graded('C'))], ['a']).grade.code).toBe('C3');
    const weak = withEvent([source('a', 'One', graded('D'))], ['a']).grade;
    expect(weak.code).toBe('D6');
    expect(weak.reason).toBe('1 outlet reports it (One), graded D');
    // A wire and its copy are one outlet, however many articles carry it.
    const copied = withEvent([source('w', 'Wire', graded('E')), source('c', 'Copy', { reposts: ['Wire'], ...graded('D') })], ['w', 'c']);
    expect(copied.grade.code).toBe('D6');
    expect(withEvent([source('a', 'One')], ['a']).grade.reason).toBe('1 outlet reports it (One), not graded');
  });
});

describe('ungraded sources', () => {
  it('count as F, not graded in the dataset', () => {
    const { index, grade } = withEvent([source('a', 'Some Paper')], ['a']);
    expect(index.grading.source('a')).toEqual({ grade: 'F', reason: 'Not graded in the dataset', recorded: false });
    expect(index.grading.source('missing').grade).toBe('F');
    expect(grade.code).toBe('F6');
  });

  it('keep a recorded grade and its reason', () => {
    const { index } = withEvent([source('a', 'AFP', graded('A'))], ['a']);
    expect(index.grading.source('a')).toEqual({ grade: 'A', reason: 'graded A for the test', recorded: true });
  });
});

describe('conflicts and recorded judgements', () => {
  const three = [source('a', 'AFP', graded('B')), source('b', 'Reuters', graded('B')), source('c', 'AP', graded('B'))];

  it('makes a fact a recorded conflict concerns doubtful, naming the conflict', () => {
    const { grade } = withEvent(three, ['a', 'b', 'c'], {}, [conflict('d', 'When they spoke')]);
    expect(grade.code).toBe('B4');
    expect(grade.recorded).toBe(false);
    expect(grade.reason).toBe('the sources conflict on it (When they spoke); 3 independent outlets report it (AFP; Reuters; AP)');
  });

  it('keeps the grade and reason the dataset records for a contradicted fact', () => {
    const judged = { credibility: { grade: 2 as const, reason: 'All three report the call; they differ only on its hour.' } };
    const { grade, code } = withEvent(three, ['a', 'b', 'c'], judged, [conflict('d', 'When they spoke')]);
    expect(code).toEqual({ reliability: 'B', credibility: 2 });
    expect(grade).toMatchObject({ code: 'B2', recorded: true, reason: 'All three report the call; they differ only on its hour.' });
    expect(grade.words).toBe(
      'Usually reliable · Probably true (recorded judgement): All three report the call; they differ only on its hour.',
    );
    expect(grade.corroboration).toBe('3 independent outlets report it (AFP; Reuters; AP)');

    const doubted = { credibility: { grade: 4 as const, reason: 'The other texts contradict it.' } };
    expect(withEvent(three, ['a'], doubted).grade.code).toBe('B4');
  });

  it('is the same whether asked for the code alone or with words', () => {
    const sources = [...three, unnamed('u', '2024-07-13'), source('kp', 'Kyiv Post', { reposts: ['AFP'] })];
    for (const cited of [['a'], ['u'], ['a', 'kp'], ['a', 'b'], ['a', 'b', 'kp'], ['a', 'b', 'c'], ['u', 'kp']]) {
      const { grade, code } = withEvent(sources, cited);
      expect(`${code.reliability}${code.credibility}`, cited.join()).toBe(grade.code);
    }
  });
});

describe('gradeDataset', () => {
  it('joins two originals that one source reposts together into one group', () => {
    const sources = [source('afp', 'AFP'), source('reu', 'Reuters'), source('both', 'Digest', { reposts: ['AFP', 'Reuters'] })];
    const grading = gradeDataset(
      Dataset.parse({
        title: 't',
        version: '1',
        date: '2024-01-01',
        sources,
        actors: [],
        events: [],
        quotes: [],
        aid: [],
        discrepancies: [],
      }),
      (id) => id,
    );
    const fact = { id: 'x', citations: sources.map((s) => ({ source: s.id, excerpt: 'x' })) } as unknown as Event;
    expect(grading.fact(fact).groups.map((g) => g.label)).toEqual(['afp and reu']);
  });
});

describe('grades in the schema', () => {
  it('refuses grades off the scales, naming where', () => {
    const bad = mutated((d) => {
      Object.assign(d.sources[0], { reliability: { grade: 'G', reason: ' ' } });
      Object.assign(d.events[0], { credibility: { grade: 7, reason: 'Too sure.' } });
      Object.assign(d.discrepancies[0].versions[0], { likelihood: 'probable' });
    });
    const shape = checkShape(bad);
    expect(shape.ok).toBe(false);
    const paths = shape.ok ? [] : shape.problems.map((p) => p.path);
    expect(paths).toEqual([
      'sources[0].reliability.grade',
      'sources[0].reliability.reason',
      'events[0].credibility.grade',
      'discrepancies[0].versions[0].likelihood',
    ]);
  });
});

describe('the default dataset', () => {
  const index = buildIndex(Dataset.parse(JSON.parse(readFileSync('public/data/briefing.json', 'utf8'))));

  it('grades every source with a reason of its own', () => {
    const reasons = index.dataset.sources.map((s) => index.grading.source(s.id));
    expect(reasons.every((g) => g.recorded && g.reason.length > 80)).toBe(true);
    expect(new Set(reasons.map((g) => g.reason)).size).toBe(reasons.length);
  });

  it('counts the wire copy and the blog repost each with what they copy', () => {
    const nato = index.grading.fact(index.rowById.get('ev-nato-summit-2024')?.record as Fact);
    expect(nato.code).toBe('B1');
    expect(nato.groups.map((g) => g.label)).toEqual([
      'Kyiv Post via AFP',
      'Blog repost (“Tyler Durden”) via The Hill',
      'Unnamed outlet, 13 Jul 2024',
    ]);
  });
});
