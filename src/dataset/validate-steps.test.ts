import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../testing/generate';
import { applyPatch, type PatchEdit } from './patch';
import { validDataset } from '../testing/test-fixtures';
import { validateDatasetText } from './validate';
import { validateInSteps } from './validate-steps';

const fromDisk = (base: string) => async (path: string) => {
  if (path.includes('missing')) throw new Error('not found');
  return readFileSync(`${base}/${path}`, 'utf8');
};

const cases: [string, string, string][] = [
  ['the briefing dataset', readFileSync('public/data/briefing.json', 'utf8'), 'public/data'],
  ['the test fixture', JSON.stringify(validDataset()), 'public/data'],
  ['a generated dataset', JSON.stringify(generateDataset({ records: 300, seed: 4 })), 'public/data'],
  ...readdirSync('e2e/fixtures/valid')
    .filter((f) => f.endsWith('.json'))
    .map((f): [string, string, string] => [`valid/${f}`, readFileSync(`e2e/fixtures/valid/${f}`, 'utf8'), 'public/data']),
  ...readdirSync('e2e/fixtures/broken')
    .filter((f) => f.endsWith('.json'))
    .map((f): [string, string, string] => [`broken/${f}`, readFileSync(`e2e/fixtures/broken/${f}`, 'utf8'), 'public/data']),
];

describe('validateInSteps', () => {
  it.each(cases)('gives the same answer as validateDatasetText for %s', async (_, text, base) => {
    const load = fromDisk(base);
    let edits: PatchEdit[] | null = null;
    const stepped = await validateInSteps(
      text,
      (paths) => Promise.all(paths.map((p) => load(p).catch(() => undefined))),
      (e) => (edits = e),
    );
    const whole = await validateDatasetText(text, load);
    expect(stepped).toEqual(whole);
    if (stepped.ok) {
      // The page's own parse plus the edits is the validated dataset.
      expect(edits).not.toBeNull();
      const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
      expect(applyPatch(JSON.parse(body), edits ?? [])).toEqual(stepped.dataset);
    }
  });

  it('reports the schema step before the excerpts are checked, and asks for texts in one batch', async () => {
    const order: string[] = [];
    const text = readFileSync('public/data/briefing.json', 'utf8');
    const result = await validateInSteps(
      text,
      async (paths) => {
        order.push(`texts:${paths.length}`);
        return Promise.all(paths.map((p) => fromDisk('public/data')(p)));
      },
      () => order.push('shape'),
    );
    expect(result.ok).toBe(true);
    expect(order[0]).toBe('shape');
    expect(order[1]).toMatch(/^texts:[1-9]/);
    expect(order).toHaveLength(2);
  });
});
