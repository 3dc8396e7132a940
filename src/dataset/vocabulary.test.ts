import { describe, expect, it } from 'vitest';
import { CATEGORICAL, EVENT_KIND_COLOR } from '../lib/palette';
import { buildIndex } from './indexes';
import { Dataset } from './schema';
import { mutated, validDataset } from '../testing/test-fixtures';
import { validateDatasetText } from './validate';
import { DEFAULT_EVENT_KINDS, resolveVocabulary } from './vocabulary';

const noLoader = async (): Promise<string | undefined> => {
  throw new Error('unexpected loadText');
};
const problemsOf = async (dataset: unknown) => {
  const result = await validateDatasetText(JSON.stringify(dataset), noLoader);
  return result.ok ? [] : result.problems;
};

const talks = () =>
  mutated((d) => {
    d.vocabulary = {
      eventKinds: [
        { id: 'meeting', label: 'Meeting', contact: true },
        { id: 'working-dinner', label: 'Working dinner', contact: true },
        { id: 'communique', label: 'Communiqué' },
      ],
    };
    d.events[0].kind = 'meeting';
    d.events[1].kind = 'working-dinner';
  });

describe('the vocabulary', () => {
  it('applies the default one when the dataset declares none: calls, meetings and visits are contacts', () => {
    const v = buildIndex(Dataset.parse(validDataset())).vocabulary;
    expect(v.eventKinds.list.map((k) => k.id)).toEqual(DEFAULT_EVENT_KINDS.map((k) => k.id));
    expect([...v.contactKinds]).toEqual(['call', 'meeting', 'visit']);
    expect(v.eventKinds.byId.get('call')).toEqual({
      id: 'call',
      label: 'Call',
      contact: true,
      color: 'var(--kind-call)',
      hex: EVENT_KIND_COLOR.call,
    });
    expect(v.aidStatuses.byId.get('in-effect')?.label).toBe('In effect');
    expect(v.aidCategories.byId.get('weapon-system')?.label).toBe('Weapon system');
  });

  it('takes a declared list instead of the default, in its order, with the next categorical colour for kinds of its own', () => {
    const v = resolveVocabulary(Dataset.parse(talks()));
    expect(v.eventKinds.list.map((k) => [k.id, k.label, k.contact, k.hex])).toEqual([
      ['meeting', 'Meeting', true, EVENT_KIND_COLOR.meeting],
      ['working-dinner', 'Working dinner', true, CATEGORICAL[0]],
      ['communique', 'Communiqué', false, CATEGORICAL[1]],
    ]);
    expect(v.eventKinds.byId.get('working-dinner')?.color).toBe('var(--cat-1)');
    expect([...v.contactKinds]).toEqual(['meeting', 'working-dinner']);
    // Lists not declared keep the default.
    expect(v.aidStatuses.list.map((s) => s.id)).toContain('delivered');
  });

  it('accepts a dataset that uses its declared kinds', async () => {
    expect(await problemsOf(talks())).toEqual([]);
  });

  it('refuses a kind the declared vocabulary does not hold, even a default one, with its path', async () => {
    const d = talks();
    d.events[1].kind = 'call';
    expect(await problemsOf(d)).toEqual([
      {
        path: 'events[1].kind',
        message: '"call" is not an event kind declared in vocabulary.eventKinds: expected one of meeting, working-dinner, communique',
      },
    ]);
  });

  it('refuses a kind, category or status outside the default vocabulary, naming where to declare one', async () => {
    const d = mutated((x) => {
      x.events[0].kind = 'phone';
      x.aid[0].category = 'ammunition';
      x.aid[0].status = 'shipped';
    });
    const problems = await problemsOf(d);
    expect(problems.map((p) => p.path)).toEqual(['events[0].kind', 'aid[0].category', 'aid[0].status']);
    expect(problems[0].message).toMatch(
      /^"phone" is not an event kind: expected one of call, meeting, visit, .*declare its own in vocabulary\.eventKinds/,
    );
    expect(problems[2].message).toMatch(/declare its own in vocabulary\.aidStatuses/);
  });

  it('refuses duplicate ids and an empty list in a declaration', async () => {
    const d = talks();
    d.vocabulary?.eventKinds?.push({ id: 'meeting', label: 'Talks' });
    d.vocabulary = { ...d.vocabulary, aidStatuses: [] };
    const problems = await problemsOf(d);
    expect(problems).toContainEqual({ path: 'vocabulary.aidStatuses', message: expect.stringMatching(/at least one entry/) });
    const dup = talks();
    dup.vocabulary?.eventKinds?.push({ id: 'meeting', label: 'Talks' });
    expect(await problemsOf(dup)).toEqual([
      { path: 'vocabulary.eventKinds[3].id', message: 'duplicate id "meeting" (first used at vocabulary.eventKinds[0])' },
    ]);
  });

  it('numbers kinds for selection in vocabulary order, so a declared kind filters and counts', () => {
    const index = buildIndex(Dataset.parse(talks()));
    expect(index.keys.kindIds).toEqual(['meeting', 'working-dinner', 'communique']);
    const dinner = index.rows.findIndex((r) => r.type === 'event' && r.kinds[0] === 'working-dinner');
    expect(index.keys.kinds[index.keys.kindsAt[dinner]]).toBe(1);
  });
});
