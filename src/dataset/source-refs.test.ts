import { describe, expect, it } from 'vitest';
import { sourceRefIds, splitSourceRefs } from './source-refs';

describe('source references in prose', () => {
  it('cuts a text into plain runs and references', () => {
    expect(splitSourceRefs('Only [[src:003]] says so; [[src:a_1]]’s headline differs.')).toEqual([
      'Only ',
      { source: '003' },
      ' says so; ',
      { source: 'a_1' },
      '’s headline differs.',
    ]);
    expect(splitSourceRefs('no reference')).toEqual(['no reference']);
    expect(splitSourceRefs('[[src:x]]')).toEqual([{ source: 'x' }]);
  });

  it('leaves malformed markers as text', () => {
    expect(splitSourceRefs('[[src:]] and [[src:a b]] and [src:c]')).toEqual(['[[src:]] and [[src:a b]] and [src:c]']);
    expect(sourceRefIds('[[src:a]] [[src:b]] [[src:a]]')).toEqual(['a', 'b', 'a']);
  });
});
