import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../dataset/indexes';
import { Dataset } from '../../dataset/schema';
import { select } from '../../dataset/select';
import { parseView } from '../../dataset/url-state';
import { slideBook } from '../../export/slide-model';
import { moneyByDonorAndStatus } from './aid-data';
import { aidSlide } from './aid-slide';

describe.each(['public/data/briefing.json', 'e2e/fixtures/valid/maritime-talks.json'])('the aid slide of %s', (file) => {
  it('carries money by donor and status as a bar chart per currency, and the items under it cut to fit', () => {
    const index = buildIndex(Dataset.parse(JSON.parse(readFileSync(file, 'utf8'))));
    const view = parseView(new URLSearchParams(), index);
    const selection = select(index, view.filters);
    const panel = aidSlide({ index, view, selection }, slideBook(index))!;
    const charts = panel.blocks.filter((b) => b.kind === 'chart');
    const money = moneyByDonorAndStatus(selection.aid, index);
    expect(charts).toHaveLength(Math.min(2, money.length));
    const [first] = charts;
    if (first.kind !== 'chart' || first.chart.type !== 'bar') throw new Error('no bar chart');
    // Never added across currencies: one chart per currency, its values that currency's rows.
    expect(first.chart.currency).toBe(money[0].currency);
    expect([...first.chart.series[0].values].sort()).toEqual(money[0].rows.map((r) => r.value).sort());
    expect(first.chart.categories).toContain(`${money[0].rows[0].donor} · ${money[0].rows[0].statusLabel}`);
    expect(first.chart.colors?.every((c) => /^#[0-9a-f]{6}$/i.test(c.hex))).toBe(true);
    const lists = panel.blocks.filter((b) => b.kind === 'list');
    const shown = lists.reduce((n, b) => n + (b.kind === 'list' ? b.items.length : 0), 0);
    const more = lists.reduce((n, b) => n + (b.kind === 'list' ? b.more : 0), 0);
    expect(shown).toBeGreaterThan(0);
    expect(shown + more).toBeGreaterThanOrEqual(selection.aid.length);
  });
});
