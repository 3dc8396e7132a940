import { describe, expect, it } from 'vitest';
import { buildIndex } from '../dataset/indexes';
import { Dataset, type AidItem, type Discrepancy, type Event, type Quote } from '../dataset/schema';
import { validDataset } from '../testing/test-fixtures';
import { aidPresenter } from './aid';
import { discrepancyPresenter } from './discrepancy';
import { eventPresenter } from './event';
import { escapeMarkdown, recordMarkdown, unescapeMarkdown } from './markdown';
import { actorName, outletLabel, outletName, placeholderExamples } from './names';
import { describeFilters } from './describe-filters';
import { NO_FILTERS } from '../dataset/select';
import { quotePresenter } from './quote';
import { present, recordDate, recordLabel } from './record-label';
import { RECORD_TYPE_NAME } from '../dataset/vocabulary';

const index = buildIndex(Dataset.parse(validDataset()));
const event = (id: string) => index.events.get(id) as Event;
const quote = index.rowById.get('q-stand')!.record as Quote;
const aid = (id: string) => index.rowById.get(id)!.record as AidItem;
const disc = index.rowById.get('disc-call-date')!.record as Discrepancy;

const markdownOf = (row: ReturnType<typeof index.rowById.get>) => {
  const p = present(row!, index);
  return recordMarkdown({ heading: p.heading(), typeName: p.typeName, date: p.dateText(), lines: p.lines(), cites: [1] }).join('\n');
};

describe('names', () => {
  it('gives an actor’s name, the id for an unknown actor, and nothing for none', () => {
    expect(actorName(index, 'biden')).toBe('Joe Biden');
    expect(actorName(index, 'nobody')).toBe('nobody');
    expect(actorName(index, undefined)).toBe('');
  });

  it('names an outlet as the source does and as the Sources filter lists it', () => {
    expect(outletName(index, 'src-wire')).toBe('AFP');
    expect(outletLabel(index, 'src-site')).toBe('Kyiv Daily');
    expect(outletName(index, 'gone')).toBe('gone');
  });
});

describe('grades', () => {
  it('gives every graded record its code, words and table columns; a discrepancy has none', () => {
    const call = event('ev-call');
    expect(eventPresenter.grade(call, index)?.code).toBe('F4');
    expect(present(index.rowById.get('ev-call')!, index).grade()?.code).toBe('F4');
    expect(discrepancyPresenter.grade(disc, index)).toBeNull();
    for (const p of [eventPresenter.columns([]), quotePresenter.columns([quote]), aidPresenter.columns([])]) {
      expect(p.slice(-4)).toEqual(['grade', 'reliability', 'credibility', 'credibility reason']);
    }
    expect(eventPresenter.values(call, index, eventPresenter.columns([]))).toMatchObject({
      grade: 'F4',
      reliability: 'Reliability cannot be judged',
      credibility: 'Doubtful',
      'credibility reason': 'the sources conflict on it (Date of the call); 2 independent outlets report it (AFP; Kyiv Daily)',
    });
  });
});

describe('event presenter', () => {
  it('labels, dates (with precision and range) and describes an event', () => {
    const call = event('ev-call');
    expect(eventPresenter.label(call, index)).toBe('Biden–Zelensky call');
    expect(eventPresenter.dateText(call)).toBe('2 Jul 2024 (“Tuesday”)');
    expect(eventPresenter.dateText(event('ev-summit'))).toBe('9 Jul 2024 – 11 Jul 2024');
    expect(eventPresenter.body(call, index).facts).toEqual([
      { label: 'Kind', value: 'Call' },
      { label: 'Date', value: '2 Jul 2024 (“Tuesday”)' },
      { label: 'Date precision', value: 'weekday only; date inferred' },
      { label: 'Actors', value: 'Joe Biden, Volodymyr Zelensky' },
      { label: 'Requested by', value: 'Joe Biden' },
    ]);
  });

  it('gives its table columns and values, id first', () => {
    const cols = eventPresenter.columns([]);
    expect(cols[0]).toBe('id');
    const values = eventPresenter.values(event('ev-call'), index, cols);
    expect(Object.keys(values)).toEqual(cols);
    expect(values).toMatchObject({
      date: '2024-07-02',
      'date precision': 'weekday',
      'date as printed': 'Tuesday',
      'requested by': 'Joe Biden',
    });
  });

  it('writes Markdown with the type, date and requester', () => {
    expect(markdownOf(index.rowById.get('ev-call'))).toBe(
      [
        '## Biden–Zelensky call',
        '',
        '*Event · 2 Jul 2024 (“Tuesday”)*',
        '',
        'The two presidents spoke by phone.',
        '',
        'Requested by Joe Biden, as the sources tell it.',
        '',
        'Grade F4: Reliability cannot be judged · Doubtful: the sources conflict on it (Date of the call); 2 independent outlets report it (AFP; Kyiv Daily).',
        '',
        'Sources: [1]',
        '',
      ].join('\n'),
    );
  });
});

