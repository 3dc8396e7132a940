import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../dataset/indexes';
import { Dataset } from '../../dataset/schema';
import { validDataset } from '../../testing/test-fixtures';
import { briefMarkdown, buildBrief, escapeMarkdown, parseCitations, unescapeMarkdown } from './tray-markdown';
import {
  decodeTrayLink,
  encodeTrayLink,
  LINK_MAX,
  NOTE_MAX,
  readTray,
  TRAY_LIMIT,
  trayKey,
  writeTray,
  type TrayItem,
} from './tray-storage';

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

const KEY = trayKey('Test briefing');

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

  it('ignores damaged or foreign stored data with a notice instead of throwing', () => {
    const s = new MemoryStorage();
    for (const bad of [
      '{not json',
      '[]',
      JSON.stringify({ version: 2, items: [] }),
      JSON.stringify({ version: 1, items: [{ id: 'ok', note: 1 }] }),
      JSON.stringify({ version: 1, items: [{ id: '<script>', note: '' }] }),
      JSON.stringify({ version: 1, items: [{ id: 'ok', note: 'x'.repeat(NOTE_MAX + 1) }] }),
      JSON.stringify({ version: 1, items: Array.from({ length: TRAY_LIMIT + 1 }, (_, i) => ({ id: `r${i}`, note: '' })) }),
    ]) {
      s.setItem(KEY, bad);
      const r = readTray(s, KEY);
      expect(r.items, bad.slice(0, 40)).toEqual([]);
      expect(r.notices).toHaveLength(1);
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

  it('round-trips ids and notes with any characters through URLSearchParams', () => {
    const items: TrayItem[] = [
      { id: 'ev-call', note: 'Who called? 50%, ~maybe~ & “so” — Кремль' },
      { id: 'q-stand', note: '' },
      { id: 'aid-pkg', note: 'a,b,c' },
    ];
    const params = new URLSearchParams({ tray: encodeTrayLink(items) });
    const back = decodeTrayLink(new URLSearchParams(params.toString()).get('tray')!, known);
    expect(back).toEqual({ items, notices: [] });
    expect(encodeTrayLink([{ id: 'q-stand', note: '' }])).toBe('q-stand');
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
