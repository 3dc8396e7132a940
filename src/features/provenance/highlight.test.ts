import { describe, expect, it } from 'vitest';
import { anchor } from '../../dataset/anchor';
import { highlight } from './highlight';

describe('highlight', () => {
  it('marks the cited occurrence only, the first by default, and keeps the text whole', () => {
    const text = 'Austin called. Belousov answered. Austin called again.';
    const segs = highlight(text, ['Austin called']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.mark === 0)).toHaveLength(1);
    expect(segs[0]).toEqual({ text: 'Austin called', mark: 0 });
    expect(anchor(text, { excerpt: 'Austin called' })).toEqual({ at: 0, others: 1, selected: false });
  });

  it('marks the occurrence a prefix or suffix picks', () => {
    const text = 'Austin called. Belousov answered. Austin called again.';
    expect(anchor(text, { excerpt: 'Austin called', prefix: 'answered. ' }).at).toBe(34);
    expect(anchor(text, { excerpt: 'Austin called', suffix: ' again' }).at).toBe(34);
    expect(anchor(text, { excerpt: 'Austin called', suffix: '. Belousov' }).at).toBe(0);
    const segs = highlight(text, [{ excerpt: 'Austin called', suffix: ' again' }]);
    expect(segs.filter((s) => s.mark === 0).map((s) => s.text)).toEqual(['Austin called']);
    expect(segs[0].text).toBe('Austin called. Belousov answered. ');
  });

  it('makes one mark of an excerpt found 500,000 times, quickly', () => {
    const text = 'a '.repeat(500_000);
    const started = performance.now();
    const segs = highlight(text, ['a']);
    expect(segs.filter((s) => s.mark === 0)).toHaveLength(1);
    expect(segs).toHaveLength(2);
    expect(anchor(text, { excerpt: 'a' }).others).toBe(499_999);
    expect(performance.now() - started).toBeLessThan(1000);
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
