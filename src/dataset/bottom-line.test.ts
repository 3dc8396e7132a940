import { describe, expect, it } from 'vitest';
import { aidStage, keyFigures, keyPointsFor } from './bottom-line';
import { resolveVocabulary } from './vocabulary';
import { buildIndex } from './indexes';
import { Dataset, type AidItem, type DatasetInput, type Event } from './schema';
import { NO_FILTERS, select, type Filters } from './select';
import { mutated } from '../testing/test-fixtures';

const isCall = (e: Event) => e.kind === 'call';

function indexOf(d: DatasetInput) {
  return buildIndex(Dataset.parse(d));
}

/** The test dataset with a second call, a euro item taking effect in 2026 and one in effect. */
function richer(): DatasetInput {
  return mutated((d) => {
    d.events.push({
      id: 'ev-call-2',
      date: { value: '2024-08', precision: 'month' },
      kind: 'call',
      title: 'Second call',
      summary: 'They spoke again.',
      actors: ['biden'],
      citations: [{ source: 'src-site', excerpt: 'Zelensky thanked Biden' }],
    });
    d.aid.push(
      {
        id: 'aid-eur',
        donor: 'us',
        item: 'Training',
        category: 'other',
        amount: { value: 850_000, currency: 'EUR' },
        announced: { value: '2024-07-02', precision: 'day' },
        effective: { value: '2026', precision: 'year' },
        status: 'planned',
        citations: [{ source: 'src-wire', excerpt: 'The United States announced' }],
      },
      {
        id: 'aid-now',
        donor: 'us',
        item: 'Permission',
        category: 'strike-permission',
        amount: { value: 40_000_000, currency: 'USD' },
        announced: { value: '2024-06', precision: 'month' },
        status: 'in-effect',
        citations: [{ source: 'src-site', excerpt: 'officials said' }],
      },
    );
    d.keyPoints = [
      { id: 'kp-call', text: 'They spoke.', about: ['ev-call'], citations: [{ source: 'src-wire', excerpt: 'spoke with' }] },
      {
        id: 'kp-aid',
        text: 'Money.',
        about: ['aid-pkg', 'aid-patriot'],
        citations: [{ source: 'src-wire', excerpt: 'a $225 million package' }],
      },
      { id: 'kp-site', text: 'Meeting.', citations: [{ source: 'src-site', excerpt: 'Leaders met' }] },
    ];
  });
}

describe('keyFigures', () => {
  const index = indexOf(richer());
  const all = select(index, NO_FILTERS);

  it('lists the contacts in date order, by whatever counts as a contact', () => {
    expect(keyFigures(index, all, isCall).contacts.map((e) => e.id)).toEqual(['ev-call', 'ev-call-2']);
    expect(keyFigures(index, all, (e) => e.kind === 'summit').contacts.map((e) => e.id)).toEqual(['ev-summit']);
  });

  it('totals aid per stage, year and currency, counting an item inside a priced package once', () => {
    const aid = keyFigures(index, all, isCall).aid;
    expect(aid.map((g) => [g.stage, g.year, g.items.map((a) => a.id), g.totals])).toEqual([
      ['announced', '2024', ['aid-pkg'], [{ value: 225_000_000, currency: 'USD' }]],
      ['in-effect', '2024', ['aid-now'], [{ value: 40_000_000, currency: 'USD' }]],
      [
        'later',
        '2024',
        ['aid-patriot'],
        // The Patriot takes effect in August 2024 and has no price of its own.
        [],
      ],
      ['later', '2026', ['aid-eur'], [{ value: 850_000, currency: 'EUR' }]],
    ]);
  });

  it('never adds one currency to another', () => {
    const d = richer();
    (d.aid[2] as AidItem).effective = undefined;
    (d.aid[2] as AidItem).status = 'announced';
    const aid = keyFigures(indexOf(d), select(indexOf(d), NO_FILTERS), isCall).aid;
    expect(aid[0].totals).toEqual([
      { value: 225_000_000, currency: 'USD' },
      { value: 850_000, currency: 'EUR' },
    ]);
  });

  it('counts a child item’s own amount when its package is not shown', () => {
    const d = richer();
    (d.aid[1] as AidItem).amount = { value: 5_000_000, currency: 'USD' };
    const i = indexOf(d);
    const onlyPatriot = select(i, { ...NO_FILTERS, q: 'patriot' });
    expect(keyFigures(i, onlyPatriot, isCall).aid.map((g) => g.totals)).toEqual([[{ value: 5_000_000, currency: 'USD' }]]);
    const both = keyFigures(i, select(i, NO_FILTERS), isCall).aid.find((g) => g.items.some((a) => a.id === 'aid-patriot'));
    expect(both?.totals).toEqual([]);
  });

  it('counts facts resting on one outlet and open discrepancies, and follows the filters', () => {
    const f = keyFigures(index, all, isCall);
    // ev-call cites both outlets; every other event, the quote and every aid item cite one.
    expect([f.facts, f.singleOutlet]).toEqual([8, 7]);
    expect([f.discrepancies, f.conflicts]).toEqual([1, 1]);
    const onlySite: Filters = { ...NO_FILTERS, sources: ['src-site'] };
    const g = keyFigures(index, select(index, onlySite), isCall);
    expect(g.contacts.map((e) => e.id)).toEqual(['ev-call', 'ev-call-2']);
    expect(g.aid.map((a) => a.items.map((x) => x.id))).toEqual([['aid-now'], ['aid-patriot']]);
    expect(g.facts).toBe(5);
  });
});

