import { describe, expect, it } from 'vitest';
import { buildIndex } from '../dataset/indexes';
import { Dataset } from '../dataset/schema';
import { validDataset } from '../testing/test-fixtures';
import { footnoteBook, footnoteText } from './footnotes';

const index = buildIndex(Dataset.parse(validDataset()));

describe('footnoteBook', () => {
  it('numbers citations in the order first cited, reusing the number of a repeated citation', () => {
    const book = footnoteBook(index);
    const a = { source: 'src-wire', excerpt: 'a $225 million package' };
    const b = { source: 'src-site', excerpt: 'Zelensky thanked Biden for the call' };
    const c = { source: 'src-wire', excerpt: 'President Joe Biden' };
    expect(book.cite([a, b])).toEqual([1, 2]);
    expect(book.cite([c, a])).toEqual([1, 3]);
    expect(book.cite([b, b])).toEqual([2]);
    expect(book.notes.map(footnoteText)).toEqual([
      '[1] AFP — “a $225 million package”',
      '[2] Kyiv Daily — “Zelensky thanked Biden for the call”',
      '[3] AFP — “President Joe Biden”',
    ]);
    expect(book.notes[1].article).toBe('Zelensky thanks Biden, Jul 2024');
  });

  it('tells the same words from two articles apart', () => {
    const book = footnoteBook(index);
    expect(
      book.cite([
        { source: 'src-wire', excerpt: 'Biden' },
        { source: 'src-site', excerpt: 'Biden' },
      ]),
    ).toEqual([1, 2]);
  });

  it('names an unnamed outlet the way the Sources filter does, by its date', () => {
    const d = Dataset.parse(validDataset());
    d.sources[1] = { ...d.sources[1], outlet: 'Unnamed outlet', outletEvidence: 'not-named', outletExcerpt: undefined };
    const book = footnoteBook(buildIndex(d));
    book.cite([{ source: 'src-site', excerpt: 'Zelensky thanked Biden for the call' }]);
    expect(footnoteText(book.notes[0])).toBe('[1] Unnamed outlet, Jul 2024 — “Zelensky thanked Biden for the call”');
  });
});
