import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../dataset/indexes';
import { Dataset } from '../../dataset/schema';
import { validDataset } from '../../testing/test-fixtures';
import { escapeMarkdown, unescapeMarkdown } from '../../records/markdown';
import { briefMarkdown, buildBrief, parseCitations } from './tray-markdown';
import {
  backupKey,
  cleanNote,
  datasetIdentity,
  decodeTrayLink,
  LINK_MAX,
  mergeTrays,
  NOTE_MAX,
  panelItem,
  panelPinKey,
  readTray,
  readTrayFile,
  TRAY_LIMIT,
  trayFile,
  trayFragmentOf,
  trayKey,
  writeTray,
  type TrayItem,
} from './tray-storage';
import { decodeTrayFragment, encodeTrayFragment } from './tray-fragment';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const KEY = trayKey(datasetIdentity(Dataset.parse(validDataset())));

describe('tray storage', () => {
  it('round-trips the tray in order with its notes, and forgets an empty tray', () => {
    const s = new MemoryStorage();
    const items: TrayItem[] = [
      { id: 'q-stand', note: 'Key line' },
      { id: 'ev-call', note: '' },
    ];
    expect(writeTray(s, KEY, items)).toBeNull();
    expect(readTray(s, KEY)).toEqual({ items, notices: [] });
    writeTray(s, KEY, []);
    expect(s.data.has(KEY)).toBe(false);
    expect(readTray(s, KEY)).toEqual({ items: [], notices: [] });
  });

  it('keeps damaged stored data as a backup with a notice instead of throwing or deleting it', () => {
    const s = new MemoryStorage();
    for (const bad of ['{not json', '[]', '{"version":1}']) {
      s.setItem(KEY, bad);
      const r = readTray(s, KEY);
      expect(r.items, bad).toEqual([]);
      expect(r.notices).toEqual([expect.stringMatching(/could not be read\. The saved copy is kept as a backup/)]);
      expect(s.getItem(backupKey(KEY))).toBe(bad);
    }
    const throwing = {
      getItem(): string | null {
        throw new Error('SecurityError');
      },
    };
    expect(readTray(throwing, KEY).notices[0]).toMatch(/could not be read/);
    const full = {
      setItem() {
        throw new Error('QuotaExceededError');
      },
      removeItem() {},
    };
    expect(writeTray(full, KEY, [{ id: 'a', note: '' }])).toMatch(/could not be saved/);
  });

  it('drops duplicate pins on read', () => {
    const s = new MemoryStorage();
    s.setItem(
      KEY,
      JSON.stringify({
        version: 1,
        items: [
          { id: 'a', note: 'first' },
          { id: 'a', note: 'again' },
        ],
      }),
    );
    expect(readTray(s, KEY).items).toEqual([{ id: 'a', note: 'first' }]);
  });
});

describe('tray link', () => {
  const known = (id: string) => ['ev-call', 'q-stand', 'aid-pkg'].includes(id);

  it('reads the old ?tray= form: ids and notes with any characters through URLSearchParams', () => {
    const items: TrayItem[] = [
      { id: 'ev-call', note: 'Who called? 50%, ~maybe~ & “so” — Кремль' },
      { id: 'q-stand', note: '' },
      { id: 'aid-pkg', note: 'a,b,c' },
    ];
    const old = items.map((i) => (i.note ? `${i.id}~${encodeURIComponent(i.note)}` : i.id)).join(',');
    const params = new URLSearchParams({ tray: old });
    const back = decodeTrayLink(new URLSearchParams(params.toString()).get('tray')!, known);
    expect(back).toEqual({ items, notices: [] });
  });

  it('ignores unknown ids, unreadable notes and overlong links with notices', () => {
    const r = decodeTrayLink('ev-call~%E0%A4%A,nope,<x>,q-stand~ok', known);
    expect(r.items).toEqual([
      { id: 'ev-call', note: '' },
      { id: 'q-stand', note: 'ok' },
    ]);
    expect(r.notices.join(' ')).toMatch(/unknown records.*“nope”, “<x>”/);
    expect(r.notices.join(' ')).toMatch(/1 note .* could not be read/);
    expect(decodeTrayLink('a'.repeat(LINK_MAX + 1), known)).toEqual({ items: [], notices: [expect.stringMatching(/too long/)] });
    const many = decodeTrayLink(Array.from({ length: TRAY_LIMIT + 5 }, () => 'ev-call').join(','), known);
    expect(many.items).toEqual([{ id: 'ev-call', note: '' }]);
    expect(many.notices[0]).toMatch(/only the first 50/);
  });

  it('keeps notes to one line of bounded length', () => {
    const r = decodeTrayLink(`ev-call~${encodeURIComponent(`line one\nline two${'x'.repeat(300)}`)}`, known);
    expect(r.items[0].note).not.toMatch(/\n/);
    expect(r.items[0].note.length).toBe(NOTE_MAX);
  });
});