describe('aidStage', () => {
  it('keeps announced apart from in effect and from taking effect later', () => {
    const base = richer().aid[0] as AidItem;
    const inEffect = resolveVocabulary({}).inEffectStatuses;
    expect(aidStage({ ...base, status: 'delivered' }, inEffect)).toBe('in-effect');
    expect(aidStage({ ...base, status: 'reported' }, inEffect)).toBe('announced');
    expect(aidStage({ ...base, effective: { value: '2024-07-02', precision: 'day' } }, inEffect)).toBe('announced');
    expect(aidStage({ ...base, effective: { value: '2025', precision: 'year' } }, inEffect)).toBe('later');
  });

  it('takes what is in effect from the dataset\'s own statuses', () => {
    const base = richer().aid[0] as AidItem;
    const own = resolveVocabulary({
      vocabulary: {
        aidStatuses: [
          { id: 'pledged', label: 'Pledged', inEffect: false },
          { id: 'disbursed', label: 'Disbursed', inEffect: true },
        ],
      },
    }).inEffectStatuses;
    expect(aidStage({ ...base, status: 'disbursed' }, own)).toBe('in-effect');
    expect(aidStage({ ...base, status: 'pledged' }, own)).toBe('announced');
    // A default id means nothing to a dataset that declared its own list.
    expect(aidStage({ ...base, status: 'delivered' }, own)).toBe('announced');
  });
});

describe('keyPointsFor', () => {
  const index = indexOf(richer());
  const points = (f: Filters) => keyPointsFor(index, select(index, f), f !== NO_FILTERS, f.sources).map((p) => p.id);

  it('shows every point without filters', () => {
    expect(points(NO_FILTERS)).toEqual(['kp-call', 'kp-aid', 'kp-site']);
  });

  it('keeps a point while a record it is about is shown, and a point about nothing while its sources are allowed', () => {
    expect(points({ ...NO_FILTERS, q: 'patriot' })).toEqual(['kp-aid', 'kp-site']);
    expect(points({ ...NO_FILTERS, sources: ['src-wire'] })).toEqual(['kp-call', 'kp-aid']);
    expect(points({ ...NO_FILTERS, q: 'nothing matches this' })).toEqual(['kp-site']);
  });

  it('is empty for a dataset without key points', () => {
    const plain = indexOf(mutated(() => undefined));
    expect(keyPointsFor(plain, select(plain, NO_FILTERS), false, [])).toEqual([]);
  });
});
