import { describe, expect, it } from 'vitest';
import { wrapLabel } from './chart-bits';

describe('wrapLabel', () => {
  it('keeps short labels on one line and wraps long ones at word boundaries', () => {
    expect(wrapLabel('Call', 15)).toEqual(['Call']);
    expect(wrapLabel('Andrei Belousov', 15)).toEqual(['Andrei Belousov']);
    expect(wrapLabel('US Department of Defense', 15)).toEqual(['US Department', 'of Defense']);
  });

  it('never splits a word, even one longer than a line', () => {
    expect(wrapLabel('Verkhovna Rada Committee', 6)).toEqual(['Verkhovna', 'Rada', 'Committee']);
    expect(wrapLabel('  ', 10)).toEqual(['']);
  });
});
