import { describe, expect, it } from 'vitest';
import { duplicateKeys } from './duplicate-keys';
import { validDataset } from '../testing/test-fixtures';
import { validateDatasetText } from './validate';

describe('duplicate JSON keys', () => {
  it('are found with their path, at any depth, and escaped keys are read as keys', () => {
    expect(duplicateKeys('{"a":1,"b":{"c":[1,{"d":1,"d":2}],"c":3},"a\\u0041":1,"aA":2}')).toEqual([
      ['b', 'c', 1, 'd'],
      ['b', 'c'],
      ['aA'],
    ]);
    expect(duplicateKeys('{"s":"a \\"quoted\\" , { [ string","t":"\\\\","s2":1}')).toEqual([]);
    expect(duplicateKeys('['.repeat(100_000) + ']'.repeat(100_000))).toEqual([]);
  });

  it('are a warning on a dataset that is otherwise valid, naming the path', async () => {
    const text = JSON.stringify(validDataset()).replace('"kind":"call",', '"kind":"summit","kind":"call",');
    const result = await validateDatasetText(text, async () => undefined);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.warnings).toEqual([
      { path: 'events[0].kind', message: 'the key "kind" is given twice in this object; the last value is used' },
    ]);
    expect(result.dataset.events[0].kind).toBe('call');
  });

  it('scans 20 MB in well under a second', () => {
    const text = JSON.stringify({ items: Array.from({ length: 200_000 }, (_, i) => ({ id: `r${i}`, text: 'x'.repeat(60), n: i })) });
    const started = performance.now();
    expect(duplicateKeys(text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