describe('brief', () => {
  const index = buildIndex(Dataset.parse(validDataset()));

  it('numbers each citation once across the brief, in tray order, with notes', () => {
    const brief = buildBrief(
      index,
      [
        { id: 'q-stand', note: 'Lead with this' },
        { id: 'ev-call', note: '' },
        { id: 'disc-call-date', note: '' },
      ],
      '2024-07-15',
    );
    expect(brief.entries.map((e) => e.id)).toEqual(['q-stand', 'ev-call', 'disc-call-date']);
    expect(brief.entries[0].cites).toEqual([1]);
    expect(brief.entries[1].cites).toEqual([2, 3]);
    expect(brief.entries[2].cites).toEqual([4, 5]);
    expect(brief.citations[0]).toMatchObject({
      outlet: 'AFP',
      published: '2 Jul 2024',
      excerpt: '“We will stand with Ukraine,” Biden said.',
    });
    const md = briefMarkdown(brief);
    expect(md).toMatch(/^# Briefing: Test briefing\n/);
    expect(md).toContain('## 1. Quote by Joe Biden');
    expect(md).toContain('> **Analyst note:** Lead with this');
    expect(md).toContain('Sources: [2] [3]');
    expect(md).toContain('Requested by Joe Biden');
  });

  it('exports excerpts that read back exactly as the dataset has them', () => {
    const dataset = Dataset.parse(JSON.parse(readFileSync('public/data/briefing.json', 'utf8')));
    const big = buildIndex(dataset);
    const ids = ['ev-call-2024-06-25', 'q-singh-lines-of-communication', 'aid-tomahawk-germany', 'd-call-requester'];
    const md = briefMarkdown(
      buildBrief(
        big,
        ids.map((id) => ({ id, note: '' })),
        '2024-08-01',
      ),
    );
    const parsed = parseCitations(md);
    const expected = ids.flatMap((id) => {
      const r = big.rowById.get(id)!.record;
      return 'versions' in r ? r.versions : r.citations;
    });
    const unique = [...new Map(expected.map((c) => [`${c.source}|${c.excerpt}`, c])).values()];
    expect(parsed.map((p) => p.n)).toEqual(unique.map((_, i) => i + 1));
    parsed.forEach((p, i) => {
      expect(p.excerpt).toBe(unique[i].excerpt.replace(/\s+/g, ' ').trim());
      expect(p.outlet).toBe(big.sources.get(unique[i].source)!.outlet);
    });
  });

  it('escapes Markdown in dataset text and reads it back', () => {
    for (const s of [
      '*bold* _x_ [link](y) <b> `c` # h | t ~s~ \\ end',
      '1. not a list',
      '- not a bullet',
      'a\\.b',
      'see [12] and [3](x)',
    ]) {
      expect(unescapeMarkdown(escapeMarkdown(s))).toBe(s);
    }
    expect(escapeMarkdown('*x*')).toBe('\\*x\\*');
    expect(escapeMarkdown('Kyiv Post [14]: [a](b) [3](x)')).toBe('Kyiv Post [14]: \\[a\\](b) \\[3\\](x)');
  });
});

describe('a saved tray with one odd thing is read, not deleted whole', () => {
  const pin = (i: number) => ({ id: `r${i}`, note: '' });
  it.each([
    ['51 pins', { version: 1, items: Array.from({ length: TRAY_LIMIT + 1 }, (_, i) => pin(i)) }, TRAY_LIMIT, /51 pins where 50 fit/],
    [
      'a 201-character note',
      { version: 1, items: [{ id: 'ok', note: 'x'.repeat(NOTE_MAX + 1) }, pin(1)] },
      2,
      /1 note over 200 characters/,
    ],
    ['version 3', { version: 3, items: [pin(1), pin(2)] }, 2, /newer version of the dashboard \(version 3\)/],
    ['an extra field in a pin', { version: 1, items: [{ ...pin(1), colour: 'red' }, pin(2)] }, 2, /unknown field “colour”/],
    ['an extra field in the tray', { version: 1, items: [pin(1)], owner: 'x' }, 1, /unknown field “owner”/],
    ['a note that is a number', { version: 1, items: [{ id: 'ok', note: 1 }, pin(2)] }, 2, /not text/],
    ['a pin whose id is markup', { version: 1, items: [{ id: '<script>', note: '' }, pin(2)] }, 1, /without a readable record id/],
  ])('%s', (_, stored, count, notice) => {
    const s = new MemoryStorage();
    const raw = JSON.stringify(stored);
    s.setItem(KEY, raw);
    const r = readTray(s, KEY);
    expect(r.items).toHaveLength(count);
    expect(r.notices).toEqual([expect.stringMatching(notice)]);
    expect(r.notices[0]).toMatch(/kept as a backup/);
    expect(s.getItem(backupKey(KEY))).toBe(raw);
    expect(s.getItem(KEY)).toBe(raw);
  });
});

describe('tray identity', () => {
  it('is the dataset id where there is one, else a hash of its records: never the title', () => {
    const a = Dataset.parse(validDataset());
    const sameTitle = Dataset.parse({ ...validDataset(), events: validDataset().events.slice(1) });
    expect(a.title).toBe(sameTitle.title);
    expect(datasetIdentity(a)).not.toBe(datasetIdentity(sameTitle));
    expect(datasetIdentity(a)).toBe(datasetIdentity(Dataset.parse({ ...validDataset(), title: 'Renamed' })));
    expect(datasetIdentity(Dataset.parse({ ...validDataset(), id: 'story-1' }))).toBe('id:story-1');
  });
});

describe('two tabs', () => {
  const t = (...ids: string[]) => ids.map((id) => ({ id, note: '' }));
  it('keep both tabs’ new pins, honour removals on either side, and keep a note edited here', () => {
    expect(mergeTrays([], t('a'), t('b')).map((i) => i.id)).toEqual(['b', 'a']);
    expect(mergeTrays(t('a', 'b'), t('a'), t('a', 'b', 'c')).map((i) => i.id)).toEqual(['a', 'c']);
    expect(mergeTrays(t('a', 'b'), t('a', 'b'), t('b')).map((i) => i.id)).toEqual(['b']);
    expect(mergeTrays(t('a'), [{ id: 'a', note: 'mine' }], [{ id: 'a', note: '' }])).toEqual([{ id: 'a', note: 'mine' }]);
    expect(mergeTrays(t('a'), t('a'), [{ id: 'a', note: 'theirs' }])).toEqual([{ id: 'a', note: 'theirs' }]);
  });
});

describe('share link in the fragment', () => {
  const known = (id: string) => /^r\d+$/.test(id) || id === 'ev-call';
  const russian = 'Министр обороны подтвердил звонок, но отказался комментировать детали разговора с американской стороной. ';

  it('round-trips ids and notes with any characters, and is read from a location hash', () => {
    const items: TrayItem[] = [
      { id: 'ev-call', note: 'Who called? 50%, ~maybe~ & “so” — Кремль #x=y' },
      { id: 'r1', note: '' },
    ];
    const value = encodeTrayFragment(items);
    expect(value).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    const hash = `#tray=${value}`;
    expect(decodeTrayFragment(trayFragmentOf(hash)!, known)).toEqual({ items, notices: [], failed: false });
  });

  it('fits ten pins with Russian notes, which the old form could not', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, note: cleanNote(russian.repeat(3)) }));
    const oldForm = new URLSearchParams({ tray: items.map((i) => `${i.id}~${encodeURIComponent(i.note)}`).join(',') }).toString();
    expect(oldForm.length).toBeGreaterThan(LINK_MAX);
    expect(encodeTrayFragment(items).length).toBeLessThan(LINK_MAX - 500);
  });

  it('never throws on a note cut after 199 letters and an emoji', () => {
    const note = cleanNote(`${'a'.repeat(199)}😀`);
    expect(note).toBe('a'.repeat(199));
    const lone = [{ id: 'r1', note: `${'a'.repeat(10)}\uD83D` }];
    expect(() => encodeTrayFragment(lone)).not.toThrow();
    expect(decodeTrayFragment(encodeTrayFragment(lone), known).items).toEqual(lone);
  });

  it('says when a link is damaged, too long, or of another version, and reads nothing from it', () => {
    const good = encodeTrayFragment([{ id: 'r1', note: 'x' }]);
    for (const [raw, why] of [
      [good.slice(0, good.length - 6), /damaged/],
      ['v1.!!!', /damaged/],
      ['r1,r2', /does not start with a version/],
      [`v9.${good.slice(3)}`, /another version/],
      [`v1.${'A'.repeat(LINK_MAX)}`, /too long/],
    ] as const) {
      const r = decodeTrayFragment(raw, known);
      expect(r.failed, raw.slice(0, 20)).toBe(true);
      expect(r.notices).toEqual([expect.stringMatching(why)]);
      expect(r.notices[0]).toMatch(/your tray is unchanged/);
    }
  });

  it('reports unknown records and odd pins in a link', () => {
    const r = decodeTrayFragment(
      encodeTrayFragment([
        { id: 'r1', note: '' },
        { id: 'nope', note: '' },
      ]),
      known,
    );
    expect(r.items.map((i) => i.id)).toEqual(['r1']);
    expect(r.notices).toEqual([expect.stringMatching(/unknown record in the shared tray: “nope”/)]);
  });
});

