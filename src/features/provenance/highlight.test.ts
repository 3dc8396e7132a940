import { describe, expect, it } from 'vitest';
import { highlight } from './highlight';

describe('highlight', () => {
  it('marks each occurrence and keeps the text whole', () => {
    const text = 'Austin called. Belousov answered. Austin called again.';
    const segs = highlight(text, ['Austin called']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.mark === 0)).toHaveLength(2);
  });

  it('merges overlapping excerpts without duplicating text', () => {
    const text = 'the importance of maintaining lines of communication';
    const segs = highlight(text, ['importance of maintaining', 'maintaining lines']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.mark >= 0).map((s) => s.text)).toEqual(['importance of maintaining', ' lines']);
  });

  it('returns plain text when nothing matches', () => {
    expect(highlight('abc', ['zzz'])).toEqual([{ text: 'abc', mark: -1 }]);
  });
});
