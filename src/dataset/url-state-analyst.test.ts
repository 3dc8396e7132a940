import { describe, expect, it } from 'vitest';
import { buildIndex } from './indexes';
import { Dataset } from './schema';
import { validDataset } from '../testing/test-fixtures';
import { PARAMS, parseView, writeView, type View } from './url-state';

const index = buildIndex(Dataset.parse(validDataset()));
const view = (query: string) => parseView(new URLSearchParams(query), index);

describe('analyst tool parameters', () => {
  it('reads two events to compare, and drops what is not an event with a notice', () => {
    expect(view('cmp=ev-call,ev-summit').compare).toEqual(['ev-call', 'ev-summit']);
    const v = view('cmp=ev-call,q-stand,nope');
    expect(v.compare).toEqual(['ev-call']);
    expect(v.notices).toEqual(['Ignored unknown event to compare: “q-stand”, “nope”']);
    expect(view('').compare).toEqual([]);
  });

  it('keeps at most two events', () => {
    const d = validDataset();
    d.events.push({ ...d.events[1], id: 'ev-third' });
    const v = parseView(new URLSearchParams('cmp=ev-call,ev-summit,ev-third'), buildIndex(Dataset.parse(d)));
    expect(v.compare).toEqual(['ev-call', 'ev-summit']);
    expect(v.notices[0]).toMatch(/Only two events can be compared; ignored “ev-third”/);
  });

  it('reads the single-source option and knows the tray parameter', () => {
    expect(view('cov=single').singleSource).toBe(true);
    expect(view('').singleSource).toBe(false);
    expect(view('cov=some').notices).toEqual(['Ignored coverage option “some”']);
    expect(view('tray=ev-call').notices).toEqual([]);
  });
});

describe('the parameter table', () => {
  const every: View = {
    filters: {
      sources: ['src-wire'],
      actors: ['biden', 'zelensky'],
      types: ['event', 'quote'],
      kinds: ['summit'],
      from: '2024-06-01',
      to: '2024-07-31',
      q: 'air defence',
      minCredibility: 3,
      reliability: ['A', 'C'],
    },
    record: 'ev-summit',
    group: 'event',
    lane: 'actor',
    sort: { key: 'amount', dir: 'desc' },
    briefing: true,
    format: 'slide',
    show: 'everything',
    compare: ['ev-summit', 'ev-call'],
    singleSource: true,
    dataset: '/data/other.json',
    tray: 'ev-call~note',
    panels: {
      order: ['aid', 'bottom-line', 'timeline', 'quotes', 'discrepancies', 'coverage', 'compare'],
      collapsed: ['quotes'],
    },
  };

  it('reads back every parameter it writes', () => {
    const written = writeView(new URLSearchParams(), every);
    const { notices, ...read } = parseView(written, index);
    expect(notices).toEqual([]);
    expect(read).toEqual(every);
    expect([...written.keys()].sort()).toEqual(Object.values(PARAMS).sort());
  });

  it('leaves defaults out of the URL and keeps parameters it was not asked to write', () => {
    const { notices: _, ...defaults } = parseView(new URLSearchParams(), index);
    expect(writeView(new URLSearchParams(), defaults).toString()).toBe('');
    const start = writeView(new URLSearchParams('zzz=1'), every);
    const back = writeView(start, {
      lane: 'kind',
      sort: { key: 'announced', dir: 'asc' },
      briefing: false,
      format: 'a4',
      show: 'deck',
      singleSource: false,
    });
    expect(
      back.has(PARAMS.lane) ||
        back.has(PARAMS.sort) ||
        back.has(PARAMS.view) ||
        back.has(PARAMS.format) ||
        back.has(PARAMS.show) ||
        back.has(PARAMS.coverage),
    ).toBe(false);
    expect(back.get('zzz')).toBe('1');
    expect(back.get(PARAMS.group)).toBe('event');
  });

  it('reads a key point as the record to open, and drops an unknown panel with a notice', () => {
    const d = validDataset();
    d.keyPoints = [{ id: 'kp-one', text: 'A call.', citations: [{ source: 'src-wire', excerpt: 'spoke with' }] }];
    const v = parseView(new URLSearchParams('rec=kp-one&panels=-aid,nope'), buildIndex(Dataset.parse(d)));
    expect(v.record).toBe('kp-one');
    expect(v.panels.collapsed).toEqual(['aid']);
    expect(v.notices).toEqual(['Ignored unknown panel: “nope”']);
  });

  it('accepts the event kinds the dataset declares, and only those', () => {
    const d = validDataset();
    d.vocabulary = { eventKinds: [{ id: 'working-dinner', label: 'Working dinner', contact: true }] };
    for (const e of d.events) e.kind = 'working-dinner';
    const own = buildIndex(Dataset.parse(d));
    const v = parseView(new URLSearchParams('kind=working-dinner,call'), own);
    expect(v.filters.kinds).toEqual(['working-dinner']);
    expect(v.notices).toEqual(['Ignored unknown event kind: “call”']);
  });

  it('says when a parameter is given more than once, and uses the first', () => {
    const v = view('q=a&q=b&lane=actor&lane=kind&lane=kind&zzz=1&zzz=2');
    expect(v.filters.q).toBe('a');
    expect(v.lane).toBe('actor');
    expect(v.notices).toEqual([
      'Ignored unknown link parameter: zzz',
      'Link parameter q given twice; used the first',
      'Link parameter lane given 3 times; used the first',
    ]);
  });

  it('lists at most ten values in a notice and counts the rest', () => {
    const bad = Array.from({ length: 25 }, (_, i) => `nobody${i}`);
    const v = view(`actor=${bad.join(',')}&${bad.map((b) => `${b}=1`).join('&')}`);
    expect(v.notices[0]).toMatch(/^Ignored unknown link parameters: nobody0, .*nobody9 and 15 more$/);
    expect(v.notices[1]).toMatch(/^Ignored unknown actor: “nobody0”, .*“nobody9” and 15 more$/);
  });
});
