import { describe, expect, it } from 'vitest';
import { buildIndex } from '../dataset/indexes';
import { Dataset, type DatasetInput } from '../dataset/schema';
import { validDataset } from '../testing/test-fixtures';
import { discrepancyPresenter } from './discrepancy';
import { proseText, sourceLabel } from './source';

const strip = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

function twoUnnamed() {
  const d = validDataset() as DatasetInput;
  const base = d.sources[0];
  d.sources.push(
    {
      ...base,
      id: 'src-anon-a',
      outlet: 'Unnamed outlet',
      outletEvidence: 'not-named',
      outletExcerpt: undefined,
      published: { value: '2024-06-26', precision: 'day' },
    },
    {
      ...base,
      id: 'src-anon-b',
      outlet: 'Unnamed outlet',
      outletEvidence: 'not-named',
      outletExcerpt: undefined,
      published: { value: '2024-07-13', precision: 'day' },
    },
  );
  return buildIndex(Dataset.parse(d));
}

describe('source labels', () => {
  it('tells two unnamed outlets apart by their date, and names a named outlet plainly', () => {
    const index = twoUnnamed();
    expect(strip(sourceLabel(index, 'src-anon-a'))).toBe('Unnamed outlet, 26 Jun 2024');
    expect(strip(sourceLabel(index, 'src-anon-b'))).toBe('Unnamed outlet, 13 Jul 2024');
    expect(sourceLabel(index, 'src-wire')).toBe('AFP');
    expect(sourceLabel(index, 'nowhere')).toBe('Unknown source');
  });

  it('renders [[src:id]] in prose as the source’s label, in presenters too', () => {
    const index = twoUnnamed();
    expect(strip(proseText('Only [[src:src-anon-a]] says so; [[src:src-wire]] does not.', index))).toBe(
      'Only Unnamed outlet, 26 Jun 2024 says so; AFP does not.',
    );
    const d = { ...(index.rowById.get('disc-call-date')!.record as Parameters<typeof discrepancyPresenter.lines>[0]) };
    d.summary = '[[src:src-wire]] dates it to July 2.';
    expect(discrepancyPresenter.lines(d, index)[0]).toBe('AFP dates it to July 2.');
    expect(discrepancyPresenter.body(d, index).text).toBe('AFP dates it to July 2.');
  });
});
