import { describe, expect, it } from 'vitest';
import { clipGraphemes, cutGraphemes } from './graphemes';

const hasLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('cutting text by grapheme', () => {
  it('never splits a surrogate pair: 199 letters and an emoji cut to 200 units', () => {
    const note = `${'a'.repeat(199)}😀`;
    const cut = cutGraphemes(note, 200);
    expect(cut).toBe('a'.repeat(199));
    expect(hasLoneSurrogate(cut)).toBe(false);
    expect(() => encodeURIComponent(cut)).not.toThrow();
  });

  it('keeps an emoji with its skin tone and a letter with its combining accent whole', () => {
    expect(cutGraphemes('ab👍🏽', 5)).toBe('ab');
    expect(cutGraphemes('ab👍🏽', 6)).toBe('ab👍🏽');
    expect(cutGraphemes('cafe\u0301!', 4)).toBe('caf');
  });

  it('cuts plain text where asked, and looks past it for a mark that belongs to the last letter', () => {
    expect(cutGraphemes('plain words here', 5)).toBe('plain');
    expect(cutGraphemes('ab', 0)).toBe('');
    // The letter before the cut takes the accent after it: both go.
    expect(cutGraphemes('abcde\u0301fg', 5)).toBe('abcd');
    expect(cutGraphemes('abcd\r\nef', 5)).toBe('abcd');
  });

  it('clips with an ellipsis within the limit', () => {
    const clipped = clipGraphemes(`${'x'.repeat(58)}😀😀`, 60);
    expect(clipped).toBe(`${'x'.repeat(58)}…`);
    expect(clipGraphemes('short', 60)).toBe('short');
  });
});