describe('tray file', () => {
  const known = (id: string) => /^r\d+$/.test(id);
  it('holds a tray too long for a link, and reads back', () => {
    let seed = 7;
    const letter = () => 'абвгдежзийклмнопрстуфхцчшщыэюя '[(seed = (seed * 48271) % 2147483647) % 31];
    const items = Array.from({ length: TRAY_LIMIT }, (_, i) => ({
      id: `r${i}`,
      note: Array.from({ length: NOTE_MAX }, letter).join('').trim(),
    }));
    const link = `http://127.0.0.1:4173/#tray=${encodeTrayFragment(items)}`;
    expect(link.length).toBeGreaterThan(LINK_MAX);
    expect(readTrayFile(trayFile(items, 'Test briefing'), known)).toEqual({ items, notices: [], failed: false });
  });

  it('refuses what is not a tray file, saying so', () => {
    expect(readTrayFile('{"title":"x"}', known).notices[0]).toMatch(/not a briefing tray file; your tray is unchanged/);
    expect(readTrayFile('<html>', known).notices[0]).toMatch(/not valid JSON/);
    expect(readTrayFile('{"format":"briefing-tray","version":3,"items":[]}', known).notices[0]).toMatch(/another version/);
  });
});

describe('a pinned panel', () => {
  const index = buildIndex(Dataset.parse(validDataset()));
  const known = (id: string) => index.rowById.has(id);
  const calls = panelItem({ panel: 'timeline', view: 'kind=call&lane=actor' }, 'Calls only');
  const all = panelItem({ panel: 'timeline', view: '' });
  const items: TrayItem[] = [
    { id: 'ev-call', note: 'The call' },
    calls,
    all,
    panelItem({ panel: 'compare', view: 'cmp=ev-call,ev-summit' }),
  ];

  it('has a key of its own for each view, which no record id can take', () => {
    expect(calls.id).toBe(panelPinKey(calls.panel!));
    expect(calls.id).not.toBe(all.id);
    expect(calls.id).toMatch(/^@/);
  });

  it('round-trips through storage in order, beside records, with its view and note', () => {
    const s = new MemoryStorage();
    expect(writeTray(s, KEY, items)).toBeNull();
    const saved = JSON.parse(s.getItem(KEY)!);
    expect(saved.version).toBe(2);
    // The key is made on reading, never stored.
    expect(saved.items[1]).toEqual({ panel: 'timeline', view: 'kind=call&lane=actor', note: 'Calls only' });
    expect(readTray(s, KEY)).toEqual({ items, notices: [] });
  });

  it('leaves a tray saved before pinned panels (version 1) readable as it was', () => {
    const s = new MemoryStorage();
    const old = JSON.stringify({
      version: 1,
      items: [
        { id: 'ev-call', note: 'Old note' },
        { id: 'q-stand', note: '' },
      ],
    });
    s.setItem(KEY, old);
    expect(readTray(s, KEY)).toEqual({
      items: [
        { id: 'ev-call', note: 'Old note' },
        { id: 'q-stand', note: '' },
      ],
      notices: [],
    });
    expect(s.getItem(backupKey(KEY))).toBeNull();
    const file = JSON.stringify({ format: 'briefing-tray', version: 1, dataset: 'x', items: [{ id: 'ev-call', note: '' }] });
    expect(readTrayFile(file, known)).toEqual({ items: [{ id: 'ev-call', note: '' }], notices: [], failed: false });
  });

  it('round-trips through the share link and the tray file', () => {
    const value = encodeTrayFragment(items);
    expect(value).toMatch(/^v1\./);
    expect(decodeTrayFragment(trayFragmentOf(`#tray=${value}`)!, known)).toEqual({ items, notices: [], failed: false });
    expect(readTrayFile(trayFile(items, 'Test briefing'), known)).toEqual({ items, notices: [], failed: false });
  });

  it('is set aside, with the others read, when its panel is not one the dashboard has or its view is not text', () => {
    const s = new MemoryStorage();
    s.setItem(
      KEY,
      JSON.stringify({
        version: 2,
        items: [
          { panel: 'no-such-panel', view: '', note: '' },
          { panel: 'timeline', view: 42, note: '' },
          { panel: 'timeline', view: 'x'.repeat(2000), note: '' },
          { panel: 'quotes', view: 'group=event', note: '' },
        ],
      }),
    );
    const r = readTray(s, KEY);
    expect(r.items).toEqual([panelItem({ panel: 'quotes', view: 'group=event' })]);
    expect(r.notices).toEqual([expect.stringMatching(/3 pinned panels of no panel this dashboard has/)]);
  });

  it('keeps its place and note when another tab changes the tray', () => {
    const noted = { ...calls, note: 'Edited here' };
    expect(mergeTrays([calls, all], [noted, all], [all, calls])).toEqual([all, noted]);
  });
});
