import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../dataset/indexes';
import { Dataset, type DatasetInput } from '../../dataset/schema';
import { NO_FILTERS, select } from '../../dataset/select';
import { mutated, validDataset } from '../../testing/test-fixtures';
import { coverageData, describeCell, normaliseWording } from './coverage-data';

const indexOf = (d: DatasetInput) => buildIndex(Dataset.parse(d));
const all = (d: DatasetInput) => {
  const index = indexOf(d);
  return { index, selection: select(index, NO_FILTERS) };
};

describe('coverageData', () => {
  it('marks how each outlet reports each fact, and flags single-source facts', () => {
    const { index, selection } = all(validDataset());
    const cov = coverageData(index, selection);
    expect(cov.columns.map((c) => c.label)).toEqual(['AFP', 'Kyiv Daily']);
    expect(cov.total).toBe(6);

    const byId = new Map(cov.rows.map((r) => [r.id, r]));
    const call = byId.get('ev-call')!;
    expect(call.single).toBe(false);
    expect(call.cells.get('outlet:AFP')).toMatchObject({ mode: 'reports', differs: true });
    expect(call.cells.get('outlet:Kyiv Daily')).toMatchObject({ mode: 'reports', differs: true });

    const quote = byId.get('q-stand')!;
    expect(quote.single).toBe(true);
    expect(quote.cells.get('outlet:AFP')?.mode).toBe('verbatim');
    expect(quote.cells.has('outlet:Kyiv Daily')).toBe(false);

    // Singles: summit, quote, package, Patriot (each cited by one outlet); the call and the discrepancy have two.
    expect(cov.singleSource).toBe(4);
    expect(byId.get('disc-call-date')!.cells.get('outlet:AFP')).toMatchObject({ mode: 'reports', differs: true });
  });

  it('says paraphrase for a paraphrased quote and ignores spelling discrepancies as differences', () => {
    const d = mutated((x) => {
      x.quotes[0].mode = 'paraphrase';
      x.discrepancies[0].kind = 'spelling';
    });
    const { index, selection } = all(d);
    const cov = coverageData(index, selection);
    const byId = new Map(cov.rows.map((r) => [r.id, r]));
    expect(byId.get('q-stand')!.cells.get('outlet:AFP')?.mode).toBe('paraphrase');
    expect(byId.get('ev-call')!.cells.get('outlet:AFP')?.differs).toBe(false);
  });

  it('marks an outlet that only speaks in a discrepancy about the fact as differing without reporting it', () => {
    const d = mutated((x) => {
      x.discrepancies[0].concerns!.events = ['ev-summit'];
    });
    const { index, selection } = all(d);
    const summit = coverageData(index, selection).rows.find((r) => r.id === 'ev-summit')!;
    expect(summit.cells.get('outlet:AFP')).toMatchObject({ mode: null, differs: true });
    expect(describeCell(summit.cells.get('outlet:AFP'))).toBe('differs');
    expect(summit.single).toBe(true);
  });

  it('shows the reposted wire under the column and finds outlets that share wording for the same fact', () => {
    const d = mutated((x) => {
      x.sources[1].kind = 'blog-repost';
      x.sources[1].reposts = ['AFP'];
      x.sources[1].text += ' “We will stand with Ukraine,” Biden said.';
      x.quotes[0].citations.push({ source: 'src-site', excerpt: '“We will stand with Ukraine,”  Biden said.' });
    });
    const { index, selection } = all(d);
    const cov = coverageData(index, selection);
    const site = cov.columns.find((c) => c.label === 'Kyiv Daily')!;
    expect(site.kinds).toEqual(['blog-repost']);
    expect(site.reposts).toEqual(['AFP']);
    expect(site.sharesWordingWith).toEqual([{ key: 'outlet:AFP', label: 'AFP', count: 1 }]);
    expect(cov.columns.find((c) => c.label === 'AFP')!.sharesWordingWith.map((l) => l.label)).toEqual(['Kyiv Daily']);
  });

  it('follows the selection, caps rows, and can keep single-source facts only', () => {
    const { index } = all(validDataset());
    const onlySite = select(index, { ...NO_FILTERS, sources: ['src-site'] });
    const cov = coverageData(index, onlySite, { maxRows: 2 });
    expect(cov.total).toBe(onlySite.rows.length);
    expect(cov.rows).toHaveLength(2);
    expect(cov.hiddenRows).toBe(onlySite.rows.length - 2);
    // Rows in date order: the call (2 July) comes before the summit (9 July).
    expect(cov.rows[0].id).toBe('ev-call');

    const singles = coverageData(index, select(index, NO_FILTERS), { singleOnly: true });
    expect(singles.rows.every((r) => r.single)).toBe(true);
    expect(singles.rows).toHaveLength(singles.singleSource);
  });

  it('normalises typographic quotes and spaces only', () => {
    expect(normaliseWording('  “Yes,”  he said’s — ')).toBe('"Yes," he said\'s -');
  });

  it('on the briefing dataset, a record cited by one outlet is flagged single and others are not', () => {
    const dataset = Dataset.parse(JSON.parse(readFileSync('public/data/briefing.json', 'utf8')));
    const index = buildIndex(dataset);
    const cov = coverageData(index, select(index, NO_FILTERS), { maxRows: 10_000 });
    for (const row of cov.rows) {
      const outlets = new Set(index.rowById.get(row.id)!.outlets);
      expect(row.single, row.id).toBe(outlets.size === 1);
      const reporting = [...row.cells.values()].filter((c) => c.mode !== null).length;
      expect(reporting, row.id).toBe(outlets.size);
    }
    const kyiv = cov.columns.find((c) => c.label === 'Kyiv Post')!;
    expect(kyiv.reposts).toEqual(['AFP']);
  });
});