describe('quote presenter', () => {
  it('labels a direct quote with its speaker and the words in quotation marks, clipped', () => {
    expect(quotePresenter.label(quote, index)).toBe('Joe Biden: “We will stand with Ukraine”');
    expect(quotePresenter.label(quote, index, 30)).toBe('Joe Biden: “We will stand with…”');
    expect(quotePresenter.heading(quote, index)).toBe('Quote by Joe Biden');
    expect(quotePresenter.dateText(quote)).toBe('2 Jul 2024');
  });

  it('describes the words and who said them, and gives its columns', () => {
    const body = quotePresenter.body(quote, index);
    expect(body).toMatchObject({ text: 'We will stand with Ukraine', quoted: true });
    expect(body.facts).toContainEqual({ label: 'Event', value: 'Biden–Zelensky call' });
    const cols = quotePresenter.columns([quote]);
    expect(quotePresenter.values(quote, index, cols)).toMatchObject({ speaker: 'Joe Biden', mode: 'direct', event: 'Biden–Zelensky call' });
  });

  it('writes Markdown with the words as printed and the attribution', () => {
    const md = markdownOf(index.rowById.get('q-stand'));
    expect(md).toContain('## Quote by Joe Biden\n\n*Quote · 2 Jul 2024*');
    expect(md).toContain('“We will stand with Ukraine”\n\nDirect quote, Joe Biden; at: Biden–Zelensky call.');
  });
});

describe('aid presenter', () => {
  it('reads a month-only date as the month: "Aug 2024"', () => {
    const patriot = aid('aid-patriot');
    expect(aidPresenter.body(patriot, index).facts).toContainEqual({ label: 'Effective', value: 'Aug 2024' });
    expect(aidPresenter.dateText(patriot)).toBe('2 Jul 2024');
  });

  it('gives the month-only date of any record as "May 2024"', () => {
    const may = { ...quote, date: { value: '2024-05-17', precision: 'month' as const } };
    expect(quotePresenter.dateText(may)).toBe('May 2024');
  });

  it('labels, describes and tabulates an item', () => {
    const pkg = aid('aid-pkg');
    expect(aidPresenter.label(pkg, index)).toBe('$225 million package');
    expect(aidPresenter.body(aid('aid-patriot'), index).facts).toContainEqual({ label: 'Part of', value: '$225 million package' });
    const cols = aidPresenter.columns([pkg]);
    expect(aidPresenter.values(pkg, index, cols)).toMatchObject({
      donor: 'United States',
      amount: '225000000',
      currency: 'USD',
      location: 'Ukraine',
    });
    expect(markdownOf(index.rowById.get('aid-pkg'))).toContain(
      'United States → Ukraine · $225 million · announced 2 Jul 2024 · status: announced',
    );
  });
});

describe('discrepancy presenter', () => {
  it('has no date, labels by topic, and gives one column per reading', () => {
    expect(discrepancyPresenter.date(disc)).toBeNull();
    expect(discrepancyPresenter.label(disc, index)).toBe('Date of the call');
    const cols = discrepancyPresenter.columns([disc]);
    expect(cols).toEqual(['id', 'kind', 'topic', 'summary', 'reading 1', 'reading 2']);
    expect(discrepancyPresenter.values(disc, index, cols)['reading 2']).toBe('The call was on July 3.');
    expect(discrepancyPresenter.citations(disc).map((c) => c.source)).toEqual(['src-wire', 'src-site']);
  });

  it('numbers each version’s source in its lines and Markdown', () => {
    const lines = discrepancyPresenter.lines(disc, index, (source) => (source === 'src-site' ? 7 : undefined));
    expect(lines).toEqual([
      'The wire dates the call to July 2; the news site to July 3.',
      'AFP: The call was on July 2.',
      'Kyiv Daily [7]: The call was on July 3.',
    ]);
    expect(markdownOf(index.rowById.get('disc-call-date'))).toMatch(/^## Date of the call\n\n\*Discrepancy\*\n/);
  });
});

describe('any row', () => {
  it('goes through its type’s presenter', () => {
    for (const row of index.rows) {
      expect(present(row, index).typeName).toBe(RECORD_TYPE_NAME[row.type].one);
      expect(recordLabel(row, index)).toBe(present(row, index).label());
      expect(recordDate(row)).toBe(present(row, index).date());
    }
  });
});

describe('escapeMarkdown', () => {
  it('keeps entity references as written', () => {
    const text = 'AT&amp;T said &lt;no&gt; &copy; &#169; & more';
    const escaped = escapeMarkdown(text);
    expect(escaped).toBe('AT\\&amp;T said \\&lt;no\\&gt; \\&copy; \\&\\#169; & more');
    expect(unescapeMarkdown(escaped)).toBe(text);
  });
});

describe('filters in words and placeholders', () => {
  it('says the grade filters in words', () => {
    const words = describeFilters({ ...NO_FILTERS, minCredibility: 2, reliability: ['A', 'B'] }, index);
    expect(words).toBe('Credibility: probably true or better (2) · Reliability: completely reliable (A), usually reliable (B)');
    expect(describeFilters({ ...NO_FILTERS, minCredibility: 1 }, index)).toBe('Credibility: confirmed (1)');
  });

  it('takes its search examples from the dataset itself', () => {
    const { search, actor } = placeholderExamples(index);
    const d = index.dataset;
    expect(search).toMatch(/^e\.g\. /);
    expect(d.actors.some((a) => search.includes(a.name.split(' ').pop()!))).toBe(true);
    const shortest = [...d.aid].sort((a, b) => a.item.length - b.item.length)[0].item;
    expect(search).toContain(shortest.slice(0, 10));
    const spellings = d.actors.flatMap((a) => [a.name, ...a.aliases]);
    expect(spellings.some((s) => actor === `e.g. ${s}`)).toBe(true);
    const empty = buildIndex(Dataset.parse({ ...validDataset(), actors: [], events: [], quotes: [], aid: [], discrepancies: [] }));
    expect(placeholderExamples(empty)).toEqual({ search: '', actor: '' });
  });
});
