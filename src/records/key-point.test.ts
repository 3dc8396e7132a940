import { describe, expect, it } from 'vitest';
import { buildIndex } from '../dataset/indexes';
import { Dataset } from '../dataset/schema';
import { validDataset } from '../testing/test-fixtures';
import { keyPointPresenter } from './key-point';

describe('keyPointPresenter', () => {
  const d = validDataset();
  d.keyPoints = [
    {
      id: 'kp-aid',
      text: 'The United States announced a $225 million package that includes a Patriot air defence system, as the wire reports.',
      about: ['aid-pkg', 'aid-patriot'],
      citations: [{ source: 'src-wire', excerpt: 'a $225 million package' }],
    },
  ];
  const index = buildIndex(Dataset.parse(d));
  const point = index.keyPoints.get('kp-aid');

  it('names the point by its words, clipped, and lists the records it sums up', () => {
    if (!point) throw new Error('key point not indexed');
    expect(keyPointPresenter.heading(point)).toBe('Key point: The United States announced a $225 million package that includes a Pa…');
    expect(keyPointPresenter.label(point, 30)).toBe('The United States announced a…');
    expect(keyPointPresenter.about(point, index).map((r) => r.id)).toEqual(['aid-pkg', 'aid-patriot']);
    expect(keyPointPresenter.citations(point)).toEqual([{ source: 'src-wire', excerpt: 'a $225 million package' }]);
  });
});
