import type { DatasetInput } from '../dataset/schema';

/**
 * A small dataset that passes every check: two sources with their text inline, three actors,
 * two events, one quote, a package with one item inside it, and one discrepancy. Every excerpt is
 * an exact substring of its source's text (note the curly quotes in SOURCE_WIRE_TEXT).
 */
export const SOURCE_WIRE_TEXT =
  'WASHINGTON (AFP) — President Joe Biden spoke with Ukrainian President Volodymyr Zelensky on ' +
  'Tuesday, July 2, 2024. “We will stand with Ukraine,” Biden said. The United States announced ' +
  'a $225 million package that includes a Patriot air defence system.';

export const SOURCE_SITE_TEXT =
  'Kyiv Daily. Zelensky thanked Biden for the call on July 3. The Patriot system will arrive in ' +
  'August, officials said. Leaders met in Washington from July 9 to July 11, 2024.';

export function validDataset(): DatasetInput {
  return {
    title: 'Test briefing',
    version: '1',
    date: '2024-07-15',
    sources: [
      {
        id: 'src-wire',
        title: 'Biden speaks with Zelensky',
        outlet: 'AFP',
        outletEvidence: 'wire-credit',
        outletExcerpt: '(AFP)',
        published: { value: '2024-07-02', precision: 'day' },
        kind: 'wire',
        url: 'https://example.com/wire',
        text: SOURCE_WIRE_TEXT,
      },
      {
        id: 'src-site',
        title: 'Zelensky thanks Biden',
        outlet: 'Kyiv Daily',
        outletEvidence: 'masthead',
        outletExcerpt: 'Kyiv Daily',
        published: { value: '2024-07', precision: 'month' },
        kind: 'news-site',
        text: SOURCE_SITE_TEXT,
      },
    ],
    actors: [
      {
        id: 'biden',
        name: 'Joe Biden',
        kind: 'person',
        role: 'President of the United States',
        affiliation: 'US',
        aliases: ['Biden'],
        citations: [{ source: 'src-wire', excerpt: 'President Joe Biden' }],
      },
      {
        id: 'zelensky',
        name: 'Volodymyr Zelensky',
        kind: 'person',
        role: 'President of Ukraine',
        affiliation: 'Ukraine',
        citations: [{ source: 'src-wire', excerpt: 'Ukrainian President Volodymyr Zelensky' }],
      },
      {
        id: 'us',
        name: 'United States',
        kind: 'state',
        role: 'Donor',
        affiliation: 'US',
        citations: [{ source: 'src-wire', excerpt: 'The United States announced' }],
      },
    ],
    events: [
      {
        id: 'ev-call',
        date: { value: '2024-07-02', precision: 'weekday', as: 'Tuesday' },
        kind: 'call',
        title: 'Biden–Zelensky call',
        summary: 'The two presidents spoke by phone.',
        actors: ['biden', 'zelensky'],
        initiatedBy: 'biden',
        citations: [
          { source: 'src-wire', excerpt: 'spoke with Ukrainian President Volodymyr Zelensky on Tuesday, July 2, 2024' },
          { source: 'src-site', excerpt: 'Zelensky thanked Biden for the call' },
        ],
      },
      {
        id: 'ev-summit',
        date: { value: '2024-07-09', precision: 'day' },
        end: { value: '2024-07-11', precision: 'day' },
        kind: 'summit',
        title: 'Washington meeting',
        summary: 'Leaders met in Washington.',
        actors: ['biden'],
        citations: [{ source: 'src-site', excerpt: 'Leaders met in Washington from July 9 to July 11, 2024.' }],
      },
    ],
    quotes: [
      {
        id: 'q-stand',
        text: 'We will stand with Ukraine',
        speaker: 'biden',
        mode: 'direct',
        date: { value: '2024-07-02', precision: 'day' },
        event: 'ev-call',
        citations: [{ source: 'src-wire', excerpt: '“We will stand with Ukraine,” Biden said.' }],
      },
    ],
    aid: [
      {
        id: 'aid-pkg',
        donor: 'us',
        location: 'Ukraine',
        item: '$225 million package',
        category: 'aid-package',
        amount: { value: 225_000_000, currency: 'USD' },
        announced: { value: '2024-07-02', precision: 'day' },
        status: 'announced',
        event: 'ev-call',
        citations: [{ source: 'src-wire', excerpt: 'a $225 million package' }],
      },
      {
        id: 'aid-patriot',
        donor: 'us',
        item: 'Patriot air defence system',
        category: 'weapon-system',
        announced: { value: '2024-07-02', precision: 'day' },
        effective: { value: '2024-08', precision: 'month' },
        status: 'planned',
        partOf: 'aid-pkg',
        citations: [{ source: 'src-site', excerpt: 'The Patriot system will arrive in August' }],
      },
    ],
    discrepancies: [
      {
        id: 'disc-call-date',
        kind: 'conflict',
        topic: 'Date of the call',
        summary: 'The wire dates the call to July 2; the news site to July 3.',
        versions: [
          { source: 'src-wire', excerpt: 'on Tuesday, July 2, 2024', reading: 'The call was on July 2.' },
          { source: 'src-site', excerpt: 'for the call on July 3', reading: 'The call was on July 3.' },
        ],
        concerns: { events: ['ev-call'], quotes: [], aid: [], actors: ['biden', 'zelensky'] },
      },
    ],
  };
}

/** A fresh copy of the valid dataset with one change applied (the change may break the types). */
export function mutated(mutate: (d: DatasetInput) => void): DatasetInput {
  const d = validDataset();
  mutate(d);
  return d;
}

/** Loosens a record so a test can plant a value of the wrong type or an unknown key. */
export function loose(record: object): Record<string, unknown> {
  return record as Record<string, unknown>;
}
